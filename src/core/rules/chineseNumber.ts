/**
 * Numbers and shares as measure texts write them: 30%, 百分之二十, 三成 (tenths), 一半, 两条.
 * domain.md §3: limits are written "限产20%", but real cells also say "压减产量三成" or "限产百分之二十".
 */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * An Arabic number (30, 30.5, 1,200) or a Chinese integer up to the thousands (二十, 三十五, 一百零五, 两).
 * Returns null for anything else, including digit runs like 二二 that are not a number word.
 */
export function parseChineseNumber(text: string): number | null {
  const s = text.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s.length === 0) return null;
  let total = 0;
  let current: number | null = null;
  for (const ch of s) {
    const d = DIGIT[ch];
    const u = UNIT[ch];
    if (d !== undefined) {
      // Two digit words in a row (二二) are not a number, except after 零 (一百零五).
      if (current !== null && current !== 0) return null;
      current = d;
    } else if (u !== undefined) {
      total += (current ?? 1) * u;
      current = null;
    } else {
      return null;
    }
  }
  return total + (current ?? 0);
}

/** Digits or number words, for embedding in a larger pattern. */
export const NUMBER_SRC = String.raw`(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)`;

/**
 * A share of production in any of the written forms: 30%, 30.5%, 三十%, 百分之二十, 三成, 3成, 三成半, 一半,
 * 半数, 1/3, 三分之一. Kept in sync with parseShare below.
 */
export const SHARE_SRC = String.raw`(?:\d+(?:\.\d+)?%|[一二三四五六七八九十]+%|百分之[零〇一二两三四五六七八九十百\d.]+|[一二两三四五六七八九\d]成(?:半|[一二三四五六七八九])?|一半|半数|\d+\/\d+|[一二三四五六七八九十]分之[一二三四五六七八九]|\d分之\d)`;

/** The share in percent (三成 → 30, 一半 → 50), or null when the text is not a share or exceeds 100 %. */
export function parseShare(text: string): number | null {
  const s = text.trim();
  let pct: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+(?:\.\d+)?)%$/.exec(s))) pct = Number(m[1]);
  else if ((m = /^([一二三四五六七八九十]+)%$/.exec(s))) pct = parseChineseNumber(m[1] ?? '');
  else if ((m = /^(\d+)\/(\d+)$/.exec(s)) || (m = /^(.+)分之(.+)$/.exec(s))) {
    // A fraction, "1/3" or "三分之一" (the denominator first): one decimal, as tonnage limits are reported.
    const [num, den] = s.includes('/') ? [Number(m[1]), Number(m[2])] : [parseChineseNumber(m[2] ?? ''), parseChineseNumber(m[1] ?? '')];
    pct = num === null || den === null || !(den > 0) || num > den ? null : roundOne((num / den) * 100);
  } else if ((m = /^百分之(.+)$/.exec(s))) pct = parseChineseNumber(m[1] ?? '');
  else if ((m = /^(.)成(半|[一二三四五六七八九])?$/.exec(s))) {
    // 成 is a tenth: 三成 = 30 %, 三成半 = 35 %, 七成五 = 75 %.
    const tenths = parseChineseNumber(m[1] ?? '');
    const more = m[2] === '半' ? 5 : m[2] ? (parseChineseNumber(m[2]) ?? 0) : 0;
    pct = tenths === null ? null : tenths * 10 + more;
  } else if (s === '一半' || s === '半数') pct = 50;
  if (pct === null || !Number.isFinite(pct) || pct < 0 || pct > 100) return null;
  return pct;
}

/** Rounded to one decimal place, the precision tonnage limits are reported with. */
export function roundOne(x: number): number {
  return Math.round(x * 10) / 10;
}
