/**
 * Stage "amounts": money, percentages and counts in the story blocks. Numbers inside timexes
 * ("2022", "10 months") are left to the time stage, which therefore runs first.
 */
import type { Doc } from "../../core/doc.js";
import { registerStage } from "../../core/pipeline.js";
import { AmountTagger } from "./amounts.js";

export const amountsStage = registerStage({
  name: "amounts",
  requires: ["doc.sentences", "doc.timexes"],
  assigns: ["doc.amounts"],
  run(doc: Doc): void {
    const tagger = new AmountTagger();
    const out = [];
    for (const s of doc.storySentences()) out.push(...tagger.tag(doc.text, s.start, s.end, doc.timexes));
    doc.amounts = out;
  },
});
