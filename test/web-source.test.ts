/**
 * The web UI's sources, read as text: it talks to the server only through the HTTP API (no import from src/ or
 * from the tests), and it never turns article text into markup (no dangerouslySetInnerHTML, innerHTML or
 * insertAdjacentHTML, no eval). The browser test checks what this cannot: what actually runs.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const WEB_SRC = join(ROOT, "web", "src");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

test("the web UI imports nothing from outside web/ but its packages", () => {
  const files = sources(WEB_SRC);
  assert.ok(files.length > 10, `found only ${files.length} files in web/src`);
  const bad: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(join(ROOT, "web") + "/")) bad.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test("the web UI never renders text as markup", () => {
  const bad: string[] = [];
  for (const file of sources(WEB_SRC)) {
    const text = readFileSync(file, "utf8");
    for (const pattern of [/dangerouslySetInnerHTML/, /\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/]) {
      if (pattern.test(text)) bad.push(`${relative(ROOT, file)}: ${pattern.source}`);
    }
  }
  assert.deepEqual(bad, []);
});

test("index.html has no inline script or style (the CSP allows scripts from 'self' only)", () => {
  const html = readFileSync(join(ROOT, "web", "index.html"), "utf8");
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    assert.match(m[0], /\bsrc=/, "a script without src");
    assert.equal(m[1]!.trim(), "", "a script with a body");
  }
  assert.doesNotMatch(html, /<style\b/);
  assert.doesNotMatch(html, /\son[a-z]+=/i, "an inline event handler");
});
