/**
 * TIMEX3 tagging of plain text: `tagTimexes(text, dct)` for one string, `TimexTagger` for a document read
 * range by range (the stage feeds it content sentences in order, so anaphora can follow the date in focus).
 */
import type { Timex } from "../../core/analysis.js";
import { parseDct, type Ymd } from "./calendar.js";
import { Grammar, type Focus } from "./grammar.js";
import { lex } from "./lexer.js";

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const YEAR_MONTH = /^(\d{4})(?:-(\d{2})(?:-\d{2})?)?$/;

export class TimexTagger {
  private readonly dct: Ymd | null;
  private readonly focus: Focus = { ymd: null, value: null, ym: null, quarter: null };

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
      out.push({ start, end, text: text.slice(start, end), type: m.type, value: m.value, mod: m.mod });
      this.updateFocus(m.type, m.value);
      i = m.end;
    }
    return out;
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
  return new TimexTagger(dct).tag(text);
}
