/**
 * The web UI: files from web/dist (`npm run build:web`), and index.html for every other GET outside /api and
 * /docs, so the UI's own URLs (/articles/…, /entities/…) can be reloaded and shared. Without web/dist, a plain
 * message says how to build it. Unknown /api paths, and other methods, answer the API's 404.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./errors.js";

export const NO_UI_MESSAGE = "newsgraph: the web UI is not built. Run `npm run build:web` (or `npm run build`) and restart; the API is at /api and its docs at /docs.\n";

export async function addWebUi(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const hasUi = webDir !== undefined && existsSync(join(webDir, "index.html"));
  if (hasUi) {
    // wildcard: files are looked up as they are asked for, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: "index.html" });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0]!;
    const isApi = path === "/api" || path.startsWith("/api/") || path === "/docs" || path.startsWith("/docs/");
    if (isApi || (request.method !== "GET" && request.method !== "HEAD")) {
      return sendError(reply, 404, `no route ${request.method} ${path}${isApi ? " (the routes are listed at /docs)" : ""}`);
    }
    if (!hasUi) return reply.code(200).type("text/plain; charset=utf-8").send(NO_UI_MESSAGE);
    // A client-side route: the UI's shell, never cached, so a new build is picked up.
    return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html");
  });
}
