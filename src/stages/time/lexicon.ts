/** Word lists for the time grammar. Keys are lowercased tokens as the lexer produces them. */

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ["january", 1], ["jan", 1], ["february", 2], ["feb", 2], ["march", 3], ["mar", 3], ["april", 4], ["apr", 4],
  ["may", 5], ["june", 6], ["jun", 6], ["july", 7], ["jul", 7], ["august", 8], ["aug", 8], ["september", 9],
  ["sept", 9], ["sep", 9], ["october", 10], ["oct", 10], ["november", 11], ["nov", 11], ["december", 12], ["dec", 12],
]);

/** Month names that are also common words or names; they count as months only next to a day or a year. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(["may", "march", "mar", "jan", "jun", "sep", "dec", "oct", "nov", "feb", "apr", "jul", "aug"]);

export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ["monday", 1], ["mon", 1], ["tuesday", 2], ["tues", 2], ["tue", 2], ["wednesday", 3], ["wed", 3],
  ["thursday", 4], ["thurs", 4], ["thu", 4], ["friday", 5], ["fri", 5], ["saturday", 6], ["sat", 6], ["sunday", 7], ["sun", 7],
]);

/** Weekday abbreviations that are words too ("sun", "sat", "wed"): only with a following period + date. */
export const AMBIGUOUS_WEEKDAYS: ReadonlySet<string> = new Set(["mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"]);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ["one", 1], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7], ["eight", 8], ["nine", 9],
  ["ten", 10], ["eleven", 11], ["twelve", 12], ["thirteen", 13], ["fourteen", 14], ["fifteen", 15], ["sixteen", 16],
  ["seventeen", 17], ["eighteen", 18], ["nineteen", 19], ["twenty", 20], ["thirty", 30], ["forty", 40], ["fifty", 50],
  ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90], ["hundred", 100], ["dozen", 12],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5], ["sixth", 6], ["seventh", 7], ["eighth", 8],
  ["ninth", 9], ["tenth", 10], ["eleventh", 11], ["twelfth", 12], ["last", -1], ["final", -1],
]);

/** Quantities that leave the number unspecified: "several years" is PXY. */
export const VAGUE_QUANTITIES: ReadonlySet<string> = new Set(["several", "few", "many", "some", "numerous", "multiple", "countless"]);

/** Duration units: TIMEX3 letter, whether it takes the "T" time designator, and the multiplier. */
export interface Unit {
  letter: string;
  time: boolean;
  factor: number;
  /** Granularity name used for "N units ago". */
  name: "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year" | "decade" | "century";
}

const u = (letter: string, time: boolean, factor: number, name: Unit["name"]): Unit => ({ letter, time, factor, name });

export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ["second", u("S", true, 1, "second")], ["seconds", u("S", true, 1, "second")],
  ["minute", u("M", true, 1, "minute")], ["minutes", u("M", true, 1, "minute")],
  ["hour", u("H", true, 1, "hour")], ["hours", u("H", true, 1, "hour")],
  ["day", u("D", false, 1, "day")], ["days", u("D", false, 1, "day")],
  ["week", u("W", false, 1, "week")], ["weeks", u("W", false, 1, "week")],
  ["month", u("M", false, 1, "month")], ["months", u("M", false, 1, "month")],
  ["quarter", u("Q", false, 1, "quarter")], ["quarters", u("Q", false, 1, "quarter")],
  ["year", u("Y", false, 1, "year")], ["years", u("Y", false, 1, "year")],
  ["decade", u("Y", false, 10, "decade")], ["decades", u("Y", false, 10, "decade")],
  ["century", u("Y", false, 100, "century")], ["centuries", u("Y", false, 100, "century")],
]);

export const SEASONS: ReadonlyMap<string, string> = new Map([
  ["spring", "SP"], ["summer", "SU"], ["fall", "FA"], ["autumn", "FA"], ["winter", "WI"],
]);

export const PARTS_OF_DAY: ReadonlyMap<string, string> = new Map([
  ["morning", "MO"], ["afternoon", "AF"], ["evening", "EV"], ["night", "NI"], ["overnight", "NI"],
]);

/** Holidays on a fixed day of the year: "MM-DD". Multi-word names are matched token by token. */
export const FIXED_HOLIDAYS: ReadonlyArray<readonly [readonly string[], number, number]> = [
  [["new", "year", "'", "s", "day"], 1, 1],
  [["new", "year", "'", "s", "eve"], 12, 31],
  [["new", "year", "'", "s"], 1, 1],
  [["new", "year"], 1, 1],
  [["christmas", "eve"], 12, 24],
  [["christmas", "day"], 12, 25],
  [["christmas"], 12, 25],
  [["boxing", "day"], 12, 26],
  [["valentine", "'", "s", "day"], 2, 14],
  [["independence", "day"], 7, 4],
  [["halloween"], 10, 31],
  [["veterans", "day"], 11, 11],
  [["armistice", "day"], 11, 11],
  [["st", ".", "patrick", "'", "s", "day"], 3, 17],
  [["may", "day"], 5, 1],
  [["bastille", "day"], 7, 14],
  [["cinco", "de", "mayo"], 5, 5],
  // The US presidential inauguration (since 1937); named in news long before and after the one it means.
  [["inauguration", "day"], 1, 20],
];

/**
 * Holidays computed per year: Easter-relative offsets, the n-th weekday of a month, or the first weekday on or after a
 * day of a month (US Election Day: the Tuesday after the first Monday of November, i.e. the first on or after the 2nd).
 */
export type MovableRule = { easter: number } | { month: number; weekday: number; nth: number } | { month: number; weekday: number; onOrAfter: number };

export const MOVABLE_HOLIDAYS: ReadonlyArray<readonly [readonly string[], MovableRule]> = [
  [["easter", "sunday"], { easter: 0 }],
  [["easter", "monday"], { easter: 1 }],
  [["easter"], { easter: 0 }],
  [["good", "friday"], { easter: -2 }],
  [["ash", "wednesday"], { easter: -46 }],
  [["palm", "sunday"], { easter: -7 }],
  [["pentecost"], { easter: 49 }],
  [["thanksgiving", "day"], { month: 11, weekday: 4, nth: 4 }],
  [["thanksgiving"], { month: 11, weekday: 4, nth: 4 }],
  [["labor", "day"], { month: 9, weekday: 1, nth: 1 }],
  [["memorial", "day"], { month: 5, weekday: 1, nth: -1 }],
  [["martin", "luther", "king", "day"], { month: 1, weekday: 1, nth: 3 }],
  [["mother", "'", "s", "day"], { month: 5, weekday: 7, nth: 2 }],
  [["father", "'", "s", "day"], { month: 6, weekday: 7, nth: 3 }],
  [["election", "day"], { month: 11, weekday: 2, onOrAfter: 2 }],
];

/**
 * Holidays that are dates on a calendar of politics, not feasts: without a past tense they lie ahead ("as Election Day
 * nears", "the next president, even before Inauguration Day"), as a scheduled election does for a weekday.
 */
export const SCHEDULED_HOLIDAYS: ReadonlySet<string> = new Set(["election", "inauguration"]);

/** Words that mark the verb group as future, past or present; the nearest one in the clause wins. */
export const FUTURE_CUES: ReadonlySet<string> = new Set(["will", "shall", "'ll", "wo", "would", "gonna", "scheduled", "planned", "plans", "plan", "planning", "slated", "expected", "expects", "expect", "due", "upcoming", "next", "tomorrow", "payable"]);

export const PRESENT_CUES: ReadonlySet<string> = new Set(["is", "are", "am", "falls", "fall", "begins", "starts", "ends", "runs", "takes", "comes", "meets", "opens", "closes", "remains", "'s", "nears", "approaches", "looms"]);

/** Present-tense reporting verbs: what they report was found or said by the time of writing. */
export const REPORTING_PRESENT: ReadonlySet<string> = new Set(["says", "shows", "finds", "suggests", "indicates"]);

export const PAST_CUES: ReadonlySet<string> = new Set([
  "was", "were", "had", "did", "said", "told", "began", "came", "went", "took", "made", "saw", "gave", "met", "left",
  "found", "got", "held", "won", "lost", "fell", "rose", "led", "ran", "sent", "spent", "struck", "thought", "became",
  "brought", "bought", "caught", "fought", "paid", "knew", "wrote", "spoke", "broke", "chose", "drove", "flew", "grew",
  "threw", "wore", "sold", "stood", "understood", "kept", "felt", "meant", "built", "dealt", "shot", "sank", "ago",
  "last", "yesterday", "earlier", "previous", "been", "hit", "quit", "killed", "began", "arose", "forbade", "sought",
  "taught", "swore", "tore", "woke", "slid", "fled", "bid", "heard", "lay", "laid", "read",
]);

/** "-ed" words that are not past-tense verbs. */
export const NOT_PAST_ED: ReadonlySet<string> = new Set([
  "need", "speed", "red", "bed", "hundred", "embed", "feed", "seed", "indeed", "proceed", "exceed", "succeed", "breed",
  "greed", "shed", "shred", "wed", "sled", "bred", "united", "limited", "based", "related", "expected", "scheduled", "planned",
  "armed", "advanced", "detailed", "experienced", "concerned", "interested", "reed", "weed", "creed", "deed", "steed",
]);
