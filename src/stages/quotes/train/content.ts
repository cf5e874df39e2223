/**
 * `npm run train:quotes-content`: trains the content-boundary model (../content.ts) on PolNeAR train and writes
 * models/quotes-content.bin.gz. Deterministic: texts in name order, a fixed shuffle seed per epoch and run. With
 * --seeds K (round 10: 8) the model is the mean of K runs' averaged weights, each run shuffled with its own seeds.
 *
 * The examples are the linker's contents as the stage makes them, from the spans of a tagger that did not see the
 * text (jackknife.ts: K folds), each content fragment matched to the gold fragment it overlaps most; the model learns
 * where that fragment starts and ends.
 *
 * --stage2 (round 10): the spans are the stage's two stages' (the content model runs after models/quotes2.bin.gz):
 * each fold's first-stage labels relabelled by a second stage trained on the other folds' jackknifed first-stage
 * labels (jackknife.ts), --stage2-epochs E epochs (7, as `npm run train:quotes-stack`).
 *
 * Selection on train only: with --exclude-slice the held-out slice of train/main.ts (every tenth text) is left out of
 * the examples, and with --held-out-model H.bin.gz (main.js --held-out-out, the tagger trained without the slice)
 * the slice is scored after every epoch (exact Content / Attribution F1, as `eval quotes` scores); with
 * --held-out-model2 H2.bin.gz (stack.js --held-out-out) the slice is tagged by both stages, as the stage tags. The
 * epochs are then fixed (--epochs N) for the model trained on all of train.
 *
 *   node dist/src/stages/quotes/train/content.js [--polnear DIR] [--folds K] [--tagger-epochs N] [--stage2
 *     [--stage2-epochs E]] [--tagged FILE] [--exclude-slice] [--held-out-model FILE [--held-out-model2 FILE]]
 *     [--epochs N] [--seeds K] [--bits B] [--out FILE]
 *
 * --tagged FILE caches the jackknifed spans (read when it exists and was made with the same folds and epochs, else
 * written): the folds are most of the time.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readPolnear, type PolnearText } from "../../../corpora/polnear.js";
import type { TypedSpan } from "../../entities/labels.js";
import { tokenAt } from "../attribute.js";
import { beforeQuotes, polnearDoc } from "../eval/cli.js";
import { CONTENT, CUE, SOURCE } from "../features.js";
import { assemble, tagBlocks, type TaggedBlock } from "../link.js";
import { best, candidates, contentEnv, emptyCandidates, END, refineContents, serializeContentModel, START, type ContentEnv } from "../content.js";
import { deserializeQuoteModel, type QuoteModel } from "../model.js";
import type { RawAttribution } from "../attribute.js";
import { rng } from "../../entities/train/perceptron.js";
import { quantize } from "../../entities/model.js";
import { emptyScore, prf, scoreText } from "../eval/score.js";
import { charSpan } from "../stage.js";
import { jackknife, rulesContext, type GoldText } from "./jackknife.js";
import { arg } from "./common.js";

const log = (s: string): void => void process.stderr.write(s);

/** The texts through the pipeline before quotes, with their gold attributions as token spans. */
function prepare(texts: readonly PolnearText[]): GoldText[] {
  const pipeline = beforeQuotes();
  return texts.map((t) => {
    const doc = pipeline.run(polnearDoc(t.name, t.text));
    const toTok = (f: { start: number; end: number }, type: number): TypedSpan | null => {
      const s = tokenAt(doc, f.start);
      let e = s;
      while (e < doc.tokens.count && doc.tokens.start[e]! < f.end) e++;
      return e > s ? { start: s, end: e, type } : null;
    };
    const gold = t.attributions.map((a) => {
      const spans: TypedSpan[] = [];
      for (const [frags, type] of [[a.source, SOURCE], [a.cue, CUE], [a.content, CONTENT]] as const)
        for (const f of frags ?? []) {
          const sp = toTok(f, type);
          if (sp) spans.push(sp);
        }
      return spans;
    });
    return { doc, gold };
  });
}

function main(): void {
  const dir = arg("--polnear", "../shared/data/quotes/polnear/train");
  const bits = 18; // the tagger's, as train/main.ts
  const folds = Number(arg("--folds", "4"));
  const taggerEpochs = Number(arg("--tagger-epochs", "8")); // the committed model's jackknife (13 as main.js: not tried, for time)
  const stage2Epochs = process.argv.includes("--stage2") ? Number(arg("--stage2-epochs", "7")) : 0;
  const cache = arg("--tagged", "");
  const texts = readPolnear(dir).filter((t) => t.annFile);
  log(`PolNeAR train: ${texts.length} texts; preparing...\n`);
  const data = prepare(texts);
  // The cache names how its spans were made, so that a stage-1 cache is never read as a stage-2 one.
  const key = `${texts.length} ${texts[0]?.name} ${folds} ${taggerEpochs} ${stage2Epochs}`;
  const cached = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, "utf8")) as { key: string; tagged: TaggedBlock[][] }) : null;
  let tagged: TaggedBlock[][];
  if (cached && cached.key === key) tagged = cached.tagged;
  else {
    if (cached) log(`${cache} was made otherwise (${cached.key}, not ${key}): tagging again\n`);
    const t0 = process.cpuUsage();
    tagged = jackknife(data, folds, taggerEpochs, bits, log, stage2Epochs);
    log(`jackknife: ${(process.cpuUsage(t0).user / 1e6).toFixed(0)} s CPU\n`);
    if (cache) writeFileSync(cache, JSON.stringify({ key, tagged }));
  }
  if (process.argv.includes("--tag-only")) return;
  const bitsC = Number(arg("--bits", "18"));
  const mask = (1 << bitsC) - 1;
  const isSlice = (i: number): boolean => i % 10 === 9;
  const exclude = process.argv.includes("--exclude-slice");
  const decisions: Decision[] = [];
  let frags = 0, inWindow = 0, propRight = 0;
  data.forEach((g, i) => {
    if (exclude && isSlice(i)) return;
    const { ctx, rules } = rulesContext(g.doc);
    const atts = assemble(ctx, rules, tagged[i]!, null, false);
    const env = contentEnv(ctx, rules, atts);
    const goldFrags = g.gold.flat().filter((s) => s.type === CONTENT);
    for (const a of atts) {
      if (!a.cue) continue;
      a.content.forEach((f, fi) => {
        let gf: TypedSpan | null = null, ov = 0;
        for (const x of goldFrags) {
          const o = Math.min(x.end, f.end) - Math.max(x.start, f.start);
          if (o > ov) {
            ov = o;
            gf = x;
          }
        }
        if (!gf) return;
        frags++;
        for (const [kind, target] of [[START, gf.start], [END, gf.end]] as const) {
          const c = emptyCandidates();
          candidates(env, a, fi, kind, mask, c);
          const k = c.pos.indexOf(target);
          if (k < 0) continue;
          inWindow++;
          if (k === c.prop) propRight++;
          decisions.push({ pos: Int32Array.from(c.pos), offs: Int32Array.from(c.offs), feats: Int32Array.from(c.feats), prop: c.prop, gold: k });
        }
      });
    }
  });
  log(`${frags} content fragments matched to gold; ${inWindow} of their ${2 * frags} edges in the window, the linker's right for ${propRight}\n`);
  const heldModel = arg("--held-out-model", ""), heldModel2 = arg("--held-out-model2", "");
  if (heldModel2 && !heldModel) throw new Error("--held-out-model2 needs --held-out-model (the first stage it was trained on)");
  const slice = heldModel ? sliceTexts(texts, data, deserializeQuoteModel(readFileSync(heldModel)), heldModel2 ? deserializeQuoteModel(readFileSync(heldModel2), true) : null) : [];
  if (slice.length > 0) scoreSlice(slice, null, mask, "epoch 0 (the linker's edges)");
  const epochs = Number(arg("--epochs", "10"));
  // --seeds K: K runs with different shuffles, their averaged weights averaged epoch by epoch (a perceptron's edge
  // decisions move with the order of 33k examples: retraining on the same texts less 8 examples moved dev Content by
  // 0.7); K = 1 is the single run the committed model was trained with.
  const seeds = Number(arg("--seeds", "1"));
  const sums = Array.from({ length: epochs }, () => new Float32Array(mask + 1));
  for (let k = 0; k < seeds; k++) {
    const W = new Float32Array(mask + 1), U = new Float64Array(mask + 1);
    let step = 1;
    for (let e = 1; e <= epochs; e++) {
      const order = decisions.map((_, i) => i);
      const r = rng(2000 + e + 1000 * k);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let wrong = 0;
      for (const di of order) {
        const d = decisions[di]!;
        const p = best(W, d);
        if (p !== d.gold) {
          wrong++;
          const upd = (c: number, v: number): void => {
            for (let q = d.offs[c]!; q < d.offs[c + 1]!; q++) {
              W[d.feats[q]!]! += v;
              U[d.feats[q]!]! += step * v;
            }
          };
          upd(d.gold, 1);
          if (p >= 0) upd(p, -1);
        }
        step++;
      }
      const sum = sums[e - 1]!;
      for (let q = 0; q <= mask; q++) sum[q]! += (W[q]! - U[q]! / step) / seeds;
      log(`${seeds > 1 ? `seed ${k + 1}, ` : ""}epoch ${e}: ${wrong} of ${decisions.length} edges wrong\n`);
    }
  }
  let bestF = -1, bestE = 0, bestW: Float32Array | null = null;
  for (let e = 1; e <= epochs; e++) {
    const avg = sums[e - 1]!;
    if (slice.length > 0) {
      const f = scoreSlice(slice, avg, mask, `epoch ${e}`);
      if (f > bestF) {
        bestF = f;
        bestE = e;
        bestW = avg;
      }
    } else bestW = avg;
  }
  if (slice.length > 0) log(`best epoch on the slice: ${bestE}\n`);
  const out = arg("--out", join("models", "quotes-content.bin.gz"));
  const buf = serializeContentModel({ bits: bitsC, w: quantize(bestW!).q });
  writeFileSync(out, buf);
  log(`wrote ${out} (${(buf.length / 1e3).toFixed(0)} KB)\n`);
}

/** One content edge to decide: its candidates, the gold's index among them. */
interface Decision {
  pos: Int32Array;
  offs: Int32Array;
  feats: Int32Array;
  prop: number;
  gold: number;
}

interface SliceText {
  text: PolnearText;
  env: ContentEnv;
  atts: RawAttribution[];
}

/** The held-out slice's texts, linked from the spans of the tagger (one or two stages) trained without them. */
function sliceTexts(texts: readonly PolnearText[], data: readonly GoldText[], model: QuoteModel, model2: QuoteModel | null): SliceText[] {
  const out: SliceText[] = [];
  data.forEach((g, i) => {
    if (i % 10 !== 9) return;
    const { ctx, rules } = rulesContext(g.doc);
    const atts = assemble(ctx, rules, tagBlocks(ctx, rules, model, model2), null, false);
    out.push({ text: texts[i]!, env: contentEnv(ctx, rules, atts), atts });
  });
  return out;
}

/** Exact Content F1 on the slice with weights `w` (null: the linker's edges); logs Content and Attribution. */
function scoreSlice(slice: readonly SliceText[], w: Float32Array | null, mask: number, label: string): number {
  const score = emptyScore();
  for (const s of slice) {
    const atts = s.atts.map((a) => ({ ...a, content: a.content.slice() }));
    if (w) refineContents(s.env, atts, w, mask);
    const doc = s.env.ctx.doc;
    const pred = atts.map((a) => ({ source: a.source ? [charSpan(doc, a.source)] : null, cue: a.cue ? [charSpan(doc, a.cue)] : null, content: a.content.length > 0 ? a.content.map((c) => charSpan(doc, c)) : null }));
    scoreText(s.text.text, s.text.attributions, pred, score);
  }
  const c = prf(score.exact.Content), at = prf(score.exact.Attribution);
  log(`  ${label}: slice exact Content ${(100 * c.f).toFixed(1)} (tp ${score.exact.Content.tp}), Attribution ${(100 * at.f).toFixed(1)}\n`);
  return c.f;
}

main();
