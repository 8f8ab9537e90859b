/**
 * Stops: the whole plant (domain.md §3: D → 停产), or named parts of it, listed for the inspector. A "part" that
 * names the whole plant ("全部生产线", "所有工序") is read as a whole-plant stop.
 */
import { re, reading, type Reader } from '../clausePatterns.js';
import { looksLikeFacility, splitNames } from '../processNames.js';

/** domain.md §3: D → stop production. "全厂停产", "停止生产", "生产线全部停产". */
const WHOLE_PLANT =
  '(?:全厂|全部|企业|整厂|整体|全线|全企业|全面|各车间(?:均)?|所有生产线|全部生产线|生产线全部|所有产线|全部产线|所有工序|全部工序|各工序均?|所有设备|全部设备|所有生产设备|全部生产设备|全部车间|所有车间|本厂)';
/** When, not what: "马上停产", "接到预警通知后立即停止生产" stop the whole plant. */
const AT_ONCE =
  '(?:接到(?:黄色|橙色|红色)?预警(?:通知)?后(?:\\d+小时内)?(?:完成)?|马上|立即|立刻|即刻|一律|已|暂时|暂|接到预警通知后立即|接到通知后立即|预警期间|但本次预警执行|本次预警执行|本次预警|但)';
/** "除锅炉保温外一律停产": what a stopped plant keeps for safety or heat, said before the stop. */
const EXCEPT_KEPT = '(?:除[^,;。]{0,12}?(?:保温|保压|环保设施|治污设施|环保|安全|应急|抢险)[^,;。]{0,6}?外,?)?';
/** "长期停产", "保持停产状态": an enterprise already stopped stays stopped (grade cell tag 长期停产, domain.md §3). */
const STILL = '(?:长期|继续|保持|维持|持续)';
/** Names that are the whole plant: all of it, or the production line or workshop said without a number. */
const WHOLE_NAMES = new Set([
  '全厂',
  '全部',
  '企业',
  '整厂',
  '全企业',
  '所有生产线',
  '全部生产线',
  '所有产线',
  '全部产线',
  '所有工序',
  '全部工序',
  '生产线',
  '产线',
  '生产车间',
  '生产设备',
  '生产设施',
  '车间',
]);
/**
 * A name that is the plant itself, not a part of it: "砖厂停产", "采石场停工", "本公司停止生产". A numbered or
 * branch plant ("一分厂", "2号厂房") is a part. The stations the guidance lists as enterprises (沥青搅拌站,
 * 商砼站, 水泥粉磨站) are plants.
 */
const PLANT =
  /^(?!.*(?:分厂|厂房|车间|\d|[一二三四五六七八九十]号))[^,;。]{0,12}(?:厂|公司|企业|集团|采石场|石场|砂石场|矿|搅拌站|拌合站|拌和站|粉磨站|沥青站|商砼站|混凝土站)$/;
const STOP = [
  re(
    `${EXCEPT_KEPT}(?:处于)?${WHOLE_PLANT}?${AT_ONCE}?${STILL}?(?:全部)?(?:停产|停止生产|暂停生产|停工|停业|停厂|停止一切生产|停产停工|停工停产|停产停业|停产整治|停产放假|停机停产|停炉停产|停产停机|停止生产活动|停止全部生产|停止所有生产|停止生产经营(?:活动)?|停止生产作业|关停|停运|停止运行|禁止生产|严禁生产|不得生产)(?:状态|执行)?`,
  ),
  re(`${EXCEPT_KEPT}停止(?:全厂|全部|所有|一切)(?:生产|生产活动|生产工序|工序)`),
  re(`按停产执行`),
  // "主体工艺（电镀）停止": the main process, named as such, is the plant.
  re(`主体(?:生产)?(?:工艺|工序|生产)(?:\\([^()]*\\))?(?:全部)?(?:停止|停产|停运)(?:生产|运行)?`),
  // "饲料厂全线停机": the plant by its name, then all of it.
  re(`[^,;。]{1,8}?(?:厂|公司|企业|站)(?:全线|全厂|全部)(?:停机|停产|停工|停运)`),
  // No input, no output: "停止投料", "全厂停止上料".
  re(`(?:全部|全厂)?停止(?:投料|上料|进料)(?:生产)?`),
  re(`${WHOLE_PLANT}(?:停车|停机)(?:放假)?`),
  re(`(?:本企业|本厂|企业)?(?:预警期间)?停机放假`),
  // Coke ovens banked, kilns only kept warm, no machine started: the plant makes nothing.
  re(`(?:(?![^,;。]*(?:\\d|[一二三四五六七八九十])(?:号|#))[^,;。]{0,6}?)?(?:闷炉|焖炉)(?:保温)?`),
  re(`(?:除[^,;。]{0,12}?外)?不得开启任何生产设备`),
  re(`(?:窑炉|炉窑)?仅保温,?不出产品`),
];
/** "停止喷涂工序", "停止铸造车间生产", "1号窑停产", "熔炼炉停用", "停窑": named parts stop (stop_part). */
const STOP_PART = [
  [re(`(?:停止使用|停止运行|停止|停用|关停|停运|暂停|关闭)([^,;。:]+?)(?:生产|运行)?`), false],
  [re(`([^,;。:]+?)(?:全部)?(?:停用|停运|停止运行|停止使用|停止作业|关停|停机|停止|停炉|停窑|封炉|封窑|熄火|停火)`), true],
  // 停产 and 停工 stop a plant: what stands before them is a part only when it is plainly one ("1号窑停产",
  // "喷涂车间停产"), never a stray word ("气停产" is the plant stopping, with a word haze cannot place).
  [re(`([^,;。:]+?)(?:全部)?(?:停产|停止生产|停工)`), 'facilities'],
  // "烘干工序停", "制芯、抛丸工序停掉": the colloquial stop, of a part plainly named.
  [re(`([^,;。:]+?)(?:全部)?(?:停掉|停)`), 'facilities'],
  [re(`停((?:\\d+|[一二三四五六七八九十]+)?[号#]?(?:窑|炉|磨|生产线|线))`), false],
] as const;
export const readStop: Reader = (t) => {
  if (STOP.some((r) => r.test(t))) return reading('stop', 100);
  for (const [r, facilitiesOnly] of STOP_PART) {
    const g = r.exec(t);
    if (!g) continue;
    const names = splitNames(g[1] ?? '', facilitiesOnly !== false);
    if (!names) continue;
    if (facilitiesOnly === 'facilities' && !(g[1] ?? '').split(/[、和及与]/).every((item) => looksLikeFacility(item) || /全部|所有|一切|^部分$/.test(item)))
      continue;
    const [only] = names;
    // "全厂唯一一条熟料生产线停产": the only line is the plant.
    if (names.length === 1 && only !== undefined && (WHOLE_NAMES.has(only) || PLANT.test(only) || /唯一/.test(only))) return reading('stop', 100);
    // "喷涂、烘干、打磨等全部工序", "成型、干燥等全部生产工序": every process, named or not, is the whole plant.
    if (names.some((n) => /(?:等|及)?(?:全部|所有|一切)(?:生产)?(?:工序|车间|设备|生产线)$/.test(n))) return reading('stop', 100);
    // "部分停产" states a part stop but names no part: nothing to list for the inspector.
    if (names.length === 1 && (only === '部分' || only === '局部')) return reading('stop_part');
    return reading('stop_part', null, names);
  }
  return null;
};
