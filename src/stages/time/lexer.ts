/**
 * A small lexer for the time and amount grammars. It works on any string, so the taggers run on a
 * plain text + publication date (the TimeML evaluation) as well as on a Doc. Words are runs of letters,
 * numbers runs of digits, mixed runs ("1990s", "3pm", "15th") stay one token, every other
 * non-space character is a token of its own. One pass, no regular expressions.
 */

export const enum Kind {
  Word = 0,
  Number = 1,
  Mixed = 2,
  Punct = 3,
}

export interface Lexed {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Lowercased token text. */
  lower: string[];
  /** True when the token starts with an uppercase letter. */
  upper: Uint8Array;
  /** True when a line break (a paragraph or title boundary) lies between token i-1 and token i. */
  breakBefore: Uint8Array;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 12;
}

export function lex(text: string, from = 0, to = text.length): Lexed {
  const cap = Math.max(16, ((to - from) >> 2) + 16);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let upper = new Uint8Array(cap);
  let breakBefore = new Uint8Array(cap);
  const lower: string[] = [];
  let n = 0;
  let sawBreak = false;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 13) sawBreak = true;
      i++;
      continue;
    }
    if (n === start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start);
      end = grow(end);
      kind = grow(kind);
      upper = grow(upper);
      breakBefore = grow(breakBefore);
    }
    let j = i + 1;
    let k: Kind;
    if (isDigit(c) || isLetter(c)) {
      let digits = isDigit(c) ? 1 : 0;
      let letters = digits ? 0 : 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) digits++;
        else if (isLetter(d)) letters++;
        else break;
        j++;
      }
      k = letters === 0 ? Kind.Number : digits === 0 ? Kind.Word : Kind.Mixed;
    } else {
      k = Kind.Punct;
    }
    start[n] = i;
    end[n] = j;
    kind[n] = k;
    upper[n] = c >= 65 && c <= 90 ? 1 : 0;
    breakBefore[n] = sawBreak ? 1 : 0;
    sawBreak = false;
    lower.push(normalizePunct(text.slice(i, j).toLowerCase()));
    n++;
    i = j;
  }
  return { count: n, start, end, kind, lower, upper, breakBefore };
}

/** Titles and abbreviations whose period does not end a sentence: "Mr. Smith", "Gov. Cuomo", "Oct. 23". */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "prof", "rev", "jr", "sr", "co",
  "corp", "inc", "ltd", "vs", "no", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

/**
 * Whether token k ends a sentence. The lexer splits "0.9" and "U.S." at their periods, and those periods,
 * like the one of "Mr." or one before a lowercase word, end nothing; reading them as boundaries would cut
 * "The economy contracted by 0.9% between April and June" off from its verb.
 */
export function endsSentence(lx: Lexed, k: number): boolean {
  const w = lx.lower[k];
  if (w === "!" || w === "?" || w === ";") return true;
  if (w !== ".") return false;
  if (k + 1 < lx.count && lx.kind[k + 1] !== Kind.Punct && (lx.start[k + 1] === lx.end[k] || (lx.kind[k + 1] === Kind.Word && !lx.upper[k + 1] && !lx.breakBefore[k + 1]))) return false;
  const prev = k > 0 ? (lx.lower[k - 1] as string) : "";
  if (k > 0 && lx.kind[k - 1] === Kind.Word && (prev.length === 1 || ABBREVIATIONS.has(prev))) return false;
  return true;
}

/** Typographic apostrophes and dashes read as their ASCII forms. */
function normalizePunct(s: string): string {
  if (s.length !== 1) return s;
  switch (s) {
    case "\u2019":
    case "\u2018":
      return "'";
    case "\u2013":
    case "\u2014":
      return "-";
    default:
      return s;
  }
}
