/**
 * Partial stops by count (C: 以停代限): m of n lines or units, a share of the lines, or the units kept running
 * against the total. These patterns say that a clause is such a stop and which units it names for the
 * inspector; how many of them stop is counted in one place for clauses and whole texts alike (unitShare.ts).
 * A share stated outright ("停产50%生产线") is read here.
 */
import { parseChineseNumber, parseShare, roundOne } from '../chineseNumber.js';
import { COUNT, SHARE, re, reading, type Reader } from '../clausePatterns.js';
import { isName, isSubject } from '../processNames.js';
import { unitShare } from '../unitShare.js';

/**
 * "停用2条生产线中的1条", "停用4台定型机中的2台", "2条生产线停1条" (C: 以停代限, stop a share of lines or
 * units) → stop_part with m / n of them. The same counter word on both numbers (条…条, 台…台).
 */
const LINE = '(生产线|产线|线)';
const STOP_V = '(?:停用|停止|关停|停产|停运|闷炉|焖炉|停)';
const COUNTER = '(条|台|座|套|个|组|孔|口)';
const UNITS = '([^,;。、\\d]{0,12}?)';
const OF = '(?:中的|中|里的|其中的?)';
const LINES_OF = [
  // [regex, n, counter, noun before, m, noun after (0: none)]
  [re(`${STOP_V}${COUNT}${COUNTER}${UNITS}${OF}${COUNT}\\2${UNITS}`), 1, 2, 3, 4, 5],
  [re(`${COUNT}${COUNTER}${UNITS}${OF}?(?:${STOP_V}|停)${COUNT}\\2${UNITS}`), 1, 2, 3, 4, 5],
  [re(`${COUNT}${COUNTER}${UNITS}${OF}${COUNT}\\2(?:停产|停用|停运|停止生产|关停)`), 1, 2, 3, 4, 0],
] as const;
/** The basis of a share of lines, said after it: "（以生产线计）", "，以熔化炉台数计". */
const BASIS = String.raw`(?:,?\(?以[^,;。()]{1,12}?计\)?)?`;
const SHARE_OF_LINES = [
  // "停产50%", "停产50%，以生产线计", "停产比例不低于40%", "辊道窑停产50%，以窑炉条数计": the guidance's 以停代限;
  // "减少30%生产线" says the same of the lines.
  re(`([^,;。、\d]{0,10}?)停产(?:比例)?(?:为|达到|达|不低于|不少于|至少|约)?${SHARE}(?:以上|左右)?(?:的)?(?:生产线|产线|产能|设备)?${BASIS}`),
  re(`${STOP_V}(?:不少于|不低于|至少|其中)?${SHARE}(?:以上)?(?:的)?([^,;。、\\d]{0,8}?${LINE})`),
  re(`${SHARE}(?:的)?([^,;。、\\d]{0,6}?${LINE})(?:停产|停用|停运|停止生产|关停)`),
  re(`([^,;。、\\d]{0,6}?${LINE})${STOP_V}${SHARE}`),
  re(`${SHARE}(?:的)?([^,;。、\\d]{1,8}?(?:机|炉|窑|设备|机组))(?:停机|停用|停运|停产)`),
  // "以停代限，减少30%生产线": the lines cut.
  re(`(?:减少|压减|削减)${SHARE}(?:的)?(生产线|产线)${BASIS}`),
  // "停止50%熔化设备"
  re(`${STOP_V}${SHARE}(?:的)?([^,;。、\\d]{1,8}?(?:机|炉|窑|设备|机组))${BASIS}`),
  // "烘干机停用50%": a share of the machines of a kind.
  re(`([^,;。、\\d]{1,8}?(?:机|炉|窑|设备|机组))${STOP_V}${SHARE}`),
];
/**
 * Units counted by what keeps running or what stops, the total given too: "四条压砖线只开两条" (2 of 4 off),
 * "搅拌主机三台只保留一台运行", "五台中频炉开二停三", "窑炉停一座(共两座)", "关停一座隧道窑，保留另一座生产".
 * [pattern, total group, count group, count is of those stopped]
 */
const UNIT_NAME = '([^,;。、\\d]{0,8}?)';
const KEPT_OF = [
  [re(`${COUNT}${COUNTER}${UNIT_NAME}(?:只开|仅开|只保留|仅保留|保留)${COUNT}\\2?(?:运行|生产)?`), 1, 4, false],
  [re(`${UNIT_NAME}${COUNT}${COUNTER}(?:只开|仅开|只保留|仅保留|保留)${COUNT}\\3?(?:运行|生产)?`), 2, 4, false],
  [re(`${COUNT}${COUNTER}${UNIT_NAME}开${COUNT}停${COUNT}`), 1, 5, true],
  [re(`${UNIT_NAME}(?:停|关停|停用)${COUNT}${COUNTER}\\(共${COUNT}\\3\\)`), 4, 2, true],
  [re(`(?:关停|停用|停)(一|1)${COUNTER}${UNIT_NAME},?保留另(一|1)\\2(?:运行|生产)?`), 0, 0, true],
  // "熔铝炉2台停1台", "钢化线4条停2条", "拌合楼4台停2台": the units, their number, how many stop.
  [re(`${UNIT_NAME}${COUNT}${COUNTER}(?:中)?(?:停|停用|关停|停运)${COUNT}\\3?`), 2, 4, true],
  // "停1条线（共5条）": how many stop, the total in brackets.
  [re(`(?:停|停用|关停)${COUNT}${COUNTER}${UNIT_NAME}\\(共${COUNT}\\2\\)`), 4, 1, true],
] as const;
/** "注塑机停开一半", "熔化炉停一半": half of the units. */
const HALF_OF_UNITS = re(`(?:[^,;。、\\d]{1,8}?(?:机|炉|窑|线|设备|槽))?(?:停开一半|停用一半|停一半|开启数量减半|开机数量减半|开机台数减半|运行数量减半)`);

/** "保留70%生产线运行": a share of the lines kept, the rest stopping. */
const LINES_KEPT = re(`(?:仅|只)?(?:保留|开|开启)${SHARE}(?:的)?(?:生产线|产线|设备|窑炉|机组|机器|机台)(?:运行|生产)?`);

export const readLineShare: Reader = (t) => {
  // "日产量从40套降到30套": output counted in pieces is a limit, not units stopped.
  if (/产量|日产/.test(t)) return null;
  const keptLines = LINES_KEPT.exec(t);
  const keptShare = keptLines ? parseShare(keptLines[1] ?? '') : null;
  if (keptShare !== null && keptShare > 0 && keptShare < 100) return reading('stop_part', roundOne(100 - keptShare), [t]);
  for (const [r, ni, ci, bi, mi, ai] of LINES_OF) {
    const g = r.exec(t);
    if (!g) continue;
    const [nText, counter, before, mText] = [g[ni] ?? '', g[ci] ?? '', g[bi] ?? '', g[mi] ?? ''];
    const after = ai > 0 ? (g[ai] ?? '') : '';
    // The units are named once, before ("2条生产线中的1条") or after ("2条中的1条生产线"), not two different ways.
    const units = before || after;
    if (!isName(units) || (before !== '' && after !== '' && !before.endsWith(after))) return null;
    const n = parseChineseNumber(nText);
    const m = parseChineseNumber(mText);
    if (n === null || m === null || n <= 0 || m <= 0 || m > n) return null;
    return reading('stop_part', unitShare(t), [`${nText}${counter}${units}中的${mText}${counter}`]);
  }
  for (const [i, r] of SHARE_OF_LINES.entries()) {
    const g = r.exec(t);
    if (!g) continue;
    if (i === 0) {
      const pct = parseShare(g[2] ?? '');
      if (pct === null || !isSubject(g[1])) continue;
      return pct >= 100 ? reading('stop', 100) : reading('stop_part', pct, g[1] ? [g[1]] : []);
    }
    // The share first and the units after, or the units first and the share last.
    const shareFirst = i < 3 || parseShare(g[1] ?? '') !== null;
    const [share, units] = shareFirst ? [g[1] ?? '', g[2] ?? ''] : [g[g.length - 1] ?? '', g[1] ?? ''];
    const pct = parseShare(share);
    return pct === null ? null : reading('stop_part', pct, [`${share}${units}`]);
  }
  for (const [r, n, k, stopped] of KEPT_OF) {
    const m = r.exec(t);
    if (!m) continue;
    // n 0: one stopped and "the other" kept, two in all.
    const total = n === 0 ? 2 : parseChineseNumber(m[n] ?? '');
    const count = n === 0 ? 1 : parseChineseNumber(m[k] ?? '');
    if (total === null || count === null || !(total > 0) || count > total) continue;
    const off = stopped ? count : total - count;
    if (off <= 0) continue;
    return reading('stop_part', unitShare(t), [m[0]]);
  }
  if (HALF_OF_UNITS.test(t)) return reading('stop_part', unitShare(t), [t]);
  if (re(`(?:停|停用|停运|停开|关停)${COUNT}${COUNTER}[^,;。\\d]{0,10}`).test(t)) return reading('stop_part', null, [t]);
  // "停产一条生产线", "共5台熔炼炉，停用3台" (the total said in another clause): named units, no share.
  const g = re(`(?:停产|停用|停止|关停)${COUNT}${COUNTER}((?:生产线|产线|线|窑|炉|机|设备)[^,;。]{0,6})`).exec(t);
  if (g) return reading('stop_part', null, [`${g[1]}${g[2]}${g[3]}`]);
  return null;
};
