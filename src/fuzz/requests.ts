/**
 * Generated malformed requests for the API (seeded, so a failure can be replayed): hostile query values, repeated
 * and unknown parameters, odd path ids, broken, mistyped and oversized-shaped JSON bodies, wrong content types.
 * For the "never a 500" check: test/server.test.ts injects a few hundred, `npm run bench:api` sends 10,000 over a
 * socket to 127.0.0.1.
 */
import { Rng } from "./rng.js";

/** A request as Fastify's inject takes it, and as fetch can send it. */
export interface MalformedRequest {
  method: "GET" | "HEAD" | "DELETE" | "POST" | "PUT" | "PATCH";
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const GET_ROUTES = ["/api/stats", "/api/search", "/api/entities", "/api/quotes", "/api/timeline", "/api/articles/", "/api/entities/"] as const;
const KEYS = ["q", "name", "type", "speaker", "speakerId", "entity", "entityId", "about", "kind", "from", "to", "source", "limit", "offset", "x"];
const VALUES = [
  "", " ", "-1", "0", "1", "101", "1e309", "NaN", "Infinity", "9007199254740993", "1.5", "0x10", "true", "null", "[]", "{}",
  "2023-02-30", "2023-13", "99999-01-01", "0000", "2023-W05", "direct", "PERSON", "Putin", '"unclosed', "-", "or", "&", "!!",
  "\u0000", "\u202e\u202d", "<script>alert(1)</script>", "' or 1=1 --", "%", "%zz", "%E0%A4%A", "%00", "%ED%A0%80", "🦀".repeat(50),
];
const CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", ""];

function value(rng: Rng): string {
  if (rng.chance(0.1)) return "x".repeat(rng.logRange(1, 5000));
  const v = rng.pick(VALUES);
  // Most values percent-encoded as a client would; some raw, to reach the URL parser.
  return rng.chance(0.8) ? encodeURIComponent(v).replace(/%25/g, rng.chance(0.5) ? "%" : "%25") : v;
}

function jsonValue(rng: Rng, depth = 0): unknown {
  const kind = rng.int(depth > 3 ? 4 : 7);
  if (kind === 0) return rng.pick([null, true, false, 0, -1, 1e308, 3.5]);
  if (kind === 1) return rng.pick(VALUES);
  if (kind === 2) return "word ".repeat(rng.logRange(0, 2000));
  if (kind === 3) return rng.int(1000);
  if (kind === 4) return Array.from({ length: rng.int(4) }, () => jsonValue(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = rng.int(5); i > 0; i--) o[rng.pick(["text", "body", "title", "published", "authors", "articles", "id", "url", "__proto__", "constructor"])] = jsonValue(rng, depth + 1);
  return o;
}

function body(rng: Rng): string {
  const json = JSON.stringify(jsonValue(rng)) ?? "null";
  switch (rng.int(5)) {
    case 0:
      return json.slice(0, rng.int(json.length + 1)); // truncated
    case 1:
      return "[".repeat(rng.logRange(1, 5000)); // deep and unclosed
    case 2:
      return `{"articles": [${Array.from({ length: rng.logRange(0, 1200) }, () => '{"text":1}').join(",")}]}`;
    default:
      return json;
  }
}

export function malformedRequest(rng: Rng): MalformedRequest {
  if (rng.chance(0.3)) {
    const headers: Record<string, string> = {};
    const type = rng.pick(CONTENT_TYPES);
    if (type !== "") headers["content-type"] = type;
    return { method: rng.pick(["POST", "POST", "PUT", "PATCH"] as const), url: rng.pick(["/api/analyze", "/api/ingest", "/api/stats"]), headers, payload: body(rng) };
  }
  let url: string = rng.pick(GET_ROUTES);
  if (url.endsWith("/")) url += value(rng);
  const params = Array.from({ length: rng.int(5) }, () => `${rng.pick(KEYS)}=${value(rng)}`);
  if (params.length > 0) url += "?" + params.join("&");
  return { method: rng.pick(["GET", "GET", "GET", "HEAD", "DELETE"] as const), url, headers: rng.chance(0.1) ? { "if-none-match": value(rng) } : {} };
}
