/**
 * Weekday expressions ("Friday", "Friday morning", "Thursday, Sept. 15, 2022") and the context tests
 * that keep titles and names ("Freaky Friday", "Friday Night Lights") out.
 */
import { Kind } from "../lexer.js";
import { AMBIGUOUS_WEEKDAYS, MONTHS, PARTS_OF_DAY, WEEKDAYS } from "../lexicon.js";
import { CLAUSE_END, ordinalDay, type Core, type Cursor } from "./cursor.js";
import { monthAt, monthExpression } from "./months.js";
import { resolveWeekday } from "./resolve.js";

/** Words that may open a sentence right before a weekday: "On Friday", "Also Sunday,", "Earlier Friday,". */
const SENTENCE_START_BEFORE_WEEKDAY: ReadonlySet<string> = new Set(["on", "by", "until", "since", "last", "next", "this", "early", "late", "earlier", "later", "before", "after", "from", "through", "also", "but", "and", "then"]);

/** Prepositions before a place or person name that a weekday may follow: "in Tokyo Monday", "with Sununu Sunday". */
const NAME_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "at", "with", "from", "to", "for", "against"]);

/** "Friday", "Friday morning", "Thursday, Sept. 15, 2022". */
export function weekdayExpression(g: Cursor, i: number, wd: number, direction: number, start: number): Core | null {
  const t = g.w(i);
  if (!g.lx.upper[i]) return null;
  let j = i + 1;
  if (AMBIGUOUS_WEEKDAYS.has(t)) {
    if (g.w(j) === "." && g.adjacent(j)) j++;
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
  const value = resolveWeekday(g, wd, i, direction);
  const part = PARTS_OF_DAY.get(g.w(j));
  if (part) return { end: j + 1, type: "TIME", value: `${value}T${part}` };
  return { end: j, type: "DATE", value, dateLike: true };
}

/** Weekday names inside titles or names ("Freaky Friday", "Friday Night Lights") are not dates. */
function weekdayContextOk(g: Cursor, i: number): boolean {
  const p = g.w(i - 1);
  if (i > 0 && !g.lx.breakBefore[i] && g.lx.upper[i - 1] && g.lx.kind[i - 1] === Kind.Word) {
    const sentenceStart = i < 2 || CLAUSE_END.has(g.w(i - 2)) && g.w(i - 2) !== "and" || g.lx.breakBefore[i - 1];
    if (!(sentenceStart && SENTENCE_START_BEFORE_WEEKDAY.has(p)) && !MONTHS.has(p) && !WEEKDAYS.has(p) && !weekdayAfterName(g, i)) return false;
  }
  const n = g.w(i + 1);
  if (g.lx.upper[i + 1] && g.lx.kind[i + 1] === Kind.Word && !MONTHS.has(n) && !PARTS_OF_DAY.has(n) && !g.lx.breakBefore[i + 1]) {
    return false;
  }
  return true;
}

/**
 * News style puts the day right after a place or a name: "talks in Paris Tuesday.", "The World Court
 * Friday rejected". Accepted when the name follows a preposition or is itself multiword, and the day ends
 * the clause or precedes a past-tense verb; a title ("the film Freaky Friday was remade") has neither.
 */
function weekdayAfterName(g: Cursor, i: number): boolean {
  const n = g.w(i + 1);
  const closes = n === "," || n === "." || n === ";" || (g.lx.kind[i + 1] === Kind.Word && !g.lx.upper[i + 1] && n.length > 4 && n.endsWith("ed"));
  if (!closes) return false;
  const pp = g.w(i - 2);
  return NAME_PREPOSITIONS.has(pp) || (g.lx.upper[i - 2] === 1 && g.lx.kind[i - 2] === Kind.Word && !g.lx.breakBefore[i - 1]);
}
