/**
 * Reading one clause of a measure text ("限产30%", "1号窑停产", "停止使用国四及以下重型柴油车运输").
 *
 * Every pattern is anchored at both ends and every free-text gap excludes the clause separators
 * (, ; 。; 、 only inside a list of names or a transport phrase), so a clause is only "interpreted" when all
 * of it was understood, bracket notes included (only notes that cannot change a measure are let through,
 * see BENIGN_NOTE): a stray word never hides
 * behind a keyword (domain.md §3: measures must be 可操作、可监测、可核查; what we cannot read, the
 * caller must show to people). measureText.ts relies on this when it decides whether to join pieces.
 */
import { NUMBER_SRC, SHARE_SRC, parseChineseNumber, parseShare, roundOne } from './chineseNumber.js';
import { limitByShare } from './shareGrammar.js';

export type ClauseKind =
  | 'stop'
  | 'stop_part'
  | 'limit'
  | 'self'
  | 'exempt'
  | 'none'
  | 'truck_ban'
  | 'road_transport_ban'
  | 'non_road_ban'
  | 'voc_no_venting'
  | 'no_outdoor_spraying'
  | 'heat_based'
  | 'activity_ban'
  | 'other';

export interface ClauseReading {
  kind: ClauseKind;
  /** Share limited or stopped, percent; 100 for a whole-plant stop; null when the clause states none. */
  limitPct: number | null;
  /** Named lines / processes / equipment that must stop (stop_part only). */
  processes: string[];
}

/** Longer clauses are not measure phrases; refusing them also bounds the regex work on garbage. */
const MAX_CLAUSE_CHARS = 200;

const reading = (kind: ClauseKind, limitPct: number | null = null, processes: string[] = []): ClauseReading => ({
  kind,
  limitPct,
  processes,
});
const OTHER: ClauseReading = reading('other');

// ---------------------------------------------------------------- frame: numbering, labels, lead verbs

/** Prefixes and suffixes that frame a measure without changing it ("1、", "橙色预警期间:", "执行…措施"). */
const NUMBERING = /^(?:\(\d{1,2}\)|\d{1,2}(?:、|[.)](?!\d))|[①-⑳]|[一二三四五六七八九十]{1,3}、)/;
const LEVEL_LABEL =
  /^(?:(?:启动)?(?:(?:黄色|橙色|红色)(?:预警)?(?:\((?:[ⅠⅡⅢIV123一二三]+级(?:响应)?)\))?|[ⅠⅡⅢ123一二三]级|I{1,3}级)(?:应急)?(?:响应)?(?:期间|时)?|预警期间|应急期间|管控期间|应急响应期间)[:]?/;
const FRAME_HEAD: RegExp[] = [
  NUMBERING,
  /^(?:减排)?措施[:]/,
  /^(?:执行)?["“”'‘’《]?一[厂企]一策["“”'‘’》]?(?:措施)?[:]?/,
  // A grade written before the measure ("A级企业自主减排") does not change it.
  /^(?:[ABCD][+-]?[级类]|引领性)(?:企业)?[:]?/i,
  /^(?:绩效(?:评级|等级)?(?:为)?)?[ABCD][+-]?(?:级)?[:]/i,
  // The kind of plant, said before a colon ("陶瓷企业：6条窑线停3条").
  /^[^,;。:\d]{1,8}?(?:企业|行业|单位)[:]/,
  // The enterprise speaking for itself: "我公司承诺", "本厂保证", "我单位将", "本企业预警期间".
  /^(?:我公司|我厂|我们厂|我们|我单位|本公司|本厂|本企业|本单位|企业)(?:承诺|保证|将|会|计划)?[:]?/,
  /^(?:承诺|保证|确保|计划)(?!达标|正常)[:]?/,
  /^(?:在|于)?(?:黄色|橙色|红色)?预警(?:期间|时)[,]?/,
  /^(?:并且|并|同时|且|另外|以及|应当|应|须|需)/,
  /^(?:严格)?(?:执行|实施|落实|采取)/,
];
const FRAME_TAIL: RegExp[] = [/[.!?。]+$/, /(?:的)?(?:管控)?措施$/];

function stripFrame(text: string, levelLabels: boolean): string {
  const heads = levelLabels ? [LEVEL_LABEL, ...FRAME_HEAD] : FRAME_HEAD;
  let t = text;
  for (let changed = true; changed && t.length > 0;) {
    changed = false;
    for (const re of [...heads, ...FRAME_TAIL]) {
      const next = t.replace(re, '');
      if (next !== t) {
        t = next;
        changed = true;
      }
    }
  }
  return t;
}

// ---------------------------------------------------------------- names of lines and processes

/** Words a process name may end with; in "喷涂、烘干工序" the last one is shared by the whole list. */
const FACILITY_SUFFIXES = ['生产线', '产线', '车间', '工序', '工段', '机组', '设备', '装置', '系统', '工艺', '设施', '窑', '炉', '磨', '线', '机', '站'];

/**
 * A name that contains a measure word is not a name: "停止喷涂、限产30%" is two measures, not one list.
 * 其余/其他 ("the rest") depend on another clause, so "其余停产" is left for a person.
 */
const NOT_A_NAME =
  /停产|停止|停用|停运|关停|限产|减产|压减|降低|禁止|严禁|不得|自主|减排|保障|以热定产|%|百分之|国[一二三四五六1-6ⅠⅡⅢⅣⅤⅥ]|国I|国V|非道路|运输|负荷|除外|保温|保压|^生产(?![线车设装])|[,;。:!?]|^[不无禁的]|^除(?!尘)|^(?:其余|其他|其它|剩余)|由\d/i;

function isName(s: string): boolean {
  if (s.length === 0 || s.length > 25) return false;
  if (NOT_A_NAME.test(s)) return false;
  if (!/[\p{Script=Han}A-Za-z]/u.test(s)) return false;
  return (s.match(/\(/g) ?? []).length === (s.match(/\)/g) ?? []).length;
}

/** A subject before a limit ("1号窑限产30%"): empty, or a name. */
const isSubject = (s: string | undefined): boolean => !s || isName(s);

/** 磨, 线, 机 and 站 end other words too (打磨, 停机): after fewer than two characters they are not a facility word. */
const hasOwnSuffix = (item: string): boolean =>
  FACILITY_SUFFIXES.some((suffix) => item.endsWith(suffix) && (!['磨', '线', '机', '站'].includes(suffix) || item.length >= 3 || /[\d#号]/.test(item)));

/** A facility word, a number or 号/#: "1号窑", "熔炼炉", "2#线". */
const looksLikeFacility = (s: string): boolean => /\d+\s*(?:[#号条台座套]|$)|[#号]/.test(s) || hasOwnSuffix(s);

/**
 * "喷涂、烘干工序" → ['喷涂工序', '烘干工序']; "1号、2号窑" → ['1号窑', '2号窑']. 、和及与 separate items;
 * the last item's facility word is given to earlier items that have none. Null when an item is not a name.
 * With facilitiesOnly (a list written before its verb, "1号窑、2号窑停产"), every item of a list must look like
 * a facility, so that a stray word before the list is not swallowed as a process.
 */
function splitNames(list: string, facilitiesOnly: boolean): string[] | null {
  const items = list.split(/[、和及与]/).map((s) => s.trim());
  const last = items[items.length - 1] ?? '';
  const shared = FACILITY_SUFFIXES.find((suffix) => last.endsWith(suffix) && last.length > suffix.length);
  const names = items.map((item, i) => (shared && i < items.length - 1 && !hasOwnSuffix(item) ? item + shared : item));
  if (!names.every(isName)) return null;
  // Judged on the items as written: "乱七八糟、1号窑" must not pass as 乱七八糟窑.
  if (facilitiesOnly && items.length > 1 && !items.every(looksLikeFacility)) return null;
  return names;
}

// ---------------------------------------------------------------- the readers, one per kind

const SUBJ = String.raw`([^,;。、]{0,20}?)`;
const TRUCK_PFX = String.raw`(?:用车大户|重点用车企业|企业|全厂|厂区内|厂区|厂内|运输车辆|进出车辆|(?:大宗)?物料运输|原辅材料和产品运输|原料和产品运输|原辅料及产品|产品运输)?`;
const NOTE = String.raw`(?:\([^()]*\))?`;
const VEHICLE_END = String.raw`(?:车辆|车|运输|进出厂区|进出厂|进出|出入|进厂|入厂)`;
const BOUND = String.raw`(?:及以下|以下|以内|之内)?`;
const SHARE = `(${SHARE_SRC})`;

const re = (src: string): RegExp => new RegExp(`^${src}$`, 'i');

type Reader = (t: string) => ClauseReading | null;

const readNone: Reader = (t) =>
  /^(?:无|暂无|不涉及|无需|无要求|不需要|不采取|无需采取|无此项|目前无需采取减排|无需采取减排|没有排放,?不用管|无生产设施|本公司仅为办公场所,?无生产设施|措施待定[^,;。]*|暂时没有减排措施,?等镇里通知|该企业不涉及应急减排|不涉及应急减排措施|暂时没有减排措施|暂无减排|暂无减排措施|本级别无需采取减排措施|无需采取减排措施|本级别无需采取减排|无需采取减排|未制定|待定|无具体措施|无具体|该级别不适用|本级别不适用|此项无|N\/?A\([^()]*\)|维持正常生产|无减排|无减排措施|无需减排|无减排要求|不涉及应急减排|未涉及|暂不安排|不适用|\(空\)|空|无停限产要求|不涉及停限产|N\/?A|正常生产(?:经营)?|[—–-]+|\/|\\|…+|\.+)$/i.test(
    t,
  )
    ? reading('none')
    : null;

/** domain.md §3: 保障类 are listed but exempt; 以热定产 runs at the approved heat load. */
const readExempt: Reader = (t) => {
  if (/^(?:按照?)?以热定产(?:运行|生产)?$|^按供热需求(?:组织)?生产$/.test(t)) return reading('heat_based');
  if (
    /^(?:属于|属|列为|列入|纳入|作为)?(?:民生)?保障(?:类|性)?(?:企业|行业|清单)?$/.test(t) ||
    /^(?:不停限产|不采取停限产措施|不实施停限产|不采取停产限产措施|豁免停限产|免于停产|免于停限产|保障民生|保障运行|按保障任务量生产)$/.test(t) ||
    /^(?:承担)?(?:居民|集中)?(?:供暖|供热)(?:任务)?,?(?:不得停产限产|不能停|不停产|不得停产)$|^(?:我们是)?给居民供暖的,?不能停$/.test(t) ||
    /^(?:民生)?豁免(?:管控|企业|类)?$/.test(t) ||
    /^(?:(?:民生)?保障类?(?:企业)?)?(?:不停产、?不限产|不限产、?不停产|不停不限|不停产|不限产)$/.test(t)
  )
    return reading('exempt');
  return null;
};

/** domain.md §3: A / 引领性 → 自主减排. */
const readSelf: Reader = (t) =>
  /^(?:鼓励)?(?:企业)?(?:根据自身情况)?(?:实施|执行|采取|开展)?自主(?:采取|实施|开展|确定)?(?:减排|管控)(?:措施|行动)?$/.test(t) ||
  // Self-reduction in other words: 自愿, 自行安排, 由企业自定, 自主决定; encouraged, not ordered.
  /^(?:企业)?(?:自愿|自行)(?:采取|安排|开展|实施)?(?:减排|减产)(?:措施)?$|^(?:根据企业实际)?自行安排减排$|^减排措施由企业自定$|^企业自主决定(?:是否)?(?:减产|减排|限产)?$|^鼓励(?:错峰生产|减排|减产|自主减排)$|^(?:我们是)?[AB][+-]?级的?,?自己减(?:排)?$|^(?:结合|根据)自身情况自主减排$/.test(
    t,
  )
    ? reading('self')
    : null;

/** domain.md §3 (D: 停止公路运输) and §4 (用车大户: no 国四-and-below heavy diesel trucks). */
const ROAD = re(`${TRUCK_PFX}(?:停止|禁止|暂停|不得|严禁|不允许)(?:使用|进行|采用)?(?:物料|货物)?(?:公路|道路|汽车)(?:货物|物料|原料|产品|货)?运输${NOTE}`);
const OLD_TRUCK = String.raw`(?:国[四4三3]|国IV|国Ⅳ|国III|国Ⅲ|国[五5V]以下|国Ⅴ以下|重型柴油|柴油货车|重型货车|重型载货|柴油车|重型车)`;
const TRUCK_BAN = [
  re(`${TRUCK_PFX}(?:停止使用|禁止使用|不得使用|严禁使用|不使用|停用|停止|禁止|严禁|不得|不允许)[^,;。]{0,30}?${OLD_TRUCK}[^,;。]{0,40}?${VEHICLE_END}${NOTE}`),
  re(`${OLD_TRUCK}[^,;。]{0,30}?(?:禁止|停止|不得|严禁)(?:使用|进出厂区|进出厂|进出|进厂|入厂|运输)?${NOTE}`),
];
const NEW_TRUCK_ONLY = re(
  `${TRUCK_PFX}(?:全部|一律|须|必须)?(?:(?:仅|只)(?:允许|使用|采用)?|允许|使用|采用|启用)[^,;。]{0,30}?(?:国[五六56]|国VI?|国Ⅴ|国Ⅵ|新能源|电动)[^,;。]{0,40}?${VEHICLE_END}${NOTE}`,
);
const readTransport: Reader = (t) => {
  // Encouraged, preferred: not a ban an inspector can hold the plant to.
  if (/鼓励|优先|建议|倡导/.test(t)) return null;
  if (ROAD.test(t)) return reading('road_transport_ban');
  if (TRUCK_BAN.some((r) => r.test(t))) return reading('truck_ban');
  // "国五及以上 only" is the same ban written the other way round.
  if (NEW_TRUCK_ONLY.test(t) && /及以上|以上|仅|只|全部|一律|须|新能源|电动/.test(t) && !/优先|鼓励/.test(t)) return reading('truck_ban');
  if (/^(?:运输车辆|货运车辆)(?:全部)?停运$/.test(t)) return reading('road_transport_ban');
  return null;
};

/** domain.md §4: 国二-and-below non-road machinery is banned in plants and parks. */
const NON_ROAD = [
  re(`${TRUCK_PFX}(?:禁止|停止|严禁|不得|不允许)(?:使用)?[^,;。]{0,20}?非道路(?:移动)?机械(?:作业|使用|进出|进场)?${NOTE}`),
  re(`${TRUCK_PFX}(?:国[二2一1]|国II|国Ⅱ|国I|国Ⅰ)[^,;。]{0,10}?非道路(?:移动)?机械(?:禁止|停止|严禁|不得)(?:使用|作业|进场)?`),
  // The machines by name: 叉车, 装载机, 挖掘机 of 国二 and below.
  re(
    `(?:叉车|装载机|挖掘机|推土机)(?:[、和及与](?:叉车|装载机|挖掘机|推土机))*(?:停止|禁止|严禁|不得)(?:使用)?(?:国[二2一1]|国II|国Ⅱ)(?:及以下)?(?:排放标准)?(?:的)?(?:机械|设备)?`,
  ),
];
const readNonRoad: Reader = (t) => (NON_ROAD.some((r) => r.test(t)) ? reading('non_road_ban') : null);

/** domain.md §4: VOC enterprises — no 开停车 / 检修放空, no 露天喷涂. Neither changes the action. */
const VENT_ITEM = '(?:开停车|开停工|开停机|检修放空|检维修|装置检修|设备检修|停车检修|检修|放空|吹扫|储罐清洗|倒罐)';
const VENTING = re(`${TRUCK_PFX}(?:禁止|严禁|不得|停止|不进行|避免|不安排)(?:进行|开展|安排)?${VENT_ITEM}(?:[、和及与或/]${VENT_ITEM})*(?:作业|操作|活动)?`);
/** Outdoor spraying, and the outdoor work inspectors check with it (domain.md §6: no open-air cutting/spraying). */
const SPRAY = '(?:喷涂|喷漆|涂装|刷漆|喷砂|切割|焊接|打磨|作业)';
const OUTDOOR = [
  re(`${TRUCK_PFX}(?:禁止|严禁|不得|停止|杜绝|不进行)(?:进行|开展)?(?:露天|户外|室外)${SPRAY}(?:[、和及与]${SPRAY})*(?:作业|施工)?`),
  re(`(?:露天|户外|室外)[^,;。]{0,6}?(?:作业)?(?:全部|一律)?(?:停止|禁止)`),
];
const readVoc: Reader = (t) => {
  if (VENTING.test(t)) return reading('voc_no_venting');
  if (OUTDOOR.some((r) => r.test(t))) return reading('no_outdoor_spraying');
  return null;
};

/**
 * Bans on an activity, not on production (domain.md §6): loading and moving materials, earthworks and
 * building, open burning and fireworks — "物料装卸停止", "停止厂区内土石方作业", "禁止露天焚烧". Each is a
 * check item of its own; none changes the action.
 */
const ACTIVITY = '(?:物料装卸|装卸和转运|装卸|转运|倒运|物料倒运|土石方|建设施工|建筑施工|施工|拆迁|拆除|露天焚烧|焚烧|燃放烟花爆竹|露天堆放)';
const ACTIVITY_BAN = [
  re(`${TRUCK_PFX}(?:停止|禁止|严禁|不得|杜绝)(?:进行|开展)?(?:厂区内|厂内)?${ACTIVITY}(?:[、和及与]${ACTIVITY})*(?:作业|施工|活动)?`),
  re(`(?:厂区内|厂内)?${ACTIVITY}(?:作业|施工|活动)?(?:全部)?(?:停止|禁止)`),
];
const readActivity: Reader = (t) => (ACTIVITY_BAN.some((r) => r.test(t)) ? reading('activity_ban') : null);

/**
 * "停用2条生产线中的1条", "停用4台定型机中的2台", "2条生产线停1条" (C: 以停代限, stop a share of lines or
 * units) → stop_part with m / n of them. The same counter word on both numbers (条…条, 台…台).
 */
const LINE = '(生产线|产线|线)';
const STOP_V = '(?:停用|停止|关停|停产|停运)';
const COUNT = `(${NUMBER_SRC})`;
const COUNTER = '(条|台|座|套|个|组|孔|口)';
const UNITS = '([^,;。、\\d]{0,12}?)';
const OF = '(?:中的|中|里的|其中的?)';
const LINES_OF = [
  // [regex, n, counter, noun before, m, noun after (0: none)]
  [re(`${STOP_V}${COUNT}${COUNTER}${UNITS}${OF}${COUNT}\\2${UNITS}`), 1, 2, 3, 4, 5],
  [re(`${COUNT}${COUNTER}${UNITS}${OF}?(?:${STOP_V}|停)${COUNT}\\2${UNITS}`), 1, 2, 3, 4, 5],
  [re(`${COUNT}${COUNTER}${UNITS}${OF}${COUNT}\\2(?:停产|停用|停运|停止生产|关停)`), 1, 2, 3, 4, 0],
] as const;
const SHARE_OF_LINES = [
  re(`${STOP_V}(?:不少于|不低于|至少|其中)?${SHARE}(?:以上)?(?:的)?([^,;。、\\d]{0,8}?${LINE})`),
  re(`${SHARE}(?:的)?([^,;。、\\d]{0,6}?${LINE})(?:停产|停用|停运|停止生产|关停)`),
  re(`([^,;。、\\d]{0,6}?${LINE})${STOP_V}${SHARE}`),
  re(`${SHARE}(?:的)?([^,;。、\\d]{1,8}?(?:机|炉|窑|设备|机组))(?:停机|停用|停运|停产)`),
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
const HALF_OF_UNITS = re(`[^,;。、\\d]{1,8}?(?:机|炉|窑|线|设备|槽)(?:停开一半|停用一半|停一半|开启数量减半|开机数量减半|运行数量减半)`);

const readLineShare: Reader = (t) => {
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
    return reading('stop_part', roundOne((m / n) * 100), [`${nText}${counter}${units}中的${mText}${counter}`]);
  }
  for (const [i, r] of SHARE_OF_LINES.entries()) {
    const g = r.exec(t);
    if (!g) continue;
    // The share first and the units after, or the units first and the share last.
    const [share, units] = i < 2 ? [g[1] ?? '', g[2] ?? ''] : [g[g.length - 1] ?? '', g[1] ?? ''];
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
    return reading('stop_part', roundOne((off / total) * 100), [m[0]]);
  }
  if (HALF_OF_UNITS.test(t)) return reading('stop_part', 50, [t]);
  if (re(`(?:停|停用|停运|停开|关停)${COUNT}${COUNTER}`).test(t)) return reading('stop_part', null, [t]);
  // "停产一条生产线", "共5台熔炼炉，停用3台" (the total said in another clause): named units, no share.
  const g = re(`(?:停产|停用|停止|关停)${COUNT}${COUNTER}((?:生产线|产线|线|窑|炉|机|设备)[^,;。]{0,6})`).exec(t);
  if (g) return reading('stop_part', null, [`${g[1]}${g[2]}${g[3]}`]);
  return null;
};

/**
 * Tonnage limits (domain.md §3: "原料日投料量由960吨降低到768吨及以下" is a 20 % limit):
 * 由X降低到Y, X降至Y, 控制在Y以内(正常X), (正常X)控制在Y → round((X−Y)/X×100, 1).
 */
const AMOUNT = String.raw`(\d+(?:,\d{3})*(?:\.\d+)?)`;
const UNIT = String.raw`((?:万吨|吨|千克|公斤|kg|t|立方米|m3|m³|方|件|台|套|个|只|平方米|㎡|%|小时|h|班|车|块|万块|条|座|天|窑次|窑|批|炉|次|千瓦时|万千瓦时|度)?(?:/天|/日|/d|每天|每日)?)`;
const NORMAL = '(?:正常生产时?|正常产量|正常日产量|正常情况下|正常|原产量|原设计|原|设计产能|设计|平时|平常)(?:的|为|是|约)?';
const DOWN_TO = '(?:降低|降|减少|压减|削减|下降|调整|调减|控制|减|压缩|压|缩减|缩短|限制)?(?:到|至|为|在)';
const CAP_AT = '(?:控制在|降至|降低到|降低至|降到|减至|压减至|压减到|不超过|不高于|限制在|限至|限制至|限制到|调整为|调整至)';
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
/** "结焦时间由20小时延长至40小时": a coke oven's coking time doubled halves its output (1 − 20/40). */
const COKING = re(`(?:出焦|结焦)时间由${AMOUNT}小时延长(?:至|到)${AMOUNT}小时(?:以上)?`);
const COKING_NOTED = re(`(?:焦炉)?延长(?:出焦|结焦)时间(?:至|到)${AMOUNT}小时(?:以上)?\\(正常(?:为)?${AMOUNT}小时\\)`);
const readTonnage: Reader = (t) => {
  const shifts = SHIFTS.exec(t);
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

/** "生产负荷降至80%", "按80%负荷生产": a limit of 100 − the share kept. */
const LOAD = '(?:生产负荷|运行负荷|负荷|日产量|产量|产能|开工率|产能利用率|生产规模|日?用气量|日?用电量|日?用煤量|天然气用量|能耗)';
const LIMIT_TO = [
  // [regex, subject group (0: none), share group]
  [re(`${SUBJ}${LOAD}${CAP_AT}(?:正常水平|正常产量|正常|核定产能|设计产能|设计能力|批复产能)?(?:的)?${SHARE}${BOUND}`), 1, 2],
  [re(`${SUBJ}(?:降低|降|压减|减少|控制)(?:生产)?(?:负荷|产量|产能)(?:至|到)${SHARE}${BOUND}`), 1, 2],
  [re(`(?:按|按照)(?:不超过|不高于)?(?:正常|核定|设计)?(?:生产)?(?:产能|负荷|产量)?(?:的)?${SHARE}(?:的)?(?:负荷|产能|产量)?(?:生产|运行|组织生产)`), 0, 1],
] as const;
/** "限产30%", "压减产量三成", "降低负荷20%": a limit by the share. 停产30% is read as a limit too (no named line). */
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
  '停产',
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
  `${SUBJ}(?:半负荷(?:生产|运行)|减半(?:生产)?|产量减半|(?:实行)?隔(?:日|天)生产(?:制度)?|单班生产\\(原(?:两|2)班\\)|由(?:两|2)班(?:倒)?改为单班(?:生产)?|[^,;。]{0,8}?轮流生产,?同一时间只开(?:一|1)条)`,
);
/** "每日20时至次日8时停止生产": stopped for part of each day, a limit with no share stated. */
const NIGHT_STOP = re(`(?:每日|每天)?(\\d{1,2})(?:时|点|:00)至(?:次日)?(\\d{1,2})(?:时|点|:00)(?:停止生产|停产|不生产)`);
const LIMIT_BARE = re(
  `${SUBJ}(?:限产|限制生产|减产|降负荷(?:运行|生产)?|降低负荷|压减产量|限制生产负荷|降低生产负荷|控制生产规模|压缩生产规模|单班生产|错峰生产|轮流生产|间歇生产|轮产|(?:延长)(?:出焦|结焦)时间(?:至\\d+小时(?:以上)?)?|(?:出焦|结焦)时间延长(?:至\\d+小时(?:以上)?)?)`,
);
const readLimit: Reader = (t) => {
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
  const night = NIGHT_STOP.exec(t);
  if (night) {
    // Hours stopped of the day's 24, for a plant that runs round the clock.
    const hours = (Number(night[2]) - Number(night[1]) + 24) % 24;
    return reading('limit', hours > 0 ? roundOne((hours / 24) * 100) : null);
  }
  // "限产30": the share without its sign, as a person typing fast writes it.
  g = /^限产(\d{1,2})$/.exec(t);
  if (g) return reading('limit', Number(g[1]));
  g = LIMIT_BARE.exec(t);
  if (g && isSubject(g[1])) return reading('limit');
  return null;
};

/** domain.md §3: D → stop production. "全厂停产", "停止生产", "生产线全部停产". */
const WHOLE_PLANT =
  '(?:全厂|全部|企业|整厂|整体|全线|全企业|全面|所有生产线|全部生产线|生产线全部|所有产线|全部产线|所有工序|全部工序|各工序均?|所有设备|全部设备|所有生产设备|全部生产设备|全部车间|所有车间|本厂)';
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
const STOP = [
  re(
    `${EXCEPT_KEPT}(?:处于)?${WHOLE_PLANT}?${AT_ONCE}?${STILL}?(?:全部)?(?:停产|停止生产|暂停生产|停工|停业|停厂|停止一切生产|停产停工|停工停产|停产停业|停产整治|停产放假|停机停产|停炉停产|停产停机|停止生产活动|停止全部生产|停止所有生产|停止生产经营(?:活动)?|停止生产作业|关停|停运|停止运行|禁止生产|严禁生产|不得生产)(?:状态|执行)?`,
  ),
  re(`${EXCEPT_KEPT}停止(?:全厂|全部|所有|一切)(?:生产|生产活动|生产工序|工序)`),
  re(`按停产执行`),
  re(`${WHOLE_PLANT}(?:停车|停机)(?:放假)?`),
  re(`(?:本企业|本厂|企业)?(?:预警期间)?停机放假`),
  // Coke ovens banked, kilns only kept warm, no machine started: the plant makes nothing.
  re(`(?:[^,;。]{0,6}?)?(?:闷炉|焖炉)(?:保温)?`),
  re(`(?:除[^,;。]{0,12}?外)?不得开启任何生产设备`),
  re(`(?:窑炉|炉窑)?仅保温,?不出产品`),
];
/** "停止喷涂工序", "停止铸造车间生产", "1号窑停产", "熔炼炉停用", "停窑": named parts stop (stop_part). */
const STOP_PART = [
  [re(`(?:停止使用|停止运行|停止|停用|关停|停运|暂停|关闭)([^,;。:]+?)(?:生产|运行)?`), false],
  [re(`([^,;。:]+?)(?:全部)?(?:停用|停运|停止运行|停止使用|停止作业|关停|停机|停止|停炉|停窑|封炉|封窑|熄火|停火|停掉|停)`), true],
  // 停产 and 停工 stop a plant: what stands before them is a part only when it is plainly one ("1号窑停产",
  // "喷涂车间停产"), never a stray word ("气停产" is the plant stopping, with a word haze cannot place).
  [re(`([^,;。:]+?)(?:全部)?(?:停产|停止生产|停工)`), 'facilities'],
  [re(`停((?:\\d+|[一二三四五六七八九十]+)?[号#]?(?:窑|炉|磨|生产线|线))`), false],
] as const;
const readStop: Reader = (t) => {
  if (STOP.some((r) => r.test(t))) return reading('stop', 100);
  for (const [r, facilitiesOnly] of STOP_PART) {
    const g = r.exec(t);
    if (!g) continue;
    const names = splitNames(g[1] ?? '', facilitiesOnly !== false);
    if (!names) continue;
    if (facilitiesOnly === 'facilities' && !(g[1] ?? '').split(/[、和及与]/).every((item) => looksLikeFacility(item) || /全部|所有|一切|^部分$/.test(item)))
      continue;
    const [only] = names;
    if (names.length === 1 && only !== undefined && WHOLE_NAMES.has(only)) return reading('stop', 100);
    // "喷涂、烘干、打磨等全部工序", "成型、干燥等全部生产工序": every process, named or not, is the whole plant.
    if (names.some((n) => /(?:等|及)?(?:全部|所有|一切)(?:生产)?(?:工序|车间|设备|生产线)$/.test(n))) return reading('stop', 100);
    // "部分停产" states a part stop but names no part: nothing to list for the inspector.
    if (names.length === 1 && (only === '部分' || only === '局部')) return reading('stop_part');
    return reading('stop_part', null, names);
  }
  return null;
};

/** Order matters only where forms overlap: 停止露天喷涂 is a VOC measure before it is a stopped process. */
/** What the patterns above leave: a share of a quantity, kept or cut (shareGrammar.ts). */
const readShare: Reader = (t) => {
  const pct = limitByShare(t);
  if (pct === null) return null;
  // A share of the machines running ("硫化机开机数量控制在60%以内") stops a share of them: a partial stop.
  return /开机(?:数量|台数)|运行台数|生产线数量/.test(t) ? reading('stop_part', pct, [t]) : reading('limit', pct);
};

const READERS: Reader[] = [
  readNone,
  readExempt,
  readSelf,
  readTransport,
  readNonRoad,
  readVoc,
  readActivity,
  readLineShare,
  readTonnage,
  readLimit,
  readShare,
  readStop,
];

function readCore(t: string): ClauseReading | null {
  for (const read of READERS) {
    const r = read(t);
    if (r) return r;
  }
  return null;
}

/**
 * Notes in brackets that do not change a measure: the limit's basis ("(以核定产能计)") and the rule that
 * pollution-control equipment keeps running (domain.md §6). Any other note leaves the clause uninterpreted:
 * "停产(除1号线外)" must reach a person.
 */
/** "(D级)", "(二级响应)", "(A+级)": the grade or the level, said again. */
const LABEL_NOTE = /^\((?:[ABCD][+-]?级|引领性|[ⅠⅡⅢ123一二三]级(?:响应)?|I{1,3}级(?:响应)?|(?:黄色|橙色|红色)(?:预警)?)\)$/;
/**
 * What a stopped plant keeps running or is told to include: systems kept for safety, heat kept in kilns, the
 * processes the stop covers ("(保留循环水系统运行)", "(炉窑保温除外)", "(包括喷漆、烘干)", "(未复产)").
 */
const STOP_KEEPS =
  /^\((?:保留|含|包括|包含)[^()]*\)$|^\([^()]*(?:保温|保压|安全|循环水|应急|抢险|环保|治污)[^()]*(?:除外|运行|外)?\)$|^\(未复产\)$|^\(生产线全部停运[^()]*\)$/;
const BENIGN_NOTE: Partial<Record<ClauseKind, (note: string) => boolean>> = {
  limit: (n) => /^\((?:以|按)[^()]*(?:产能|产量|计)[^()]*\)$/.test(n) || /^\((?:以|按|通过)[^()]*(?:方式|实现)[^()]*\)$/.test(n),
  stop: (n) =>
    STOP_KEEPS.test(n) || (/环保|治污|污染防治|废气|除尘|脱硫|脱硝/.test(n) && /运行|开启|正常/.test(n) && !/除|外|保留生产/.test(n.replace(/除尘/g, ''))),
  stop_part: (n) => /环保|治污|污染防治|废气|除尘|脱硫|脱硝/.test(n) && /运行|开启|正常/.test(n) && !/除|外|保留生产/.test(n.replace(/除尘/g, '')),
};

export interface ReadOptions {
  /**
   * Read "橙色预警期间：停产" as "停产". parseMeasureText turns this off when one cell names two levels
   * ("黄色预警：限产20%；橙色预警：停产"): which part applies is for a person to decide.
   */
  levelLabels: boolean;
}

/** Reads one clause (already normalised); never throws. Unreadable → kind 'other'. */
export function readClause(text: string, options: ReadOptions = { levelLabels: true }): ClauseReading {
  if (text.length > 2 * MAX_CLAUSE_CHARS) return OTHER;
  const t = stripFrame(text.replace(/\s+/g, ''), options.levelLabels);
  if (t.length === 0 || t.length > MAX_CLAUSE_CHARS) return OTHER;
  const direct = readCore(t);
  if (direct) return direct;
  // "按比例停产：停止40%产线", "限产要求：停止2条生产线中的1条": a short label, then the measure itself.
  // A label naming a level is not taken off here: LEVEL_LABEL does that, and only when the cell names one level.
  const labelled = /^([^:\d%]{1,8}):(.+)$/.exec(t);
  if (labelled && !/黄色|橙色|红色|预警|级响应|[ⅠⅡⅢ]级/.test(labelled[1] ?? '')) {
    const rest = readCore(stripFrame(labelled[2] ?? '', options.levelLabels));
    if (rest) return rest;
  }
  const noted = /^(.+?)(\([^()]*\))$/.exec(t);
  if (noted) {
    const inner = readCore(stripFrame(noted[1] ?? '', options.levelLabels));
    if (inner && (LABEL_NOTE.test(noted[2] ?? '') || BENIGN_NOTE[inner.kind]?.(noted[2] ?? ''))) return inner;
  }
  return OTHER;
}
