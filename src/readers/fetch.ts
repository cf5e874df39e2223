/**
 * Fetching a page or a feed the user named by URL, through Node's fetch (undici): a timeout for the whole exchange,
 * redirects followed by hand so that they are bounded and each hop is http(s), any answer but 200 an error, the body
 * decompressed by fetch (gzip, deflate, br) and cut off past a size cap, a User-Agent that names newsgraph.
 * Every failure is a FetchError whose message says what went wrong in the user's terms.
 */
import { readFileSync } from "node:fs";

export interface FetchOptions {
  /** Milliseconds for the whole exchange, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Bytes of (decompressed) body accepted. */
  maxBytes?: number;
}

export interface Fetched {
  /** The address the body came from, after redirects. */
  url: string;
  bytes: Uint8Array;
  /** The media type of Content-Type, lower-cased ("text/html"), or null. */
  mediaType: string | null;
  /** The charset of Content-Type, or null. */
  charset: string | null;
}

export const FETCH_DEFAULTS = { timeoutMs: 30_000, maxRedirects: 5, maxBytes: 16 * 1024 * 1024 } as const;

export class FetchError extends Error {
  override name = "FetchError";
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

let userAgent: string | null = null;
/** "newsgraph/0.1.0 (+https://www.npmjs.com/package/newsgraph)": the version from the package's own package.json. */
export function newsgraphUserAgent(): string {
  if (userAgent === null) {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
    userAgent = `newsgraph/${pkg.version} (+https://www.npmjs.com/package/newsgraph)`;
  }
  return userAgent;
}

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const { timeoutMs, maxRedirects, maxBytes } = { ...FETCH_DEFAULTS, ...options };
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: "manual",
        signal,
        headers: { "user-agent": newsgraphUserAgent(), accept: "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/*;q=0.8, */*;q=0.1" },
      });
    } catch (e) {
      throw new FetchError(networkMessage(e, timeoutMs));
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
      await response.body?.cancel();
      if (hop >= maxRedirects) throw new FetchError(`too many redirects (more than ${maxRedirects})`);
      const next = new URL(response.headers.get("location")!, current).href;
      if (!isUrl(next)) throw new FetchError(`redirected to ${next}, which is not an http(s) address`);
      current = next;
      continue;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new FetchError(`HTTP ${response.status}${response.statusText ? " " + response.statusText : ""}`);
    }
    const declared = Number(response.headers.get("content-length") ?? NaN);
    // A compressed body's Content-Length is its compressed size: only a plain one can be refused before reading.
    if (!response.headers.get("content-encoding") && declared > maxBytes) {
      await response.body?.cancel();
      throw new FetchError(tooLarge(maxBytes));
    }
    const bytes = await readCapped(response, maxBytes, timeoutMs);
    const [mediaType, ...params] = (response.headers.get("content-type") ?? "").split(";");
    const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)/i.exec(p)?.[1]).find((c) => c !== undefined) ?? null;
    return { url: current, bytes, mediaType: mediaType?.trim().toLowerCase() || null, charset };
  }
}

async function readCapped(response: Response, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > maxBytes) throw new FetchError(tooLarge(maxBytes)); // leaving the loop cancels the stream
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(networkMessage(e, timeoutMs));
  }
  return Buffer.concat(chunks);
}

const tooLarge = (max: number): string => `answer too large: more than ${max / 1048576} MB`;

function networkMessage(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `timed out after ${timeoutMs / 1000} s`;
  const code = err.cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset by the server";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return `TLS error (${code})`;
  return `cannot fetch: ${err.cause?.message ?? err.message}`;
}
