#!/usr/bin/env node
// Converts the English section of NewsReader MEANTIME (120 Wikinews articles, CC BY 4.0,
// © 2015 FBK, VU Amsterdam, UPV/EHU) into the project's JSON Lines article format:
//
//   node scripts/convert-meantime.mjs /work/shared/data/meantime examples/meantime/meantime-en.jsonl
//
// MEANTIME ships only a token layer (tokens numbered by sentence, no paragraphs, no character
// offsets), so the text is rebuilt from the tokens. In every file sentence 0 is the Wikinews
// headline and sentence 1 the dateline ("March 01 , 2008"); the rest is the body. The body keeps
// every token; each MEANTIME sentence becomes one line, because the data records no paragraphs.
// Annotations are dropped. Plain Node, no dependencies, so the conversion can be redone anywhere.

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ANNOTATION_DIR = "intra-doc_annotation";

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write("usage: node scripts/convert-meantime.mjs <meantime-dir> <out.jsonl>\n");
    return 2;
  }
  const [dataDir, outFile] = argv;
  const root = join(dataDir, ANNOTATION_DIR);
  const lines = [];
  const stats = { articles: 0, lines: 0, chars: 0, datelineMissing: 0, dctUnusable: 0, dctMismatches: 0 };
  for (const corpus of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, corpus)).sort()) {
      if (!file.endsWith(".xml")) continue;
      const path = join(root, corpus, file);
      const article = convertDocument(readDocument(readFileSync(path, "utf8")), path, stats);
      lines.push(JSON.stringify(article));
      stats.articles++;
      stats.lines += article.text.split("\n").length;
      stats.chars += article.text.length;
    }
  }
  writeFileSync(outFile, lines.join("\n") + "\n");
  process.stderr.write(
    `${stats.articles} articles, ${stats.lines} body lines, ${stats.chars} body characters -> ${outFile}\n` +
      `no dateline: ${stats.datelineMissing}; DCT missing or malformed: ${stats.dctUnusable}; ` +
      `DCT/dateline disagreements: ${stats.dctMismatches}\n`,
  );
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Reading the XML. The files are machine-written and flat, so a small tag scanner is enough:
// it walks the string once with indexOf and collects the three things we need.

/** @returns {{attrs: Record<string,string>, tokens: {sentence:number, text:string}[], dct: string|null}} */
function readDocument(xml) {
  let attrs = {};
  const tokens = [];
  let dct = null;
  let pos = 0;
  while ((pos = xml.indexOf("<", pos)) !== -1) {
    const close = xml.indexOf(">", pos);
    if (close === -1) throw new Error(`unterminated tag at ${pos}`);
    const tag = xml.slice(pos + 1, close);
    pos = close + 1;
    if (tag.startsWith("?") || tag.startsWith("!") || tag.startsWith("/")) continue;
    const { name, attributes } = parseTag(tag);
    if (name === "Document") {
      attrs = attributes;
    } else if (name === "token") {
      const end = xml.indexOf("</token>", pos);
      tokens.push({ sentence: Number(attributes.sentence), text: decodeEntities(xml.slice(pos, end)) });
      pos = end + "</token>".length;
    } else if (name === "TIMEX3" && attributes.functionInDocument === "CREATION_TIME") {
      dct = attributes.value ?? null;
    }
  }
  return { attrs, tokens, dct };
}

function parseTag(tag) {
  let i = 0;
  while (i < tag.length && !isSpace(tag[i]) && tag[i] !== "/") i++;
  const name = tag.slice(0, i);
  const attributes = {};
  while (i < tag.length) {
    while (i < tag.length && (isSpace(tag[i]) || tag[i] === "/")) i++;
    const eq = tag.indexOf("=", i);
    if (eq === -1) break;
    const key = tag.slice(i, eq).trim();
    const quote = tag[eq + 1];
    const end = tag.indexOf(quote, eq + 2);
    attributes[key] = decodeEntities(tag.slice(eq + 2, end));
    i = end + 1;
  }
  return { name, attributes };
}

function isSpace(c) {
  return c === " " || c === "\n" || c === "\t" || c === "\r";
}

const NAMED_ENTITIES = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };

function decodeEntities(s) {
  if (!s.includes("&")) return s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf("&", i);
    const semi = amp === -1 ? -1 : s.indexOf(";", amp);
    if (semi === -1) return out + s.slice(i);
    out += s.slice(i, amp);
    const ref = s.slice(amp + 1, semi);
    if (ref.startsWith("#x")) out += String.fromCodePoint(parseInt(ref.slice(2), 16));
    else if (ref.startsWith("#")) out += String.fromCodePoint(parseInt(ref.slice(1), 10));
    else out += NAMED_ENTITIES[ref] ?? `&${ref};`;
    i = semi + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One document -> one article.

function convertDocument(doc, path, stats) {
  const sentences = [];
  for (const t of doc.tokens) (sentences[t.sentence] ??= []).push(t.text);
  if (!sentences[0] || !sentences[1]) throw new Error(`${path}: fewer than two sentences`);

  // `published` is the date the article itself prints. The annotated creation time (DCT) agrees
  // with it except where the annotation is missing, malformed ("03-02-2009") or mistyped
  // (114904: DCT 2008-10-20 on a story of the 10 October 2008 swings), so it is only the fallback.
  const dateline = parseDateline(sentences[1]);
  const dct = /^\d{4}-\d{2}-\d{2}$/.test(doc.dct ?? "") ? doc.dct : null;
  if (dateline === null) stats.datelineMissing++;
  if (dct === null) stats.dctUnusable++;
  if (dct !== null && dateline !== null && dct !== dateline) {
    stats.dctMismatches++;
    process.stderr.write(`${path}: DCT ${dct} but dateline says ${dateline}; using the dateline\n`);
  }
  const published = dateline ?? dct;
  if (published === null) throw new Error(`${path}: no creation time and no dateline`);

  // The dateline duplicates `published`, as the headline duplicates `title`: both stay out of the body.
  const body = sentences.slice(dateline === null ? 1 : 2).filter((s) => s !== undefined);
  const article = { id: `meantime:${doc.attrs.doc_id}`, title: headline(sentences[0], doc.attrs.url) };
  article.published = published;
  if (doc.attrs.url) article.url = doc.attrs.url;
  article.source = "Wikinews";
  article.language = doc.attrs.lang || "en";
  article.text = detokenize(splitBulletLists(body)).join("\n");
  return article;
}

/**
 * The headline from sentence 0. The Wikinews page name in the url is the same headline with its
 * original spacing ("Wal-Mart" where the tokens say "Wal - Mart"), so it wins when the two differ
 * only in spaces.
 */
function headline(tokens, url) {
  const rebuilt = detokenize([tokens])[0];
  const page = url ? pageName(url) : null;
  return page !== null && page.replaceAll(" ", "") === rebuilt.replaceAll(" ", "") ? page : rebuilt;
}

function pageName(url) {
  const at = url.indexOf("/wiki/");
  if (at === -1) return null;
  try {
    return decodeURIComponent(url.slice(at + "/wiki/".length)).replaceAll("_", " ");
  } catch {
    return null; // not percent-encoded consistently: fall back to the tokens
  }
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

/** "March 01 , 2008" -> "2008-03-01"; null when the sentence is not exactly a date. */
function parseDateline(tokens) {
  if (tokens.length !== 4 || tokens[2] !== ",") return null;
  const month = MONTHS.indexOf(tokens[0]) + 1;
  const day = Number(tokens[1]);
  if (month === 0 || !/^\d{1,2}$/.test(tokens[1]) || day < 1 || day > 31 || !/^\d{4}$/.test(tokens[3])) return null;
  return `${tokens[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A bulleted list reaches MEANTIME as one sentence with "*" tokens; give each item its own line. */
function splitBulletLists(lines) {
  const out = [];
  for (const line of lines) {
    let current = [];
    for (const token of line) {
      if (token === "*" && current.length > 0) {
        out.push(current);
        current = [];
      }
      current.push(token);
    }
    out.push(current);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Detokenization. The MEANTIME tokenizer split punctuation and clitics off and turned straight
// double quotes into PTB `` and '' (mostly; some files keep a straight "). We undo that, and
// repair the one encoding loss in the data: "£" arrived as "#" (ISO 646-GB), e.g. "GB # 20.1".

/** Closing punctuation and clitics that attach to the token before them. */
const ATTACH_LEFT = new Set([",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'", "''", "”",
  "n't", "'s", "'re", "'ve", "'ll", "'m", "'d", "N'T", "'S", "'RE", "'VE", "'LL", "'M", "'D"]);
/** Opening punctuation that attaches to the token after it. */
const ATTACH_RIGHT = new Set(["(", "[", "{", "``", "“", "`", "‘"]);
/** Currency signs written before the amount without a space ("#" is the data's "£", see `surface`). */
const CURRENCY_PREFIX = new Set(["$", "US$", "CA$", "AU$", "USD$", "NZ$", "HK$", "C$", "A$", "€", "£", "¥", "#"]);
/** What may follow an apostrophe inside a word: it's, don't, I'll, I'd, I'm, we're, we've. */
const APOSTROPHE_SUFFIXES = new Set(["s", "t", "ll", "d", "m", "re", "ve"]);

/**
 * Turns lines of tokens into lines of text. Straight double quotes are paired across the whole
 * document (quotes may span MEANTIME sentences); a closing quote the tokenizer put at the start
 * of the next sentence is moved back to the end of the line it closes.
 * @param {string[][]} lines
 * @returns {string[]}
 */
function detokenize(lines) {
  const typed = resolveQuotes(lines);
  for (let i = 1; i < typed.length; i++) {
    while (typed[i].length > 1 && isClosingQuote(typed[i][0])) typed[i - 1].push(typed[i].shift());
  }
  return typed.map(joinLine);
}

/** Replaces each straight `"` by `` (opening) or '' (closing), pairing them in order. */
function resolveQuotes(lines) {
  let open = false;
  return lines.map((line) =>
    line.map((token) => {
      if (token !== '"') return token;
      open = !open;
      return open ? "``" : "''";
    }),
  );
}

function isClosingQuote(token) {
  return token === "''" || token === "'" || token === "”";
}

function joinLine(tokens) {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const prev = i > 0 ? tokens[i - 1] : null;
    const token = tokens[i];
    const next = i + 1 < tokens.length ? tokens[i + 1] : null;
    const text = surface(token, next);
    if (prev !== null && spaceBetween(prev, token, next, tokens[i - 2] ?? null)) out += " ";
    out += text;
  }
  return out;
}

/** The characters a token stands for. */
function surface(token, next) {
  if (token === "``" || token === "''") return '"';
  if (token === "`") return "'";
  if (token.startsWith("''") && token.length > 2) return '"' + token.slice(2); // ''I' -> "I'
  if (token === "#" && next !== null && isDigit(next[0])) return "£";
  return token;
}

function spaceBetween(prev, token, next, beforePrev) {
  if (ATTACH_RIGHT.has(prev)) return false;
  if (isCurrencyPrefix(prev, token)) return false;
  if (token === "#" && prev === "GB" && next !== null && isDigit(next[0])) return false; // GB£
  if (token === "/" || prev === "/") return false; // audio/video, $149/£99
  if (token === "+" && isDigit(prev[0])) return false; // 290+ seats
  // Apostrophes inside words: "I' ll" -> I'll, "O' Leary" -> O'Leary, "Wayne ’ s" -> Wayne’s.
  if (isLetterApostrophe(prev) && isLetter(token[0])) return false;
  if (token === "’") return false;
  if ((prev === "’" || prev === "'") && beforePrev !== null && isLetter(beforePrev[beforePrev.length - 1]) &&
    APOSTROPHE_SUFFIXES.has(token)) return false; // "we ' re" -> we're
  if (prev.length === 1 && isUpper(prev) && token.length > 1 && token[0] === "'" && isUpper(token[1])) {
    return false; // "O 'Reilly" -> O'Reilly
  }
  if (token === "bn" && isDigit(prev[prev.length - 1])) return false; // "7.2 bn" -> 7.2bn, as "15bn" elsewhere
  return !ATTACH_LEFT.has(token);
}

/** "I'" or "O'" (also after an opening quote, "''I'"): the tokenizer's cut inside I'll, O'Leary. */
function isLetterApostrophe(token) {
  const bare = token.startsWith("''") ? token.slice(2) : token;
  return bare.length === 2 && isLetter(bare[0]) && bare[1] === "'";
}

function isCurrencyPrefix(prev, token) {
  return CURRENCY_PREFIX.has(prev) && isDigit(token[0]);
}

function isDigit(c) {
  return c !== undefined && c >= "0" && c <= "9";
}

function isUpper(c) {
  return c !== undefined && c !== c.toLowerCase();
}

function isLetter(c) {
  return c !== undefined && c.toLowerCase() !== c.toUpperCase();
}

process.exitCode = main(process.argv.slice(2));
