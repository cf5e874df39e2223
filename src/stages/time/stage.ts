/**
 * Stage "time": TIMEX3 expressions of the story blocks (title, body, crossheads, captions), normalized against the publication date
 * (doc.article.published) and the tense of their clause. Sentences are read in order with one tagger,
 * so "that day" and "the previous day" follow the last date in focus.
 */
import type { Doc } from "../../core/doc.js";
import { registerStage } from "../../core/pipeline.js";
import { TimexTagger } from "./tagger.js";

export const timeStage = registerStage({
  name: "time",
  requires: ["doc.sentences"],
  assigns: ["doc.timexes"],
  run(doc: Doc): void {
    const tagger = new TimexTagger(doc.article.published);
    const out = [];
    for (const s of doc.storySentences()) out.push(...tagger.tag(doc.text, s.start, s.end));
    tagger.finish();
    doc.timexes = out;
  },
});
