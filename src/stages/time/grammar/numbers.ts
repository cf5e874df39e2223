/**
 * Dispatch for tokens that start with digits: digit runs ("2022", "15", "10:35") and mixed runs
 * ("1990s", "3pm", "Q3", "FY2022", "15th"). The first recognizer that matches wins, in the order below.
 */
import { clockWithDay, meridiemHour, utcClock } from "./clock.js";
import type { Core, Cursor } from "./cursor.js";
import { duration } from "./durations.js";
import { dayMonth, ordinalDayMonth } from "./months.js";
import { numericDate } from "./numeric-dates.js";
import { ordinalPeriod, quarterToken } from "./periods.js";
import { bareYear, century, clippedYear, decade, fiscalYearToken } from "./years.js";

export function numeric(g: Cursor, i: number): Core | null {
  return numericDate(g, i)
    ?? utcClock(g, i)
    ?? clockWithDay(g, i)
    ?? clippedYear(g, i)
    ?? dayMonth(g, i)
    ?? ordinalPeriod(g, i, i)
    ?? bareYear(g, i)
    ?? duration(g, i);
}

export function mixed(g: Cursor, i: number): Core | null {
  return decade(g, i) ?? meridiemHour(g, i) ?? quarterToken(g, i) ?? fiscalYearToken(g, i) ?? century(g, i) ?? ordinalDayMonth(g, i);
}
