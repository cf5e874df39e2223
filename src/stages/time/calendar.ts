/**
 * Calendar arithmetic on plain (year, month, day) triples in the proleptic Gregorian calendar, done with
 * UTC day numbers so that no time zone or Date object leaks into a value.
 */

/** A calendar date; `month` 1-12, `day` 1-31. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

export function dayNumber(d: Ymd): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(d) + days);
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function weekday(d: Ymd): number {
  const w = (dayNumber(d) + 4) % 7; // 1970-01-01 was a Thursday (4)
  return w <= 0 ? w + 7 : w;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO 8601 week: the week-numbering year and the week number (weeks start on Monday). */
export function isoWeek(d: Ymd): { year: number; week: number } {
  const n = dayNumber(d);
  const thursday = fromDayNumber(n - weekday(d) + 4);
  const jan1 = dayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - jan1) / 7) + 1 };
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function formatYmd(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatYm(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatWeek(d: Ymd): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** Month arithmetic: the (year, month) `delta` months away. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Western Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easter(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The n-th (1-based; -1 = last) ISO weekday `wd` of a month: Thanksgiving is nthWeekday(y, 11, 4, 4). */
export function nthWeekday(year: number, month: number, wd: number, n: number): Ymd {
  if (n > 0) {
    const first = weekday({ year, month, day: 1 });
    return { year, month, day: 1 + ((wd - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = daysInMonth(year, month);
  const last = weekday({ year, month, day: lastDay });
  return { year, month, day: lastDay - ((last - wd + 7) % 7) };
}

/**
 * Parses a publication date: "2022-12-31", "2022-12-31T10:00:00Z", "2022-12", "2022", or null.
 * Partial dates keep what they know (day/month 0 = unknown).
 */
export function parseDct(iso: string | null | undefined): Ymd | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 0, day: m[3] ? Number(m[3]) : 0 };
}
