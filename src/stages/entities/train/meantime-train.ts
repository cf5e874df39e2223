/**
 * MEANTIME (Wikinews, CC BY 4.0) as NER training data: the named mentions of one half's files, in CoNLL form, so
 * that the model sees 2000s web news (companies and products as subjects: "Boeing said", "the Dreamliner") beside
 * 1996 Reuters. The article goes through the real layout, tokenizer and sentence splitter, as in the evaluation,
 * so the training tokens are the tokens the tagger sees at run time. Only the sentences MEANTIME annotates (title,
 * date line, first four sentences) are used, and mentions are marked by their name core (see eval/meantime.ts).
 */
import { readFileSync } from "node:fs";
import type { Span } from "../../../core/analysis.js";
import { layoutArticle } from "../../text/layout.js";
import { segment } from "../../text/stage.js";
import type { ConllDoc } from "../../../corpora/conll.js";
import { GAZ } from "../features.js";
import type { HashTable } from "../hash-table.js";
import { meantimeArticle, readMeantime, textMapper } from "../../../corpora/meantime.js";
import { listCorpus } from "../../../corpora/split.js";
import { meantimeNames, type MeantimeType } from "../eval/meantime.js";
import { gazetteerBits } from "../mention-rules.js";

/** MEANTIME types to the tagger's: stock indices, currencies, mixed and unlinked names are MISC, as in CoNLL. */
const TAG_TYPE: Record<MeantimeType, string> = { PER: "PER", ORG: "ORG", LOC: "LOC", PRO: "PRO", FIN: "MISC", MIX: "MISC" };

/** The files of one half (src/corpora/split.ts) as CoNLL documents (IOB2 tags), in file name order. */
export function meantimeTrainingDocs(dir: string, half: "even" | "odd", gazetteer: HashTable | null): ConllDoc[] {
  return listCorpus(dir, ".xml", half).map((f) => meantimeTrainingDoc(readFileSync(f, "utf8"), gazetteer));
}

/** One MEANTIME file as a CoNLL document: the annotated story sentences, tokenized as at run time. */
export function meantimeTrainingDoc(xml: string, gazetteer: HashTable | null): ConllDoc {
  // The corpus's "#" for a pound sign stays "#" here, as the reader wrote it when models/ner.bin.gz was trained
  // (the shared reader has made it "£" since 544d842); otherwise the training text, and the model, differ.
  const md = readMeantime(xml, { pounds: false });
  const doc = layoutArticle(meantimeArticle(md));
  segment(doc);
  const { move, annotatedEnd } = textMapper(md, doc.text);
  const names: (Span & { type: string })[] = [];
  for (const g of meantimeNames(md)) {
    const name = move(g.name);
    if (name) names.push({ ...name, type: TAG_TYPE[g.type ?? "MIX"] });
  }
  const out: ConllDoc = { sentences: [] };
  for (const s of doc.storySentences()) {
    if (s.end > annotatedEnd) break;
    const words: string[] = [];
    const tags: string[] = [];
    let whole = true;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const a = doc.tokens.start[t]!, b = doc.tokens.end[t]!;
      const name = names.find((n) => n.start < b && a < n.end);
      // A name that cuts a token ("Boeing" of a "Boeing-built" token) cannot be tagged on these tokens.
      if (name && (a < name.start || b > name.end)) whole = false;
      const word = doc.tokenText(t);
      words.push(word);
      if (name) tags.push(`${a === name.start ? "B" : "I"}-${name.type}`);
      // MEANTIME does not annotate nationalities ("American"); CoNLL tags them MISC, and so does the model.
      else tags.push(word !== word.toLowerCase() && (gazetteerBits([word], gazetteer) & GAZ.NATIONALITY) !== 0 ? "B-MISC" : "O");
    }
    if (whole && words.length > 0) out.sentences.push({ lines: [], words, tags });
  }
  return out;
}
