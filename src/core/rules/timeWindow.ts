/**
 * A stop for part of the day or week is a limit by the time it takes away, not a stop: "夜间0时至8时停产",
 * "每天停产8小时", "晚22时至早6时停止生产，白天正常", "每周停产2天", "每周一、三、五停产". The share is the hours
 * out of 24, or the days out of 7; "夜间停止生产" says no hours, and is a limit with no share.
 *
 *   晚上10点到早上6点停产 → 8 of 24 hours → 33.3      每周一、三、五停产 → 3 of 7 days → 42.9
 */
import { parseChineseNumber } from './chineseNumber.js';

const STOP = /停产|停止生产|停止作业|停机|停工|不生产|不开(?!工)|停/;
/** Words that put a stop in part of the day. */
const PART_OF_DAY = /夜间|晚上|夜里|晚间|夜班|白天|白班|凌晨|轮流|轮产|错峰/;
/** "22:00—6:00", "晚22时至早6时", "0时至8时", "晚上10点到早上6点", "夜间22点至次日6点". */
export const HOURS_RANGE =
  /(晚上?|夜间|夜里|早上?|凌晨|上午|下午)?(\d{1,2})(?::\d{2})?(?:时|点)?(?:至|到|—|-|~|–)(?:次日|第二天)?(?:早上?|凌晨|上午)?(\d{1,2})(?::\d{2}(?:时|点)?|时|点)/;
const HOURS_A_DAY = /每(?:天|日)(?:停产|停止生产|停机|停工|停)(\d+|[一二两三四五六七八九十]+)(?:个)?小时/;
const DAYS_A_WEEK = /每(?:周|礼拜|星期)(?:停产|停止生产|停工|停)(\d|[一二两三四五六])天/;
const NAMED_DAYS = /每(?:周|礼拜|星期)([一二三四五六日天、,和及]+?)(?:停产|停止生产|停工|停)/;

/** The hours a range covers, reading an evening hour written on a 12-hour clock ("晚上10点") as 22. */
export function hoursOf(m: RegExpExecArray): number | null {
  let [start, end] = [Number(m[2]), Number(m[3])];
  if (start > 24 || end > 24) return null;
  // 晚上10点 is 22; 夜间0时, 夜里12点 and 夜间2点 are after midnight.
  if (/晚|夜/.test(m[1] ?? '') && start === 12) start = 0;
  else if ((/下午/.test(m[1] ?? '') && start < 12) || (/晚|夜/.test(m[1] ?? '') && start >= 6 && start < 12)) start += 12;
  const hours = start > end ? 24 - start + end : end - start;
  return hours > 0 && hours < 24 ? hours : null;
}

/** The share of the day a range of hours takes away ("20时至次日8时停止生产" → 50), or null when it says none. */
function shareOfDayStopped(piece: string): number | null {
  const range = HOURS_RANGE.exec(piece);
  const h = range ? hoursOf(range) : null;
  return h === null ? null : (h / 24) * 100;
}

/** The days of the week named before a stop ("每周一、三、五停产": 3). */
const namedDays = (text: string): number => new Set((NAMED_DAYS.exec(text)?.[1] ?? '').match(/[一二三四五六日天]/g) ?? []).size;

/** The share of time one stop piece takes away; undefined when the piece says no part of the day or week. */
function shareOfPiece(piece: string): number | null | undefined {
  if (HOURS_RANGE.test(piece)) return shareOfDayStopped(piece);
  const perDay = HOURS_A_DAY.exec(piece);
  if (perDay) {
    const h = parseChineseNumber(perDay[1] ?? '');
    return h !== null && h > 0 && h < 24 ? (h / 24) * 100 : null;
  }
  const perWeek = DAYS_A_WEEK.exec(piece);
  if (perWeek) {
    const d = parseChineseNumber(perWeek[1] ?? '');
    return d !== null && d > 0 && d < 7 ? (d / 7) * 100 : null;
  }
  if (NAMED_DAYS.test(piece)) {
    const days = namedDays(piece);
    return days > 0 && days < 7 ? (days / 7) * 100 : null;
  }
  // "停产（含夜间）": the night included, not the night alone.
  return PART_OF_DAY.test(piece) && !/(?:含|包括|包含)(?:夜间|晚上|夜班)/.test(piece) ? null : undefined;
}

/**
 * When every piece that stops something stops it for part of the day or week: the share of time taken away
 * (the largest, when pieces differ), or null when none is said. Undefined when some stop is for all of the time.
 */
/** "每日8:00—20:00生产，其余时段停产": hours of production, and the rest of the day stopped. */
const REST_OF_DAY = /其余时段|其他时段|其余时间|其他时间|其余(?:\d|[一二两三四五六])天/;
const PRODUCING_HOURS = /(\d{1,2})(?::\d{2})?(?:时|点)?(?:至|到|—|-|~|–)(?:次日|第二天)?(\d{1,2})(?::\d{2})?(?:时|点)?(?:生产|开工|作业)/;
/** "（正常每周生产6天）": the normal week, when the plant does not run all seven days. */
const NORMAL_WEEK = /正常每周(?:生产)?(\d|[一二三四五六七])天/;

/** Unrounded: measureShare rounds the share it gives, after combining it with any limit beside it. */
export function timeWindowShare(text: string): number | null | undefined {
  const stops = text.split(/[;,。]/).filter((p) => STOP.test(p) && !/运输|车辆|货车|进出/.test(p));
  if (stops.length === 0) return undefined;
  if (stops.every((p) => REST_OF_DAY.test(p))) {
    // The hours produced said as a range; else the time is cut in other words ("日工作时间从20小时压缩到12小时"),
    // and the share comes from them (shareGrammar.ts).
    const producing = PRODUCING_HOURS.exec(text);
    // "夜间22时至次日6时生产": a range past midnight.
    const hours = producing ? (Number(producing[2]) - Number(producing[1]) + 24) % 24 : 0;
    return hours > 0 && hours < 24 ? ((24 - hours) / 24) * 100 : null;
  }
  const week = NORMAL_WEEK.exec(text);
  const days = week ? parseChineseNumber(week[1] ?? '') : null;
  if (days !== null && days > 0 && days < 7) {
    const count = namedDays(text);
    if (count > 0 && count < days) return (count / days) * 100;
  }
  const shares = stops.map(shareOfPiece);
  if (shares.some((s) => s === undefined)) return undefined;
  const known = shares.filter((s): s is number => s !== null);
  return known.length > 0 ? Math.max(...known) : null;
}
