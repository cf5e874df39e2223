import type { ReadError } from "./types.js";

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

/**
 * Splits raw bytes into decoded lines. A line that is not valid UTF-8 is still returned, its bad
 * bytes replaced by U+FFFD, and reported as an error naming its number: nothing else is lost.
 */
export function decodeLines(bytes: Uint8Array, file: string): { lines: Line[]; errors: ReadError[] } {
  const lines: Line[] = [];
  const errors: ReadError[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // BOM
  let number = 1;
  for (let i = start; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 10) continue;
    let end = i;
    if (end > start && bytes[end - 1] === 13) end--;
    const raw = bytes.subarray(start, end);
    try {
      lines.push({ number, text: strict.decode(raw) });
    } catch {
      lines.push({ number, text: lenient.decode(raw) });
      errors.push({ origin: { file, line: number }, message: "invalid UTF-8 (bad bytes replaced by U+FFFD)" });
    }
    number++;
    start = i + 1;
  }
  // A final newline does not open another line.
  if (lines.length > 0 && bytes[bytes.length - 1] === 10 && lines[lines.length - 1]!.text === "") lines.pop();
  return { lines, errors };
}
