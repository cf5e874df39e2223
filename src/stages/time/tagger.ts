/**
 * TIMEX3 tagging of plain text: `tagTimexes(text, dct)` for one string, `TimexTagger` for a document read
 * range by range (the stage feeds it content sentences in order, so anaphora can follow the date in focus, and
 * calls `finish` at the end for the one pass that needs the whole document).
 */
import type { Timex } from "../../core/analysis.js";
import { parseDct, type Ymd } from "./calendar.js";
import { Grammar, type Focus } from "./grammar.js";
import { lex } from "./lexer.js";

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const YEAR_ONLY = /^\d{4}$/;
const YEAR_MONTH = /^(\d{4})(?:-(\d{2})(?:-\d{2})?)?$/;

/** A bare weekday's timex, kept for `oneDayPerWeekday`. */
interface WeekdayMention {
  timex: Timex;
  wd: number;
  weak: boolean;
}

export class TimexTagger {
  private readonly dct: Ymd | null;
  private readonly focus: Focus = { ymd: null, value: null, ym: null, quarter: null };
  private readonly weekdays: WeekdayMention[] = [];

  constructor(dct: string | Ymd | null) {
    this.dct = typeof dct === "string" || dct === null ? parseDct(dct) : dct;
  }

  /** Tags text[from, to); offsets in the result are offsets into `text`. */
  tag(text: string, from = 0, to = text.length): Timex[] {
    const lx = lex(text, from, to);
    const grammar = new Grammar(lx, this.dct, this.focus);
    const out: Timex[] = [];
    let i = 0;
    while (i < lx.count) {
      const m = grammar.matchAt(i);
      if (!m || m.end <= i) {
        i++;
        continue;
      }
      const start = lx.start[m.start]!;
      const end = lx.end[m.end - 1]!;
      const timex: Timex = { start, end, text: text.slice(start, end), type: m.type, value: m.value, mod: m.mod };
      out.push(timex);
      if (m.weekday && DAY_VALUE.test(m.value)) this.weekdays.push({ timex, wd: m.weekday.wd, weak: m.weekday.weak });
      this.updateFocus(m.type, m.value);
      if (m.type === "DATE" && YEAR_ONLY.test(m.value)) this.focus.year = { lx, start: m.start, end: m.end, year: Number(m.value) };
      i = m.end;
    }
    return out;
  }

  /**
   * The passes over the whole document, after its last range: the timexes `tag` returned may change in place. Call it
   * once; a range tagged after it is not revisited.
   */
  finish(): void {
    oneDayPerWeekday(this.weekdays);
    this.weekdays.length = 0;
  }

  /** Explicit dates become the date in focus for "that day", "the previous day", "at the time". */
  private updateFocus(type: string, value: string): void {
    if (type !== "DATE" && type !== "TIME") return;
    if (value.endsWith("_REF") || value.startsWith("X")) return;
    if (/^\d{4}-Q\d$/.test(value)) this.focus.quarter = value;
    const m = FULL_DATE.exec(value);
    if (m) this.focus.ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    this.focus.value = value.length > 10 && value[10] === "T" ? value.slice(0, 10) : value;
    const ym = YEAR_MONTH.exec(this.focus.value);
    this.focus.ym = ym ? { year: Number(ym[1]), month: ym[2] ? Number(ym[2]) : null } : null;
  }
}

export function tagTimexes(text: string, dct: string | Ymd | null): Timex[] {
  const tagger = new TimexTagger(dct);
  const out = tagger.tag(text);
  tagger.finish();
  return out;
}

/** A value that starts with a full date ("2016-09-26", "2016-09-26TNI"). */
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}/;

/**
 * One day per weekday and document: news writes a bare "Monday" for one Monday, the one of the week around its
 * date, and says "last Monday" or "next Monday" when it means another. So a weekday whose side only a weak reading of
 * its clause chose (resolve.ts `weekdayDirection`: a present tense, a far verb, nothing) takes the day that at least
 * two other mentions of the same weekday in the document give, when none of them agrees with its own: "Donald Trump is
 * raising questions about his microphone problems during Monday's debate" in an article of a Friday that says "at
 * Monday's debate, Clinton cited" elsewhere. A reading with its own evidence (a past verb, "will", an event ordered
 * by "since", "before", "ahead of") is left as it is, since a writer does sometimes name two Tuesdays ("Lynch will
 * appear ... on Tuesday" beside the FBI's statement of the Tuesday before). Linear: counts per weekday and day.
 */
function oneDayPerWeekday(mentions: readonly WeekdayMention[]): void {
  if (mentions.length < 3) return;
  const days = new Map<string, number>();
  for (const m of mentions) {
    const key = `${m.wd} ${m.timex.value.slice(0, 10)}`;
    days.set(key, (days.get(key) ?? 0) + 1);
  }
  const best = new Map<number, { day: string; count: number }>();
  for (const [key, count] of days) {
    const wd = Number(key.slice(0, key.indexOf(" ")));
    const b = best.get(wd);
    // Two days tied at the top of one weekday leave no majority: neither overrules.
    if (!b || count > b.count) best.set(wd, { day: key.slice(key.indexOf(" ") + 1), count });
    else if (count === b.count) b.day = "";
  }
  for (const m of mentions) {
    if (!m.weak) continue;
    const own = m.timex.value.slice(0, 10);
    const b = best.get(m.wd);
    if (!b || b.day === "" || b.day === own || b.count < 2 || (days.get(`${m.wd} ${own}`) ?? 0) > 1) continue;
    m.timex.value = b.day + m.timex.value.slice(10);
  }
}
