/**
 * `newsgraph eval quotes --polnear DIR [--out DIR]`: runs the pipeline on PolNeAR's texts (DIR/text/*.txt) and scores
 * its attributions against the gold (DIR/attributions/*.ann; for a text with several annotators, the alphabetically
 * first file). With --out, writes one brat file per text, `<text name>.ann`, spans as character offsets into the
 * .txt, in PolNeAR's conventions (the content of a direct quote with its marks, of an indirect one with its "that").
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Block } from "../../../core/analysis.js";
import { Doc } from "../../../core/doc.js";
import { createPipeline, type Pipeline } from "../../../core/pipeline.js";
import { readPolnear, writeBrat, type BratAttribution } from "../../../corpora/polnear.js";
import { DEFAULT_STAGES } from "../../index.js";
import { classifyParagraph } from "../../text/blocks.js";
import { UsageError } from "../../../core/errors.js";
import type { RawAttribution, TokSpan } from "../attribute.js";
import { attributions, charSpan } from "../stage.js";
import { emptyScore, formatScore, scoreText, type QuoteScore, type SpeakerError } from "./score.js";

/** A Doc over the .txt itself (offsets are the file's): the first line is the title, every other line a block. */
export function polnearDoc(name: string, text: string): Doc {
  const blocks: Block[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let start = m.index, end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    blocks.push({ start, end, kind: blocks.length === 0 ? "title" : classifyParagraph(text.slice(start, end)) });
  }
  const title = blocks[0] ? text.slice(blocks[0].start, blocks[0].end) : "";
  return new Doc({ id: name, source: null, url: null, published: null, section: null, title, authors: [], language: "en" }, text, blocks);
}

/** The pipeline up to the quotes stage, and the attributions of one text in brat form. */
export function predictText(pipeline: Pipeline, name: string, text: string, inheritSources = false): BratAttribution[] {
  const doc = pipeline.run(polnearDoc(name, text));
  const { atts } = attributions(doc);
  // With inheritSources, a floating quote (no cue of its own) is given the source of the attribution it inherits
  // its speaker from (followed along the chain), as the Analysis credits its speaker. PolNeAR itself has no
  // attribution without a cue, so by default such a quote is written without a source.
  const sourceOf = (a: RawAttribution): TokSpan | null => {
    for (let k = 0, x: RawAttribution | undefined = a; x && k < 8; k++) {
      if (x.source) return x.source;
      x = x.inherit >= 0 ? atts[x.inherit] : undefined;
    }
    return null;
  };
  return atts.map((a) => {
    const source = inheritSources ? sourceOf(a) : a.source;
    return {
      source: source ? [charSpan(doc, source)] : null,
      cue: a.cue ? [charSpan(doc, a.cue)] : null,
      content: a.content.length > 0 ? a.content.map((c) => charSpan(doc, c)) : null,
    };
  });
}

export function beforeQuotes(): Pipeline {
  return createPipeline(DEFAULT_STAGES.filter((s) => s !== "quotes"));
}

/**
 * `every` > 1 keeps every every-th text in name order (indices every - 1, 2·every - 1, …: the slice train/main.ts
 * holds out), so rules can be chosen on a train slice and dev only reported.
 */
export function evaluatePolnear(dir: string, out: string | null, errors?: SpeakerError[], inheritSources = false, every = 1): { score: QuoteScore; texts: number; seconds: number } {
  const texts = readPolnear(dir).filter((_, i) => i % every === every - 1);
  const pipeline = beforeQuotes();
  const score = emptyScore();
  if (out) mkdirSync(out, { recursive: true });
  const t0 = process.hrtime.bigint();
  for (const t of texts) {
    const pred = predictText(pipeline, t.name, t.text, inheritSources);
    if (out) writeFileSync(join(out, `${t.name}.ann`), writeBrat(t.text, pred));
    if (t.annFile) scoreText(t.text, t.attributions, pred, score, errors);
  }
  return { score, texts: texts.length, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

const HELP = `Usage: newsgraph eval quotes --polnear DIR [--out DIR] [--errors N] [--inherit-sources] [--every N]

Scores Source, Cue, Content and whole attributions (exact spans and token overlap) and the speaker of direct
quotes against PolNeAR (DIR holds text/*.txt and attributions/*.ann; with several annotators for one text, the
alphabetically first annotator's file is the gold). --out DIR writes the predictions as brat .ann files.
--errors N prints the first N direct quotes whose speaker was missed: gold against predicted source and cue.
--inherit-sources gives a floating quote (no cue of its own) the source of the attribution whose speaker it
inherits, as the Analysis does; PolNeAR has no attribution without a cue, so this costs Source precision.
--every N scores only every N-th text in name order (the 10th, 20th, … for 10: the train slice that
train:quotes holds out), to choose rules on train and keep dev for reporting.
`;

export async function main(argv: string[]): Promise<number> {
  let dir: string | null = null, out: string | null = null, nErrors = 0, inheritSources = false, every = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-h" || a === "--help") {
      process.stdout.write(HELP);
      return 0;
    }
    if (a === "--polnear") dir = argv[++i] ?? null;
    else if (a === "--out") out = argv[++i] ?? null;
    else if (a === "--inherit-sources") inheritSources = true;
    else if (a === "--every") {
      every = Number(argv[++i]);
      if (!Number.isInteger(every) || every < 1) throw new UsageError("eval quotes: --every takes a positive count");
    } else if (a === "--errors") {
      nErrors = Number(argv[++i]);
      if (!Number.isInteger(nErrors) || nErrors < 0) throw new UsageError("eval quotes: --errors takes a count");
    }
    else throw new UsageError(`eval quotes: unknown option ${a}`);
  }
  if (!dir) throw new UsageError("eval quotes: --polnear DIR is required");
  const errors: SpeakerError[] = [];
  const { score, texts, seconds } = evaluatePolnear(dir, out, nErrors > 0 ? errors : undefined, inheritSources, every);
  process.stdout.write(`PolNeAR ${dir}: ${texts} texts, ${seconds.toFixed(1)} s\n${formatScore(score)}\n`);
  for (const e of errors.slice(0, nErrors))
    process.stdout.write(`\n- content: ${e.content}\n  gold: ${e.goldSource} | ${e.goldCue}\n  pred: ${e.predSource ?? "(no source)"} | ${e.predCue ?? "(no cue)"}\n  context: …${e.context}…\n`);
  return 0;
}
