/**
 * Quotation regions: one forward scan over a block's tokens pairs opening and closing double marks (curly, straight,
 * ASCII `` ''), so the time is linear in the block's length whatever the marks. A straight mark closes when a
 * quotation is open and opens otherwise; a curly opening mark inside an open quotation is a quote inside the quote
 * (depth 2, kept inside the outer region); a closing mark with no quotation open is dropped, except `''`, which opens
 * one: NYT texts write ''…'' for both marks (116 of PolNeAR's 840 train texts, 7 of 84 dev; 22 of the first 80
 * missed dev direct-quote speakers were such quotations, seen as no quotation at all). A region still open at
 * the end of its paragraph ends there ("continues": news style reopens it in the next paragraph).
 *
 * A straight quotation left unclosed (`said: "I've lost three years. He added: "The authorities …`, BBC texts): a
 * straight mark inside an open straight quotation that stands as an opening mark (space before it, a word right
 * after: `opensHere`) right after a sentence's end or a colon, once a sentence of the quotation has ended, reads as
 * a new quotation; the open one ends,
 * unclosed, at its last sentence-final `. ? !`. Without a sentence end inside, the mark closes as before (`"He said
 * "no" to it"`). PolNeAR train and dev have no such mark, so the tagger's features there are unchanged.
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

/** Sentence-final marks: where an unclosed straight quotation ends when a new one opens after it. */
const SENTENCE_END: ReadonlySet<string> = new Set([".", "?", "!"]);
/**
 * What comes right before such a new quotation's mark: a sentence's end (`war. "He was …`) or an introducing colon
 * (`He added: "The …`). After a comma or a word it is a quote inside the quote (`and says, "I'd like …,"`).
 */
const AFTER_END: ReadonlySet<string> = new Set([".", "?", "!", ":"]);

/**
 * `opensHere(t)`: token t, a straight mark, has whitespace (or nothing) before it and a word right after it — what
 * an opening mark looks like in the text; without it (the tests' bare words) no straight mark is read so.
 */
export function findRegions(words: readonly string[], tokenStart: number, tokenEnd: number, block: number, out: Region[], opensHere?: (t: number) => boolean): void {
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
      if (straightOuter && depth === 1 && t > tokenStart && AFTER_END.has(words[t - 1]!) && opensHere?.(t)) {
        // Linear: the scan back stays inside this region, and regions do not overlap.
        let last = -1;
        for (let k = t - 1; k > open && last < 0; k--) if (SENTENCE_END.has(words[k]!)) last = k;
        if (last >= 0) {
          out.push({ open, close: -1, end: last + 1, block, continues: false });
          open = t;
          continue;
        }
      }
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
