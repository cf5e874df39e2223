import { PREFIX_ABBREVIATIONS } from "./abbreviations.js";
import { isCloser, isDigit, isLower, isSentenceFinal, isUpper } from "./chars.js";
import type { OffsetBuffer } from "./tokenize.js";

/** Words that start a sentence far more often than they follow an abbreviation inside one ("U.S. The ..."). */
const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "this", "that", "these", "those",
  "there", "his", "her", "its", "their", "our", "on", "at", "for", "after", "before", "when", "while", "if", "as", "so",
  "however", "meanwhile", "still", "yet", "some", "many", "most", "one", "no", "what", "why", "how", "who", "since",
]);

/**
 * Splits the tokens [tokenFrom, tokenTo) of one block into sentences; returns the token index after each
 * sentence's last token. A block always ends a sentence (headlines carry no final period).
 */
export function sentenceEnds(text: string, tokens: OffsetBuffer, tokenFrom: number, tokenTo: number): number[] {
  const ends: number[] = [];
  let t = tokenFrom;
  while (t < tokenTo) {
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    const last = text.charCodeAt(e - 1);
    let boundary = false;
    let after = t + 1;
    if (isSentenceFinal(last)) {
      // Closing quotes and brackets glued to the final mark belong to the sentence: ... tests.” He said
      while (after < tokenTo && tokens.start[after] === tokens.end[after - 1] && isCloser(text.charCodeAt(tokens.start[after]!))) after++;
      if (after >= tokenTo) boundary = true;
      else {
        const word = text.slice(s, e - 1).toLowerCase();
        const isPunctuationOnly = e - s === 1 || text.slice(s, e).replace(/[.!?…]/g, "") === "";
        boundary = isPunctuationOnly
          ? startsSentence(text, tokens, after)
          : endsWithAbbreviation(word) && startsSentenceAfterAbbreviation(text, tokens, after);
      }
    }
    if (boundary) {
      ends.push(after);
      t = after;
    } else t++;
  }
  if (ends.length === 0 || ends[ends.length - 1] !== tokenTo) ends.push(tokenTo);
  return ends;
}

function endsWithAbbreviation(word: string): boolean {
  // A single-letter initial ("J.") or a title before a name never ends a sentence; "U.S." or "Inc." may.
  return word.length > 1 && !PREFIX_ABBREVIATIONS.has(word);
}

function startsSentence(text: string, tokens: OffsetBuffer, t: number): boolean {
  const c = text.charCodeAt(tokens.start[t]!);
  if (isLower(c)) return false;
  return isUpper(c) || isDigit(c) || !isLetterLike(c);
}

function startsSentenceAfterAbbreviation(text: string, tokens: OffsetBuffer, t: number): boolean {
  const word = text.slice(tokens.start[t], tokens.end[t]);
  return isUpper(word.charCodeAt(0)) && SENTENCE_STARTERS.has(word.toLowerCase());
}

function isLetterLike(c: number): boolean {
  return isUpper(c) || isLower(c);
}
