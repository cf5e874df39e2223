/**
 * Dates relative to the DCT: "last week", "next spring", "this month", "today", "tonight", "the past
 * two years" (durations), "the year", "the quarter", "the weekend".
 */
import { addDays, daysInMonth, formatWeek, formatYm, pad, weekday, type Ymd } from "../calendar.js";
import { AMBIGUOUS_WEEKDAYS, MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS } from "../lexicon.js";
import { Tense, tenseAt } from "../tense.js";
import { anaphoricUnit, recentFocusQuarter } from "./anchors.js";
import { CLAUSE_END, OPENING_QUOTES, type Core, type Cursor } from "./cursor.js";
import { durationValue, quantity } from "./durations.js";
import { fuzzyRef } from "./fuzzy.js";
import { dctDay, lastQuarter, periodYearsBack, resolveMonth, resolveWeekday, shiftDct } from "./resolve.js";
import { spelledYear, yearAt } from "./years.js";

/** Nouns that "of the year" turns into an award title. */
const AWARD_NOUNS: ReadonlySet<string> = new Set([
  "player", "footballer", "album", "song", "single", "book", "car", "person", "man", "woman", "coach", "manager",
  "team", "film", "movie", "record", "artist", "act", "newcomer", "goal", "producer", "athlete", "sportsman",
  "sportswoman", "personality", "businessman", "entrepreneur", "employer", "programme", "show", "word",
]);

/** Prepositions that frame "coming weeks" as a period: "in coming months", "for coming quarters". */
const FRAME_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "over", "for", "during", "within"]);

/** The month a season starts in (winter: December). */
function seasonStartMonth(season: string): number {
  return season === "SP" ? 3 : season === "SU" ? 6 : season === "FA" ? 9 : 12;
}

/**
 * "this year's third quarter", "next year's first half", "last year's quarter" (the one under report, a
 * year back), starting at the token after "'s"; `dir` is the year's offset from the DCT.
 */
function possessiveQuarter(g: Cursor, k: number, dir: number): Core | null {
  if (!g.dct || !g.dct.month) return null;
  const year = g.dct.year + dir;
  const ord = ORDINALS.get(g.w(k));
  const unit = g.w(ord === undefined ? k : k + 1);
  const end = (ord === undefined ? k : k + 1) + 1;
  if (unit === "quarter" && ord !== undefined && ord <= 4) return { end, type: "DATE", value: `${pad(year, 4)}-Q${ord}`, dateLike: true };
  if (unit === "half" && ord !== undefined && ord <= 2) return { end, type: "DATE", value: `${pad(year, 4)}-H${ord}`, dateLike: true };
  if (unit === "quarter" && ord === undefined) {
    const reported = recentFocusQuarter(g) ?? lastQuarter(g.dct, 0);
    return { end, type: "DATE", value: `${pad(year, 4)}${reported.slice(4)}`, dateLike: true };
  }
  return null;
}

/** "last week", "next spring", "this month", "past two years", "the coming days". */
export function relative(g: Cursor, i: number, t: string, start = i): Core | null {
  const n = g.w(i + 1);
  const dir = t === "last" || t === "past" || t === "previous" ? -1 : t === "next" || t === "coming" ? 1 : 0;
  // "the past N units" / "the last two years" are durations.
  if (start < i || t === "past" || t === "last" || t === "next" || t === "coming") {
    const q = quantity(g, i + 1);
    if (q && q.end > i + 1) {
      const unit = UNITS.get(g.w(q.end));
      if (unit) return { end: q.end + 1, type: "DURATION", value: durationValue(q.value, unit) };
    }
  }
  if (n === "year" && g.w(i + 2) === "'" && g.w(i + 3) === "s") {
    const quarter = possessiveQuarter(g, i + 4, dir);
    if (quarter) return quarter;
  }
  if (n === "week" || n === "month" || n === "year" || n === "quarter" || n === "weekend" || n === "decade" || n === "century") {
    // A quoted, capitalized title is a name: ABC's "This Week", "Next Year in Jerusalem".
    if (g.lx.upper[i] && g.lx.upper[i + 1] && OPENING_QUOTES.has(g.w(i - 1))) return null;
    // "over the past year" is annotated as the previous calendar year, not as a one-year duration.
    if ((t === "past" || t === "last") && start < i && n === "year" && g.w(i + 2) !== "of" && g.dct) {
      return { end: i + 2, type: "DATE", value: pad(g.dct.year - 1, 4), dateLike: true };
    }
    if (t === "last" && start < i && n === "week" && g.w(i + 2) === "of") return lastWeekOf(g, i + 3);
    // "growth slowed in the last quarter": the quarter last reported, like "the past year" is last year.
    if ((t === "past" || t === "last") && start < i && n === "quarter" && g.dct && g.dct.month) {
      return { end: i + 2, type: "DATE", value: lastQuarter(g.dct, 0), dateLike: true };
    }
    if ((t === "past" || ((t === "last" || t === "coming" || t === "next") && start < i)) && n !== "weekend") {
      const unit = UNITS.get(n)!;
      return { end: i + 2, type: "DURATION", value: durationValue(1, unit) };
    }
    if (start < i && t === "previous") return anaphoricUnit(g, i + 2, n, -1);
    return { end: i + 2, type: "DATE", value: shiftDct(g, n, dir), dateLike: true };
  }
  // "the coming weeks", "in coming months".
  const framed = start < i || (t === "coming" && FRAME_PREPOSITIONS.has(g.w(i - 1)));
  if ((t === "past" || t === "coming" || t === "next") && framed && (n === "days" || n === "weeks" || n === "months" || n === "quarters" || n === "years" || n === "decades")) {
    return { end: i + 2, type: "DURATION", value: `PX${UNITS.get(n)!.letter}` };
  }
  if (n === "few" || n === "several") {
    const unit = UNITS.get(g.w(i + 2));
    if (unit) return { end: i + 3, type: "DURATION", value: `P${unit.time ? "T" : ""}X${unit.letter}` };
  }
  if (t === "past" || t === "previous" || t === "coming") return null;
  const wd = WEEKDAYS.get(n);
  if (wd !== undefined && !AMBIGUOUS_WEEKDAYS.has(n) && g.lx.upper[i + 1]) {
    const value = resolveWeekday(g, wd, i + 1, dir === 0 ? 2 : dir * 3);
    const part = PARTS_OF_DAY.get(g.w(i + 2));
    if (part) return { end: i + 3, type: "TIME", value: `${value}T${part}` };
    return { end: i + 2, type: "DATE", value, dateLike: true };
  }
  const month = MONTHS.get(n);
  if (month !== undefined && g.lx.upper[i + 1] && n.length > 3) {
    // "this November" is the November of the DCT's year whatever the tense ("must have to win in this November
    // election" in January; "came in third in the caucuses this March" in September).
    return { end: i + 2, type: "DATE", value: resolveMonth(g, month, i + 1, t === "this" ? 2 : dir * 3), dateLike: true };
  }
  // "this past spring": the last one before the DCT.
  const pastSeason = t === "this" && n === "past" ? SEASONS.get(g.w(i + 2)) : undefined;
  if (pastSeason !== undefined && g.dct) {
    const y = seasonStartMonth(pastSeason) <= g.dct.month ? g.dct.year : g.dct.year - 1;
    return { end: i + 3, type: "DATE", value: `${pad(y, 4)}-${pastSeason}`, dateLike: true };
  }
  const season = SEASONS.get(n);
  if (season !== undefined && g.dct) {
    let y = g.dct.year + dir;
    if (dir === 1 && season === "WI" && g.dct.month <= 2) y = g.dct.year;
    return { end: i + 2, type: "DATE", value: `${pad(y, 4)}-${season}`, dateLike: true };
  }
  const part = PARTS_OF_DAY.get(n);
  if (part && (t === "this" || t === "last")) {
    if (t === "last" && n !== "night") return null;
    return { end: i + 2, type: "TIME", value: `${dctDay(g, t === "last" ? -1 : 0)}T${part}` };
  }
  return null;
}

/** "the last week of March": the last ISO week that ends inside the month. */
function lastWeekOf(g: Cursor, j: number): Core | null {
  const month = MONTHS.get(g.w(j));
  if (month === undefined || !g.lx.upper[j]) return null;
  const explicit = g.isNum(j + 1) ? yearAt(g, j + 1) : null;
  const dated = explicit !== null ? null : resolveMonth(g, month, j, 0);
  const year = explicit ?? (dated && !dated.startsWith("X") ? Number(dated.slice(0, 4)) : null);
  if (year === null) return null;
  const last = { year, month, day: daysInMonth(year, month) };
  const sunday = addDays(last, -(weekday(last) % 7));
  return { end: explicit !== null ? j + 2 : j + 1, type: "DATE", value: formatWeek(sunday), dateLike: true };
}

export function dayWithPart(g: Cursor, j: number, delta: number): Core {
  const part = PARTS_OF_DAY.get(g.w(j));
  if (part) return { end: j + 1, type: "TIME", value: `${dctDay(g, delta)}T${part}` };
  return { end: j, type: "DATE", value: dctDay(g, delta), dateLike: true };
}

export function tonight(g: Cursor, i: number): Core {
  return { end: i + 1, type: "TIME", value: `${dctDay(g, 0)}TNI` };
}

/** "the past" (PAST_REF) at a clause end; "the past two years", "the past year" otherwise. */
export function thePast(g: Cursor, i: number): Core | null {
  if (!UNITS.has(g.w(i + 2)) && !NUMBER_WORDS.has(g.w(i + 2)) && !g.isNum(i + 2) && g.w(i + 2) !== "few" && g.w(i + 2) !== "several") {
    return CLAUSE_END.has(g.w(i + 2)) || g.w(i + 2) === "" ? fuzzyRef(i + 2, "PAST_REF") : null;
  }
  return relative(g, i + 1, "past", i);
}

/** "the previous day", "the following week" (from the date in focus); "the last two years", "the coming days". */
export function theRelative(g: Cursor, i: number, n: string): Core | null {
  const u = g.w(i + 2);
  if (n === "previous" || n === "following" || (n === "next" && (u === "day" || u === "morning"))) {
    if (u === "day" || u === "week" || u === "month" || u === "year") return anaphoricUnit(g, i + 3, u, n === "previous" ? -1 : 1);
    return null;
  }
  return relative(g, i + 1, n, i);
}

/** "the year", "the quarter", "the week": the DCT's period (for "the quarter", the last reported one). */
export function theUnit(g: Cursor, j: number, n: string): Core | null {
  if (!g.dct || !g.dct.month) return null;
  // "European footballer of the year", "album of the year": an award, not a year.
  if (n === "year" && g.w(j - 2) === "of" && AWARD_NOUNS.has(g.w(j - 3))) return null;
  const next = g.w(j + 1);
  if (next === "-" || next === "'" || next === "of" || next === "before" || next === "after" || next === "earlier" || next === "ago" || next === "previous" || next === "prior") {
    if (n === "year" && next === "of") return null;
    // "the year before", "the year previous": the year before the one in focus.
    if (n === "year" && (next === "before" || next === "earlier" || next === "previous" || next === "prior")) return anaphoricUnit(g, j + 2, "year", -1);
    return null;
  }
  if (n === "quarter") {
    // "the quarter a year ago": the reported quarter, a year back.
    if (g.w(j + 1) === "a" && g.w(j + 2) === "year" && (g.w(j + 3) === "ago" || g.w(j + 3) === "earlier")) {
      const q = recentFocusQuarter(g) ?? lastQuarter(g.dct, 0);
      return { end: j + 4, type: "DATE", value: periodYearsBack(q, 1), dateLike: true };
    }
    return { end: j + 1, type: "DATE", value: lastQuarter(g.dct, 0), dateLike: true };
  }
  // "the year ended Sept. 30": a fiscal year, annotated as a one-year duration beside its end date.
  if (n === "year" && (next === "ended" || next === "ending")) return { end: j + 1, type: "DURATION", value: "P1Y" };
  const spelled = n === "year" ? spelledYear(g, j + 1) : null;
  if (spelled) return { end: spelled.end, type: "DATE", value: pad(spelled.year, 4), dateLike: true };
  if (n === "year") return { end: j + 1, type: "DATE", value: pad(g.dct.year, 4), dateLike: true };
  if (n === "month") return { end: j + 1, type: "DATE", value: formatYm(g.dct.year, g.dct.month), dateLike: true };
  if (!g.dct.day) return null;
  return { end: j + 1, type: "DATE", value: formatWeek(g.dct), dateLike: true };
}

/** "the weekend": its ISO week. */
export function theWeekend(g: Cursor, i: number): Core | null {
  return g.dct && g.dct.day ? { end: i + 2, type: "DATE", value: `${formatWeek(weekendWeek(g, i))}-WE`, dateLike: true } : null;
}

/** The week of the weekend meant: the coming one for future tense, else the last one. */
function weekendWeek(g: Cursor, i: number): Ymd {
  const dct = g.dct!;
  const wd = weekday(dct);
  const tense = tenseAt(g.lx, i);
  if (wd >= 6) return dct;
  if (tense === Tense.Future) return addDays(dct, 6 - wd);
  return addDays(dct, -wd - 1);
}
