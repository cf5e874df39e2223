/**
 * Bytes to text: the encoding a file or an HTTP answer declares or shows, never a guess past what the bytes allow.
 * Order: a byte-order mark; the charset the transport declares (HTTP Content-Type); for HTML, its own `<meta charset>`;
 * valid UTF-8; a detector's confident answer; else Windows-1252 (the WHATWG reading of "Latin-1", which every byte
 * sequence decodes in). Falling back from UTF-8 is said once, as one warning for the whole input.
 */
import jschardet from "jschardet";

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used ("utf-8", "windows-1252", "utf-16le"). */
  encoding: string;
  /** Why the text is not what a UTF-8 reading would give, when that is worth telling the user. */
  warning?: string;
}

export interface DecodeHints {
  /** The charset the transport declared (HTTP `Content-Type: text/html; charset=...`). */
  charset?: string | null;
  /** Look for `<meta charset>` / `<meta http-equiv="Content-Type">` in the first bytes. */
  html?: boolean;
  /** Look for the XML declaration's `encoding="..."`. */
  xml?: boolean;
  /** The bytes are UTF-8 whatever they look like: a line of a file that opened with a UTF-8 byte-order mark. */
  knownUtf8?: boolean;
}

/** The bytes a `<meta charset>` must appear within (the HTML standard's prescan window). */
const META_PRESCAN = 1024 * 4;
/** Below this confidence the detector's answer is noise (it calls short Latin-1 text "Windows-1250, 0.09"). */
const DETECTOR_CONFIDENCE = 0.5;
/** The detector reads at most this much: enough for a verdict, bounded for a 50 MB file. */
const DETECTOR_SAMPLE = 64 * 1024;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeText(bytes: Uint8Array, hints: DecodeHints = {}): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom?.encoding === "utf-8" || hints.knownUtf8) return utf8Only(bytes.subarray(bom?.length ?? 0));
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const declared = supported(hints.charset) ?? (hints.html ? metaEncoding(bytes) : hints.xml ? xmlEncoding(bytes) : null);
  // A declared UTF-8 that is not is the commonest wrong declaration: the bytes decide then, as for undeclared input.
  if (declared && declared !== "utf-8") return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
  try {
    return { text: strictUtf8.decode(bytes), encoding: "utf-8" };
  } catch {
    const { multibyte, invalid } = utf8Evidence(bytes);
    // Mostly well-formed UTF-8 with a few broken bytes is damaged UTF-8, not another encoding: re-reading it all as
    // Windows-1252 would garble every good accented letter to fix a few bad bytes.
    if (multibyte > invalid) return utf8Only(bytes);
    const guess = detect(bytes);
    const said = declared === "utf-8" ? "declared UTF-8 but is not" : "not valid UTF-8";
    return { text: new TextDecoder(guess).decode(bytes), encoding: guess, warning: `${said}: decoded as ${guess}` };
  }
}

/** UTF-8 for certain (a BOM said so): bad bytes become U+FFFD, counted in a warning. */
function utf8Only(bytes: Uint8Array): Decoded {
  try {
    return { text: strictUtf8.decode(bytes), encoding: "utf-8" };
  } catch {
    const { invalid } = utf8Evidence(bytes);
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", warning: `invalid UTF-8: ${invalid} bad byte(s) replaced by U+FFFD` };
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that start none. */
function utf8Evidence(b: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const tail = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    let k = 1;
    while (tail > 0 && k <= tail && ((b[i + k] ?? 0) & 0xc0) === 0x80) k++;
    if (tail > 0 && k > tail) {
      multibyte++;
      i += k;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

function byteOrderMark(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** The charset of `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, META_PRESCAN));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (m) return m[1]!;
  }
  return null;
}

/** The encoding an XML declaration names: `<?xml version="1.0" encoding="ISO-8859-1"?>`. */
function xmlEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 256));
  const encoding = supported(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1]);
  return encoding?.startsWith("utf-16") ? "utf-8" : encoding;
}

/** A `<meta>`'s encoding; UTF-16 there means UTF-8, as the HTML standard says (the tag was read as ASCII bytes). */
function metaEncoding(bytes: Uint8Array): string | null {
  const encoding = supported(metaCharset(bytes));
  return encoding?.startsWith("utf-16") ? "utf-8" : encoding;
}

/** The WHATWG name of a charset label this runtime decodes, or null ("x-unknown", a typo). */
export function supported(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** A single-byte or East Asian encoding for bytes that are not UTF-8: the detector's when it is sure, else Windows-1252. */
function detect(bytes: Uint8Array): string {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DETECTOR_SAMPLE));
  const { encoding, confidence } = jschardet.detect(sample);
  const name = confidence >= DETECTOR_CONFIDENCE ? supported(encoding) : null;
  return name && name !== "utf-8" ? name : "windows-1252";
}

/** Magic numbers of files that are not text, checked before any decoding. */
const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ["ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip archive", [0x1f, 0x8b]],
];

/** The bytes inspected for NUL: text never has one; UTF-16 text has many, so a BOM exempts it. */
const NUL_WINDOW = 8 * 1024;

/** Why these bytes are not a text file ("PNG image", "NUL bytes"), or null when they may be text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of SIGNATURES) if (magic.every((b, i) => bytes[i] === b)) return name;
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== "utf-8") return null;
  const window = bytes.subarray(0, NUL_WINDOW);
  return window.includes(0) ? "NUL bytes" : null;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
