/**
 * Full-width forms → ASCII. Lists typed with a Chinese input method mix ３０％, Ａ级, （）, ；， with
 * their ASCII twins; the readers of measure texts and grade cells only need to know one of each.
 * Not NFKC: NFKC would also turn ① into 1 and Ⅳ into IV, which the readers handle themselves.
 */

/** U+FF01–U+FF5E (！ … ～) map onto U+0021–U+007E; the ideographic space U+3000 becomes a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}
