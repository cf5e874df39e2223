/**
 * Weekday expressions ("Friday", "Friday morning", "Thursday, Sept. 15, 2022") and the context tests
 * that keep titles and names ("Freaky Friday", "Friday Night Lights") out.
 */
import { Kind } from "../lexer.js";
import { AMBIGUOUS_WEEKDAYS, MONTHS, PARTS_OF_DAY } from "../lexicon.js";
import { ordinalDay, type Core, type Cursor } from "./cursor.js";
import { monthAt, monthExpression } from "./months.js";
import { readWeekday } from "./resolve.js";

const DAY_PREPOSITIONS: ReadonlySet<string> = new Set(["on", "by", "until", "since", "from", "before", "after", "last", "next", "this"]);

/** "Friday", "Friday morning", "Thursday, Sept. 15, 2022". */
export function weekdayExpression(g: Cursor, i: number, wd: number, direction: number, start: number): Core | null {
  const t = g.w(i);
  if (!g.lx.upper[i]) return null;
  let j = i + 1;
  if (AMBIGUOUS_WEEKDAYS.has(t)) {
    // "Sun.", "Sat." are weekdays only in a date's company: "on Sun.", "Sat., Oct. 5" — not "the game Rising Sun."
    if (g.w(j) === "." && g.adjacent(j) && (DAY_PREPOSITIONS.has(g.w(i - 1)) || g.w(j + 1) === ",")) j++;
    else return null;
  }
  // A full date after the weekday wins: "Thursday, Sept. 15, 2022".
  const k = g.w(j) === "," ? j + 1 : j;
  const mj = monthAt(g, k, true);
  if (mj && g.isNum(mj.end)) {
    const d = monthExpression(g, k);
    if (d && d.end > mj.end) return d;
  }
  if (start === i && !weekdayContextOk(g, i)) return null;
  if (g.w(j) === "the" && g.w(j + 1) && ordinalDay(g.w(j + 1))) return null; // "Friday the 13th"
  if (g.w(j) === "s" && g.w(j - 1) === "'") return null;
  // "Tuesday nights": a recurring part of that weekday.
  const nights = g.w(j).endsWith("s") ? PARTS_OF_DAY.get(g.w(j).slice(0, -1)) : undefined;
  if (nights) return { end: j + 1, type: "SET", value: `XXXX-WXX-${wd}T${nights}` };
  const { value, weak } = readWeekday(g, wd, i, direction);
  const weekday = { wd, weak };
  const part = PARTS_OF_DAY.get(g.w(j));
  if (part) return { end: j + 1, type: "TIME", value: `${value}T${part}`, weekday };
  return { end: j, type: "DATE", value, dateLike: true, weekday };
}

/**
 * Capitalized words that make a weekday part of a name ("Good Friday", "Super Tuesday", "Freaky Friday",
 * "Girl Friday"). Any other capitalized word before a weekday is news style's place or name before the day:
 * "bombs exploded in Kenya and Tanzania Friday", "Iran Saturday condemned".
 */
const NAMED_DAYS: ReadonlySet<string> = new Set(["black", "good", "super", "bloody", "ash", "cyber", "easter", "palm", "holy", "freaky", "maundy", "shrove", "fat", "manic", "blue", "giving", "small", "casual", "girl", "man"]);

/** Weekday names inside titles or names ("Freaky Friday", "Friday Night Lights") are not dates. */
function weekdayContextOk(g: Cursor, i: number): boolean {
  if (i > 0 && !g.lx.breakBefore[i] && g.lx.upper[i - 1] && NAMED_DAYS.has(g.w(i - 1))) return false;
  const n = g.w(i + 1);
  if (g.lx.upper[i + 1] && g.lx.kind[i + 1] === Kind.Word && !MONTHS.has(n) && !PARTS_OF_DAY.has(n) && !g.lx.breakBefore[i + 1]) {
    return false;
  }
  return true;
}
