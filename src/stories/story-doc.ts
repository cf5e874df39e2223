/**
 * What the story clusterer reads of an article: its title, its body, the entities it names, and when it was
 * published. Built from an Analysis, so ingest and the ECB+ evaluation feed the clusterer the same thing.
 */
import type { Analysis } from "../core/analysis.js";

export interface StoryEntity {
  /** Type and normalized name: what two articles must share to name the same entity. */
  key: string;
  name: string;
  /** Mentions in the article. */
  count: number;
  /** Named in the headline. */
  inTitle: boolean;
}

export interface StoryDoc {
  id: string;
  title: string;
  body: string;
  entities: StoryEntity[];
  /**
   * The dates the article refers to, as year and year-month ("2008", "2008-12"): two events of one kind (two
   * firings of one coach) are told apart by when they happened when their names are the same.
   */
  dates: string[];
  /** Milliseconds since the epoch, or null when the date is unknown (no time-decay then). */
  time: number | null;
}

/** The normalized name: the type is left out, as the tagger may call one name a PERSON here and a GPE there. */
export function entityKey(name: string): string {
  return `${name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()}`;
}

/** The story view of an Analysis: the text is the title, a blank line, then the body. */
export function storyDoc(analysis: Analysis): StoryDoc {
  const title = analysis.article.title;
  const titleEnd = analysis.text.startsWith(title) ? title.length : 0;
  const entities: StoryEntity[] = [];
  // Only entities named at least once: a pronoun-only entity has no name another article could share.
  for (const e of analysis.entities) {
    const names = e.mentions.filter((m) => m.kind === "name");
    if (names.length === 0) continue;
    entities.push({ key: entityKey(e.name), name: e.name, count: e.mentions.length, inTitle: names.some((m) => m.start < titleEnd) });
  }
  const dates: string[] = [];
  for (const t of analysis.timexes) {
    const m = /^(\d{4})(-\d\d)?/.exec(t.value);
    if (m && (t.type === "DATE" || t.type === "TIME")) dates.push(...(m[2] ? [m[1]!, m[1]! + m[2]] : [m[1]!]));
  }
  const time = analysis.article.published ? Date.parse(analysis.article.published.slice(0, 10)) : NaN;
  return { id: analysis.article.id, title, body: analysis.text.slice(titleEnd), entities, dates, time: Number.isNaN(time) ? null : time };
}
