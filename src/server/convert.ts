/** The store's rows (snake_case, as the CLI prints them) in the API's shapes (camelCase, ids named as ids). */
import type { QuoteRow, TimelineRow } from "../store/queries/index.js";

export function apiQuote(q: QuoteRow) {
  return {
    articleId: q.article,
    title: q.title,
    source: q.source,
    published: q.published,
    speaker: q.speaker,
    speakerId: q.speaker_entity,
    kind: q.kind,
    cue: q.cue,
    text: q.text,
    start: q.start,
    end: q.end,
  };
}

export function apiTimelineEntry(t: TimelineRow) {
  return {
    date: t.date,
    until: t.until,
    value: t.value,
    mod: t.mod,
    when: t.when,
    statement: t.statement,
    speaker: t.speaker,
    speakerId: t.speaker_entity,
    articleId: t.article,
    title: t.title,
    source: t.source,
    published: t.published,
  };
}

/**
 * The search snippet ("… the **summit** in …", the store's highlighting) as segments, so the UI never parses markup:
 * the odd pieces between ** pairs are the matched words.
 */
export function snippetSegments(snippet: string): { text: string; hit: boolean }[] {
  return snippet
    .split("**")
    .map((text, i) => ({ text, hit: i % 2 === 1 }))
    .filter((s) => s.text !== "");
}
