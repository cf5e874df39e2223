/**
 * `newsgraph eval coref --polnear DIR`: how often one person is two entities, a surname ("Trump") and a longer
 * name ending in it ("Donald Trump"), over PolNeAR's political news (2016 US election; DIR/text/*.txt, read as
 * the plain-text reader reads any .txt, with the publication date of DIR/../metadata.tsv). Issue #8's count:
 * the one-word PERSON entities of an article, and how many of them share their word with the last word of a
 * longer PERSON entity name of the same article. No gold is involved: every such pair is a split (or, rarely,
 * two people of one family), so the count goes down as the coreference stage links names.
 *
 * An entity is one-word when none of its name mentions has more than one word, and longer when one of its name
 * mentions has; words are compared case-insensitively.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { analyze } from "../../../analyze.js";
import type { Analysis, Entity } from "../../../core/analysis.js";
import { readBytes } from "../../../readers/index.js";

export interface SplitName {
  file: string;
  /** The one-word entity's name and mention count. */
  word: string;
  mentions: number;
  /** The longer PERSON entities whose last word it is. */
  longer: { name: string; mentions: number }[];
}

export interface PolnearNamesReport {
  command: string;
  corpus: string;
  articles: number;
  /** Articles given a publication date from metadata.tsv. */
  dated: number;
  personEntities: number;
  oneWordPersons: number;
  /** One-word PERSON entities whose word ends a longer PERSON entity of the same article. */
  sharedWithLonger: number;
  /** Articles with at least one such pair. */
  articlesWithSplit: number;
  /** Per word, the number of articles where it is split ("trump": 40). */
  splitWords: Record<string, number>;
  errors: string[];
}

const words = (s: string): string[] => s.trim().split(/\s+/).filter((w) => w.length > 0);
const nameWords = (e: Entity): string[][] => e.mentions.filter((m) => (m.kind ?? "name") === "name").map((m) => words(m.text));

/** The split names of one analysis: each one-word PERSON entity whose word ends a longer PERSON entity's name. */
export function splitNames(a: Analysis, file: string): { oneWord: number; persons: number; splits: SplitName[] } {
  const persons = a.entities.filter((e) => e.type === "PERSON");
  const longest = (e: Entity): number => Math.max(0, ...nameWords(e).map((w) => w.length));
  const oneWord = persons.filter((e) => longest(e) === 1);
  const lastWords = new Map<Entity, Set<string>>();
  for (const e of persons) {
    if (longest(e) > 1) lastWords.set(e, new Set(nameWords(e).filter((w) => w.length > 1).map((w) => w[w.length - 1]!.toLowerCase())));
  }
  const splits: SplitName[] = [];
  for (const e of oneWord) {
    const word = nameWords(e)[0]![0]!;
    const longer = [...lastWords].filter(([, last]) => last.has(word.toLowerCase())).map(([l]) => ({ name: l.name, mentions: l.mentions.length }));
    if (longer.length > 0) splits.push({ file, word, mentions: e.mentions.length, longer });
  }
  return { oneWord: oneWord.length, persons: persons.length, splits };
}

/** filename → publication_date from PolNeAR's metadata.tsv (header row names the columns). */
function readDates(file: string): Map<string, string> {
  const dates = new Map<string, string>();
  const [header, ...rows] = readFileSync(file, "utf8").split("\n");
  const cols = (header ?? "").split("\t");
  const name = cols.indexOf("filename"), date = cols.indexOf("publication_date");
  if (name < 0 || date < 0) return dates;
  for (const r of rows) {
    const c = r.split("\t");
    if (c[name] && /^\d{4}-\d{2}-\d{2}$/.test(c[date] ?? "")) dates.set(c[name]!, c[date]!);
  }
  return dates;
}

export function polnearNames(dir: string, errorLimit: number, command: string): PolnearNamesReport {
  const textDir = existsSync(join(dir, "text")) ? join(dir, "text") : dir;
  // PolNeAR keeps one metadata.tsv for all its parts, beside train/, dev/ and test/.
  const meta = [dir, dirname(dir), dirname(dirname(dir))].map((d) => join(d, "metadata.tsv")).find((f) => existsSync(f));
  const dates = meta ? readDates(meta) : new Map<string, string>();
  const files = readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort();
  const r: PolnearNamesReport = {
    command, corpus: `polnear:${dir}`, articles: 0, dated: 0, personEntities: 0, oneWordPersons: 0, sharedWithLonger: 0,
    articlesWithSplit: 0, splitWords: {}, errors: [],
  };
  const splitWords = new Map<string, number>();
  for (const f of files) {
    for (const item of readBytes(readFileSync(join(textDir, f)), f)) {
      if ("error" in item) {
        process.stderr.write(`newsgraph: ${item.error.origin.file}: ${item.error.message}\n`);
        continue;
      }
      if (!("article" in item)) continue;
      const published = dates.get(basename(f, ".txt"));
      if (published) r.dated++;
      const a = analyze(published ? { ...item.article, published } : item.article);
      const s = splitNames(a, f);
      r.articles++;
      r.personEntities += s.persons;
      r.oneWordPersons += s.oneWord;
      r.sharedWithLonger += s.splits.length;
      if (s.splits.length > 0) r.articlesWithSplit++;
      for (const w of new Set(s.splits.map((x) => x.word.toLowerCase()))) splitWords.set(w, (splitWords.get(w) ?? 0) + 1);
      for (const x of s.splits) {
        if (r.errors.length >= errorLimit) break;
        const longer = x.longer.map((l) => `"${l.name}" (${l.mentions})`).join(", ");
        r.errors.push(`SPLIT "${x.word}" (${x.mentions}) | ${longer}  [${f}]`);
      }
    }
  }
  r.splitWords = Object.fromEntries([...splitWords].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return r;
}

export function formatPolnearNames(r: PolnearNamesReport): string {
  const pc = (n: number, of: number): string => `${n} of ${of} (${of > 0 ? ((100 * n) / of).toFixed(1) : "0.0"}%)`;
  const top = Object.entries(r.splitWords).slice(0, 8).map(([w, n]) => `${w} ${n}`).join(", ");
  return [
    r.command,
    `${r.corpus}: ${r.articles} articles (${r.dated} dated from metadata.tsv)`,
    `  PERSON entities ${r.personEntities}, one-word ${r.oneWordPersons}`,
    `  one-word PERSON entities whose word ends a longer PERSON entity of the article: ${pc(r.sharedWithLonger, r.oneWordPersons)}`,
    `  articles with such a split: ${pc(r.articlesWithSplit, r.articles)}`,
    `  split words by articles: ${top || "none"}`,
  ].join("\n");
}

export async function evalPolnearNames(dir: string, errorLimit: number, json: boolean, command: string): Promise<number> {
  const r = polnearNames(dir, errorLimit, command);
  if (json) process.stdout.write(JSON.stringify(r, null, 2) + "\n");
  else process.stdout.write(`${formatPolnearNames(r)}\n${r.errors.length > 0 ? `\n${r.errors.join("\n")}\n` : ""}`);
  return 0;
}
