import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Analysis } from "../../src/core/analysis.js";
import { repoRoot } from "./paths.js";

/** The published JSON Schema, compiled once: tests validate against the file users get, not a copy. */
const validateShape = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(join(repoRoot(), "docs", "analysis.schema.json"), "utf8")),
);

/**
 * Checks a value against the Analysis contract: docs/analysis.schema.json, then the rules a JSON
 * Schema cannot state (docs/analysis-schema.md): every span lies inside `text` with start <= end,
 * the covered text of mentions, timexes, amounts and events is `text.slice(start, end)`, and entity
 * references (affiliations, quote speakers) name entities of the same analysis.
 * @returns one message per problem; empty when the value is valid.
 */
export function validateAnalysis(value: unknown): string[] {
  if (!validateShape(value)) {
    return (validateShape.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
  }
  return contentErrors(value as Analysis);
}

function contentErrors(a: Analysis): string[] {
  const errors: string[] = [];
  const span = (path: string, s: { start: number; end: number }, covered?: string): void => {
    if (s.start > s.end) errors.push(`${path} start ${s.start} > end ${s.end}`);
    else if (s.end > a.text.length) errors.push(`${path} end ${s.end} > text length ${a.text.length}`);
    else if (covered !== undefined && a.text.slice(s.start, s.end) !== covered) {
      errors.push(`${path} text ${JSON.stringify(covered)} is not text[${s.start}, ${s.end})`);
    }
  };
  const entityIds = new Set(a.entities.map((e) => e.id));
  const known = (path: string, id: string): void => {
    if (!entityIds.has(id)) errors.push(`${path} names no entity: ${JSON.stringify(id)}`);
  };

  a.blocks.forEach((b, i) => span(`/blocks/${i}`, b));
  a.sentences.forEach((s, i) => span(`/sentences/${i}`, s));
  a.entities.forEach((e, i) => {
    e.mentions.forEach((m, j) => span(`/entities/${i}/mentions/${j}`, m, m.text));
    e.affiliations.forEach((id, j) => known(`/entities/${i}/affiliations/${j}`, id));
  });
  a.quotes.forEach((q, i) => {
    span(`/quotes/${i}`, q);
    if (q.speaker !== null) known(`/quotes/${i}/speaker`, q.speaker);
  });
  a.timexes.forEach((t, i) => span(`/timexes/${i}`, t, t.text));
  a.amounts.forEach((m, i) => span(`/amounts/${i}`, m, m.text));
  a.events.forEach((e, i) => span(`/events/${i}`, e, e.text));
  return errors;
}
