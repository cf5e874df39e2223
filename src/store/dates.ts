/**
 * TIMEX3 values as date ranges [start, end), ISO dates, end exclusive: what `timeline` orders by and filters on.
 * Values that name no stretch of the calendar (PAST_REF, durations, XXXX-12-25) have none.
 */
export interface DateRange {
  start: string;
  end: string;
}

const SEASONS: Record<string, [number, number]> = { SP: [3, 6], SU: [6, 9], FA: [9, 12], WI: [12, 15] };

export function timexRange(type: string, value: string): DateRange | null {
  const range = calendarRange(type, value);
  // PostgreSQL's dates have no year 0 (the year before 1 is 1 BC), and "0000" is no date a news story means.
  // The day after 9999-12-31 is 10000-01-01, which PostgreSQL takes; it is the end of no start before year 10000.
  return range && range.start >= "0001" && /^\d{4}-/.test(range.start) && (range.end <= "9999-12-31" || range.end === "10000-01-01") ? range : null;
}

function calendarRange(type: string, value: string): DateRange | null {
  if (type !== "DATE" && type !== "TIME") return null;
  let m: RegExpMatchArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return null;
    return { start: iso(y, mo, d), end: iso(y, mo, d + 1) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { start: iso(y, mo, 1), end: iso(y, mo + 1, 1) };
  }
  if ((m = /^(\d{4})(?:T.*)?$/.exec(value))) {
    const y = Number(m[1]);
    return { start: iso(y, 1, 1), end: iso(y + 1, 1, 1) };
  }
  if ((m = /^(\d{4})-W(\d{2})(?:-([1-7]))?(?:T.*)?$/.exec(value))) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (w < 1 || w > 53) return null;
    const monday = isoWeekMonday(y, w);
    if (m[3]) {
      const d = monday + Number(m[3]) - 1;
      return { start: fromDays(d), end: fromDays(d + 1) };
    }
    return { start: fromDays(monday), end: fromDays(monday + 7) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { start: iso(y, 3 * q - 2, 1), end: iso(y, 3 * q + 1, 1) };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return { start: iso(y, 6 * h - 5, 1), end: iso(y, 6 * h + 1, 1) };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = Number(m[1]);
    const [from, to] = SEASONS[m[2]!]!;
    return { start: iso(y, from, 1), end: iso(y, to, 1) };
  }
  if ((m = /^(\d{3})$/.exec(value))) {
    const y = Number(m[1]) * 10;
    return { start: iso(y, 1, 1), end: iso(y + 10, 1, 1) };
  }
  if ((m = /^(\d{2})$/.exec(value))) {
    const y = Number(m[1]) * 100;
    return { start: iso(y, 1, 1), end: iso(y + 100, 1, 1) };
  }
  return null;
}

/** The first day a (possibly partial) ISO publication date covers: "2023-03" → "2023-03-01". */
export function publishedDate(published: string | null): string | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  return y >= 1 && validDay(y, mo, d) ? iso(y, mo, d) : null;
}

/** A command-line date: YYYY, YYYY-MM or YYYY-MM-DD, as the range it names; null when it is none of those. */
export function parseDateArg(text: string): DateRange | null {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return null;
  return timexRange("DATE", text);
}

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function iso(y: number, mo: number, d: number): string {
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y + (date.getUTCFullYear() - 2000));
  // Not toISOString: past 9999 it writes "+010000-01-01", which sliced is no date.
  const pad = (n: number, w: number): string => String(n).padStart(w, "0");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

const DAY = 86_400_000;
function isoWeekMonday(y: number, w: number): number {
  const jan4 = Date.UTC(y, 0, 4) / DAY;
  const jan4Weekday = (new Date(jan4 * DAY).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - jan4Weekday + (w - 1) * 7;
}

function fromDays(days: number): string {
  const date = new Date(days * DAY);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
