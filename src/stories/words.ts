/**
 * Words as the duplicate finder and the story clusterer compare them: lower case, letters and digits only, so
 * re-wrapping, punctuation and case changes of a re-post do not count as differences.
 */
const WORD = /[\p{L}\p{N}]+/gu;

/** Every word of the text, lower-cased, in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Function words that say nothing about which event an article reports; kept out of the story vectors (the
 * duplicate shingles keep them: a copy repeats them too, and they make shingles specific).
 */
const STOP = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him himself " +
    "his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours " +
    "ourselves out over own said same says she should so some such than that the their theirs them themselves then there these " +
    "they this those through to too under until up very was we were what when where which while who whom why will with would " +
    "you your yours yourself yourselves s t mr mrs ms one two new year years told say just like get got us"
  ).split(" "),
);

/** Content terms for the story vectors: words without the function words and one-letter tokens, plural -s folded. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(fold(w));
  }
  return out;
}

/** "earthquakes" and "earthquake" are one term; "ss", "us", "is" endings stay ("process", "virus"). */
function fold(w: string): string {
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
