/**
 * BILOU label set over the four CoNLL types and PRO (products: "Dreamliner", "MacBook", which news names as often as
 * companies and CoNLL folds into MISC; learnt from MEANTIME's PRO mentions, see train/meantime-train.ts), plus conversions
 * between tag sequences and entity spans. (Ratinov & Roth 2009: BILOU beats BIO for this tagger.)
 */
export const TYPES = ["PER", "ORG", "LOC", "MISC", "PRO"] as const;

/** Label 0 is O; type t has B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t. */
export const NUM_LABELS = 1 + 4 * TYPES.length;
export const B = 1, I = 2, L = 3, U = 4;

export function labelOf(part: number, type: number): number {
  return 1 + 4 * type + (part - 1);
}
export function partOf(label: number): number {
  return label === 0 ? 0 : ((label - 1) % 4) + 1;
}
export function typeOf(label: number): number {
  return label === 0 ? -1 : Math.floor((label - 1) / 4);
}

/** A token span [start, end) with a type index into TYPES. */
export interface TypedSpan {
  start: number;
  end: number;
  type: number;
}

/** Index of PRO in TYPES. */
export const PRO = 4;

/** The CoNLL-2003 name of a type: products are MISC there. */
export function conllTypeName(type: number): string {
  return type === PRO ? "MISC" : TYPES[type]!;
}

export function typeIndex(name: string): number {
  return (TYPES as readonly string[]).indexOf(name);
}

/** conlleval's endOfChunk: does a chunk end between the previous tag and this one? (U/L count as S/E.) */
function chunkEnds(prevPart: string, part: string, prevType: string, type: string): boolean {
  if (prevPart === "E" || prevPart === "S") return true;
  if ((prevPart === "B" || prevPart === "I") && (part === "B" || part === "S" || part === "O")) return true;
  return prevPart !== "O" && prevType !== type;
}

/** conlleval's startOfChunk. */
function chunkStarts(prevPart: string, part: string, prevType: string, type: string): boolean {
  if (part === "B" || part === "S") return true;
  if ((prevPart === "E" || prevPart === "S" || prevPart === "O") && (part === "E" || part === "I")) return true;
  return part !== "O" && prevType !== type;
}

/** Chunks of a tag sequence in IOB1, IOB2, IOBES or BILOU, by conlleval's rules. */
export function spansFromTags(tags: readonly string[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let open = -1;
  let prevPart = "O";
  let prevType = "";
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : "O";
    const dash = tag.indexOf("-");
    let part = tag === "O" || dash < 0 ? "O" : tag.slice(0, dash);
    if (part === "U") part = "S";
    else if (part === "L") part = "E";
    const type = dash < 0 ? "" : tag.slice(dash + 1);
    if (open >= 0 && chunkEnds(prevPart, part, prevType, type)) {
      out.push({ start: open, end: i, type: prevType });
      open = -1;
    }
    if (chunkStarts(prevPart, part, prevType, type)) open = i;
    prevPart = part;
    prevType = type;
  }
  return out;
}

/** BILOU label ids for spans over n tokens. */
export function bilouFromSpans(n: number, spans: readonly TypedSpan[], out = new Uint8Array(n)): Uint8Array {
  out.fill(0);
  for (const s of spans) {
    if (s.end - s.start === 1) out[s.start] = labelOf(U, s.type);
    else {
      out[s.start] = labelOf(B, s.type);
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = labelOf(I, s.type);
      out[s.end - 1] = labelOf(L, s.type);
    }
  }
  return out;
}

/** Spans of a BILOU label sequence that Viterbi produced (always well-formed). */
export function spansFromLabels(labels: ArrayLike<number>, n: number): TypedSpan[] {
  const out: TypedSpan[] = [];
  let open = -1;
  for (let i = 0; i < n; i++) {
    const lab = labels[i]!;
    const part = partOf(lab);
    if (part === U) out.push({ start: i, end: i + 1, type: typeOf(lab) });
    else if (part === B) open = i;
    else if (part === L && open >= 0) {
      out.push({ start: open, end: i + 1, type: typeOf(lab) });
      open = -1;
    }
  }
  return out;
}

export type TagScheme = "IOB1" | "IOB2" | "IOBES";

/** Guesses the scheme of gold tags so predictions can be written back in the same one. */
export function detectScheme(tags: Iterable<string>): TagScheme {
  let prev = "O";
  let sawB = false;
  for (const tag of tags) {
    if (tag.startsWith("E-") || tag.startsWith("S-")) return "IOBES";
    if (tag.startsWith("B-")) sawB = true;
    if (tag.startsWith("I-")) {
      const type = tag.slice(2);
      if (prev === "O" || prev.slice(2) !== type) return "IOB1";
    }
    prev = tag;
  }
  return sawB ? "IOB2" : "IOB1";
}

/** Tags for spans over n tokens in the given scheme. */
export function tagsFromSpans(n: number, spans: readonly { start: number; end: number; type: string }[], scheme: TagScheme): string[] {
  const tags = new Array<string>(n).fill("O");
  let prevEnd = -1;
  let prevType = "";
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) {
      let part = "I";
      if (scheme === "IOB2") part = i === s.start ? "B" : "I";
      else if (scheme === "IOBES") part = s.end - s.start === 1 ? "S" : i === s.start ? "B" : i === s.end - 1 ? "E" : "I";
      else if (i === s.start && prevEnd === s.start && prevType === s.type) part = "B";
      tags[i] = part + "-" + s.type;
    }
    prevEnd = s.end;
    prevType = s.type;
  }
  return tags;
}
