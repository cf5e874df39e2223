/**
 * Clock times ("10:35 a.m.", "3pm", "0800 GMT", "noon") and the day they attach to ("10 p.m. Wednesday",
 * "5 p.m. EST, Nov. 6"); without one, the time is on the DCT.
 */
import { formatYmd, pad, type Ymd } from "../calendar.js";
import { AMBIGUOUS_WEEKDAYS, WEEKDAYS } from "../lexicon.js";
import { isDigits, type Core, type Cursor } from "./cursor.js";
import { dayMonth, monthAt, monthDay } from "./months.js";
import { dctDay, resolveWeekday } from "./resolve.js";

/** "0800 GMT". */
export function utcClock(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  if (t.length === 4 && (g.w(i + 1) === "utc" || g.w(i + 1) === "gmt") && Number(t.slice(0, 2)) < 24 && Number(t.slice(2)) < 60) {
    return timeWithDay(g, i, i + 2, `${t.slice(0, 2)}:${t.slice(2)}Z`, null);
  }
  return null;
}

/** "10:35 a.m.", "3 p.m. Wednesday". */
export function clockWithDay(g: Cursor, i: number): Core | null {
  const clock = clockTime(g, i);
  return clock ? timeWithDay(g, i, clock.end, clock.hhmm, clock.mod) : null;
}

/** "3pm", "11am EST". */
export function meridiemHour(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  if ((t.endsWith("am") || t.endsWith("pm")) && isDigits(t, 0, t.length - 2) && t.length <= 4) {
    let h = Number(t.slice(0, -2));
    if (h < 1 || h > 12) return null;
    if (t.endsWith("pm") && h < 12) h += 12;
    if (t.endsWith("am") && h === 12) h = 0;
    return timeWithDay(g, i, timeZone(g, i + 1), `${pad(h)}:00`, null);
  }
  return null;
}

/** "10:35 a.m.", "3 p.m.", "15:00", "noon" handled elsewhere. Returns HH:MM and the end token. */
function clockTime(g: Cursor, i: number): { end: number; hhmm: string; mod: string | null } | null {
  const t = g.w(i);
  if (t.length > 2) return null;
  let h = Number(t);
  let m = 0;
  let j = i + 1;
  let hasMinutes = false;
  if ((g.w(j) === ":" || g.w(j) === ".") && g.isNum(j + 1) && g.w(j + 1).length === 2 && g.adjacent(j) && g.adjacent(j + 1)) {
    m = Number(g.w(j + 1));
    hasMinutes = g.w(j) === ":";
    if (g.w(j) === "." && !meridiemAt(g, j + 2)) return null;
    j += 2;
    if (g.w(j) === ":" && g.isNum(j + 1) && g.adjacent(j)) j += 2;
  }
  const mer = meridiemAt(g, j);
  if (mer) {
    if (h < 1 || h > 12) return null;
    if (mer.pm && h < 12) h += 12;
    if (!mer.pm && h === 12) h = 0;
    j = mer.end;
  } else if (!hasMinutes || h > 24 || m > 59) {
    return null;
  } else if (g.w(j) !== "" && (g.w(j) === "-" || g.isNum(j))) {
    return null;
  }
  if (m > 59) return null;
  const zone = g.w(j);
  j = timeZone(g, j);
  return { end: j, hhmm: `${pad(h)}:${pad(m)}${zone === "utc" || zone === "gmt" ? "Z" : ""}`, mod: null };
}

function meridiemAt(g: Cursor, j: number): { pm: boolean; end: number } | null {
  const a = g.w(j);
  if (a === "am" || a === "pm") return { pm: a === "pm", end: j + 1 };
  if ((a === "a" || a === "p") && g.w(j + 1) === "." && g.w(j + 2) === "m" && g.adjacent(j + 1) && g.adjacent(j + 2)) {
    const end = g.w(j + 3) === "." && g.adjacent(j + 3) ? j + 4 : j + 3;
    return { pm: a === "p", end };
  }
  return null;
}

function timeZone(g: Cursor, j: number): number {
  const z = g.w(j);
  if (z === "est" || z === "edt" || z === "gmt" || z === "utc" || z === "pst" || z === "pdt" || z === "cst" || z === "cdt" || z === "bst" || z === "cet") return j + 1;
  return j;
}

/** A clock time from token `start` to `end`, optionally followed by its day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6". */
export function timeWithDay(g: Cursor, start: number, end: number, hhmm: string, mod: string | null): Core {
  let j = end;
  if (g.w(j) === "," || g.w(j) === "on") j++; // "5 p.m. EST, Nov. 6", "midnight on 1 February"
  const day = dayExpression(g, j, start);
  if (day) return { end: day.end, type: "TIME", value: `${day.value}T${hhmm}`, mod };
  const base = g.dct && g.dct.day ? formatYmd(g.dct) : "XXXX-XX-XX";
  return { end, type: "TIME", value: `${base}T${hhmm}`, mod };
}

/** A day-granular expression for combining with a clock time starting at `start`: weekday, today, month-day. */
function dayExpression(g: Cursor, j: number, start: number): { end: number; value: string } | null {
  const t = g.w(j);
  const wd = WEEKDAYS.get(t);
  if (wd && !AMBIGUOUS_WEEKDAYS.has(t) && g.lx.upper[j]) return { end: j + 1, value: resolveWeekday(g, wd, j, 0, start) };
  if (t === "today" || t === "tonight") return { end: j + 1, value: dctDay(g, 0) };
  if (t === "yesterday") return { end: j + 1, value: dctDay(g, -1) };
  if (t === "tomorrow") return { end: j + 1, value: dctDay(g, 1) };
  const mj = monthAt(g, j, true);
  if (mj && g.isNum(mj.end) && g.w(mj.end).length <= 2) {
    const md = monthDay(g, mj.end + 1, mj.month, Number(g.w(mj.end)), start);
    return { end: md.end, value: md.value };
  }
  const dm = g.isNum(j) ? dayMonth(g, j) : null; // "1 February"
  return dm ? { end: dm.end, value: dm.value } : null;
}

/** "2022-12-31 10:00:00" style clock after an ISO or numeric date. */
export function withClock(g: Cursor, j: number, d: Ymd): Core {
  if (g.isNum(j) && g.w(j + 1) === ":") {
    const c = clockTime(g, j);
    if (c) return { end: c.end, type: "TIME", value: `${formatYmd(d)}T${c.hhmm}` };
  }
  return { end: j, type: "DATE", value: formatYmd(d), dateLike: true };
}
