import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readMeantime } from "../src/corpora/meantime.js";
import { unlabeledSentences } from "../src/stages/entities/train/lexicon-build.js";

// The training text of models/ner.bin.gz, as the code of its commit (fd494bf) read it: `npm run train:ner` gives the
// file's bytes only from that text (docs/models/ner.md, "Reproducing").

test("lexicon text: a run of '!' and '?' is one mark a token, each ending a sentence, as when the model was trained", () => {
  const data = mkdtempSync(join(tmpdir(), "ner-unlabeled-"));
  mkdirSync(join(data, "corpora", "bbc"), { recursive: true });
  writeFileSync(join(data, "corpora", "bbc", "a.txt"), "Give us a break!!! Really?! Yes.\n");
  assert.deepEqual(unlabeledSentences(data, []), [["Give", "us", "a", "break", "!"], ["!"], ["!"], ["Really", "?"], ["!"], ["Yes", "."]]);
});

test("MEANTIME: the corpus's '#' before a number is '£' in the text, and stays '#' with pounds: false (NER training)", () => {
  const xml = ['<Document doc_name="x">', ...["GB", "#", "20.1", "billion"].map((t, i) => `<token t_id="${i + 1}" sentence="0" number="${i}">${t}</token>`), "</Document>"].join("\n");
  assert.equal(readMeantime(xml).text, "GB £20.1 billion");
  assert.equal(readMeantime(xml, { pounds: false }).text, "GB # 20.1 billion");
});
