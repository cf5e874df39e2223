/** ISO 8601 dates as the contract takes them: "2023", "2023-03", "2023-03-14", or with a time. */
const ISO = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Normalizes a publication date to ISO 8601, keeping its precision ("2023-03" stays a month).
 * Other spellings ("Tue, 14 Mar 2023 10:00:00 GMT", "March 14, 2023") go through Date.parse; with a clock
 * time they become UTC date-times, without one plain dates. Returns null for what cannot be read as a date.
 */
export function normalizePublished(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = raw.trim();
  if (s === "") return null;
  if (ISO.test(s)) return s.replace(" ", "T");
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  if (/\d:\d\d/.test(s)) {
    // Years past 9999 or before 0 print as "+275760-..." / "-000001-...": no ISO date the contract takes.
    const iso = date.toISOString().replace(".000Z", "Z");
    return /^\d{4}-/.test(iso) ? iso : null;
  }
  // Date.parse reads a date without a time as local midnight: take the local calendar day back.
  const year = date.getFullYear();
  if (year < 0 || year > 9999) return null;
  const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`; // "100" is the year 0100
}
