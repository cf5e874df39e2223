/** ISO 8601 dates as the contract takes them: "2023", "2023-03", "2023-03-14", or with a time. */
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?)?)?$/;

/** Day-first or month-first numbers: "31-12-2022", "12/31/2022", "31.12.2022". */
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/** "Dec 31, 2022", "December 31 2022" */
const MONTH_DAY = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4,6})\b`, "i");
/** "31 Dec 2022", "31 December, 2022" */
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4,6})\b`, "i");

/** What a publication date reads as: the ISO value, or null with why not. */
export type PublishedReading = { value: string; problem: null } | { value: null; problem: string | null };

/**
 * Reads a publication date as ISO 8601, keeping its precision ("2023-03" stays a month). Other spellings
 * ("Tue, 14 Mar 2023 10:00:00 GMT", "March 14, 2023", "31-12-2022") are read too: with a clock time as UTC date-times,
 * without one as plain dates. A date that does not exist ("2022-13-45", "2022-02-30") or that cannot be read
 * ("yesterday") gives null and a problem to report; nothing given gives null and no problem.
 */
export function readPublished(raw: string | null | undefined): PublishedReading {
  const s = raw?.trim() ?? "";
  if (s === "") return { value: null, problem: null };
  const iso = ISO.exec(s);
  if (iso) {
    const [, year, month, day, hour, minute, second, zoneHour, zoneMinute] = iso;
    const problem =
      calendarProblem(Number(year), month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day)) ??
      clockProblem(hour, minute, second, zoneHour, zoneMinute);
    return problem === null ? { value: s.replace(" ", "T"), problem: null } : impossible(s, problem);
  }
  const numeric = NUMERIC.exec(s);
  if (numeric) return readNumeric(s, Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const named = MONTH_DAY.exec(s) ?? DAY_MONTH.exec(s);
  if (!named) return unreadable(s);
  const monthFirst = /^\d/.test(named[1]!) === false;
  const month = MONTHS.indexOf(named[monthFirst ? 1 : 2]!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(named[monthFirst ? 2 : 1]);
  const year = Number(named[3]);
  const problem = calendarProblem(year, month, day);
  if (problem !== null) return impossible(s, problem);
  if (/\d:\d\d/.test(s)) {
    // A clock time (and maybe a zone): Date.parse knows those spellings; the calendar day is checked above.
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) return unreadable(s);
    const utc = new Date(ms).toISOString().replace(".000Z", "Z");
    return /^\d{4}-/.test(utc) ? { value: utc, problem: null } : unreadable(s);
  }
  return { value: isoDay(year, month, day), problem: null };
}

/** The ISO value or null, for callers that need no reason. */
export function normalizePublished(raw: string | null | undefined): string | null {
  return readPublished(raw).value;
}

/** "31-12-2022" is day-first (no month 31); "12-31-2022" month-first; "05-06-2022" could be either: reported. */
function readNumeric(s: string, first: number, second: number, year: number): PublishedReading {
  if (first > 12 && second > 12) return impossible(s, "neither the first nor the second number is a month");
  if (first <= 12 && second <= 12 && first !== second) return { value: null, problem: `"${s}" is ambiguous: day-month or month-day; write it as YYYY-MM-DD` };
  const [month, day] = first > 12 ? [second, first] : [first, second];
  const problem = calendarProblem(year, month, day);
  return problem === null ? { value: isoDay(year, month, day), problem: null } : impossible(s, problem);
}

function calendarProblem(year: number, month: number | undefined, day: number | undefined): string | null {
  if (year > 9999) return `year ${year}`;
  if (month === undefined) return null;
  if (month < 1 || month > 12) return `month ${month}`;
  if (day === undefined) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days, not ${day}`;
  return null;
}

function clockProblem(...parts: (string | undefined)[]): string | null {
  const [hour, minute, second, zoneHour, zoneMinute] = parts.map((p) => (p === undefined ? 0 : Number(p)));
  if (hour! > 23 || minute! > 59 || second! > 60 || zoneHour! > 23 || zoneMinute! > 59) return "no such clock time";
  return null;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function isoDay(year: number, month: number, day: number): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function impossible(s: string, why: string): PublishedReading {
  return { value: null, problem: `"${s}" is no date (${why})` };
}

function unreadable(s: string): PublishedReading {
  return { value: null, problem: `"${s}" is not a date newsgraph reads (expected YYYY-MM-DD or e.g. "Dec 31, 2022")` };
}

/** Why a `--published` value is refused, or null: it must be YYYY, YYYY-MM or YYYY-MM-DD, and a real date. */
export function publishedOptionProblem(value: string): string | null {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return `--published takes a date YYYY-MM-DD, not "${value}"`;
  const { problem } = readPublished(value);
  return problem === null ? null : `--published ${problem}`;
}
