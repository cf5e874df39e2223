/**
 * Month expressions: "September 15, 2022", "15 September", "15th of September", "March 2013", bare
 * "March" (resolved against the DCT by tense). Ambiguous names ("May", "March") need evidence.
 */
import { formatYm, formatYmd, isValidDate } from "../calendar.js";
import { endsSentence, Kind } from "../lexer.js";
import { Tense, tenseAt } from "../tense.js";
import { AMBIGUOUS_MONTHS, MONTHS, UNITS } from "../lexicon.js";
import { ordinalDay, type Core, type Cursor } from "./cursor.js";
import { resolveMonth, resolveMonthDay, yearOffsetAt } from "./resolve.js";
import { spelledYear } from "./years.js";

/** After "Month": a day (and year), a year, or nothing. */
export function monthExpression(g: Cursor, i: number): Core | null {
  const mj = monthAt(g, i, false);
  let j: number;
  if (!mj) {
    // Ambiguous months still read as months when a day or year follows ("May 5", "March 2013").
    const m = MONTHS.get(g.w(i));
    if (!m || !g.lx.upper[i]) return null;
    let k = i + 1;
    if (g.w(k) === "." && g.adjacent(k)) k++;
    if (!g.isNum(k)) return null;
    const n = g.w(k);
    if (n.length <= 2 && Number(n) >= 1 && Number(n) <= 31) return monthDay(g, k + 1, m, Number(n), i);
    if (n.length === 4) return monthYear(g, k, m);
    return null;
  }
  const month = mj.month;
  j = mj.end;
  const n = g.w(j);
  if (g.isNum(j) && n.length <= 2 && Number(n) >= 1 && Number(n) <= 31 && !clockAfter(g, j) && !UNITS.has(g.w(j + 1))) return monthDay(g, j + 1, month, Number(n), i);
  const od = g.lx.kind[j] === Kind.Mixed ? ordinalDay(n) : null;
  if (od) return monthDay(g, j + 1, month, od, i);
  if (g.isNum(j) && n.length === 4) return monthYear(g, j, month);
  if ((n === "," || n === "of") && g.isNum(j + 1) && g.w(j + 1).length === 4) return monthYear(g, j + 1, month);
  const spelled = spelledYear(g, j);
  if (spelled) return { end: spelled.end, type: "DATE", value: formatYm(spelled.year, month), dateLike: true };
  const relative = yearOffsetAt(g, j);
  if (relative && g.dct) return { end: relative.end, type: "DATE", value: formatYm(g.dct.year + relative.delta, month), dateLike: true };
  // Bare month: abbreviations need a day; full names resolve against the DCT.
  const name = g.w(i);
  if (name.length <= 4 && name !== "june" && name !== "july" && name !== "may") return null;
  // "the 1968 convention ..., Humphrey's loss that November": the month of the year in focus.
  if (g.w(i - 1) === "that" && g.focus.ym) return { end: j, type: "DATE", value: formatYm(g.focus.ym.year, month), dateLike: true };
  const year = sentenceYear(g, i);
  if (year !== null) return { end: j, type: "DATE", value: formatYm(year, month), dateLike: true };
  return { end: j, type: "DATE", value: resolveMonth(g, month, i, 0), dateLike: true };
}

/**
 * "Eight years ago, Obama was on the brink of ending the race, having won 11 consecutive victories in February", "In
 * 2008, he won in February": a bare month after a year named alone earlier in its sentence, before the DCT's year, is
 * a month of that year. Only a year that frames the sentence ("In 2008,", "Eight years ago,"), not one of a single
 * event or period ("since its launch in 2003", "the years 2010 to 2013"), and not when the month's clause looks ahead.
 */
function sentenceYear(g: Cursor, i: number): number | null {
  const f = g.focus.year;
  if (!f || f.lx !== g.lx || f.end > i || i - f.end > 30 || !g.dct || f.year >= g.dct.year) return null;
  // Only a frame at the sentence's start, set off by a comma: "extradited in 2014 to the United States and pleaded
  // guilty in May" (2016) and "which become legal in late 2013, continued ... in October" name the year of one event.
  let open = g.w(f.start - 1) === "in" ? f.start - 1 : f.end - 1 > f.start && g.w(f.end - 1) === "ago" ? f.start : -1;
  if (g.w(open - 1) === "but" || g.w(open - 1) === "and") open--; // "But in 2012, ..."
  if (open < 0 || g.w(f.end) !== "," || !(open === 0 || g.lx.breakBefore[open] === 1 || endsSentence(g.lx, open - 1))) return null;
  // "... in 2003 and that as of February, the store accounts for": a clause of its own, with its own time.
  for (let k = f.end; k < i; k++) if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || g.w(k) === "that" || g.w(k) === "which") return null;
  return tenseAt(g.lx, i) === Tense.Future ? null : f.year;
}

/** "12:30" at j: a clock time, not a day ("June 12:30" is not June 12); "Monday, Oct. 26: The murder" is. */
function clockAfter(g: Cursor, j: number): boolean {
  return g.w(j + 1) === ":" && g.adjacent(j + 1) && g.isNum(j + 2) && g.adjacent(j + 2);
}

/** Day before month: "15 September 2022". */
export function dayMonth(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  if (t.length <= 2 && Number(t) >= 1 && Number(t) <= 31) {
    const mj = monthAt(g, i + 1, true);
    if (mj) return monthDay(g, mj.end, mj.month, Number(t), i);
  }
  return null;
}

/** Ordinal day before month: "15th September", "15th of September". */
export function ordinalDayMonth(g: Cursor, i: number): Core | null {
  const ordDay = ordinalDay(g.w(i));
  if (ordDay) {
    let j = i + 1;
    if (g.w(j) === "of") j++;
    const mj = monthAt(g, j, true);
    if (mj) return monthDay(g, mj.end, mj.month, ordDay, i);
  }
  return null;
}

/**
 * A capitalized month name at j (with an optional abbreviation period). Ambiguous names ("May", "March")
 * are months here only `withEvidence` (the caller saw a day or year next to them) or after a temporal word.
 */
export function monthAt(g: Cursor, j: number, withEvidence: boolean): { month: number; end: number } | null {
  const t = g.w(j);
  const m = MONTHS.get(t);
  if (!m || !g.lx.upper[j]) return null;
  let end = j + 1;
  const abbrev = t.length <= 4 && t !== "june" && t !== "july" && t !== "may";
  if (abbrev && g.w(end) === "." && g.adjacent(end)) end++;
  if (!withEvidence && AMBIGUOUS_MONTHS.has(t) && t.length <= 5 && !(abbrev && end > j + 1)) {
    if (!monthContext(g, j)) return null;
  }
  return { month: m, end };
}

/** Words after which "March" or "May" after an article is a noun of its own ("the March on Washington", "a May of"). */
const NOUN_LINKS: ReadonlySet<string> = new Set(["of", "on", "for", "to", "in", "against", "from", "through", "and"]);

/**
 * A bare ambiguous month needs a temporal preposition or determiner before it ("in May", "last March"), or an article
 * before it and a lower-case word it modifies after it ("the March states", "a May poll").
 */
/** Nouns of a part of a period, after which "of March" is the month: "the end of March", "over the course of March". */
const OF_HEADS: ReadonlySet<string> = new Set(["end", "course", "rest", "middle", "beginning", "start", "remainder", "month"]);

function monthContext(g: Cursor, j: number): boolean {
  const p = g.w(j - 1);
  if ((p === "the" || p === "a") && g.lx.kind[j + 1] === Kind.Word && !g.lx.upper[j + 1] && !NOUN_LINKS.has(g.w(j + 1))) return true;
  return p === "in" || p === "since" || p === "until" || p === "till" || p === "by" || p === "last" || p === "next" || p === "this" || p === "early" || p === "late" || p === "mid" || p === "-" || p === "through" || p === "during" || p === "before" || p === "from" || (p === "of" && OF_HEADS.has(g.w(j - 2))) || ((p === "with" || p === "to") && g.w(j - 2) === "compared");
}

function monthYear(g: Cursor, j: number, month: number): Core | null {
  const y = Number(g.w(j));
  if (y < 1000 || y > 2099) return null;
  return { end: j + 1, type: "DATE", value: formatYm(y, month), dateLike: true };
}

/** Month and day seen (the phrase began at `start`); an optional ", YYYY" follows. */
export function monthDay(g: Cursor, j: number, month: number, day: number, start: number): Core & { value: string } {
  let k = j;
  if (g.w(k) === "," && g.isNum(k + 1) && g.w(k + 1).length === 4) k++;
  if (g.isNum(k) && g.w(k).length === 4) {
    const y = Number(g.w(k));
    if (isValidDate(y, month, day)) return { end: k + 1, type: "DATE", value: formatYmd({ year: y, month, day }), dateLike: true };
  }
  const relative = yearOffsetAt(g, j);
  if (relative && g.dct && isValidDate(g.dct.year + relative.delta, month, day)) {
    return { end: relative.end, type: "DATE", value: formatYmd({ year: g.dct.year + relative.delta, month, day }), dateLike: true };
  }
  if (month === 9 && day === 11 && (NINE_ELEVEN.has(g.w(j)) || bareNineEleven(g, start, j))) return { end: j, type: "DATE", value: "2001-09-11", dateLike: true };
  return { end: j, type: "DATE", value: resolveMonthDay(g, month, day, j, 0, start), dateLike: true };
}

/**
 * "the threat before Sept. 11 is excusable", "American women were shocked after Sept. 11 when the spotlight turned on
 * Afghanistan", "they still felt called after Sept. 11 to go home": "before", "after" or "since" and a bare Sept. 11
 * that modifies no noun (no year, no word after it that it could qualify) are the attacks, unless the clause looks
 * ahead ("will resume after Sept. 11").
 */
function bareNineEleven(g: Cursor, start: number, j: number): boolean {
  const p = g.w(start - 1);
  if (p !== "before" && p !== "after" && p !== "since") return false;
  const next = g.w(j);
  if (g.lx.kind[j] === Kind.Word && !AFTER_BARE.has(next)) return false;
  if (g.lx.kind[j] === Kind.Number) return false;
  return tenseAt(g.lx, j - 1) !== Tense.Future;
}

/** Words after a bare date that start a clause or a phrase of their own, not a noun the date qualifies. */
const AFTER_BARE: ReadonlySet<string> = new Set(["when", "to", "is", "was", "and", "that", "as", "in", "the", "we", "he", "she", "they", "i"]);

/**
 * "the Sept. 11 attacks", "the Sept. 11 hijackers", "Sept. 11 conspiracy theories": the 2001 attacks by name, with a
 * word that only they take; "a Sept. 11 memorial" is the anniversary.
 */
const NINE_ELEVEN: ReadonlySet<string> = new Set(["attacks", "attack", "terrorist", "terrorists", "terror", "hijacker", "hijackers", "hijackings", "commission", "conspiracy", "truthers", "victims", "plotters", "mastermind", "responders"]);
