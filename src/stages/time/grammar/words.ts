/**
 * Dispatch for word tokens: months, weekdays, "the ..." phrases, deictic words (today, now, last, next),
 * set adverbs, seasons, holidays, ordinal periods, spelled-out years and durations.
 */
import { endsSentence } from "../lexer.js";
import { MONTHS, NUMBER_WORDS, ORDINALS, SEASONS, UNITS, VAGUE_QUANTITIES, WEEKDAYS } from "../lexicon.js";
import { anaphoric, yearCompound } from "./anchors.js";
import { timeWithDay } from "./clock.js";
import { OPENING_QUOTES, type Core, type Cursor } from "./cursor.js";
import { annualResults, aUnit, bareUnits, duration } from "./durations.js";
import { current, fuzzyRef, now, recent, soon, theseDays } from "./fuzzy.js";
import { holiday } from "./holidays.js";
import { monthExpression } from "./months.js";
import { fiscalPeriod, ordinalPeriod } from "./periods.js";
import { dayWithPart, relative, tonight } from "./relative.js";
import { seasonExpression } from "./seasons.js";
import { adverbSet, every, perUnit, pluralWeekday, timesPer } from "./sets.js";
import { theExpression } from "./the-phrases.js";
import { weekdayExpression } from "./weekdays.js";
import { spelledYearWord } from "./years.js";

const DEICTIC_WORDS: ReadonlySet<string> = new Set(["today", "tonight", "tomorrow", "yesterday", "now", "noon", "midnight"]);

/**
 * A capitalized "Today", "Now" or "Noon" inside a sentence is part of a title or name: BBC Radio 4's "Today
 * programme", "USA Today", "It's Now or Never", the rugby player Jamie Noon. At a sentence or quotation start it
 * is the word itself.
 */
function inTitle(g: Cursor, i: number): boolean {
  if (!g.lx.upper[i] || i === 0 || g.lx.breakBefore[i]) return false;
  const p = g.w(i - 1);
  if (OPENING_QUOTES.has(p) || p === "(" || p === ":" || p === "-" || endsSentence(g.lx, i - 1)) return false;
  return true;
}

export function word(g: Cursor, i: number, t: string): Core | null {
  const mon = MONTHS.get(t);
  if (mon !== undefined) {
    const r = monthExpression(g, i);
    if (r) return r;
  }
  const wd = WEEKDAYS.get(t);
  if (wd !== undefined) return weekdayExpression(g, i, wd, 0, i);
  const plural = pluralWeekday(g, i, t);
  if (plural) return plural;
  if (t === "the") return theExpression(g, i);
  if (DEICTIC_WORDS.has(t) && inTitle(g, i)) return null;
  switch (t) {
    case "today":
      return dayWithPart(g, i + 1, 0);
    case "yesterday":
      return dayWithPart(g, i + 1, -1);
    case "tomorrow":
      return dayWithPart(g, i + 1, 1);
    case "tonight":
      return tonight(g, i);
    case "now":
      return now(g, i);
    case "currently":
    case "presently":
    case "nowadays":
      return fuzzyRef(i + 1, "PRESENT_REF");
    // "previously"/"formerly" mark anteriority, not a time ("a previously unknown"): TimeBank rarely tags them.
    case "recently":
    case "lately":
      return fuzzyRef(i + 1, "PAST_REF");
    case "soon":
      return soon(g, i);
    case "recent":
      return recent(g, i);
    case "current":
      return current(g, i);
    case "annual":
      return annualResults(g, i);
    case "these":
      return theseDays(g, i);
    case "last":
    case "next":
    case "this":
    case "past":
    case "coming":
    case "previous":
      return relative(g, i, t);
    case "that":
      return anaphoric(g, i + 1, i);
    case "every":
    case "each":
      return every(g, i);
    case "daily":
    case "weekly":
    case "monthly":
    case "annually":
    case "yearly":
    case "hourly":
    case "nightly":
    case "biweekly":
      return adverbSet(i, t);
    case "twice":
    case "once":
      return timesPer(g, i + 1);
    case "per":
      return perUnit(g, i);
    case "noon":
    case "midday":
      return timeWithDay(g, i, i + 1, "12:00", null);
    case "midnight":
      return timeWithDay(g, i, i + 1, "24:00", null);
    case "fiscal":
      return fiscalPeriod(g, i);
    case "year":
      return yearCompound(g, i);
    case "a":
    case "an":
      return aUnit(g, i);
    default:
      break;
  }
  const season = SEASONS.get(t);
  if (season !== undefined) return seasonExpression(g, i, season, 0, i);
  const feast = holiday(g, i);
  if (feast) return feast;
  const ord = ORDINALS.get(t);
  if (ord !== undefined) return ordinalPeriod(g, i, i);
  if (t === "nineteen" || t === "eighteen") {
    const y = spelledYearWord(g, i);
    if (y) return y;
  }
  if (NUMBER_WORDS.has(t) || VAGUE_QUANTITIES.has(t) || t === "half" || t === "couple") return duration(g, i);
  if (UNITS.has(t) && t.endsWith("s")) return bareUnits(g, i);
  return null;
}
