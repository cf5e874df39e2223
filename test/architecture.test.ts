/**
 * The layering of the brief, enforced: the core knows no stage, reader, store or CLI; a stage never imports the CLI,
 * the store or a reader (its eval/ and train/ harnesses may read through the readers); a query never knows NLP; the corpora readers are shared data code, below the stages. Read
 * from the TypeScript sources (the tests run from dist/test, the sources are two folders up).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SRC = join(ROOT, "src");

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm;

/** Every relative import of the sources: [importing file, imported file], both relative to src/. */
function imports(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const f of files(SRC)) {
    const text = readFileSync(f, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1]!;
      if (!spec.startsWith(".")) continue;
      out.push([relative(SRC, f), relative(SRC, resolve(dirname(f), spec))]);
    }
  }
  return out;
}

/** Layers that `from` (a folder of src/) must not import. */
const FORBIDDEN: Record<string, readonly string[]> = {
  "core/": ["stages/", "readers/", "store/", "cli/", "server/", "corpora/"],
  "stages/": ["cli/", "store/", "server/", "readers/"],
  "store/queries/": ["stages/", "readers/", "cli/", "server/"],
  "corpora/": ["stages/", "store/", "cli/", "server/", "readers/"],
  "readers/": ["store/", "cli/", "server/"],
  // The server is a front end like the CLI: the store serves it, never the reverse.
  "store/": ["server/", "cli/"],
};

function violations(list: ReadonlyArray<[string, string]>): string[] {
  const bad: string[] = [];
  for (const [from, to] of list) {
    for (const [layer, banned] of Object.entries(FORBIDDEN)) {
      if (!from.startsWith(layer)) continue;
      // A stage's evaluation and training harnesses read their corpora as a user's files would, through the readers.
      const allowed = layer === "stages/" && /\/(eval|train)\//.test(from) && to.startsWith("readers/");
      if (!allowed && banned.some((b) => to.startsWith(b))) bad.push(`${from} imports ${to}`);
    }
  }
  return bad;
}

test("the layers import only downwards", () => {
  const all = imports();
  assert.ok(all.length > 100, `found only ${all.length} imports: is the source tree there?`);
  assert.deepEqual(violations(all), []);
});

/** Every import specifier of the web UI's sources (web/src, .ts and .tsx), relative or bare; none before web/ exists. */
function webImports(): Array<[string, string]> {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) ? [p] : [];
    });
  const dir = join(ROOT, "web", "src");
  if (!existsSync(dir)) return [];
  return walk(dir).flatMap((f) => [...readFileSync(f, "utf8").matchAll(IMPORT)].map((m): [string, string] => [relative(ROOT, f), m[1]!]));
}

test("the web UI imports nothing from src/: it talks to the server over HTTP only", () => {
  const all = webImports();
  const bad = all
    .filter(([from, spec]) => spec.startsWith(".") && resolve(ROOT, dirname(from), spec).startsWith(SRC + "/"))
    .map(([from, spec]) => `${from} imports ${spec}`);
  assert.deepEqual(bad, []);
});

test("the layering check names a forbidden import and lets an allowed one through", () => {
  assert.deepEqual(
    violations([
      ["stages/quotes/eval/cli.ts", "cli/usage.js"],
      ["stages/quotes/eval/cli.ts", "core/errors.js"],
      ["store/queries/quotes.ts", "stages/coref/names.js"],
      ["store/ingest.ts", "stages/index.js"],
      ["stages/coref/eval/polnear-names.ts", "readers/index.js"],
      ["stages/coref/stage.ts", "readers/index.js"],
    ]),
    [
      "stages/quotes/eval/cli.ts imports cli/usage.js",
      "store/queries/quotes.ts imports stages/coref/names.js",
      "stages/coref/stage.ts imports readers/index.js",
    ],
  );
});
