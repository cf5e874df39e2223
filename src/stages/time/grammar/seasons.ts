/** Seasons: "spring 2023", "the fall of 2001", "last winter", "the harsh winter" (year by tense). */
import { pad } from "../calendar.js";
import { Kind } from "../lexer.js";
import { SEASONS } from "../lexicon.js";
import { Tense, tenseAt } from "../tense.js";
import type { Core, Cursor } from "./cursor.js";
import { spelledYear } from "./years.js";

export function seasonExpression(g: Cursor, i: number, season: string, direction: number, start: number): Core | null {
  const t = g.w(i);
  const p = g.w(start - 1);
  if (t === "fall" || t === "spring") {
    // "fall"/"spring" are verbs and nouns too: demand a determiner or temporal preposition before.
    const det = start < i || p === "in" || p === "this" || p === "last" || p === "next" || p === "early" || p === "late" || p === "the";
    if (!det) return null;
  }
  if (g.lx.upper[i + 1] && g.lx.kind[i + 1] === Kind.Word && !g.lx.breakBefore[i + 1]) return null; // "Winter Olympics"
  let j = i + 1;
  if (g.w(j) === "of" && g.isNum(j + 1) && g.w(j + 1).length === 4) j++;
  else if (g.w(j) === "of") {
    if (g.w(j + 1) === "this" || g.w(j + 1) === "last" || g.w(j + 1) === "next") {
      const y = relYear(g, g.w(j + 1));
      if (g.w(j + 2) === "year") return { end: j + 3, type: "DATE", value: `${y}-${season}`, dateLike: true };
    }
    const spelled = spelledYear(g, j + 1);
    if (spelled) return { end: spelled.end, type: "DATE", value: `${pad(spelled.year, 4)}-${season}`, dateLike: true };
    if (t === "fall" || t === "spring") return null; // "the fall of Kabul"
  }
  if (g.isNum(j) && g.w(j).length === 4) return { end: j + 1, type: "DATE", value: `${g.w(j)}-${season}`, dateLike: true };
  if (g.w(i + 1) === "-") return null;
  let year: string;
  if (!g.dct) year = "XXXX";
  else if (direction !== 0) year = pad(g.dct.year + (direction > 0 ? 1 : -1) * (direction === 2 ? 0 : 1), 4);
  else {
    const tense = tenseAt(g.lx, i);
    const cur = seasonOf(g.dct.month);
    const order = ["SP", "SU", "FA", "WI"];
    // In January and February the year's spring, summer and autumn are all ahead: the winter of the DCT's month stands
    // before them ("a race that could stretch well into the spring", in February, is this year's spring).
    const curAt = cur === "WI" && g.dct.month <= 2 && season !== "WI" ? -1 : order.indexOf(cur);
    const delta = order.indexOf(season) - curAt;
    let y = g.dct.year;
    if (tense === Tense.Past && delta > 0) y--;
    if (tense === Tense.Future && delta < 0) y++;
    year = pad(y, 4);
  }
  return { end: i + 1, type: "DATE", value: `${year}-${season}`, dateLike: true };
}

/** "the spring of 2023", "the harsh winter". */
export function theSeason(g: Cursor, i: number): Core | null {
  const n = g.w(i + 1);
  const season = SEASONS.get(n);
  if (season !== undefined) return seasonExpression(g, i + 1, season, 0, i);
  const adjSeason = SEASONS.get(g.w(i + 2));
  if (adjSeason !== undefined && g.lx.kind[i + 1] === Kind.Word && !g.lx.upper[i + 1] && (n === "harsh" || n === "cold" || n === "long" || n === "hot" || n === "upcoming" || n === "dry" || n === "rainy" || n === "bitter")) {
    return seasonExpression(g, i + 2, adjSeason, 0, i);
  }
  return null;
}

function relYear(g: Cursor, w: string): string {
  if (!g.dct) return "XXXX";
  return pad(g.dct.year + (w === "last" ? -1 : w === "next" ? 1 : 0), 4);
}

function seasonOf(month: number): string {
  if (month >= 3 && month <= 5) return "SP";
  if (month >= 6 && month <= 8) return "SU";
  if (month >= 9 && month <= 11) return "FA";
  return "WI";
}
