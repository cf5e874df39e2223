import { decodeText, type DecodeHints } from "./decode.js";
import type { ReadError } from "./types.js";

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/**
 * Decodes raw bytes (src/readers/decode.ts: BOM, declared charset, UTF-8, else a detected single-byte encoding) and
 * splits them into lines. A decoding that is not plain UTF-8 is reported once, as a warning naming the file.
 */
export function decodeLines(bytes: Uint8Array, file: string, hints?: DecodeHints): { lines: Line[]; warning: ReadError | null } {
  const decoded = decodeText(bytes, hints);
  return { lines: splitLines(decoded.text), warning: decoded.warning ? { origin: { file }, message: decoded.warning } : null };
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let number = 1;
  let start = 0;
  for (let nl = text.indexOf("\n"); ; nl = text.indexOf("\n", start)) {
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    lines.push({ number: number++, text: line.endsWith("\r") ? line.slice(0, -1) : line });
    start = nl + 1;
    if (nl < 0 || start === text.length) break; // a final newline does not open another line
  }
  return lines;
}
