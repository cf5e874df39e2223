/**
 * What the coref stage knows beyond the text: given names by gender, country names and aliases, demonyms and
 * capitals (models/coref-lexicon.json, built from MIT-licensed npm data by scripts/build-coref-lexicon.mjs), and the
 * small closed word classes of English it reads (pronouns, role nouns, reporting verbs).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Gender = "male" | "female";

export interface CorefLexicon {
  /** Lower-cased given name → gender. */
  given: ReadonlyMap<string, Gender>;
  /** Lower-cased country name or alias, without a leading "the" → ISO 3166 alpha-2 code. */
  country: ReadonlyMap<string, string>;
  /** Demonym ("Russian", "Russians") → country code. Case-sensitive: "Turkish" yes, "turkish" no. */
  demonym: ReadonlyMap<string, string>;
  /** Capital city → country code: "Moscow" → RU. */
  capital: ReadonlyMap<string, string>;
}

const LEXICON_FILE = "models/coref-lexicon.json";

function lexiconPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, LEXICON_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${LEXICON_FILE} not found above ${fileURLToPath(import.meta.url)}; run node scripts/build-coref-lexicon.mjs`);
    dir = parent;
  }
}

let shared: CorefLexicon | null = null;

/** The lexicon, read once per process (35 ms measured on this machine, once per worker). */
export function corefLexicon(): CorefLexicon {
  if (shared) return shared;
  const raw = JSON.parse(readFileSync(lexiconPath(), "utf8")) as {
    female: string[];
    male: string[];
    countries: string[][];
    demonyms: Record<string, string>;
    capitals: Record<string, string>;
  };
  const given = new Map<string, Gender>();
  for (const n of raw.male) given.set(n, "male");
  for (const n of raw.female) given.set(n, "female");
  const country = new Map<string, string>();
  for (const [code, ...names] of raw.countries) for (const n of names) country.set(stripThe(n.toLowerCase()), code!);
  shared = { given, country, demonym: new Map(Object.entries(raw.demonyms)), capital: new Map(Object.entries(raw.capitals)) };
  return shared;
}

export function stripThe(lower: string): string {
  return lower.startsWith("the ") ? lower.slice(4) : lower;
}

/** Third-person singular pronouns that refer to people, with their gender. */
export const PERSONAL_PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ["he", "male"], ["him", "male"], ["his", "male"], ["himself", "male"],
  ["she", "female"], ["her", "female"], ["hers", "female"], ["herself", "female"],
]);

/** Pronouns in subject position: they can be the speaker of a cue ("..., he said"). */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(["he", "she"]);

/** Honorifics that tell a person's gender ("Mrs. Clinton"). */
export const GENDERED_HONORIFICS: ReadonlyMap<string, Gender> = new Map([
  ["mr", "male"], ["mrs", "female"], ["ms", "female"], ["miss", "female"], ["sir", "male"], ["dame", "female"],
  ["lord", "male"], ["lady", "female"], ["king", "male"], ["queen", "female"], ["prince", "male"], ["princess", "female"],
  ["congressman", "male"], ["congresswoman", "female"], ["chairman", "male"], ["chairwoman", "female"],
  ["spokesman", "male"], ["spokeswoman", "female"], ["businessman", "male"], ["businesswoman", "female"],
]);

/**
 * Nouns that name a person's role: the head of a title ("Russian President", "director of the China program") and
 * of a nominal mention ("the senator", "the Russian leader"). Lower case, without a final period.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  "president", "leader", "premier", "chancellor", "minister", "secretary", "senator", "sen", "congressman", "congresswoman",
  "representative", "rep", "governor", "gov", "mayor", "speaker", "chairman", "chairwoman", "chairperson", "chair",
  "director", "professor", "prof", "ceo", "executive", "officer", "spokesman", "spokeswoman", "spokesperson", "judge",
  "justice", "ambassador", "envoy", "general", "gen", "admiral", "commander", "king", "queen", "prince", "princess", "pope",
  "nominee", "candidate", "founder", "co-founder", "owner", "chief", "head", "adviser", "advisor", "aide", "manager",
  "analyst", "economist", "strategist", "attorney", "lawyer", "prosecutor", "commissioner", "diplomat", "dictator",
  "monarch", "emperor", "lawmaker", "legislator", "politician", "businessman", "businesswoman", "billionaire",
  "fellow", "researcher", "scientist", "editor", "correspondent", "columnist", "reporter", "anchor", "host", "coach",
  "captain", "chef", "president-elect", "vice-president", "vice", "deputy", "treasurer", "partner", "pollster",
  "activist", "official", "counsel", "solicitor", "inspector", "superintendent", "sheriff", "detective",
  "dean", "lecturer", "principal", "architect", "author", "writer", "campaigner", "organizer",
]);

/** Roles that the head of a state or government holds: "the Russian leader" can be its president or premier. */
export const LEADER_ROLES: ReadonlySet<string> = new Set([
  "president", "premier", "chancellor", "minister", "king", "queen", "leader", "dictator", "monarch", "emperor", "prince",
]);

/** Words that may stand inside a title before a name, besides capitalized words and role nouns. */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  "former", "then", "then-", "acting", "deputy", "vice", "senior", "top", "chief", "assistant", "associate", "interim",
  "incoming", "outgoing", "newly", "elected", "retired", "late", "current", "longtime", "veteran", "executive", "general",
  "managing", "prime", "foreign", "defense", "defence", "finance", "interior", "state", "national", "presidential",
  "democratic", "republican", "press", "campaign", "security", "policy", "of", "for", "and", "&", "-",
]);

/**
 * Reporting and communication verbs: their subject is a speaker ("Putin said", "said Alfred Wu", "he added"). Forms that
 * news uses in attribution. The quotes stage keeps its own cue list (quotes/lexicon.ts CUE_VERBS, a feature of its
 * trained model); folding the two into one needs a retrain of that model.
 */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  "said", "says", "say", "saying", "added", "adds", "told", "tells", "noted", "notes", "explained", "explains", "stressed",
  "stresses", "argued", "argues", "warned", "warns", "insisted", "insists", "claimed", "claims", "wrote", "writes",
  "tweeted", "tweets", "continued", "continues", "asked", "asks", "replied", "replies", "concluded", "admitted", "admits",
  "acknowledged", "acknowledges", "announced", "announces", "declared", "declares", "stated", "states", "suggested",
  "suggests", "urged", "urges", "denied", "denies", "confirmed", "confirms", "recalled", "recalls", "predicted",
  "predicts", "emphasized", "emphasised", "observed", "remarked", "responded", "responds", "complained", "complains",
  "cautioned", "pointed", "believes", "believed", "thinks", "thought", "wants", "wanted", "promised", "promises",
  "vowed", "vows", "blamed", "called", "described", "accused", "criticized", "criticised", "praised", "joked", "quipped",
  "shouted", "yelled", "testified", "reported", "reports", "revealed", "disclosed", "estimated", "estimates", "contended",
]);
