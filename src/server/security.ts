/**
 * Security headers on every answer (@fastify/helmet). Article text is data, so the UI needs no inline script: the
 * CSP allows scripts from this origin only. Inline style attributes are allowed (style-src-attr): the graph and chart
 * libraries position elements with them, and a style attribute runs no code. No upgrade-insecure-requests: the
 * server is plain HTTP on localhost, where upgrading would break every request.
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
} as const;

/**
 * Swagger UI's page, /docs only: its scripts are files too (script-src 'self' still), but it writes <style>
 * elements and inline styles, and shows data: images.
 */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export async function addSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...APP_CSP } },
    referrerPolicy: { policy: "no-referrer" },
    // Cross-origin isolation headers would stop nothing here and can block the browser's own devtools fetches.
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
}
