/**
 * Word lists of the quotes stage's rules (hand-made from the reporting verbs of news style guides and the cues
 * PolNeAR's guidelines list: statements, beliefs and intentions). Lower-case.
 */

/** Reporting verbs (all forms) that attribute a statement, a belief or an intention. */
export const CUE_VERBS: ReadonlySet<string> = new Set(
  (
    "say says said saying tell tells told telling add adds added adding warn warns warned warning urge urges urged " +
    "deny denies denied insist insists insisted argue argues argued arguing tweet tweets tweeted write writes wrote " +
    "note notes noted noting ask asks asked explain explains explained admit admits admitted acknowledge acknowledges " +
    "acknowledged claim claims claimed declare declares declared announce announces announced state states stated " +
    "stress stresses stressed emphasize emphasizes emphasized emphasised recall recalls recalled predict predicts " +
    "predicted caution cautions cautioned complain complains complained concede concedes conceded confirm confirms " +
    "confirmed contend contends contended observe observes observed report reports reported reply replies replied " +
    "respond responds responded suggest suggests suggested testify testifies testified maintain maintains maintained " +
    "vow vows vowed pledge pledges pledged promise promises promised threaten threatens threatened assert asserts " +
    "asserted allege alleges alleged believe believes believed think thinks thought fear fears feared hope hopes " +
    "hoped expect expects expected estimate estimates estimated agree agrees agreed disagree disagrees disagreed " +
    "charge charges charged counter counters countered joke jokes joked quip quips quipped boast boasts boasted " +
    "mused concluded conclude concludes remarked remark remarks reiterated reiterate reiterates wondered " +
    "posted revealed reveal reveals disclosed told insisting warning arguing adding noting explaining claiming " +
    "announced acknowledging recalling stressing suggesting telling asking " +
    // Manner of speaking (cue-lexicon.ts CLS_VOICE), past forms only: the rules see them as cues of what they quote.
    "yelled shouted screamed exclaimed chanted proclaimed interjected whispered muttered"
  ).split(" "),
);

/** Cues that take the hearer as object before the content: "told reporters that ...", "urged him to ...". */
export const OBJECT_CUES: ReadonlySet<string> = new Set(
  "tell tells told telling warn warns warned warning urge urges urged ask asks asked assure assured remind reminded inform informed".split(" "),
);

/** Participles whose source is the subject of the sentence: "The Russian leader pointed to ..., saying ...". */
export const PARTICIPLE_CUES: ReadonlySet<string> = new Set(
  "saying adding telling noting arguing insisting warning claiming explaining stressing suggesting acknowledging recalling asking".split(" "),
);

/** Words between a source and its verb: "Putin also said", "he has said", "she later told". */
export const AUX_ADVERBS: ReadonlySet<string> = new Set(
  "has have had also later then once previously repeatedly again would will did does do has had often reportedly recently earlier further privately publicly separately subsequently even still initially originally".split(" "),
);

export const PRONOUNS: ReadonlySet<string> = new Set("he she they i we it you".split(" "));

/** Pronouns and nouns that name a group or an unnamed source: the speaker stays `speakerText` only. */
export const GROUP_PRONOUNS: ReadonlySet<string> = new Set("they we it you".split(" "));

/** Words that never end a source noun phrase (or sit inside one). */
export const NOT_IN_SOURCE: ReadonlySet<string> = new Set(
  (
    "that which who whom whose what when where why how if whether because while although though as than to of in on at " +
    "for from with by about into over after before since until and or but nor so yet not no is are was were be been being " +
    "this these those there here had has have do does did can could may might must shall should will would also just " +
    "more most very only even still already now then ever never"
  ).split(" "),
);

export const DETERMINERS: ReadonlySet<string> = new Set("the a an another his her their its our my your one some many several two three both".split(" "));

/** Opening and closing double quotation marks as tokens ("``" and "''" are the ASCII typesetting forms). */
export const OPEN_MARKS: ReadonlySet<string> = new Set(["“", "``", "„", "«"]);
export const CLOSE_MARKS: ReadonlySet<string> = new Set(["”", "''", "»"]);
export const STRAIGHT_MARK = '"';
export const DASHES: ReadonlySet<string> = new Set(["—", "–", "-", "--", "―"]);

/** Finite verb forms of a closed class (auxiliaries, modals, copulas): a clause's own verb, without a POS tagger. */
export const FINITE: ReadonlySet<string> = new Set("is are was were am has have had will would can could should may might must shall do does did 's ’s".split(" "));
