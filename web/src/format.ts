/** Dates as the store gives them (ISO, possibly partial or with a time): the day part, which is what readers need. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "undated";
  return iso.length > 10 ? iso.slice(0, 10) : iso;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}

/** A copy's similarity to its original (the estimated share of word shingles they have in common) as a percentage. */
export function formatSimilarity(similarity: number | null): string {
  return similarity === null ? "alike" : `${Math.round(similarity * 100)}% alike`;
}

/** A span of publication dates: one day, or "first – last". */
export function formatSpan(first: string | null, last: string | null): string {
  if (!first && !last) return "undated";
  const a = formatDate(first ?? last);
  const b = formatDate(last ?? first);
  return a === b ? a : `${a} – ${b}`;
}

/** "1 article", "3 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * Titles longer than this are cut (pages that list articles) or clamped until asked for (the reader): a megabyte
 * headline must not bury the page, nor cost the browser seconds of layout each time a story page shows it.
 */
export const LONG_TITLE = 300;

export function ellipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut between the two halves of a surrogate pair (an emoji, a rare CJK character).
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}
