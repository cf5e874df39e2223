/** All-digit calendar dates: ISO 2022-12-31 (optionally with a clock time), US 11/02/89, compact 19980807. */
import { formatYmd, isValidDate } from "../calendar.js";
import { withClock } from "./clock.js";
import type { Core, Cursor } from "./cursor.js";

/** ISO 2022-12-31 (optionally with a time), US 11/02/89 or 08/07/1998, compact 19980807. */
export function numericDate(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  // ISO date 2022-12-31, optionally with a time.
  if (t.length === 4 && g.w(i + 1) === "-" && g.isNum(i + 2) && g.w(i + 3) === "-" && g.isNum(i + 4) && g.adjacent(i + 1) && g.adjacent(i + 4)) {
    const y = Number(t);
    const m = Number(g.w(i + 2));
    const d = Number(g.w(i + 4));
    if (isValidDate(y, m, d)) return withClock(g, i + 5, { year: y, month: m, day: d });
  }
  // US numeric date 11/02/89 or 08/07/1998.
  if (t.length <= 2 && g.w(i + 1) === "/" && g.isNum(i + 2) && g.w(i + 3) === "/" && g.isNum(i + 4) && g.adjacent(i + 2) && g.adjacent(i + 4)) {
    const m = Number(t);
    const d = Number(g.w(i + 2));
    const ys = g.w(i + 4);
    const y = ys.length === 2 ? 1900 + Number(ys) + (Number(ys) < 30 ? 100 : 0) : Number(ys);
    if ((ys.length === 2 || ys.length === 4) && isValidDate(y, m, d)) return withClock(g, i + 5, { year: y, month: m, day: d });
  }
  // Compact 19980807.
  if (t.length === 8 && (t.startsWith("19") || t.startsWith("20"))) {
    const y = Number(t.slice(0, 4));
    const m = Number(t.slice(4, 6));
    const d = Number(t.slice(6, 8));
    if (isValidDate(y, m, d)) return { end: i + 1, type: "DATE", value: formatYmd({ year: y, month: m, day: d }), dateLike: true };
  }
  return null;
}
