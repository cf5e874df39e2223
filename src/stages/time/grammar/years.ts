/**
 * Years and longer calendar spans: bare years (told apart from counts: "in 1998" vs "2000 people"),
 * clipped years ("since '82"), spelled-out years ("nineteen ninety-six"), decades, centuries, FY2022.
 */
import { pad } from "../calendar.js";
import { Kind } from "../lexer.js";
import { MONTHS, NUMBER_WORDS, ORDINALS, UNITS } from "../lexicon.js";
import { recentFocusQuarter } from "./anchors.js";
import { CLAUSE_END, isDigits, ordinalDay, type Core, type Cursor } from "./cursor.js";

/** Words before a bare 4-digit number that make it a year ("in 1998", "fiscal 1990", "spring 2001"). */
const YEAR_CONTEXT_BEFORE: ReadonlySet<string> = new Set([
  "in", "since", "until", "till", "by", "during", "through", "throughout", "before", "after", "from", "of", "to",
  "early", "late", "mid", "fiscal", "fy", "and", "or", "the", "-", "(", "between", "for", "spring", "summer", "fall",
  "autumn", "winter", "year", "around", "circa", "c", "'", "/", "as", "at", "within",
]);

/** A bare 4-digit year ("in 1998"), unless the context makes it a count. */
export function bareYear(g: Cursor, i: number): Core | null {
  if (g.w(i).length !== 4) return null;
  const year = yearAt(g, i);
  return year === null ? null : { end: i + 1, type: "DATE", value: pad(year, 4), dateLike: true };
}

/** A plausible year at token i (a bare 4-digit number), or null when the context says it is a count. */
export function yearAt(g: Cursor, i: number): number | null {
  const t = g.w(i);
  if (t.length !== 4 || !g.isNum(i)) return null;
  const y = Number(t);
  if (y < 1200 || y > 2099) return null;
  const prev = g.w(i - 1);
  const next = g.w(i + 1);
  if (prev === "$" || prev === "€" || prev === "£" || prev === "#" || prev === "no" || prev === "number" || g.isNum(i - 1)) return null;
  if (next === "%" || next === "percent" || UNITS.has(next) || next === "million" || next === "billion") return null;
  if ((prev === "," || prev === ".") && g.isNum(i - 2) && g.adjacent(i)) return null; // 1,2000 or 3.2000
  if (g.w(i + 1) === "," && g.isNum(i + 2) && g.adjacent(i + 1)) return null;
  if ((next === ":" || next === ".") && g.isNum(i + 2) && g.adjacent(i + 1)) return null;
  if (MONTHS.has(prev) || YEAR_CONTEXT_BEFORE.has(prev) || g.lx.breakBefore[i] || i === 0) {
    if (prev === "of" || prev === "to" || prev === "and" || prev === "the" || prev === "for" || prev === "at" || prev === "as") {
      if (nextIsNoun(g, i + 1)) return null;
    }
    return y;
  }
  if (next === "" || CLAUSE_END.has(next) || next === "'s" || next === "s") return y;
  if (nextIsNoun(g, i + 1)) return null;
  // Before a name ("1990 BellSouth earnings", "a 1971 Convention") only a year of the last century or so
  // reads as a year; "1500 Marines" is a count, and inside a name ("the Russell 2000 Index") it is neither.
  if (g.lx.kind[i + 1] === Kind.Word && g.lx.upper[i + 1] && !g.lx.breakBefore[i + 1]) {
    if (g.lx.upper[i - 1] && g.lx.kind[i - 1] === Kind.Word && !g.lx.breakBefore[i]) return null;
    return y >= 1900 && y <= (g.dct ? g.dct.year : 2030) + 10 ? y : null;
  }
  return y;
}

/** A lowercase plural-looking noun after a number marks a count ("1500 troops"). */
function nextIsNoun(g: Cursor, j: number): boolean {
  if (j >= g.lx.count || g.lx.kind[j] !== Kind.Word || g.lx.upper[j]) return false;
  const w = g.w(j);
  if (w === "was" || w === "is" || w === "has" || w === "as" || w === "this" || w === "its" || w === "his" || w === "us") return false;
  return w.endsWith("s") || w === "people";
}

/** A clipped year after a year preposition: "since '82" (the century that is not in the future). */
export function clippedYear(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  // Not after a doubled quote mark: ''60 Minutes'' is a title, not 1960.
  const quoted = g.w(i - 2) === "'" && g.adjacent(i - 1);
  if (t.length === 2 && g.w(i - 1) === "'" && g.adjacent(i) && !quoted && YEAR_CONTEXT_BEFORE.has(g.w(i - 2))) {
    const yy = Number(t);
    const current = g.dct ? g.dct.year : 2000;
    const year = Math.floor(current / 100) * 100 + yy > current ? Math.floor(current / 100) * 100 - 100 + yy : Math.floor(current / 100) * 100 + yy;
    return { end: i + 1, type: "DATE", value: pad(year, 4), dateLike: true };
  }
  return null;
}

/** "1990s". */
export function decade(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  if (t.length === 5 && t.endsWith("s") && isDigits(t, 0, 4)) {
    const y = Number(t.slice(0, 4));
    if (y >= 1000 && y <= 2090 && y % 10 === 0) {
      return { end: i + 1, type: "DATE", value: t.slice(0, 3), dateLike: true };
    }
  }
  return null;
}

/** "'90s" */
export function apostropheDecade(g: Cursor, i: number): Core | null {
  const t = g.w(i + 1);
  if (g.adjacent(i + 1) && t.length === 3 && t.endsWith("s") && isDigits(t, 0, 2) && t[1] === "0") {
    const yy = Number(t.slice(0, 2));
    return { end: i + 2, type: "DATE", value: `${yy < 30 ? 20 : 19}${t[0]}`, dateLike: true };
  }
  return null;
}

/** "FY2022". */
export function fiscalYearToken(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  if (t.startsWith("fy") && t.length === 6 && isDigits(t, 2, 6)) return { end: i + 1, type: "DATE", value: `FY${t.slice(2)}`, dateLike: true };
  return null;
}

/**
 * A year read out in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen eighty",
 * "two thousand", "two thousand and one". Returns the year and the token after it.
 */
export function spelledYear(g: Cursor, j: number): { year: number; end: number } | null {
  const a = g.w(j);
  if (a === "two" && g.w(j + 1) === "thousand") {
    let k = j + 2;
    if (g.w(k) === "and") k++;
    const unit = NUMBER_WORDS.get(g.w(k));
    if (unit !== undefined && unit < 20) return { year: 2000 + unit, end: k + 1 };
    return { year: 2000, end: j + 2 };
  }
  const century = a === "nineteen" ? 1900 : a === "eighteen" ? 1800 : 0;
  const tens = NUMBER_WORDS.get(g.w(j + 1));
  if (!century || tens === undefined || tens < 20 || tens > 90 || tens % 10 !== 0) return null;
  if (g.w(j + 2) === "-") {
    const unit = NUMBER_WORDS.get(g.w(j + 3));
    if (unit !== undefined && unit >= 1 && unit <= 9) return { year: century + tens + unit, end: j + 4 };
  }
  return { year: century + tens, end: j + 2 };
}

/** "in nineteen ninety-six" (a year) but not "nineteen ninety-six people" (a count). */
export function spelledYearWord(g: Cursor, i: number): Core | null {
  const y = spelledYear(g, i);
  return y && !nextIsNoun(g, y.end) ? { end: y.end, type: "DATE", value: pad(y.year, 4), dateLike: true } : null;
}

/** "the 1998 period": the year, or in earnings news (a recent quarter in focus) that quarter of the year. */
export function yearPeriod(g: Cursor, j: number): Core | null {
  if (g.isNum(j) && g.w(j).length === 4 && g.w(j + 1) === "period") {
    const q = recentFocusQuarter(g);
    return { end: j + 2, type: "DATE", value: q ? `${g.w(j)}${q.slice(4)}` : g.w(j), dateLike: true };
  }
  return null;
}

/** "the 20th century", "the nineteenth century". */
export function century(g: Cursor, j: number): Core | null {
  const t = g.w(j);
  let n = ordinalDay(t) ?? ORDINALS.get(t) ?? null;
  if (n === null) {
    const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(t);
    if (m) n = Number(m[1]);
  }
  if (n === null || n < 1 || g.w(j + 1) !== "century") return null;
  return { end: j + 2, type: "DATE", value: pad(n - 1, 2), dateLike: true };
}
