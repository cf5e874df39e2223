/**
 * Incremental story clustering in the manner of Miranda et al. 2018 ("Multilingual Clustering of Streaming News",
 * EMNLP): each article is compared with the stories so far through TF-IDF sub-vectors (body terms, title terms,
 * named entities, dates referred to) against each story's centroid, plus a time term; it joins the story that
 * scores best when that score reaches the merge threshold, else it opens a story. Document frequencies grow with the
 * stream. Deterministic: the same articles in the same order give the same stories.
 *
 * Cost: terms are interned to ids once; a centroid is kept packed (typed arrays) and the article scattered into one
 * dense scratch array, so scoring a candidate story is a loop over numbers (docs/stories.md, "Cost").
 */
import type { StoryDoc } from "./story-doc.js";
import { addInto, compare, dotDense, EMPTY_PACKED, norm, pack, top, type Packed, type Vector } from "./vectors.js";
import { terms } from "./words.js";

export interface ClusterOptions {
  /** Weights of the cosine of each sub-vector with the story's centroid. */
  weights: { body: number; title: number; entities: number; dates: number };
  /** Largest penalty of the time term: `time × (1 − exp(−gap / timeScaleDays))`, the gap from the story's span. */
  time: number;
  timeScaleDays: number;
  /**
   * Penalty when the article's latest year referred to (its newest absolute DATE/TIME year, a stand-in for when it
   * was written) differs from its story's dated members': `yearConflict × (1 − same / dated)`, the share of the
   * story's members with a latest year that refer to another one. Two events of one kind with the same names (a
   * coach hired, later fired) are years apart; a dated publication gap is the time term's.
   */
  yearConflict: number;
  /**
   * Penalty of the score against a story of one article: its first join needs `threshold + singleton`. A wrong
   * join there makes one story of two events for the rest of the stream (its centroid then draws both), while a
   * wrong opening only splits one article off; and the two events of a kind meet first as two single articles.
   * Chosen by B³ on the ECB+ dev topics (learn.ts `chooseSingleton`): the pair fit cannot learn it, as it weighs
   * every pair alike and a one-article story's right joins also score lower (docs/stories.md, 2026-12-03).
   */
  singleton: number;
  /** An article more than this many days from a story's span is not compared with it. */
  windowDays: number;
  /** The least score that joins a story. */
  threshold: number;
  /** Terms kept in a centroid sub-vector (the heaviest): bounds memory and the cost of a comparison. */
  centroidTerms: number;
  /** An article's heaviest body terms used to find candidate stories (with all its entities and title terms). */
  probeTerms: number;
}

/**
 * The weights, year penalty and threshold learned on the ECB+ dev topics (`newsgraph eval stories --learn`,
 * learn.ts; docs/stories.md: the cross-validation), the one-article penalty chosen there by B³; the time term is
 * not learned (only the ECB+ half of the corpus gives publication dates, so it never meets the two events it
 * should tell apart: eval/ecb.ts).
 */
export const CLUSTER_DEFAULTS: ClusterOptions = {
  weights: { body: 0.273, title: 0.239, entities: 0.372, dates: 0.116 },
  time: 0.3,
  timeScaleDays: 3,
  yearConflict: 0.082,
  singleton: 0.03,
  windowDays: 30,
  threshold: 0.169,
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
  /** Members per latest year referred to (absent in a state saved before the year term: none counted). */
  years?: Array<[number, number]>;
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
  /** Order of opening (or of loading): candidates are met in this order, so a tie goes to the older story. */
  seq: number;
  size: number;
  first: number | null;
  last: number | null;
  /** Sub-vectors keyed by term id. */
  centroid: Record<Kind, Vector>;
  packed: Record<Kind, Packed>;
  names: Map<string, string>;
  /** Members per latest year referred to, and how many members have one. */
  years: Map<number, number>;
  dated: number;
  /** The last article that met this story as a candidate: dedupes the candidates without a set. */
  mark: number;
}

/** Body and title terms share their document frequency (one id); entities and dates have their own. */
type Space = "body" | "entities" | "dates";
const spaceOf = (kind: Kind): Space => (kind === "title" ? "body" : kind);

/**
 * Where a sub-vector's term sits in the scratch array: title terms share their id with body terms (one document
 * frequency), so each id has two slots.
 */
const slotOf = (kind: Kind, id: number): number => 2 * id + (kind === "title" ? 1 : 0);

const DAY = 86_400_000;

export class StoryClusterer {
  /** Term ids per space, and each id's document-frequency key ("body|harbour") and frequency. */
  private readonly ids: Record<Space, Map<string, number>> = { body: new Map(), entities: new Map(), dates: new Map() };
  private readonly keys: string[] = [];
  private readonly df: number[] = [];
  private docs = 0;
  private readonly stories = new Map<string, Story>();
  /** Per term id, the stories whose centroid holds it. */
  private readonly postings: Array<Set<Story> | undefined> = [];
  private opened = 0;
  private seq = 0;
  private mark = 0;
  /** The article being scored, scattered by slot; zero elsewhere. */
  private scratch = new Float64Array(1024);
  /** Stories changed since the last `takeChanged()`: what a store must write. */
  private readonly changed = new Set<string>();
  /** Document-frequency increments since the last `takeFrequencyChanges()`, by term id. */
  private readonly dfChanged = new Map<number, number>();

  constructor(
    readonly options: ClusterOptions = CLUSTER_DEFAULTS,
    /** Names a new story; the default counts ("s1", "s2", ...). */
    private readonly newId: () => string = () => `s${++this.opened}`,
  ) {}

  /** The articles counted into the document frequencies: what a store's `story_stream.docs` holds after this clusterer wrote. */
  get documents(): number {
    return this.docs;
  }

  /** Loads what a store kept: document frequencies (`docs` articles seen) and the stories. */
  restore(docs: number, df: Iterable<[string, number]>, stories: Iterable<StoryState>): void {
    this.docs = docs;
    for (const [k, n] of df) {
      const bar = k.indexOf("|");
      this.df[this.intern(k.slice(0, bar) as Space, k.slice(bar + 1))] = n;
    }
    for (const s of stories) {
      const story = this.blank(s.id);
      const years = new Map(s.years ?? []);
      let dated = 0;
      for (const n of years.values()) dated += n;
      Object.assign(story, { size: s.size, first: s.first, last: s.last, names: new Map(s.names), years, dated });
      for (const kind of KINDS) {
        for (const [t, w] of s.centroid[kind]) story.centroid[kind].set(this.intern(spaceOf(kind), t), w);
        story.packed[kind] = pack(story.centroid[kind], (id) => slotOf(kind, id));
        for (const id of story.centroid[kind].keys()) this.post(id, story);
      }
      this.stories.set(story.id, story);
    }
  }

  /** Assigns an article to the best story, or opens one; then updates the document frequencies and that story. */
  add(doc: StoryDoc): Assignment {
    const vec = this.vectors(doc);
    let best: Story | null = null;
    let bestScore = -Infinity;
    const year = latestYear(doc.dates);
    this.scatter(vec, 1);
    for (const s of this.candidates(doc, vec)) {
      const score = this.score(doc, year, s);
      // Candidates come oldest first: a tie goes to the older story.
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    this.scatter(vec, 0);
    if (best && bestScore >= this.options.threshold) {
      this.join(best, doc, vec, year);
      return { story: best.id, opened: false, score: bestScore };
    }
    const s = this.blank(this.newId());
    this.stories.set(s.id, s);
    this.join(s, doc, vec, year);
    return { story: s.id, opened: true, score: bestScore };
  }

  private blank(id: string): Story {
    const centroid = { body: new Map(), title: new Map(), entities: new Map(), dates: new Map() };
    const packed = { body: EMPTY_PACKED, title: EMPTY_PACKED, entities: EMPTY_PACKED, dates: EMPTY_PACKED };
    return { id, seq: this.seq++, size: 0, first: null, last: null, centroid, packed, names: new Map(), years: new Map(), dated: 0, mark: 0 };
  }

  /** Writes the article's weights into the scratch array (`on` 1), or clears them again (`on` 0). */
  private scatter(vec: Record<Kind, Vector>, on: 0 | 1): void {
    for (const kind of KINDS) for (const [id, w] of vec[kind]) this.scratch[slotOf(kind, id)] = on * w;
  }

  /** The score of the scattered article against a story: weighted cosines, less the time, year and one-article penalties. */
  private score(doc: StoryDoc, year: number | null, s: Story): number {
    const { weights, time, timeScaleDays, yearConflict, singleton } = this.options;
    let score = 0;
    for (const kind of KINDS) score += weights[kind] * this.cosine(kind, s);
    const gap = gapDays(doc.time, s);
    if (gap !== null) score -= time * (1 - Math.exp(-gap / timeScaleDays));
    return score - yearConflict * conflictOf(year, s) - (s.size === 1 ? singleton : 0);
  }

  /** The cosine of the scattered article's sub-vector with the story's centroid (0 when the story has none). */
  private cosine(kind: Kind, s: Story): number {
    const p = s.packed[kind];
    return p.norm > 0 ? dotDense(p, this.scratch) / p.norm : 0;
  }

  /**
   * Adds an article to a given story, opened under that id when new, without a decision: what learning the merge
   * decision from gold stories needs (src/stories/eval/learn.ts). Returns the article's features against each
   * candidate story as it stood before: the inputs of the score, `[body, title, entities, dates cosines, year
   * conflict]`.
   */
  addAs(doc: StoryDoc, id: string): Array<{ story: string; features: number[] }> {
    const vec = this.vectors(doc);
    const year = latestYear(doc.dates);
    this.scatter(vec, 1);
    const out = this.candidates(doc, vec).map((s) => ({ story: s.id, features: [...KINDS.map((k) => this.cosine(k, s)), conflictOf(year, s)] }));
    this.scatter(vec, 0);
    let s = this.stories.get(id);
    if (!s) this.stories.set(id, (s = this.blank(id)));
    this.join(s, doc, vec, year);
    return out;
  }

  /** Stories sharing an entity, a title term or one of the article's heaviest body terms, within the time window. */
  private candidates(doc: StoryDoc, vec: Record<Kind, Vector>): Story[] {
    const mark = ++this.mark;
    const out: Story[] = [];
    const probe = (id: number) => {
      for (const s of this.postings[id] ?? []) {
        if (s.mark === mark) continue;
        s.mark = mark;
        const gap = gapDays(doc.time, s);
        if (gap === null || gap <= this.options.windowDays) out.push(s);
      }
    };
    for (const id of vec.entities.keys()) probe(id);
    for (const id of vec.title.keys()) probe(id);
    for (const [id] of top(vec.body, this.options.probeTerms, this.name)) probe(id);
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** `year`: the article's latest year, when the caller has it already (`add`, `addAs` score with it first). */
  private join(s: Story, doc: StoryDoc, vec: Record<Kind, Vector>, year = latestYear(doc.dates)): void {
    for (const kind of KINDS) {
      const c = s.centroid[kind];
      addInto(c, vec[kind]);
      for (const id of vec[kind].keys()) this.post(id, s);
      if (c.size > 2 * this.options.centroidTerms) {
        const kept = new Map(top(c, this.options.centroidTerms, this.name));
        s.centroid[kind] = kept;
        // A term no longer in any of the story's sub-vectors no longer finds it: the postings are what a store
        // reloads, so a process that restarts meets the same candidates.
        for (const id of c.keys()) if (!kept.has(id) && !KINDS.some((k) => s.centroid[k].has(id))) this.postings[id]?.delete(s);
      }
      s.packed[kind] = pack(s.centroid[kind], (id) => slotOf(kind, id));
    }
    s.size++;
    if (year !== null) {
      s.years.set(year, (s.years.get(year) ?? 0) + 1);
      s.dated++;
    }
    if (doc.time !== null) {
      s.first = s.first === null ? doc.time : Math.min(s.first, doc.time);
      s.last = s.last === null ? doc.time : Math.max(s.last, doc.time);
    }
    for (const e of doc.entities) {
      const id = this.ids.entities.get(e.key);
      if (!s.names.has(e.key) && id !== undefined && s.centroid.entities.has(id)) s.names.set(e.key, e.name);
    }
    this.changed.add(s.id);
  }

  private post(id: number, s: Story): void {
    let set = this.postings[id];
    if (!set) this.postings[id] = set = new Set();
    set.add(s);
  }

  /** The term's id in its space, a new one (document frequency 0) when first met. */
  private intern(space: Space, term: string): number {
    let id = this.ids[space].get(term);
    if (id === undefined) {
      id = this.keys.length;
      this.ids[space].set(term, id);
      this.keys.push(`${space}|${term}`);
      this.df.push(0);
      if (2 * id + 2 > this.scratch.length) {
        const grown = new Float64Array(2 * this.scratch.length);
        grown.set(this.scratch);
        this.scratch = grown;
      }
    }
    return id;
  }

  /** A term's name for ordering ties: its document-frequency key. */
  private readonly name = (id: number): string => this.keys[id]!;

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
    if (this.changed.delete(from)) this.changed.add(to);
  }

  /** The articles seen, and the document-frequency increments since the last call (cleared): what a store adds. */
  takeFrequencyChanges(): { docs: number; increments: Array<[string, number]> } {
    const increments = [...this.dfChanged].map(([id, n]): [string, number] => [this.keys[id]!, n]).sort((a, b) => compare(a[0], b[0]));
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
    const ids = mapKinds((kind) => {
      const v: Vector = new Map();
      for (const [t, tf] of raw[kind]) v.set(this.intern(spaceOf(kind), t), tf);
      return v;
    });
    const seen = new Set<number>();
    for (const kind of KINDS) for (const id of ids[kind].keys()) seen.add(id);
    for (const id of seen) {
      this.df[id]!++;
      this.dfChanged.set(id, (this.dfChanged.get(id) ?? 0) + 1);
    }
    // TF-IDF, (1 + ln tf) × ln(1 + N / df), then unit vectors: a story's score is a cosine per sub-vector,
    // whatever the article's length.
    return mapKinds((kind) => {
      const v: Vector = new Map();
      for (const [id, tf] of ids[kind]) v.set(id, (1 + Math.log(tf)) * Math.log(1 + this.docs / this.df[id]!));
      return unit(v);
    });
  }

  /** A story's label: its main entities, then its main terms. */
  label(id: string, entities = 3, words = 3): string {
    const s = this.stories.get(id);
    if (!s) return "";
    const term = (k: number) => this.keys[k]!.slice(this.keys[k]!.indexOf("|") + 1);
    const names = top(s.centroid.entities, entities, this.name).map(([k]) => s.names.get(term(k)) ?? term(k));
    const lower = new Set(names.flatMap((n) => terms(n)));
    const extra = top(s.centroid.body, words * 3, this.name)
      .map(([k]) => term(k))
      .filter((t) => !lower.has(t))
      .slice(0, words);
    return [...names, ...extra].join(", ");
  }

  private state(s: Story): StoryState {
    const term = (k: number) => this.keys[k]!.slice(this.keys[k]!.indexOf("|") + 1);
    return {
      id: s.id,
      size: s.size,
      first: s.first,
      last: s.last,
      centroid: mapKinds((kind) => top(s.centroid[kind], Infinity, this.name).map(([k, w]): [string, number] => [term(k), w])),
      names: [...s.names],
      years: [...s.years].sort((a, b) => a[0] - b[0]),
    };
  }
}

/**
 * The longest term kept, in characters. A longer "word" (a hash, a run of digits, an entity name the tagger ran
 * on) names no event, and the store could not index it (a B-tree row holds at most about 8 kB).
 */
export const MAX_TERM = 64;

const short = (t: string) => t.length <= MAX_TERM;

/** Term counts per sub-vector, keyed by the terms themselves. */
function rawVectors(doc: StoryDoc): Record<Kind, Map<string, number>> {
  const count = (items: Iterable<string>) => {
    const v = new Map<string, number>();
    for (const t of items) if (short(t)) v.set(t, (v.get(t) ?? 0) + 1);
    return v;
  };
  const entities = new Map<string, number>();
  for (const e of doc.entities) if (short(e.key)) entities.set(e.key, (entities.get(e.key) ?? 0) + e.count);
  return { body: count(terms(doc.body)), title: count(terms(doc.title)), entities, dates: count(doc.dates) };
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

/** The newest year among the dates an article refers to ("2008", "2008-12"), or null when it names none. */
export function latestYear(dates: readonly string[]): number | null {
  let out: number | null = null;
  for (const d of dates) {
    const y = Number(d.slice(0, 4));
    if (/^\d{4}/.test(d) && (out === null || y > out)) out = y;
  }
  return out;
}

/** The share of the story's dated members whose latest year is not the article's (0 when either has none). */
function conflictOf(year: number | null, s: { years: Map<number, number>; dated: number }): number {
  return year === null || s.dated === 0 ? 0 : 1 - (s.years.get(year) ?? 0) / s.dated;
}

/** Days from the article's date to the story's span (0 inside it); null when either is unknown. */
function gapDays(time: number | null, s: { first: number | null; last: number | null }): number | null {
  if (time === null || s.first === null || s.last === null) return null;
  if (time < s.first) return (s.first - time) / DAY;
  if (time > s.last) return (time - s.last) / DAY;
  return 0;
}
