/**
 * Abbreviations that keep their period as part of the token and do not end a sentence by themselves.
 * Lower-cased, without the final period.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles
  "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt",
  "rev", "fr", "st", "sr", "jr", "hon", "pres", "supt", "insp", "det", "amb", "atty", "messrs", "mme", "mlle",
  // months and days
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  // companies and places
  "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "mt", "ft", "ariz", "calif",
  "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
  "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
  // running text
  "vs", "etc", "approx", "est", "no", "nos", "vol", "fig", "pp", "cf", "al", "ca", "e.g", "i.e", "a.m", "p.m",
]);

/** Abbreviations that usually stand before a name or a number, so a following capital does not start a sentence. */
export const PREFIX_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt",
  "rev", "fr", "st", "hon", "pres", "supt", "insp", "det", "amb", "atty", "messrs", "mme", "mlle", "no", "nos", "vol", "fig",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "vs", "cf", "pp",
]);
