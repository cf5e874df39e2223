/**
 * ECB+ as a story stream: each document analyzed (entities from newsgraph's own pipeline), clustered in document
 * order by the clusterer ingest uses, and scored against the sub-topics and the topics.
 */
import { analyze } from "../../analyze.js";
import { ecbArticle, type EcbDoc } from "../../corpora/ecbplus.js";
import { StoryClusterer, type ClusterOptions } from "../cluster.js";
import { storyDoc, type StoryDoc } from "../story-doc.js";
import { bcubed, pairwise, type Prf } from "./score.js";

export interface EcbItem {
  doc: StoryDoc;
  topic: string;
  subtopic: string;
}

/**
 * The documents as the clusterer reads them. Each is analyzed with its publication date (ECB+ pages give one in
 * their publication-time lines; ECB documents none), so its relative dates ("Thursday") are resolved as at ingest.
 * The clusterer is not given that date unless `time`: only the ECB+ half has one, so the time term would meet only
 * pairs of one event (an ECB+ article against an ECB+ story) and never the two events it should tell apart
 * (docs/stories.md, 2026-12-03).
 */
export function ecbItems(docs: readonly EcbDoc[], time = false): EcbItem[] {
  return docs.map((d) => {
    const doc = storyDoc(analyze(ecbArticle(d)));
    return { doc: time ? doc : { ...doc, time: null }, topic: d.topic, subtopic: d.subtopic };
  });
}

/** {docName: storyId}, clustered in the order given. */
export function clusterItems(items: readonly EcbItem[], options: ClusterOptions): Map<string, string> {
  const clusterer = new StoryClusterer(options);
  const out = new Map<string, string>();
  for (const it of items) out.set(it.doc.id, clusterer.add(it.doc).story);
  return out;
}

export interface EcbScore {
  documents: number;
  stories: number;
  subtopics: { bcubed: Prf; pairwise: Prf };
  topics: { bcubed: Prf; pairwise: Prf };
}

export function scoreItems(items: readonly EcbItem[], response: ReadonlyMap<string, string>): EcbScore {
  const sub = new Map(items.map((it) => [it.doc.id, it.subtopic]));
  const top = new Map(items.map((it) => [it.doc.id, it.topic]));
  return {
    documents: items.length,
    stories: new Set(response.values()).size,
    subtopics: { bcubed: bcubed(response, sub), pairwise: pairwise(response, sub) },
    topics: { bcubed: bcubed(response, top), pairwise: pairwise(response, top) },
  };
}
