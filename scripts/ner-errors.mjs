#!/usr/bin/env node
// Counts, over a folder of plain-text articles (PolNeAR dev by default), how many articles show each of the
// NER errors of issue #8, and optionally writes every article's entities (name, type) for a before/after diff:
//
//   npm run build && node scripts/ner-errors.mjs [DIR] [--dump FILE]
//
// Each check is a predicate over one article's entities; they name the symptoms of the issue, not the fixes.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../dist/src/analyze.js";
import { readBytes } from "../dist/src/readers/index.js";

const args = process.argv.slice(2);
const dumpAt = args.indexOf("--dump");
const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : null;
const dir = args[0] ?? "../shared/data/quotes/polnear/dev/text";

const has = (es, re, type) => es.some((e) => re.test(e.name) && (type === undefined || type.test(e.type)));
const CHECKS = [
  ["1 middle initial cut (\"J. Trump\")", (es) => has(es, /^[A-Z]\. [A-Z][a-z]+$/, /PERSON/)],
  ["2 Jr. name cut (\"Thomas Jr.\")", (es, text) => es.some((e) => /^[A-Z][a-z]+ Jr\.?$/.test(e.name) && new RegExp(`[A-Z][a-z]+ ${e.name.replace(".", "\\.")}`).test(text))],
  ["3 two companies as one (\"X Y and Z Bank\")", (es) => has(es, /^(?:The )?[A-Z]\w+(?: [A-Z]\w+)+ and [A-Z]\w+(?: [A-Z]\w+)* (?:Bank|Institution|Institute|Group|Committee|Foundation|Fund|Corp\.?|Company|Party|University)$/, /ORG/)],
  ["4 title + person as ORG (\"... Chairperson Donna Brazile\")", (es) => has(es, /(?:Chairperson|Chairman|Chairwoman|Chair|Committee|Secretary) [A-Z][a-z]+ [A-Z][a-z]+$/, /ORG/)],
  ["5 \"<State> Democrat/Republican\" as ORG", (es) => has(es, /^[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Democrat|Republican)s?$/, /ORG/)],
  ["6 White House as GPE", (es) => has(es, /White House/, /GPE/)],
  ["7 Democratic/Republican as MISC", (es) => has(es, /^(?:Democratic|Republican)$/, /MISC/)],
  ["8 Muslims/Christians as PERSON", (es) => has(es, /^(?:Muslims?|Christians?|Jews)$/, /PERSON/)],
  ["9 Wells Fargo / Public Citizen as GPE", (es) => has(es, /^(?:Wells Fargo|Public Citizen)$/, /GPE/)],
  ["10 Nielsen / Walt Disney as PERSON", (es) => has(es, /^(?:Nielsen|Walt Disney)$/, /PERSON/)],
  ["11 all-caps line opening a paragraph as ORG", (es, text) => es.some((e) => e.type === "ORG" && /^[A-Z]{3,}(?: [A-Z&]+)+$/.test(e.name) && new RegExp(`^\\W*${e.name}\\b`, "m").test(text))],
  ["12 Macron/Merkel not PERSON", (es) => has(es, /^(?:Macron|Merkel)$/, /^(?!PERSON)/)],
];

const counts = CHECKS.map(() => []);
const out = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
  const bytes = readFileSync(join(dir, f));
  const item = readBytes(bytes, f).find((i) => i.article);
  if (!item) continue;
  const a = analyze(item.article);
  const text = bytes.toString("utf8");
  CHECKS.forEach(([, check], i) => {
    if (check(a.entities, text)) counts[i].push(f);
  });
  out[f] = a.entities.map((e) => `${e.type}\t${e.name}`);
}
CHECKS.forEach(([name], i) => console.log(`${String(counts[i].length).padStart(3)}  ${name}`));
if (dump) writeFileSync(dump, JSON.stringify(out, null, 1));
