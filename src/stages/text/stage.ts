import type { Doc, Sentence } from "../../core/doc.js";
import { registerStage } from "../../core/pipeline.js";
import { sentenceEnds } from "./sentences.js";
import { OffsetBuffer, tokenizeRange } from "./tokenize.js";

/** Tokenizes every block and splits it into sentences; a sentence never crosses a block. */
export function segment(doc: Doc): void {
  const tokens = new OffsetBuffer(Math.max(64, doc.text.length >> 2));
  const sentences: Sentence[] = [];
  doc.blocks.forEach((block, blockIndex) => {
    const first = tokens.count;
    tokenizeRange(doc.text, block.start, block.end, tokens);
    if (tokens.count === first) return;
    let from = first;
    for (const to of sentenceEnds(doc.text, tokens, first, tokens.count)) {
      sentences.push({ start: tokens.start[from]!, end: tokens.end[to - 1]!, tokenStart: from, tokenEnd: to, block: blockIndex });
      from = to;
    }
  });
  const sentenceOf = new Int32Array(tokens.count);
  sentences.forEach((s, i) => sentenceOf.fill(i, s.tokenStart, s.tokenEnd));
  doc.tokens = {
    count: tokens.count,
    start: tokens.start.subarray(0, tokens.count),
    end: tokens.end.subarray(0, tokens.count),
    sentence: sentenceOf,
  };
  doc.sentences = sentences;
}

export const textStage = registerStage({
  name: "text",
  requires: ["doc.text", "doc.blocks"],
  assigns: ["doc.tokens", "doc.sentences"],
  run: segment,
});
