/**
 * JSON schemas shared by the routes: they validate what comes in (Fastify's Ajv), shape what goes out
 * (fast-json-stringify drops what a schema does not name), and are the OpenAPI document (/docs/json).
 */

export const nullableString = { type: ["string", "null"] } as const;
export const nullableInteger = { type: ["integer", "null"] } as const;

/** The largest offset a list takes: deep pages of the CLI's queries cost offset + limit rows. */
export const MAX_OFFSET = 10_000;

export const pagingQuery = {
  limit: { type: "integer", minimum: 1, maximum: 100, default: 20, description: "items per page (1–100)" },
  offset: { type: "integer", minimum: 0, maximum: MAX_OFFSET, default: 0, description: `items to skip (at most ${MAX_OFFSET})` },
} as const;

export interface PagingQuery {
  limit: number;
  offset: number;
}

const DATE_ARG = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

export const dateQuery = {
  from: { type: "string", pattern: DATE_ARG, description: "published on or after (YYYY-MM-DD; YYYY or YYYY-MM: from its first day)" },
  to: { type: "string", pattern: DATE_ARG, description: "published on or before (YYYY-MM-DD; YYYY or YYYY-MM: to its last day)" },
} as const;

export interface DateQuery {
  from?: string;
  to?: string;
}

/**
 * The path parameter of a record that has a numeric key (an entity, a story). A string, not an integer: "abc" or "0"
 * names no record, so it is a 404 like an unknown number, not a 400.
 */
export const recordIdParams = (what: string) =>
  ({
    type: "object",
    required: ["id"],
    properties: { id: { type: "string", description: `the ${what}'s id, a positive integer` } },
  }) as const;

/** The key a record id names, or null when it is no positive safe integer ("abc", "0", "1.5", "-1", 20 digits). */
export function recordId(id: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(id)) return null;
  const pk = Number(id);
  return Number.isSafeInteger(pk) ? pk : null;
}

/** Words as a search box takes them: bounded, so a query cannot be a megabyte. */
export const words = (description: string) => ({ type: "string", minLength: 1, maxLength: 1000, description }) as const;

export const errorSchema = {
  $id: "Error",
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "code", "message"],
      properties: { status: { type: "integer" }, code: { type: "string" }, message: { type: "string" } },
    },
  },
} as const;

const errorRef = { $ref: "Error#" } as const;

/** Error answers every route may give. */
export const errorResponses = { 400: errorRef, 404: errorRef } as const;
export const bodyErrorResponses = { ...errorResponses, 413: errorRef, 415: errorRef } as const;

export const quoteSchema = {
  $id: "Quote",
  type: "object",
  // No "required": fast-json-stringify writes required properties first, and the answer reads best in this order.
  properties: {
    articleId: { type: "string" },
    title: { type: "string" },
    source: nullableString,
    published: nullableString,
    speaker: { ...nullableString, description: "the speaker as the article names them, or the attributing words" },
    speakerId: { ...nullableInteger, description: "the speaker's entity id (GET /api/entities/:id)" },
    kind: { type: "string", description: "direct, partial or indirect" },
    cue: nullableString,
    text: { type: "string" },
    start: { type: "integer", description: "UTF-16 offset of the quote in the article's analysis text" },
    end: { type: "integer" },
  },
} as const;

export const quoteRef = { $ref: "Quote#" } as const;

/** A page: `next` is the offset of the next page, null on the last. */
export function pageOf(item: object) {
  return { type: "object", required: ["items", "next"], properties: { items: { type: "array", items: item }, next: nullableInteger } } as const;
}

export const SHARED_SCHEMAS = [errorSchema, quoteSchema] as const;
