/**
 * Fuzz input generators. Each turns a seeded Rng (and the example corpus, for mutations) into one input: the bytes
 * of a file and the file name to read them under. Everything is bytes + name, whatever the target, so that every
 * input goes through the readers the way a user's file would, and a reproducer is just a file.
 *
 * Lone surrogates cannot come out of UTF-8 bytes (the decoder turns them into U+FFFD), so the generators that mean to
 * reach analyze() with them write JSON Lines, where "\ud83d" escapes survive decoding.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Rng } from "./rng.js";

export interface FuzzInput {
  bytes: Uint8Array;
  /** The name readBytes() gets: its extension and the first line choose the format. */
  fileName: string;
}

/** Mutation seeds: the repository's examples (no ../shared, so the test suite runs anywhere). */
export interface Corpus {
  /** Plain-text articles (examples/seed): first line the title. */
  texts: string[];
  /** One JSON object per entry (examples/meantime/meantime-en.jsonl). */
  jsonLines: string[];
}

export interface GenerateContext {
  corpus: Corpus;
  /** Upper bound on the input size in bytes (roughly: mutations may overshoot by a few bytes). */
  maxBytes: number;
}

export interface Generator {
  name: string;
  generate(rng: Rng, ctx: GenerateContext): FuzzInput;
}

export function loadCorpus(root: string): Corpus {
  const seedDir = join(root, "examples", "seed");
  const texts = readdirSync(seedDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(seedDir, f), "utf8"));
  const jsonLines = readFileSync(join(root, "examples", "meantime", "meantime-en.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  if (texts.length === 0 || jsonLines.length === 0) throw new Error(`no fuzz seeds under ${join(root, "examples")}`);
  return { texts, jsonLines };
}

const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------------------------
// Random Unicode

/** Named character classes: the ones that have broken text pipelines before, plus plain words to hold them. */
const QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "``", "''", "‚", "＂"];
const BRACKETS = ["(", ")", "[", "]", "{", "}", "<", ">", "（", "）", "【", "】"];
const PUNCT = [".", ",", ";", ":", "!", "?", "-", "—", "–", "…", "/", "\\", "&", "%", "$", "€", "£", "#", "@", "*", "|", "·"];
const SPACES = [" ", " ", " ", "\t", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u3000", "\u205f", "\u180e"];
const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f"];
const BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const BREAKS = ["\r", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c", "\r\n"];
const SPECIALS = ["\ufffd", "\ufffe", "\uffff", "\ufdd0", "\u{10ffff}", "\u{e0001}", "\u{e0041}"];
const SCRIPTS = ["مرحبا", "שלום", "Привет", "Ελλάδα", "日本語", "中华人民共和国", "한국어", "हिन्दी", "ไทย", "İstanbul", "Straße", "ǅemal"];
const DIGITS = ["٣", "٤٥", "१२", "０１２", "²", "½", "Ⅻ", "𝟗", "①"];
const WORDS = ["the", "said", "on", "in", "of", "and", "that", "was", "a", "by", "to", "he", "she", "it", "will", "last", "next", "year", "percent", "million", "people", "at", "least", "about", "told", "according"];
const NAMES = ["Putin", "Xi", "Jinping", "Biden", "Boeing", "Airbus", "Acme", "Jane", "Doe", "Smith", "Moscow", "China", "Reuters", "CNN", "United", "Nations", "Mr.", "Dr.", "U.S.", "EU", "NATO", "Corp", "Inc."];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan.", "Sept."];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TIME_WORDS = ["yesterday", "today", "tomorrow", "last week", "next year", "the spring of 2023", "three days later", "every Monday", "the 1990s", "mid-November", "Q3", "2 1/2 years", "10 p.m."];

function lowerWord(rng: Rng): string {
  if (rng.chance(0.6)) return rng.pick(WORDS);
  let w = "";
  const n = rng.range(1, 10);
  for (let i = 0; i < n; i++) w += String.fromCharCode(97 + rng.int(26));
  return w;
}

function capWord(rng: Rng): string {
  if (rng.chance(0.5)) return rng.pick(NAMES);
  const w = lowerWord(rng);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Numbers past what a double holds, or with more digits than any parser expects: the shape of the Infinity amount bug. */
function hugeNumber(rng: Rng): string {
  return rng.pick([
    () => "$" + "9".repeat(rng.logRange(1, 400)),
    () => "1" + ",000".repeat(rng.logRange(1, 150)),
    () => "$1" + ",000".repeat(rng.range(100, 110)) + " " + rng.pick(["billion", "trillion", "people", "euros", ""]),
    () => "9".repeat(rng.logRange(300, 400)) + rng.pick(["%", " percent", " people", " jobs", " dollars"]),
    () => "0." + "0".repeat(rng.logRange(1, 400)) + "1%",
    () => "1" + "0".repeat(rng.logRange(1, 400)) + " " + rng.pick(["billion", "trillion", "yuan", "points"]),
    () => rng.int(10) + "." + "9".repeat(rng.logRange(1, 400)) + " " + rng.pick(["million", "billion", "trillion"]),
    () => "1e" + rng.logRange(1, 999) + " dollars",
    () => "$" + "1".repeat(rng.logRange(1, 20)) + " trillion trillion",
  ] as const)();
}

/** Digits enough to overflow a year, a day count or a century. */
function hugeDigits(rng: Rng): string {
  return rng.pick(["9", "1", "0", "5"]).repeat(rng.logRange(5, 400));
}

function number(rng: Rng): string {
  if (rng.chance(0.03)) return hugeNumber(rng);
  switch (rng.int(8)) {
    case 0: return String(rng.int(100));
    case 1: return rng.range(1000, 999999).toLocaleString("en-US");
    case 2: return `${rng.int(1000)}.${rng.int(100)}`;
    case 3: return `$${rng.int(1000)} ${rng.pick(["million", "billion", "trillion", "bn", "m", "k"])}`;
    case 4: return `${rng.int(100)}%`;
    case 5: return rng.pick(["one", "two", "three", "dozens", "hundreds", "a dozen", "thousands"]);
    case 6: return String(rng.range(1900, 2100));
    default: return rng.pick(DIGITS);
  }
}

function date(rng: Rng): string {
  if (rng.chance(0.03)) {
    const n = hugeDigits(rng);
    return rng.pick([`${n} years ago`, `in ${n}`, `${rng.pick(MONTHS)} ${rng.range(1, 31)}, ${n}`, `${n} days later`, `the ${n}s`, `the ${n}th century`, `${n} weeks`, `every ${n} months`, `${rng.pick(MONTHS)} ${n}`]);
  }
  switch (rng.int(6)) {
    case 0: return `${rng.pick(MONTHS)} ${rng.range(0, 40)}, ${rng.range(0, 3000)}`;
    case 1: return rng.pick(WEEKDAYS);
    case 2: return `${rng.range(0, 9999)}-${String(rng.range(0, 19)).padStart(2, "0")}-${String(rng.range(0, 39)).padStart(2, "0")}`;
    case 3: return `${rng.range(1, 31)} ${rng.pick(MONTHS)}`;
    case 4: return `${rng.pick(WEEKDAYS)}, ${rng.pick(MONTHS)} ${rng.range(1, 31)}`;
    default: return rng.pick(TIME_WORDS);
  }
}

/** One code unit in the surrogate range, unpaired on purpose: a cut emoji, the shape of bug "tokenizer hangs". */
function loneSurrogate(rng: Rng): string {
  return String.fromCharCode(rng.chance(0.7) ? rng.range(0xd800, 0xdbff) : rng.range(0xdc00, 0xdfff));
}

function astral(rng: Rng): string {
  switch (rng.int(5)) {
    case 0: return String.fromCodePoint(rng.range(0x1f300, 0x1faff)); // emoji
    case 1: return "👩\u200d👩\u200d👧" + (rng.chance(0.5) ? "\ud83c\udffd" : ""); // ZWJ sequence, skin tone
    case 2: return String.fromCodePoint(0x1f1e6 + rng.int(26), 0x1f1e6 + rng.int(26)); // flag pair
    case 3: return String.fromCodePoint(rng.range(0x1d400, 0x1d7ff)); // math letters and digits
    default: return String.fromCodePoint(rng.range(0x10000, 0x10ffff));
  }
}

function combining(rng: Rng): string {
  let s = rng.chance(0.8) ? String.fromCharCode(97 + rng.int(26)) : "";
  const n = rng.logRange(1, 60);
  for (let i = 0; i < n; i++) s += String.fromCharCode(rng.chance(0.8) ? rng.range(0x300, 0x36f) : rng.range(0x20d0, 0x20ff));
  return s;
}

function control(rng: Rng): string {
  const r = rng.int(3);
  if (r === 0) return "\u0000";
  if (r === 1) return String.fromCharCode(rng.int(32));
  return String.fromCharCode(rng.chance(0.2) ? 0x7f : rng.range(0x80, 0x9f));
}

/** One piece of random text; `wild` is the share of pieces that are not plain words. */
function piece(rng: Rng, wild: number): string {
  if (!rng.chance(wild)) {
    switch (rng.int(7)) {
      case 0: case 1: return lowerWord(rng) + " ";
      case 2: return capWord(rng) + " ";
      case 3: return number(rng) + " ";
      case 4: return date(rng) + " ";
      case 5: return rng.pick(PUNCT) + " ";
      default: return rng.pick(QUOTES);
    }
  }
  switch (rng.int(14)) {
    case 0: return astral(rng);
    case 1: return combining(rng);
    case 2: return rng.pick(BIDI);
    case 3: return rng.pick(ZERO_WIDTH);
    case 4: return loneSurrogate(rng);
    case 5: return control(rng);
    case 6: return rng.pick(BREAKS);
    case 7: return rng.pick(SPACES);
    case 8: return rng.pick(SPECIALS);
    case 9: return rng.pick(SCRIPTS) + " ";
    case 10: return rng.pick(BRACKETS);
    case 11: return rng.pick(QUOTES);
    case 12: return rng.pick(DIGITS);
    default: return String.fromCharCode(rng.int(0x10000)); // any BMP unit, surrogates included
  }
}

/** Random text of about `length` UTF-16 units. */
export function unicodeText(rng: Rng, length: number, wild = 0.4): string {
  let s = "";
  while (s.length < length) s += piece(rng, wild);
  return s;
}

/**
 * A line of random text that may end in a lone high surrogate or other odd unit: the end of a title or paragraph is
 * where a tokenizer's look-ahead runs off the string.
 */
function unicodeLine(rng: Rng, length: number, wild: number): string {
  let line = unicodeText(rng, length, wild).replace(/[\n]/g, " ");
  if (rng.chance(0.15)) line += rng.chance(0.7) ? String.fromCharCode(rng.range(0xd800, 0xdbff)) : rng.pick([...ZERO_WIDTH, ...BIDI, "\u0301", "\u0000"]);
  return line;
}

// ---------------------------------------------------------------------------------------------------------------
// Framing: file names and formats

const DUMP_HEADERS = [" date 2022-12-31 Politics", " date 2022-12-31", " date 2022", " date 2022-12-31T10:00:00Z Middle East", " date 2022-12-31 The first words of a story."];

function textName(rng: Rng): string {
  return rng.weighted([[6, "article.txt"], [1, "story.TEXT"], [1, "-"], [1, "noext"], [1, "a.b.c.txt"], [1, "dump.txt"]] as const);
}

function jsonlName(rng: Rng): string {
  return rng.weighted([[6, "feed.jsonl"], [2, "feed.ndjson"], [1, "feed.txt"], [1, "-"]] as const);
}

function anyName(rng: Rng): string {
  return rng.chance(0.5) ? textName(rng) : jsonlName(rng);
}

/** Text as a plain-text file, a dump record, or one JSON Lines record (the only way lone surrogates get through). */
function frameText(rng: Rng, title: string, paragraphs: string[]): FuzzInput {
  const form = rng.int(3);
  if (form === 0) {
    const sep = rng.chance(0.5) ? "\n" : "\n\n";
    return { bytes: encoder.encode([title, ...paragraphs].join(sep)), fileName: textName(rng) };
  }
  if (form === 1) {
    const head = rng.pick(DUMP_HEADERS);
    return { bytes: encoder.encode([head, title, ...paragraphs].join("\n")), fileName: rng.chance(0.8) ? "dump.txt" : textName(rng) };
  }
  const record: Record<string, unknown> = { title, text: paragraphs.join(rng.chance(0.5) ? "\n" : "\n\n") };
  if (rng.chance(0.7)) record.published = rng.pick(["2022-12-31", "2023-02-30", "0001-01-01", "9999-12-31T23:59:59Z", "2022", "2022-13", "Tue, 14 Mar 2023 10:00:00 GMT", "yesterday"]);
  if (rng.chance(0.3)) record.source = capWord(rng);
  return { bytes: encoder.encode(JSON.stringify(record) + "\n"), fileName: jsonlName(rng) };
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Random bytes, from plain noise to almost-UTF-8 (overlong forms, encoded surrogates, cut sequences). */
const bytes: Generator = {
  name: "bytes",
  generate(rng, ctx) {
    const n = rng.logRange(0, Math.min(ctx.maxBytes, 1 << 16));
    const out = new Uint8Array(n);
    const mode = rng.int(4);
    for (let i = 0; i < n; i++) {
      if (mode === 0) out[i] = rng.int(256);
      else if (mode === 1) out[i] = rng.chance(0.05) ? 10 : rng.range(32, 126);
      else if (mode === 2) out[i] = rng.pick([0x0a, 0x0d, 0x20, 0x7b, 0x7d, 0x22, 0x5b, 0x5d, 0x3a, 0x2c, 0x5c, 0x75, 0x30, 0x00]);
      else {
        // UTF-8 shaped: lead bytes and continuations in random order, some valid, many not.
        const r = rng.int(8);
        out[i] = r < 3 ? rng.range(0x20, 0x7e) : r < 5 ? rng.range(0x80, 0xbf) : r === 5 ? rng.range(0xc0, 0xdf) : r === 6 ? rng.range(0xe0, 0xef) : rng.range(0xf0, 0xff);
      }
    }
    let prefix = "";
    if (rng.chance(0.1)) prefix = "\ufeff";
    if (rng.chance(0.15)) prefix += rng.pick(DUMP_HEADERS) + "\n";
    if (rng.chance(0.1)) prefix += "{";
    const head = encoder.encode(prefix);
    const all = new Uint8Array(head.length + n);
    all.set(head);
    all.set(out, head.length);
    return { bytes: all, fileName: anyName(rng) };
  },
};

/** Random Unicode text laid out as a title and paragraphs. */
const unicode: Generator = {
  name: "unicode",
  generate(rng, ctx) {
    const wild = rng.pick([0.05, 0.2, 0.5, 0.9]);
    const budget = rng.logRange(1, Math.min(ctx.maxBytes / 3, 20_000));
    const title = unicodeLine(rng, rng.logRange(0, 200), wild);
    const paragraphs: string[] = [];
    let used = title.length;
    while (used < budget) {
      const p = unicodeLine(rng, rng.logRange(0, 2000), wild);
      paragraphs.push(p);
      used += p.length + 1;
    }
    return frameText(rng, title, paragraphs);
  },
};

/** Newsy but adversarial sentences: names, quotes, dates and amounts next to each other, as JSON Lines or text. */
const news: Generator = {
  name: "news",
  generate(rng, ctx) {
    const sentence = (): string => {
      const words: string[] = [];
      const n = rng.logRange(1, 40);
      for (let i = 0; i < n; i++) {
        const r = rng.int(10);
        words.push(r < 4 ? lowerWord(rng) : r < 6 ? capWord(rng) : r < 7 ? number(rng) : r < 8 ? date(rng) : r < 9 ? rng.pick(QUOTES) + lowerWord(rng) : rng.pick(PUNCT));
      }
      let s = words.join(" ");
      if (rng.chance(0.3)) s = `${rng.pick(QUOTES)}${s},${rng.pick(QUOTES)} ${capWord(rng)} ${rng.pick(["said", "told reporters", "added", "wrote"])}`;
      if (rng.chance(0.1)) s = `${capWord(rng)} said that ${s}`;
      if (rng.chance(0.05)) s += piece(rng, 1);
      return s + rng.pick([".", ".", "?", "!", "", " .", "...", "?!"]);
    };
    const budget = rng.logRange(10, Math.min(ctx.maxBytes / 2, 12_000));
    const title = sentence();
    const paragraphs: string[] = [];
    let used = title.length;
    while (used < budget) {
      const p = Array.from({ length: rng.range(1, 5) }, sentence).join(" ");
      paragraphs.push(rng.chance(0.05) ? `${rng.pick(["WASHINGTON (Reuters) -", "(CNN)", "LONDON —", "By Jane Doe"])} ${p}` : p);
      used += p.length;
    }
    return frameText(rng, title, paragraphs);
  },
};

// ----- mutations of the examples

/** A base document to mutate: the examples as plain text, as dump records, or some of the JSON Lines. */
function baseDocument(rng: Rng, corpus: Corpus): { text: string; fileName: string; json: boolean } {
  const jsonArticle = (): { title: string; text: string } => {
    const o = JSON.parse(rng.pick(corpus.jsonLines)) as { title?: string; text?: string };
    return { title: o.title ?? "", text: o.text ?? "" };
  };
  switch (rng.int(5)) {
    case 0: return { text: rng.pick(corpus.texts), fileName: textName(rng), json: false };
    case 1: return { text: `${rng.pick(DUMP_HEADERS)}\n${rng.pick(corpus.texts)}`, fileName: "dump.txt", json: false };
    case 2: {
      const lines = Array.from({ length: rng.range(1, 3) }, () => rng.pick(corpus.jsonLines));
      return { text: lines.join("\n") + "\n", fileName: jsonlName(rng), json: true };
    }
    case 3: {
      const a = jsonArticle();
      return { text: `${a.title}\n\n${a.text}`, fileName: textName(rng), json: false };
    }
    default: {
      const a = jsonArticle();
      return { text: `${rng.pick(DUMP_HEADERS)}\n${a.title}\n${a.text}`, fileName: "dump.txt", json: false };
    }
  }
}

function repeat(rng: Rng, make: () => string, times: number, seps: readonly string[]): string {
  const sep = rng.pick(seps);
  const parts: string[] = [];
  for (let i = 0; i < times; i++) parts.push(make());
  return parts.join(sep);
}

/** Runs that stress one stage each: quotes, brackets, long tokens and numbers, name and date lists. */
function stressRun(rng: Rng, maxChars: number): string {
  const cap = Math.max(1, maxChars);
  switch (rng.int(7)) {
    case 0: { // long runs of quote marks, one kind or mixed
      const q = rng.pick(QUOTES);
      const n = rng.logRange(1, Math.min(cap, 5000));
      return rng.chance(0.5) ? q.repeat(n) : repeat(rng, () => rng.pick(QUOTES) + (rng.chance(0.3) ? lowerWord(rng) : ""), n, ["", " "]);
    }
    case 1: { // unbalanced brackets
      const n = rng.logRange(1, Math.min(cap, 3000));
      return rng.chance(0.5) ? rng.pick(BRACKETS).repeat(n) : repeat(rng, () => rng.pick(BRACKETS) + (rng.chance(0.3) ? capWord(rng) : ""), n, ["", " "]);
    }
    case 2: { // very long tokens
      const n = rng.logRange(100, Math.min(cap, 200_000));
      const unit = rng.pick(["a", "ab", "A.", "a-", "x_", "é", "\u0301", "😀", "1", "A", "www.", "'s"]);
      return unit.repeat(Math.ceil(n / unit.length));
    }
    case 3: // very long numbers, including the ones that overflow a double
      return rng.chance(0.8) ? hugeNumber(rng) : repeat(rng, () => String(rng.int(1000)), rng.logRange(2, 200), [",", ".", " "]);
    case 4: { // thousands of capitalized words
      return repeat(rng, () => capWord(rng), rng.logRange(10, Math.min(cap / 6, 6000)), [" ", ", ", " and ", " of "]);
    }
    case 5: { // thousands of dates
      return repeat(rng, () => date(rng), rng.logRange(10, Math.min(cap / 12, 3000)), [", ", " and ", " ", " to ", "; "]);
    }
    default: // a run of one wild character class
      return repeat(rng, () => piece(rng, 1), rng.logRange(1, Math.min(cap, 5000)), ["", " "]);
  }
}

type LineMutation = (lines: string[], rng: Rng, maxChars: number) => void;

const LINE_MUTATIONS: readonly LineMutation[] = [
  function duplicateLines(lines, rng, maxChars) {
    if (lines.length === 0) return;
    const i = rng.int(lines.length);
    const times = Math.min(rng.logRange(1, 1000), Math.floor(maxChars / (lines[i]!.length + 1)));
    lines.splice(i, 0, ...Array.from({ length: times }, () => lines[i]!));
  },
  function deleteLines(lines, rng) {
    if (lines.length === 0) return;
    const i = rng.int(lines.length);
    lines.splice(i, rng.logRange(1, lines.length - i));
  },
  function swapLines(lines, rng) {
    if (lines.length < 2) return;
    const i = rng.int(lines.length);
    const j = rng.int(lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  },
  function blankLines(lines, rng) {
    lines.splice(rng.int(lines.length + 1), 0, ...Array.from({ length: rng.logRange(1, 200) }, () => rng.pick(["", " ", "\t", "\r", "\u00a0"])));
  },
  function joinLines(lines, rng) {
    const joined = lines.join(rng.pick([" ", "", "\r", "\u2028"]));
    lines.length = 0;
    lines.push(joined);
  },
  function insertRun(lines, rng, maxChars) {
    if (lines.length === 0) lines.push("");
    const i = rng.int(lines.length);
    const line = lines[i]!;
    const at = rng.int(line.length + 1);
    const run = stressRun(rng, maxChars);
    lines[i] = rng.chance(0.3) ? run : line.slice(0, at) + run + line.slice(at);
  },
  function insertUnicode(lines, rng) {
    if (lines.length === 0) lines.push("");
    const i = rng.int(lines.length);
    const line = lines[i]!;
    const at = rng.int(line.length + 1);
    lines[i] = line.slice(0, at) + unicodeText(rng, rng.logRange(1, 50), 1) + line.slice(at);
  },
  function truncateLine(lines, rng) {
    // Cuts at any code unit, so a surrogate pair can be split (a lone surrogate at the end of a line).
    if (lines.length === 0) return;
    const i = rng.int(lines.length);
    lines[i] = lines[i]!.slice(0, rng.int(lines[i]!.length + 1));
  },
  function replaceSpaces(lines, rng) {
    const to = rng.pick([...SPACES, ...ZERO_WIDTH, ""]);
    for (let i = 0; i < lines.length; i++) if (rng.chance(0.5)) lines[i] = lines[i]!.replace(/ /g, () => (rng.chance(0.3) ? to : " "));
  },
];

/** Mutations of raw bytes, after encoding: what a broken download or a wrong encoding does to a file. */
function mutateBytes(data: Uint8Array, rng: Rng): Uint8Array {
  let out = data;
  const n = rng.logRange(1, 64);
  for (let k = 0; k < n && out.length > 0; k++) {
    const i = rng.int(out.length);
    const r = rng.int(4);
    if (r === 0) out[i] = out[i]! ^ (1 << rng.int(8)); // bit flip
    else if (r === 1) out[i] = rng.int(256); // byte replaced
    else if (r === 2) out = splice(out, i, 0, rng.pick(BAD_UTF8)); // bytes no UTF-8 decoder accepts, or a stray NUL/CR/LF
    else out = splice(out, i, rng.logRange(1, 100), []); // a cut
  }
  return out;
}

const BAD_UTF8: readonly (readonly number[])[] = [[0xed, 0xa0, 0xbd], [0xc0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x80], [0x00], [0x0d], [0x0a]];

/** `data` with `remove` bytes at `at` replaced by `insert`, copied in bulk: inputs run to megabytes. */
function splice(data: Uint8Array, at: number, remove: number, insert: readonly number[]): Uint8Array {
  const tail = Math.min(data.length, at + remove);
  const out = new Uint8Array(at + insert.length + (data.length - tail));
  out.set(data.subarray(0, at));
  out.set(insert, at);
  out.set(data.subarray(tail), at + insert.length);
  return out;
}

/** The examples, mutated: line edits, stress runs, Unicode, and sometimes byte-level damage. */
const mutate: Generator = {
  name: "mutate",
  generate(rng, ctx) {
    const base = baseDocument(rng, ctx.corpus);
    const maxChars = Math.max(1, Math.floor(ctx.maxBytes / 2) - base.text.length);
    let text: string;
    if (base.json && rng.chance(0.6)) {
      // Mutate inside the JSON strings so the line still parses and the damage reaches analyze().
      text = base.text
        .split("\n")
        .filter((l) => l !== "")
        .map((line) => {
          const o = JSON.parse(line) as Record<string, unknown>;
          for (const key of ["title", "text"]) {
            if (typeof o[key] !== "string" || !rng.chance(0.7)) continue;
            const lines = (o[key] as string).split("\n");
            const k = rng.range(1, 3);
            for (let i = 0; i < k; i++) rng.pick(LINE_MUTATIONS)(lines, rng, maxChars);
            o[key] = lines.join("\n");
          }
          return JSON.stringify(o);
        })
        .join("\n");
    } else {
      const lines = base.text.split("\n");
      const k = rng.range(1, 4);
      for (let i = 0; i < k; i++) rng.pick(LINE_MUTATIONS)(lines, rng, maxChars);
      text = lines.join("\n");
    }
    let data: Uint8Array = encoder.encode(text);
    if (rng.chance(0.25)) data = mutateBytes(data, rng);
    return { bytes: data, fileName: base.fileName };
  },
};

// ----- JSON Lines

/** A value of a random JSON type, for fields that expect another one. */
function wrongValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 6 : 8)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick([0, -0, 1, -1, 1.5, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 12345678901234567890]);
    case 3: return "";
    case 4: return unicodeText(rng, rng.logRange(0, 100), 0.5);
    case 5: return rng.pick(["   ", "\u0000", "\ud83d", "null", "[object Object]", "2022-12-31", "NaN"]);
    case 6: return Array.from({ length: rng.logRange(0, 5) }, () => wrongValue(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.logRange(0, 5); i > 0; i--) o[rng.pick(["a", "text", "title", "__proto__", "constructor", "0", ""])] = wrongValue(rng, depth + 1);
      return o;
    }
  }
}

const FIELDS = ["title", "text", "body", "published", "date", "url", "source", "authors", "author", "section", "language", "id"];

/** Raw JSON source for values JSON.stringify cannot write: huge numbers, deep nesting, escapes, duplicates. */
function rawJsonValue(rng: Rng, maxBytes: number): string {
  switch (rng.int(6)) {
    case 0: return rng.pick(["1e400", "-1e400", "1e-400", "-0", "123456789012345678901234567890", "0.1e1", "1E+2"]);
    case 1: {
      const d = rng.logRange(1, Math.min(maxBytes / 2, 100_000));
      const [open, close] = rng.chance(0.5) ? ["[", "]"] : ['{"a":', "}"];
      return open.repeat(d) + "1" + close.repeat(d);
    }
    case 2: return JSON.stringify("x".repeat(rng.logRange(1000, Math.max(1000, Math.min(maxBytes, 2_000_000)))));
    case 3: return `"${rng.pick(["\\ud83d", "\\udc00", "\\u0000", "\\ud83d\\ude00", "\\u202e", "\\ufeff", "\\uffff", "a\\\\b", "\\/", "\\b\\f\\r\\t"])}${lowerWord(rng)}${rng.pick(["\\ud83d", ""])}"`;
    case 4: return JSON.stringify(wrongValue(rng));
    default: return JSON.stringify(unicodeText(rng, rng.logRange(1, 500), 0.6));
  }
}

function jsonRecord(rng: Rng, maxBytes: number): string {
  const r = rng.int(10);
  if (r === 0) return JSON.stringify(wrongValue(rng)); // not an object
  if (r === 1) return rng.pick(["{", "}", "{\"text\":", "{\"text\":\"unterminated", "[1,2", "{'text': 'single'}", "{\"text\":\"a\"} trailing", "NaN", "undefined", "{\"text\":\"a\",}", "\u0000{}"]);
  const fields: string[] = [];
  const hasText = rng.chance(0.85);
  if (hasText) {
    const body = rng.chance(0.6) ? JSON.stringify(unicodeText(rng, rng.logRange(1, 3000), rng.pick([0.05, 0.3, 0.8]))) : rawJsonValue(rng, maxBytes);
    fields.push(`"${rng.pick(["text", "body"])}":${body}`);
  }
  for (const key of FIELDS) {
    if (!rng.chance(0.3)) continue;
    const value = rng.chance(0.5) ? JSON.stringify(wrongValue(rng)) : rawJsonValue(rng, maxBytes);
    fields.push(`"${key}":${value}`);
  }
  if (rng.chance(0.1)) fields.push(`"${rng.pick(["__proto__", "constructor", "toString", "hasOwnProperty", "extra", "x".repeat(rng.logRange(1, 10000))])}":${rawJsonValue(rng, maxBytes)}`);
  if (rng.chance(0.1)) for (let i = rng.logRange(1, 2000); i > 0; i--) fields.push(`"k${i}":${i}`); // many keys
  if (rng.chance(0.1) && fields.length > 0) fields.push(rng.pick(fields)); // duplicate key
  // Shuffle so duplicates and the text field are not always in the same place.
  for (let i = fields.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [fields[i], fields[j]] = [fields[j]!, fields[i]!];
  }
  return `${rng.chance(0.05) ? " " : ""}{${fields.join(rng.chance(0.05) ? " , " : ",")}}`;
}

/** JSON Lines with wrong types, deep nesting, huge strings and numbers, odd escapes, bad lines between good ones. */
const jsonl: Generator = {
  name: "jsonl",
  generate(rng, ctx) {
    const lines: string[] = [];
    const n = rng.logRange(1, 30);
    let size = 0;
    for (let i = 0; i < n && size < ctx.maxBytes; i++) {
      const line = rng.chance(0.08) ? rng.pick(["", " ", "\t", "\r"]) : jsonRecord(rng, ctx.maxBytes - size);
      lines.push(line);
      size += line.length;
    }
    let text = (rng.chance(0.05) ? "\ufeff" : "") + lines.join(rng.chance(0.2) ? "\r\n" : "\n");
    if (rng.chance(0.5)) text += "\n";
    return { bytes: encoder.encode(text), fileName: jsonlName(rng) };
  },
};

export const GENERATORS: ReadonlyMap<string, Generator> = new Map([bytes, unicode, news, mutate, jsonl].map((g) => [g.name, g]));

export function getGenerator(name: string): Generator {
  const g = GENERATORS.get(name);
  if (!g) throw new Error(`unknown fuzz generator "${name}" (known: ${[...GENERATORS.keys()].join(", ")})`);
  return g;
}
