/**
 * ECB+ (Cybulska & Vossen 2014): news documents as token XML, in topic folders. `N/N_Mecb.xml` report one event of
 * topic N (the original ECB), `N/N_Mecbplus.xml` a second, similar event (added by ECB+): the sub-topic is the topic
 * and the file kind. Documents are rebuilt as prose: tokens joined by sentence, a web address line dropped; the
 * first remaining sentence is the headline (ECB+ documents open with it; the ECB ones with their lead).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../core/article.js";
import { decodeEntities } from "./xml.js";

export interface EcbDoc {
  /** The file name: "1_10ecbplus.xml". */
  name: string;
  topic: string;
  /** Topic and kind: "1/ecb", "1/ecbplus". */
  subtopic: string;
  /** The sentences, rebuilt from the tokens. */
  sentences: string[];
}

const TOKEN = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
const NAME = /^(\d+)_(\d+)(ecb|ecbplus)\.xml$/;

export function parseEcb(name: string, xml: string): EcbDoc {
  const m = NAME.exec(name);
  if (!m) throw new Error(`not an ECB+ document name: ${name}`);
  const bySentence = new Map<number, string[]>();
  for (const t of xml.matchAll(TOKEN)) {
    const s = Number(t[1]);
    let list = bySentence.get(s);
    if (!list) bySentence.set(s, (list = []));
    list.push(decodeEntities(t[2]!));
  }
  const sentences = [...bySentence.keys()]
    .sort((a, b) => a - b)
    .map((s) => detokenize(bySentence.get(s)!))
    .filter((s) => s.length > 0 && !/^https?\s*:/.test(s));
  return { name, topic: m[1]!, subtopic: `${m[1]}/${m[3]}`, sentences };
}

/** Joins tokens as prose: no space before closing punctuation or after opening brackets; `` and '' as quotes. */
export function detokenize(tokens: readonly string[]): string {
  let out = "";
  for (const raw of tokens) {
    const t = raw === "``" || raw === "''" ? '"' : raw;
    const glue = out === "" || /^[.,;:!?%)\]}]$|^'s$|^n't$|^'(re|ve|ll|d|m)$/i.test(t) || /[([{$]$/.test(out);
    out += glue ? t : ` ${t}`;
  }
  return out.replace(/" (.*?) "/g, '"$1"').trim();
}

/** Every document below DIR (topic folders), in document order: by topic, then document number, ECB before ECB+. */
export function readEcbDir(dir: string): EcbDoc[] {
  const names: string[] = [];
  for (const topic of readdirSync(dir, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    for (const f of readdirSync(join(dir, topic.name))) if (NAME.test(f)) names.push(join(topic.name, f));
  }
  const key = (p: string): [number, number, number] => {
    const m = NAME.exec(p.split("/").pop()!)!;
    return [Number(m[1]), Number(m[2]), m[3] === "ecb" ? 0 : 1];
  };
  names.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  return names.map((p) => parseEcb(p.split("/").pop()!, readFileSync(join(dir, p), "utf8")));
}

/** The document as an article for analyze: the headline, then one paragraph per sentence; no date (ECB+ has none). */
export function ecbArticle(doc: EcbDoc): Article {
  const [title = "", ...rest] = doc.sentences;
  return { id: doc.name, source: null, url: null, published: null, section: null, title, authors: [], language: "en", paragraphs: rest };
}
