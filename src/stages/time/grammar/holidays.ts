/** Fixed and movable holidays (Christmas, Easter, Thanksgiving...), the year by "last"/"next" or tense. */
import { addDays, easter, formatYmd, nthWeekday, pad, type Ymd } from "../calendar.js";
import { FIXED_HOLIDAYS, MOVABLE_HOLIDAYS, type MovableRule } from "../lexicon.js";
import { tenseAt } from "../tense.js";
import type { Core, Cursor } from "./cursor.js";
import { directionOf, pick } from "./resolve.js";

export function holiday(g: Cursor, i: number): Core | null {
  if (!g.lx.upper[i]) return null;
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
