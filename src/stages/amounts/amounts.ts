/**
 * Amounts in news text: money ("$200 billion" → 200000000000 USD, "€3.2m", "1.5 trillion yuan"),
 * percentages ("12%", "3.5 percent") and counts of things with the thing counted ("at least three
 * people" → 3 people, mod AT_LEAST). A single left-to-right pass over the time lexer's tokens.
 */
import type { Amount, Span } from "../../core/analysis.js";
import { Kind, lex, type Lexed } from "../time/lexer.js";
import { NUMBER_WORDS } from "../time/lexicon.js";

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["$", "USD"], ["€", "EUR"], ["£", "GBP"], ["¥", "JPY"], ["₹", "INR"], ["₽", "RUB"], ["₩", "KRW"],
]);

/** Currency words and codes after the number. */
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ["dollar", "USD"], ["dollars", "USD"], ["euro", "EUR"], ["euros", "EUR"], ["pound", "GBP"], ["pounds", "GBP"],
  ["sterling", "GBP"], ["yuan", "CNY"], ["renminbi", "CNY"], ["yen", "JPY"], ["rupee", "INR"], ["rupees", "INR"],
  ["ruble", "RUB"], ["rubles", "RUB"], ["rouble", "RUB"], ["roubles", "RUB"], ["won", "KRW"], ["francs", "CHF"],
  ["hryvnia", "UAH"], ["hryvnias", "UAH"], ["pesos", "MXN"], ["lira", "TRY"], ["reais", "BRL"], ["rand", "ZAR"],
  ["usd", "USD"], ["eur", "EUR"], ["gbp", "GBP"], ["cny", "CNY"], ["jpy", "JPY"], ["rmb", "CNY"], ["chf", "CHF"],
]);

/** Prefixes that qualify a dollar sign: "US$", "C$", "A$", "HK$". */
const DOLLAR_PREFIX: ReadonlyMap<string, string> = new Map([
  ["us", "USD"], ["c", "CAD"], ["ca", "CAD"], ["a", "AUD"], ["au", "AUD"], ["hk", "HKD"], ["nz", "NZD"], ["s", "SGD"],
]);

const SCALES: ReadonlyMap<string, number> = new Map([
  ["thousand", 1e3], ["million", 1e6], ["billion", 1e9], ["trillion", 1e12], ["m", 1e6], ["mn", 1e6], ["mln", 1e6],
  ["bn", 1e9], ["b", 1e9], ["k", 1e3], ["tn", 1e12], ["trn", 1e12],
]);

const MODS: ReadonlyArray<readonly [readonly string[], string]> = [
  [["at", "least"], "AT_LEAST"],
  [["no", "fewer", "than"], "AT_LEAST"],
  [["more", "than"], "MORE_THAN"],
  [["over"], "MORE_THAN"],
  [["less", "than"], "LESS_THAN"],
  [["fewer", "than"], "LESS_THAN"],
  [["under"], "LESS_THAN"],
  [["at", "most"], "AT_MOST"],
  [["up", "to"], "AT_MOST"],
  [["nearly"], "APPROX"],
  [["almost"], "APPROX"],
  [["about"], "APPROX"],
  [["around"], "APPROX"],
  [["approximately"], "APPROX"],
  [["roughly"], "APPROX"],
  [["some"], "APPROX"],
  [["an", "estimated"], "APPROX"],
];

/** Words after a number that are not the thing counted. */
const NOT_COUNTED: ReadonlySet<string> = new Set([
  "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "from", "the", "a", "an", "is", "are", "was", "were",
  "have", "has", "had", "will", "would", "said", "says", "times", "percent", "per", "than", "as", "who", "that", "which",
  "more", "less", "other", "others", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours",
  "hour", "minutes", "minute", "seconds", "decades", "decade", "points", "point", "-", "it", "they", "we", "he", "she",
  "o'clock", "am", "pm", "p", "a.m.", "percentage",
]);

interface Num {
  value: number;
  end: number;
}

export class AmountTagger {
  private lx!: Lexed;

  /** Tags text[from, to); `skip` lists spans (timexes) whose numbers are not amounts. */
  tag(text: string, from = 0, to = text.length, skip: readonly Span[] = []): Amount[] {
    this.lx = lex(text, from, to);
    const out: Amount[] = [];
    let s = firstEndingAfter(skip, from);
    let i = 0;
    while (i < this.lx.count) {
      const pos = this.lx.start[i]!;
      while (s < skip.length && skip[s]!.end <= pos) s++;
      if (s < skip.length && skip[s]!.start <= pos) {
        i++;
        continue;
      }
      const m = this.matchAt(i);
      if (!m) {
        i++;
        continue;
      }
      const start = this.lx.start[m.start]!;
      const end = this.lx.end[m.end - 1]!;
      const a: Amount = { start, end, text: text.slice(start, end), value: m.value, unit: m.unit };
      if (m.mod) a.mod = m.mod;
      out.push(a);
      i = m.end;
    }
    return out;
  }

  private w(i: number): string {
    return i >= 0 && i < this.lx.count ? (this.lx.lower[i] as string) : "";
  }

  private adjacent(i: number): boolean {
    return i > 0 && i < this.lx.count && this.lx.start[i] === this.lx.end[i - 1];
  }

  private matchAt(i: number): { start: number; end: number; value: number; unit: string; mod: string | null } | null {
    for (const [words, mod] of MODS) {
      let ok = true;
      for (let k = 0; k < words.length; k++) if (this.w(i + k) !== words[k]) ok = false;
      if (!ok) continue;
      const core = this.core(i + words.length);
      if (core) return { start: i, ...core, mod };
    }
    const core = this.core(i);
    return core ? { start: i, ...core, mod: null } : null;
  }

  private core(i: number): { end: number; value: number; unit: string } | null {
    const t = this.w(i);
    // Symbol first: "$200 billion", "US$5m", "€3.2m".
    let sym = SYMBOLS.get(t);
    let j = i + 1;
    if (!sym && DOLLAR_PREFIX.has(t) && this.w(i + 1) === "$" && this.adjacent(i + 1)) {
      sym = DOLLAR_PREFIX.get(t);
      j = i + 2;
    }
    if (sym) {
      const n = this.number(j);
      if (!n) return null;
      return { end: n.end, value: n.value, unit: sym };
    }
    const n = this.number(i);
    if (!n) return null;
    const next = this.w(n.end);
    if (next === "%") return { end: n.end + 1, value: n.value, unit: "%" };
    if (next === "percent" || next === "pct") return { end: n.end + 1, value: n.value, unit: "%" };
    if (next === "per" && this.w(n.end + 1) === "cent") return { end: n.end + 2, value: n.value, unit: "%" };
    const cur = CURRENCY_WORDS.get(next);
    if (cur && !(next === "won" && this.lx.kind[i] === Kind.Word)) return { end: n.end + 1, value: n.value, unit: cur };
    return this.count(i, n);
  }

  /** "three people", "1,500 troops", "12 Ukrainian towns": the counted noun, lowercased. */
  private count(i: number, n: Num): { end: number; value: number; unit: string } | null {
    const k = this.lx.kind[i];
    if (k === Kind.Number && this.w(i).length === 4 && n.end === i + 1 && this.lx.kind[n.end] !== Kind.Word) return null;
    if (this.w(i - 1) === "$" || this.w(i - 1) === "#") return null;
    let j = n.end;
    if (this.lx.kind[j] !== Kind.Word) return null;
    let noun = this.w(j);
    if (NOT_COUNTED.has(noun) || noun.length < 3 || NUMBER_WORDS.has(noun)) return null;
    // One modifier before the noun: "three Ukrainian towns", "10 armed men".
    const after = this.w(j + 1);
    if (!noun.endsWith("s") && this.lx.kind[j + 1] === Kind.Word && after.endsWith("s") && !NOT_COUNTED.has(after) && !this.lx.upper[j + 1] && after.length > 3) {
      j++;
      noun = after;
    }
    if (this.lx.upper[j] && !this.lx.upper[n.end]) return null;
    if (this.lx.upper[j]) return null; // "three Russians"? keep counts to common nouns; names are entities
    if (n.value !== 1 && !noun.endsWith("s") && noun !== "people" && noun !== "children" && noun !== "men" && noun !== "women" && noun !== "police" && noun !== "staff" && noun !== "personnel" && noun !== "aircraft" && noun !== "sheep" && noun !== "fish") {
      return null;
    }
    if (n.value === 1) return null;
    return { end: j + 1, value: n.value, unit: noun };
  }

  /** Digits ("1,500", "3.2") or number words ("three", "twenty-five"), with a scale ("billion", "m"). */
  private number(i: number): Num | null {
    const t = this.w(i);
    const k = this.lx.kind[i];
    let value: number;
    let end = i + 1;
    if (k === Kind.Number) {
      let digits = t;
      while (this.w(end) === "," && this.adjacent(end) && this.lx.kind[end + 1] === Kind.Number && this.w(end + 1).length === 3 && this.adjacent(end + 1)) {
        digits += this.w(end + 1);
        end += 2;
      }
      if (this.w(end) === "." && this.adjacent(end) && this.adjacent(end + 1)) {
        const frac = this.w(end + 1);
        if (this.lx.kind[end + 1] === Kind.Number) {
          digits += "." + frac;
          end += 2;
        } else if (this.lx.kind[end + 1] === Kind.Mixed) {
          // "3.2m": the fraction and the scale share one token.
          const split = leadingDigits(frac);
          const scale = SCALES.get(frac.slice(split));
          if (split > 0 && scale) return { value: scaled(Number(`${digits}.${frac.slice(0, split)}`), scale), end: end + 2 };
        }
      }
      value = Number(digits);
    } else if (k === Kind.Mixed) {
      const split = leadingDigits(t);
      const scale = SCALES.get(t.slice(split));
      if (split === 0 || !scale) return null;
      return { value: scaled(Number(t.slice(0, split)), scale), end };
    } else {
      const w = NUMBER_WORDS.get(t);
      if (w === undefined || t === "dozen") return null;
      value = w;
      if (this.w(end) === "-" && NUMBER_WORDS.has(this.w(end + 1))) {
        value += NUMBER_WORDS.get(this.w(end + 1))!;
        end += 2;
      }
      if (this.w(end) === "hundred") {
        value *= 100;
        end++;
      }
    }
    const scale = SCALES.get(this.w(end));
    if (scale && (this.w(end).length > 2 || this.adjacent(end))) return { value: scaled(value, scale), end: end + 1 };
    return { value, end };
  }
}

function leadingDigits(s: string): number {
  let k = 0;
  while (k < s.length && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
  return k;
}

/** 3.2 × 1e6 without binary noise. */
function scaled(v: number, scale: number): number {
  return Number((v * scale).toPrecision(15));
}

/**
 * Index of the first span (in text order) that ends after `offset`, by binary search: the stage tags sentence by
 * sentence against the document's timexes, and a scan from the start each time would be quadratic.
 */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tagAmounts(text: string, skip: readonly Span[] = []): Amount[] {
  return new AmountTagger().tag(text, 0, text.length, skip);
}
