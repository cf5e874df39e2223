import { createReadStream } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { binaryKind, decodeText, isGzip } from "./decode.js";
import { isDumpFormat, readDump } from "./dump.js";
import { looksLikeFeed, readFeed } from "./feed/read.js";
import { FetchError, fetchUrl, isUrl } from "./fetch.js";
import { MAX_HTML_BYTES } from "./html/extract.js";
import { readHtml } from "./html/read.js";
import { readJsonLines } from "./jsonl.js";
import { decodeLines, type Line } from "./lines.js";
import { readPlainText } from "./plaintext.js";
import type { ReadItem } from "./types.js";

export type { ReadError, ReadItem, Origin } from "./types.js";
export { formatOrigin } from "./types.js";

export type InputFormat = "dump" | "text" | "jsonl" | "html" | "feed";

/** File endings a directory walk reads; other files in a directory are passed over, and counted as skipped. */
const READABLE = /\.(?:txt|text|jsonl|ndjson|html?|xhtml|rss|atom|xml|html?\.gz|jsonl\.gz|ndjson\.gz)$/i;
/** Compressed files we open: a page or JSON Lines; any other gzip is not a text file. */
const GZIPPED_TEXT = /\.(?:html?|xhtml|jsonl|ndjson)\.gz$/i;
/** A corpus folder's own documentation is not an article ("README.TXT" of the BBC corpus). */
const NOT_ARTICLES = /^(?:readme|license|licence|copying|notice|changelog)(?:\.|$)/i;
/** Decompressed JSON Lines are read in memory: past this, decompress the file and give the plain file instead. */
const MAX_GUNZIPPED = 256 * 1024 * 1024;

/** What the transport says about bytes fetched over HTTP. */
export interface ByteSource {
  mediaType?: string | null;
  charset?: string | null;
  url?: string | null;
}

/** Reads articles from bytes, choosing the format by extension, media type and content. Never throws on bad input. */
export function readBytes(bytes: Uint8Array, file: string, source: ByteSource = {}): ReadItem[] {
  let name = file;
  if (isGzip(bytes)) {
    if (!GZIPPED_TEXT.test(file)) return [{ error: { origin: { file }, message: "not a text file (gzip archive; .html.gz and .jsonl.gz are read)" } }];
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED });
    } catch (e) {
      return [{ error: { origin: { file }, message: `cannot decompress: ${(e as Error).message}` } }];
    }
    name = file.slice(0, -".gz".length);
  }
  const binary = binaryKind(bytes);
  if (binary) return [{ error: { origin: { file }, message: `not a text file (${binary})` } }];
  const format = detectFormat(name, sniff(bytes), source.mediaType ?? null);
  if (format === "html" || format === "feed") {
    if (bytes.length > MAX_HTML_BYTES) return [{ error: { origin: { file }, message: tooLarge(bytes.length) } }];
    if (format === "html") return readHtml(bytes, file, source);
    const decoded = decodeText(bytes, { charset: source.charset, xml: true });
    return [...(decoded.warning ? [{ warning: { origin: { file }, message: decoded.warning } }] : []), ...readFeed(decoded.text, file)];
  }
  const { lines, warning } = decodeLines(bytes, file, { charset: source.charset });
  const warningItems: ReadItem[] = warning ? [{ warning }] : [];
  const first = lines.find((l) => l.text.trim() !== "");
  if (!first) return [...warningItems, { error: { origin: { file }, message: "empty input: no article" } }];
  return [...warningItems, ...readLines(format === "text" && isDumpFormat(first.text) ? "dump" : format, lines, file)];
}

const tooLarge = (size: number): string =>
  `HTML or feed too large: ${(size / 1048576).toFixed(1)} MB, the limit is ${MAX_HTML_BYTES / 1048576} MB`;

/** The first bytes as text, enough to see a markup or JSON start (a UTF-16 BOM is decoded, an ASCII start read as is). */
function sniff(bytes: Uint8Array): string {
  return decodeText(bytes.subarray(0, 4096)).text.replace(/^\uFEFF/, "").trimStart();
}

/** The format from the extension, else the media type, else the content's start: markup, JSON, a dump header, text. */
export function detectFormat(file: string, head: string, mediaType: string | null = null): InputFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  if (ext === ".rss" || ext === ".atom") return "feed";
  if (mediaType !== null && /^(?:text\/html|application\/xhtml\+xml)$/.test(mediaType)) return "html";
  if (mediaType !== null && /(?:rss|atom)\+xml$/.test(mediaType)) return "feed";
  const lower = head.slice(0, 1024).toLowerCase();
  if (/^<(?:!doctype html|html[\s>]|head[\s>]|body[\s>])/.test(lower)) return "html";
  if (looksLikeFeed(head)) return "feed";
  // An XML file that is no feed is still read as one, for the feed reader's clear "not a feed" error.
  if (ext === ".xml" || lower.startsWith("<?xml") || (mediaType !== null && /xml$/.test(mediaType))) return "feed";
  if (head.startsWith("{")) return "jsonl";
  return "text";
}

function readLines(format: InputFormat, lines: Line[], file: string): ReadItem[] {
  switch (format) {
    case "dump":
      return readDump(lines, file);
    case "jsonl":
      return readJsonLines(lines, file);
    default:
      return readPlainText(lines, file);
  }
}

/**
 * Reads a path: a file, a directory (walked recursively in name order, hidden files skipped), "-" for stdin, or an
 * http(s):// URL (fetched: src/readers/fetch.ts). Yields file by file so a large directory streams.
 */
export async function* readInput(path: string, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<ReadItem> {
  for await (const item of readPath(path, stdin)) {
    // An article's own warnings go out as warning items just before it: consumers handle one kind.
    if ("article" in item && item.warnings) {
      for (const warning of item.warnings) yield { warning };
      yield { article: item.article };
    } else yield item;
  }
}

async function* readPath(path: string, stdin: NodeJS.ReadableStream): AsyncGenerator<ReadItem> {
  if (path === "-") {
    yield* readBytes(await readStream(stdin), "-");
    return;
  }
  if (isUrl(path)) {
    yield* readUrl(path);
    return;
  }
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    yield { error: { origin: { file: path }, message: `cannot read: ${describe(e)}` } };
    return;
  }
  if (info.isDirectory()) {
    yield* readDirectory(path);
    return;
  }
  yield* readFileItems(path, info.size);
}

async function* readDirectory(dir: string): AsyncGenerator<ReadItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { error: { origin: { file: dir }, message: `cannot read directory: ${describe(e)}` } };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || NOT_ARTICLES.test(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* readDirectory(full);
    else if (entry.isFile() && READABLE.test(entry.name)) yield* readFileItems(full);
    else if (entry.isFile()) yield { skipped: { file: full } };
  }
}

async function* readUrl(url: string): AsyncGenerator<ReadItem> {
  let fetched;
  try {
    fetched = await fetchUrl(url);
  } catch (e) {
    if (!(e instanceof FetchError)) throw e;
    yield { error: { origin: { file: url }, message: `cannot fetch: ${e.message}` } };
    return;
  }
  yield* readBytes(fetched.bytes, url, fetched);
}

/** Files above this size are read line by line when they are JSON Lines, so memory does not grow with the file. */
const STREAM_ABOVE = 16 * 1024 * 1024;

async function* readFileItems(file: string, size?: number): AsyncGenerator<ReadItem> {
  let items: ReadItem[];
  try {
    size ??= (await stat(file)).size;
    if (size > STREAM_ABOVE && (await isJsonLines(file))) {
      yield* streamJsonLines(file);
      return;
    }
    // A page or feed past the cap is refused before it is read: its DOM would take ten times its size.
    if (size > MAX_HTML_BYTES && /\.(?:html?|xhtml|rss|atom|xml)$/i.test(file)) {
      yield { error: { origin: { file }, message: tooLarge(size) } };
      return;
    }
    items = readBytes(await readFile(file), file);
  } catch (e) {
    items = [{ error: { origin: { file }, message: `cannot read: ${describe(e)}` } }];
  }
  yield* items;
}

/** The format of a large file, from its name or its first line (read from the file's first 64 KiB). */
async function isJsonLines(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return detectFormat(file, sniff(head.subarray(0, bytesRead))) === "jsonl";
  } finally {
    await handle.close();
  }
}

/**
 * A JSON Lines file line by line, as readBytes reads it (the same articles, origins and errors; the decoding warning
 * comes with the first line that needs it rather than before all articles), holding one line at a time.
 */
async function* streamJsonLines(file: string): AsyncGenerator<ReadItem> {
  let number = 0;
  let warned = false;
  let bom = false; // a UTF-8 byte-order mark on the first line makes every line UTF-8, as it does for the file read whole
  const line = function* (raw: Uint8Array): Generator<ReadItem> {
    number++;
    if (number === 1) bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    const decoded = decodeLines(raw, file, { knownUtf8: bom }); // one line: no newline in it (a BOM on the first is dropped)
    if (decoded.warning && !warned) {
      warned = true;
      yield { warning: decoded.warning };
    }
    const text = decoded.lines[0]?.text ?? "";
    yield* readJsonLines([{ number, text }], file);
  };
  let pieces: Buffer[] = []; // the line read so far, when it spans chunks
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, nl);
      yield* line(pieces.length > 0 ? Buffer.concat([...pieces, part]) : part);
      pieces = [];
      start = nl + 1;
    }
    if (start < chunk.length) pieces.push(chunk.subarray(start));
  }
  if (pieces.length > 0) yield* line(Buffer.concat(pieces));
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT") return "no such file or directory";
  if (err.code === "EACCES") return "permission denied";
  if (err.code === "EISDIR") return "is a directory";
  return err.message ?? String(e);
}
