/** Dispatch for expressions that open with "the": "the past year", "the day before", "the 1990s"... */
import { pad } from "../calendar.js";
import { Kind } from "../lexer.js";
import { UNITS } from "../lexicon.js";
import { sameTimeYearBefore, theDay, theSameDay, theTime, yearEarlier } from "./anchors.js";
import { CLAUSE_END, type Core, type Cursor } from "./cursor.js";
import { theDuration } from "./durations.js";
import { fuzzyRef } from "./fuzzy.js";
import { mixed } from "./numbers.js";
import { ordinalPeriod } from "./periods.js";
import { thePast, theRelative, theUnit, theWeekend } from "./relative.js";
import { theSeason } from "./seasons.js";
import { apostropheDecade, century, yearPeriod } from "./years.js";

/** "the nineties": decades of the last century named in words. */
const SPELLED_DECADES: ReadonlyMap<string, string> = new Map([
  ["twenties", "192"], ["thirties", "193"], ["forties", "194"], ["fifties", "195"], ["sixties", "196"],
  ["seventies", "197"], ["eighties", "198"], ["nineties", "199"],
]);

/** Expressions opening with "the". */
export function theExpression(g: Cursor, i: number): Core | null {
  const n = g.w(i + 1);
  switch (n) {
    case "past":
      return thePast(g, i);
    case "future":
      // "the Forum for the Future": a capitalized "Future" inside a sentence is a name.
      return g.lx.upper[i + 1] && !g.lx.upper[i] ? null : fuzzyRef(i + 2, "FUTURE_REF");
    case "present":
      return CLAUSE_END.has(g.w(i + 2)) || g.w(i + 2) === "" ? fuzzyRef(i + 2, "PRESENT_REF") : null;
    case "last":
    case "next":
    case "coming":
    case "previous":
    case "following":
      return theRelative(g, i, n);
    case "near":
      if (g.w(i + 2) === "future") return fuzzyRef(i + 3, "FUTURE_REF");
      return g.w(i + 2) === "term" ? fuzzyRef(i + 3, "FUTURE_REF") : null;
    case "short":
    case "long":
      return g.w(i + 2) === "term" ? fuzzyRef(i + 3, "FUTURE_REF") : null;
    case "full":
      // "the full year" of results: the publication year.
      return g.w(i + 2) === "year" && g.dct ? { end: i + 3, type: "DATE", value: pad(g.dct.year, 4), dateLike: true } : null;
    case "time":
      return theTime(g, i);
    case "same":
      return theSameDay(g, i) ?? sameTimeYearBefore(g, i);
    case "corresponding":
    case "comparable":
      return sameTimeYearBefore(g, i);
    case "day":
      return theDay(g, i);
    case "year":
    case "quarter":
    case "week":
    case "month":
      return theUnit(g, i + 1, n);
    case "weekend":
      return theWeekend(g, i);
    case "latest":
    case "current":
    case "fiscal":
    case "first":
    case "second":
    case "third":
    case "fourth":
    case "final":
      return ordinalPeriod(g, i + 1, i);
    case "year-earlier":
    case "year-ago":
      return yearEarlier(g, i + 2, i);
    case "end":
    case "beginning":
    case "start":
    case "middle":
      return null; // position modifiers are handled by matchAt
    default:
      break;
  }
  // "the weeks ahead", "the days ahead": a stretch of the near future.
  const ahead = g.w(i + 2) === "ahead" ? UNITS.get(n) : undefined;
  if (ahead && n.endsWith("s")) return { end: i + 3, type: "DURATION", value: `P${ahead.time ? "T" : ""}X${ahead.letter}` };
  const decade = SPELLED_DECADES.get(n);
  if (decade) return { end: i + 2, type: "DATE", value: decade, dateLike: true };
  // "the 1990s", "the spring of 2023", "the nine months", "the harsh winter".
  const k = g.lx.kind[i + 1];
  if (k === Kind.Mixed) {
    const c = mixed(g, i + 1);
    return c && c.dateLike ? c : null;
  }
  if (n === "'") return apostropheDecade(g, i + 1);
  return theSeason(g, i) ?? century(g, i + 1) ?? (g.isNum(i + 1) ? ordinalPeriod(g, i + 1, i) : null) ?? theDuration(g, i) ?? yearPeriod(g, i + 1);
}
