/**
 * What the store tests share: stores to test against (PGlite in a temp dir always; the PostgreSQL server when
 * NEWSGRAPH_TEST_PG names a scratch database), and hand-built analyses, so that what the queries must and must not
 * return does not hang on what the NLP stages find.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Analysis, Entity, EntityType, QuoteKind, TimexType } from "../../src/core/analysis.js";
import type { Article } from "../../src/core/article.js";
import type { Store } from "../../src/store/db.js";
import { repoRoot } from "./paths.js";

export interface Target {
  name: string;
  /** A store location for openStore: a fresh directory, or the scratch database emptied. */
  prepare(): Promise<string>;
  cleanup(): void;
}

export function targets(): Target[] {
  const dirs: string[] = [];
  const list: Target[] = [
    {
      name: "pglite",
      async prepare() {
        const dir = mkdtempSync(join(tmpdir(), "ng-store-"));
        dirs.push(dir);
        return join(dir, "store");
      },
      cleanup() {
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      },
    },
  ];
  const url = process.env.NEWSGRAPH_TEST_PG;
  if (url) {
    list.push({
      name: "postgres",
      async prepare() {
        // A scratch database: emptied before use.
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query("drop schema if exists public cascade");
          await client.query("create schema public");
        } finally {
          await client.end();
        }
        return url;
      },
      cleanup() {},
    });
  }
  return list;
}

export interface EntitySpec {
  id: string;
  name: string;
  type: EntityType;
  titles?: string[];
  affiliations?: string[];
  /** Mention texts, in text order: each is found after the previous one. */
  mentions: string[];
}

export interface ArticleSpec {
  url: string | null;
  source: string;
  published: string;
  title: string;
  paragraphs: string[];
  entities: EntitySpec[];
  quotes?: { text: string; kind: QuoteKind; cue: string | null; speaker: string | null; speakerText: string | null }[];
  timexes?: { text: string; type: TimexType; value: string }[];
}

/** The article as a JSON Lines reader record. */
export function jsonlRecord(spec: ArticleSpec): string {
  return JSON.stringify({ url: spec.url ?? undefined, source: spec.source, published: spec.published, title: spec.title, text: spec.paragraphs.join("\n\n") });
}

export function writeJsonl(dir: string, name: string, specs: ArticleSpec[], extraLines: string[] = []): string {
  const path = join(dir, name);
  writeFileSync(path, [...specs.map(jsonlRecord), ...extraLines].join("\n") + "\n");
  return path;
}

/** The Analysis of an article as read, from its spec: spans found by searching the text. */
export function buildAnalysis(article: Article, spec: ArticleSpec): Analysis {
  const parts = [article.title, ...article.paragraphs];
  const text = parts.join("\n\n");
  const blocks: Analysis["blocks"] = [];
  const sentences: Analysis["sentences"] = [];
  let at = 0;
  parts.forEach((p, i) => {
    blocks.push({ start: at, end: at + p.length, kind: i === 0 ? "title" : "paragraph" });
    let s = at;
    for (const piece of p.split(/(?<=[.!?])\s+/)) {
      const start = text.indexOf(piece, s);
      sentences.push({ start, end: start + piece.length });
      s = start + piece.length;
    }
    at += p.length + 2;
  });
  const find = (needle: string, from: number) => {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`"${needle}" not in the text of ${spec.title}`);
    return { start, end: start + needle.length };
  };
  const entities: Entity[] = spec.entities.map((e) => {
    let from = 0;
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      titles: e.titles ?? [],
      affiliations: e.affiliations ?? [],
      mentions: e.mentions.map((m) => {
        const span = find(m, from);
        from = span.end;
        return { ...span, text: m, kind: "name" as const };
      }),
    };
  });
  return {
    schema: "newsgraph.analysis/1",
    article: {
      id: article.id,
      source: article.source,
      url: article.url,
      published: article.published,
      section: article.section,
      title: article.title,
      authors: article.authors,
      language: article.language,
    },
    text,
    blocks,
    sentences,
    entities,
    quotes: (spec.quotes ?? []).map((q, i) => ({ ...find(q.text, 0), id: `q${i + 1}`, ...q })),
    timexes: (spec.timexes ?? []).map((t) => ({ ...find(t.text, 0), ...t, mod: null })),
    amounts: [],
    events: [],
  };
}

/** An analyze function for ingest that answers from specs, keyed by title. */
export function analyzerFor(specs: ArticleSpec[]): (article: Article) => Analysis {
  const byTitle = new Map(specs.map((s) => [s.title, s]));
  return (article) => {
    const spec = byTitle.get(article.title);
    if (!spec) throw new Error(`no spec for "${article.title}"`);
    return buildAnalysis(article, spec);
  };
}

/** Four articles, two John Smiths who must stay apart, a bare "Smith" who must join neither. */
export const ARTICLES: ArticleSpec[] = [
  {
    url: "https://news.test/acme-cuts",
    source: "Daily Planet",
    published: "2023-03-02",
    title: "Acme to cut 1,200 jobs",
    paragraphs: [
      "Acme Corp will cut about 1,200 jobs by the spring of 2023, its chief executive John Smith said on Thursday.",
      "\"These are hard decisions,\" Smith told reporters in Berlin.",
    ],
    entities: [
      { id: "e1", name: "Acme Corp", type: "ORG", mentions: ["Acme", "Acme Corp"] },
      { id: "e2", name: "John Smith", type: "PERSON", titles: ["chief executive"], affiliations: ["e1"], mentions: ["John Smith", "Smith"] },
      { id: "e3", name: "Berlin", type: "GPE", mentions: ["Berlin"] },
    ],
    quotes: [
      { text: "Acme Corp will cut about 1,200 jobs by the spring of 2023", kind: "indirect", cue: "said", speaker: "e2", speakerText: "its chief executive John Smith" },
      { text: "These are hard decisions,", kind: "direct", cue: "told", speaker: "e2", speakerText: "Smith" },
    ],
    timexes: [
      { text: "the spring of 2023", type: "DATE", value: "2023-SP" },
      { text: "Thursday", type: "DATE", value: "2023-03-02" },
    ],
  },
  {
    url: "https://news.test/sleep-study",
    source: "Campus Times",
    published: "2023-05-10",
    title: "Study finds students sleep too little",
    paragraphs: ["Professor John Smith of MIT said on Monday that students sleep too little."],
    entities: [
      { id: "e1", name: "John Smith", type: "PERSON", titles: ["professor"], affiliations: ["e2"], mentions: ["John Smith"] },
      { id: "e2", name: "MIT", type: "ORG", mentions: ["MIT"] },
    ],
    quotes: [{ text: "students sleep too little", kind: "indirect", cue: "said", speaker: "e1", speakerText: "Professor John Smith of MIT" }],
    timexes: [{ text: "Monday", type: "DATE", value: "2023-05-08" }],
  },
  {
    url: "https://news.test/acme-defends",
    source: "Daily Planet",
    published: "2023-06-01",
    title: "Acme chief defends cuts",
    paragraphs: ["Acme Corp chief executive John Smith defended the job cuts announced in January 2023."],
    entities: [
      { id: "e1", name: "Acme Corp", type: "ORG", mentions: ["Acme", "Acme Corp"] },
      { id: "e2", name: "John Smith", type: "PERSON", titles: ["chief executive"], affiliations: ["e1"], mentions: ["John Smith"] },
    ],
    timexes: [{ text: "January 2023", type: "DATE", value: "2023-01" }],
  },
  {
    url: null,
    source: "Wire",
    published: "2023-07-01",
    title: "Markets to recover, says Smith",
    paragraphs: ["Smith said the market would recover in 2024."],
    entities: [{ id: "e1", name: "Smith", type: "PERSON", mentions: ["Smith", "Smith"] }],
    quotes: [{ text: "the market would recover in 2024", kind: "indirect", cue: "said", speaker: "e1", speakerText: "Smith" }],
    timexes: [{ text: "2024", type: "DATE", value: "2024" }],
  },
];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the newsgraph CLI in a child process, with no NEWSGRAPH_DB from the caller's environment unless `env` sets one. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const bin = join(repoRoot(), "bin", "newsgraph.js");
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NEWSGRAPH_DB: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A database of its own on the test server, beside NEWSGRAPH_TEST_PG's scratch database (which store.test.ts empties
 * and fills), for a test file that runs at the same time as the others; null when no server is configured.
 */
export async function ownDatabase(tag: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const scratch = process.env.NEWSGRAPH_TEST_PG;
  if (!scratch) return null;
  const base = new URL(scratch);
  const name = `${base.pathname.slice(1) || "newsgraph"}_${tag}_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: scratch });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  // The name is ours (a tag and a pid), quoted: identifiers cannot be parameters.
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  base.pathname = `/${name}`;
  return { url: base.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/** Every stored article once, and whole: its entities there, each with as many mentions as it counts. */
export async function assertWholeArticles(store: Store, expected: number): Promise<void> {
  const ids = await store.db.selectFrom("articles").select(["article_id", "pk"]).execute();
  assert.equal(ids.length, expected, "articles stored");
  assert.equal(new Set(ids.map((r) => r.article_id)).size, expected, "each once");
  const entities = await store.db
    .selectFrom("article_entities")
    .select(["article_pk", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("mention_count").as("m")])
    .groupBy("article_pk")
    .execute();
  const mentions = await store.db
    .selectFrom("mentions")
    .select(["article_pk", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("article_pk")
    .execute();
  const mentionsBy = new Map(mentions.map((r) => [r.article_pk, Number(r.n)]));
  assert.equal(entities.length, expected, "every article has its entities");
  for (const e of entities) assert.equal(mentionsBy.get(e.article_pk), Number(e.m), "every entity's mentions are there");
}

/** n small JSON Lines articles, each its own url and text, each naming a person who is quoted. */
export function generatedArticles(n: number, tag: string): string[] {
  const people = ["Anna Berg", "Karl Olsen", "Maria Rossi", "Jean Dupont", "Ola Nordmann", "Eva Novak"];
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      url: `https://${tag}.test/${i}`,
      source: `${tag} test`,
      published: "2024-02-01",
      title: `Port ${i} reopens after storm`,
      text: `The port of Hamburg reopened berth ${i} on Tuesday, ${people[i % people.length]} of the harbour authority said.\n\n"Ships are moving again," ${people[i % people.length]} said.`,
    }),
  );
}
