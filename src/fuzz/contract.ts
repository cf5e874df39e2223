/**
 * The output contract, checked on every result the fuzzer sees and by the tests (test/support/schema.ts re-exports
 * this module): docs/analysis.schema.json, plus what a JSON Schema cannot state (docs/analysis-schema.md).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { Analysis } from "../core/analysis.js";
import type { ReadItem } from "../readers/index.js";

/** The repository root, found by walking up from this module to package.json (works from src/ and dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

let compiled: { analysis: ValidateFunction; article: ValidateFunction } | null = null;

/** The published schema, compiled once and lazily: checks use the file users get, not a copy. */
function validators(): { analysis: ValidateFunction; article: ValidateFunction } {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(join(repoRoot(), "docs", "analysis.schema.json"), "utf8")) as object;
  // verbose: errors carry the offending value, which a fuzz report needs to be read without replaying.
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  ajv.addSchema(schema, "analysis");
  // The article part on its own, so reader output can be held to the contract before analyze() runs.
  compiled = { analysis: ajv.getSchema("analysis")!, article: ajv.getSchema("analysis#/$defs/article")! };
  return compiled;
}

function ajvErrors(validate: ValidateFunction, prefix = ""): string[] {
  return (validate.errors ?? []).map((e) => `${prefix}${e.instancePath || "/"} ${e.message ?? e.keyword}${got(e.data)}`);
}

/** The offending value, short: a scalar in full (up to 80 characters), a list or an object by its kind only. */
function got(data: unknown): string {
  if (data !== null && typeof data === "object") return "";
  const s = JSON.stringify(data) ?? String(data);
  return `, got ${s.length > 80 ? s.slice(0, 77) + "..." : s}`;
}

/**
 * Checks a value against the Analysis contract:
 * - no NaN or ±Infinity anywhere in the value as it is in memory (JSON.stringify would silently write null);
 * - its JSON round trip (what a consumer reads) validates against docs/analysis.schema.json;
 * - every span lies inside `text` with start <= end, and the `text` of mentions, quotes, timexes, amounts and events
 *   is `text.slice(start, end)`;
 * - entity, quote and event ids are unique, and entity references (affiliations, quote speakers) name entities of
 *   the same analysis;
 * - timex values use the TIMEX3 alphabet, so a NaN or Infinity printed into a string ("PInfinityM") is caught too.
 * @returns one message per problem; empty when the value is valid.
 */
export function validateAnalysis(value: unknown): string[] {
  const errors = nonFiniteNumbers(value);
  let json: unknown;
  try {
    json = JSON.parse(JSON.stringify(value));
  } catch (e) {
    return [...errors, `/ cannot be written as JSON: ${(e as Error).message}`];
  }
  const { analysis } = validators();
  if (!analysis(json)) return [...errors, ...ajvErrors(analysis)];
  return [...errors, ...contentErrors(json as Analysis)];
}

/** JSON paths of the numbers that JSON cannot carry (NaN, Infinity, -Infinity). */
export function nonFiniteNumbers(value: unknown): string[] {
  const errors: string[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) errors.push(`${path || "/"} is ${v}, not a finite number (JSON writes null)`);
      return;
    }
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}/${i}`));
    else for (const [k, x] of Object.entries(v)) walk(x, `${path}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  };
  walk(value, "");
  return errors;
}

const TIMEX_VALUE = /^[0-9A-Z_:.+-]+$/;

function contentErrors(a: Analysis): string[] {
  const errors: string[] = [];
  const span = (path: string, s: { start: number; end: number }, covered?: string): void => {
    if (s.start > s.end) errors.push(`${path} start ${s.start} > end ${s.end}`);
    else if (s.end > a.text.length) errors.push(`${path} end ${s.end} > text length ${a.text.length}`);
    else if (covered !== undefined && a.text.slice(s.start, s.end) !== covered) {
      errors.push(`${path} text ${JSON.stringify(covered)} is not text[${s.start}, ${s.end})`);
    }
  };
  const unique = (what: string, ids: string[]): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push(`/${what}/${i}/id ${JSON.stringify(id)} is not unique`);
      seen.add(id);
    });
  };
  const entityIds = new Set(a.entities.map((e) => e.id));
  const known = (path: string, id: string): void => {
    if (!entityIds.has(id)) errors.push(`${path} names no entity: ${JSON.stringify(id)}`);
  };

  unique("entities", a.entities.map((e) => e.id));
  unique("quotes", a.quotes.map((q) => q.id));
  unique("events", a.events.map((e) => e.id));
  a.blocks.forEach((b, i) => span(`/blocks/${i}`, b));
  a.sentences.forEach((s, i) => span(`/sentences/${i}`, s));
  a.entities.forEach((e, i) => {
    e.mentions.forEach((m, j) => span(`/entities/${i}/mentions/${j}`, m, m.text));
    e.affiliations.forEach((id, j) => known(`/entities/${i}/affiliations/${j}`, id));
  });
  a.quotes.forEach((q, i) => {
    span(`/quotes/${i}`, q, q.text);
    if (q.speaker !== null) known(`/quotes/${i}/speaker`, q.speaker);
  });
  a.timexes.forEach((t, i) => {
    span(`/timexes/${i}`, t, t.text);
    // TIMEX3 values are written in digits, capitals and - : . _ + ("2023-SP", "PXD", "PAST_REF"); anything else is a
    // number that went wrong on the way ("PInfinityM" from a duration of 320 nines, "PNaNY").
    if (!TIMEX_VALUE.test(t.value)) errors.push(`/timexes/${i}/value ${JSON.stringify(t.value.slice(0, 80))} is no TIMEX3 value (digits, capitals, - : . _ +)`);
  });
  a.amounts.forEach((m, i) => span(`/amounts/${i}`, m, m.text));
  a.events.forEach((e, i) => span(`/events/${i}`, e, e.text));
  return errors;
}

/**
 * The readers' contract (src/readers/types.ts): readBytes never throws, returns article or error items; an error
 * names the file read and a line that exists; an article's metadata already satisfies the Analysis schema's
 * `article` part (analyze() copies it as is), and its body is a list of strings.
 */
export function validateReadItems(items: unknown, fileName: string, lineCount: number): string[] {
  if (!Array.isArray(items)) return [`readBytes returned ${typeof items}, not an array`];
  const errors: string[] = [];
  const { article: validateMeta } = validators();
  items.forEach((item: ReadItem, i) => {
    const path = `/items/${i}`;
    if (item === null || typeof item !== "object") {
      errors.push(`${path} is not an object`);
      return;
    }
    if ("error" in item) {
      const { origin, message } = item.error;
      if (typeof message !== "string" || message === "") errors.push(`${path}/error/message is empty`);
      if (origin?.file !== fileName) errors.push(`${path}/error/origin/file ${JSON.stringify(origin?.file)} is not ${JSON.stringify(fileName)}`);
      const line = origin?.line;
      if (line !== undefined && !(Number.isInteger(line) && line >= 1 && line <= lineCount)) errors.push(`${path}/error/origin/line ${line} is not a line of the input (1..${lineCount})`);
      return;
    }
    if ("warning" in item || "skipped" in item) {
      const origin = "warning" in item ? item.warning.origin : item.skipped;
      if (origin?.file !== fileName) errors.push(`${path} names ${JSON.stringify(origin?.file)}, not ${JSON.stringify(fileName)}`);
      return;
    }
    if (!("article" in item)) {
      errors.push(`${path} has neither article nor error`);
      return;
    }
    const a = item.article;
    const meta = {
      id: a.id, source: a.source, url: a.url, published: a.published, section: a.section, title: a.title, authors: a.authors, language: a.language,
    };
    if (!validateMeta(JSON.parse(JSON.stringify(meta)))) errors.push(...ajvErrors(validateMeta, `${path}/article`));
    errors.push(...nonFiniteNumbers(meta).map((e) => `${path}/article${e}`));
    if (!Array.isArray(a.paragraphs) || a.paragraphs.some((p) => typeof p !== "string")) errors.push(`${path}/article/paragraphs is not a list of strings`);
    if (a.byline !== undefined && a.byline !== null && typeof a.byline !== "string") errors.push(`${path}/article/byline is ${typeof a.byline}`);
  });
  return errors;
}
