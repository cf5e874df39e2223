/**
 * The Analysis contract, schema `newsgraph.analysis/1`. See docs/analysis-schema.md.
 * Offsets are UTF-16 code-unit offsets into `text`, half-open [start, end).
 */
export const ANALYSIS_SCHEMA = "newsgraph.analysis/1" as const;

/**
 * What a block is. Story text is read by the stages (see Doc.isStoryBlock); the rest is the page around the story:
 * labels, separators, footers, credits and notes stay out of what entities and quotes read.
 */
export type BlockKind =
  | "title"
  | "byline"
  | "dateline"
  | "paragraph"
  | "heading"
  | "caption"
  | "blockquote"
  | "related"
  | "label"
  | "separator"
  | "footer"
  | "credit"
  | "note";
export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "NORP" | "EVENT" | "PRODUCT" | "MISC";
export type QuoteKind = "direct" | "partial" | "indirect";
export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

export interface Span {
  start: number;
  end: number;
}

export interface ArticleMeta {
  id: string;
  source: string | null;
  url: string | null;
  published: string | null;
  section: string | null;
  title: string;
  authors: string[];
  language: string;
  /** Fields the input had but the contract has no place for (JSON Lines' unknown fields, an unreadable date). Additive: optional. */
  extra?: Record<string, unknown>;
}

export interface Block extends Span {
  kind: BlockKind;
}

/** How a mention refers: by a name ("Vladimir Putin", "Putin"), a description ("the Russian leader"), a pronoun ("he"). */
export type MentionKind = "name" | "nominal" | "pronoun";

export interface Mention extends Span {
  text: string;
  kind: MentionKind;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  titles: string[];
  /** Ids of other entities this one belongs to (employer, party, country). */
  affiliations: string[];
  mentions: Mention[];
}

export interface Quote extends Span {
  id: string;
  kind: QuoteKind;
  text: string;
  cue: string | null;
  /** Entity id of the speaker, or null when the speaker is not a known entity. */
  speaker: string | null;
  speakerText: string | null;
  /** Where the cue stands (the reporting verb, "according to", the colon or dash), or null. Additive: optional in the schema. */
  cueSpan?: Span | null;
  /** Where the words naming the speaker stand (the source mention: "he", "Yun Sun"), or null. Additive: optional in the schema. */
  sourceSpan?: Span | null;
}

export interface Timex extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3 value: "2022-12-29", "2023-SP", "P10M", "PAST_REF", "XXXX-12-25", ... */
  value: string;
  /** TIMEX3 mod: "MORE_THAN", "APPROX", "START", ... or null. */
  mod: string | null;
}

export interface Amount extends Span {
  text: string;
  value: number;
  /** ISO 4217 code for money ("USD"), "%" for percentages, the counted noun for counts ("people"). */
  unit: string;
  mod?: string | null;
}

export interface Event extends Span {
  id: string;
  text: string;
}

export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA;
  article: ArticleMeta;
  text: string;
  blocks: Block[];
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  timexes: Timex[];
  amounts: Amount[];
  events: Event[];
}
