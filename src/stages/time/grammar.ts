/**
 * The TIMEX3 grammar: a hand-written recursive-descent matcher over lexer tokens. At each token it tries
 * the expression shapes of English news (dates, times, durations, sets, fuzzy references), each a small
 * function that reads tokens left to right and returns where it ends, so the whole pass is linear and has
 * no backtracking regex. Values are computed at match time from the publication date (DCT), the tense
 * of the clause and, for anaphora ("the previous day"), the last date in focus.
 */
import type { TimexType } from "../../core/analysis.js";
import {
  addDays,
  addMonths,
  daysInMonth,
  easter,
  formatWeek,
  formatYm,
  formatYmd,
  isValidDate,
  nthWeekday,
  pad,
  weekday,
  type Ymd,
} from "./calendar.js";
import { Kind, type Lexed } from "./lexer.js";
import {
  AMBIGUOUS_MONTHS,
  AMBIGUOUS_WEEKDAYS,
  FIXED_HOLIDAYS,
  MONTHS,
  MOVABLE_HOLIDAYS,
  NUMBER_WORDS,
  ORDINALS,
  PARTS_OF_DAY,
  SEASONS,
  UNITS,
  VAGUE_QUANTITIES,
  WEEKDAYS,
  type MovableRule,
  type Unit,
} from "./lexicon.js";
import { Tense, tenseAt } from "./tense.js";

export interface Match {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: TimexType;
  value: string;
  mod: string | null;
}

/** Core result before modifiers: end token (exclusive), type and value. */
interface Core {
  end: number;
  type: TimexType;
  value: string;
  mod?: string | null;
  /** Granularity for modifiers like "early"/"mid" (which need a date, not a duration). */
  dateLike?: boolean;
}

const PREFIX_MODS: ReadonlyArray<readonly [readonly string[], string]> = [
  [["no", "more", "than"], "EQUAL_OR_LESS"],
  [["more", "than"], "MORE_THAN"],
  [["less", "than"], "LESS_THAN"],
  [["fewer", "than"], "LESS_THAN"],
  [["at", "least"], "EQUAL_OR_MORE"],
  [["at", "most"], "EQUAL_OR_LESS"],
  [["up", "to"], "EQUAL_OR_LESS"],
  [["nearly"], "LESS_THAN"],
  [["almost"], "LESS_THAN"],
  [["about"], "APPROX"],
  [["around"], "APPROX"],
  [["approximately"], "APPROX"],
  [["roughly"], "APPROX"],
  [["some"], "APPROX"],
  [["over"], "MORE_THAN"],
  [["under"], "LESS_THAN"],
];

const POSITION_MODS: ReadonlyArray<readonly [readonly string[], string]> = [
  [["the", "end", "of"], "END"],
  [["the", "beginning", "of"], "START"],
  [["the", "start", "of"], "START"],
  [["the", "middle", "of"], "MID"],
  [["the", "turn", "of"], "START"],
  [["end", "of"], "END"],
  [["early"], "START"],
  [["earlier"], "START"],
  [["late"], "END"],
  [["later"], "END"],
  [["mid"], "MID"],
];

/** Words after a bare 4-digit number that show it is a count, not a year ("2000 people"). */
const YEAR_CONTEXT_BEFORE: ReadonlySet<string> = new Set([
  "in", "since", "until", "till", "by", "during", "through", "throughout", "before", "after", "from", "of", "to",
  "early", "late", "mid", "fiscal", "fy", "and", "or", "the", "-", "(", "between", "for", "spring", "summer", "fall",
  "autumn", "winter", "year", "around", "circa", "c", "'", "/", "as", "at", "within",
]);

/** Reported figures ("$3 million, or 9 cents a share"): with a quarter in focus, "a year ago" is that quarter's. */
const FIGURE_WORDS: ReadonlySet<string> = new Set(["million", "billion", "cents", "share", "%", "percent", "$"]);

/** Adjectives between a number and its unit that keep the phrase a duration: "six straight days". */
const RUN_ADJECTIVES: ReadonlySet<string> = new Set(["straight", "consecutive", "successive", "full"]);

/** Words that may open a sentence right before a weekday: "On Friday", "Also Sunday,", "Earlier Friday,". */
const SENTENCE_START_BEFORE_WEEKDAY: ReadonlySet<string> = new Set(["on", "by", "until", "since", "last", "next", "this", "early", "late", "earlier", "later", "before", "after", "from", "through", "also", "but", "and", "then"]);

/** Prepositions before a place or person name that a weekday may follow: "in Tokyo Monday", "with Sununu Sunday". */
const NAME_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "at", "with", "from", "to", "for", "against"]);

/** Verbs of idioms with "the day" that name no day: "carry the day", "save the day", "seize the day". */
const IDIOM_DAY_VERBS: ReadonlySet<string> = new Set(["carry", "carried", "carries", "save", "saved", "saves", "seize", "seized", "win", "won", "wins", "make", "made", "makes", "call", "called"]);

const CLAUSE_END: ReadonlySet<string> = new Set([".", "!", "?", ";", ",", ")", ":", "'", "\"", "\u201d", "and", "or", "-"]);

export interface Focus {
  ymd: Ymd | null;
  value: string | null;
  /** The last quarter mentioned ("1989-Q3"): earnings news compares it with "a year earlier". */
  quarter: string | null;
}

export class Grammar {
  private readonly lx: Lexed;
  private readonly dct: Ymd | null;
  readonly focus: Focus;

  constructor(lx: Lexed, dct: Ymd | null, focus: Focus) {
    this.lx = lx;
    this.dct = dct;
    this.focus = focus;
  }

  private w(i: number): string {
    return i >= 0 && i < this.lx.count ? (this.lx.lower[i] as string) : "";
  }

  private adjacent(i: number): boolean {
    return i > 0 && i < this.lx.count && this.lx.start[i] === this.lx.end[i - 1];
  }

  private isNum(i: number): boolean {
    return i >= 0 && i < this.lx.count && this.lx.kind[i] === Kind.Number;
  }

  private seq(i: number, words: readonly string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.w(i + k) !== words[k]) return false;
    return true;
  }

  /** Matches a timex starting exactly at token i, or returns null. */
  matchAt(i: number): Match | null {
    // Prefix modifiers: "more than 10 months", "about a decade".
    for (const [words, mod] of PREFIX_MODS) {
      if (!this.seq(i, words)) continue;
      const j = i + words.length;
      const core = this.core(j);
      if (core && !core.dateLike && (core.type === "DURATION" || core.type === "TIME")) {
        if (words[0] === "some" || words[0] === "over" || words[0] === "under") {
          const first = this.w(j);
          if (!this.isNum(j) && !NUMBER_WORDS.has(first) && first !== "a" && first !== "an") continue;
        }
        return { start: i, end: core.end, type: core.type, value: core.value, mod };
      }
    }
    // Position modifiers: "early 2022", "mid-2021", "the end of the year", "late last year".
    for (const [words, mod] of POSITION_MODS) {
      if (!this.seq(i, words)) continue;
      let j = i + words.length;
      if (this.w(j) === "-") j++;
      if (this.w(j) === "in" && (words[0] === "earlier" || words[0] === "later")) j++;
      const core = this.core(j);
      if (core && core.dateLike) return { start: i, end: core.end, type: core.type, value: core.value, mod };
    }
    const core = this.core(i);
    if (!core) return null;
    return { start: i, end: core.end, type: core.type, value: core.value, mod: core.mod ?? null };
  }

  /** The unmodified expression at i. */
  private core(i: number): Core | null {
    const t = this.w(i);
    if (t === "") return null;
    const kind = this.lx.kind[i];
    if (kind === Kind.Number) return this.numeric(i);
    if (kind === Kind.Mixed) return this.mixed(i);
    if (kind === Kind.Punct) return t === "'" ? this.apostropheDecade(i) : null;
    return this.word(i, t);
  }

  // ---- numbers ---------------------------------------------------------------------------------

  private numeric(i: number): Core | null {
    const t = this.w(i);
    // ISO date 2022-12-31, optionally with a time.
    if (t.length === 4 && this.w(i + 1) === "-" && this.isNum(i + 2) && this.w(i + 3) === "-" && this.isNum(i + 4) && this.adjacent(i + 1) && this.adjacent(i + 4)) {
      const y = Number(t);
      const m = Number(this.w(i + 2));
      const d = Number(this.w(i + 4));
      if (isValidDate(y, m, d)) return this.withClock(i + 5, { year: y, month: m, day: d });
    }
    // US numeric date 11/02/89 or 08/07/1998.
    if (t.length <= 2 && this.w(i + 1) === "/" && this.isNum(i + 2) && this.w(i + 3) === "/" && this.isNum(i + 4) && this.adjacent(i + 2) && this.adjacent(i + 4)) {
      const m = Number(t);
      const d = Number(this.w(i + 2));
      const ys = this.w(i + 4);
      const y = ys.length === 2 ? 1900 + Number(ys) + (Number(ys) < 30 ? 100 : 0) : Number(ys);
      if ((ys.length === 2 || ys.length === 4) && isValidDate(y, m, d)) return this.withClock(i + 5, { year: y, month: m, day: d });
    }
    // Compact 19980807.
    if (t.length === 8 && (t.startsWith("19") || t.startsWith("20"))) {
      const y = Number(t.slice(0, 4));
      const m = Number(t.slice(4, 6));
      const d = Number(t.slice(6, 8));
      if (isValidDate(y, m, d)) return { end: i + 1, type: "DATE", value: formatYmd({ year: y, month: m, day: d }), dateLike: true };
    }
    if (t.length === 4 && (this.w(i + 1) === "utc" || this.w(i + 1) === "gmt") && Number(t.slice(0, 2)) < 24 && Number(t.slice(2)) < 60) {
      return this.timeWithDay(i + 2, `${t.slice(0, 2)}:${t.slice(2)}Z`, null);
    }
    const clock = this.clockTime(i);
    if (clock) return this.timeWithDay(clock.end, clock.hhmm, clock.mod);
    // A clipped year after a year preposition: "since '82" (the century that is not in the future).
    if (t.length === 2 && this.w(i - 1) === "'" && this.adjacent(i) && YEAR_CONTEXT_BEFORE.has(this.w(i - 2))) {
      const yy = Number(t);
      const now = this.dct ? this.dct.year : 2000;
      const year = Math.floor(now / 100) * 100 + yy > now ? Math.floor(now / 100) * 100 - 100 + yy : Math.floor(now / 100) * 100 + yy;
      return { end: i + 1, type: "DATE", value: pad(year, 4), dateLike: true };
    }
    // Day before month: "15 September 2022".
    if (t.length <= 2 && Number(t) >= 1 && Number(t) <= 31) {
      const mj = this.monthAt(i + 1, true);
      if (mj) {
        const d = Number(t);
        return this.monthDay(mj.end, mj.month, d);
      }
    }
    if (t.length === 4) {
      const year = this.yearAt(i);
      if (year !== null) return { end: i + 1, type: "DATE", value: pad(year, 4), dateLike: true };
    }
    return this.duration(i);
  }

  /** A plausible year at token i (a bare 4-digit number), or null when the context says it is a count. */
  private yearAt(i: number): number | null {
    const t = this.w(i);
    if (t.length !== 4 || !this.isNum(i)) return null;
    const y = Number(t);
    if (y < 1200 || y > 2099) return null;
    const prev = this.w(i - 1);
    const next = this.w(i + 1);
    if (prev === "$" || prev === "€" || prev === "£" || prev === "#" || prev === "no" || prev === "number" || this.isNum(i - 1)) return null;
    if (next === "%" || next === "percent" || UNITS.has(next) || next === "million" || next === "billion") return null;
    if ((prev === "," || prev === ".") && this.isNum(i - 2) && this.adjacent(i)) return null; // 1,2000 or 3.2000
    if (this.w(i + 1) === "," && this.isNum(i + 2) && this.adjacent(i + 1)) return null;
    if ((next === ":" || next === ".") && this.isNum(i + 2) && this.adjacent(i + 1)) return null;
    if (MONTHS.has(prev) || YEAR_CONTEXT_BEFORE.has(prev) || this.lx.breakBefore[i] || i === 0) {
      if (prev === "of" || prev === "to" || prev === "and" || prev === "the" || prev === "for" || prev === "at" || prev === "as") {
        if (this.nextIsNoun(i + 1)) return null;
      }
      return y;
    }
    if (next === "" || CLAUSE_END.has(next) || next === "'s" || next === "s") return y;
    if (this.nextIsNoun(i + 1)) return null;
    return this.lx.kind[i + 1] === Kind.Word && this.lx.upper[i + 1] ? null : y;
  }

  /** A lowercase plural-looking noun after a number marks a count ("1500 troops"). */
  private nextIsNoun(j: number): boolean {
    if (j >= this.lx.count || this.lx.kind[j] !== Kind.Word || this.lx.upper[j]) return false;
    const w = this.w(j);
    if (w === "was" || w === "is" || w === "has" || w === "as" || w === "this" || w === "its" || w === "his" || w === "us") return false;
    return w.endsWith("s") || w === "people";
  }

  /** "10:35 a.m.", "3 p.m.", "15:00", "noon" handled elsewhere. Returns HH:MM and the end token. */
  private clockTime(i: number): { end: number; hhmm: string; mod: string | null } | null {
    const t = this.w(i);
    if (t.length > 2) return null;
    let h = Number(t);
    let m = 0;
    let j = i + 1;
    let hasMinutes = false;
    if ((this.w(j) === ":" || this.w(j) === ".") && this.isNum(j + 1) && this.w(j + 1).length === 2 && this.adjacent(j) && this.adjacent(j + 1)) {
      m = Number(this.w(j + 1));
      hasMinutes = this.w(j) === ":";
      if (this.w(j) === "." && !this.meridiemAt(j + 2)) return null;
      j += 2;
      if (this.w(j) === ":" && this.isNum(j + 1) && this.adjacent(j)) j += 2;
    }
    const mer = this.meridiemAt(j);
    if (mer) {
      if (h < 1 || h > 12) return null;
      if (mer.pm && h < 12) h += 12;
      if (!mer.pm && h === 12) h = 0;
      j = mer.end;
    } else if (!hasMinutes || h > 24 || m > 59) {
      return null;
    } else if (this.w(j) !== "" && (this.w(j) === "-" || this.isNum(j))) {
      return null;
    }
    if (m > 59) return null;
    const zone = this.w(j);
    j = this.timeZone(j);
    return { end: j, hhmm: `${pad(h)}:${pad(m)}${zone === "utc" || zone === "gmt" ? "Z" : ""}`, mod: null };
  }

  private meridiemAt(j: number): { pm: boolean; end: number } | null {
    const a = this.w(j);
    if (a === "am" || a === "pm") return { pm: a === "pm", end: j + 1 };
    if ((a === "a" || a === "p") && this.w(j + 1) === "." && this.w(j + 2) === "m" && this.adjacent(j + 1) && this.adjacent(j + 2)) {
      const end = this.w(j + 3) === "." && this.adjacent(j + 3) ? j + 4 : j + 3;
      return { pm: a === "p", end };
    }
    return null;
  }

  private timeZone(j: number): number {
    const z = this.w(j);
    if (z === "est" || z === "edt" || z === "gmt" || z === "utc" || z === "pst" || z === "pdt" || z === "cst" || z === "cdt" || z === "bst" || z === "cet") return j + 1;
    return j;
  }

  /** A clock time optionally followed by its day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6". */
  private timeWithDay(end: number, hhmm: string, mod: string | null): Core {
    let j = end;
    if (this.w(j) === "," ) j++;
    const day = this.dayExpression(j);
    if (day) return { end: day.end, type: "TIME", value: `${day.value}T${hhmm}`, mod };
    const base = this.dct && this.dct.day ? formatYmd(this.dct) : "XXXX-XX-XX";
    return { end, type: "TIME", value: `${base}T${hhmm}`, mod };
  }

  /** A day-granular expression for combining with a clock time: weekday, today, month-day. */
  private dayExpression(j: number): { end: number; value: string } | null {
    const t = this.w(j);
    const wd = WEEKDAYS.get(t);
    if (wd && !AMBIGUOUS_WEEKDAYS.has(t) && this.lx.upper[j]) return { end: j + 1, value: this.resolveWeekday(wd, j, 0) };
    if (t === "today" || t === "tonight") return { end: j + 1, value: this.dctDay(0) };
    if (t === "yesterday") return { end: j + 1, value: this.dctDay(-1) };
    if (t === "tomorrow") return { end: j + 1, value: this.dctDay(1) };
    const mj = this.monthAt(j, true);
    if (mj && this.isNum(mj.end) && this.w(mj.end).length <= 2) {
      const md = this.monthDay(mj.end + 1, mj.month, Number(this.w(mj.end)));
      return { end: md.end, value: md.value };
    }
    return null;
  }

  private dctDay(delta: number): string {
    if (!this.dct || !this.dct.day) return "XXXX-XX-XX";
    return formatYmd(addDays(this.dct, delta));
  }

  /** "2022-12-31 10:00:00" style clock after an ISO or numeric date. */
  private withClock(j: number, d: Ymd): Core {
    if (this.isNum(j) && this.w(j + 1) === ":") {
      const c = this.clockTime(j);
      if (c) return { end: c.end, type: "TIME", value: `${formatYmd(d)}T${c.hhmm}` };
    }
    return { end: j, type: "DATE", value: formatYmd(d), dateLike: true };
  }

  // ---- mixed tokens: 1990s, 3pm, 15th, Q3, FY2022 -----------------------------------------------------

  private mixed(i: number): Core | null {
    const t = this.w(i);
    if (t.length === 5 && t.endsWith("s") && this.isDigits(t, 0, 4)) {
      const y = Number(t.slice(0, 4));
      if (y >= 1000 && y <= 2090 && y % 10 === 0) {
        return { end: i + 1, type: "DATE", value: t.slice(0, 3), dateLike: true };
      }
    }
    if ((t.endsWith("am") || t.endsWith("pm")) && this.isDigits(t, 0, t.length - 2) && t.length <= 4) {
      let h = Number(t.slice(0, -2));
      if (h < 1 || h > 12) return null;
      if (t.endsWith("pm") && h < 12) h += 12;
      if (t.endsWith("am") && h === 12) h = 0;
      return this.timeWithDay(this.timeZone(i + 1), `${pad(h)}:00`, null);
    }
    if (t.length === 2 && t[0] === "q" && t[1]! >= "1" && t[1]! <= "4") {
      const q = Number(t[1]);
      const y = this.isNum(i + 1) && this.w(i + 1).length === 4 ? Number(this.w(i + 1)) : null;
      const year = y ?? this.dct?.year ?? null;
      return { end: y === null ? i + 1 : i + 2, type: "DATE", value: `${year === null ? "XXXX" : pad(year, 4)}-Q${q}`, dateLike: true };
    }
    if (t.startsWith("fy") && t.length === 6 && this.isDigits(t, 2, 6)) return { end: i + 1, type: "DATE", value: `FY${t.slice(2)}`, dateLike: true };
    // Ordinal day before month: "15th September".
    const ordDay = this.ordinalDay(t);
    if (ordDay) {
      let j = i + 1;
      if (this.w(j) === "of") j++;
      const mj = this.monthAt(j, true);
      if (mj) return this.monthDay(mj.end, mj.month, ordDay);
    }
    return null;
  }

  private isDigits(s: string, from: number, to: number): boolean {
    if (to <= from) return false;
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c < 48 || c > 57) return false;
    }
    return true;
  }

  private ordinalDay(t: string): number | null {
    const n = t.length;
    if (n < 3 || n > 4) return null;
    const suf = t.slice(n - 2);
    if (suf !== "st" && suf !== "nd" && suf !== "rd" && suf !== "th") return null;
    if (!this.isDigits(t, 0, n - 2)) return null;
    const d = Number(t.slice(0, n - 2));
    return d >= 1 && d <= 31 ? d : null;
  }

  /** "'90s" */
  private apostropheDecade(i: number): Core | null {
    const t = this.w(i + 1);
    if (this.adjacent(i + 1) && t.length === 3 && t.endsWith("s") && this.isDigits(t, 0, 2) && t[1] === "0") {
      const yy = Number(t.slice(0, 2));
      return { end: i + 2, type: "DATE", value: `${yy < 30 ? 20 : 19}${t[0]}`, dateLike: true };
    }
    return null;
  }

  // ---- months ---------------------------------------------------------------------------------------

  /**
   * A month name at j (with an optional abbreviation period). `strict` demands a capital; ambiguous names
   * ("May", "March") are months here only when the caller has other evidence (a day or year next to them).
   */
  private monthAt(j: number, withEvidence: boolean): { month: number; end: number } | null {
    const t = this.w(j);
    const m = MONTHS.get(t);
    if (!m || !this.lx.upper[j]) return null;
    let end = j + 1;
    const abbrev = t.length <= 4 && t !== "june" && t !== "july" && t !== "may";
    if (abbrev && this.w(end) === "." && this.adjacent(end)) end++;
    if (!withEvidence && AMBIGUOUS_MONTHS.has(t) && t.length <= 5 && !(abbrev && end > j + 1)) {
      if (!this.monthContext(j)) return null;
    }
    return { month: m, end };
  }

  /** A bare ambiguous month needs a temporal preposition or determiner before it ("in May", "last March"). */
  private monthContext(j: number): boolean {
    const p = this.w(j - 1);
    return p === "in" || p === "since" || p === "until" || p === "till" || p === "by" || p === "last" || p === "next" || p === "this" || p === "early" || p === "late" || p === "mid" || p === "-" || p === "through" || p === "during" || p === "before" || p === "from" || p === "of" && this.w(j - 2) === "end";
  }

  /**
   * A year read out in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen eighty",
   * "two thousand", "two thousand and one". Returns the year and the token after it.
   */
  private spelledYear(j: number): { year: number; end: number } | null {
    const a = this.w(j);
    if (a === "two" && this.w(j + 1) === "thousand") {
      let k = j + 2;
      if (this.w(k) === "and") k++;
      const unit = NUMBER_WORDS.get(this.w(k));
      if (unit !== undefined && unit < 20) return { year: 2000 + unit, end: k + 1 };
      return { year: 2000, end: j + 2 };
    }
    const century = a === "nineteen" ? 1900 : a === "eighteen" ? 1800 : 0;
    const tens = NUMBER_WORDS.get(this.w(j + 1));
    if (!century || tens === undefined || tens < 20 || tens > 90 || tens % 10 !== 0) return null;
    if (this.w(j + 2) === "-") {
      const unit = NUMBER_WORDS.get(this.w(j + 3));
      if (unit !== undefined && unit >= 1 && unit <= 9) return { year: century + tens + unit, end: j + 4 };
    }
    return { year: century + tens, end: j + 2 };
  }

  /** After "Month": a day (and year), a year, or nothing. */
  private monthExpression(i: number): Core | null {
    const mj = this.monthAt(i, false);
    let j: number;
    if (!mj) {
      // Ambiguous months still read as months when a day or year follows ("May 5", "March 2013").
      const m = MONTHS.get(this.w(i));
      if (!m || !this.lx.upper[i]) return null;
      let k = i + 1;
      if (this.w(k) === "." && this.adjacent(k)) k++;
      if (!this.isNum(k)) return null;
      const n = this.w(k);
      if (n.length <= 2 && Number(n) >= 1 && Number(n) <= 31) return this.monthDay(k + 1, m, Number(n));
      if (n.length === 4) return this.monthYear(k, m);
      return null;
    }
    const month = mj.month;
    j = mj.end;
    const n = this.w(j);
    if (this.isNum(j) && n.length <= 2 && Number(n) >= 1 && Number(n) <= 31 && this.w(j + 1) !== ":" && !UNITS.has(this.w(j + 1))) return this.monthDay(j + 1, month, Number(n));
    const od = this.lx.kind[j] === Kind.Mixed ? this.ordinalDay(n) : null;
    if (od) return this.monthDay(j + 1, month, od);
    if (this.isNum(j) && n.length === 4) return this.monthYear(j, month);
    if ((n === "," || n === "of") && this.isNum(j + 1) && this.w(j + 1).length === 4) return this.monthYear(j + 1, month);
    const spelled = this.spelledYear(j);
    if (spelled) return { end: spelled.end, type: "DATE", value: formatYm(spelled.year, month), dateLike: true };
    // Bare month: abbreviations need a day; full names resolve against the DCT.
    const name = this.w(i);
    if (name.length <= 4 && name !== "june" && name !== "july" && name !== "may") return null;
    return { end: j, type: "DATE", value: this.resolveMonth(month, i, 0), dateLike: true };
  }

  private monthYear(j: number, month: number): Core | null {
    const y = Number(this.w(j));
    if (y < 1000 || y > 2099) return null;
    return { end: j + 1, type: "DATE", value: formatYm(y, month), dateLike: true };
  }

  /** Month and day seen; an optional ", YYYY" follows. */
  private monthDay(j: number, month: number, day: number): Core & { value: string } {
    let k = j;
    if (this.w(k) === "," && this.isNum(k + 1) && this.w(k + 1).length === 4) k++;
    if (this.isNum(k) && this.w(k).length === 4) {
      const y = Number(this.w(k));
      if (isValidDate(y, month, day)) return { end: k + 1, type: "DATE", value: formatYmd({ year: y, month, day }), dateLike: true };
    }
    return { end: j, type: "DATE", value: this.resolveMonthDay(month, day, j, 0), dateLike: true };
  }

  // ---- words ----------------------------------------------------------------------------------------

  private word(i: number, t: string): Core | null {
    const mon = MONTHS.get(t);
    if (mon !== undefined) {
      const r = this.monthExpression(i);
      if (r) return r;
    }
    const wd = WEEKDAYS.get(t);
    if (wd !== undefined) return this.weekdayExpression(i, wd, 0, i);
    // Plural weekdays are recurrences: "on Tuesdays" = every Tuesday.
    const wds = t.length > 6 && t.endsWith("days") ? WEEKDAYS.get(t.slice(0, -1)) : undefined;
    if (wds !== undefined && this.lx.upper[i]) return { end: i + 1, type: "SET", value: `XXXX-WXX-${wds}` };
    if (t === "the") return this.theExpression(i);
    switch (t) {
      case "today":
        return this.dayWithPart(i + 1, 0);
      case "yesterday":
        return this.dayWithPart(i + 1, -1);
      case "tomorrow":
        return this.dayWithPart(i + 1, 1);
      case "tonight":
        return { end: i + 1, type: "TIME", value: `${this.dctDay(0)}TNI` };
      case "now":
        return this.now(i);
      case "currently":
      case "presently":
      case "nowadays":
        return { end: i + 1, type: "DATE", value: "PRESENT_REF", dateLike: true };
      // "previously"/"formerly" mark anteriority, not a time ("a previously unknown"): TimeBank rarely tags them.
      case "recently":
      case "lately":
        return { end: i + 1, type: "DATE", value: "PAST_REF", dateLike: true };
      case "soon":
        return this.w(i - 1) === "as" || this.w(i + 1) === "as" || this.w(i + 1) === "after" ? null : { end: i + 1, type: "DATE", value: "FUTURE_REF", dateLike: true };
      case "recent":
        return this.recentUnits(i);
      case "these":
        return this.w(i + 1) === "days" ? { end: i + 2, type: "DATE", value: "PRESENT_REF", dateLike: true } : null;
      case "last":
      case "next":
      case "this":
      case "past":
      case "coming":
      case "previous":
        return this.relative(i, t);
      case "that":
        return this.anaphoric(i + 1, i);
      case "every":
      case "each":
        return this.every(i);
      case "daily":
      case "weekly":
      case "monthly":
      case "annually":
      case "yearly":
      case "hourly":
      case "nightly":
      case "biweekly":
        return this.adverbSet(i, t);
      case "twice":
      case "once":
        return this.timesPer(i + 1);
      case "per":
        return this.perUnit(i);
      case "noon":
      case "midday":
        return this.timeWithDay(i + 1, "12:00", null);
      case "midnight":
        return this.timeWithDay(i + 1, "24:00", null);
      case "fiscal": {
        const y = this.isNum(i + 1) ? this.yearAt(i + 1) : null;
        if (y !== null) return { end: i + 2, type: "DATE", value: pad(y, 4), dateLike: true };
        return this.ordinalPeriod(i + 1, i);
      }
      case "year":
        if (this.w(i + 1) === "-" && (this.w(i + 2) === "earlier" || this.w(i + 2) === "ago")) return this.yearEarlier(i + 3, i);
        if (this.w(i + 1) === "-" && this.w(i + 2) === "end") return { end: i + 3, type: "DATE", value: this.dct ? pad(this.dct.year, 4) : "XXXX", mod: "END", dateLike: true };
        return null;
      case "a":
      case "an":
        return this.aUnit(i);
      default:
        break;
    }
    const season = SEASONS.get(t);
    if (season !== undefined) return this.seasonExpression(i, season, 0, i);
    const holiday = this.holiday(i);
    if (holiday) return holiday;
    const ord = ORDINALS.get(t);
    if (ord !== undefined) return this.ordinalPeriod(i, i);
    if (t === "nineteen" || t === "eighteen") {
      // "in nineteen ninety-six" (a year) but not "nineteen ninety-six people" (a count).
      const y = this.spelledYear(i);
      if (y && !this.nextIsNoun(y.end)) return { end: y.end, type: "DATE", value: pad(y.year, 4), dateLike: true };
    }
    if (NUMBER_WORDS.has(t) || VAGUE_QUANTITIES.has(t) || t === "half" || t === "couple") return this.duration(i);
    if (UNITS.has(t) && t.endsWith("s")) return this.bareUnits(i);
    return null;
  }

  private now(i: number): Core | null {
    const n = this.w(i + 1);
    const p = this.w(i - 1);
    // Sentence-opening "Now, ..." / "Now for ..." is a discourse marker, not a time.
    if (this.lx.upper[i] && (n === "," || n === "for")) return null;
    // Fixed phrases where "now" is not a time: "now that", "every now and then", "just now" (discourse).
    if (n === "that" || (p === "every" && n === "and") || (n === "and" && this.w(i + 2) === "then")) return null;
    return { end: i + 1, type: "DATE", value: "PRESENT_REF", dateLike: true };
  }

  private dayWithPart(j: number, delta: number): Core {
    const part = PARTS_OF_DAY.get(this.w(j));
    if (part) return { end: j + 1, type: "TIME", value: `${this.dctDay(delta)}T${part}` };
    return { end: j, type: "DATE", value: this.dctDay(delta), dateLike: true };
  }

  /** "Friday", "Friday morning", "Thursday, Sept. 15, 2022". */
  private weekdayExpression(i: number, wd: number, direction: number, start: number): Core | null {
    const t = this.w(i);
    if (!this.lx.upper[i]) return null;
    let j = i + 1;
    if (AMBIGUOUS_WEEKDAYS.has(t)) {
      if (this.w(j) === "." && this.adjacent(j)) j++;
      else return null;
    }
    // A full date after the weekday wins: "Thursday, Sept. 15, 2022".
    const k = this.w(j) === "," ? j + 1 : j;
    const mj = this.monthAt(k, true);
    if (mj && this.isNum(mj.end)) {
      const d = this.monthExpression(k);
      if (d && d.end > mj.end) return d;
    }
    if (start === i && !this.weekdayContextOk(i)) return null;
    if (this.w(j) === "the" && this.w(j + 1) && this.ordinalDay(this.w(j + 1))) return null; // "Friday the 13th"
    if (this.w(j) === "s" && this.w(j - 1) === "'") return null;
    const value = this.resolveWeekday(wd, i, direction);
    const part = PARTS_OF_DAY.get(this.w(j));
    if (part) return { end: j + 1, type: "TIME", value: `${value}T${part}` };
    return { end: j, type: "DATE", value, dateLike: true };
  }

  /** Weekday names inside titles or names ("Freaky Friday", "Friday Night Lights") are not dates. */
  private weekdayContextOk(i: number): boolean {
    const p = this.w(i - 1);
    if (i > 0 && !this.lx.breakBefore[i] && this.lx.upper[i - 1] && this.lx.kind[i - 1] === Kind.Word) {
      const sentenceStart = i < 2 || CLAUSE_END.has(this.w(i - 2)) && this.w(i - 2) !== "and" || this.lx.breakBefore[i - 1];
      if (!(sentenceStart && SENTENCE_START_BEFORE_WEEKDAY.has(p)) && !MONTHS.has(p) && !WEEKDAYS.has(p) && !this.weekdayAfterName(i)) return false;
    }
    const n = this.w(i + 1);
    if (this.lx.upper[i + 1] && this.lx.kind[i + 1] === Kind.Word && !MONTHS.has(n) && !PARTS_OF_DAY.has(n) && !this.lx.breakBefore[i + 1]) {
      return false;
    }
    return true;
  }

  /**
   * News style puts the day right after a place or a name: "talks in Paris Tuesday.", "The World Court
   * Friday rejected". Accepted when the name follows a preposition or is itself multiword, and the day ends
   * the clause or precedes a past-tense verb; a title ("the film Freaky Friday was remade") has neither.
   */
  private weekdayAfterName(i: number): boolean {
    const n = this.w(i + 1);
    const closes = n === "," || n === "." || n === ";" || (this.lx.kind[i + 1] === Kind.Word && !this.lx.upper[i + 1] && n.length > 4 && n.endsWith("ed"));
    if (!closes) return false;
    const pp = this.w(i - 2);
    return NAME_PREPOSITIONS.has(pp) || (this.lx.upper[i - 2] === 1 && this.lx.kind[i - 2] === Kind.Word && !this.lx.breakBefore[i - 1]);
  }

  private seasonExpression(i: number, season: string, direction: number, start: number): Core | null {
    const t = this.w(i);
    const p = this.w(start - 1);
    if (t === "fall" || t === "spring") {
      // "fall"/"spring" are verbs and nouns too: demand a determiner or temporal preposition before.
      const det = start < i || p === "in" || p === "this" || p === "last" || p === "next" || p === "early" || p === "late" || p === "the";
      if (!det) return null;
    }
    if (this.lx.upper[i + 1] && this.lx.kind[i + 1] === Kind.Word && !this.lx.breakBefore[i + 1]) return null; // "Winter Olympics"
    let j = i + 1;
    if (this.w(j) === "of" && this.isNum(j + 1) && this.w(j + 1).length === 4) j++;
    else if (this.w(j) === "of") {
      if (this.w(j + 1) === "this" || this.w(j + 1) === "last" || this.w(j + 1) === "next") {
        const y = this.relYear(this.w(j + 1));
        if (this.w(j + 2) === "year") return { end: j + 3, type: "DATE", value: `${y}-${season}`, dateLike: true };
      }
      const spelled = this.spelledYear(j + 1);
      if (spelled) return { end: spelled.end, type: "DATE", value: `${pad(spelled.year, 4)}-${season}`, dateLike: true };
      if (t === "fall" || t === "spring") return null; // "the fall of Kabul"
    }
    if (this.isNum(j) && this.w(j).length === 4) return { end: j + 1, type: "DATE", value: `${this.w(j)}-${season}`, dateLike: true };
    if (this.w(i + 1) === "-") return null;
    let year: string;
    if (!this.dct) year = "XXXX";
    else if (direction !== 0) year = pad(this.dct.year + (direction > 0 ? 1 : -1) * (direction === 2 ? 0 : 1), 4);
    else {
      const tense = tenseAt(this.lx, i);
      const cur = seasonOf(this.dct.month);
      const order = ["SP", "SU", "FA", "WI"];
      const delta = order.indexOf(season) - order.indexOf(cur);
      let y = this.dct.year;
      if (tense === Tense.Past && delta > 0) y--;
      if (tense === Tense.Future && delta < 0) y++;
      year = pad(y, 4);
    }
    return { end: i + 1, type: "DATE", value: `${year}-${season}`, dateLike: true };
  }

  private relYear(w: string): string {
    if (!this.dct) return "XXXX";
    return pad(this.dct.year + (w === "last" ? -1 : w === "next" ? 1 : 0), 4);
  }

  private holiday(i: number): Core | null {
    if (!this.lx.upper[i]) return null;
    for (const [words, month, day] of FIXED_HOLIDAYS) {
      if (!this.seq(i, words)) continue;
      const end = i + words.length;
      return this.holidayYear(end, (y) => ({ year: y, month, day }), i);
    }
    for (const [words, rule] of MOVABLE_HOLIDAYS) {
      if (!this.seq(i, words)) continue;
      return this.holidayYear(i + words.length, (y) => movable(rule, y), i);
    }
    return null;
  }

  private holidayYear(end: number, on: (year: number) => Ymd, i: number): Core {
    if (this.isNum(end) && this.w(end).length === 4) {
      return { end: end + 1, type: "DATE", value: formatYmd(on(Number(this.w(end)))), dateLike: true };
    }
    const p = this.w(i - 1);
    if (!this.dct || !this.dct.month || !this.dct.day) {
      const d = on(2000);
      return { end, type: "DATE", value: `XXXX-${pad(d.month)}-${pad(d.day)}`, dateLike: true };
    }
    const dct = this.dct;
    const direction = p === "last" ? -1 : p === "next" ? 1 : directionOf(tenseAt(this.lx, i));
    const cands = [on(dct.year - 1), on(dct.year), on(dct.year + 1)];
    return { end, type: "DATE", value: formatYmd(pick(cands, dct, direction)), dateLike: true };
  }

  // ---- relative and anaphoric -----------------------------------------------------------------------

  /** "last week", "next spring", "this month", "past two years", "the coming days". */
  private relative(i: number, t: string, start = i): Core | null {
    const n = this.w(i + 1);
    const dir = t === "last" || t === "past" || t === "previous" ? -1 : t === "next" || t === "coming" ? 1 : 0;
    // "the past N units" / "the last two years" are durations.
    if (start < i || t === "past" || t === "last" || t === "next" || t === "coming") {
      const q = this.quantity(i + 1);
      if (q && q.end > i + 1) {
        const unit = UNITS.get(this.w(q.end));
        if (unit) return { end: q.end + 1, type: "DURATION", value: durationValue(q.value, unit) };
      }
    }
    if (n === "week" || n === "month" || n === "year" || n === "quarter" || n === "weekend" || n === "decade" || n === "century") {
      // "over the past year" is annotated as the previous calendar year, not as a one-year duration.
      if ((t === "past" || t === "last") && start < i && n === "year" && this.w(i + 2) !== "of" && this.dct) {
        return { end: i + 2, type: "DATE", value: pad(this.dct.year - 1, 4), dateLike: true };
      }
      if (t === "last" && start < i && n === "week" && this.w(i + 2) === "of") return this.lastWeekOf(i + 3);
      if ((t === "past" || ((t === "last" || t === "coming" || t === "next") && start < i)) && n !== "weekend") {
        const unit = UNITS.get(n)!;
        return { end: i + 2, type: "DURATION", value: durationValue(1, unit) };
      }
      if (start < i && t === "previous") return this.anaphoricUnit(i + 2, n, -1);
      return { end: i + 2, type: "DATE", value: this.shiftDct(n, dir), dateLike: true };
    }
    if ((t === "past" || t === "coming" || t === "next") && start < i && (n === "days" || n === "weeks" || n === "months" || n === "years" || n === "decades")) {
      return { end: i + 2, type: "DURATION", value: `PX${UNITS.get(n)!.letter}` };
    }
    if (n === "few" || n === "several") {
      const unit = UNITS.get(this.w(i + 2));
      if (unit) return { end: i + 3, type: "DURATION", value: `P${unit.time ? "T" : ""}X${unit.letter}` };
    }
    if (t === "past" || t === "previous" || t === "coming") return null;
    const wd = WEEKDAYS.get(n);
    if (wd !== undefined && !AMBIGUOUS_WEEKDAYS.has(n) && this.lx.upper[i + 1]) {
      const value = this.resolveWeekday(wd, i + 1, dir === 0 ? 2 : dir * 3);
      const part = PARTS_OF_DAY.get(this.w(i + 2));
      if (part) return { end: i + 3, type: "TIME", value: `${value}T${part}` };
      return { end: i + 2, type: "DATE", value, dateLike: true };
    }
    const month = MONTHS.get(n);
    if (month !== undefined && this.lx.upper[i + 1] && n.length > 3) {
      return { end: i + 2, type: "DATE", value: this.resolveMonth(month, i + 1, dir === 0 ? 0 : dir * 3), dateLike: true };
    }
    const season = SEASONS.get(n);
    if (season !== undefined && this.dct) {
      let y = this.dct.year + dir;
      if (dir === 1 && season === "WI" && this.dct.month <= 2) y = this.dct.year;
      return { end: i + 2, type: "DATE", value: `${pad(y, 4)}-${season}`, dateLike: true };
    }
    const part = PARTS_OF_DAY.get(n);
    if (part && (t === "this" || t === "last")) {
      if (t === "last" && n !== "night") return null;
      return { end: i + 2, type: "TIME", value: `${this.dctDay(t === "last" ? -1 : 0)}T${part}` };
    }
    return null;
  }

  /** "the last week of March": the last ISO week that ends inside the month. */
  private lastWeekOf(j: number): Core | null {
    const month = MONTHS.get(this.w(j));
    if (month === undefined || !this.lx.upper[j]) return null;
    const explicit = this.isNum(j + 1) ? this.yearAt(j + 1) : null;
    const dated = explicit !== null ? null : this.resolveMonth(month, j, 0);
    const year = explicit ?? (dated && !dated.startsWith("X") ? Number(dated.slice(0, 4)) : null);
    if (year === null) return null;
    const last = { year, month, day: daysInMonth(year, month) };
    const sunday = addDays(last, -(weekday(last) % 7));
    return { end: explicit !== null ? j + 2 : j + 1, type: "DATE", value: formatWeek(sunday), dateLike: true };
  }

  /** "the previous year", "the previous day": relative to the date in focus. */
  private anaphoricUnit(end: number, unit: string, delta: number): Core | null {
    const f = this.focus.ymd ?? (this.dct && this.dct.day ? this.dct : null);
    if (!f) return null;
    return { end, type: "DATE", value: shift(f, unit, delta), dateLike: true };
  }

  /** "that day", "that year", "that time". */
  private anaphoric(j: number, start: number): Core | null {
    const n = this.w(j);
    if (n !== "day" && n !== "week" && n !== "month" && n !== "year" && n !== "time") return null;
    if (this.w(j + 1) === "-" || this.w(start - 1) === "so") return null;
    if (n === "time") {
      if (!this.focus.value) return null;
      return { end: j + 1, type: "DATE", value: this.focus.value, dateLike: true };
    }
    const f = this.focus.ymd;
    if (!f) return null;
    return { end: j + 1, type: "DATE", value: shift(f, n, 0), dateLike: true };
  }

  /** Expressions opening with "the". */
  private theExpression(i: number): Core | null {
    const n = this.w(i + 1);
    switch (n) {
      case "past":
        if (!UNITS.has(this.w(i + 2)) && !NUMBER_WORDS.has(this.w(i + 2)) && !this.isNum(i + 2) && this.w(i + 2) !== "few" && this.w(i + 2) !== "several") {
          return CLAUSE_END.has(this.w(i + 2)) || this.w(i + 2) === "" ? { end: i + 2, type: "DATE", value: "PAST_REF", dateLike: true } : null;
        }
        return this.relative(i + 1, n, i);
      case "future":
        return { end: i + 2, type: "DATE", value: "FUTURE_REF", dateLike: true };
      case "present":
        return CLAUSE_END.has(this.w(i + 2)) || this.w(i + 2) === "" ? { end: i + 2, type: "DATE", value: "PRESENT_REF", dateLike: true } : null;
      case "last":
      case "next":
      case "coming":
      case "previous":
      case "following": {
        const u = this.w(i + 2);
        if (n === "previous" || n === "following" || (n === "next" && (u === "day" || u === "morning"))) {
          if (u === "day" || u === "week" || u === "month" || u === "year") return this.anaphoricUnit(i + 3, u, n === "previous" ? -1 : 1);
          return null;
        }
        return this.relative(i + 1, n, i);
      }
      case "near":
      case "short":
      case "long":
        return this.w(i + 2) === "term" ? { end: i + 3, type: "DATE", value: "FUTURE_REF", dateLike: true } : null;
      case "time": {
        // "at the time": the date in focus, when there is one ("at the time of the attack" names an event).
        const after = this.w(i + 2);
        if (after === "being") return { end: i + 3, type: "DATE", value: "PRESENT_REF", dateLike: true };
        if (this.w(i - 1) !== "at" || !this.focus.value || after === "of" || after === "when" || after === "that") return null;
        return { end: i + 2, type: "DATE", value: this.focus.value, dateLike: true };
      }
      case "same":
        if (this.w(i + 2) === "day" && this.focus.ymd) return { end: i + 3, type: "DATE", value: formatYmd(this.focus.ymd), dateLike: true };
        return null;
      case "day":
        return this.theDay(i);
      case "year":
      case "quarter":
      case "week":
      case "month":
        return this.theUnit(i + 1, n);
      case "weekend":
        return this.dct && this.dct.day ? { end: i + 2, type: "DATE", value: `${formatWeek(this.weekendWeek(i))}-WE`, dateLike: true } : null;
      case "latest":
      case "current":
      case "fiscal":
      case "first":
      case "second":
      case "third":
      case "fourth":
      case "final":
        return this.ordinalPeriod(i + 1, i);
      case "year-earlier":
      case "year-ago":
        return this.yearEarlier(i + 2, i);
      case "end":
      case "beginning":
      case "start":
      case "middle":
        return null; // position modifiers are handled by matchAt
      default:
        break;
    }
    // "the 1990s", "the spring of 2023", "the nine months", "the harsh winter".
    const k = this.lx.kind[i + 1];
    if (k === Kind.Mixed) {
      const c = this.mixed(i + 1);
      return c && c.dateLike ? c : null;
    }
    if (n === "'") return this.apostropheDecade(i + 1);
    const season = SEASONS.get(n);
    if (season !== undefined) return this.seasonExpression(i + 1, season, 0, i);
    const adjSeason = SEASONS.get(this.w(i + 2));
    if (adjSeason !== undefined && this.lx.kind[i + 1] === Kind.Word && !this.lx.upper[i + 1] && (n === "harsh" || n === "cold" || n === "long" || n === "hot" || n === "upcoming" || n === "dry" || n === "rainy" || n === "bitter")) {
      return this.seasonExpression(i + 2, adjSeason, 0, i);
    }
    const ordinalCentury = this.century(i + 1);
    if (ordinalCentury) return ordinalCentury;
    if (this.isNum(i + 1) || NUMBER_WORDS.has(n)) {
      const q = this.quantity(i + 1);
      if (q) {
        const unit = UNITS.get(this.w(q.end));
        if (unit && (q.value === null || q.value > 1 || this.isNum(i + 1))) return { end: q.end + 1, type: "DURATION", value: durationValue(q.value, unit) };
      }
      if (this.isNum(i + 1) && this.w(i + 1).length === 4 && this.w(i + 2) === "period") {
        return { end: i + 3, type: "DATE", value: this.w(i + 1), dateLike: true };
      }
    }
    return null;
  }

  /**
   * "the day before" / "the day after" shift the date in focus; a bare "the day" ("ended the day higher",
   * "later in the day") is that date itself. "the day after falling" is the bare day plus a clause.
   */
  private theDay(i: number): Core | null {
    const n = this.w(i + 2);
    const after = this.w(i + 3);
    const clause = after.endsWith("ing") || after === "the" || after === "a";
    if ((n === "before" || n === "after") && !clause) return this.anaphoricUnit(i + 3, "day", n === "before" ? -1 : 1);
    // "the day of the vote", "the day when", "day-to-day", "carry the day" do not name the day in focus.
    if (n === "of" || n === "when" || n === "that" || n === "on" || n === "-" || n === "'" || IDIOM_DAY_VERBS.has(this.w(i - 1))) return null;
    return this.anaphoricUnit(i + 2, "day", 0);
  }

  /** "the year", "the quarter", "the week": the DCT's period (for "the quarter", the last reported one). */
  private theUnit(j: number, n: string): Core | null {
    if (!this.dct || !this.dct.month) return null;
    const next = this.w(j + 1);
    if (next === "-" || next === "'" || next === "of" || next === "before" || next === "after" || next === "earlier" || next === "ago") {
      if (n === "year" && next === "of") return null;
      if (n === "year" && (next === "before" || next === "earlier")) return this.anaphoricUnit(j + 2, "year", -1);
      return null;
    }
    if (n === "quarter") {
      const q = Math.floor((this.dct.month - 1) / 3);
      const prev = q === 0 ? { y: this.dct.year - 1, q: 4 } : { y: this.dct.year, q };
      return { end: j + 1, type: "DATE", value: `${prev.y}-Q${prev.q}`, dateLike: true };
    }
    // "the year ended Sept. 30": a fiscal year, annotated as a one-year duration beside its end date.
    if (n === "year" && (next === "ended" || next === "ending")) return { end: j + 1, type: "DURATION", value: "P1Y" };
    const spelled = n === "year" ? this.spelledYear(j + 1) : null;
    if (spelled) return { end: spelled.end, type: "DATE", value: pad(spelled.year, 4), dateLike: true };
    if (n === "year") return { end: j + 1, type: "DATE", value: pad(this.dct.year, 4), dateLike: true };
    if (n === "month") return { end: j + 1, type: "DATE", value: formatYm(this.dct.year, this.dct.month), dateLike: true };
    if (!this.dct.day) return null;
    return { end: j + 1, type: "DATE", value: formatWeek(this.dct), dateLike: true };
  }

  /** The week of the weekend meant: the coming one for future tense, else the last one. */
  private weekendWeek(i: number): Ymd {
    const dct = this.dct!;
    const wd = weekday(dct);
    const tense = tenseAt(this.lx, i);
    if (wd >= 6) return dct;
    if (tense === Tense.Future) return addDays(dct, 6 - wd);
    return addDays(dct, -wd - 1);
  }

  /**
   * In earnings prose "a year ago" means the same quarter a year before the one under discussion:
   * used when a quarter is in focus and the word "quarter" occurs shortly before.
   */
  private yearBeforeQuarter(i: number): string | null {
    const q = this.focus.quarter;
    if (!q || !this.recentQuarter(q)) return null;
    let sameSentence = true;
    for (let k = i - 1; k >= 0 && k >= i - 40; k--) {
      const w = this.w(k);
      if (w === "quarter" || w === "quarterly" || (sameSentence && FIGURE_WORDS.has(w))) return `${pad(Number(q.slice(0, 4)) - 1, 4)}${q.slice(4)}`;
      if (w === "." && k < i - 1) sameSentence = false;
    }
    return null;
  }

  /**
   * A quarter in focus is the one under report only if it is the DCT's or one of the two before it: an
   * older one ("1988-Q3" from an earlier "a year ago") is the comparison period itself, and a further
   * "a year earlier" then means the year, not a quarter two years back.
   */
  private recentQuarter(q: string): boolean {
    if (!this.dct || !this.dct.month) return true;
    const index = Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
    const dctIndex = this.dct.year * 4 + Math.floor((this.dct.month - 1) / 3);
    return index >= dctIndex - 2;
  }

  /** "year-earlier" (the same period a year before the DCT's). */
  private yearEarlier(end: number, start: number): Core | null {
    if (!this.dct) return null;
    let e = end;
    if (this.w(e) === "quarter" || this.w(e) === "period") {
      const q = Math.floor((this.dct.month - 1) / 3);
      const prev = q === 0 ? { y: this.dct.year - 2, q: 4 } : { y: this.dct.year - 1, q };
      e++;
      return { end: e, type: "DATE", value: `${prev.y}-Q${prev.q}`, dateLike: true };
    }
    return { end: e, type: "DATE", value: this.yearBeforeQuarter(start) ?? pad(this.dct.year - 1, 4), dateLike: true };
  }

  /** "third quarter [of 2022]", "the first half", "the fiscal first quarter", "the latest quarter", "the first nine months". */
  private ordinalPeriod(j: number, start: number): Core | null {
    let k = j;
    let latest = false;
    if (this.w(k) === "fiscal") k++;
    if (this.w(k) === "latest" || this.w(k) === "current") {
      latest = true;
      k++;
    }
    const ordWord = this.w(k);
    const ord = ORDINALS.get(ordWord);
    if (ord === undefined && !latest) return null;
    if (ord !== undefined) k++;
    if (this.w(k) === "-" ) k++;
    if (this.w(k) === "fiscal") k++;
    const unitWord = this.w(k);
    // "the first nine months": a duration.
    if (ord === 1 || latest) {
      const q = this.quantity(k);
      if (q && q.value !== null && q.value > 1) {
        const unit = UNITS.get(this.w(q.end));
        if (unit) return { end: q.end + 1, type: "DURATION", value: durationValue(q.value, unit) };
      }
    }
    if (unitWord !== "quarter" && unitWord !== "half") return null;
    if (ord !== undefined && ord > (unitWord === "quarter" ? 4 : 2)) return null;
    if (start === j && this.lx.kind[j] !== Kind.Word) return null;
    // Not "the first half of the game": demand a year or a bare end.
    let end = k + 1;
    let year: number | null = null;
    if (this.w(end) === "of" || this.w(end) === ",") {
      if (this.isNum(end + 1) && this.w(end + 1).length === 4) {
        year = Number(this.w(end + 1));
        end += 2;
      } else if ((this.w(end + 1) === "this" || this.w(end + 1) === "last" || this.w(end + 1) === "next") && this.w(end + 2) === "year") {
        year = this.dct ? this.dct.year + (this.w(end + 1) === "last" ? -1 : this.w(end + 1) === "next" ? 1 : 0) : null;
        end += 3;
      } else if (this.w(end) === "of" && this.w(end + 1) === "the" && this.w(end + 2) !== "year") {
        return null;
      }
    } else if (this.isNum(end) && this.w(end).length === 4) {
      year = Number(this.w(end));
      end++;
    }
    if (this.w(start - 1) === "this" && this.w(start - 2) === "'") year = this.dct?.year ?? null;
    const letter = unitWord === "quarter" ? "Q" : "H";
    let n = ord ?? -1;
    if (latest || n === -1) {
      if (!this.dct || !this.dct.month) return null;
      const q = Math.floor((this.dct.month - 1) / 3);
      if (letter === "Q") return { end, type: "DATE", value: q === 0 ? `${this.dct.year - 1}-Q4` : `${this.dct.year}-Q${q}`, dateLike: true };
      n = this.dct.month > 6 ? 1 : 2;
      if (n === 2) return { end, type: "DATE", value: `${this.dct.year - 1}-H2`, dateLike: true };
    }
    const y = year ?? this.dct?.year ?? null;
    return { end, type: "DATE", value: `${y === null ? "XXXX" : pad(y, 4)}-${letter}${n}`, dateLike: true };
  }

  /** "the 20th century", "the nineteenth century". */
  private century(j: number): Core | null {
    const t = this.w(j);
    let n = this.ordinalDay(t) ?? ORDINALS.get(t) ?? null;
    if (n === null) {
      const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(t);
      if (m) n = Number(m[1]);
    }
    if (n === null || n < 1 || this.w(j + 1) !== "century") return null;
    return { end: j + 2, type: "DATE", value: pad(n - 1, 2), dateLike: true };
  }

  private recentUnits(i: number): Core | null {
    const n = this.w(i + 1);
    if (n === "years" || n === "months" || n === "weeks" || n === "days" || n === "decades") return { end: i + 2, type: "DATE", value: "PAST_REF", dateLike: true };
    return null;
  }

  // ---- sets -----------------------------------------------------------------------------------------

  private every(i: number): Core | null {
    let j = i + 1;
    if (this.w(j) === "other") j++;
    const n = this.w(j);
    const wd = WEEKDAYS.get(n);
    if (wd !== undefined && this.lx.upper[j] && !AMBIGUOUS_WEEKDAYS.has(n)) return { end: j + 1, type: "SET", value: `XXXX-WXX-${wd}` };
    const m = MONTHS.get(n);
    if (m !== undefined && this.lx.upper[j] && n.length > 3) return { end: j + 1, type: "SET", value: `XXXX-${pad(m)}` };
    const season = SEASONS.get(n);
    if (season !== undefined) return { end: j + 1, type: "SET", value: `XXXX-${season}` };
    const part = PARTS_OF_DAY.get(n);
    if (part) return { end: j + 1, type: "SET", value: `XXXX-XX-XXT${part}` };
    const q = this.quantity(j);
    if (q && q.end > j) {
      const unit = UNITS.get(this.w(q.end));
      if (unit) return { end: q.end + 1, type: "SET", value: durationValue(q.value, unit) };
    }
    const unit = UNITS.get(n);
    if (unit && !n.endsWith("s")) return { end: j + 1, type: "SET", value: durationValue(j > i + 1 ? 2 : 1, unit) };
    if (n === "weekend") return { end: j + 1, type: "SET", value: "XXXX-WXX-WE" };
    return null;
  }

  private adverbSet(i: number, t: string): Core | null {
    const map: Record<string, string> = {
      daily: "P1D", weekly: "P1W", monthly: "P1M", annually: "P1Y", yearly: "P1Y", hourly: "PT1H", nightly: "P1D", biweekly: "P2W",
    };
    // "daily" as an adjective before a noun ("a daily newspaper") is still a SET in TimeML.
    return { end: i + 1, type: "SET", value: map[t] ?? "P1D" };
  }

  /** "twice a week", "three times a year", "once a month". */
  private timesPer(j: number): Core | null {
    const a = this.w(j);
    if (a !== "a" && a !== "an" && a !== "per" && a !== "every" && a !== "each") return null;
    const unit = UNITS.get(this.w(j + 1));
    if (!unit || this.w(j + 1).endsWith("s")) return null;
    return { end: j + 2, type: "SET", value: durationValue(1, unit) };
  }

  private perUnit(i: number): Core | null {
    const unit = UNITS.get(this.w(i + 1));
    if (!unit || this.w(i + 1).endsWith("s")) return null;
    return { end: i + 2, type: "SET", value: durationValue(1, unit) };
  }

  // ---- durations ------------------------------------------------------------------------------------

  /**
   * A quantity at j: digits, number words ("twenty-five", "two hundred"), "a few", "several", "half a",
   * "a"/"an". Value null means unspecified (X).
   */
  private quantity(j: number): { value: number | null; end: number } | null {
    const t = this.w(j);
    if (this.isNum(j)) {
      let v = Number(t);
      let end = j + 1;
      if (this.w(end) === "." && this.isNum(end + 1) && this.adjacent(end) && this.adjacent(end + 1)) {
        v = Number(`${t}.${this.w(end + 1)}`);
        end += 2;
      }
      if (this.w(end) === "-" && UNITS.has(this.w(end + 1))) end++; // "16-hour"
      return { value: v, end };
    }
    if (t === "a" || t === "an") {
      const n = this.w(j + 1);
      if (n === "few" || n === "couple") return { value: null, end: this.w(j + 2) === "of" ? j + 3 : j + 2 };
      if (n === "dozen") return { value: 12, end: j + 2 };
      if (n === "half") return { value: 0.5, end: j + 2 };
      return { value: 1, end: j + 1 };
    }
    if (t === "half") {
      if (this.w(j + 1) === "a" || this.w(j + 1) === "an") return { value: 0.5, end: j + 2 };
      return null;
    }
    if (VAGUE_QUANTITIES.has(t)) return { value: null, end: j + 1 };
    if (t === "couple" && this.w(j + 1) === "of") return { value: 2, end: j + 2 };
    const n = NUMBER_WORDS.get(t);
    if (n === undefined) return null;
    let v = n;
    let end = j + 1;
    if (this.w(end) === "-" && NUMBER_WORDS.has(this.w(end + 1)) && (NUMBER_WORDS.get(this.w(end + 1)) ?? 0) < 10) {
      v += NUMBER_WORDS.get(this.w(end + 1))!;
      end += 2;
    } else if (n >= 20 && NUMBER_WORDS.has(this.w(end)) && (NUMBER_WORDS.get(this.w(end)) ?? 0) < 10) {
      v += NUMBER_WORDS.get(this.w(end))!;
      end++;
    }
    if (this.w(end) === "hundred") {
      v *= 100;
      end++;
    }
    if (this.w(end) === "-" && UNITS.has(this.w(end + 1))) end++; // "three-year"
    return { value: v, end };
  }

  /** "10 months", "three-year", "two decades", "several weeks", followed perhaps by ago/earlier/later. */
  private duration(j: number): Core | null {
    const q = this.quantity(j);
    if (!q) return null;
    let end = q.end;
    // "six straight days", "two consecutive quarters": a run of units is their duration.
    if (q.value !== null && RUN_ADJECTIVES.has(this.w(end)) && UNITS.has(this.w(end + 1))) end++;
    let unitWord = this.w(end);
    // "three-year-old" is an age, not a period of time in the text's timeline.
    let unit = UNITS.get(unitWord);
    if (!unit) {
      if (q.value !== null && this.w(end) === "and" && this.w(end + 1) === "a" && this.w(end + 2) === "half") {
        unitWord = this.w(end + 3);
        unit = UNITS.get(unitWord);
        if (!unit) return null;
        return { end: end + 4, type: "DURATION", value: durationValue(q.value + 0.5, unit) };
      }
      if (q.value !== null && (this.w(end) === "trading" || this.w(end) === "business" || this.w(end) === "working" || this.w(end) === "calendar")) {
        unit = UNITS.get(this.w(end + 1));
        if (!unit) return null;
        end++;
      } else return null;
    }
    // "three-quarters" is a fraction, not nine months.
    if (unit.name === "quarter" && (q.value === null || (unitWord === "quarters" && this.w(end - 1) === "-"))) return null;
    end++;
    if (this.w(end) === "-" && this.w(end + 1) === "old") return null;
    if (this.w(end) === "-" && this.w(end + 1) === "long") end += 2;
    if (q.value === 1 && this.w(j) !== "one" && this.w(j) !== "1" && this.w(j) !== "a" && this.w(j) !== "an") return null;
    const after = this.w(end);
    if (after === "ago" || after === "earlier" || after === "later" || after === "before" && this.w(end + 1) === "." || after === "from" && this.w(end + 1) === "now") {
      const sign = after === "ago" || after === "earlier" || after === "before" ? -1 : 1;
      const anchor = after === "ago" || after === "from" ? this.dct : this.focus.ymd ?? this.dct;
      const e = after === "from" ? end + 2 : end + 1;
      if (q.value === null || !anchor || !anchor.month) return { end: e, type: "DATE", value: sign < 0 ? "PAST_REF" : "FUTURE_REF", dateLike: true };
      if (!Number.isInteger(q.value)) return { end: e, type: "DATE", value: sign < 0 ? "PAST_REF" : "FUTURE_REF", dateLike: true };
      const quarter = unit.name === "year" && q.value === 1 && sign < 0 ? this.yearBeforeQuarter(j) : null;
      return { end: e, type: "DATE", value: quarter ?? shiftBy(anchor, unit, sign * q.value), dateLike: true };
    }
    return { end, type: "DURATION", value: durationValue(q.value, unit) };
  }

  /** "a year", "an hour", "a decade" (also "a year ago"). */
  private aUnit(i: number): Core | null {
    const n = this.w(i + 1);
    const unit = UNITS.get(n);
    if (!unit || n.endsWith("s")) {
      if (n === "few" || n === "couple" || n === "half" || n === "dozen") return this.duration(i);
      return null;
    }
    const p = this.w(i - 1);
    if (p === "once" || p === "twice" || p === "times") return null;
    const after = this.w(i + 2);
    if (after === "ago" || after === "earlier" || after === "later" || after === "and") return this.duration(i);
    if (after === "-" || after === "'" || after === "of" && unit.name !== "decade") return null;
    if (p === "per") return null;
    return { end: i + 2, type: "DURATION", value: durationValue(1, unit) };
  }

  /** Bare plural units in a temporal frame: "for days", "weeks before", "years ago", "within hours". */
  private bareUnits(i: number): Core | null {
    const t = this.w(i);
    const unit = UNITS.get(t)!;
    const p = this.w(i - 1);
    const n = this.w(i + 1);
    if (n === "ago") return { end: i + 2, type: "DATE", value: "PAST_REF", dateLike: true };
    if (n === "-" && this.w(i + 2) === "long") return { end: i + 3, type: "DURATION", value: `P${unit.time ? "T" : ""}X${unit.letter}` };
    const frame = p === "for" || p === "in" || p === "within" || p === "over" || p === "after" || p === "takes" || p === "took" || n === "before" || n === "after" || n === "later" || n === "earlier" || n === "of";
    if (!frame || t === "quarters") return null;
    if (n === "of" && (p === "the" || this.w(i + 2) === "the")) return null;
    return { end: i + 1, type: "DURATION", value: `P${unit.time ? "T" : ""}X${unit.letter}` };
  }

  // ---- resolution against the DCT -------------------------------------------------------------------

  /** direction: 0 = by tense, -1/1 = past/future (same day allowed), -3/3 = strictly before/after, 2 = this. */
  private resolveWeekday(wd: number, i: number, direction: number): string {
    if (!this.dct || !this.dct.day) return `XXXX-WXX-${wd}`;
    const dctWd = weekday(this.dct);
    let dir = direction;
    if (dir === 0) {
      const tense = tenseAt(this.lx, i);
      dir = tense === Tense.Future || tense === Tense.Present ? 1 : -1;
    }
    let delta: number;
    if (dir === 2) delta = wd - dctWd; // "this Friday": the one of this week
    else if (dir > 0) delta = (wd - dctWd + 7) % 7 || (dir === 3 ? 7 : 0);
    else delta = -(((dctWd - wd + 7) % 7) || (dir === -3 ? 7 : 0));
    return formatYmd(addDays(this.dct, delta));
  }

  private resolveMonth(month: number, i: number, direction: number): string {
    if (!this.dct) return `XXXX-${pad(month)}`;
    if (!this.dct.month) return formatYm(this.dct.year, month);
    let dir = direction;
    if (dir === 0) dir = directionOf(tenseAt(this.lx, i));
    const y = this.dct.year;
    const m = this.dct.month;
    let year = y;
    if (dir === -1 && month > m) year = y - 1;
    else if (dir === -3) year = month >= m ? y - 1 : y;
    else if (dir === 1 && month < m) year = y + 1;
    else if (dir === 3) year = month <= m ? y + 1 : y;
    else if (dir === 0 && Math.abs(month - m) > 6) year = month < m ? y + 1 : y - 1;
    return formatYm(year, month);
  }

  private resolveMonthDay(month: number, day: number, i: number, direction: number): string {
    if (!this.dct || !this.dct.month || !this.dct.day) return this.dct ? formatYmd({ year: this.dct.year, month, day }) : `XXXX-${pad(month)}-${pad(day)}`;
    let dir = direction;
    if (dir === 0) dir = directionOf(tenseAt(this.lx, i));
    const y = this.dct.year;
    const cands: Ymd[] = [];
    for (const yy of [y - 1, y, y + 1]) if (isValidDate(yy, month, day)) cands.push({ year: yy, month, day });
    if (cands.length === 0) return `XXXX-${pad(month)}-${pad(day)}`;
    return formatYmd(pick(cands, this.dct, dir));
  }

  private shiftDct(unit: string, dir: number): string {
    if (!this.dct || !this.dct.month) {
      if (this.dct && unit === "year") return pad(this.dct.year + dir, 4);
      return dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
    }
    const d = this.dct.day ? this.dct : { ...this.dct, day: 15 };
    if (unit === "weekend") {
      const wd = weekday(d);
      const sat = addDays(d, 6 - wd + (dir > 0 ? 7 : dir < 0 ? -7 : 0));
      return `${formatWeek(sat)}-WE`;
    }
    return shift(d, unit, dir);
  }
}

function seasonOf(month: number): string {
  if (month >= 3 && month <= 5) return "SP";
  if (month >= 6 && month <= 8) return "SU";
  if (month >= 9 && month <= 11) return "FA";
  return "WI";
}

/** In days (with months counted as 32 days by `pick`'s key). */
const PAST_SLACK = 30;

function directionOf(t: Tense): number {
  return t === Tense.Past ? -1 : t === Tense.Future ? 1 : 0;
}

/** The candidate date that fits the direction: latest on/before, earliest on/after, or the nearest. */
function pick(cands: readonly Ymd[], dct: Ymd, direction: number): Ymd {
  const key = (d: Ymd) => d.year * 400 + d.month * 32 + d.day;
  const ref = key(dct);
  let best: Ymd = cands[0]!;
  let bestScore = Infinity;
  for (const c of cands) {
    const k = key(c);
    let score: number;
    // Past tense still admits a date a few weeks ahead ("record Nov. 16, the company said"): reported
    // schedules are common, and the year-earlier reading is rarely meant.
    if (direction < 0) score = k <= ref ? ref - k : k - ref <= PAST_SLACK ? (k - ref) * 2 : Infinity;
    else if (direction > 0) score = k >= ref ? k - ref : Infinity;
    else score = Math.abs(k - ref);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function movable(rule: MovableRule, year: number): Ymd {
  if ("easter" in rule) return addDays(easter(year), rule.easter);
  return nthWeekday(year, rule.month, rule.weekday, rule.nth);
}

/** The value of the `unit` period `delta` units from date d, at the unit's granularity. */
function shift(d: Ymd, unit: string, delta: number): string {
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
function shiftBy(d: Ymd, unit: Unit, n: number): string {
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

/** TIMEX3 duration value: P10M, PT5H, PXD, P1.5Y → P18M. */
export function durationValue(n: number | null, unit: Unit): string {
  const t = unit.time ? "T" : "";
  if (n === null) return `P${t}X${unit.name === "decade" ? "DE" : unit.name === "century" ? "CE" : unit.letter}`;
  let v = n * unit.factor;
  let letter = unit.letter;
  let time = unit.time;
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
