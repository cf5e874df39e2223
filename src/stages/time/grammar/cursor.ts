/**
 * The shared matcher machinery of the TIMEX3 grammar. Every recognizer is a function of a `Cursor` (the
 * lexed tokens, the publication date, the date in focus) and a token index, and returns a `Core` that says
 * where the expression ends and what it means, or null. Recognizers read tokens left to right and never
 * backtrack over the text, so a pass over a document is linear.
 */
import type { TimexType } from "../../../core/analysis.js";
import type { Ymd } from "../calendar.js";
import { Kind, type Lexed } from "../lexer.js";

/** Core result before modifiers: end token (exclusive), type and value. */
export interface Core {
  end: number;
  type: TimexType;
  value: string;
  mod?: string | null;
  /** Granularity for modifiers like "early"/"mid" (which need a date, not a duration). */
  dateLike?: boolean;
  /** A bare weekday read by its clause: which day of the week (1 = Monday), and whether the side was a weak guess. */
  weekday?: { wd: number; weak: boolean };
}

export interface Focus {
  ymd: Ymd | null;
  value: string | null;
  /**
   * Year and month of the value in focus when it is a year, a month or a day ("1989", "1989-03", "1989-03-15"),
   * for "the following month", "the previous year", "the same month a year ago".
   */
  ym: { year: number; month: number | null } | null;
  /** The last quarter mentioned ("1989-Q3"): earnings news compares it with "a year earlier". */
  quarter: string | null;
  /**
   * The last year named alone ("in 2008", "Eight years ago") and where, in the range being tagged: a bare month later in
   * its sentence is of that year (months.ts `sentenceYear`).
   */
  year?: { lx: Lexed; start: number; end: number; year: number } | null;
}

export class Cursor {
  readonly lx: Lexed;
  readonly dct: Ymd | null;
  readonly focus: Focus;

  constructor(lx: Lexed, dct: Ymd | null, focus: Focus) {
    this.lx = lx;
    this.dct = dct;
    this.focus = focus;
  }

  w(i: number): string {
    return i >= 0 && i < this.lx.count ? (this.lx.lower[i] as string) : "";
  }

  adjacent(i: number): boolean {
    return i > 0 && i < this.lx.count && this.lx.start[i] === this.lx.end[i - 1];
  }

  isNum(i: number): boolean {
    return i >= 0 && i < this.lx.count && this.lx.kind[i] === Kind.Number;
  }

  seq(i: number, words: readonly string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.w(i + k) !== words[k]) return false;
    return true;
  }
}

/** Tokens that open a quotation: '"', '“', and the ` and ' of news wires' `` and ''. */
export const OPENING_QUOTES: ReadonlySet<string> = new Set(['"', "\u201c", "`", "'"]);

/** Tokens that close a clause: a timex before them stands alone. */
export const CLAUSE_END: ReadonlySet<string> = new Set([".", "!", "?", ";", ",", ")", ":", "'", "\"", "\u201d", "and", "or", "-"]);

export function isDigits(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "15th" → 15 (days 1-31 only). */
export function ordinalDay(t: string): number | null {
  const n = t.length;
  if (n < 3 || n > 4) return null;
  const suf = t.slice(n - 2);
  if (suf !== "st" && suf !== "nd" && suf !== "rd" && suf !== "th") return null;
  if (!isDigits(t, 0, n - 2)) return null;
  const d = Number(t.slice(0, n - 2));
  return d >= 1 && d <= 31 ? d : null;
}
