/** Dates as printed on paper: 2019年12月8日 星期日. Calendar arithmetic in UTC, so no time zone can shift the day. */
import { formatDayClock } from '../../../core/time.js';
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function dateZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function weekdayZh(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** A clock time on paper; a night round that runs past midnight says so (次日 01:10) instead of 25:10. */
export function clockZh(minutes: number): string {
  return formatDayClock(minutes, 'zh');
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date on an English page (--lang en): "8 December 2019"; Chinese: 2019年12月8日. */
export function dateOnPaper(date: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return dateZh(date);
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS_EN[m! - 1]} ${y}`;
}

export function weekdayOnPaper(date: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? weekdayZh(date) : WEEKDAYS_EN[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

export function clockOnPaper(minutes: number, lang: 'zh' | 'en'): string {
  return formatDayClock(minutes, lang);
}
