/**
 * ETags on API answers: a hash of the serialized body, so a client that sends the tag back (If-None-Match) gets a
 * 304 with no body. Cheap: the body is in hand when onSend runs, and SHA-1 hashes a megabyte in about a millisecond.
 * The query still runs; what is saved is the transfer and the client's parse.
 */
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";

export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** Whether an If-None-Match header (a list of tags, or *) matches the tag; weak tags (W/) compare as strong. */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === tag);
}

export function addEtags(scope: FastifyInstance): void {
  scope.addHook("onSend", async (request, reply, payload) => {
    if ((request.method !== "GET" && request.method !== "HEAD") || reply.statusCode !== 200) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    const tag = etagOf(payload);
    // The data can change with any ingest: the browser may keep the answer but must ask again (and get a 304).
    reply.header("etag", tag).header("cache-control", "no-cache");
    if (!matchesIfNoneMatch(request.headers["if-none-match"], tag)) return payload;
    reply.code(304).removeHeader("content-type").removeHeader("content-length");
    return "";
  });
}
