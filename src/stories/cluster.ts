/**
 * Incremental story clustering in the manner of Miranda et al. 2018 ("Multilingual Clustering of Streaming News",
 * EMNLP): each article is compared with the stories so far through TF-IDF sub-vectors (body terms, title terms,
 * named entities) against each story's centroid, plus a time term; it joins the story that scores best when that
 * score reaches the merge threshold, else it opens a story. Document frequencies grow with the stream. Deterministic:
 * the same articles in the same order give the same stories.
 */
import type { StoryDoc } from "./story-doc.js";
import { addInto, counts, dot, norm, top, type Vector } from "./vectors.js";
import { terms } from "./words.js";

export interface ClusterOptions {
  /** Weights of the cosine of each sub-vector with the story's centroid. */
  weights: { body: number; title: number; entities: number; dates: number };
  /** Largest penalty of the time term: `time × (1 − exp(−gap / timeScaleDays))`, the gap from the story's span. */
  time: number;
  timeScaleDays: number;
  /** An article more than this many days from a story's span is not compared with it. */
  windowDays: number;
  /** The least score that joins a story. */
  threshold: number;
  /** Terms kept in a centroid sub-vector (the heaviest): bounds memory and the cost of a comparison. */
  centroidTerms: number;
  /** An article's heaviest body terms used to find candidate stories (with all its entities and title terms). */
  probeTerms: number;
}

/** Tuned on the ECB+ dev topics (docs/stories.md: the grid, the cross-validation). */
export const CLUSTER_DEFAULTS: ClusterOptions = {
  weights: { body: 0.25, title: 0.2, entities: 0.4, dates: 0.15 },
  time: 0.3,
  timeScaleDays: 3,
  windowDays: 30,
  threshold: 0.175,
  centroidTerms: 300,
  probeTerms: 12,
};

const KINDS = ["body", "title", "entities", "dates"] as const;
type Kind = (typeof KINDS)[number];

/** A story as the clusterer keeps it: what the store saves and loads. */
export interface StoryState {
  id: string;
  /** Articles joined. */
  size: number;
  first: number | null;
  last: number | null;
  /** Per sub-vector, the sum of the members' unit TF-IDF vectors (truncated to centroidTerms). */
  centroid: Record<Kind, Array<[string, number]>>;
  /** A display name per entity key of the centroid (the first seen). */
  names: Array<[string, string]>;
}

export interface Assignment {
  story: string;
  /** True when the article opened the story. */
  opened: boolean;
  /** The best story's score (or -Infinity without a candidate). */
  score: number;
}

interface Story {
  id: string;
  size: number;
  first: number | null;
  last: number | null;
  centroid: Record<Kind, Vector>;
  norms: Record<Kind, number>;
  names: Map<string, string>;
}

const DAY = 86_400_000;

export class StoryClusterer {
  private readonly df = new Map<string, number>();
  private docs = 0;
  private readonly stories = new Map<string, Story>();
  private readonly postings = new Map<string, Set<string>>();
  private opened = 0;
  /** Stories changed since the last `takeChanged()`: what a store must write. */
  private readonly changed = new Set<string>();
  /** Document-frequency increments since the last `takeFrequencyChanges()`. */
  private readonly dfChanged = new Map<string, number>();

  constructor(
    readonly options: ClusterOptions = CLUSTER_DEFAULTS,
    /** Names a new story; the default counts ("s1", "s2", ...). */
    private readonly newId: () => string = () => `s${++this.opened}`,
  ) {}

  /** Loads what a store kept: document frequencies (`docs` articles seen) and the stories. */
  restore(docs: number, df: Iterable<[string, number]>, stories: Iterable<StoryState>): void {
    this.docs = docs;
    for (const [k, n] of df) this.df.set(k, n);
    for (const s of stories) {
      const centroid = mapKinds((kind) => new Map(s.centroid[kind]));
      this.put({ id: s.id, size: s.size, first: s.first, last: s.last, centroid, norms: normsOf(centroid), names: new Map(s.names) });
    }
    this.changed.clear(); // what was loaded is already stored
  }

  /** Assigns an article to the best story, or opens one; then updates the document frequencies and that story. */
  add(doc: StoryDoc): Assignment {
    const vec = this.vectors(doc);
    let best: Story | null = null;
    let bestScore = -Infinity;
    for (const s of this.candidates(doc, vec)) {
      const score = this.score(doc, vec, s);
      // Ties go to the older story (lower id order as met), so the result does not depend on Set order.
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    if (best && bestScore >= this.options.threshold) {
      this.join(best, doc, vec);
      return { story: best.id, opened: false, score: bestScore };
    }
    const s: Story = {
      id: this.newId(),
      size: 0,
      first: null,
      last: null,
      centroid: { body: new Map(), title: new Map(), entities: new Map(), dates: new Map() },
      norms: { body: 0, title: 0, entities: 0, dates: 0 },
      names: new Map(),
    };
    this.join(s, doc, vec);
    return { story: s.id, opened: true, score: bestScore };
  }

  /** The score of an article (as weighed vectors) against a story: weighted cosines, less the time penalty. */
  private score(doc: StoryDoc, vec: Record<Kind, Vector>, s: Story): number {
    const { weights, time, timeScaleDays } = this.options;
    let score = 0;
    for (const kind of KINDS) if (s.norms[kind] > 0) score += weights[kind] * (dot(vec[kind], s.centroid[kind]) / s.norms[kind]);
    const gap = gapDays(doc.time, s);
    if (gap !== null) score -= time * (1 - Math.exp(-gap / timeScaleDays));
    return score;
  }

  /** Stories sharing an entity, a title term or one of the article's heaviest body terms, within the time window. */
  private candidates(doc: StoryDoc, vec: Record<Kind, Vector>): Story[] {
    const probes = [
      ...[...vec.entities.keys()].map((t) => dfKey("entities", t)),
      ...[...vec.title.keys()].map((t) => dfKey("title", t)),
      ...top(vec.body, this.options.probeTerms).map(([t]) => dfKey("body", t)),
    ];
    const ids = new Set<string>();
    for (const p of probes) for (const id of this.postings.get(p) ?? []) ids.add(id);
    const out: Story[] = [];
    for (const id of [...ids].sort()) {
      const s = this.stories.get(id)!;
      const gap = gapDays(doc.time, s);
      if (gap === null || gap <= this.options.windowDays) out.push(s);
    }
    return out;
  }

  private join(s: Story, doc: StoryDoc, vec: Record<Kind, Vector>): void {
    for (const kind of KINDS) {
      addInto(s.centroid[kind], vec[kind]);
      if (s.centroid[kind].size > 2 * this.options.centroidTerms) s.centroid[kind] = new Map(top(s.centroid[kind], this.options.centroidTerms));
    }
    s.norms = normsOf(s.centroid);
    s.size++;
    if (doc.time !== null) {
      s.first = s.first === null ? doc.time : Math.min(s.first, doc.time);
      s.last = s.last === null ? doc.time : Math.max(s.last, doc.time);
    }
    for (const e of doc.entities) if (!s.names.has(e.key) && s.centroid.entities.has(e.key)) s.names.set(e.key, e.name);
    this.put(s);
  }

  private put(s: Story): void {
    this.stories.set(s.id, s);
    this.changed.add(s.id);
    for (const kind of KINDS) {
      for (const t of s.centroid[kind].keys()) {
        const k = dfKey(kind, t);
        let set = this.postings.get(k);
        if (!set) this.postings.set(k, (set = new Set()));
        set.add(s.id);
      }
    }
  }

  /** TF-IDF: (1 + ln tf) × ln(1 + N / df), over the frequencies including this article. */
  private weigh(kind: Kind, raw: Vector): Vector {
    const v: Vector = new Map();
    for (const [t, tf] of raw) v.set(t, (1 + Math.log(tf)) * Math.log(1 + this.docs / (this.df.get(dfKey(kind, t)) ?? 1)));
    return v;
  }

  /** The stories changed (opened or joined) since the last call, as the store keeps them; the set is cleared. */
  takeChanged(): StoryState[] {
    const out = [...this.changed].sort().map((id) => this.state(this.stories.get(id)!));
    this.changed.clear();
    return out;
  }

  /** Renames a story (a store's key for one the clusterer opened). */
  rename(from: string, to: string): void {
    const s = this.stories.get(from);
    if (!s) return;
    this.stories.delete(from);
    s.id = to;
    this.stories.set(to, s);
    for (const set of this.postings.values()) if (set.delete(from)) set.add(to);
    if (this.changed.delete(from)) this.changed.add(to);
  }

  /** The articles seen, and the document-frequency increments since the last call (cleared): what a store adds. */
  takeFrequencyChanges(): { docs: number; increments: Array<[string, number]> } {
    const increments = [...this.dfChanged].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.dfChanged.clear();
    return { docs: this.docs, increments };
  }

  /** Joins an article to a given story without comparing (a duplicate goes with its original). */
  joinStory(id: string, doc: StoryDoc): boolean {
    const s = this.stories.get(id);
    if (!s) return false;
    this.join(s, doc, this.vectors(doc));
    return true;
  }

  /** Counts the article into the document frequencies, then weighs its sub-vectors: unit TF-IDF vectors. */
  private vectors(doc: StoryDoc): Record<Kind, Vector> {
    const raw = rawVectors(doc);
    this.docs++;
    const seen = new Set<string>();
    for (const kind of KINDS) for (const t of raw[kind].keys()) seen.add(dfKey(kind, t));
    for (const k of seen) {
      this.df.set(k, (this.df.get(k) ?? 0) + 1);
      this.dfChanged.set(k, (this.dfChanged.get(k) ?? 0) + 1);
    }
    // Unit vectors: a story's score is then a cosine per sub-vector, whatever the article's length.
    const vec = {} as Record<Kind, Vector>;
    for (const kind of KINDS) vec[kind] = unit(this.weigh(kind, raw[kind]));
    return vec;
  }

  /** A story's label: its main entities, then its main terms. */
  label(id: string, entities = 3, words = 3): string {
    const s = this.stories.get(id);
    if (!s) return "";
    const names = top(s.centroid.entities, entities).map(([k]) => s.names.get(k) ?? k);
    const lower = new Set(names.flatMap((n) => terms(n)));
    const extra = top(s.centroid.body, words * 3)
      .map(([t]) => t)
      .filter((t) => !lower.has(t))
      .slice(0, words);
    return [...names, ...extra].join(", ");
  }

  private state(s: Story): StoryState {
    return {
      id: s.id,
      size: s.size,
      first: s.first,
      last: s.last,
      centroid: mapKinds((kind) => top(s.centroid[kind], Infinity)),
      names: [...s.names],
    };
  }
}

/**
 * The longest term kept, in characters. A longer "word" (a hash, a run of digits, an entity name the tagger ran
 * on) names no event, and the store could not index it (a B-tree row holds at most about 8 kB).
 */
export const MAX_TERM = 64;

const short = (t: string) => t.length <= MAX_TERM;

/** Term counts per sub-vector. */
function rawVectors(doc: StoryDoc): Record<Kind, Vector> {
  const entities: Vector = new Map();
  for (const e of doc.entities) if (short(e.key)) entities.set(e.key, (entities.get(e.key) ?? 0) + e.count);
  return { body: counts(terms(doc.body).filter(short)), title: counts(terms(doc.title).filter(short)), entities, dates: counts(doc.dates) };
}

/** Body and title terms share their document frequency; entities and dates have their own. */
function dfKey(kind: Kind, term: string): string {
  return `${kind === "title" ? "body" : kind}|${term}`;
}

function mapKinds<T>(f: (kind: Kind) => T): Record<Kind, T> {
  return { body: f("body"), title: f("title"), entities: f("entities"), dates: f("dates") };
}

function unit(v: Vector): Vector {
  const n = norm(v);
  const out: Vector = new Map();
  if (n > 0) for (const [k, x] of v) out.set(k, x / n);
  return out;
}

function normsOf(c: Record<Kind, Vector>): Record<Kind, number> {
  return mapKinds((kind) => norm(c[kind]));
}

/** Days from the article's date to the story's span (0 inside it); null when either is unknown. */
function gapDays(time: number | null, s: { first: number | null; last: number | null }): number | null {
  if (time === null || s.first === null || s.last === null) return null;
  if (time < s.first) return (s.first - time) / DAY;
  if (time > s.last) return (time - s.last) / DAY;
  return 0;
}
