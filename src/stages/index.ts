/**
 * The stage catalogue: importing a stage module registers it. DEFAULT_STAGES is the order `analyze`
 * runs them in; each declares what it requires, and `createPipeline` checks the order.
 */
import "./text/stage.js";
import "./time/stage.js";
import "./amounts/stage.js";
import "./entities/stage.js";
import "./coref/stage.js";
import "./quotes/stage.js";

export const DEFAULT_STAGES: readonly string[] = ["text", "time", "amounts", "entities", "coref", "quotes"];
