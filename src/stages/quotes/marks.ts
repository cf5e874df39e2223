/**
 * Quotation regions: one forward scan over a block's tokens pairs opening and closing double marks (curly, straight,
 * ASCII `` ''), so the time is linear in the block's length whatever the marks. A straight mark closes when a
 * quotation is open and opens otherwise; a curly opening mark inside an open quotation is a quote inside the quote
 * (depth 2, kept inside the outer region); a closing mark with no quotation open is dropped, except `''`, which opens
 * one: NYT texts write ''…'' for both marks (116 of PolNeAR's 840 train texts, 7 of 84 dev; 22 of the first 80
 * missed dev direct-quote speakers were such quotations, seen as no quotation at all). A region still open at
 * the end of its paragraph ends there ("continues": news style reopens it in the next paragraph).
 */
import { CLOSE_MARKS, OPEN_MARKS, STRAIGHT_MARK } from "./lexicon.js";

/** The ASCII closing mark, which NYT texts also write as the opening one. */
const TEX_CLOSE = "''";

const TRIPLE = "'''";

/**
 * A straight mark right after these closes a curly quotation rather than opening one inside it (an opening mark
 * precedes a word): texts that mix marks write `“…," she remarked` (54 such closings in 34 PolNeAR train texts).
 */
const CLOSING_AFTER: ReadonlySet<string> = new Set([",", ".", "?", "!"]);

export interface Region {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or -1 when the paragraph ends first. */
  close: number;
  /** Exclusive token end: close + 1, or the block's last token + 1. */
  end: number;
  block: number;
  /** Open at the end of its paragraph. */
  continues: boolean;
}

export function findRegions(words: readonly string[], tokenStart: number, tokenEnd: number, block: number, out: Region[]): void {
  let open = -1;
  let depth = 0;
  let straightOuter = false;
  for (let t = tokenStart; t < tokenEnd; t++) {
    // `'''` is `''` closing over a single quote inside (`on 'Fox and Friends,'''`): one token, read as `''`.
    const w = words[t] === TRIPLE ? TEX_CLOSE : words[t]!;
    const isOpen = OPEN_MARKS.has(w);
    const isClose = CLOSE_MARKS.has(w);
    const isStraight = w === STRAIGHT_MARK;
    if (!isOpen && !isClose && !isStraight) continue;
    if (open < 0) {
      if (isClose && w !== TEX_CLOSE) continue; // a stray closing mark
      open = t;
      depth = 1;
      straightOuter = isStraight || isClose; // `''` opening: the next `''` closes it, as a straight mark would
      continue;
    }
    if (isOpen) {
      depth++;
    } else if (isStraight) {
      if (straightOuter && depth === 1) depth = 0;
      else if (!straightOuter && depth === 1 && t > tokenStart && CLOSING_AFTER.has(words[t - 1]!)) depth = 0; // `“…," she said`: mixed marks
      else if (!straightOuter) depth = depth > 1 ? depth - 1 : depth + 1; // a straight quote inside a curly one
      else depth--;
    } else depth--;
    if (depth <= 0) {
      out.push({ open, close: t, end: t + 1, block, continues: false });
      open = -1;
      depth = 0;
    }
  }
  if (open >= 0) out.push({ open, close: -1, end: tokenEnd, block, continues: true });
}
