/**
 * Amounts in news text: money ("$200 billion" → 200000000000 USD, "€3.2m", "1.5 trillion yuan"),
 * percentages ("12%", "3.5 percent") and counts of things with the thing counted ("at least three
 * people" → 3 people, mod AT_LEAST). A single left-to-right pass over the time lexer's tokens.
 */
import type { Amount, Span } from "../../core/analysis.js";
import { Kind, lex, type Lexed } from "../time/lexer.js";
import { MONTHS, NUMBER_WORDS, WEEKDAYS } from "../time/lexicon.js";

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

/** Prefixes that qualify a dollar sign: "US$", "C$", "A$", "HK$", "USD$". */
const DOLLAR_PREFIX: ReadonlyMap<string, string> = new Map([
  ["us", "USD"], ["usd", "USD"], ["c", "CAD"], ["ca", "CAD"], ["a", "AUD"], ["au", "AUD"], ["hk", "HKD"], ["nz", "NZD"], ["s", "SGD"],
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

/**
 * Units of measure: part of the quantity itself ("340 points", "2 GHz", "60GB"), not a thing counted, and
 * singular abbreviations are allowed.
 */
const MEASURE_UNITS: ReadonlySet<string> = new Set([
  "points", "tonnes", "tons", "kilometres", "kilometers", "km", "miles", "metres", "meters", "feet", "inches", "kg",
  "kilograms", "gb", "tb", "mb", "ghz", "mhz", "mw", "gw", "kw", "kwh", "mph", "degrees", "hectares", "acres",
  "litres", "liters", "gallons",
]);

/** Words that make a sentence about a stock index, where bare levels are index points. */
const INDEX_WORDS: ReadonlySet<string> = new Set(["index", "indices", "indexes", "dow", "ftse", "nikkei", "nasdaq", "dax", "cac", "hang", "s&p", "sensex", "kospi", "stoxx"]);

/** Counted nouns without a plural "s". */
const COLLECTIVE: ReadonlySet<string> = new Set(["people", "children", "men", "women", "police", "staff", "personnel", "aircraft", "sheep", "fish"]);

/** Lowercase words that may stand between a number and the counted noun besides adjective-like ones. */
const MODIFIER_WORDS: ReadonlySet<string> = new Set(["new", "more", "further", "additional", "major", "big", "small", "large", "top", "key", "senior", "young"]);

/** Endings of adjectives and participles: "armed men", "aerial refueling tankers", "Ukrainian towns". */
const ADJECTIVE_ENDINGS: readonly string[] = ["ed", "ing", "al", "ian", "ese", "ic", "ive", "ous", "ful", "ary", "ern", "ish"];

/** "ten of its plants": determiners after "of" that make a number a part of a counted whole. */
const PARTITIVE_DETERMINERS: ReadonlySet<string> = new Set(["the", "its", "their", "his", "her", "our", "these", "those"]);

/** Modifiers allowed between a number and the counted noun ("22 new Boeing 787 jets"). */
const MAX_MODIFIERS = 4;

/** Last words of the modifiers ("Some 350 films", "About 9,000 jobs"): a capital there is no model name. */
const MOD_ENDS: ReadonlySet<string> = new Set(MODS.map(([words]) => words[words.length - 1]!));

/** Words after a number that are not the thing counted. */
const NOT_COUNTED: ReadonlySet<string> = new Set([
  "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "from", "the", "a", "an", "is", "are", "was", "were",
  "have", "has", "had", "will", "would", "said", "says", "times", "percent", "per", "than", "as", "who", "that", "which",
  "during", "including", "according", "following", "being",
  "more", "less", "other", "others", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours",
  "hour", "minutes", "minute", "seconds", "decades", "decade", "point", "-", "it", "they", "we", "he", "she",
  "o'clock", "am", "pm", "p", "a.m.", "percentage",
]);

interface Num {
  value: number;
  end: number;
}

/** A match from token `end` back; `numberEnd` is the end of its number phrase (money and percentages: `end`). */
interface Core {
  end: number;
  numberEnd: number;
  value: number;
  unit: string;
}

/** Money and percentages: the currency or "%" belongs to the number phrase. */
function whole(end: number, value: number, unit: string): Core {
  return { end, numberEnd: end, value, unit };
}

/** An amount with the end of its number phrase: "at least three people" ends its number at "three". */
export interface AmountMatch {
  amount: Amount;
  numberEnd: number;
}

/**
 * A tagger for one document: it remembers the last currency named, so that a bare "the four billion it has
 * received" after "US$5 billion" is money in that currency. Use a new tagger for each document.
 */
export class AmountTagger {
  private lx!: Lexed;
  private text = "";
  private currency: string | null = null;
  /** Whether the sentence being tagged speaks of a stock index ("the FTSE 100 ... at 4907.20"); found on first need. */
  private indexSentence: boolean | null = null;

  /** Tags text[from, to); `skip` lists spans (timexes) whose numbers are not amounts. */
  tag(text: string, from = 0, to = text.length, skip: readonly Span[] = []): Amount[] {
    return this.match(text, from, to, skip).map((m) => m.amount);
  }

  /** As `tag`, keeping where each number phrase ends (evaluations compare counts without the counted noun). */
  match(text: string, from = 0, to = text.length, skip: readonly Span[] = []): AmountMatch[] {
    this.lx = lex(text, from, to);
    this.text = text;
    this.indexSentence = null;
    const out: AmountMatch[] = [];
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
      if (!m || m.end <= i) {
        i++;
        continue;
      }
      // A number past the largest double ("$" and 320 nines) is no amount: the contract's value is a finite number.
      if (!Number.isFinite(m.value)) {
        i = m.end;
        continue;
      }
      const start = this.lx.start[m.start]!;
      const end = this.lx.end[m.end - 1]!;
      const a: Amount = { start, end, text: text.slice(start, end), value: m.value, unit: m.unit };
      if (isCurrency(m.unit)) this.currency = m.unit;
      if (m.mod) a.mod = m.mod;
      out.push({ amount: a, numberEnd: this.lx.end[m.numberEnd - 1]! });
      i = m.end;
    }
    return out;
  }

  private w(i: number): string {
    return i >= 0 && i < this.lx.count ? (this.lx.lower[i] as string) : "";
  }

  /**
   * Digits right after a name inside a sentence are a model number: "refunds to iPhone 4 owners", "Trent 900
   * engines". A capital word that opens a sentence or clause ("The 600,000 connections", "But 104,000 jobs"),
   * ends a modifier ("Some 350 films") or names a day or month ("on Friday 15 protesters") is no name.
   */
  private afterName(i: number): boolean {
    const p = i - 1;
    if (p < 1 || this.lx.kind[p] !== Kind.Word || !this.hasCapital(p) || this.lx.breakBefore[p]) return false;
    if (this.lx.kind[p - 1] === Kind.Punct) return false;
    const w = this.w(p);
    return !MOD_ENDS.has(w) && !WEEKDAYS.has(w) && !MONTHS.has(w);
  }

  /** Any capital in the token: "iPhone" as well as "Boeing". */
  private hasCapital(i: number): boolean {
    for (let c = this.lx.start[i]!; c < this.lx.end[i]!; c++) {
      const code = this.text.charCodeAt(c);
      if (code >= 65 && code <= 90) return true;
    }
    return false;
  }

  private adjacent(i: number): boolean {
    return i > 0 && i < this.lx.count && this.lx.start[i] === this.lx.end[i - 1];
  }

  private matchAt(i: number): (Core & { start: number; mod: string | null }) | null {
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

  private core(i: number): Core | null {
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
      // A currency written twice belongs to the amount: "$249 USD", "$5.9 billion dollars", "$9.99 US dollars".
      if (CURRENCY_WORDS.get(this.w(n.end)) === sym) return whole(n.end + 1, n.value, sym);
      if (sym === "USD" && this.w(n.end) === "us" && CURRENCY_WORDS.get(this.w(n.end + 1)) === "USD") return whole(n.end + 2, n.value, sym);
      return whole(n.end, n.value, sym);
    }
    if (this.lx.kind[i] === Kind.Mixed) {
      // "60GB", "500km": number and unit in one token.
      const split = leadingDigits(t);
      const unit = t.slice(split);
      if (split > 0 && MEASURE_UNITS.has(unit)) return whole(i + 1, Number(t.slice(0, split)), unit);
    }
    const n = this.number(i);
    if (!n) return null;
    const next = this.w(n.end);
    if (next === "percentage" && this.w(n.end + 1) === "points") return whole(n.end + 2, n.value, "percentage points");
    if (MEASURE_UNITS.has(next) && this.lx.kind[n.end] === Kind.Word) return whole(n.end + 1, n.value, next);
    if (next === "%") return whole(n.end + 1, n.value, "%");
    if (next === "percent" || next === "pct") return whole(n.end + 1, n.value, "%");
    if (next === "per" && this.w(n.end + 1) === "cent") return whole(n.end + 2, n.value, "%");
    const cur = CURRENCY_WORDS.get(next);
    if (cur && !(next === "won" && this.lx.kind[i] === Kind.Word)) return whole(n.end + 1, n.value, cur);
    return this.count(i, n) ?? this.sharedNoun(n) ?? this.moneyInFocus(i, n) ?? this.indexLevel(i, n);
  }

  /**
   * "500 and 1,000 songs", "25,000 to 30,000 positions", "5 to 10 percent": the first number of a coordination
   * or range counts what the second one counts; its own span is the number alone.
   */
  private sharedNoun(n: Num): Core | null {
    const link = this.w(n.end);
    if (link !== "and" && link !== "or" && link !== "to") return null;
    const next = this.number(n.end + 1);
    if (!next || this.lx.kind[n.end + 1] === Kind.Punct) return null;
    const after = this.w(next.end);
    if (after === "%" || after === "percent") return whole(n.end, n.value, "%"); // "between 5 and 10 percent"
    const second = this.count(n.end + 1, next);
    return second ? { end: n.end, numberEnd: n.end, value: n.value, unit: second.unit } : null;
  }

  private aboutIndex(): boolean {
    if (this.indexSentence === null) {
      this.indexSentence = false;
      for (let k = 0; k < this.lx.count && !this.indexSentence; k++) this.indexSentence = INDEX_WORDS.has(this.lx.lower[k] as string);
    }
    return this.indexSentence;
  }

  /**
   * "bringing it to a level of 7,465.95", "fell 344.65 at the close": in a sentence about a stock index, a
   * number with decimals or thousands that counts nothing is a level or a move in index points.
   */
  private indexLevel(i: number, n: Num): Core | null {
    if (this.lx.kind[i] !== Kind.Number || !this.aboutIndex() || this.afterName(i)) return null;
    const decimals = this.w(i + 1) === "." || (this.w(n.end - 2) === "." && this.adjacent(n.end - 1));
    const thousands = this.w(i + 1) === "," && this.adjacent(i + 1);
    if (!decimals && !thousands) return null;
    if (this.lx.kind[n.end] === Kind.Word && !this.lx.upper[n.end] && this.w(n.end).endsWith("s")) return null;
    return { end: n.end, numberEnd: n.end, value: n.value, unit: "points" };
  }

  /**
   * "on top of the four billion it has already received", "at 200 million per aircraft": a scaled number that
   * counts nothing, after money was named, is money in that currency.
   */
  private moneyInFocus(i: number, n: Num): Core | null {
    const scale = this.w(n.end - 1);
    if (!this.currency || n.end - 1 <= i || (scale !== "million" && scale !== "billion" && scale !== "trillion")) return null;
    const next = this.lx.kind[n.end];
    // A following capitalized or plural word may be the thing counted ("200 million Americans").
    if (next === Kind.Word && (this.lx.upper[n.end] || this.w(n.end).endsWith("s"))) return null;
    return whole(n.end, n.value, this.currency);
  }

  /**
   * "three people", "1,500 troops", "12 Ukrainian towns", "179 new aerial refueling tankers", "18 more 777s": the
   * counted noun (lowercased) is the first plural common noun after at most MAX_MODIFIERS adjectives, names and
   * model numbers.
   */
  private count(i: number, n: Num): Core | null {
    const k = this.lx.kind[i];
    if (k === Kind.Number && this.w(i).length === 4 && n.end === i + 1 && this.lx.kind[n.end] !== Kind.Word) return null;
    if (this.w(i - 1) === "$" || this.w(i - 1) === "#") return null;
    if (n.value === 1) return null;
    if (k === Kind.Number && this.afterName(i)) return null;
    let j = n.end;
    // A part of a whole: "ten of its plants", "two of the engines".
    if (this.w(j) === "of" && PARTITIVE_DETERMINERS.has(this.w(j + 1))) j += 2;
    for (let mods = 0; mods <= MAX_MODIFIERS && j < this.lx.count; mods++, j++) {
      const kind = this.lx.kind[j];
      const w = this.w(j);
      if (kind === Kind.Mixed) {
        // "777s", "A320s" are counted; "A380", "A330" are model names before the noun.
        if (w.endsWith("s")) return { end: j + 1, numberEnd: n.end, value: n.value, unit: w };
        continue;
      }
      if (kind === Kind.Number) {
        if (mods === 0) return null;
        continue;
      }
      if (kind !== Kind.Word) return null;
      if (this.w(j + 1) === "-" && this.adjacent(j + 1) && this.adjacent(j + 2) && this.lx.kind[j + 2] === Kind.Word) {
        j += 2; // "long-haul", "Rolls-Royce": one modifier
        continue;
      }
      if (this.lx.upper[j]) {
        // "12 Ukrainian towns": a name is never the thing counted here; a year before a name is no count.
        if (MONTHS.has(w) || WEEKDAYS.has(w) || (k === Kind.Number && this.w(i).length === 4)) return null;
        continue;
      }
      if ((NOT_COUNTED.has(w) && !(w === "more" && mods === 0)) || w.length < 3 || NUMBER_WORDS.has(w)) return null;
      if (COLLECTIVE.has(w) || (w.endsWith("s") && !w.endsWith("ss") && (mods === 0 || w.length > 3))) {
        return { end: j + 1, numberEnd: n.end, value: n.value, unit: w };
      }
      // Any other word only right before the noun: "two main rivals", "three investment banks".
      const next = this.w(j + 1);
      const beforeNoun = this.lx.kind[j + 1] === Kind.Word && !this.lx.upper[j + 1] && next.length > 3 && next.endsWith("s") && !NOT_COUNTED.has(next);
      if (!beforeNoun && !MODIFIER_WORDS.has(w) && !ADJECTIVE_ENDINGS.some((e) => w.endsWith(e))) return null;
    }
    return null;
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

/** ISO 4217 codes are three capital letters; other units ("%", "people", "km") are not money. */
function isCurrency(unit: string): boolean {
  return unit.length === 3 && unit.toUpperCase() === unit && unit !== "%";
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
