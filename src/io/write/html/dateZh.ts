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
