import { readdir, readFile, stat } from "node:fs/promises";
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
  yield* await readFileItems(path);
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
    else if (entry.isFile() && READABLE.has(extname(entry.name).toLowerCase())) yield* await readFileItems(full);
  }
}

async function readFileItems(file: string): Promise<ReadItem[]> {
  try {
    return readBytes(await readFile(file), file);
  } catch (e) {
    return [{ error: { origin: { file }, message: `cannot read: ${describe(e)}` } }];
  }
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
