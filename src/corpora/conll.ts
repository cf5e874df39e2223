import { readFileSync } from "node:fs";

/** One sentence of a CoNLL-2003 file: the raw lines (to write back), the words and the gold tags (last column). */
export interface ConllSentence {
  lines: string[];
  words: string[];
  tags: string[];
}

/** A document: the sentences between two `-DOCSTART-` lines. */
export interface ConllDoc {
  sentences: ConllSentence[];
}

/**
 * Reads CoNLL-2003 text (`token POS chunk NER`, blank line between sentences, `-DOCSTART-` between documents).
 * Documents matter: the tagger's document-level features look at other mentions of a word.
 * Lines with a single column (no tag) get tag "O", so unlabeled token-per-line text can be tagged too.
 */
export function parseConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let sent: ConllSentence = { lines: [], words: [], tags: [] };
  const flushSentence = (): void => {
    if (sent.words.length > 0) doc.sentences.push(sent);
    sent = { lines: [], words: [], tags: [] };
  };
  const flushDoc = (): void => {
    flushSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") {
      flushSentence();
      continue;
    }
    if (line.startsWith("-DOCSTART-")) {
      flushDoc();
      continue;
    }
    const cols = line.trim().split(/\s+/);
    sent.lines.push(line);
    sent.words.push(cols[0]!);
    sent.tags.push(cols.length > 1 ? cols[cols.length - 1]! : "O");
  }
  flushDoc();
  return docs;
}

export function readConll(path: string): ConllDoc[] {
  return parseConll(readFileSync(path, "utf8"));
}
