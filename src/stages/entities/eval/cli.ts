/**
 * `newsgraph eval ner --conll FILE [--out PRED] [--json] [--model FILE]`
 * Tags a CoNLL-2003 file with the NER model and scores it as conlleval does (chunk precision, recall, F1, overall
 * and per type). With --out, writes the file back with one more column holding the predicted tag, in the input's
 * tag scheme (IOB1, IOB2 or IOBES), so the standard conlleval script reads it.
 *
 * `newsgraph eval ner --meantime DIR [--half even|odd] [--errors N] [--json]`
 * Runs `analyze` (text and entities stages) on MEANTIME articles rebuilt as prose and scores the entity mentions
 * against MEANTIME's named mentions (see meantime.ts and meantime-score.ts for the conventions).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { UsageError } from "../../../core/errors.js";
import { evalMeantime } from "./meantime-eval.js";
import { ChunkCounter, formatResult } from "./conlleval.js";
import { parseConll } from "../../../corpora/conll.js";
import { conllTypeName, detectScheme, spansFromTags, tagsFromSpans } from "../labels.js";
import { defaultTagger } from "../load.js";
import { loadModel } from "../model.js";
import { NerTagger } from "../tagger.js";

const HELP = `Usage: newsgraph eval ner --conll FILE [--out PRED] [--json] [--model FILE]
       newsgraph eval ner --meantime DIR [--half even|odd] [--errors N] [--json]

--conll: tags a CoNLL-2003 file (token POS chunk NER per line) with the NER model and prints
precision, recall and F1 overall and per type, as conlleval defines them, and the tagging speed.

--meantime: rebuilds each MEANTIME article (*.xml below DIR) as prose, runs analyze (text and
entities stages) on it and scores the entity mentions in the annotated sentences against the
named (NAM) mentions: exact (name extent, as OntoNotes marks names), raw (MEANTIME's own extent)
and overlap, with types PERSON->PER, ORG->ORG, GPE/LOC->LOC, PRODUCT->PRO. NORP, EVENT and MISC
mentions are left out, and so are MEANTIME's FIN and MIX mentions.

Options:
  --conll FILE    the gold file to score (IOB1, IOB2 or IOBES tags in the last column)
  --out PRED      write the file back with one more column holding the predicted tag, same scheme
  --meantime DIR  a MEANTIME folder (intra-doc_annotation)
  --half H        only the files whose name hashes (FNV-1a) to that half: even is the dev half,
                  odd the check half
  --errors N      print up to N exact-match errors (missed and spurious mentions)
  --json          print the scores as JSON
  --model FILE    score another model file (default: models/ner.bin.gz; --conll only)
  -h, --help      this help

Examples:
  newsgraph eval ner --conll ../shared/data/ner/conll2003/eng.testa
  newsgraph eval ner --conll ../shared/data/ner/conll2003/eng.testa --out testa.pred && perl conlleval < testa.pred
  newsgraph eval ner --meantime ../shared/data/meantime/intra-doc_annotation --half even --errors 100
`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      conll: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
      model: { type: "string" },
      meantime: { type: "string" },
      half: { type: "string" },
      errors: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.meantime) {
    if (values.conll) throw new UsageError("eval ner takes --conll or --meantime, not both");
    const half = values.half ?? null;
    if (half !== null && half !== "even" && half !== "odd") throw new UsageError(`--half needs "even" or "odd", got "${half}"`);
    const errors = values.errors === undefined ? 0 : Number(values.errors);
    if (!Number.isInteger(errors) || errors < 0) throw new UsageError(`--errors needs a count, got "${values.errors}"`);
    return evalMeantime(values.meantime, half, errors, values.json ?? false);
  }
  if (!values.conll) throw new UsageError("eval ner needs --conll FILE or --meantime DIR (see --help)");
  let text: string;
  try {
    text = readFileSync(values.conll, "utf8");
  } catch (e) {
    process.stderr.write(`newsgraph: ${values.conll}: cannot read: ${(e as Error).message}\n`);
    return 1;
  }
  const docs = parseConll(text);
  const scheme = detectScheme(docs.flatMap((d) => d.sentences.flatMap((s) => s.tags)));
  const tagger = values.model ? new NerTagger(loadModel(values.model)) : defaultTagger();

  const counter = new ChunkCounter();
  const predicted: string[] = [];
  let tokens = 0;
  const t0 = process.hrtime.bigint();
  const tagged = docs.map((d) => tagger.tagDoc(d.sentences.map((s) => s.words)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  docs.forEach((d, di) => {
    d.sentences.forEach((s, si) => {
      const spans = tagged[di]![si]!.map((x) => ({ start: x.start, end: x.end, type: conllTypeName(x.type) }));
      const tags = tagsFromSpans(s.words.length, spans, scheme);
      counter.add(spansFromTags(s.tags), spansFromTags(tags), s.tags, tags);
      predicted.push(...tags);
      tokens += s.words.length;
    });
  });

  if (values.out) writeFileSync(values.out, withPredictions(text, predicted));
  const result = counter.result();
  const speed = { tokens, seconds: Number(seconds.toFixed(3)), tokensPerSecond: Math.round(tokens / Math.max(seconds, 1e-9)) };
  if (values.json) process.stdout.write(JSON.stringify({ file: values.conll, scheme, ...result, speed }, null, 2) + "\n");
  else process.stdout.write(`${formatResult(result)}\ntagging: ${speed.tokens} tokens in ${speed.seconds}s (${speed.tokensPerSecond} tokens/s)\n`);
  return 0;
}

/** The input with one more column: the predicted tag for token lines, O for -DOCSTART- lines. */
function withPredictions(text: string, predicted: readonly string[]): string {
  let k = 0;
  const lines = text.split("\n").map((raw) => {
    const cr = raw.endsWith("\r");
    const line = cr ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return raw;
    const tag = line.startsWith("-DOCSTART-") ? "O" : predicted[k++]!;
    return `${line} ${tag}${cr ? "\r" : ""}`;
  });
  return lines.join("\n");
}
