/**
 * The display width of text in a terminal: a CJK character is two columns. Plain text — printable ASCII,
 * Latin-1, CJK, full-width forms and the common punctuation, which is what haze's tables hold — is counted
 * here, fast; anything else by string-width.
 */
import { createRequire } from 'node:module';

/** The display width of plain text (see the header), as string-width counts it; null when the text is not plain. */
export function plainWidth(s: string): number | null {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if (
      (c >= 0x3000 && c <= 0x302f) || // CJK symbols and punctuation: 、。〈〉《》「」【】…
      (c >= 0x3041 && c <= 0x30ff) || // kana
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || // CJK ideographs
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff01 && c <= 0xff60) || // full-width forms: （），：；％
      (c >= 0xffe0 && c <= 0xffe6)
    )
      width += 2;
    else if (
      (c >= 0xa0 && c <= 0xff && c !== 0xa9 && c !== 0xae) || // Latin-1 but © and ®, which are emoji
      (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, bullets, …
      (c >= 0x2030 && c <= 0x203a) ||
      c === 0x2103 || // ℃
      (c >= 0x2160 && c <= 0x217f) || // Roman numerals: Ⅰ Ⅱ Ⅲ
      (c >= 0x2460 && c <= 0x24c1) // circled numbers
    )
      width += 1;
    else return null;
  }
  return width;
}

let stringWidthFn: ((s: string) => number) | undefined;

/**
 * The display width of any text: plain text counted here, the rest by string-width — the copy cli-table3
 * depends on and measures with, so the two drawings agree (loaded only for such text).
 */
export function displayWidth(s: string): number {
  const w = plainWidth(s);
  if (w !== null) return w;
  stringWidthFn ??= createRequire(createRequire(import.meta.url).resolve('cli-table3'))('string-width') as (s: string) => number;
  return stringWidthFn(s);
}
