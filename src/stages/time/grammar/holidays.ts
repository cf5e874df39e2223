/** Fixed and movable holidays (Christmas, Easter, Thanksgiving...), the year by "last"/"next" or tense. */
import { addDays, easter, formatYmd, nthWeekday, pad, type Ymd } from "../calendar.js";
import { FIXED_HOLIDAYS, MOVABLE_HOLIDAYS, type MovableRule } from "../lexicon.js";
import { endsSentence, Kind } from "../lexer.js";
import { tenseAt } from "../tense.js";
import type { Core, Cursor } from "./cursor.js";
import { directionOf, pick } from "./resolve.js";

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
  return i > 1 && !endsSentence(g.lx, i - 2) && !g.lx.breakBefore[i - 1];
}

function holidayYear(g: Cursor, end: number, on: (year: number) => Ymd, i: number): Core {
  if (g.isNum(end) && g.w(end).length === 4) {
    return { end: end + 1, type: "DATE", value: formatYmd(on(Number(g.w(end)))), dateLike: true };
  }
  const p = g.w(i - 1);
  if (!g.dct || !g.dct.month || !g.dct.day) {
    const d = on(2000);
    return { end, type: "DATE", value: `XXXX-${pad(d.month)}-${pad(d.day)}`, dateLike: true };
  }
  const dct = g.dct;
  const direction = p === "last" ? -1 : p === "next" ? 1 : directionOf(tenseAt(g.lx, i));
  const cands = [on(dct.year - 1), on(dct.year), on(dct.year + 1)];
  return { end, type: "DATE", value: formatYmd(pick(cands, dct, direction)), dateLike: true };
}

function movable(rule: MovableRule, year: number): Ymd {
  if ("easter" in rule) return addDays(easter(year), rule.easter);
  return nthWeekday(year, rule.month, rule.weekday, rule.nth);
}
