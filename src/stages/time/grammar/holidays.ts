/** Fixed and movable holidays (Christmas, Easter, Thanksgiving...), the year by "last"/"next" or tense. */
import { addDays, easter, formatYmd, nthWeekday, pad, weekday, type Ymd } from "../calendar.js";
import { FIXED_HOLIDAYS, MOVABLE_HOLIDAYS, SCHEDULED_HOLIDAYS, type MovableRule } from "../lexicon.js";
import { endsSentence, Kind } from "../lexer.js";
import { cueAt, Tense, tenseAt } from "../tense.js";
import type { Core, Cursor } from "./cursor.js";
import { monthExpression } from "./months.js";
import { deadlineAt, directionOf, pick } from "./resolve.js";

export function holiday(g: Cursor, i: number): Core | null {
  if (!g.lx.upper[i] || insideLongerName(g, i)) return null;
  for (const [words, month, day] of FIXED_HOLIDAYS) {
    if (!g.seq(i, words)) continue;
    const end = i + words.length;
    return holidayYear(g, end, (y) => ({ year: y, month, day }), i);
  }
  for (const [words, rule] of MOVABLE_HOLIDAYS) {
    if (!g.seq(i, words)) continue;
    return holidayYear(g, i + words.length, (y) => movable(rule, y), i);
  }
  return null;
}

/**
 * "National Holocaust Memorial Day", "Armistice Day Parade": a capitalized word before the holiday's name makes it
 * part of another name (UK Holocaust Memorial Day is 27 January, not the US Memorial Day). "Last Christmas" or a
 * sentence-opening "On Christmas Day" are not such names.
 */
function insideLongerName(g: Cursor, i: number): boolean {
  if (i === 0 || g.lx.breakBefore[i] || !g.lx.upper[i - 1] || g.lx.kind[i - 1] !== Kind.Word) return false;
  const p = g.w(i - 1);
  if (p === "last" || p === "next" || p === "this" || p === "on" || p === "by" || p === "since" || p === "until" || p === "after" || p === "before") return false;
  // A greeting names the day it is sent on ("Happy Cinco de Mayo!", he tweeted on May 5), not a longer name.
  if (p === "happy" || p === "merry") return false;
  return i > 1 && !endsSentence(g.lx, i - 2) && !g.lx.breakBefore[i - 1];
}

function holidayYear(g: Cursor, end: number, on: (year: number) => Ymd, i: number): Core {
  if (g.isNum(end) && g.w(end).length === 4) {
    return { end: end + 1, type: "DATE", value: formatYmd(on(Number(g.w(end)))), dateLike: true };
  }
  const stated = statedDate(g, end);
  if (stated) return { end, type: "DATE", value: stated, dateLike: true };
  const p = g.w(i - 1);
  if (!g.dct || !g.dct.month || !g.dct.day) {
    const d = on(2000);
    return { end, type: "DATE", value: `XXXX-${pad(d.month)}-${pad(d.day)}`, dateLike: true };
  }
  const dct = g.dct;
  // "In 2000, Gore distanced himself from Clinton. ... by Election Day, he was hovering near 60%": a paragraph set in
  // a year long past puts a holiday its past clauses name in that year, not in the last one before the DCT.
  const scene = sceneYear(g, i);
  if (scene !== null && scene < dct.year - 1 && tenseAt(g.lx, i) === Tense.Past) {
    return { end, type: "DATE", value: formatYmd(on(scene)), dateLike: true };
  }
  const direction = p === "last" ? -1 : p === "next" ? 1 : holidayDirection(g, i);
  const cands = [on(dct.year - 1), on(dct.year), on(dct.year + 1)];
  // A scheduled holiday ahead is the next one, even when the last one was a few weeks ago ("a year from now, on
  // Election Day" two weeks after the odd-year one): pick's slack is for days reported on either side of the DCT.
  const ahead = direction === 3 ? cands.filter((d) => formatYmd(d) >= formatYmd(dct)) : cands;
  return { end, type: "DATE", value: formatYmd(pick(ahead, dct, direction)), dateLike: true };
}

/** How far back in its paragraph a holiday looks for the sentence that sets the scene's year. */
const SCENE_WINDOW = 80;

/**
 * The year of the nearest sentence before token i in its paragraph (the holiday's own included) that opens with "In
 * YYYY," ("In 2000, then-vice president Al Gore ..."), or null: the opener that sets a paragraph in another year.
 */
function sceneYear(g: Cursor, i: number): number | null {
  for (let k = i - 1; k >= 0 && k >= i - SCENE_WINDOW; k--) {
    if (g.w(k) === "in" && (k === 0 || g.lx.breakBefore[k] || endsSentence(g.lx, k - 1)) && g.isNum(k + 1) && g.w(k + 1).length === 4 && g.w(k + 2) === ",") {
      return Number(g.w(k + 1));
    }
    if (g.lx.breakBefore[k]) return null;
  }
  return null;
}

/**
 * By the clause's tense, after a deadline ("until Christmas") ahead; a scheduled holiday ("Election Day") lies strictly
 * ahead (3) unless the clause is past.
 */
function holidayDirection(g: Cursor, i: number): number {
  const scheduled = SCHEDULED_HOLIDAYS.has(g.w(i));
  if (deadlineAt(g, i)) return scheduled ? 3 : 1;
  const tense = tenseAt(g.lx, i);
  if (scheduled && (tense !== Tense.Past || infinitiveBefore(g, i))) return 3;
  return directionOf(tense);
}

/** Words after "to" that make it a preposition, not an infinitive marker ("went to the polls", "to him"). */
const NOT_VERBS: ReadonlySet<string> = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "him", "them", "us", "me", "it", "be", "date"]);

/**
 * "used the comments to urge people to vote for him on Election Day": the date belongs to an infinitive, which has no
 * tense of its own, so the past verb that governs it does not put a scheduled day behind. The infinitive is "to" and a
 * lower-case word within the phrase before the date (no comma, cue or sentence end in between).
 */
function infinitiveBefore(g: Cursor, i: number): boolean {
  for (let k = i - 1; k >= 1 && k >= i - 8; k--) {
    if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || g.w(k) === "," || cueAt(g.lx, k) !== Tense.Unknown) return false;
    if (g.w(k - 1) === "to" && g.lx.kind[k] === Kind.Word && !g.lx.upper[k] && !NOT_VERBS.has(g.w(k))) return true;
  }
  return false;
}

/** Verbs that give a holiday's date: "the Christmas holiday, which ... falls on January 7", "is celebrated on". */
const DATE_VERBS: ReadonlySet<string> = new Set(["falls", "fall", "fell", "celebrated", "observed", "marked", "celebrate", "celebrates", "observe", "observes", "mark", "marks"]);

/** How far after the holiday's name its stated date may stand (the seed's runs 11 tokens). */
const STATED_WINDOW = 16;

/**
 * The date the sentence gives the holiday ("the Christmas holiday, which for the country's Orthodox Christians falls on
 * January 7"): a date verb then "on" and a month-day, within the sentence, resolved as that month-day is. Null if none.
 */
function statedDate(g: Cursor, end: number): string | null {
  for (let k = end; k < g.lx.count && k < end + STATED_WINDOW; k++) {
    // Another holiday's name in between takes the date for itself: "the New Year and ... the Christmas holiday, which ...".
    if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || namesHoliday(g, k)) return null;
    if (!DATE_VERBS.has(g.w(k)) || g.w(k + 1) !== "on") continue;
    const d = monthExpression(g, k + 2);
    return d && /^\d{4}-\d{2}-\d{2}$/.test(d.value) ? d.value : null;
  }
  return null;
}

function namesHoliday(g: Cursor, k: number): boolean {
  if (!g.lx.upper[k]) return false;
  return FIXED_HOLIDAYS.some(([words]) => g.seq(k, words)) || MOVABLE_HOLIDAYS.some(([words]) => g.seq(k, words));
}

function movable(rule: MovableRule, year: number): Ymd {
  if ("easter" in rule) return addDays(easter(year), rule.easter);
  if ("onOrAfter" in rule) {
    const from = { year, month: rule.month, day: rule.onOrAfter };
    return addDays(from, (rule.weekday - weekday(from) + 7) % 7);
  }
  return nthWeekday(year, rule.month, rule.weekday, rule.nth);
}
