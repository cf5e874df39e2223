import { createReadStream } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { isDumpFormat, readDump } from "./dump.js";
import { readJsonLines } from "./jsonl.js";
import { decodeLines } from "./lines.js";
import { readPlainText } from "./plaintext.js";
import type { ReadItem } from "./types.js";

export type { ReadError, ReadItem, Origin } from "./types.js";
export { formatOrigin } from "./types.js";

export type InputFormat = "dump" | "text" | "jsonl";

/** File endings a directory walk reads; other files in a directory are passed over. */
const READABLE = new Set([".txt", ".text", ".jsonl", ".ndjson"]);
/** A corpus folder's own documentation is not an article ("README.TXT" of the BBC corpus). */
const NOT_ARTICLES = /^(?:readme|license|licence|copying|notice|changelog)(?:\.|$)/i;

/** Reads articles from bytes, choosing the format by extension and content. Never throws on bad input. */
export function readBytes(bytes: Uint8Array, file: string): ReadItem[] {
  const { lines, errors } = decodeLines(bytes, file);
  const errorItems: ReadItem[] = errors.map((error) => ({ error }));
  const first = lines.find((l) => l.text.trim() !== "");
  if (!first) return [...errorItems, { error: { origin: { file }, message: "empty input: no article" } }];
  const items = readLines(detectFormat(file, first.text), lines, file);
  return [...errorItems, ...items];
}

export function detectFormat(file: string, firstLine: string): InputFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (isDumpFormat(firstLine)) return "dump";
  if (firstLine.trimStart().startsWith("{")) return "jsonl";
  return "text";
}

function readLines(format: InputFormat, lines: Parameters<typeof readDump>[0], file: string): ReadItem[] {
  switch (format) {
    case "dump":
      return readDump(lines, file);
    case "jsonl":
      return readJsonLines(lines, file);
    case "text":
      return readPlainText(lines, file);
  }
}

/**
 * Reads a path: a file, a directory (walked recursively in name order, hidden files skipped), or "-" for stdin.
 * Yields file by file so a large directory streams.
 */
export async function* readInput(path: string, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<ReadItem> {
  if (path === "-") {
    yield* readBytes(await readStream(stdin), "-");
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
    else if (entry.isFile() && READABLE.has(extname(entry.name).toLowerCase())) yield* readFileItems(full);
  }
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
    const first = decodeLines(head.subarray(0, bytesRead), file).lines.find((l) => l.text.trim() !== "");
    return detectFormat(file, first?.text ?? "") === "jsonl";
  } finally {
    await handle.close();
  }
}

/**
 * A JSON Lines file line by line, as readBytes reads it (the same articles, origins and errors; a line's UTF-8 error
 * comes just before its article rather than before all of them), holding one line at a time.
 */
async function* streamJsonLines(file: string): AsyncGenerator<ReadItem> {
  let number = 0;
  const line = function* (raw: Uint8Array): Generator<ReadItem> {
    number++;
    const decoded = decodeLines(raw, file); // one line: no newline in it (a BOM on the first is dropped)
    for (const error of decoded.errors) yield { error: { ...error, origin: { file, line: number } } };
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
