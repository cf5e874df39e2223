/** Quarters and halves: "Q3 2022", "the third quarter of 1989", "fiscal 1990", "the latest quarter", "the first nine months". */
import { pad } from "../calendar.js";
import { ORDINALS, UNITS } from "../lexicon.js";
import { recentFocusQuarter } from "./anchors.js";
import type { Core, Cursor } from "./cursor.js";
import { durationValue, quantity } from "./durations.js";
import { Tense, tenseAt } from "../tense.js";
import { lastQuarter, yearOffsetAt } from "./resolve.js";
import { yearAt } from "./years.js";

/** "Q3", "Q3 2022". */
export function quarterToken(g: Cursor, i: number): Core | null {
  const t = g.w(i);
  if (t.length === 2 && t[0] === "q" && t[1]! >= "1" && t[1]! <= "4") {
    const q = Number(t[1]);
    const y = g.isNum(i + 1) && g.w(i + 1).length === 4 ? Number(g.w(i + 1)) : null;
    const year = y ?? g.dct?.year ?? null;
    return { end: y === null ? i + 1 : i + 2, type: "DATE", value: `${year === null ? "XXXX" : pad(year, 4)}-Q${q}`, dateLike: true };
  }
  return null;
}

/** "fiscal 1990" (the year), "fiscal first quarter". */
export function fiscalPeriod(g: Cursor, i: number): Core | null {
  const y = g.isNum(i + 1) ? yearAt(g, i + 1) : null;
  if (y !== null) return { end: i + 2, type: "DATE", value: pad(y, 4), dateLike: true };
  return ordinalPeriod(g, i + 1, i);
}

/** "third quarter [of 2022]", "the 1988 third quarter", "the first half", "the fiscal first quarter", "the latest quarter", "the first nine months". */
export function ordinalPeriod(g: Cursor, j: number, start: number): Core | null {
  let k = j;
  let latest = false;
  if (g.w(k) === "fiscal") k++;
  if (g.w(k) === "latest" || g.w(k) === "current") {
    latest = true;
    k++;
  }
  let year: number | null = null;
  if (g.isNum(k) && g.w(k).length === 4 && ORDINALS.has(g.w(k + 1))) year = Number(g.w(k++));
  const ordWord = g.w(k);
  const ord = ORDINALS.get(ordWord);
  if (ord === undefined && !latest) return null;
  if (ord !== undefined) k++;
  if (g.w(k) === "-" ) k++;
  if (g.w(k) === "fiscal") k++;
  const unitWord = g.w(k);
  // "the first nine months": a duration.
  if (ord === 1 || latest) {
    const q = quantity(g, k);
    if (q && q.value !== null && q.value > 1) {
      const unit = UNITS.get(g.w(q.end));
      if (unit) return { end: q.end + 1, type: "DURATION", value: durationValue(q.value, unit) };
    }
  }
  // "the current fiscal year" is the DCT's; "the latest fiscal year" the last one closed.
  if (latest && ord === undefined && unitWord === "year" && g.dct && g.w(start) === "the") {
    return { end: k + 1, type: "DATE", value: pad(g.dct.year - (g.w(j) === "latest" || g.w(j + 1) === "latest" ? 1 : 0), 4), dateLike: true };
  }
  // "the latest period" in earnings news: the quarter under report.
  if (latest && ord === undefined && unitWord === "period" && g.w(start) === "the") {
    const q = recentFocusQuarter(g) ?? (g.dct && g.dct.month ? lastQuarter(g.dct, 0) : null);
    return q ? { end: k + 1, type: "DATE", value: q, dateLike: true } : null;
  }
  if (unitWord !== "quarter" && unitWord !== "half") return null;
  if (ord !== undefined && ord > (unitWord === "quarter" ? 4 : 2)) return null;
  // Not "the first half of the game": demand a year or a bare end.
  let end = k + 1;
  const offset = g.w(end) === "of" || g.w(end) === "," ? yearOffsetAt(g, end + 1) : null;
  if (g.w(end) === "of" || g.w(end) === ",") {
    if (g.isNum(end + 1) && g.w(end + 1).length === 4) {
      year = Number(g.w(end + 1));
      end += 2;
    } else if (offset) {
      year = g.dct ? g.dct.year + offset.delta : null;
      end = offset.end;
    } else if (g.w(end) === "of" && g.w(end + 1) === "the" && g.w(end + 2) !== "year") {
      return null;
    }
  } else if (g.isNum(end) && g.w(end).length === 4) {
    year = Number(g.w(end));
    end++;
  }
  // A half with no year and not fiscal is as often a match's ("failed to add to the tally in the second half"):
  // TBAQ's one bare "the first half" is not annotated either.
  const fiscal = g.w(j) === "fiscal" || g.w(k - 1) === "fiscal";
  if (unitWord === "half" && year === null && !fiscal && !latest) return null;
  const letter = unitWord === "quarter" ? "Q" : "H";
  let n = ord ?? -1;
  if (latest || n === -1) {
    if (!g.dct || !g.dct.month) return null;
    if (letter === "Q") return { end, type: "DATE", value: lastQuarter(g.dct, 0), dateLike: true };
    n = g.dct.month > 6 ? 1 : 2;
    if (n === 2) return { end, type: "DATE", value: `${g.dct.year - 1}-H2`, dateLike: true };
  }
  const y = year ?? (g.dct ? yearOfPeriod(g, start, letter, n) : null);
  return { end, type: "DATE", value: `${y === null ? "XXXX" : pad(y, 4)}-${letter}${n}`, dateLike: true };
}

/**
 * The year of a quarter or half named without one: the DCT's, unless that period is still well ahead at the DCT
 * (a half, or a quarter two or more ahead) and the clause is not about the future — "growth in the third quarter
 * had been zero" in March 2005 is 2004-Q3, but "closures during the fourth quarter" in August are this year's.
 */
function yearOfPeriod(g: Cursor, start: number, letter: string, n: number): number {
  const dct = g.dct!;
  if (!dct.month) return dct.year;
  const current = letter === "Q" ? Math.floor((dct.month - 1) / 3) + 1 : dct.month > 6 ? 2 : 1;
  if (n - current < (letter === "Q" ? 2 : 1)) return dct.year;
  return tenseAt(g.lx, start) === Tense.Future ? dct.year : dct.year - 1;
}
