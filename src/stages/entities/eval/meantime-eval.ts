/**
 * `newsgraph eval ner --meantime DIR`: the whole pipeline up to entities (layout, tokenizer, sentence splitter,
 * tagger, type refinement) on MEANTIME articles rebuilt as prose, scored against the named mentions.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Span } from "../../../core/analysis.js";
import { createPipeline } from "../../../core/pipeline.js";
import { analyze } from "../../../analyze.js";
import type { TypeScore } from "./conlleval.js";
import { meantimeArticle, readMeantime, textMapper } from "../../../corpora/meantime.js";
import { listCorpus } from "../../../corpora/split.js";
import { meantimeNames } from "./meantime.js";
import { MeantimeCounter, meantimeType, SCORED_TYPES, type GoldMention, type MeantimeResult, type ScoredSpan } from "./meantime-score.js";

export async function evalMeantime(dir: string, half: "even" | "odd" | null, errorLimit: number, json: boolean): Promise<number> {
  let files: string[];
  try {
    files = listCorpus(dir, ".xml", half);
  } catch (e) {
    process.stderr.write(`newsgraph: ${dir}: cannot read: ${(e as Error).message}\n`);
    return 1;
  }
  const pipeline = createPipeline(["text", "time", "entities"]);
  const counter = new MeantimeCounter();
  const errors: string[] = [];
  for (const file of files) {
    const doc = readMeantime(readFileSync(file, "utf8"));
    const analysis = analyze(meantimeArticle(doc), pipeline);
    // Gold offsets (in the rebuilt text) to offsets in the analysed text, through the token boundaries.
    const { move, annotatedEnd } = textMapper(doc, analysis.text);
    const gold: GoldMention[] = [];
    for (const g of meantimeNames(doc)) {
      const span = move(g.span), name = move(g.name);
      if (span && name) gold.push({ span, name, type: g.type });
      else process.stderr.write(`newsgraph: ${basename(file)}: gold mention at ${g.span.start} not found in the analysed text\n`);
    }
    const system: ScoredSpan[] = [];
    for (const e of analysis.entities) {
      const type = meantimeType(e.type);
      if (type) for (const m of e.mentions) if (m.end <= annotatedEnd) system.push({ start: m.start, end: m.end, type });
    }
    system.sort((a, b) => a.start - b.start);
    const res = counter.add(gold, system);
    const show = (s: Span): string => `"${analysis.text.slice(s.start, s.end).replace(/\s+/g, " ")}"`;
    for (const m of res.missed) {
      if (errors.length >= errorLimit) break;
      const found = m.found.map((s) => `${show(s)} ${s.type}`).join(", ");
      errors.push(`MISS ${m.gold.type} ${show(m.gold.name)} (annotated ${show(m.gold.span)})${found ? ` | found ${found}` : ""}  [${basename(file)}]`);
    }
    for (const s of res.spurious) if (errors.length < errorLimit) errors.push(`SPUR ${s.type} ${show(s)}  [${basename(file)}]`);
  }
  const result = counter.result();
  const name = `meantime:${dir}${half ? ` (${half} half)` : ""}`;
  if (json) process.stdout.write(JSON.stringify({ corpus: name, ...result }, null, 2) + "\n");
  else {
    process.stdout.write(`${formatMeantime(name, result)}\n`);
    if (errors.length > 0) process.stdout.write(`\n${errors.join("\n")}\n`);
  }
  return 0;
}

export function formatMeantime(name: string, r: MeantimeResult): string {
  const f = (x: number): string => x.toFixed(2).padStart(6);
  const row = (label: string, s: TypeScore): string =>
    `  ${label.padEnd(8)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}   gold ${s.gold}, found ${s.predicted}, correct ${s.correct}`;
  const lines = [`${name}: ${r.documents} documents`];
  for (const way of ["exact", "raw", "overlap"] as const) {
    lines.push(`${way}:`, row("overall", r[way].overall));
    for (const t of SCORED_TYPES) lines.push(row(t, r[way].types[t]!));
  }
  const unscored = Object.entries(r.unscoredGold).map(([t, n]) => `${t} ${n}`).join(", ");
  lines.push(`not scored (no counterpart in our types): ${unscored || "none"}`);
  return lines.join("\n");
}
