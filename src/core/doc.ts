import type { Amount, ArticleMeta, Block, Entity, Event, Quote, Span, Timex } from "./analysis.js";

/**
 * Tokens as a struct of typed arrays: the hot stages (tagging, timex matching) walk them
 * without allocating an object per token.
 */
export interface Tokens {
  count: number;
  /** Offset of token i in `doc.text`: [start[i], end[i]). */
  start: Int32Array;
  end: Int32Array;
  /** Index of the sentence that holds token i. */
  sentence: Int32Array;
}

export interface Sentence extends Span {
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** Index into `doc.blocks`. */
  block: number;
}

/**
 * The shared document every stage reads and writes, in the spirit of spaCy's `Doc`:
 * one text, with every annotation a character span into it.
 */
export class Doc {
  readonly article: ArticleMeta;
  /** Title, then body blocks, separated by blank lines. */
  readonly text: string;
  blocks: Block[];
  sentences: Sentence[] = [];
  tokens: Tokens = { count: 0, start: new Int32Array(0), end: new Int32Array(0), sentence: new Int32Array(0) };
  entities: Entity[] = [];
  quotes: Quote[] = [];
  timexes: Timex[] = [];
  amounts: Amount[] = [];
  events: Event[] = [];

  constructor(article: ArticleMeta, text: string, blocks: Block[]) {
    this.article = article;
    this.text = text;
    this.blocks = blocks;
  }

  tokenText(i: number): string {
    return this.text.slice(this.tokens.start[i], this.tokens.end[i]);
  }

  /** The token strings of one sentence, as word-based taggers take them. */
  sentenceWords(s: Sentence): string[] {
    const words = new Array<string>(s.tokenEnd - s.tokenStart);
    for (let t = s.tokenStart; t < s.tokenEnd; t++) words[t - s.tokenStart] = this.tokenText(t);
    return words;
  }

  /**
   * True for every block about this article's story: the title and paragraphs, plus crossheads and photo captions,
   * which name its people, places and dates ("... at the summit in Samarkand, Thursday, Sept. 15, 2022").
   * Block quotes are story text too. Not related-article teasers (other stories), bylines, datelines, labels,
   * separators, footers, credits or editor's notes: the page around the story, not what it says.
   */
  isStoryBlock(blockIndex: number): boolean {
    const kind = this.blocks[blockIndex]?.kind;
    return kind === "title" || kind === "paragraph" || kind === "heading" || kind === "caption" || kind === "blockquote";
  }

  /** Sentences of every story block: where entities, dates and amounts are read. */
  storySentences(): Sentence[] {
    return this.sentences.filter((s) => this.isStoryBlock(s.block));
  }
}
