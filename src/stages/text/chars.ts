/** Character classes for the tokenizer, by UTF-16 code unit. Written by hand: no regex on the hot path. */

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff || c === 0x202f || c === 0x205f;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Word characters: ASCII letters and digits, and everything outside ASCII that is not
 * punctuation, a symbol or a space (letters of every script, combining marks, surrogates).
 */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (isSpace(c)) return false;
  if (c >= 0x2010 && c <= 0x206f) return false; // general punctuation: dashes, quotes, ellipsis
  if (c >= 0x00a1 && c <= 0x00bf && c !== 0xaa && c !== 0xb5 && c !== 0xba) return false; // Latin-1 punctuation, symbols
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x20a0 && c <= 0x20cf) return false; // currency symbols
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xff01 && c <= 0xff0f) return false; // fullwidth punctuation
  return true;
}

export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

export function isSentenceFinal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Quotes and brackets that may close a sentence after its final punctuation. */
export function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a;
}
