/** Dates as printed on paper: 2019年12月8日 星期日. Calendar arithmetic in UTC, so no time zone can shift the day. */
import { formatDayClock } from '../../../core/time.js';
export { dateOnPaper, dateZh } from '../../../core/paperDate.js';
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayZh(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** A clock time on paper; a night round that runs past midnight says so (次日 01:10) instead of 25:10. */
export function clockZh(minutes: number): string {
  return formatDayClock(minutes, 'zh');
}

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayOnPaper(date: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? weekdayZh(date) : WEEKDAYS_EN[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

export function clockOnPaper(minutes: number, lang: 'zh' | 'en'): string {
  return formatDayClock(minutes, lang);
}
