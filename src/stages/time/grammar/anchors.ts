/**
 * Anaphora, resolved against the date in focus (the last explicit date): "that day", "the day before",
 * "the previous year", "at the time", "the same day"; and "a year earlier"/"year-ago" comparisons, which in
 * earnings news mean the same quarter a year before.
 */
import { formatYm, formatYmd, pad } from "../calendar.js";
import { endsSentence } from "../lexer.js";
import type { Core, Cursor } from "./cursor.js";
import { fuzzyRef } from "./fuzzy.js";
import { lastQuarter, periodYearsBack, shift } from "./resolve.js";

/** Verbs of idioms with "the day" that name no day: "carry the day", "save the day", "seize the day". */
const IDIOM_DAY_VERBS: ReadonlySet<string> = new Set(["carry", "carried", "carries", "save", "saved", "saves", "seize", "seized", "win", "won", "wins", "make", "made", "makes", "call", "called"]);

/** Reported figures ("$3 million, or 9 cents a share"): with a quarter in focus, "a year ago" is that quarter's. */
const FIGURE_WORDS: ReadonlySet<string> = new Set(["million", "billion", "cents", "share", "%", "percent", "$"]);

/** "the previous year", "the previous day": relative to the date in focus. */
export function anaphoricUnit(g: Cursor, end: number, unit: string, delta: number): Core | null {
  // A month or a year in focus anchors "the following month" / "the previous year" even without a day:
  // "In March, ... The following month, the company put itself up for sale."
  const ym = g.focus.ym;
  if (ym && (unit === "year" || (unit === "month" && ym.month))) {
    return { end, type: "DATE", value: shift({ year: ym.year, month: ym.month ?? 1, day: 1 }, unit, delta), dateLike: true };
  }
  const f = g.focus.ymd ?? (g.dct && g.dct.day ? g.dct : null);
  if (!f) return null;
  return { end, type: "DATE", value: shift(f, unit, delta), dateLike: true };
}

/** "that day", "that year", "that quarter", "that time". */
export function anaphoric(g: Cursor, j: number, start: number): Core | null {
  const n = g.w(j);
  if (n !== "day" && n !== "week" && n !== "month" && n !== "year" && n !== "quarter" && n !== "time") return null;
  if (g.w(j + 1) === "-" || g.w(start - 1) === "so") return null;
  if (n === "time") {
    if (!g.focus.value) return null;
    return { end: j + 1, type: "DATE", value: g.focus.value, dateLike: true };
  }
  if (n === "quarter") return g.focus.quarter ? { end: j + 1, type: "DATE", value: g.focus.quarter, dateLike: true } : null;
  // "$1.5 billion in watch imports in 1988 ... that year": a year in focus is enough for "that year".
  // Any value in focus that names a year will do, a quarter or a season too ("1988-Q3").
  const year = /^\d{4}/.exec(g.focus.value ?? "");
  if (n === "year" && year) return { end: j + 1, type: "DATE", value: year[0], dateLike: true };
  const f = g.focus.ymd;
  if (!f) return null;
  return { end: j + 1, type: "DATE", value: shift(f, n, 0), dateLike: true };
}

/**
 * "the day before" / "the day after" shift the date in focus; a bare "the day" ("ended the day higher",
 * "later in the day") is that date itself. "the day after falling" is the bare day plus a clause.
 */
export function theDay(g: Cursor, i: number): Core | null {
  const n = g.w(i + 2);
  const after = g.w(i + 3);
  const clause = after.endsWith("ing") || after === "the" || after === "a";
  if ((n === "before" || n === "after") && !clause) return anaphoricUnit(g, i + 3, "day", n === "before" ? -1 : 1);
  // "the day of the vote", "the day when", "day-to-day", "carry the day" do not name the day in focus.
  if (n === "of" || n === "when" || n === "that" || n === "on" || n === "-" || n === "'" || IDIOM_DAY_VERBS.has(g.w(i - 1))) return null;
  return anaphoricUnit(g, i + 2, "day", 0);
}

/** "at the time": the date in focus, when there is one ("at the time of the attack" names an event); "the time being". */
export function theTime(g: Cursor, i: number): Core | null {
  const after = g.w(i + 2);
  if (after === "being") return fuzzyRef(i + 3, "PRESENT_REF");
  if (g.w(i - 1) !== "at" || !g.focus.value || after === "of" || after === "when" || after === "that") return null;
  return { end: i + 2, type: "DATE", value: g.focus.value, dateLike: true };
}

/** "the same day": the date in focus. */
export function theSameDay(g: Cursor, i: number): Core | null {
  if (g.w(i + 2) === "day" && g.focus.ymd) return { end: i + 3, type: "DATE", value: formatYmd(g.focus.ymd), dateLike: true };
  return null;
}

/** Word counts of the phrases that put a comparison period a year back: "last year", "a year ago"... */
function yearBackLength(g: Cursor, j: number): number {
  if (g.w(j) === "last" && g.w(j + 1) === "year") return 2;
  if (g.w(j) === "of" && g.w(j + 1) === "last" && g.w(j + 2) === "year") return 3;
  if (g.w(j) === "a" && g.w(j + 1) === "year" && (g.w(j + 2) === "ago" || g.w(j + 2) === "earlier" || g.w(j + 2) === "before")) return 3;
  if (g.w(j) === "the" && (g.w(j + 1) === "previous" || g.w(j + 1) === "prior") && g.w(j + 2) === "year") return 3;
  return 0;
}

/**
 * "the same month a year ago", "the corresponding period last year", "the comparable quarter of last year":
 * sales and earnings news compare the month or quarter in focus with the same one a year before. Without
 * a month or quarter in focus the phrase is left alone rather than guessed.
 */
export function sameTimeYearBefore(g: Cursor, i: number): Core | null {
  const unit = g.w(i + 2);
  if (unit !== "month" && unit !== "quarter" && unit !== "period") return null;
  const back = yearBackLength(g, i + 3);
  if (back === 0) return null;
  const quarter = unit === "month" ? null : recentFocusQuarter(g);
  const ym = unit === "quarter" ? null : g.focus.ym;
  let value: string | null = null;
  if (quarter) value = periodYearsBack(quarter, 1);
  else if (ym && ym.month) value = formatYm(ym.year - 1, ym.month);
  return value ? { end: i + 3 + back, type: "DATE", value, dateLike: true } : null;
}

/** "year-earlier", "year-ago", "year-end", "year end", "year's end". */
export function yearCompound(g: Cursor, i: number): Core | null {
  if (g.w(i + 1) === "-" && (g.w(i + 2) === "earlier" || g.w(i + 2) === "ago")) return yearEarlier(g, i + 3, i);
  let endAt = i + 1; // "year end"
  if (g.w(i + 1) === "-") endAt = i + 2; // "year-end"
  else if (g.w(i + 1) === "'" && g.w(i + 2) === "s") endAt = i + 3; // "year's end"
  if (g.w(endAt) === "end") return { end: endAt + 1, type: "DATE", value: g.dct ? pad(g.dct.year, 4) : "XXXX", mod: "END", dateLike: true };
  return null;
}

/** "year-earlier" (the same period a year before the DCT's). */
export function yearEarlier(g: Cursor, end: number, start: number): Core | null {
  if (!g.dct) return null;
  let e = end;
  if (g.w(e) === "quarter" || g.w(e) === "period") {
    e++;
    return { end: e, type: "DATE", value: lastQuarter(g.dct, 1), dateLike: true };
  }
  return { end: e, type: "DATE", value: yearBeforeQuarter(g, start) ?? pad(g.dct.year - 1, 4), dateLike: true };
}

/**
 * In earnings prose "a year ago" means the same quarter a year before the one under discussion:
 * used when a quarter is in focus and the word "quarter" occurs shortly before.
 */
export function yearBeforeQuarter(g: Cursor, i: number): string | null {
  const q = recentFocusQuarter(g);
  if (!q) return null;
  let sameSentence = true;
  for (let k = i - 1; k >= 0 && k >= i - 40; k--) {
    const w = g.w(k);
    if (w === "quarter" || w === "quarterly" || (sameSentence && FIGURE_WORDS.has(w))) return periodYearsBack(q, 1);
    if (k < i - 1 && endsSentence(g.lx, k)) sameSentence = false;
  }
  return null;
}

/**
 * A quarter in focus is the one under report only if it is the DCT's or one of the two before it: an
 * older one ("1988-Q3" from an earlier "a year ago") is the comparison period itself, and a further
 * "a year earlier" then means the year, not a quarter two years back.
 */
export function recentFocusQuarter(g: Cursor): string | null {
  const q = g.focus.quarter;
  return q && recentQuarter(g, q) ? q : null;
}

function recentQuarter(g: Cursor, q: string): boolean {
  if (!g.dct || !g.dct.month) return true;
  const index = Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  const dctIndex = g.dct.year * 4 + Math.floor((g.dct.month - 1) / 3);
  return index >= dctIndex - 2;
}
