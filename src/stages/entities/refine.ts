import type { EntityType } from "../../core/analysis.js";
import { GAZ, normalizeWord } from "./features.js";
import { gazetteerBits } from "./mention-rules.js";
import type { HashTable } from "./hash-table.js";

/**
 * Refines the tagger's types (CoNLL's four and PRO, which is PRODUCT) to the Analysis types: LOC splits into GPE (countries, states, cities) and LOC
 * (regions, continents, natural features); MISC into NORP (nationalities, religious and political groups), EVENT,
 * else MISC. Rules over the gazetteer stored in the model and small word lists; they see only the mention.
 */

/** Words that make a place a natural or regional location rather than a political entity. */
const LOC_HEADS = new Set([
  "river", "sea", "ocean", "lake", "mountain", "mountains", "mount", "mt.", "gulf", "bay", "valley", "desert", "island",
  "islands", "peninsula", "strait", "straits", "channel", "canal", "coast", "basin", "plain", "plains", "forest", "region",
  "hills", "highlands", "delta", "cape", "glacier", "steppe",
]);

/** Continents and regions that are not political entities. */
const LOC_NAMES = new Set([
  "europe", "asia", "africa", "antarctica", "oceania", "north america", "south america", "latin america", "central america",
  "middle east", "the middle east", "far east", "balkans", "the balkans", "caribbean", "the caribbean", "scandinavia",
  "gaza strip", "west bank", "the west bank", "sahara", "himalayas", "alps", "siberia", "eastern europe", "western europe",
  "central europe", "central asia", "southeast asia", "south-east asia", "east asia", "south asia", "pacific", "atlantic",
  "mediterranean", "arctic", "persian gulf", "the gulf", "gulf", "black sea", "baltic", "baltics", "the baltics",
  "horn of africa", "sub-saharan africa", "north africa", "west africa", "east africa", "southern africa", "indo-pacific",
  "asia-pacific", "crimea", "donbas", "donbass", "kashmir", "tibet", "the west", "west",
]);

/** Religious, ethnic and political groups (NORP in OntoNotes). */
const NORP_WORDS = new Set([
  "christian", "christians", "muslim", "muslims", "moslem", "moslems", "jew", "jews", "jewish", "catholic", "catholics",
  "protestant", "protestants", "orthodox", "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "sunni", "sunnis",
  "shia", "shi'ite", "shi'ites", "shiite", "shiites", "islamic", "islamist", "islamists", "democrat", "democrats", "democratic",
  "republican", "republicans", "kurd", "kurds", "kurdish", "arab", "arabs", "palestinian", "palestinians", "latino",
  "latinos", "hispanic", "hispanics", "european", "europeans", "african", "africans", "asian", "asians", "western",
  "westerners", "communist", "communists", "socialist", "socialists", "conservatives", "liberals", "tory", "tories",
  "uighur", "uighurs", "uyghur", "uyghurs", "tamil", "tamils", "hutu", "hutus", "tutsi", "tutsis", "serb", "serbs",
  "croat", "croats", "pashtun", "pashtuns", "evangelical", "evangelicals", "mormon", "mormons", "anglican", "anglicans",
]);

/** Head words that make a MISC name an event. */
const EVENT_WORDS = new Set([
  "war", "cup", "olympics", "olympic", "games", "championship", "championships", "open", "summit", "election",
  "elections", "festival", "prix", "tour", "revolution", "marathon", "series", "trophy", "tournament", "derby",
  "world cup", "grand slam", "super bowl", "expo", "conference", "crisis", "uprising", "massacre", "spring",
]);

/** Words that make a name tagged as a place an organization ("Stimson Center", "School of Public Policy"). */
const ORG_WORDS = new Set([
  "center", "centre", "school", "university", "institute", "college", "party", "council", "committee", "ministry",
  "bank", "group", "agency", "association", "foundation", "company", "corp", "corp.", "inc", "inc.", "ltd", "ltd.",
  "organization", "organisation", "league", "club", "commission", "department", "office", "army", "court", "police",
  "hospital", "museum", "academy", "fund", "federation", "airlines", "airways", "railways", "times", "post", "news",
]);

/** Institution heads that no personal name ends with: a "person" ending in one is an organization. */
const INSTITUTION_HEADS = new Set([
  "center", "centre", "university", "institute", "college", "party", "council", "committee", "ministry", "foundation",
  "organization", "organisation", "commission", "department", "association", "academy", "hospital", "museum",
  "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "llc", "computer", "computers", "motors", "motor", "airlines",
  "airways", "systems", "technologies", "industries", "holdings", "electronics", "aerospace", "pharmaceuticals",
  "communications", "networks", "corporation", "company", "co", "co.", "group", "bank", "agency", "ag", "sa", "spa",
  "school",
]);

/**
 * Heads of building names that stand for the institution housed there (OntoNotes: "the White House", "the Kremlin",
 * "the Elysee Palace" as the administration, ORG): a place tagged with one of these heads is no political entity.
 */
const SEAT_HEADS = new Set(["house", "palace", "kremlin", "pentagon", "elysee", "élysée"]);

/** Heads of a state's formal name: "Russian Federation", "Czech Republic", "Republic of Korea", "Kingdom of Spain". */
const STATE_HEADS = new Set(["federation", "republic", "kingdom", "emirates", "commonwealth", "principality"]);

/** Adjective/plural endings of nationality words ("Ukrainians", "Chinese", "Kazakh" is left to the gazetteer). */
const NATIONALITY_ENDING = /(?:ians?|eans?|ese|ish|ans|an|i|is)$/;

/**
 * `commonWord`, when given, says whether running text writes a word in lower case at least half the time (the
 * model's lexicon): a "place" made only of such words and unknown to the gazetteer is an organization ("Public
 * Citizen", not "Ground Zero", whose head is no place word either, nor "Silicon Valley").
 */
export function refineType(conllType: string, tokens: readonly string[], gazetteer: HashTable | null, commonWord?: (w: string) => boolean): EntityType {
  const lower = tokens.map((t) => normalizeWord(t).toLowerCase());
  const body = lower[0] === "the" && lower.length > 1 ? lower.slice(1) : lower;
  const phrase = body.join(" ");
  const bits = gazetteerBits(body, gazetteer);
  const last = body[body.length - 1] ?? "";
  if (conllType === "PRO") return "PRODUCT";
  // "Muslims", "Sunni Muslims": a group's name the tagger took for a person.
  if ((conllType === "PER" || conllType === "ORG") && isGroupName(conllType, body, gazetteer)) return "NORP";
  // "Wells Fargo": a name of two words or more that the brand list holds is the company, whatever it looks like.
  if ((conllType === "PER" || conllType === "LOC") && body.length > 1 && gazetteerBits(body, gazetteer, GAZ.BRAND) !== 0) return "ORG";
  if (conllType === "PER") return body.length > 1 && INSTITUTION_HEADS.has(last) ? "ORG" : "PERSON";
  if ((conllType === "ORG" || conllType === "LOC") && isStateName(body, gazetteer)) return "GPE";
  // A country's own name ("Russian Federation") is a GPE even where it acts as an organization.
  if (conllType === "ORG" && bits & GAZ.COUNTRY) return "GPE";
  if (conllType === "ORG") return "ORG";
  if (conllType === "LOC") {
    // Not "Obama White House", which names a person too.
    if (SEAT_HEADS.has(last) && body.length <= 2 && !(bits & GAZ.GEO)) return "ORG";
    if (commonWord && body.length > 1 && !bits && !LOC_HEADS.has(last) && !LOC_NAMES.has(phrase) && body.every(commonWord)) return "ORG";
    if (body.length > 1 && !LOC_NAMES.has(phrase) && body.some((t) => ORG_WORDS.has(t))) return "ORG";
    if (bits & (GAZ.COUNTRY | GAZ.STATE | GAZ.CITY_BIG)) return "GPE";
    if (LOC_NAMES.has(phrase) || LOC_NAMES.has(lower.join(" ")) || LOC_HEADS.has(last) || LOC_HEADS.has(body[0] ?? "")) return "LOC";
    return "GPE";
  }
  if (conllType === "MISC") {
    if (bits & GAZ.NATIONALITY) return "NORP";
    if (NORP_WORDS.has(last)) return "NORP";
    if (EVENT_WORDS.has(last) || EVENT_WORDS.has(body.slice(-2).join(" ")) || (body.length > 1 && body.includes("war"))) return "EVENT";
    if (body.length === 1 && !last.includes("-") && NATIONALITY_ENDING.test(last)) return "NORP";
    // "Russian-Chinese", "Franco-German": every part a nationality.
    if (body.length === 1 && last.includes("-") && last.split("-").every((p) => gazetteerBits([p], gazetteer) & GAZ.NATIONALITY)) return "NORP";
    return "MISC";
  }
  return "MISC";
}

/** A state's formal name: a nationality before a state head ("Russian Federation"), or "Republic of" a country. */
function isStateName(body: readonly string[], gazetteer: HashTable | null): boolean {
  const last = body[body.length - 1] ?? "";
  if (body.length === 2 && STATE_HEADS.has(last)) return (gazetteerBits([body[0]!], gazetteer) & GAZ.NATIONALITY) !== 0;
  return body.length > 2 && STATE_HEADS.has(body[0]!) && body[1] === "of" && (gazetteerBits(body.slice(2), gazetteer) & GAZ.COUNTRY) !== 0;
}

/**
 * A group's name: a plural of the group lists after other words ("Sunni Muslims", "Orthodox Christians"), or a
 * word of the lists alone where the tagger took it for a person ("Muslims", "Muslim").
 */
function isGroupName(conllType: string, body: readonly string[], gazetteer: HashTable | null): boolean {
  const last = body[body.length - 1] ?? "";
  if (!NORP_WORDS.has(last)) return false;
  // A one-word organization stays one ("Republicans" as the party, as CoNLL and MEANTIME mark it); a one-word
  // person too when it is a given name ("Christian").
  if (body.length === 1) return conllType === "PER" && (last.endsWith("s") || gazetteerBits(body, gazetteer, GAZ.FIRST_NAME) === 0);
  return last.endsWith("s");
}
