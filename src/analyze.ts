import type { Analysis } from "./core/analysis.js";
import type { Article } from "./core/article.js";
import { createPipeline, toAnalysis, type Pipeline } from "./core/pipeline.js";
import { DEFAULT_STAGES } from "./stages/index.js";
import { layoutArticle } from "./stages/text/layout.js";

let defaultPipeline: Pipeline | null = null;

/** The default pipeline, built once: stages may load models, which must not happen per article. */
export function getDefaultPipeline(): Pipeline {
  defaultPipeline ??= createPipeline(DEFAULT_STAGES);
  return defaultPipeline;
}

/** The core of newsgraph: one article in, one Analysis out. Pure: no I/O beyond loading models once. */
export function analyze(article: Article, pipeline: Pipeline = getDefaultPipeline()): Analysis {
  return toAnalysis(pipeline.run(layoutArticle(article)));
}
