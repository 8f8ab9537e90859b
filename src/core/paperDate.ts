/**
 * A day as a page or a notice writes it: 2019年12月8日, or "8 December 2019" under --lang en. In core, so the
 * circular's words (core/circular.ts) and the pages (io/write/html) write a date one way.
 */
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function dateZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A day whose year the page says elsewhere: 12月8日, or "8 December" under --lang en. */
export function monthDayOnPaper(date: string, lang: 'zh' | 'en'): string {
  const [, m, d] = date.split('-').map(Number);
  return lang === 'en' ? `${d} ${MONTHS_EN[m! - 1]}` : `${m}月${d}日`;
}

/** The date on an English page (--lang en): "8 December 2019"; Chinese: 2019年12月8日. */
export function dateOnPaper(date: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return dateZh(date);
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS_EN[m! - 1]} ${y}`;
}
