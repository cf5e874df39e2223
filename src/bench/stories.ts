/**
 * Throughput of the duplicate finder and the story clusterer on one core (this thread), over articles already
 * analyzed: fingerprinting and indexing every article's text, and clustering every article's story view, in
 * corpus order. CPU time (process.cpuUsage), so other processes on the machine weigh less on the figure.
 */
import type { Analysis } from "../core/analysis.js";
import { StoryClusterer } from "../stories/cluster.js";
import { DuplicateIndex } from "../stories/duplicates.js";
import { storyDoc } from "../stories/story-doc.js";

export interface StoriesBench {
  articles: number;
  duplicatesPerSecond: number;
  /** Articles linked to an earlier one. */
  duplicates: number;
  storiesPerSecond: number;
  stories: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** Best of `rounds` runs of each. */
export function benchStories(analyses: readonly Analysis[], rounds = 3): StoriesBench {
  let dupSeconds = Infinity;
  let duplicates = 0;
  let clusterSeconds = Infinity;
  let stories = 0;
  const docs = analyses.map(storyDoc);
  for (let round = 0; round < rounds; round++) {
    const index = new DuplicateIndex();
    let t0 = process.cpuUsage();
    duplicates = 0;
    for (const a of analyses) if (index.add(a.article.id, a.text)) duplicates++;
    dupSeconds = Math.min(dupSeconds, cpuSeconds(t0));
    const clusterer = new StoryClusterer();
    const ids = new Set<string>();
    t0 = process.cpuUsage();
    for (const d of docs) ids.add(clusterer.add(d).story);
    clusterSeconds = Math.min(clusterSeconds, cpuSeconds(t0));
    stories = ids.size;
  }
  return { articles: analyses.length, duplicatesPerSecond: analyses.length / dupSeconds, duplicates, storiesPerSecond: analyses.length / clusterSeconds, stories };
}
