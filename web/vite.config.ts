// The web UI's build: web/ is the Vite root, the output goes to web/dist, which the server serves.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The CSP allows scripts from 'self' only: keep every module a file, never an inline data: URL.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npx vite web` during development: the API is the real server's.
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
