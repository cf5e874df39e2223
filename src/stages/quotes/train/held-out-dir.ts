/**
 * The held-out slice of train/main.ts (every tenth text in name order, of those with an annotation file) as a PolNeAR
 * directory of symbolic links, so `newsgraph eval quotes --polnear DIR` scores it as it scores dev (attributions,
 * direct-quote speakers), with `NEWSGRAPH_QUOTES_MODEL` set to the model main.ts wrote with --held-out-out.
 *
 *   node dist/src/stages/quotes/train/held-out-dir.js OUT_DIR [--polnear TRAIN_DIR]
 */
import { mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { readPolnear } from "../../../corpora/polnear.js";

const out = process.argv[2];
if (!out) throw new Error("usage: held-out-dir.js OUT_DIR [--polnear TRAIN_DIR]");
const i = process.argv.indexOf("--polnear");
const dir = resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : "../shared/data/quotes/polnear/train");
const held = readPolnear(dir)
  .filter((t) => t.annFile)
  .filter((_, k) => k % 10 === 9);
mkdirSync(join(out, "text"), { recursive: true });
mkdirSync(join(out, "attributions"), { recursive: true });
const anns = readdirSync(join(dir, "attributions"));
for (const t of held) {
  symlinkSync(join(dir, "text", `${t.name}.txt`), join(out, "text", `${t.name}.txt`));
  // All annotators' files of the text: eval reads the alphabetically first, as training does.
  for (const a of anns) if (a.startsWith(`${t.name}_`) || a === `${t.name}.ann`) symlinkSync(join(dir, "attributions", a), join(out, "attributions", a));
}
process.stdout.write(`${held.length} texts in ${out}\n`);
