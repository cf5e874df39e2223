/** Recurrences (SET): "every Tuesday", "on Tuesdays", "annually", "twice a week", "per year". */
import { pad } from "../calendar.js";
import { AMBIGUOUS_WEEKDAYS, MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS } from "../lexicon.js";
import type { Core, Cursor } from "./cursor.js";
import { durationValue, quantity } from "./durations.js";

/** Plural weekdays are recurrences: "on Tuesdays" = every Tuesday. */
export function pluralWeekday(g: Cursor, i: number, t: string): Core | null {
  const wds = t.length > 6 && t.endsWith("days") ? WEEKDAYS.get(t.slice(0, -1)) : undefined;
  return wds !== undefined && g.lx.upper[i] ? { end: i + 1, type: "SET", value: `XXXX-WXX-${wds}` } : null;
}

export function every(g: Cursor, i: number): Core | null {
  let j = i + 1;
  if (g.w(j) === "other") j++;
  const n = g.w(j);
  const wd = WEEKDAYS.get(n);
  if (wd !== undefined && g.lx.upper[j] && !AMBIGUOUS_WEEKDAYS.has(n)) return { end: j + 1, type: "SET", value: `XXXX-WXX-${wd}` };
  const m = MONTHS.get(n);
  if (m !== undefined && g.lx.upper[j] && n.length > 3) return { end: j + 1, type: "SET", value: `XXXX-${pad(m)}` };
  const season = SEASONS.get(n);
  if (season !== undefined) return { end: j + 1, type: "SET", value: `XXXX-${season}` };
  const part = PARTS_OF_DAY.get(n);
  if (part) return { end: j + 1, type: "SET", value: `XXXX-XX-XXT${part}` };
  const q = quantity(g, j);
  if (q && q.end > j) {
    const unit = UNITS.get(g.w(q.end));
    if (unit) return { end: q.end + 1, type: "SET", value: durationValue(q.value, unit) };
  }
  const unit = UNITS.get(n);
  if (unit && !n.endsWith("s")) return { end: j + 1, type: "SET", value: durationValue(j > i + 1 ? 2 : 1, unit) };
  if (n === "weekend") return { end: j + 1, type: "SET", value: "XXXX-WXX-WE" };
  return null;
}

export function adverbSet(i: number, t: string): Core | null {
  const map: Record<string, string> = {
    daily: "P1D", weekly: "P1W", monthly: "P1M", annually: "P1Y", yearly: "P1Y", hourly: "PT1H", nightly: "P1D", biweekly: "P2W",
  };
  // "daily" as an adjective before a noun ("a daily newspaper") is still a SET in TimeML.
  return { end: i + 1, type: "SET", value: map[t] ?? "P1D" };
}

/** "twice a week", "three times a year", "once a month". */
export function timesPer(g: Cursor, j: number): Core | null {
  const a = g.w(j);
  if (a !== "a" && a !== "an" && a !== "per" && a !== "every" && a !== "each") return null;
  const unit = UNITS.get(g.w(j + 1));
  if (!unit || g.w(j + 1).endsWith("s")) return null;
  return { end: j + 2, type: "SET", value: durationValue(1, unit) };
}

export function perUnit(g: Cursor, i: number): Core | null {
  const unit = UNITS.get(g.w(i + 1));
  if (!unit || g.w(i + 1).endsWith("s")) return null;
  return { end: i + 2, type: "SET", value: durationValue(1, unit) };
}
