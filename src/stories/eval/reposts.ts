/**
 * Re-posts with light edits, built from a corpus, and the duplicate finder scored on them: every original indexed
 * in corpus order, then each re-post; a re-post must match its original (or an exact copy of it that came first),
 * and no original may match another that is not an exact copy of it.
 */
import { DuplicateIndex, type DuplicateOptions } from "../duplicates.js";
import { mix } from "../hash.js";
import { words } from "../words.js";

export type Edit = "delete-sentence" | "change-sentence" | "new-headline" | "rewrap" | "all";
export const EDITS: readonly Edit[] = ["delete-sentence", "change-sentence", "new-headline", "rewrap", "all"];

export interface Original {
  id: string;
  title: string;
  paragraphs: string[];
}

/** Deterministic draws in [0, 1): the same corpus gives the same re-posts. */
function rng(seed: number): () => number {
  let k = 0;
  return () => mix(seed, k++) / 4294967296;
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?]["']?)\s+/).filter((s) => s.length > 0);

/** The article as one text: what the duplicate finder fingerprints (headline, then the body). */
export const articleText = (title: string, paragraphs: readonly string[]): string => [title, ...paragraphs].join("\n\n");

/** One re-post of `a` with edit `edit`; `other` lends a headline. */
export function repost(a: Original, edit: Edit, other: Original, seed: number): string {
  const r = rng(seed);
  let title = a.title;
  let sentences = a.paragraphs.flatMap(sentencesOf);
  const pick = () => Math.floor(r() * sentences.length);
  if ((edit === "delete-sentence" || edit === "all") && sentences.length > 1) sentences.splice(pick(), 1);
  if (edit === "change-sentence" || edit === "all") {
    // A sentence rewritten: every third word replaced, its order kept.
    const i = pick();
    sentences[i] = (sentences[i] ?? "").split(" ").map((w, k) => (k % 3 === 1 ? `edited${k}` : w)).join(" ");
  }
  if (edit === "new-headline" || edit === "all") title = `${other.title}: ${a.title.split(" ").slice(0, 2).join(" ")}`;
  if (edit === "rewrap" || edit === "all") {
    // Lines cut at about 60 characters, paragraphs no longer where they were.
    const body = sentences.join(" ").replace(/(.{1,60})(\s|$)/g, "$1\n");
    return `${title}\n${body}`;
  }
  return articleText(title, sentences);
}

export interface RepostReport {
  originals: number;
  /** Originals recognised as exact copies of an earlier one. */
  exactCopies: number;
  /**
   * Pairs of originals linked that are not exact copies, with the exact Jaccard similarity of their shingles: false
   * pairs, or near-copies within the corpus itself (the BBC corpus holds revised versions of some articles).
   */
  nearCopies: Array<{ id: string; of: string; similarity: number; jaccard: number }>;
  reposts: Record<Edit, { total: number; found: number }>;
  /** Similarity of the re-posts found, by edit: the lowest. */
  lowest: Record<Edit, number>;
}

export function evalReposts(originals: readonly Original[], options?: DuplicateOptions): RepostReport {
  const index = new DuplicateIndex(options);
  const texts = originals.map((a) => articleText(a.title, a.paragraphs));
  // Which originals are byte-for-byte the same text: an exact copy's re-post may match the first of them.
  const firstOfText = new Map<string, string>();
  const root = new Map<string, string>();
  originals.forEach((a, i) => {
    const t = texts[i]!;
    if (!firstOfText.has(t)) firstOfText.set(t, a.id);
    root.set(a.id, firstOfText.get(t)!);
  });
  let exactCopies = 0;
  const nearCopies: RepostReport["nearCopies"] = [];
  const byId = new Map(originals.map((a, i) => [a.id, texts[i]!]));
  originals.forEach((a, i) => {
    const m = index.add(a.id, texts[i]!);
    if (!m) return;
    if (m.exact && root.get(m.of) === root.get(a.id)) exactCopies++;
    else nearCopies.push({ id: a.id, of: m.of, similarity: m.similarity, jaccard: jaccard(texts[i]!, byId.get(m.of)!) });
    // A re-post of an article linked to an earlier one is rightly linked to that earlier one.
    root.set(a.id, root.get(m.of)!);
  });
  const reposts = Object.fromEntries(EDITS.map((e) => [e, { total: 0, found: 0 }])) as RepostReport["reposts"];
  const lowest = Object.fromEntries(EDITS.map((e) => [e, 1])) as Record<Edit, number>;
  originals.forEach((a, i) => {
    EDITS.forEach((edit, k) => {
      const other = originals[(i * 7 + k + 1) % originals.length]!;
      const m = index.add(`${a.id}#${edit}`, repost(a, edit, other, i * 31 + k));
      reposts[edit].total++;
      if (m && root.get(m.of.split("#")[0]!) === root.get(a.id)) {
        reposts[edit].found++;
        lowest[edit] = Math.min(lowest[edit], m.similarity);
      }
    });
  });
  return { originals: originals.length, exactCopies, nearCopies, reposts, lowest };
}

/** The exact Jaccard similarity of two texts' word 3-shingles. */
export function jaccard(x: string, y: string): number {
  const shingles = (t: string) => {
    const w = words(t);
    const out = new Set<string>();
    for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3).join(" "));
    return out;
  };
  const [a, b] = [shingles(x), shingles(y)];
  let both = 0;
  for (const s of a) if (b.has(s)) both++;
  return both / (a.size + b.size - both || 1);
}
