/**
 * Characters that show as nothing — zero-width space, non-joiner and joiner, the direction marks, the word
 * joiner and invisible operators, a BOM inside the text, the soft hyphen, the Mongolian vowel separator —
 * and how a person can look one up (U+200B). Text pasted from a web page or a chat window carries them: the
 * list's headers are read without them (with a warning naming them), and so are measure texts.
 */
export const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** "U+200B": a character by its code point, as a person can look it up. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
