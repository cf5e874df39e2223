/**
 * The OpenAPI 3 document, generated from the route schemas (@fastify/swagger), at /docs/json, and Swagger UI at
 * /docs (@fastify/swagger-ui) with a CSP of its own (it needs inline styles; scripts stay 'self').
 */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { DOCS_CSP } from "./security.js";

export async function addOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "newsgraph",
        version: "0.1.0",
        description: "Who said what, who did what, when and where, in the stored news. Errors: {error: {status, code, message}}. Lists: {items, next}.",
      },
      tags: [
        { name: "store", description: "the store as a whole" },
        { name: "articles", description: "stored articles" },
        { name: "entities", description: "people, organizations and places across articles" },
        { name: "quotes", description: "who said what" },
        { name: "timeline", description: "statements by the time they refer to" },
        { name: "analysis", description: "analyzing and storing articles" },
      ],
    },
    // Error and Quote are shared schemas: name them in the document as they are named in the code.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: DOCS_CSP, uiConfig: { deepLinking: true } });
}
