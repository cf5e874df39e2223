/** Fuzzy references: "now", "recently", "soon", "these days", "recent years", "the current crisis" (PRESENT_REF, PAST_REF, FUTURE_REF). */
import type { Core, Cursor } from "./cursor.js";

/** A fuzzy reference (PAST_REF, PRESENT_REF, FUTURE_REF) ending before token `end`. */
export function fuzzyRef(end: number, value: string): Core {
  return { end, type: "DATE", value, dateLike: true };
}

export function now(g: Cursor, i: number): Core | null {
  const n = g.w(i + 1);
  const p = g.w(i - 1);
  // Sentence-opening "Now, ..." / "Now for ..." is a discourse marker, not a time.
  if (g.lx.upper[i] && (n === "," || n === "for")) return null;
  // Fixed phrases where "now" is not a time: "now that", "every now and then", "just now" (discourse).
  if (n === "that" || (p === "every" && n === "and") || (n === "and" && g.w(i + 2) === "then")) return null;
  return fuzzyRef(i + 1, "PRESENT_REF");
}

export function soon(g: Cursor, i: number): Core | null {
  return g.w(i - 1) === "as" || g.w(i + 1) === "as" || g.w(i + 1) === "after" ? null : fuzzyRef(i + 1, "FUTURE_REF");
}

export function theseDays(g: Cursor, i: number): Core | null {
  return g.w(i + 1) === "days" ? fuzzyRef(i + 2, "PRESENT_REF") : null;
}

export function recent(g: Cursor, i: number): Core | null {
  const n = g.w(i + 1);
  if (n === "years" || n === "months" || n === "weeks" || n === "days" || n === "decades") return fuzzyRef(i + 2, "PAST_REF");
  // A bare "recent" ("the recent downturn", "a recent SEC filing") is tagged in TimeBank and MEANTIME alike.
  return fuzzyRef(i + 1, "PAST_REF");
}

/**
 * An attributive "current" ("the current weakness", "Kellogg's current share") is PRESENT_REF in TimeBank and
 * MEANTIME; "current account", "current affairs" and the noun ("the current.") are not times.
 */
export function current(g: Cursor, i: number): Core | null {
  const n = g.w(i + 1);
  if (n === "account" || n === "accounts" || n === "affairs" || n === "events" || n === "," || n === "." || n === "-") return null;
  return fuzzyRef(i + 1, "PRESENT_REF");
}
