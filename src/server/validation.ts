/**
 * Validation with two Ajv instances, one per kind of input. Query strings and path parameters are text, so they are
 * coerced ("limit=5" is the integer 5), as Fastify does by default; JSON bodies have types of their own, so a
 * number where a string belongs ({"text": 42}) is an error, not the string "42". Fastify's default coerces everything.
 */
import { Ajv } from "ajv";
import type { FastifyInstance } from "fastify";

export function installValidators(app: FastifyInstance): void {
  const common = { useDefaults: true, allErrors: false, strict: false } as const;
  const forText = new Ajv({ ...common, coerceTypes: "array", removeAdditional: true });
  const forJson = new Ajv({ ...common, coerceTypes: false, removeAdditional: false });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === "body" ? forJson : forText).compile(schema));
}
