/**
 * The share of a partial stop, counted in units: lines, kilns, machines — the units that stop against the
 * units there are, or against the units that keep running. A small grammar of three parts, each a short list
 * of forms with its example:
 *
 *   how many there are   共5条, 全厂三条, 我司3条挤出线, 本公司有两条浮法线
 *   how many stop        停两台, 闷炉1座, 停止生产线2条, 2条线停产, 停止二号、三号生产线, 关掉一半
 *   how many keep going  保留1条, 仅留1条, 1条正常生产, 二线正常生产
 *
 *   我司3条挤出线停1条 → 33.3     停产2条生产线，保留1条生产线 → 66.7     2座焦炉闷炉1座 → 50
 *   停止二号、三号生产线（全厂三条） → 66.7     关掉一半窑炉，另外一半照常烧 → 50
 */
import { parseChineseNumber, parseShare, roundOne } from './chineseNumber.js';

const N = '(\\d+|[一二两三四五六七八九十]+)';
/** The words units are counted in ("3条", "4台", "12张"). */
export const UNIT_WORDS = '(?:条|台|座|套|个|孔|组|间|部|家|只|口|盘|缸|辆|支|张)';
const U = UNIT_WORDS;
/** A unit's name after its count: what is counted is production equipment. */
const THING = '[^,;。:\\d]{0,8}?(?:线|窑|炉|机|磨|釜|罐|槽|锅|房|车间|设备|装置|机组|窑炉|生产线)';
const STOP_VERB =
  '(?:停产|停止|停用|停运|停开|停掉|关掉|关停|关闭|闷炉|焖炉|熄火|停火|停机|停炉|停窑|停线|休风|检修|修(?=(?:\\d+|[一二两三四五六七八九十])[台座条个])|停)';
const KEEP_VERB = '(?:仅保留|只保留|保留|仅留|只留|留|只开|仅开|只用|仅用|仅运行|只运行|开)';
const RUNS = '(?:正常生产|照常生产|照常|继续生产|正常运行|运行|生产(?!线|车间|设备))';

/** A form and the group that holds its count. */
type Form = readonly [RegExp, number];

const TOTAL: readonly Form[] = [
  // "共5条", "全厂共两条线", "（全厂三条）", "现有4台"
  [new RegExp(`(?:共有|共计|总共|一共|合计|共|全厂(?:共有|共|有)?|现有|厂内有|全部)(?:就|有|是)?${N}${U}`), 1],
  // "我司3条挤出线停1条", "我厂三台干燥窑", "本公司有两条浮法线", "6条线全停": a count that opens the text — not
  // the count that stops ("1条生产线停产，另1条限产50%").
  [
    new RegExp(
      `^(?:[^,;。:\\d]{0,10}?(?:厂|司|公司|企业|站|我们|本单位)(?:有|共有)?,?)?${N}${U}${THING}(?!(?:停产|停用|停运|停机|停止)(?![^,;。]{0,3}?(?:\\d|[一二两三四五六七八九十])))`,
    ),
    1,
  ],
  // "喷漆房3间停用2间", "染缸30只停12只", "窑炉两座，停一座", "冶炼炉10台开4台": the units named, then counted.
  // (then counted again, or all of them: "燃煤炒锅6口停用，电炒锅4口照常" counts the six that stop, not all).
  [
    new RegExp(
      `^[^,;。:\\d]{1,12}?(?<!停产|停用|停止|停运|关停|[停开留关])${N}${U}(?=[,;。]?(?:[^,;。\\d]{0,4}?)(?:停|开|留|关|闷|保留|仅|只|启用)[^,;。]{0,4}?(?:\\d|[一二两三四五六七八九十])|[^,;。\\d]{0,8}?(?:全部|均|都|全)(?:停|关))`,
    ),
    1,
  ],
  // "生产线（1条）停产": the count in brackets is all of them.
  [new RegExp(`^[^,;。:\\d]{1,12}?\\(${N}${U}\\)(?=[^,;。\\d]{0,4}?(?:停|关))`), 1],
  // "生产线5条，留2停3"
  [new RegExp(`(?:生产线|产线|窑炉|窑|炉|机)${N}${U}(?=[,;。(])`), 1],
];
/** "留2停3", "开1停2": kept and stopped in four characters (the kept count, then the stopped). */
const KEPT_STOPPED = new RegExp(`(?:留|开)${N}${U}?停${N}`);
const STOPPED: readonly Form[] = [
  [KEPT_STOPPED, 2],
  [new RegExp(`${STOP_VERB}(?:其中)?(?:的)?(?:不少于|不低于|至少)?${N}${U}`), 1],
  [new RegExp(`(?:停止|停用|停运|关停)[^,;。\\d]{0,8}?${N}${U}`), 1],
  // "电解槽共288台，停槽29台": the unit's name between the verb and the count.
  [new RegExp(`停[^,;。\\d]{1,2}?${N}${U}`), 1],
  // "8条流水线削减3条": the units cut are the units stopped.
  [new RegExp(`(?:削减|减少|压减|减)${N}${U}`), 1],
  [new RegExp(`${N}${U}${THING}?(?:全部|全|都)?(?:停产|停用|停运|关停|停止|停机|停炉|停窑|停烧|停磨|停火|闷炉|熄火|关机|关闭|停下|停(?=[,;。(]|$))`), 1],
];
/** "除1条保障线外" keeps that one: taken out of the text before the stopped units are counted. */
const EXCEPT = new RegExp(`除(?:了)?[^,;。:\\d]{0,8}?${N}${U}[^,;。:]{0,20}?(?:以)?外`);
/** "除3号窑外": the numbered units kept. */
const EXCEPT_NUMBERED = /除((?:\d+|[一二三四五六七八九十])(?:号|#)[^,;。外]{0,6}?(?:[、和及与](?:\d+|[一二三四五六七八九十])(?:号|#)[^,;。外]{0,6}?)*)外/;
const KEPT: readonly Form[] = [
  [EXCEPT, 1],
  [KEPT_STOPPED, 1],
  // "运行生产线不超过2条（共5条）"
  [new RegExp(`(?:运行|开|启用|生产)[^,;。\\d]{0,6}?(?:不超过|不多于|最多|只开|仅开)${N}${U}`), 1],
  [new RegExp(`${KEEP_VERB}${N}${U}`), 1],
  [new RegExp(`${N}${U}${THING}?(?:保持)?${RUNS}`), 1],
  // "停止2条线，其余2条线限产30%": the others, whatever is done with them but stopping.
  [new RegExp(`(?:其余|剩余|另外|另)${N}${U}(?![^,;。]{0,4}停)`), 1],
];
/** "关掉一半窑炉", "停三分之一生产线", "停止生产线一半": the share said as a fraction of the units. */
const FRACTION =
  /(停开|停用|停运|关掉|关停|停止|闷炉|停|只开|开|(?:生产线|产线|机台)(?:数量)?(?:减少|减))(?:(?:生产线|产线|窑炉|机组|设备|机台)(?:的)?)?(一半|半数|[一二三四五六七八九十]分之[一二三四五六七八九]|\d+\/\d+)/;
/** Numbered units: "1号", "2#", "二号", "一线". */
const NUMBERED = /(\d+|[一二三四五六七八九十])(?:号|#)|(?<![\d一二三四五六七八九十])([一二三四五六七八九])线|(?<![A-Za-z])([A-H])线/g;
const STOP_PIECE = /停|关|熄|闷炉|焖炉|休风|退出生产|检修|修(?=\d|[一二两三])/;
const RUN_PIECE = /正常生产|照常|照开|维持生产|继续生产|正常运行|正常$|(?<!不)开$|保留|仅留|只留|限产|限\d/;

/** The count of the first form that matches, or null. */
const first = (forms: readonly Form[], text: string): number | null => {
  for (const [re, group] of forms) {
    const m = re.exec(text);
    const n = m ? parseChineseNumber(m[group] ?? '') : null;
    if (n !== null && n > 0) return n;
  }
  return null;
};
/** "1-3号线", "2#—6#线": a range of numbered units, each of them. */
const NUMBER_RANGE = /(\d+)[#号]?[-~—至到](\d+)(?=号|#)/g;
const numbered = (pieces: readonly string[]): Set<string> =>
  new Set(
    pieces.flatMap((p) => [
      ...[...p.matchAll(NUMBERED)].map((m) => (m[3] !== undefined ? m[3] : String(parseChineseNumber(m[1] ?? m[2] ?? '')))),
      ...[...p.matchAll(NUMBER_RANGE)].flatMap(([, a, b]) => {
        const [x, y] = [Number(a), Number(b)];
        return y > x && y - x < 50 ? Array.from({ length: y - x + 1 }, (_, i) => String(x + i)) : [];
      }),
    ]),
  );

const UNITS_FEWER = new RegExp(`由${N}${U}(?:运行|生产|开机)?(?:减为|减至|减少到|降为|降至|压减为|调整为)${N}${U}`);
/** "停用2条生产线中的1条", "4台定型机中停用2台": m of the n units. */
const M_OF_N = new RegExp(`${N}(${U})[^,;。\\d]{0,12}?(?:中的|中|里的|其中的?)(?:停用|停止|关停|停产|停运|停)?${N}\\2`);

/**
 * The first count in the text, when a later count of the same unit stops or keeps some of them: "我公司织布车间
 * 一百二十台喷水织机，预警期间停四十台" (120). Null otherwise.
 */
function firstCounted(text: string): number | null {
  const counts = [...text.matchAll(new RegExp(`${N}(${U})`, 'g'))];
  const [head, ...rest] = counts;
  if (!head || /(?:停|关|开|留|保留|停产|停止|停用)$/.test(text.slice(Math.max(0, head.index! - 3), head.index))) return null;
  const later = rest.find((c) => c[2] === head[2] && /(?:停|关|开|留|保留|只用|仅用)$/.test(text.slice(Math.max(0, c.index! - 3), c.index)));
  return later ? parseChineseNumber(head[1] ?? '') : null;
}

/** "注塑机平时开30台，预警期间开18台", "日常开三条印花线，橙色预警期间开一条": the units run as usual, and now. */
const USUAL_AND_NOW = new RegExp(`(?:平时|日常|正常|平常|通常)(?:开|运行|用)${N}(${U})[^;。]*?(?:只开|仅开|只用|仅用|开|运行)${N}\\2`);

/** "3台溶剂型凹印机全部停，另外2台水性柔印机继续印": the units named first all stop, and the others are counted apart. */
const ALL_OF_FIRST = new RegExp(`^[^,;。\\d]{0,10}?${N}(${U})[^,;。\\d]{0,16}?(?:全部|全|都)(?:停|关)`);
const OTHERS = new RegExp(`(?:另外|另有|其余|其他|剩下|另|保留)(?:的)?${N}(${U})`);
/** "停止全部凹版印刷机生产（共5台），保留1台柔版印刷机": the total in brackets is of the kind that stops. */
const ALL_NAMED_TOTAL = new RegExp(`(?:全部|所有)[^,;。\\d]{0,10}?(?:机|线|炉|窑|设备|装置)[^,;。\\d()]{0,4}?\\(共${N}(${U})\\)`);

/**
 * A range of units read at its stricter end, as an inspector holds the plant to it: the fewer that run ("开两三条"
 * → 开两条), the more that stop ("停七八台" → 停八台).
 */
const RANGE_OF_UNITS = new RegExp(
  `(开|留|保留|运行|停|关)(?:(\\d+)(?:到|至|-|~)(\\d+)|([一二两三四五六七八九])(?:到|至|-|~)?([二两三四五六七八九十]))(?=${U})`,
  'g',
);
const strictUnits = (text: string): string =>
  text.replace(RANGE_OF_UNITS, (whole, verb: string, a1?: string, b1?: string, a2?: string, b2?: string) => {
    const [a, b] = [a1 ?? a2 ?? '', b1 ?? b2 ?? ''];
    const [x, y] = [parseChineseNumber(a), parseChineseNumber(b)];
    // "两三" is a range only as neighbours; "三到五" is one whatever the gap.
    if (x === null || y === null || x >= y || (a2 !== undefined && y !== x + 1 && !/到|至|-|~/.test(whole))) return whole;
    return `${verb}${/开|留|运行/.test(verb) ? a : b}`;
  });

/** The share of units stopped, percent to one decimal; null when the text does not let them be counted. */
export function unitShare(cell: string): number | null {
  const share = unitFraction(cell);
  return share === null ? null : roundOne(share);
}

/** The same share unrounded, for shares worked out from it ("停一条，剩下两条减两成": 1/3 + 2/3 × 20 %). */
export function unitFraction(cell: string): number | null {
  // "黄色预警：石灰窑3座停1座": a label before the count is not part of it; "1#,2#电炉" is one list.
  // "1、2号线" is 1号 and 2号.
  const text = strictUnits(cell)
    .replace(/(\d+[#号]),(?=\d+[#号])/g, '$1、')
    .replace(/(?<![\d(])(\d+)、(?=\d+[#号])/g, '$1号、')
    // …unless the label says what stops ("退出生产的设备：1#、2#、3#球磨机").
    .replace(/^(?![^:,;。]*(?:停|退出|关))[^:,;。]{1,16}:(?=[^:]*\d|[^:]*[一二两三四五六七八九十][条台座套个间只])/, '');
  const usual = USUAL_AND_NOW.exec(text);
  if (usual) {
    const [all, now] = [parseChineseNumber(usual[1] ?? ''), parseChineseNumber(usual[3] ?? '')];
    if (all !== null && now !== null && now < all) return ((all - now) / all) * 100;
  }
  const [named, others] = [ALL_OF_FIRST.exec(text) ?? ALL_NAMED_TOTAL.exec(text), OTHERS.exec(text)];
  if (named && others && named[2] === others[2]) {
    const [a, b] = [parseChineseNumber(named[1] ?? ''), parseChineseNumber(others[1] ?? '')];
    if (a !== null && b !== null && a > 0 && b > 0) return (a / (a + b)) * 100;
  }
  const fraction = FRACTION.exec(text);
  // "开三分之一": the units that run; the rest stop.
  const share = fraction ? parseShare(fraction[2] ?? '') : null;
  if (fraction && share !== null) return /开$/.test(fraction[1]!) && fraction[1] !== '停开' ? 100 - share : share;
  // "半停": half of it stops.
  if (/^半停$/.test(text)) return 50;
  // "电镀槽开启数量减半": half of the units run.
  if (/(?:开启|开机|运行)(?:数量|台数)减半/.test(text)) return 50;
  // "焙烧炉由4台运行减为2台运行": from so many units to fewer.
  const fewer = UNITS_FEWER.exec(text);
  if (fewer) {
    const [a, b] = [parseChineseNumber(fewer[1] ?? ''), parseChineseNumber(fewer[2] ?? '')];
    if (a !== null && b !== null && a > b) return ((a - b) / a) * 100;
  }
  const mOfN = M_OF_N.exec(text);
  if (mOfN) {
    const [n, m] = [parseChineseNumber(mOfN[1] ?? ''), parseChineseNumber(mOfN[3] ?? '')];
    if (n !== null && m !== null && m > 0 && m <= n) return (m / n) * 100;
  }
  // "1、2号线停产" lists two units; "1、停喷涂" numbers a measure.
  const pieces = text.replace(EXCEPT_NUMBERED, '').split(/[;,。①-⑳]|[一二三四五六七八九十]、|\d[、.](?!\d+(?:号|#))|\d\)/);
  const total = first(TOTAL, text);
  const runningPieces = pieces.filter((p) => RUN_PIECE.test(p));
  const stopPieces = pieces.filter((p) => STOP_PIECE.test(p) && !RUN_PIECE.test(p));
  const off = numbered(stopPieces);
  const on = numbered(runningPieces);
  const counted = firstCounted(text);
  const stopped = first(STOPPED, text.replace(TOTAL[0]![0], '').replace(EXCEPT, '')) ?? (off.size > 0 ? off.size : null);
  const exceptNumbered = EXCEPT_NUMBERED.exec(text);
  const keptNumbered = exceptNumbered ? (exceptNumbered[1]!.match(/(?:\d+|[一二三四五六七八九十])(?=号|#)/g) ?? []).length : 0;
  const kept = first(KEPT, text) ?? (keptNumbered > 0 ? keptNumbered : null) ?? (on.size > 0 && [...off].every((u) => !on.has(u)) ? on.size : null);
  // All of the units stopped is all of them: 100, which parseMeasureText reads as the plant stopping.
  const pct = (m: number, n: number) => (m > 0 && m <= n ? (m / n) * 100 : null);
  if (total === null && counted !== null && stopped !== null && counted > stopped) return pct(stopped, counted);
  if (total === null && counted !== null && kept !== null && counted > kept) return pct(counted - kept, counted);
  if (total !== null && stopped !== null) return pct(stopped, total);
  if (total !== null && kept !== null) return pct(total - kept, total);
  if (stopped !== null && kept !== null) return pct(stopped, stopped + kept);
  return null;
}
