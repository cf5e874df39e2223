import { ABBREVIATIONS } from "./abbreviations.js";
import { isApostrophe, isDigit, isHyphen, isSpace, isWordChar } from "./chars.js";

/** Growable pair of offset arrays; one per document, so tokenizing allocates O(log n) arrays, not one object per token. */
export class OffsetBuffer {
  count = 0;
  start: Int32Array;
  end: Int32Array;

  constructor(capacity = 256) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  push(start: number, end: number): void {
    if (this.count === this.start.length) {
      const grown = this.start.length * 2;
      const s = new Int32Array(grown);
      const e = new Int32Array(grown);
      s.set(this.start);
      e.set(this.end);
      this.start = s;
      this.end = e;
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }
}

const URL_PREFIXES = ["https://", "http://", "www."];
/** Clitics split off as their own token, as in the Penn Treebank and CoNLL: "Russia's" -> "Russia" "'s". */
const CLITICS = ["s", "re", "ve", "ll", "d", "m"];

/**
 * Tokenizes text[from, to) into `out`, Penn-Treebank style but keeping the source characters:
 * hyphenated compounds stay whole ("Russian-Chinese", "10-month"), numbers keep their separators
 * ("1,000", "3.2"), abbreviations and initials keep their period ("Sept.", "U.S.", "J."),
 * clitics split ("Russia's" -> "Russia" "'s", "don't" -> "do" "n't"). One forward scan, no backtracking.
 */
export function tokenizeRange(text: string, from: number, to: number, out: OffsetBuffer): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c < 32 || c === 127) {
      i++;
      continue;
    }
    if (isHighSurrogate(c)) {
      // A pair is one character; an emoji pair is a token of its own, other astral characters (CJK, math letters)
      // read as word characters below. A lone surrogate (a cut emoji: "\ud83d") is a one-unit token of its own,
      // so no branch below ever sees a code unit it cannot advance over.
      const paired = i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1));
      if (!paired || isEmojiLead(c)) {
        const width = paired ? 2 : 1;
        out.push(i, i + width);
        i += width;
        continue;
      }
    }
    if (isWordChar(c)) {
      const urlEnd = scanUrl(text, i, to);
      if (urlEnd > i) {
        out.push(i, urlEnd);
        i = urlEnd;
        continue;
      }
      // scanWord always consumes at least the character at i (a word char that is no emoji lead or lone surrogate).
      i = scanWord(text, i, to, out);
      continue;
    }
    // Runs of the same punctuation mark that read as one: "...", "--", "``", "''"; and "?!", "!!", "?!?" as one mark,
    // so that a sentence ends once after them.
    let j = i + 1;
    if (c === 46 || c === 45 || c === 96 || c === 39) {
      while (j < to && text.charCodeAt(j) === c) j++;
    } else if (c === 33 || c === 63) {
      while (j < to && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) j++;
    }
    out.push(i, j);
    i = j;
  }
}

function isEmojiLead(c: number): boolean {
  return c >= 0xd83c && c <= 0xd83e;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Where a word stops: an emoji pair, or a high surrogate without its low half. */
function stopsWord(text: string, i: number, to: number): boolean {
  const c = text.charCodeAt(i);
  return isHighSurrogate(c) && (isEmojiLead(c) || i + 1 >= to || !isLowSurrogate(text.charCodeAt(i + 1)));
}

function scanUrl(text: string, i: number, to: number): number {
  for (const prefix of URL_PREFIXES) {
    if (i + prefix.length <= to && text.startsWith(prefix, i)) {
      let j = i + prefix.length;
      while (j < to && !isSpace(text.charCodeAt(j))) j++;
      // Trailing punctuation belongs to the sentence, not the address.
      while (j > i + prefix.length && ".,;:!?)]\"'”’".includes(text.charAt(j - 1))) j--;
      return j;
    }
  }
  return i;
}

function scanWord(text: string, start: number, to: number, out: OffsetBuffer): number {
  let i = start;
  let innerPeriod = false;
  for (;;) {
    while (i < to && isWordChar(text.charCodeAt(i)) && !stopsWord(text, i, to)) i++;
    if (i + 1 >= to) break;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (isHyphen(c) && isWordChar(next)) {
      i++;
      continue;
    }
    if ((c === 46 || c === 44) && isDigit(next) && isDigit(text.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    if (c === 46 && isWordChar(next) && !isDigit(next)) {
      // "U.S", "e.g", "example.com": a period between letters is inside the token.
      innerPeriod = true;
      i++;
      continue;
    }
    if (isApostrophe(c) && isWordChar(next)) {
      const clitic = cliticLength(text, i, to);
      if (clitic > 0) {
        // "don't": the clitic is "n't", so the word ends one letter earlier.
        const isNt = (text.charCodeAt(i - 1) | 32) === 110 && (next | 32) === 116 && clitic === 2 && i - 1 > start;
        const wordEnd = isNt ? i - 1 : i;
        out.push(start, wordEnd);
        out.push(wordEnd, i + clitic);
        return i + clitic;
      }
      i++; // O'Brien, rock'n'roll
      continue;
    }
    break;
  }
  // Keep the period of abbreviations, initials and acronyms: "Sept.", "J.", "U.S."
  if (i < to && text.charCodeAt(i) === 46) {
    const word = text.slice(start, i).toLowerCase();
    const isInitial = i - start === 1 && !isDigit(text.charCodeAt(start));
    const nextIsPeriod = i + 1 < to && text.charCodeAt(i + 1) === 46;
    if (!nextIsPeriod && (isInitial || innerPeriod || ABBREVIATIONS.has(word))) i++;
  }
  if (i === start) throw new Error(`tokenizer made no progress at offset ${start}`); // unreachable: the caller guarantees a word char
  out.push(start, i);
  return i;
}

/** Length of the clitic that starts at the apostrophe at `i` ("'s" -> 2), or 0 when none does. */
function cliticLength(text: string, i: number, to: number): number {
  const prev = text.charCodeAt(i - 1) | 32;
  const after = text.charCodeAt(i + 1) | 32;
  if (prev === 110 && after === 116 && (i + 2 >= to || !isWordChar(text.charCodeAt(i + 2)))) return 2; // n't
  for (const clitic of CLITICS) {
    const end = i + 1 + clitic.length;
    if (end > to) continue;
    if (text.slice(i + 1, end).toLowerCase() !== clitic) continue;
    if (end === to || !isWordChar(text.charCodeAt(end))) return 1 + clitic.length;
  }
  return 0;
}

/** Convenience for tests and tools: the token strings of a text. */
export function tokenize(text: string): string[] {
  const out = new OffsetBuffer();
  tokenizeRange(text, 0, text.length, out);
  const tokens: string[] = [];
  for (let t = 0; t < out.count; t++) tokens.push(text.slice(out.start[t], out.end[t]));
  return tokens;
}
