/**
 * No NUL characters in query strings and path parameters: PostgreSQL text cannot hold one, so a query given "%00"
 * would fail in the database (a 500). Refused up front, naming the field, as the schemas name theirs.
 */
import type { FastifyInstance } from "fastify";
import { HttpError } from "./errors.js";

function fieldWithNul(part: unknown): string | null {
  if (part === null || typeof part !== "object") return null;
  for (const [key, value] of Object.entries(part)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === "string" && v.includes("\u0000"))) return key;
  }
  return null;
}

export function refuseNul(scope: FastifyInstance): void {
  scope.addHook("preValidation", async (request) => {
    for (const [where, part] of [["querystring", request.query], ["params", request.params]] as const) {
      const field = fieldWithNul(part);
      if (field !== null) throw new HttpError(400, `${where}/${field} must not contain a NUL character`);
    }
  });
}
