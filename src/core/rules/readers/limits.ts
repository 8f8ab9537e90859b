/**
 * Limits by a share: the share kept ("负荷降至80%") or cut ("限产30%"), half said in words, a stop for part of
 * each day, a bare 限产 with no share; and, for the wordings these leave, the share grammar (shareGrammar.ts).
 */
import { parseChineseNumber, parseShare, roundOne } from '../chineseNumber.js';
import { BOUND, CAP_AT, SHARE, SUBJ, re, reading, type Reader } from '../clausePatterns.js';
import { isSubject } from '../processNames.js';
import { limitByQuantity, limitByShare } from '../shareGrammar.js';
import { HOURS_RANGE, hoursOf } from '../timeWindow.js';

/** "生产负荷降至80%", "按80%负荷生产": a limit of 100 − the share kept. */
const LOAD = '(?:生产负荷|运行负荷|负荷|日产量|产量|产能|开工率|产能利用率|生产规模|日?用气量|日?用电量|日?用煤量|天然气用量|能耗)';
const LIMIT_TO = [
  // [regex, subject group (0: none), share group]
  [re(`${SUBJ}${LOAD}${CAP_AT}(?:正常水平|正常产量|正常|核定产能|设计产能|设计能力|批复产能)?(?:的)?${SHARE}${BOUND}`), 1, 2],
  [re(`${SUBJ}(?:降低|降|压减|减少|控制)(?:生产)?(?:负荷|产量|产能)(?:至|到)${SHARE}${BOUND}`), 1, 2],
  [re(`(?:按|按照)(?:不超过|不高于)?(?:正常|核定|设计)?(?:生产)?(?:产能|负荷|产量)?(?:的)?${SHARE}(?:的)?(?:负荷|产能|产量)?(?:生产|运行|组织生产)`), 0, 1],
  // "保三成产能", "四成产能生产", "负荷50%": the share kept, said tersely.
  [re(`(?:保|保留|按)?${SHARE}(?:的)?(?:产能|负荷)(?:生产|运行)?`), 0, 1],
  [re(`(?:负荷|产能)${SHARE}`), 0, 1],
  // "按照环评批复产能、排污许可产能和上年正常日产量三者最小值的70%组织生产": the base said at length.
  [re(`(?:按|按照)[^,;。%]{2,40}?(?:产能|产量|负荷|最小值|较小值|能力)的${SHARE}(?:组织生产|安排生产|生产|运行)`), 0, 1],
] as const;
/** "限产30%", "压减产量三成", "降低负荷20%": a limit by the share. (停产30% is a share of the lines stopping: lines.ts.) */
const LIMIT_VERBS = [
  '压减产量',
  '压减产能',
  '压减生产',
  '压减负荷',
  '削减产量',
  '减少产量',
  '降低产量',
  '降低生产负荷',
  '降低负荷',
  '减少生产负荷',
  '降低产能',
  '限制生产',
  '减少生产',
  '产量压减',
  '产量降低',
  '产量减少',
  '生产负荷降低',
  '负荷降低',
  '负荷下降',
  '降负荷',
  '减负荷',
  '限负荷',
  '限产',
  '限电',
  '限气',
  '减产',
  '降产',
  '压产',
  '压减',
].join('|');
const LIMIT_BY = re(
  `${SUBJ}(?:${LIMIT_VERBS})(?:比例|幅度)?(?:为|达到|达|不低于|不少于|至少|约|了)?${SHARE}(?:以上|及以上|左右)?(?:的)?(?:产量|产能|生产量|负荷)?`,
);
/** "按照不少于40%比例压减产量", "减少50%生产量": the share before the verb, or between the verb and its object. */
const LIMIT_SHARE_FIRST = [
  re(`${SUBJ}(?:按照?)?(?:不少于|不低于|至少)?${SHARE}(?:的)?(?:比例)?(?:${LIMIT_VERBS})(?:产量|产能|生产|负荷)?`),
  re(`${SUBJ}(?:减少|降低|压减|削减)${SHARE}(?:的)?(?:生产量|产量|产能|负荷)`),
];
/** Half written as a word: "半负荷生产", "减半生产". */
const HALF = re(
  `${SUBJ}(?:半产|半负荷(?:生产|运行)|减半(?:生产)?|产量减半|(?:实行)?隔(?:日|天)生产(?:制度)?|单班生产\\(原(?:两|2)班\\)|由(?:两|2)班(?:倒)?改为单班(?:生产)?|[^,;。]{0,8}?轮流生产,?同一时间只开(?:一|1)条)`,
);
/** "每日20时至次日8时停止生产": stopped for part of each day, a limit by the hours it takes away. */
const NIGHT_STOP = re(`(?:每日|每天)?\\d{1,2}(?:时|点|:00)至(?:次日)?\\d{1,2}(?:时|点|:00)(?:停止生产|停产|不生产)`);
const LIMIT_BARE = re(
  `${SUBJ}(?:限产|限制生产|减产|降负荷(?:运行|生产)?|降低负荷|压减产量|限制生产负荷|降低生产负荷|控制生产规模|压缩生产规模|单班生产|错峰生产|夜间错峰生产|轮流生产|间歇生产|轮产|停止夜间生产|夜间停产|白天停产|(?:\\d{1,2}时至\\d{1,2}时以外时段)(?:停止生产|停产)|(?:延长)(?:出焦|结焦)时间(?:至\\d+小时(?:以上)?)?|(?:出焦|结焦)时间延长(?:至\\d+小时(?:以上)?)?)`,
);
export const readLimit: Reader = (t) => {
  for (const [r, si, pi] of LIMIT_TO) {
    const g = r.exec(t);
    if (!g || (si > 0 && !isSubject(g[si]))) continue;
    const kept = parseShare(g[pi] ?? '');
    return kept === null ? null : reading('limit', roundOne(100 - kept));
  }
  let g = LIMIT_BY.exec(t);
  if (g && isSubject(g[1])) {
    const pct = parseShare(g[2] ?? '');
    return pct === null ? null : reading('limit', pct);
  }
  for (const r of LIMIT_SHARE_FIRST) {
    g = r.exec(t);
    if (g && isSubject(g[1])) {
      const pct = parseShare(g[2] ?? '');
      return pct === null ? null : reading('limit', pct);
    }
  }
  g = HALF.exec(t);
  if (g && isSubject(g[1])) return reading('limit', 50);
  if (NIGHT_STOP.test(t)) {
    // Hours stopped of the day's 24, for a plant that runs round the clock, counted as timeWindow.ts counts them.
    const range = HOURS_RANGE.exec(t);
    const hours = range ? hoursOf(range) : null;
    return reading('limit', hours !== null ? roundOne((hours / 24) * 100) : null);
  }
  // "限产30", "限30", "限二十", "限3成", "限1/3": the share without its sign or its noun, as a person typing fast writes it.
  g = /^限(?:产)?(\d{1,2}|[一二三四五六七八九]?十[一二三四五六七八九]?)$/.exec(t);
  if (g) return reading('limit', parseChineseNumber(g[1] ?? ''));
  g = new RegExp(`^限(?:产)?${SHARE}$`).exec(t);
  if (g && parseShare(g[1] ?? '') !== null) return reading('limit', parseShare(g[1] ?? ''));
  g = LIMIT_BARE.exec(t);
  if (g && isSubject(g[1])) return reading('limit');
  return null;
};

/** What the patterns above leave: a share of a quantity, kept or cut (shareGrammar.ts). */
export const readShare: Reader = (t) => {
  // The grammar reads a share wherever it stands, so a clause that also stops something ("两台拌和楼停一台，
  // 另一台日产量从1200吨降到800吨") is not a limit alone: it is left to be cut, or read as a whole.
  if (/停(?!车场)|关停|熄火|闷炉|焖炉/.test(t.replace(/不停/g, ''))) return null;
  const pct = limitByShare(t) ?? limitByQuantity(t);
  if (pct === null) return null;
  // A share of the machines running ("硫化机开机数量控制在60%以内") stops a share of them: a partial stop.
  return /开机(?:数量|台数|率)|运行台数|生产线数量|开工数量/.test(t) && !/不变/.test(t) ? reading('stop_part', pct, [t]) : reading('limit', pct);
};
