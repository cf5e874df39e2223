/**
 * One error shape for every API answer that is not a success, `{"error": {status, code, message}}`, and never a 500
 * for what a client sent: Fastify's own 4xx (validation, bad JSON, too large, wrong media type, bad URL) keep their
 * status and get a message a person can act on; only a fault of ours is a 500, logged, with no internals in it.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { QueryArgumentError } from "../store/queries/index.js";

export interface ErrorBody {
  error: { status: number; code: string; message: string };
}

const CODES: Record<number, string> = {
  400: "bad_request",
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  413: "too_large",
  414: "uri_too_long",
  415: "unsupported_media_type",
  500: "internal_error",
  503: "unavailable",
};

export function errorBody(status: number, message: string): ErrorBody {
  return { error: { status, code: CODES[status] ?? (status < 500 ? "bad_request" : "internal_error"), message } };
}

/** A client's mistake the handlers find themselves (an unknown id): thrown, answered by the error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Body limits per route, for the 413 message. */
export const BODY_LIMITS = { analyze: 5 * 1024 * 1024, ingest: 20 * 1024 * 1024 } as const;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function describe(error: FastifyError, request: FastifyRequest): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message };
  // A query's own argument check (an impossible date such as 2023-02-30): the CLI's "--from" is the API's "from".
  if (error instanceof QueryArgumentError) return { status: 400, message: error.message.replace(/^--/, "") };
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE": {
      const limit = request.routeOptions.bodyLimit;
      return { status: 413, message: `the body is larger than the ${megabytes(limit)} ${request.method} ${request.routeOptions.url ?? request.url} takes` };
    }
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, message: `send the body as application/json, not ${request.headers["content-type"] ?? "without a Content-Type"}` };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, message: "the body is empty: send a JSON object" };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status: 400, message: `the body is not valid JSON (${error.message})` };
  }
  if (error.validation) return { status: 400, message: error.message };
  // A JSON parse failure of the default parser comes as a SyntaxError with statusCode 400.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, message: error.message };
  return { status: 500, message: "internal error (logged on the server)" };
}

export function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type("application/json; charset=utf-8").send(errorBody(status, message));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, message } = describe(error, request);
    if (status >= 500) request.log.error({ err: error }, "request failed");
    return sendError(reply, status, message);
  });
}

/** Fastify's own early failures (a URL that is no URL, an async constraint): the same shape. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  sendError(reply, status, error.code === "FST_ERR_BAD_URL" ? "the URL is not valid (a bad % escape?)" : error.message);
}
