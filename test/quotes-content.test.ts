import assert from "node:assert/strict";
import { test } from "node:test";
import { buildContext, type QuoteContext } from "../src/stages/quotes/attribute.js";
import { candidates, contentEnv, deserializeContentModel, emptyCandidates, END, refineContents, serializeContentModel, START } from "../src/stages/quotes/content.js";
import { beforeQuotes, polnearDoc } from "../src/stages/quotes/eval/cli.js";
import { CONTENT, CUE, SOURCE } from "../src/stages/quotes/features.js";
import { assemble } from "../src/stages/quotes/link.js";

// The content-boundary model's candidates and decoding, with hand-made tagger spans (whatever the committed weights).

const pipeline = beforeQuotes();
const P = "He said that the statistics were fabricated, and nobody believed him. Then she spoke.";

function setup(): { ctx: QuoteContext; spans: { start: number; end: number; type: number }[] } {
  const ctx = buildContext(pipeline.run(polnearDoc("t", `A story\n${P}\n`)));
  const at = (s: string): number => ctx.words.indexOf(s);
  const said = at("said");
  return { ctx, spans: [{ start: said - 1, end: said, type: SOURCE }, { start: said, end: said + 1, type: CUE }, { start: said + 1, end: at("fabricated") + 1, type: CONTENT }] };
}

test("content model: candidates stay in the fragment's sentence, never over the cue or source, and hold the linker's edge", () => {
  const { ctx, spans } = setup();
  const atts = assemble(ctx, [], [{ block: 1, spans }], null);
  const a = atts.find((x) => x.cue)!;
  const env = contentEnv(ctx, [], atts);
  const sent = ctx.doc.tokens.sentence;
  const c = emptyCandidates();
  for (const kind of [START, END]) {
    candidates(env, a, 0, kind, (1 << 16) - 1, c);
    assert.ok(c.prop >= 0 && c.pos[c.prop] === (kind === START ? a.content[0]!.start : a.content[0]!.end));
    for (const p of c.pos) {
      assert.ok(p >= a.cue!.end, "not over the cue");
      const t = kind === START ? p : p - 1;
      assert.equal(sent[t], sent[a.cue!.start], "in the sentence");
    }
    assert.equal(c.offs.length, c.pos.length + 1);
  }
});

test("content model: zero weights keep the linker's edges; the file round-trips; the committed weights keep a clause content whole", () => {
  const { ctx, spans } = setup();
  const base = assemble(ctx, [], [{ block: 1, spans }], null);
  const moved = base.map((a) => ({ ...a, content: a.content.slice() }));
  const zero = deserializeContentModel(serializeContentModel({ bits: 12, w: new Int16Array(1 << 12) }));
  assert.equal(zero.bits, 12);
  refineContents(contentEnv(ctx, [], moved), moved, zero.w, (1 << 12) - 1);
  assert.deepEqual(moved.map((a) => a.content), base.map((a) => a.content));
  const withModel = assemble(buildContext(ctx.doc), [], [{ block: 1, spans }]);
  const a = withModel.find((x) => x.cue)!;
  const f = a.content[0]!;
  const text = ctx.doc.text.slice(ctx.doc.tokens.start[f.start]!, ctx.doc.tokens.end[f.end - 1]!);
  assert.ok(text.startsWith("that the statistics were fabricated"), text);
  assert.ok(!text.includes("Then she"), text);
});
