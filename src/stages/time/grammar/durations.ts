/**
 * Durations: quantities ("10", "twenty-five", "a few", "half a") and their units ("10 months", "three-year",
 * "six straight days"), "a year", bare plurals in a temporal frame ("for weeks"), and "N units ago/later"
 * (dates), with the TIMEX3 duration value format.
 */
import { Kind } from "../lexer.js";
import { NUMBER_WORDS, UNITS, VAGUE_QUANTITIES, type Unit } from "../lexicon.js";
import { yearBeforeQuarter } from "./anchors.js";
import { CLAUSE_END, OPENING_QUOTES, type Core, type Cursor } from "./cursor.js";
import { fuzzyRef } from "./fuzzy.js";
import { shift, shiftBy } from "./resolve.js";

/** Modals and subject pronouns before "one day" make it "some day": "will one day", "he one day". */
const SOMEDAY_BEFORE: ReadonlySet<string> = new Set(["will", "would", "could", "may", "might", "can", "should", "shall", "must", "he", "she", "they", "we", "i", "you", "it"]);

/** Adjectives between a number and its unit that keep the phrase a duration: "six straight days". */
const RUN_ADJECTIVES: ReadonlySet<string> = new Set(["straight", "consecutive", "successive", "full"]);

/**
 * A quantity at j: digits, number words ("twenty-five", "two hundred"), "a few", "several", "half a",
 * "a"/"an". Value null means unspecified (X).
 */
export function quantity(g: Cursor, j: number): { value: number | null; end: number } | null {
  const t = g.w(j);
  if (g.isNum(j)) {
    // Past 15 digits a count is no longer exact in a double (and past 309 it is Infinity): no duration's number.
    if (t.length > 15) return null;
    let v = Number(t);
    let end = j + 1;
    if (g.w(end) === "." && g.isNum(end + 1) && g.adjacent(end) && g.adjacent(end + 1)) {
      v = Number(`${t}.${g.w(end + 1)}`);
      end += 2;
    }
    // "2 1/2 years": a whole number, a space, then the fraction.
    if (g.w(end) === "1" && g.w(end + 1) === "/" && g.w(end + 2) === "2" && !g.adjacent(end) && g.adjacent(end + 1) && g.adjacent(end + 2)) {
      v += 0.5;
      end += 3;
    }
    if (g.w(end) === "-" && UNITS.has(g.w(end + 1))) end++; // "16-hour"
    return { value: v, end };
  }
  if (t === "a" || t === "an") {
    const n = g.w(j + 1);
    if (n === "few") return { value: null, end: j + 2 };
    if (n === "couple") return { value: 2, end: g.w(j + 2) === "of" ? j + 3 : j + 2 }; // "a couple of years" = P2Y
    if (n === "dozen") return { value: 12, end: j + 2 };
    if (n === "half") return { value: 0.5, end: j + 2 };
    return { value: 1, end: j + 1 };
  }
  if (t === "half") {
    if (g.w(j + 1) === "a" || g.w(j + 1) === "an") return { value: 0.5, end: j + 2 };
    return null;
  }
  if (VAGUE_QUANTITIES.has(t)) return { value: null, end: j + 1 };
  if (t === "couple" && g.w(j + 1) === "of") return { value: 2, end: j + 2 };
  const n = NUMBER_WORDS.get(t);
  if (n === undefined) return null;
  let v = n;
  let end = j + 1;
  if (g.w(end) === "-" && NUMBER_WORDS.has(g.w(end + 1)) && (NUMBER_WORDS.get(g.w(end + 1)) ?? 0) < 10) {
    v += NUMBER_WORDS.get(g.w(end + 1))!;
    end += 2;
  } else if (n >= 20 && NUMBER_WORDS.has(g.w(end)) && (NUMBER_WORDS.get(g.w(end)) ?? 0) < 10) {
    v += NUMBER_WORDS.get(g.w(end))!;
    end++;
  }
  if (g.w(end) === "hundred") {
    v *= 100;
    end++;
  }
  if (g.w(end) === "-" && UNITS.has(g.w(end + 1))) end++; // "three-year"
  return { value: v, end };
}

/** "10 months", "three-year", "two decades", "several weeks", followed perhaps by ago/earlier/later. */
export function duration(g: Cursor, j: number): Core | null {
  const q = quantity(g, j);
  if (!q) return null;
  let end = q.end;
  // "six straight days", "two consecutive quarters": a run of units is their duration.
  if (q.value !== null && RUN_ADJECTIVES.has(g.w(end)) && UNITS.has(g.w(end + 1))) end++;
  let unitWord = g.w(end);
  let unit = UNITS.get(unitWord);
  if (!unit) {
    if (q.value !== null && g.w(end) === "and" && g.w(end + 1) === "a" && g.w(end + 2) === "half") {
      unitWord = g.w(end + 3);
      unit = UNITS.get(unitWord);
      if (!unit) return null;
      return { end: end + 4, type: "DURATION", value: durationValue(q.value + 0.5, unit) };
    }
    if (q.value !== null && (g.w(end) === "trading" || g.w(end) === "business" || g.w(end) === "working" || g.w(end) === "calendar")) {
      unit = UNITS.get(g.w(end + 1));
      if (!unit) return null;
      end++;
    } else return null;
  }
  // "three-quarters" is a fraction, not nine months.
  if (unit.name === "quarter" && (q.value === null || (unitWord === "quarters" && g.w(end - 1) === "-"))) return null;
  end++;
  if (isAge(g, end)) return null;
  // A quoted title: ''60 Minutes'', "48 Hours".
  if (g.lx.upper[end - 1] && OPENING_QUOTES.has(g.w(j - 1))) return null;
  if (g.w(end) === "-" && g.w(end + 1) === "long") end += 2;
  if (q.value === 1 && g.w(j) !== "one" && g.w(j) !== "1" && g.w(j) !== "a" && g.w(j) !== "an") return null;
  // "a minute and a half", "two years and a half".
  if (q.value !== null && g.w(end) === "and" && g.w(end + 1) === "a" && g.w(end + 2) === "half") {
    return { end: end + 3, type: "DURATION", value: durationValue(q.value + 0.5, unit) };
  }
  const after = g.w(end);
  // "Islam will one day be...", "he hopes he one day follows": some day to come, not a day's length.
  if (unit.name === "day" && g.w(j) === "one" && end === j + 2 && SOMEDAY_BEFORE.has(g.w(j - 1))) return fuzzyRef(end, "FUTURE_REF");
  if (after === "ago" || after === "earlier" || after === "before" && g.w(end + 1) === "." || after === "from" && g.w(end + 1) === "now") {
    const sign = after === "ago" || after === "earlier" || after === "before" ? -1 : 1;
    const anchor = after === "ago" || after === "from" ? g.dct : g.focus.ymd ?? g.dct;
    const e = after === "from" ? end + 2 : end + 1;
    if (q.value === null || !anchor || !anchor.month) return fuzzyRef(e, sign < 0 ? "PAST_REF" : "FUTURE_REF");
    if (!Number.isInteger(q.value)) return fuzzyRef(e, sign < 0 ? "PAST_REF" : "FUTURE_REF");
    const quarter = unit.name === "year" && q.value === 1 && sign < 0 ? yearBeforeQuarter(g, j) : null;
    // "a week ago", "two weeks ago" name the day (news counts back to the event's weekday); "six weeks ago" a week.
    const days = unit.name === "week" && q.value <= 2 && anchor.day ? shift(anchor, "day", sign * 7 * q.value) : null;
    return { end: e, type: "DATE", value: quarter ?? days ?? shiftBy(anchor, unit, sign * q.value), dateLike: true };
  }
  // Also "three days later": TimeML tags the length ("three days") and leaves "later" a signal, as TimeBank
  // and AQUAINT do in all four cases they hold.
  return { end, type: "DURATION", value: durationValue(q.value, unit) };
}

const SECOND_FRAMES: ReadonlySet<string> = new Set(["for", "in", "within", "than", "just", "only", "about", "per", "every", "half", "split"]);

/** "a year", "an hour", "a decade" (also "a year ago"). */
export function aUnit(g: Cursor, i: number): Core | null {
  const n = g.w(i + 1);
  const unit = UNITS.get(n);
  if (!unit || n.endsWith("s")) {
    if (n === "few" || n === "couple" || n === "half" || n === "dozen") return duration(g, i);
    return null;
  }
  const p = g.w(i - 1);
  if (p === "once" || p === "twice" || p === "times") return null;
  const after = g.w(i + 2);
  if (after === "ago" || after === "earlier" || after === "later" || after === "and") return duration(g, i);
  // "A second A380", "a second betrayal": an ordinal unless a frame makes it a length of time ("for a second").
  if (unit.name === "second" && !SECOND_FRAMES.has(p) && !CLAUSE_END.has(after)) return null;
  // "a week of talks" names an activity; "within a week of his capture" is still a length of time.
  if (after === "-" || after === "'" || after === "of" && unit.name !== "decade" && p !== "within") return null;
  if (p === "per") return null;
  // A rate: "$1.76 a year", "$500 million a year", "four flights a week" recur every unit (a SET).
  if (afterAmount(g, i - 1)) return { end: i + 2, type: "SET", value: durationValue(1, unit) };
  return { end: i + 2, type: "DURATION", value: durationValue(1, unit) };
}

const AMOUNT_WORDS: ReadonlySet<string> = new Set(["million", "billion", "trillion", "thousand", "cents", "dollars", "%", "percent"]);

/** Token k ends an amount or a count: "1.76", "$500 million", "four flights". */
function afterAmount(g: Cursor, k: number): boolean {
  if (g.isNum(k) || AMOUNT_WORDS.has(g.w(k))) return true;
  if (g.w(k) === ")") return afterAmount(g, k - 1); // "a flat-fee £20 ($38) a month tariff"
  if (g.lx.kind[k] === Kind.Mixed && /^\d+(m|bn|k)$/.test(g.w(k))) return true; // "£1.1m a year"
  const countedNoun = g.lx.kind[k] === Kind.Word && g.w(k).endsWith("s");
  return countedNoun && (g.isNum(k - 1) || NUMBER_WORDS.has(g.w(k - 1)) || AMOUNT_WORDS.has(g.w(k - 1)));
}

/** Results reported for a period: "an annual profit", "quarterly earnings" cover that period. */
const PERIOD_RESULTS: ReadonlySet<string> = new Set(["profit", "profits", "loss", "losses", "revenue", "revenues", "sales", "earnings", "income", "results"]);

/**
 * "annual profit", "its first annual loss": a figure over one year, a P1Y duration as MEANTIME tags it.
 * Only before a word of reported results: "annual conference" or "annual parade" is a recurrence, which
 * neither TimeBank nor MEANTIME tags consistently.
 */
export function annualResults(g: Cursor, i: number): Core | null {
  return PERIOD_RESULTS.has(g.w(i + 1)) ? { end: i + 1, type: "DURATION", value: "P1Y" } : null;
}

const LIMITING_ADVERBS: ReadonlySet<string> = new Set(["just", "only", "mere", "barely", "merely"]);

/** Bare plural units in a temporal frame: "for days", "weeks before", "years ago", "within hours". */
export function bareUnits(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  const unit = UNITS.get(t)!;
  // "in just minutes", "for only hours": the frame word may stand before a limiting adverb.
  const p = LIMITING_ADVERBS.has(g.w(i - 1)) ? g.w(i - 2) : g.w(i - 1);
  const n = g.w(i + 1);
  if (n === "ago") return fuzzyRef(i + 2, "PAST_REF");
  if (n === "-" && g.w(i + 2) === "long") return { end: i + 3, type: "DURATION", value: `P${unit.time ? "T" : ""}X${unit.letter}` };
  const frame = p === "for" || p === "in" || p === "within" || p === "over" || p === "after" || p === "takes" || p === "took" || n === "before" || n === "after" || n === "later" || n === "earlier" || n === "of";
  if (!frame || t === "quarters") return null;
  if (n === "of" && (p === "the" || g.w(i + 2) === "the")) return null;
  return { end: i + 1, type: "DURATION", value: `P${unit.time ? "T" : ""}X${unit.letter}` };
}

/** "the nine months", "the 10 days" (a duration; "the one year" is not one). */
export function theDuration(g: Cursor, i: number): Core | null {
  if (!g.isNum(i + 1) && !NUMBER_WORDS.has(g.w(i + 1))) return null;
  const q = quantity(g, i + 1);
  if (q) {
    const unit = UNITS.get(g.w(q.end));
    if (unit && !isAge(g, q.end + 1) && (q.value === null || q.value > 1 || g.isNum(i + 1))) return { end: q.end + 1, type: "DURATION", value: durationValue(q.value, unit) };
  }
  return null;
}

/** "three-year-old": the unit at `afterUnit - 1` makes an age, not a period of time in the text's timeline. */
function isAge(g: Cursor, afterUnit: number): boolean {
  return g.w(afterUnit) === "-" && g.w(afterUnit + 1) === "old";
}

/** The next smaller unit of a duration letter, for whole-plus-fraction values: 2.5 years = P2Y6M. */
const SMALLER: Record<string, { letter: string; per: number; time: boolean }> = {
  Y: { letter: "M", per: 12, time: false },
  D: { letter: "H", per: 24, time: true },
  H: { letter: "M", per: 60, time: true },
  M: { letter: "S", per: 60, time: true },
};

/** TIMEX3 duration value: P10M, PT5H, PXD, P2.5Y → P2Y6M, P0.5Y → P6M, 5.5 hours → PT5H30M. */
export function durationValue(n: number | null, unit: Unit): string {
  const t = unit.time ? "T" : "";
  if (n === null) return `P${t}X${unit.name === "decade" ? "DE" : unit.name === "century" ? "CE" : unit.letter}`;
  let v = n * unit.factor;
  let letter = unit.letter;
  let time = unit.time;
  const whole = Math.floor(v);
  const smaller = letter === "M" && !time ? undefined : SMALLER[letter];
  if (!Number.isInteger(v) && whole >= 1 && smaller && Number.isInteger((v - whole) * smaller.per)) {
    const part = (v - whole) * smaller.per;
    // "PnDTmH": the time part after the date part; "PTnHmM" inside the time part.
    return time ? `PT${whole}${letter}${part}${smaller.letter}` : `P${whole}${letter}${smaller.time ? "T" : ""}${part}${smaller.letter}`;
  }
  if (!Number.isInteger(v)) {
    // Fractions go down one unit: half a year = P6M, 1.5 days = PT36H.
    const down: Record<string, [string, number, boolean]> = { Y: ["M", 12, false], W: ["D", 7, false], D: ["H", 24, true], H: ["M", 60, true] };
    const d = time ? (letter === "H" ? down.H : undefined) : down[letter];
    if (d) {
      v = Math.round(v * d[1] * 1000) / 1000;
      letter = d[0];
      time = d[2];
    } else if (letter === "M" && !time) {
      v = Math.round(v * 30);
      letter = "D";
    }
  }
  return `P${time ? "T" : ""}${v}${letter}`;
}
