/**
 * `node dist/src/stages/entities/eval/tagging-ab.js --a MODEL --b MODEL [--b-dist DIR] [--corpus DIR] [--rounds N]`:
 * NER tagging throughput of two model files on the same documents in one process, in alternating rounds (A, B, A,
 * B ...), so that a shared machine's drift falls on both; the best round of each is reported, in CPU time of this
 * process (user + system) and wall time, with the model load times. `--b-dist` loads B with the model and tagger
 * modules of another build (the `dist` directory of another checkout), to compare code on the same model. The
 * outputs are compared span by span. The documents are segmented once, as `npm run bench` does for its "NER
 * tagging alone" line.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Article } from "../../../core/article.js";
import { readInput } from "../../../readers/index.js";
import { layoutArticle } from "../../text/layout.js";
import { segment } from "../../text/stage.js";
import type { TypedSpan } from "../labels.js";
import * as ownModel from "../model.js";
import * as ownTagger from "../tagger.js";
import { cpuSecondsSince } from "../../../bench/cpu.js";

/** What a side needs of a build: its loader and its tagger. */
interface Build {
  loadModel: (path: string) => unknown;
  NerTagger: new (model: never) => { tagDoc(doc: readonly (readonly string[])[]): TypedSpan[][] };
}


function wallSeconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function otherBuild(dist: string): Promise<Build> {
  const dir = pathToFileURL(resolve(dist, "src/stages/entities")).href;
  const model = (await import(`${dir}/model.js`)) as Pick<Build, "loadModel">;
  const tagger = (await import(`${dir}/tagger.js`)) as Pick<Build, "NerTagger">;
  return { loadModel: model.loadModel, NerTagger: tagger.NerTagger };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      a: { type: "string" },
      b: { type: "string" },
      "b-dist": { type: "string" },
      corpus: { type: "string", default: resolve("../shared/data/corpora/bbc") },
      rounds: { type: "string", default: "3" },
    },
  });
  if (!values.a || !values.b) throw new Error("usage: tagging-ab --a MODEL --b MODEL [--b-dist DIR] [--corpus DIR] [--rounds N]");
  const articles: Article[] = [];
  for await (const item of readInput(values.corpus!)) if ("article" in item) articles.push(item.article);
  const docs = articles.map((a) => {
    const doc = layoutArticle(a);
    segment(doc);
    return doc.sentences.map((s) => doc.sentenceWords(s));
  });
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  const own: Build = { loadModel: ownModel.loadModel, NerTagger: ownTagger.NerTagger as Build["NerTagger"] };
  const builds = [own, values["b-dist"] ? await otherBuild(values["b-dist"]) : own];
  const sides = [values.a, values.b].map((path, k) => ({ path, build: builds[k]!, tagger: null as InstanceType<Build["NerTagger"]> | null, loadCpu: Infinity, loadWall: Infinity, cpu: Infinity, wall: Infinity, spans: [] as string[] }));
  // Loads alternate too (twice each, the best kept), so that the first load's JIT warm-up falls on neither side alone.
  for (let round = 0; round < 2; round++) {
    for (const side of sides) {
      const cpu0 = process.cpuUsage();
      const wall0 = process.hrtime.bigint();
      side.tagger = new side.build.NerTagger(side.build.loadModel(side.path) as never);
      side.loadCpu = Math.min(side.loadCpu, cpuSecondsSince(cpu0));
      side.loadWall = Math.min(side.loadWall, wallSeconds(wall0));
    }
  }
  for (const side of sides) for (const d of docs.slice(0, 50)) side.tagger!.tagDoc(d); // warm up the JIT
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const side of sides) {
      const cpu0 = process.cpuUsage();
      const wall0 = process.hrtime.bigint();
      const out = docs.map((d) => side.tagger!.tagDoc(d));
      side.cpu = Math.min(side.cpu, cpuSecondsSince(cpu0));
      side.wall = Math.min(side.wall, wallSeconds(wall0));
      side.spans = out.map((doc) => JSON.stringify(doc));
    }
  }
  const differ = sides[0]!.spans.filter((s, i) => s !== sides[1]!.spans[i]).length;
  console.log(`${docs.length} documents, ${tokens} tokens, best of ${values.rounds} alternating rounds; documents tagged differently: ${differ}`);
  for (const [name, s] of [["A", sides[0]!], ["B", sides[1]!]] as const) {
    const code = name === "B" && values["b-dist"] ? ` (code ${values["b-dist"]})` : "";
    const mentions = s.spans.reduce((n, d) => n + (JSON.parse(d) as unknown[][]).reduce((m, x) => m + x.length, 0), 0);
    console.log(
      `${name} ${s.path}${code}: load ${(s.loadCpu * 1000).toFixed(0)} ms CPU (${(s.loadWall * 1000).toFixed(0)} ms wall), ` +
        `tagging ${Math.round(tokens / s.cpu).toLocaleString("en-US")} tokens/s CPU (${s.cpu.toFixed(2)} s; wall ${s.wall.toFixed(2)} s), ${mentions} mentions`,
    );
  }
}

await main();
