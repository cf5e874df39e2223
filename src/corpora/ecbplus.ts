/**
 * ECB+ (Cybulska & Vossen 2014): news documents as token XML, in topic folders. `N/N_Mecb.xml` report one event of
 * topic N (the original ECB), `N/N_Mecbplus.xml` a second, similar event (added by ECB+): the sub-topic is the topic
 * and the file kind. Documents are rebuilt as prose: tokens joined by sentence, a web address line dropped, and the
 * lines that give when the page was published or updated ("May 2, 2013, 1: 12 PM", "Updated: May 24, 2005") taken
 * out of the prose as the page's metadata: the first full date among them is the document's publication date. The
 * first remaining sentence is the headline (ECB+ documents open with it; the ECB ones, which carry no such lines,
 * with their lead).
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
  /** The sentences, rebuilt from the tokens, without the web address and the publication-time lines. */
  sentences: string[];
  /** The publication-time lines taken out ("Published: May 03, 2013"), in order. */
  datelines: string[];
  /** The first full date those lines give, "YYYY-MM-DD", or null. */
  published: string | null;
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
  const sentences: string[] = [];
  const datelines: string[] = [];
  for (const k of [...bySentence.keys()].sort((a, b) => a - b)) {
    const s = detokenize(bySentence.get(k)!);
    if (s.length === 0 || /^https?\s*:/.test(s)) continue;
    if (isDateline(s)) {
      datelines.push(s);
      continue;
    }
    // A full date run into the headline by the page: "27 / 09 / 2013 - Turkmenistan to hold ..." (not "On October
    // 1 - 2 Ashgabat hosts ...").
    const lead = /^(.{4,40}?) [-–—] (.+)$/.exec(s);
    if (lead && isDateline(lead[1]!) && datelineDate(lead[1]!) !== null) {
      datelines.push(lead[1]!);
      sentences.push(lead[2]!);
    } else sentences.push(s);
  }
  const published = datelines.map(datelineDate).find((d) => d !== null) ?? null;
  return { name, topic: m[1]!, subtopic: `${m[1]}/${m[3]}`, sentences, datelines, published };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** The words a publication-time line is made of, besides numbers and months: labels, weekdays, time zones. */
const DATELINE_WORD = new RegExp(
  "^(?:" +
    [
      MONTH,
      String.raw`(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?`,
      "published|updated|posted|last|first|originally|story|created|article|edited|date|time|released?|on|at",
      "am|pm|a|p|m|hrs|et|est|edt|pt|pst|pdt|ct|cst|cdt|mt|mdt|gmt|bst|ist|cest|cet|akdt|utc|uk",
      String.raw`\d+(?:st|nd|rd|th|am|pm|a|p|hrs)?`,
    ].join("|") +
    ")$",
  "i",
);
/** A date in a line: a month name, or numbers as d/m/y, y-m-d, d.m.y. */
const HAS_DATE = new RegExp(String.raw`\b${MONTH}\b|\d{1,2} ?/ ?\d{1,2} ?/ ?\d{2,4}|\d{4} ?[-.] ?\d{1,2} ?[-.] ?\d{1,2}|\d{1,2} ?\. ?\d{1,2} ?\. ?\d{4}`, "i");
const HAS_TIME = /\b\d{1,2} ?[:.] ?\d\d ?(?:[ap]\b|[ap]\.? ?m\b|am|pm|hrs|[A-Z]{2,4}\b|$)/i;
/** News agencies that may stand before a dateline's date ("Reuters Sep 18, 2013"). */
const AGENCY = /^(?:reuters|ap|afp|upi|cnn|xinhua|pti|ians|dpa)$/i;

/**
 * Whether a sentence is a publication-time line ("May 2, 2013, 1: 12 PM", "Updated: May 24, 2005, 3: 23 PM ET",
 * "Posted on Thu Jun 13, 2013 08: 45 AM PDT", "WASHINGTON, DC, April 28, 2009"): labels, weekdays, a date or a
 * time, time zones, and at most a place or agency before them. Such a line is the page's metadata, not the story.
 */
export function isDateline(sentence: string): boolean {
  const s = sentence.trim();
  if (s.length === 0 || s.length > 100 || !(HAS_DATE.test(s) || HAS_TIME.test(s))) return false;
  const words = s.split(/[\s,|•@–—―\-/.:()+;]+/).filter((w) => w.length > 0);
  const first = words.findIndex((w) => DATELINE_WORD.test(w));
  if (first < 0 || words.slice(first).some((w) => !DATELINE_WORD.test(w))) return false;
  if (first === 0) return true;
  // A place or agency before the date: capitals ("WASHINGTON, DC,"), or closed by a comma or dash ("SUNNYVALE, Calif. —").
  const prefix = words.slice(0, first);
  if (prefix.length > 4 || !HAS_DATE.test(s)) return false;
  if (prefix.every((w) => /^[A-Z]{2,}$/.test(w) || AGENCY.test(w))) return true;
  const before = s.slice(0, s.indexOf(words[first]!)).trimEnd();
  return /[,—–―-]$/.test(before) && prefix.every((w) => /^[A-Z]/.test(w));
}

const MONTH_DAY_YEAR = new RegExp(String.raw`\b(${MONTH})\.?,? (\d{1,2})(?:st|nd|rd|th)?,? (?:at )?(\d{4})\b`, "i");
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (${MONTH})\.?,? (\d{4})\b`, "i");

/**
 * The date a publication-time line gives, "YYYY-MM-DD" (null without a full date). Numbers alone are read as the
 * page wrote them: m/d/y with slashes unless the first is above 12 (d/m/y), d.m.y with dots, y-m-d.
 */
export function datelineDate(sentence: string): string | null {
  const iso = (y: number, m: number, d: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y < 100 ? 2000 + y : y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` : null;
  const month = (w: string) => MONTHS.indexOf(w.slice(0, 3).toLowerCase()) + 1;
  let m = MONTH_DAY_YEAR.exec(sentence);
  if (m) return iso(Number(m[3]), month(m[1]!), Number(m[2]));
  m = DAY_MONTH_YEAR.exec(sentence);
  if (m) return iso(Number(m[3]), month(m[2]!), Number(m[1]));
  m = /\b(\d{4}) ?([-.]) ?(\d{1,2}) ?\2 ?(\d{1,2})\b/.exec(sentence);
  if (m) return iso(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /\b(\d{1,2}) ?\/ ?(\d{1,2}) ?\/ ?(\d{4}|\d{2})\b/.exec(sentence);
  if (m) return Number(m[1]) > 12 ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : iso(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /\b(\d{1,2}) ?\. ?(\d{1,2}) ?\. ?(\d{4})\b/.exec(sentence);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
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

/**
 * The document as an article for analyze: the headline, then one paragraph per sentence, published on the date its
 * publication-time lines give (ECB documents have none: null).
 */
export function ecbArticle(doc: EcbDoc): Article {
  const [title = "", ...rest] = doc.sentences;
  return { id: doc.name, source: null, url: null, published: doc.published, section: null, title, authors: [], language: "en", paragraphs: rest };
}
