/**
 * Highlighting as a tree of spans over a block's text. Entities, quotes, cues, speakers, dates and amounts overlap
 * freely (a quote holds names and dates; a speaker's words hold a name), so they are nested: a span that starts
 * inside another and ends after it is split at the outer one's end, and the rest starts again outside it. The
 * tree holds offsets only; the renderer turns the gaps into text nodes, never into markup.
 */

export type MarkKind = "quote" | "speaker" | "cue" | "entity" | "date" | "amount";

/** Outer first when two spans cover the same characters: a quote holds its speaker, a speaker their name. */
const NESTING: Record<MarkKind, number> = { quote: 0, speaker: 1, cue: 2, entity: 3, date: 4, amount: 5 };

export interface Mark<T = unknown> {
  kind: MarkKind;
  start: number;
  end: number;
  /** What the renderer needs to draw it (the quote, the entity). */
  data: T;
}

export interface MarkNode<T = unknown> {
  mark: Mark<T>;
  start: number;
  end: number;
  /** True on the pieces after the first of a split mark, so only the first gets an id to scroll to. */
  continued: boolean;
  children: MarkNode<T>[];
}

function before(a: { start: number; end: number; kind: MarkKind }, b: { start: number; end: number; kind: MarkKind }): number {
  return a.start - b.start || b.end - a.end || NESTING[a.kind] - NESTING[b.kind];
}

/** The marks within [from, to) as a forest, each clipped to the range; empty marks are dropped. */
export function nestMarks<T>(marks: readonly Mark<T>[], from: number, to: number): MarkNode<T>[] {
  type Piece = { mark: Mark<T>; kind: MarkKind; start: number; end: number; continued: boolean };
  const queue: Piece[] = [];
  for (const mark of marks) {
    const start = Math.max(mark.start, from);
    const end = Math.min(mark.end, to);
    if (start < end) queue.push({ mark, kind: mark.kind, start, end, continued: false });
  }
  queue.sort(before);

  const root: MarkNode<T> = { mark: null as unknown as Mark<T>, start: from, end: to, continued: false, children: [] };
  const stack: MarkNode<T>[] = [root];
  for (let i = 0; i < queue.length; i++) {
    let piece = queue[i]!;
    while (piece.start >= stack[stack.length - 1]!.end) stack.pop();
    const parent = stack[stack.length - 1]!;
    if (piece.end > parent.end) {
      // Crosses its parent's end: keep the part inside, queue the rest where it belongs in the order.
      const rest: Piece = { ...piece, start: parent.end, continued: true };
      piece = { ...piece, end: parent.end };
      let at = i + 1;
      while (at < queue.length && before(queue[at]!, rest) < 0) at++;
      queue.splice(at, 0, rest);
    }
    const node: MarkNode<T> = { mark: piece.mark, start: piece.start, end: piece.end, continued: piece.continued, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root.children;
}
