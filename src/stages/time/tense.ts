/**
 * Tense of the clause around a token, from a few lexical cues (auxiliaries, irregular past forms, "-ed"
 * verbs): enough to tell "On Thursday, Russia launched" (past) from "Xi will arrive on Friday" (future)
 * without a tagger. The nearest cue within the clause wins, else within the sentence; ties go to the cue
 * before the timex.
 */
import { endsSentence, Kind, type Lexed } from "./lexer.js";
import { FUTURE_CUES, NOT_PAST_ED, PAST_CUES, PRESENT_CUES, REPORTING_PRESENT } from "./lexicon.js";

export const enum Tense {
  Unknown = 0,
  Past = 1,
  Present = 2,
  Future = 3,
  /** The future of a past moment ("was planning to hold a fund-raiser on Thursday"): either side of the DCT. */
  Prospective = 4,
}

const WINDOW = 14;

/** Articles and possessives, after which a participle is an adjective ("the proposed merger"). */
const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an", "its", "his", "her", "their", "our"]);

/** Before a cue word these make it a noun ("the plan", "that plan"). Not before a participle: "shootings that injured". */
const DETERMINERS: ReadonlySet<string> = new Set([...ARTICLES, "this", "that"]);

/** Modals of possibility; "could" is left out, as it is also the past of "can" ("could not attend on Friday"). */
const MODALS: ReadonlySet<string> = new Set(["can", "cannot", "may", "might"]);

/** Present-tense verbs of intention: before "to" their event lies ahead ("wants to", "hope to", "vows to"). */
const INTENTIONS: ReadonlySet<string> = new Set(["want", "wants", "hope", "hopes", "intend", "intends", "aim", "aims", "seek", "seeks", "vow", "vows", "promise", "promises"]);

/** Auxiliaries of the passive whose participle carries no tense of its own. */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(["be", "being", "been", "is", "are"]);

/** The tense token k signals by itself, or Unknown. */
export function cueAt(lx: Lexed, k: number): Tense {
  if (lx.kind[k] !== Kind.Word && lx.lower[k] !== "'ll") return Tense.Unknown;
  const w = lx.lower[k] as string;
  if (w === "ll" && lx.lower[k - 1] === "'") return Tense.Future;
  // The lexer splits "won't" into "won" "'" "t": the negated "will", not the past of "win".
  if (w === "won" && lx.lower[k + 1] === "'" && lx.lower[k + 2] === "t") return Tense.Future;
  // "must win in November" is an obligation ahead; "must have known" looks back; "(ruled that he) must be returned"
  // is a passive that is often reported speech, so it gives no direction.
  if (w === "must") return lx.lower[k + 1] === "have" ? Tense.Past : lx.lower[k + 1] === "be" ? Tense.Unknown : Tense.Future;
  const p = lx.lower[k - 1] ?? "";
  // "was planning to", "were expected to": what was ahead then may be over by the time of writing.
  const seenFromPast = p === "was" || p === "were";
  if ((w === "going" || w === "set" || w === "poised") && lx.lower[k + 1] === "to") return seenFromPast ? Tense.Prospective : Tense.Future; // "set to resume Monday"
  // A modal of possibility puts its event ahead ("a Republican who can win the general election in November", "he
  // may wait until February"), unless perfect ("may have known") or before "be", which is mostly a guess about what is
  // ("attempts ... may be behind November's rise in sales"); lower case only, so the month May is no cue.
  if (MODALS.has(w) && !lx.upper[k] && !DETERMINERS.has(lx.lower[k - 1] ?? "")) {
    const next = lx.lower[k + 1];
    return next === "have" ? Tense.Past : next === "be" ? Tense.Unknown : Tense.Future;
  }
  // "they don't want to run against Clinton in November": an intention before its infinitive is yet to be carried out.
  if (INTENTIONS.has(w) && lx.lower[k + 1] === "to" && !DETERMINERS.has(p)) return Tense.Future;
  // "they are less likely to vote Republican in November": a likelihood is of what is ahead.
  if ((w === "likely" || w === "unlikely") && lx.lower[k + 1] === "to") return seenFromPast ? Tense.Prospective : Tense.Future;
  if (w === "next" && lx.lower[k + 1] === "to") return Tense.Unknown; // "the blasts next to the embassies"
  if (w === "is" && lx.lower[k - 1] === "that" && lx.lower[k + 1] === ",") return Tense.Unknown; // "that is, those countries"
  // "the past two Quinnipiac polls, in February and October": what "the past" qualifies is over.
  if (w === "past" && DETERMINERS.has(p)) return Tense.Past;
  // A condition is yet to be met ("promised immigration reform if he and Clinton take office in January"), unless it
  // is counterfactual ("if he had won in November"), whose tense the next cue gives, or has no clause of its own
  // ("offering in August to meet with them ... if needed").
  // "when asked in May if he would endorse Trump": a "would" in it makes the "if" clause a reported question or a
  // condition seen from the past, which places nothing ahead of the DCT.
  if (w === "if") return conditionalPast(lx, k) || !startsSubject(lx, k + 1) || wouldAfter(lx, k) ? Tense.Unknown : Tense.Future;
  // "if his candidate were to win in November": a condition still to be met, not a past.
  if ((w === "were" || w === "was") && lx.lower[k + 1] === "to" && ifBefore(lx, k)) return Tense.Future;
  // The present of a calendar ("the court term that begins next Monday and ends in June", "as the deadline nears"):
  // what the schedule says is ahead.
  if (SCHEDULE_PRESENT.has(w) && !DETERMINERS.has(p)) return Tense.Future;
  if (FUTURE_CUES.has(w)) return DETERMINERS.has(p) ? Tense.Unknown : seenFromPast ? Tense.Prospective : Tense.Future; // "announced the plan"
  if ((w === "was" || w === "were") && prospectiveAfter(lx, k)) return Tense.Prospective;
  // "will be paid", "is held": a passive takes its tense from the auxiliary, not from the participle.
  if (PAST_CUES.has(w)) return PASSIVE_AUXILIARIES.has(p) ? Tense.Unknown : Tense.Past;
  // "Fans ... have taken to social media", "Carson has shown": a perfect looks back. Only after "has"/"have"/"had" (one
  // adverb allowed), since alone these participles are mostly passive ("was taken") or adjectives ("a known risk").
  if (IRREGULAR_PARTICIPLES.has(w) && perfectBefore(lx, k)) return Tense.Past;
  if (PRESENT_CUES.has(w)) return Tense.Present;

  if (w.length > 4 && w.endsWith("ed") && !NOT_PAST_ED.has(w) && !lx.upper[k]) {
    // A participle after "be"/"to"/"can be" is passive or infinitival, not a past tense.
    if (p === "be" || p === "being" || p === "to" || p === "is" || p === "are") return Tense.Unknown;
    // An attributive participle is an adjective: "the proposed merger", "a still unspecified date".
    if (ARTICLES.has(p) || w.startsWith("un")) return Tense.Unknown;
    return Tense.Past;
  }
  return Tense.Unknown;
}

/** Irregular past participles that are not also simple pasts (those are PAST_CUES already). */
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set([
  "taken", "shown", "given", "seen", "done", "gone", "become", "begun", "written", "spoken", "known", "grown", "thrown",
  "drawn", "driven", "risen", "fallen", "chosen", "broken", "gotten", "forgotten", "stolen", "sworn", "torn", "beaten",
]);

/** Perfect auxiliaries, and the adverbs that may stand between one and its participle ("has already shown"). */
const PERFECT_AUXILIARIES: ReadonlySet<string> = new Set(["has", "have", "had", "ve"]);
const PERFECT_ADVERBS: ReadonlySet<string> = new Set(["not", "already", "just", "also", "never", "long", "since", "recently", "now"]);

function perfectBefore(lx: Lexed, k: number): boolean {
  const p = lx.lower[k - 1] ?? "";
  if (PERFECT_AUXILIARIES.has(p)) return true;
  return PERFECT_ADVERBS.has(p) && PERFECT_AUXILIARIES.has(lx.lower[k - 2] ?? "");
}

/** "was expected", "were going to": the past auxiliary at k before a future cue, read together with it. */
function prospectiveAfter(lx: Lexed, k: number): boolean {
  const next = lx.lower[k + 1] ?? "";
  if (next === "going" || next === "set" || next === "poised") return lx.lower[k + 2] === "to";
  return FUTURE_CUES.has(next);
}

/** A subject can begin at k: a pronoun, a determiner or a name ("if he", "if the deal", "if Trump"; not "if needed"). */
function startsSubject(lx: Lexed, k: number): boolean {
  return k < lx.count && lx.kind[k] === Kind.Word && (SUBJECT_STARTS.has(lx.lower[k] as string) || lx.lower[k] === "you" || lx.upper[k] === 1);
}

/** A past cue within the four tokens after "if" at k ("if he had", "if they were", "if she did"; not "if he were to"). */
function conditionalPast(lx: Lexed, k: number): boolean {
  for (let j = k + 1; j <= k + 4 && j < lx.count; j++) {
    const w = lx.lower[j] as string;
    if (PAST_CUES.has(w) && !((w === "were" || w === "was") && lx.lower[j + 1] === "to")) return true;
  }
  return false;
}

/** "would" within the five tokens after "if" at k, before a comma. */
function wouldAfter(lx: Lexed, k: number): boolean {
  for (let j = k + 1; j <= k + 5 && j < lx.count; j++) {
    if (lx.lower[j] === "," || endsSentence(lx, j)) return false;
    if (lx.lower[j] === "would") return true;
  }
  return false;
}

/** "if" within the four tokens before k, in the same sentence. */
function ifBefore(lx: Lexed, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    if (endsSentence(lx, j)) return false;
    if (lx.lower[j] === "if") return true;
  }
  return false;
}

/** Present forms of a schedule: with a date they say what is planned. */
const SCHEDULE_PRESENT: ReadonlySet<string> = new Set(["begins", "starts", "ends", "opens", "closes", "meets", "nears", "approaches", "looms", "resumes", "convenes", "expires"]);

/**
 * The tense at token i. Cues in the same clause and on the same side of a quotation mark come first: in
 * "''He will leave at 4 a.m. Thursday,'' Castro said" the quote's "will" counts, not the reporting "said", and in
 * "it began notifying staff on Friday and the process would continue" "began" counts, not "would"; only when the
 * clause holds no cue does one across the quotation mark or the conjunction decide.
 */
export function tenseAt(lx: Lexed, i: number): Tense {
  // "he told me on Friday, is that ...", "who did win Rhode Island on Tuesday, would ...": a comma right after the
  // date closes its clause, so a cue of that clause before the date comes before any cue after the comma.
  if (lx.lower[i + 1] === "," || (lx.lower[i + 2] === "," && i + 1 < lx.count && lx.kind[i + 1] === Kind.Word)) {
    const before = cueBefore(lx, i);
    if (before !== Tense.Unknown) return before;
  }
  const inside = nearestCue(lx, i, true);
  return inside !== Tense.Unknown ? inside : nearestCue(lx, i, false);
}

function nearestCue(lx: Lexed, i: number, strict: boolean): Tense {
  // Callers may ask at the token after a date ("for 5 May. Last week"): a sentence end there closes the right side.
  // "telling reporters during a visit to Scotland on Friday that he thinks the Brexit is": a "that" right after the
  // date opens what was reported, whose tense is not the date's; only the strict search (which stops there) looks past it.
  const rightOpen = (i >= lx.count || !endsSentence(lx, i)) && (strict || lx.lower[i + 1] !== "that");
  for (let d = 1; d <= WINDOW; d++) {
    const left = i - d;
    if (left >= 0 && left < lx.count) {
      const c = cueNear(lx, left, d);
      if (c !== Tense.Unknown && !beyondBoundary(lx, left, i, strict) && (strict || !reportsAcrossQuote(lx, left, i))) return c;
    }
    const right = i + d;
    if (rightOpen && right < lx.count) {
      const c = cueNear(lx, right, d);
      if (c !== Tense.Unknown && !beyondBoundary(lx, i, right, strict) && (strict || !reportsAcrossQuote(lx, i, right))) return c;
    }
  }
  return Tense.Unknown;
}

/** How far back the sentence-wide search goes: a constant, so the search stays linear in the text. */
const SENTENCE_REACH = 50;

/**
 * The nearest cue before the tense window, back to the sentence start (at most SENTENCE_REACH tokens, not across a
 * quotation mark or a line break), for a date whose own clause holds no cue: "Fans of Bradley Cooper's performance ...
 * have taken to social media to complain about the actor attending the Democratic National Convention on Wednesday".
 * Callers ask only where the window found nothing, since nearer cues decide first.
 */
export function sentenceCueBefore(lx: Lexed, i: number): Tense {
  for (let k = i - 1; k >= 0 && k >= i - SENTENCE_REACH; k--) {
    if (lx.breakBefore[k + 1] || endsSentence(lx, k) || isQuoteMark(lx, k)) return Tense.Unknown;
    const c = k < i - WINDOW ? cueAt(lx, k) : Tense.Unknown;
    if (c !== Tense.Unknown) return c;
  }
  return Tense.Unknown;
}

/** Reporting verbs, whose tense is the time of the statement, not of what it reports. */
const REPORTING: ReadonlySet<string> = new Set(["said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "explained", "recalled"]);

/**
 * '"I feel very good about chances in November," Tester said': the reporting verb across the quotation mark dates the
 * statement, not the quote's November, so it gives the date no tense (other cues across the mark still do).
 */
function reportsAcrossQuote(lx: Lexed, a: number, b: number): boolean {
  const verb = REPORTING.has(lx.lower[a] as string) ? a : REPORTING.has(lx.lower[b] as string) ? b : -1;
  if (verb < 0) return false;
  for (let k = a + 1; k < b; k++) if (isQuoteMark(lx, k)) return true;
  return false;
}

/**
 * The cue at token k, `d` tokens from the date. A present-tense reporting verb right next to the date ("a poll in
 * January shows", "Trump says Friday") reports a finding or a statement already made; farther off it is the reporting
 * clause of a sentence about something else ("Her fate in November ... hinges on ..., analyst says").
 */
function cueNear(lx: Lexed, k: number, d: number): Tense {
  const c = cueAt(lx, k);
  if (c !== Tense.Unknown || d > 2 || !REPORTING_PRESENT.has(lx.lower[k] as string) || lx.kind[k] !== Kind.Word) return c;
  return DETERMINERS.has(lx.lower[k - 1] ?? "") ? Tense.Unknown : Tense.Past;
}

/** The nearest cue before token i in its clause (bounded as in the strict search), or Unknown. */
function cueBefore(lx: Lexed, i: number): Tense {
  for (let k = i - 1; k >= 0 && k >= i - WINDOW; k--) {
    if (beyondBoundary(lx, k, i, true)) return Tense.Unknown;
    const c = cueNear(lx, k, i - k);
    if (c !== Tense.Unknown) return c;
  }
  return Tense.Unknown;
}

/** True when a sentence boundary or a line break (or, if strict, a quotation mark or a new clause) lies between a < b. */
function beyondBoundary(lx: Lexed, a: number, b: number, strict: boolean): boolean {
  for (let k = a + 1; k <= b; k++) {
    if (lx.breakBefore[k]) return true;
    if (k < b && (endsSentence(lx, k) || (strict && (isQuoteMark(lx, k) || opensClause(lx, k))))) return true;
  }
  return false;
}

const CLAUSE_CONJUNCTIONS: ReadonlySet<string> = new Set(["and", "but", "while", "whereas"]);
const SUBJECT_STARTS: ReadonlySet<string> = new Set(["the", "a", "an", "he", "she", "it", "they", "we", "i", "its", "his", "her", "their", "this", "that"]);

/**
 * "... on Friday and the process would continue": a conjunction before a new subject opens another clause, as do
 * "that", "which" and "who" ("Straw told activists on Thursday that voters would have to decide"), and a conjunction
 * right before a verb of its own tense ("many people finished work on Friday and can go in the week").
 */
function opensClause(lx: Lexed, k: number): boolean {
  const w = lx.lower[k] as string;
  if (w === "that" || w === "which" || w === "who") return true; // "told them on Thursday that voters would"
  return CLAUSE_CONJUNCTIONS.has(w) && (SUBJECT_STARTS.has(lx.lower[k + 1] ?? "") || cueAt(lx, k + 1) !== Tense.Unknown);
}

/** '"', curly quotes, and the doubled '' and `` of news wires; not the apostrophe of "Castro's". */
function isQuoteMark(lx: Lexed, k: number): boolean {
  const w = lx.lower[k];
  if (w === '"' || w === "\u201c" || w === "\u201d" || w === "`") return true;
  if (w !== "'") return false;
  return (lx.lower[k + 1] === "'" && lx.start[k + 1] === lx.end[k]) || (lx.lower[k - 1] === "'" && lx.start[k] === lx.end[k - 1]);
}
