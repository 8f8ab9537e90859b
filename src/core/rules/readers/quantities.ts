/**
 * Limits stated as quantities, not shares: output from X to Y, shifts cut, coking time lengthened. Each becomes
 * the share cut, so that it weighs the same as the "限产30%" it amounts to.
 */
import { parseChineseNumber, roundOne } from '../chineseNumber.js';
import { BOUND, CAP_AT, COUNT, SUBJ, re, reading, type Reader } from '../clausePatterns.js';
import { isSubject } from '../processNames.js';

/**
 * Tonnage limits (domain.md §3: "原料日投料量由960吨降低到768吨及以下" is a 20 % limit):
 * 由X降低到Y, X降至Y, 控制在Y以内(正常X), (正常X)控制在Y → round((X−Y)/X×100, 1).
 */
const AMOUNT = String.raw`(\d+(?:,\d{3})*(?:\.\d+)?)`;
const UNIT = String.raw`((?:万吨|吨|千克|公斤|kg|t|立方米|m3|m³|方|件|台|套|个|只|平方米|㎡|%|小时|h|班|车|块|万块|条|座|天|窑次|窑|批|炉|次|千瓦时|万千瓦时|度)?(?:/天|/日|/d|每天|每日)?)`;
const NORMAL = '(?:正常生产时?|正常产量|正常日产量|正常情况下|正常|原产量|原设计|原|设计产能|设计|平时|平常)(?:的|为|是|约)?';
const DOWN_TO = '(?:降低|降|减少|压减|削减|下降|调整|调减|控制|减|压缩|压|缩减|缩短|限制)?(?:到|至|为|在)';
const TONNAGE = [
  // [regex, subject, X, X unit, Y, Y unit]
  [re(`${SUBJ}(?:由|从)(?:${NORMAL}|每天|每日)?${AMOUNT}${UNIT}(?:生产)?,?${DOWN_TO}(?:每天|每日)?${AMOUNT}${UNIT}${BOUND}(?:生产|运行)?`), 1, 2, 3, 4, 5],
  [re(`([^,;。、\\d]{0,20}?)${AMOUNT}${UNIT}(?:降低|降|减少|压减|削减|下降|减|压缩)(?:到|至)${AMOUNT}${UNIT}${BOUND}`), 1, 2, 3, 4, 5],
  [re(`${SUBJ}${CAP_AT}${AMOUNT}${UNIT}${BOUND},?\\(?${NORMAL}${AMOUNT}${UNIT}\\)?`), 1, 4, 5, 2, 3],
  [re(`${SUBJ}\\(${NORMAL}${AMOUNT}${UNIT}\\)${CAP_AT}${AMOUNT}${UNIT}${BOUND}`), 1, 2, 3, 4, 5],
] as const;
const sameUnit = (a: string, b: string): boolean => {
  const base = (u: string): string => u.replace(/\/天|\/日|\/d|每天|每日/i, '').replace(/^t$/i, '吨');
  return base(a) === '' || base(b) === '' || base(a) === base(b);
};
/** "由三班制调整为一班制", "每天两班减为一班": shifts, in numbers or words. */
const SHIFTS = re(`[^,;。]{0,10}?由(?:每天|每日)?${COUNT}班(?:制|倒)?(?:生产)?(?:调整|改|减|压减|缩减)?为${COUNT}班(?:制)?(?:生产)?`);
/** "喷涂线每天只开一个班（原为两班）": the shifts kept, the normal in brackets. */
const SHIFTS_KEPT = re(`[^,;。]{0,10}?(?:每天|每日)?(?:只开|仅开|只上|保留)${COUNT}个?班\\(原(?:为)?${COUNT}班\\)`);
/** "结焦时间由20小时延长至40小时": a coke oven's coking time doubled halves its output (1 − 20/40). */
const COKING = re(`(?:出焦|结焦)时间由${AMOUNT}小时延长(?:至|到)${AMOUNT}小时(?:以上)?`);
const COKING_NOTED = re(`(?:焦炉)?延长(?:出焦|结焦)时间(?:至|到)${AMOUNT}小时(?:以上)?\\(正常(?:为)?${AMOUNT}小时\\)`);
export const readTonnage: Reader = (t) => {
  const shifts = SHIFTS.exec(t) ?? ((k) => (k ? [k[0], k[2], k[1]] : null))(SHIFTS_KEPT.exec(t));
  if (shifts) {
    const [x, y] = [parseChineseNumber(shifts[1] ?? ''), parseChineseNumber(shifts[2] ?? '')];
    if (x !== null && y !== null && x > 0 && y >= 0 && y < x) return reading('limit', roundOne(((x - y) / x) * 100));
  }
  const noted = COKING_NOTED.exec(t);
  const coking = COKING.exec(t) ?? (noted ? [noted[0], noted[2], noted[1]] : null);
  if (coking) {
    const [x, y] = [Number(coking[1]), Number(coking[2])];
    return x > 0 && y > x ? reading('limit', roundOne((1 - x / y) * 100)) : null;
  }
  for (const [r, si, xi, xu, yi, yu] of TONNAGE) {
    const g = r.exec(t);
    if (!g || !isSubject(g[si])) continue;
    const x = Number((g[xi] ?? '').replace(/,/g, ''));
    const y = Number((g[yi] ?? '').replace(/,/g, ''));
    if (!sameUnit(g[xu] ?? '', g[yu] ?? '') || !(x > 0) || !(y >= 0) || y > x) return null;
    const share = roundOne(((x - y) / x) * 100);
    // Lines, kilns or machines from-to ("生产线由6条减为4条运行") stop a share of them: a partial stop.
    const counted = /^(?:条|座|台|套)$/.test(g[xu] || g[yu] || '');
    return counted ? reading('stop_part', share, [`${g[si] ?? ''}由${g[xi]}${g[xu]}减至${g[yi]}${g[yu] || g[xu]}`]) : reading('limit', share);
  }
  return null;
};
