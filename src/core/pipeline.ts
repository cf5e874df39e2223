import { ANALYSIS_SCHEMA, type Analysis } from "./analysis.js";
import type { Article } from "./article.js";
import type { Doc } from "./doc.js";

/**
 * A pipeline component: a function over the shared Doc that declares which Doc attributes it
 * needs and which it fills (spaCy's `requires` / `assigns`). `createPipeline` checks the order.
 */
export interface Stage {
  name: string;
  requires: readonly string[];
  assigns: readonly string[];
  run(doc: Doc): void;
}

const registry = new Map<string, Stage>();

/** Registers a stage under its name; a second, different stage under a taken name is a programming error. */
export function registerStage(stage: Stage): Stage {
  const taken = registry.get(stage.name);
  if (taken && taken !== stage) throw new Error(`pipeline stage "${stage.name}" is registered twice`);
  registry.set(stage.name, stage);
  return stage;
}

export function getStage(name: string): Stage {
  const stage = registry.get(name);
  if (!stage) throw new Error(`unknown pipeline stage "${name}" (known: ${[...registry.keys()].join(", ")})`);
  return stage;
}

export interface Pipeline {
  stages: readonly Stage[];
  run(doc: Doc): Doc;
}

/** Builds a pipeline from stage names, failing early when a stage needs what no earlier stage assigns. */
export function createPipeline(names: readonly string[], initial: readonly string[] = ["doc.text", "doc.blocks"]): Pipeline {
  const available = new Set(initial);
  const stages = names.map((name) => {
    const stage = getStage(name);
    const missing = stage.requires.filter((r) => !available.has(r));
    if (missing.length > 0) throw new Error(`stage "${name}" requires ${missing.join(", ")}, which no earlier stage assigns`);
    for (const a of stage.assigns) available.add(a);
    return stage;
  });
  return {
    stages,
    run(doc: Doc): Doc {
      for (const stage of stages) stage.run(doc);
      return doc;
    },
  };
}

export function toAnalysis(doc: Doc): Analysis {
  return {
    schema: ANALYSIS_SCHEMA,
    article: doc.article,
    text: doc.text,
    blocks: doc.blocks,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: doc.entities,
    quotes: doc.quotes,
    timexes: doc.timexes,
    amounts: doc.amounts,
    events: doc.events,
  };
}

export type { Article };
