import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { buildServer } from "../../src/server/app.js";
import { openStore, type Store } from "../../src/store/db.js";
import { ingest } from "../../src/store/ingest.js";
import { repoRoot } from "./paths.js";

/** Debian's Chromium, which the browser tests drive through playwright-core. */
export const CHROMIUM = "/usr/bin/chromium";
export const WEB_DIST = join(repoRoot(), "web", "dist");

/** The `skip` option of a browser suite: a reason when Chromium is missing, false otherwise. */
export function browserSkip(): string | false {
  const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install -y chromium); the browser tests need it`;
  if (skip) console.warn(`browser tests skipped: ${skip}`);
  return skip;
}

/** Headless Chromium without the background traffic a test does not need. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A temp PGlite store holding `inputs`, the real server over it with the built UI, and Chromium. */
export interface UiRig {
  store: Store;
  browser: Browser;
  /** The server's origin, `http://127.0.0.1:PORT`. */
  base: string;
  close(): Promise<void>;
}

/**
 * Builds the rig; `expected` is how many new articles the inputs must give. The browser starts while the store is
 * created (migrations on PGlite take seconds on a loaded machine), and the few articles are analysed on this thread,
 * which beats starting worker threads that each load the models.
 */
export async function startUi(inputs: string[], expected: number): Promise<UiRig> {
  assert.ok(existsSync(join(WEB_DIST, "index.html")), "web/dist/index.html is missing: run `npm run build` first");
  const dir = mkdtempSync(join(tmpdir(), "ng-browser-"));
  const launched = launchChromium();
  const store = await openStore(join(dir, "store"), { create: true });
  const summary = await ingest(store, inputs, { workers: 0 });
  assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
  assert.equal(summary.new, expected);
  const app = await buildServer({ store, webDir: WEB_DIST });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await launched;
  return {
    store,
    browser,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
