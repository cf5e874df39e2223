/**
 * Resolution against the publication date (DCT): which Friday, which March, which "Nov. 16" a clause
 * means, by its tense or an explicit direction, and the value of a period shifted from a date.
 */
import { addDays, addMonths, formatWeek, formatYm, formatYmd, isValidDate, pad, weekday, type Ymd } from "../calendar.js";
import { endsSentence, Kind } from "../lexer.js";
import type { Unit } from "../lexicon.js";
import { cueAt, sentenceCueBefore, Tense, tenseAt } from "../tense.js";
import type { Cursor } from "./cursor.js";

export function dctDay(g: Cursor, delta: number): string {
  if (!g.dct || !g.dct.day) return "XXXX-XX-XX";
  return formatYmd(addDays(g.dct, delta));
}

/**
 * direction: 0 = by tense, -1/1 = past/future (same day allowed), -3/3 = strictly before/after, 2 = this.
 * `phraseStart` is where the whole expression begins ("until 9 a.m. Tuesday" begins at "9").
 */
export function resolveWeekday(g: Cursor, wd: number, i: number, direction: number, phraseStart = i): string {
  return readWeekday(g, wd, i, direction, phraseStart).value;
}

/** A weekday's value, and whether only a weak reading of its clause chose the side (see weekdayDirection). */
export interface WeekdayReading {
  value: string;
  weak: boolean;
}

/** resolveWeekday, also saying whether the side was chosen weakly (the tagger's one-day-per-weekday pass reads it). */
export function readWeekday(g: Cursor, wd: number, i: number, direction: number, phraseStart = i): WeekdayReading {
  if (!g.dct || !g.dct.day) return { value: `XXXX-WXX-${wd}`, weak: false };
  const dctWd = weekday(g.dct);
  const ahead = (wd - dctWd + 7) % 7;
  const back = (dctWd - wd + 7) % 7;
  const side = direction === 0 ? weekdayDirection(g, i, phraseStart) : direction;
  const weak = side === WEAK_NEAREST || side === WEAK_PAST || side === WEAK_FUTURE;
  const dir = side === WEAK_NEAREST ? NEAREST : side === WEAK_PAST ? -1 : side === WEAK_FUTURE ? 1 : side;
  let delta: number;
  if (dir === 2) delta = wd - dctWd; // "this Friday": the one of this week
  else if (dir === NEAREST) delta = ahead <= back ? ahead : -back;
  else if (dir > 0) delta = ahead || (dir === 3 ? 7 : 0);
  else delta = -(back || (dir === -3 ? 7 : 0));
  return { value: formatYmd(addDays(g.dct, delta)), weak };
}

/** weekdayDirection's answer when nothing decides between the two sides: the weekday nearer the DCT. */
const NEAREST = 0;

/**
 * weekdayDirection's answers when no event structure and no tense that places an event (a past verb, "will", a modal
 * of possibility) decided, only a present tense, a verb far back in the sentence or nothing: the side they give is a
 * guess, which the document's other mentions of the same weekday may overrule (tagger.ts, `oneDayPerWeekday`).
 */
const WEAK_NEAREST = 10;
const WEAK_PAST = 11;
const WEAK_FUTURE = 12;

/**
 * Past, future or NEAREST for a bare weekday. The event the day attaches to comes first: a result ("her victories ...
 * on Tuesday will only accelerate that shift", "after Tuesday's victory") lies behind, an event something happens
 * "ahead of" lies ahead, and so does a scheduled event when the clause has no tense ("the election on Tuesday"); an
 * event placed before or after the clause's own ("days before Tuesday's primary") is ordered by it; then the tense.
 */
function weekdayDirection(g: Cursor, i: number, phraseStart: number): number {
  if ((deadlineBefore(g, phraseStart, NO_FILLERS) && !narrativeBy(g, phraseStart, dayPartAfter(g, i + 1))) || soonestBefore(g, phraseStart) || aheadOf(g, phraseStart)) return 1;
  if (resultBefore(g, phraseStart) || eventAfter(g, i + 1, UNFORESEEN)) return -1;
  const tense = tenseAt(g.lx, i);
  const order = orderedEvent(g, i, phraseStart);
  // "After trouncing Clinton in Tuesday's primary, the senator must prepare" and "after Thursday's debate, Cruz must
  // travel": an event before a future one may lie on either side of the DCT, as may one after a past one ("a debate
  // before Monday's caucus" challenged on a Friday); only the other two pairings fix the side.
  if (order === OVER) return -1;
  if (order < 0) return tense === Tense.Future ? NEAREST : -1;
  if (order > 0) return tense === Tense.Future || tense === Tense.Present ? 1 : NEAREST;
  if (tense === Tense.Past && purposeFor(g, phraseStart, dayPartAfter(g, i + 1))) return NEAREST;
  if (tense === Tense.Prospective) return WEAK_NEAREST;
  if (tense === Tense.Future) return 1;
  // A present tense places the clause, not always the event the day names: "is raising questions about ... Monday's
  // debate", "the impact of Monday's debate is still small" (both after it).
  if (tense === Tense.Present) return WEAK_FUTURE;
  // A scheduled event lies ahead only when nothing in the sentence says otherwise: a past main verb beyond the window
  // ("Carson has shown little signs of stemming his fury ... in the minutes leading up to Monday's Iowa caucuses") puts
  // it behind.
  if (tense === Tense.Unknown && scheduledEvent(g, i, phraseStart)) return sentenceCueBefore(g.lx, i) === Tense.Past ? WEAK_PAST : WEAK_FUTURE;
  return tense === Tense.Past ? -1 : WEAK_PAST;
}

/** Outcomes: what they name is over ("Sanders's wins in Idaho and Utah on Tuesday"). */
const RESULTS: ReadonlySet<string> = new Set(["victory", "victories", "win", "wins", "loss", "losses", "defeat", "defeats", "results"]);

/**
 * What no one can announce ahead, so a weekday that names it ("Tuesday's victory", "Friday's provisional agreement",
 * "Sunday's attack") points back: outcomes, decisions reached and incidents.
 */
const UNFORESEEN: ReadonlySet<string> = new Set([...RESULTS, "agreement", "ruling", "verdict", "decision", "attack", "attacks", "shooting", "shootings", "massacre", "bombing", "bombings", "blast", "crash", "explosion", "killings"]);

/** Owners and articles that make an outcome a real one: "her victories", "Sanders's win"; not "a win on Tuesday would". */
const DEFINITE: ReadonlySet<string> = new Set(["her", "his", "their", "its", "the", "s"]);

/** Events on a calendar: named with a day and no tense they lie ahead ("the election on Tuesday"). */
const SCHEDULED: ReadonlySet<string> = new Set(["election", "elections", "primary", "primaries", "caucus", "caucuses", "debate", "debates", "vote", "runoff", "convention", "conventions", "summit", "summits", "hearing", "hearings", "inauguration"]);

/**
 * A definite outcome heads the phrase that ends in the date: "Her victories in Pennsylvania, Maryland, Connecticut and
 * Delaware on Tuesday". The scan stops at a tense cue or a sentence end, so a verb in between ("a win that came
 * Tuesday") decides instead.
 */
function resultBefore(g: Cursor, phraseStart: number): boolean {
  const from = g.w(phraseStart - 1) === "on" ? phraseStart - 2 : phraseStart - 1;
  for (let k = from; k >= 0 && k >= from - 10; k--) {
    if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || cueAt(g.lx, k) !== Tense.Unknown) return false;
    if (RESULTS.has(g.w(k))) return DEFINITE.has(g.w(k - 1)) || (g.w(k - 1) === "s" && g.w(k - 2) === "'");
  }
  return false;
}

/** orderedEvent's answer for "since" and "in the wake of": the event is over, whatever the clause's tense. */
const OVER = -2;

/** Heads of a phrase whose event comes before the clause's own (-1), after it (1), or is over (OVER). */
const ORDER_HEADS: ReadonlyMap<string, number> = new Map([
  ["after", -1],
  ["following", -1],
  ["since", OVER],
  ["before", 1],
  ["for", 1],
]);

/**
 * Where the event the date names stands against the clause's own: before it (-1: "After a humbling defeat in New
 * Hampshire Tuesday"), over (OVER: "since Monday", "in the wake of Sunday's vote"), after it (1: "days before Tuesday's
 * primary", "an interview filed for Sunday's Meet the Press"), or 0. "after", "before" and "for" must head an event:
 * one named between them and the date, or a possessive date right after them ("before Tuesday's primary"; not "for
 * the first time at Wednesday's event"); a bare "after Tuesday", "for Tuesday" is left to the tense. The scan stops
 * at a tense cue or a sentence end.
 */
function orderedEvent(g: Cursor, i: number, phraseStart: number): number {
  if (forEventAfter(g, i + 1)) return 1;
  const from = g.w(phraseStart - 1) === "on" ? phraseStart - 2 : phraseStart - 1;
  const possessive = g.w(i + 1) === "'" && g.w(i + 2) === "s";
  for (let k = from; k >= 0 && k >= from - 10; k--) {
    if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || cueAt(g.lx, k) !== Tense.Unknown) return 0;
    const w = g.w(k);
    if (w === "of" && (g.w(k - 1) === "wake" || g.w(k - 1) === "aftermath")) return OVER;
    const order = ORDER_HEADS.get(w);
    if (order === undefined) continue;
    if (order === OVER || (possessive && k === from)) return order;
    // "before" and "for" also name a place or an audience ("testified before the committee on Thursday"), so they
    // must head an event noun; "after" rarely does ("the vote after months of talks on Friday").
    return k < from && (order < 0 || namesEventBetween(g, k, from)) ? order : 0;
  }
  return 0;
}

/**
 * "didn't make the cut for the main stage Thursday for the Fox Business debate": "for" and a scheduled event right
 * after the date, which names the event's day, so the clause's own event comes before it.
 */
function forEventAfter(g: Cursor, k: number): boolean {
  if (g.w(k) !== "for") return false;
  const the = g.w(k + 1) === "the" || g.w(k + 1) === "a";
  return eventAfter(g, the ? k + 2 : k + 1, SCHEDULED);
}

function namesEventBetween(g: Cursor, a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) if (SCHEDULED.has(g.w(k)) || UNFORESEEN.has(g.w(k))) return true;
  return false;
}

/**
 * "ahead of Monday's voting", "ahead of the election on Tuesday", "ahead of New York's delegate-rich Tuesday primary":
 * the date ends the phrase "ahead of" opens, with no verb or comma in between.
 */
function aheadOf(g: Cursor, phraseStart: number): boolean {
  for (let k = phraseStart - 1; k >= 1 && k >= phraseStart - 10; k--) {
    if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || g.w(k) === "," || cueAt(g.lx, k) !== Tense.Unknown) return false;
    if (g.w(k) === "of" && g.w(k - 1) === "ahead") return true;
  }
  return false;
}

/** "the election on Tuesday", "the state's primary Tuesday" (news style drops the "on"), "Tuesday's primary". */
function scheduledEvent(g: Cursor, i: number, phraseStart: number): boolean {
  if (g.w(phraseStart - 1) === "on" && SCHEDULED.has(g.w(phraseStart - 2))) return true;
  if (SCHEDULED.has(g.w(phraseStart - 1)) && !g.lx.breakBefore[phraseStart]) return true;
  return eventAfter(g, i + 1, SCHEDULED);
}

/** Words that end the phrase a date modifies: no event noun lies beyond them ("November and the election"). */
const PHRASE_ENDS: ReadonlySet<string> = new Set(["and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "that", "which", "who"]);

/**
 * The date modifies an event of `kinds` named right after it, its possessive and up to two modifiers allowed:
 * "Tuesday's primary", "November's general election", "the November elections", "Friday's provisional agreement".
 */
function eventAfter(g: Cursor, k: number, kinds: ReadonlySet<string>): boolean {
  let j = g.w(k) === "'" && g.w(k + 1) === "s" ? k + 2 : k;
  for (let words = 0; words < 3 && j < g.lx.count; words++, j++) {
    if (kinds.has(g.w(j))) return true;
    if (g.lx.kind[j] !== Kind.Word || PHRASE_ENDS.has(g.w(j)) || cueAt(g.lx, j) !== Tense.Unknown) return false;
    // A hyphenated compound is one modifier ("Tuesday's first-in-the-nation primary"): its inner "in" ends no phrase.
    while (g.w(j + 1) === "-" && g.adjacent(j + 1) && g.adjacent(j + 2) && g.lx.kind[j + 2] === Kind.Word) j += 2;
  }
  return false;
}

/** "by the Tuesday deadline", "by the Feb. 23 accord": after "the", a weekday or a day is an attribute. */
const NO_FILLERS: ReadonlySet<string> = new Set();

/** "until Election Day", "by Christmas": a deadline right before the date at i (see deadlineBefore). */
export function deadlineAt(g: Cursor, i: number): boolean {
  return deadlineBefore(g, i, NO_FILLERS);
}

/** Words between a deadline preposition and the month it governs: "by mid-November", "until the end of". */
const DEADLINE_FILLERS: ReadonlySet<string> = new Set(["early", "mid", "late", "-", "the", "end", "of", "middle", "start"]);

/** The preposition governing token i across `fillers` ("by" in "by mid-November"), or "". */
function prepositionBefore(g: Cursor, i: number, fillers: ReadonlySet<string>): string {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const w = g.w(k);
    if (!fillers.has(w)) return w;
  }
  return "";
}

/**
 * "by August", "until mid-November": a deadline, which news names before it has passed whatever the tense
 * of the clause ("gave Merieux until mid-November", "talks that were supposed to conclude by May"), except
 * in the past perfect ("had filed compliance reports by Wednesday").
 */
function deadlineBefore(g: Cursor, i: number, fillers: ReadonlySet<string>, p = prepositionBefore(g, i, fillers)): boolean {
  if (p !== "by" && p !== "until" && p !== "till") return false;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) if (g.w(k) === p) return !pastPerfectNear(g, k, i);
  return false;
}

/**
 * "By December, when we were looking down the road, California stuck out", "By 9 a.m. Sunday, the Rev. Al Sharpton
 * began taking calls": a sentence that opens with "by" and the date, set off by a comma, says how things stood by then;
 * the clause's tense places it, not the deadline reading. `after` is the token after the date phrase.
 */
function narrativeBy(g: Cursor, phraseStart: number, after: number): boolean {
  if (g.w(after) !== ",") return false;
  for (let k = phraseStart - 1; k >= 0 && k >= phraseStart - 4; k--) {
    if (g.w(k) !== "by") continue;
    const open = isOpeningMark(g.w(k - 1)) ? k - 1 : k;
    return open === 0 || g.lx.breakBefore[open] === 1 || endsSentence(g.lx, open - 1);
  }
  return false;
}

function isOpeningMark(w: string): boolean {
  return w === '"' || w === "\u201c" || w === "`";
}

/** The token after a weekday and its part of the day ("Sunday night ,"). */
function dayPartAfter(g: Cursor, k: number): number {
  const w = g.w(k);
  return w === "night" || w === "morning" || w === "afternoon" || w === "evening" ? k + 1 : k;
}

/**
 * "engineered the release of the emails to influence the Nov. 8 U.S. presidential election", "Trump's tweet to invite
 * Gennifer Flowers to Monday night's debate": a scheduled event the date names, in an infinitive of purpose under a
 * past verb, was ahead when that verb's event happened, which leaves it on either side of the DCT: the nearer one.
 * `after` is the token after the date phrase. The infinitive is "to" and a lower-case word that is no determiner,
 * pronoun or plural ("to reporters"), with no tense cue after it.
 */
function purposeFor(g: Cursor, phraseStart: number, after: number): boolean {
  if (!scheduledNamed(g, after)) return false;
  for (let k = phraseStart - 1; k >= 1 && k >= phraseStart - 8; k--) {
    if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || g.w(k) === "," || cueAt(g.lx, k) !== Tense.Unknown) return false;
    if (g.w(k - 1) !== "to") continue;
    const w = g.w(k);
    if (g.lx.kind[k] === Kind.Word && !g.lx.upper[k] && !NOT_INFINITIVES.has(w) && !(w.endsWith("s") && !w.endsWith("ss"))) return true;
  }
  return false;
}

const NOT_INFINITIVES: ReadonlySet<string> = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "some", "any", "all", "each", "every", "no", "him", "them", "us", "me", "it", "date", "day", "week", "month"]);

/** A scheduled event named within the six tokens from k, abbreviations and a possessive allowed ("U.S. presidential election", "'s debate"). */
function scheduledNamed(g: Cursor, k: number): boolean {
  for (let j = k; j < g.lx.count && j < k + 6; j++) {
    const w = g.w(j);
    if (SCHEDULED.has(w)) return true;
    if (w === "," || PHRASE_ENDS.has(w) || endsSentence(g.lx, j) || cueAt(g.lx, j) !== Tense.Unknown) return false;
  }
  return false;
}

/** "had" in the sentence within ten tokens of a deadline phrase running from token a to b ("Until Thursday, they had not"). */
function pastPerfectNear(g: Cursor, a: number, b: number): boolean {
  for (let j = a - 1; j >= 0 && j >= a - 10; j--) {
    if (g.w(j) === "had") return true;
    if (endsSentence(g.lx, j) || g.lx.breakBefore[j + 1]) break;
  }
  for (let j = b + 1; j < g.lx.count && j <= b + 10; j++) {
    if (g.lx.breakBefore[j] || endsSentence(g.lx, j)) break;
    if (g.w(j) === "had") return true;
  }
  return false;
}

/**
 * "stay in the campaign until the Democratic National Convention in Philadelphia in July": "until" before an event
 * named with its month, no verb between them, is a deadline too. Not "by", which also names an agent ("was hired by
 * the campaign in August").
 */
function untilEvent(g: Cursor, phraseStart: number): boolean {
  for (let k = phraseStart - 1; k >= 0 && k >= phraseStart - 10; k--) {
    const w = g.w(k);
    if (w === "until" || w === "till") return !pastPerfectNear(g, k, phraseStart);
    if (endsSentence(g.lx, k) || g.lx.breakBefore[k + 1] || w === "," || cueAt(g.lx, k) !== Tense.Unknown) return false;
  }
  return false;
}

/** "as early as Tuesday", "as soon as Tuesday": the earliest date something may happen, still ahead. */
function soonestBefore(g: Cursor, i: number): boolean {
  return g.w(i - 3) === "as" && (g.w(i - 2) === "early" || g.w(i - 2) === "soon") && g.w(i - 1) === "as";
}

/**
 * The direction a bare month or month-day takes when nothing in the phrase gives one. "through August" ends
 * a running period, which may be over ("sales this year through August") or not ("loans through January"), and
 * "effective Feb. 1" names when a change took or takes effect: the nearer date decides, whatever the tense. `after` is
 * the token after the date, where an event it modifies would be named.
 */
function monthDirection(g: Cursor, i: number, phraseStart: number, fillers: ReadonlySet<string>, after: number): number {
  const p = prepositionBefore(g, phraseStart, fillers);
  if ((deadlineBefore(g, phraseStart, fillers, p) && !narrativeBy(g, phraseStart, after)) || untilEvent(g, phraseStart)) return 1;
  if (p === "through" || p === "effective") return 0;
  const tense = tenseAt(g.lx, i);
  // "Since announcing in October that he would not seek" is over; "after the election in May" is over when the clause
  // is past or has no tense ("rates are likely to rise after the election in May" is not). Not "before", which often
  // stands for "in front of" ("testifying before investigators in October").
  const order = orderedEvent(g, i, phraseStart);
  if (order === OVER || (order < 0 && (tense === Tense.Past || tense === Tense.Unknown))) return -1;
  if (tense === Tense.Past && purposeFor(g, phraseStart, after)) return 0;
  // "the prospect of taking on the Democratic socialist in November's general election": with no tense, ahead.
  // As for a weekday, a past verb earlier in the sentence puts the event behind ("then voted for the national
  // delegates - all while giving Cruz nine of the Wyoming delegates available in the March 1 county caucuses").
  if (tense === Tense.Unknown && eventAfter(g, after, SCHEDULED)) return sentenceCueBefore(g.lx, i) === Tense.Past ? -1 : 1;
  return directionOf(tense);
}

/** direction as for resolveWeekday; 2 ("this March") is the month of the DCT's year. */
export function resolveMonth(g: Cursor, month: number, i: number, direction: number): string {
  if (!g.dct) return `XXXX-${pad(month)}`;
  if (!g.dct.month) return formatYm(g.dct.year, month);
  let dir = direction;
  if (dir === 0) dir = monthDirection(g, i, i, DEADLINE_FILLERS, i + 1);
  const y = g.dct.year;
  const m = g.dct.month;
  let year = y;
  if (dir === -1 && month > m) year = y - 1;
  else if (dir === -3) year = month >= m ? y - 1 : y;
  else if (dir === 1 && month < m) year = y + 1;
  else if (dir === 3) year = month <= m ? y + 1 : y;
  else if (dir === 0 && Math.abs(month - m) > 6) year = month < m ? y + 1 : y - 1;
  return formatYm(year, month);
}

/** `i` is where the clause tense is read, `phraseStart` where a deadline or "through" would stand before the date. */
export function resolveMonthDay(g: Cursor, month: number, day: number, i: number, direction: number, phraseStart = i): string {
  if (!g.dct || !g.dct.month || !g.dct.day) return g.dct ? formatYmd({ year: g.dct.year, month, day }) : `XXXX-${pad(month)}-${pad(day)}`;
  let dir = direction;
  if (dir === 0) dir = monthDirection(g, i, phraseStart, NO_FILLERS, i); // "by the Feb. 23 accord" is no deadline
  const y = g.dct.year;
  const cands: Ymd[] = [];
  for (const yy of [y - 1, y, y + 1]) if (isValidDate(yy, month, day)) cands.push({ year: yy, month, day });
  if (cands.length === 0) return `XXXX-${pad(month)}-${pad(day)}`;
  return formatYmd(pick(cands, g.dct, dir));
}

/** "(of) last year", "(of) next year", "this year" at j: "October of next year", "the first half of this year". */
export function yearOffsetAt(g: Cursor, j: number): { end: number; delta: number } | null {
  const k = g.w(j) === "of" ? j + 1 : j;
  if (g.w(k + 1) !== "year") return null;
  const w = g.w(k);
  const delta = w === "last" ? -1 : w === "next" ? 1 : w === "this" ? 0 : null;
  return delta === null ? null : { end: k + 2, delta };
}

export function shiftDct(g: Cursor, unit: string, dir: number): string {
  if (!g.dct || !g.dct.month) {
    if (g.dct && unit === "year") return pad(g.dct.year + dir, 4);
    return dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
  }
  const d = g.dct.day ? g.dct : { ...g.dct, day: 15 };
  if (unit === "weekend") {
    const wd = weekday(d);
    const sat = addDays(d, 6 - wd + (dir > 0 ? 7 : dir < 0 ? -7 : 0));
    return `${formatWeek(sat)}-WE`;
  }
  return shift(d, unit, dir);
}

/** In days (with months counted as 32 days by `pick`'s key). */
const SLACK = 30;

export function directionOf(t: Tense): number {
  return t === Tense.Past ? -1 : t === Tense.Future ? 1 : 0;
}

/** The candidate date that fits the direction: latest on/before, earliest on/after, or the nearest. */
export function pick(cands: readonly Ymd[], dct: Ymd, direction: number): Ymd {
  const key = (d: Ymd) => d.year * 400 + d.month * 32 + d.day;
  const ref = key(dct);
  let best: Ymd = cands[0]!;
  let bestScore = Infinity;
  for (const c of cands) {
    const k = key(c);
    let score: number;
    // Past tense still admits a date a few weeks ahead ("record Nov. 16, the company said"): reported
    // schedules are common, and the year-earlier reading is rarely meant.
    if (direction < 0) score = k <= ref ? ref - k : k - ref <= SLACK ? (k - ref) * 2 : Infinity;
    // Future tense likewise admits a day a few weeks back ("decided on Feb. 11 that a ground war would be
    // necessary", a deadline just passed): a day-precise date almost a year ahead is the rarer reading.
    else if (direction > 0) score = k >= ref ? k - ref : ref - k <= SLACK ? (ref - k) * 2 : Infinity;
    else score = Math.abs(k - ref);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** The value of the `unit` period `delta` units from date d, at the unit's granularity. */
export function shift(d: Ymd, unit: string, delta: number): string {
  switch (unit) {
    case "day":
      return formatYmd(addDays(d, delta));
    case "week":
      return formatWeek(addDays(d, delta * 7));
    case "month": {
      const m = addMonths(d.year, d.month, delta);
      return formatYm(m.year, m.month);
    }
    case "quarter": {
      const m = addMonths(d.year, d.month, delta * 3);
      return `${pad(m.year, 4)}-Q${Math.floor((m.month - 1) / 3) + 1}`;
    }
    case "decade":
      return pad(Math.floor(d.year / 10) + delta, 3);
    case "century":
      return pad(Math.floor(d.year / 100) + delta, 2);
    default:
      return pad(d.year + delta, 4);
  }
}

/** "3 years ago" → the year; "2 weeks ago" → the week; "10 days ago" → the day; "two decades ago" → the year. */
export function shiftBy(d: Ymd, unit: Unit, n: number): string {
  switch (unit.name) {
    case "second":
    case "minute":
    case "hour":
      return formatYmd(d);
    case "decade":
    case "century":
      return pad(d.year + n * unit.factor, 4);
    default:
      return shift(d, unit.name, n);
  }
}

/** The same quarter or half ("1989-Q3") `yearsBack` years earlier. */
export function periodYearsBack(period: string, yearsBack: number): string {
  return `${pad(Number(period.slice(0, 4)) - yearsBack, 4)}${period.slice(4)}`;
}

/**
 * The last quarter before the DCT's own ("1989-Q3" for a DCT in October 1989: the one earnings news reports),
 * `yearsBack` years earlier.
 */
export function lastQuarter(dct: Ymd, yearsBack: number): string {
  const q = Math.floor((dct.month - 1) / 3);
  return q === 0 ? `${dct.year - 1 - yearsBack}-Q4` : `${dct.year - yearsBack}-Q${q}`;
}
