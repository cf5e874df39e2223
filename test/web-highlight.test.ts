/**
 * The reader's span nesting (web/src/highlight.ts) on random overlapping spans: every character of every span is
 * covered exactly once, by pieces that nest inside their parents in text order. The web code is built by Vite, not by
 * this project's tsc, so the test transpiles that one dependency-free file itself and imports it as a module.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { repoRoot } from "./support/paths.js";

type Kind = "quote" | "speaker" | "cue" | "entity" | "date" | "amount";
interface Mark {
  kind: Kind;
  start: number;
  end: number;
  data: number;
}
interface MarkNode {
  mark: Mark;
  start: number;
  end: number;
  children: MarkNode[];
}

async function loadNestMarks(): Promise<(marks: Mark[], from: number, to: number) => MarkNode[]> {
  const source = readFileSync(join(repoRoot(), "web", "src", "highlight.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as { nestMarks: (m: Mark[], f: number, t: number) => MarkNode[] };
  return mod.nestMarks;
}

const KINDS: Kind[] = ["quote", "speaker", "cue", "entity", "date", "amount"];

test("nested highlights cover every span exactly once, inside their parents, in order", async () => {
  const nestMarks = await loadNestMarks();
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let trial = 0; trial < 5000; trial++) {
    const from = random(5);
    const to = from + 1 + random(40);
    const marks: Mark[] = Array.from({ length: random(8) }, (_, i) => {
      const start = random(to + 5);
      return { kind: KINDS[random(KINDS.length)]!, start, end: start + random(15), data: i };
    });
    const covered = new Set<string>();
    const walk = (nodes: MarkNode[], lo: number, hi: number) => {
      let at = lo;
      for (const node of nodes) {
        assert.ok(node.start >= at && node.end <= hi && node.start < node.end, `bad piece in ${JSON.stringify({ marks, from, to })}`);
        at = node.end;
        for (let c = node.start; c < node.end; c++) {
          const key = `${node.mark.data}:${c}`;
          assert.ok(!covered.has(key), `character ${c} of mark ${node.mark.data} twice`);
          covered.add(key);
        }
        walk(node.children, node.start, node.end);
      }
    };
    walk(nestMarks(marks, from, to), from, to);
    for (const m of marks) {
      for (let c = Math.max(m.start, from); c < Math.min(m.end, to); c++) assert.ok(covered.has(`${m.data}:${c}`), `character ${c} of mark ${m.data} lost`);
    }
  }
});

test("a quote holds its speaker and a name: equal spans nest by kind, a crossing span is split at the outer end", async () => {
  const nestMarks = await loadNestMarks();
  const forest = nestMarks(
    [
      { kind: "entity", start: 0, end: 5, data: 1 },
      { kind: "speaker", start: 0, end: 5, data: 2 },
      { kind: "quote", start: 3, end: 12, data: 3 },
      { kind: "date", start: 10, end: 15, data: 4 },
    ],
    0,
    20,
  );
  const shape = (nodes: MarkNode[]): unknown => nodes.map((n) => [n.mark.kind, n.start, n.end, shape(n.children)]);
  assert.deepEqual(shape(forest), [
    ["speaker", 0, 5, [["entity", 0, 5, [["quote", 3, 5, []]]]]],
    ["quote", 5, 12, [["date", 10, 12, []]]],
    ["date", 12, 15, []],
  ]);
});
