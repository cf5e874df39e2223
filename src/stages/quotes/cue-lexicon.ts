/**
 * The tagger's reporting-verb lexicon (features only; the rules' own list is lexicon.ts): base forms by class, every
 * regular and irregular form of them mapped back to the base ("argued", "arguing" -> "argue"), so a cue seen in
 * training in one form counts for the others. Why classes: PolNeAR's cues are a long tail (7,747 distinct cue strings
 * among 22,468 in train; of the 779 cues the old model missed on the held-out slice, 664 are strings it missed only once) that a word feature
 * cannot learn one by one. The classes follow PolNeAR's cue kinds (statements, beliefs, intentions) plus the
 * evidence, evaluation and appearance verbs its annotators also mark (train cues: "show"/"shows"/"showed" 190,
 * "found" 64, "criticized" 40, "seemed" 48), and the nouns of nominal cues ("said in a statement" 45).
 */

/** Irregular forms, to their base form. */
const IRREGULAR: readonly [string, string][] = [
  ["said", "say"], ["told", "tell"], ["wrote", "write"], ["written", "write"], ["thought", "think"], ["saw", "see"],
  ["seen", "see"], ["knew", "know"], ["known", "know"], ["found", "find"], ["sought", "seek"], ["felt", "feel"],
  ["spoke", "speak"], ["spoken", "speak"], ["understood", "understand"], ["shown", "show"], ["read", "read"],
  ["sang", "sing"], ["sung", "sing"],
];

const isVowel = (c: string): boolean => c === "a" || c === "e" || c === "i" || c === "o" || c === "u";

/** The regular forms of a verb (or the plural of a noun): -s/-es/-ies, -ed/-d/-ied, -ing, with a doubled final consonant too. */
function forms(l: string): string[] {
  const last = l[l.length - 1]!, cy = last === "y" && !isVowel(l[l.length - 2] ?? "a");
  const out = [l];
  out.push(/(?:s|sh|ch|x|z|o)$/.test(l) ? l + "es" : cy ? l.slice(0, -1) + "ies" : l + "s");
  out.push(last === "e" ? l + "d" : cy ? l.slice(0, -1) + "ied" : l + "ed");
  out.push(l.endsWith("ie") ? l.slice(0, -2) + "ying" : last === "e" && !l.endsWith("ee") ? l.slice(0, -1) + "ing" : l + "ing");
  if (!isVowel(last) && last !== "w" && last !== "y" && last !== "x") out.push(l + last + "ed", l + last + "ing");
  return out;
}

/**
 * Stem of a lower-cased word for the features: the base form of a lexicon verb in any of its forms ("argued",
 * "arguing" -> "argue"), else the word without -ing, -ed or -s ("mocked" -> "mock"; not a lemmatizer: only the same
 * key for a verb's regular forms matters).
 */
export function stem(w: string): string {
  const base = FORMS.get(w);
  if (base !== undefined) return base;
  const n = w.length;
  if (n >= 6 && w.endsWith("ing")) return w.slice(0, -3);
  if (n >= 5 && w.endsWith("ed")) return w.slice(0, -2);
  if (n >= 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

/** Cue classes (0: not in the lexicon). */
export const CLS_SAY = 1, CLS_BELIEVE = 2, CLS_WANT = 3, CLS_SHOW = 4, CLS_JUDGE = 5, CLS_SEEM = 6, CLS_NOUN = 7, CLS_ACCORDING = 8, CLS_VOICE = 9;

const CLASSES: readonly [number, string][] = [
  [
    CLS_SAY,
    "say tell add warn urge deny insist argue tweet write note ask explain admit acknowledge claim declare announce " +
      "state stress emphasize emphasise recall predict caution complain concede confirm contend observe report reply " +
      "respond suggest testify maintain assert allege charge counter joke quip boast muse conclude remark reiterate " +
      "wonder disclose mention describe call continue cite refer point inform assure remind speak talk comment quote " +
      "repeat answer recommend demand signal hint threaten concur question challenge dispute retort scoff lament " +
      "highlight summarize characterize label brand dub decline refuse read",
  ],
  [CLS_BELIEVE, "believe think fear hope expect estimate agree disagree feel know see consider doubt suspect worry assume guess understand imagine reckon"],
  [CLS_WANT, "want plan seek intend aim wish prefer vow pledge promise propose offer decide"],
  [CLS_SHOW, "show find indicate reveal demonstrate prove forecast calculate"],
  [
    CLS_JUDGE,
    "criticize criticise praise accuse blame denounce defend endorse support oppose attack reject dismiss condemn " +
      "slam blast laud hail welcome applaud decry chide mock ridicule berate fault rebuke scold champion favor favour",
  ],
  [CLS_SEEM, "seem appear"],
  // Manner of speaking: a cue only next to a direct quotation (`Mr. Trump yelled, ''Out!''`, `Potts echoed: “…”`),
  // its own class so the tagger does not learn it as a cue of indirect speech. Few in PolNeAR train (about 30 before
  // a quotation mark), a long tail that word features alone miss.
  [CLS_VOICE, "yell shout scream shriek exclaim chant proclaim interject whisper mutter murmur sing echo cry bellow holler gush plead"],
  [CLS_NOUN, "statement interview speech remarks remark letter briefing op-ed editorial email memo testimony view opinion"],
];

/** Every form of a lexicon word -> its base form, and base form -> class (the first class listing it). */
const FORMS = new Map<string, string>(IRREGULAR);
const BY_BASE = new Map<string, number>();
for (const [cls, words] of CLASSES)
  for (const w of words.split(" ")) {
    if (BY_BASE.has(w)) continue;
    BY_BASE.set(w, cls);
    for (const f of forms(w)) if (!FORMS.has(f)) FORMS.set(f, w);
  }

/** Cue class of a lower-cased word (0: none); "according" counts when "to" follows. */
export function cueClass(w: string, next: string | undefined): number {
  if (w === "according") return next === "to" ? CLS_ACCORDING : 0;
  const base = FORMS.get(w);
  return base === undefined ? 0 : BY_BASE.get(base)!;
}
