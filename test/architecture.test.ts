/**
 * The layering of the brief, enforced: the core knows no stage, reader, store or CLI; a stage never imports the CLI,
 * the store or a reader (its eval/ and train/ harnesses may read through the readers); a stage's runtime files (those
 * outside eval/ and train/) are the ones analyze loads, and import no training or evaluation code and no corpus reader; a query
 * never knows NLP; the corpora readers are shared data code, below the stages. Read
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

/** An import or re-export, `from` or for its side effect only (`import "./time/stage.js"`, how the stages register). */
const IMPORT = /^\s*(?:import|export)\s(?:[^;]*?from\s+)?"([^"]+)"/gm;

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
  // Duplicates and stories are pure algorithms over the core's types; their eval/ harness reads corpora and analyzes.
  "stories/": ["stages/", "readers/", "store/", "cli/", "server/", "corpora/", "analyze.js", "bench/", "fuzz/"],
};

/** A stage's evaluation or training harness: a file under some stage's eval/ or train/. */
const HARNESS = /^stages\/[^/]+\/(eval|train)\//;

function violations(list: ReadonlyArray<[string, string]>): string[] {
  const bad: string[] = [];
  for (const [from, to] of list) {
    // A stage's runtime files are what analyze loads: no harness of any stage and no corpus reader behind them.
    if (from.startsWith("stages/") && !HARNESS.test(from) && (HARNESS.test(to) || to.startsWith("corpora/"))) {
      bad.push(`${from} imports ${to}`);
      continue;
    }
    for (const [layer, banned] of Object.entries(FORBIDDEN)) {
      if (!from.startsWith(layer)) continue;
      // A stage's evaluation and training harnesses read their corpora as a user's files would, through the readers.
      const allowed =
        (layer === "stages/" && /\/(eval|train)\//.test(from) && to.startsWith("readers/")) ||
        (layer === "stories/" && from.startsWith("stories/eval/") && /^(readers\/|corpora\/|analyze\.js$)/.test(to));
      if (!allowed && banned.some((b) => to.startsWith(b))) bad.push(`${from} imports ${to}`);
    }
  }
  return bad;
}

/** The runtime: the files reachable by import from analyze() and the stage catalogue. */
function runtime(list: ReadonlyArray<[string, string]>): Set<string> {
  const next = new Map<string, string[]>();
  for (const [from, to] of list) next.set(from, [...(next.get(from) ?? []), to.replace(/\.js$/, ".ts")]);
  const seen = new Set<string>();
  const stack = ["analyze.ts", "stages/index.ts"];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...(next.get(f) ?? []));
  }
  return seen;
}

/** Files at a stage's top (outside its eval/ and train/) that analyze never loads: training or evaluation code misplaced. */
function misplaced(sources: readonly string[], list: ReadonlyArray<[string, string]>): string[] {
  const live = runtime(list);
  return sources.filter((f) => f.startsWith("stages/") && !HARNESS.test(f) && !live.has(f));
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
      ["stories/cluster.ts", "store/db.js"],
      ["stories/cluster.ts", "analyze.js"],
      ["stories/eval/ecb.ts", "analyze.js"],
      ["stories/eval/ecb.ts", "corpora/ecbplus.js"],
      ["stories/story-doc.ts", "core/analysis.js"],
    ]),
    [
      "stages/quotes/eval/cli.ts imports cli/usage.js",
      "store/queries/quotes.ts imports stages/coref/names.js",
      "stages/coref/stage.ts imports readers/index.js",
      "stories/cluster.ts imports store/db.js",
      "stories/cluster.ts imports analyze.js",
    ],
  );
});

test("a stage's runtime files import no eval/ or train/ code and no corpus reader; its harnesses may", () => {
  assert.deepEqual(
    violations([
      ["stages/entities/stage.ts", "stages/entities/train/main.js"],
      ["stages/time/tagger.ts", "stages/time/eval/score.js"],
      ["stages/amounts/amounts.ts", "stages/quotes/eval/score.js"],
      ["stages/entities/tagger.ts", "corpora/conll.js"],
      ["stages/entities/train/main.ts", "stages/entities/eval/conlleval.js"],
      ["stages/entities/train/main.ts", "corpora/conll.js"],
      ["stages/amounts/eval/cli.ts", "stages/time/eval/score.js"],
      ["stages/quotes/train/main.ts", "stages/entities/train/perceptron.js"],
      ["stages/entities/stage.ts", "stages/text/blocks.js"],
    ]),
    [
      "stages/entities/stage.ts imports stages/entities/train/main.js",
      "stages/time/tagger.ts imports stages/time/eval/score.js",
      "stages/amounts/amounts.ts imports stages/quotes/eval/score.js",
      "stages/entities/tagger.ts imports corpora/conll.js",
    ],
  );
});

test("a stage's top holds only what analyze loads; training and evaluation code stands in its train/ and eval/", () => {
  const sources = files(SRC).map((f) => relative(SRC, f));
  assert.ok(sources.includes("stages/entities/stage.ts"), "is the source tree there?");
  assert.deepEqual(misplaced(sources, imports()), []);
  assert.deepEqual(
    misplaced(
      ["stages/index.ts", "stages/x/stage.ts", "stages/x/rules/a.ts", "stages/x/eval-cli.ts", "stages/x/eval/cli.ts", "stages/x/train/main.ts"],
      [
        ["stages/index.ts", "stages/x/stage.js"],
        ["stages/x/stage.ts", "stages/x/rules/a.js"],
        ["stages/x/eval/cli.ts", "stages/x/eval-cli.js"],
        ["stages/x/train/main.ts", "stages/x/stage.js"],
      ],
    ),
    ["stages/x/eval-cli.ts"],
  );
});
