/**
 * The TIMEX3 grammar: a hand-written recursive-descent matcher over lexer tokens. At each token it tries
 * the expression shapes of English news (dates, times, durations, sets, fuzzy references), each a small
 * function that reads tokens left to right and returns where it ends, so the whole pass is linear and has
 * no backtracking regex. Values are computed at match time from the publication date (DCT), the tense
 * of the clause and, for anaphora ("the previous day"), the last date in focus.
 *
 * This module applies the modifiers ("more than 10 months", "early 2022") and dispatches on the token kind;
 * the recognizers live in grammar/ (numbers.ts, words.ts and the-phrases.ts dispatch further).
 */
import type { TimexType } from "../../core/analysis.js";
import type { Ymd } from "./calendar.js";
import { Kind, type Lexed } from "./lexer.js";
import { NUMBER_WORDS } from "./lexicon.js";
import { Cursor, type Core, type Focus } from "./grammar/cursor.js";
import { mixed, numeric } from "./grammar/numbers.js";
import { word } from "./grammar/words.js";
import { apostropheDecade } from "./grammar/years.js";

export type { Focus } from "./grammar/cursor.js";

export interface Match {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: TimexType;
  value: string;
  mod: string | null;
  /** Set for a bare weekday (see Core.weekday). */
  weekday?: { wd: number; weak: boolean };
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

export class Grammar {
  private readonly cur: Cursor;

  constructor(lx: Lexed, dct: Ymd | null, focus: Focus) {
    this.cur = new Cursor(lx, dct, focus);
  }

  /** Matches a timex starting exactly at token i, or returns null. */
  matchAt(i: number): Match | null {
    // Prefix modifiers: "more than 10 months", "about a decade".
    for (const [words, mod] of PREFIX_MODS) {
      if (!this.cur.seq(i, words)) continue;
      const j = i + words.length;
      const core = coreAt(this.cur, j);
      if (core && !core.dateLike && (core.type === "DURATION" || core.type === "TIME")) {
        if (words[0] === "some" || words[0] === "over" || words[0] === "under") {
          const first = this.cur.w(j);
          if (!this.cur.isNum(j) && !NUMBER_WORDS.has(first) && first !== "a" && first !== "an") continue;
        }
        return { start: i, end: core.end, type: core.type, value: core.value, mod };
      }
    }
    // Position modifiers: "early 2022", "mid-2021", "the end of the year", "late last year".
    for (const [words, mod] of POSITION_MODS) {
      if (!this.cur.seq(i, words)) continue;
      let j = i + words.length;
      if (this.cur.w(j) === "-") j++;
      if (this.cur.w(j) === "in" && (words[0] === "earlier" || words[0] === "later")) j++;
      const core = coreAt(this.cur, j);
      if (core && core.dateLike) return { start: i, end: core.end, type: core.type, value: core.value, mod };
    }
    const core = coreAt(this.cur, i);
    if (!core) return null;
    const m: Match = { start: i, end: core.end, type: core.type, value: core.value, mod: core.mod ?? null };
    if (core.weekday) m.weekday = core.weekday;
    return m;
  }
}

/** The unmodified expression at i. */
function coreAt(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  if (t === "") return null;
  const kind = g.lx.kind[i];
  if (kind === Kind.Number) return numeric(g, i);
  if (kind === Kind.Mixed) return mixed(g, i);
  if (kind === Kind.Punct) return t === "'" ? apostropheDecade(g, i) : null;
  return word(g, i, t);
}
