/**
 * Never weaker than written: the least a measure text asks for, from the words of the parts haze could not
 * read clause by clause. A 停产 anywhere in an unread part means the plant is visited as a stop; a 停止 or
 * 停用 of something, as a partial stop; a limit word, as a limit; a ban on old trucks, as a truck ban. The
 * reading of the whole text is then at least this strong (parseMeasureText), the unread words are still kept
 * and shown — on the checklist as an item to check "as written", in the notice, and as a warning in
 * `validate` — so a person reads what haze could not.
 *
 * Each signal is a line of the lexicon below, with an example; a new wording of a stop is a new line there.
 */
import { ACTIONS, type Action } from '../model.js';
import { parseShare, SHARE_SRC } from './chineseNumber.js';
import { limitByShare } from './shareGrammar.js';
import { GOES_ON, runsBeside, runsOn } from './wholeText.js';
import { isTruckBan, VEHICLE } from './truckWords.js';

export interface StrengthFloor {
  action: Action | null;
  /** A share stated plainly beside a limit word ("压减40%产能"), else null. */
  limitPct: number | null;
  truckBan: boolean;
  /**
   * The unread words ask for something haze knows is not a production measure (a ban on an activity, a
   * management step: "物料堆场全部苫盖", "加强门禁管理"): the text has spoken, and no rule's default is added.
   */
  spoken: boolean;
  /** The action came from a single-character signal (停, 减, 控 …), the floor's last resort. */
  generic: boolean;
  /** The pieces that gave the action and the truck ban (for `measures --explain`). */
  actionFrom: string | null;
  truckFrom: string | null;
}

interface Signal {
  action: Action;
  /** Matched against a piece haze could not read (normalised: half-width, no spaces). */
  words: RegExp;
  example: string;
  /** A single character: tested after NOT_GENERIC takes off the words that hold it without its meaning. */
  generic?: boolean;
}

/** Strongest first: the first signal found in a piece gives its floor. */
export const SIGNALS: readonly Signal[] = [
  // The whole plant stops. 停止生产 with a qualifier (保留…, …除外, 包括…) is still a stop.
  {
    action: 'stop',
    words:
      /停产|停止(?:全部|一切|所有)?生产(?!线)|停止(?:生产)?加工(?![^,;。]{0,4}(?:线|车间|工序))|唯一(?:一条|的)?[^,;。]{0,16}?(?:停产|停止生产)|(?:只|仅)(?:开|运行|保留)(?:环保|治污|除尘|污染防治)|不投料|不进坯|不进料|不上料|停止投料|全部断电|全厂(?:拉闸)?断电|拉闸断电|设备断电|断电停机|(?:工人|员工|职工)(?:全部)?(?:放假|回家|休假)|(?:全厂|全员|厂里)放假|^放假了?$|^歇了$|^(?:只|仅)(?:留|保留)?保温$|不进原料|原料不进(?!.{0,2}产品不出)|(?:设备|机器)[^,;。]{0,4}?(?:(?:一台|一个)(?:都|也)?|都)不开|(?:我们|咱们|俺们)?就放假|停机检修|停产检修|停炉检修|不安排生产|(?:以后|之后)再开(?:工)?$|(?:机器|设备)(?:都|全都|全部|全)停|^(?:机器|设备)停了$|(?:一块|一点|一件|一吨|一方)[^,;。]{0,3}?都不(?:出|做|生产)|(?:咱们|我们|俺们|咱|俺)?厂(?:里|子)?[^,;。]{0,6}?(?:就|都|全)停了|能停的(?:都|全)停|等(?:到)?(?:预警|应急)(?:结束|解除)(?:后)?(?:再|才)(?:开工|生产|开机)|大门关闭|(?:工厂|厂区|企业)关门|门锁上|歇工|不干了|(?:降为|降至|降到|减为|减至)(?:0|零)(?:吨|%)?$|不开炉|不开窑|不点火|停止出焦|停止推焦|不出(?:砖|产品|料|灰|货|瓷|窑)|暂停营业|停止营业|停止投料生产|停止出窑|(?<![\d#号])窑炉?(?:停火|熄火|灭火)|不再(?:组织)?生产|不组织生产|不得(?:组织|安排)生产|停工|停业|歇业|停止营业|停厂|关停|禁止生产|严禁生产|不得生产|不准生产|不许生产|全面停止|一律停止|全部停止|全厂停|全停|^停$|不开工|停止开工|不得开工|不准开工|全部停机|停机放假|放假停/,
    example: '全厂停产（保留循环水系统运行）',
  },
  // Something named stops: a line, a machine, a process — in any of the ways a stop is said.
  {
    action: 'stop_part',
    words:
      /停(?:\d+|[一二两三四五六七八九十]+)[条台座套个间只]|(?:仅|只)?(?:保)?留(?:\d+|[一二两三四五六七八九])[条台座套个]|(?:\d+|[一二两三四五六七八九十]+)[台条座套个间只口][^,;。\d]{0,6}?开(?:\d+|[一二两三四五六七八九十]+)|开\d+停\d+|停止|停用|停运|停机|停炉|停窑|停线|停开|停转|停掉|停下|停了|停车|封炉|封窑|封存|封停|熄火|闷炉|焖炉|关闭|关掉|暂停|不开|不运行|不使用|不得使用|禁用|拆除|(?:预警|期间|橙色|到时候|管控)[^,;。]{0,4}?不(?:喷漆|喷涂|焊接|打磨|烤漆|调漆|印刷|烘干)|不(?:喷漆|喷涂|焊接|打磨|烤漆|调漆|印刷|烘干)了|(?:房|机|线|炉|窑|车间|设备)不用(?![停限])|检修(?:\d+|[一二两三])[台座条]|休风|退出生产|[台座条][^,;。\d]{0,3}?修(?:\d+|[一二两三])/,
    example: '我公司停止2#生产线生产，1#生产线正常生产',
  },
  // Production is cut by a share or a quantity, or run less of the time.
  {
    action: 'limit',
    words:
      /(?:平时|正常|原来)(?:的)?(?:一半|[一二三四五六七八九]成|\d+%)|只(?:做|开|上)[一二两1-2]班|只上白班|只开白班|白班生产|单班生产|对折|(?:打)?[一二三四五六七八九]折|少产|少做|少生产|少用|少干|少炸|少烧|开(?:个)?(?:[一二两三四五六七八九]成|\d+%)|\d+(?:h|小时|吨|t)?(?:→|->)\d+|班(?:倒|制|生产)?(?:改为|改成|调整为|减为|压减为|改[一二两三1-3]班)|结焦时间(?:由\d+小时)?延长|延长结焦|限产|限制生产|减产|压产|降产|压减|削减|减少|降低|下调|压缩|降至|降到|减至|缩减|缩短|减半|减量|半负荷|低负荷|降负荷|减负荷|限负荷|限电|限气|控制在|保持(?:在)?\d+(?:\.\d+)?%(?:的)?(?:产能|产量|负荷|生产)|不超过|不高于|不大于|不多于|最多|至多|以内|错峰|轮产|轮流生产|间歇生产|少开|减开|只开|仅开|开工率|负荷率|产量控制|用电量|用气量/,
    example: '日用气量控制在正常的60%以下',
  },
  { action: 'self', words: /自主|自愿|自行|自己控制|自己减|自己安排/, example: '根据自身情况自主减排' },
  {
    action: 'exempt',
    words: /(?:停限产|停产限产|限产)豁免|民生类|保障(?:类|性|物资|企业|任务|名单|单位|清单|生产)|应急物资|民生保障|保供|豁免|以热定产|以气定产|供暖|供热/,
    example: '生活垃圾焚烧发电，属民生保障类，正常运行',
  },
  // Last resort, still never weaker: any other stop word is a part stopping, any cut word a limit.
  { action: 'stop_part', words: /停|熄|关/, example: '烘干窑熄了', generic: true },
  { action: 'limit', words: /减|降|压|限|控/, example: '产量往下压三成', generic: true },
];

/**
 * A plant-stop word said of a numbered unit or of "some" of it is a part stopping: "一线保温停产", "1号窑停产",
 * "停产部分生产线", "局部停产".
 */
const PART_SUBJECT =
  /(?:\d+|[一二三四五六七八九十])(?:号|#)[^,;。]{0,8}?停|^[一二三四五六七八九]线|停产部分|部分(?:生产线|车间|工序|设备)?停产|局部停产|停产(?:\d+|[一二三四五六七八九十])(?:号|#)|停产(?:不少于|不低于|至少)?(?:\d+|[一二两三四五六七八九十]+)[条台座套个]|停产\((?:仅限|仅|限|只)?(?![含包保])[^()]{1,10}?(?:车间|工序|工段|生产线|线)\)|非[^,;。]{1,10}?(?:生产线|车间|工序|设备)(?:全部)?停产|(?:\d+|[一二两三四五六七八九十]+)[条台座套个间]停|^(?![^,;。]*(?:全部|所有|全厂|各|一切|唯一))(?!(?:生产线|产线|生产车间|车间|生产设备|生产设施)(?:全部)?停)[^,;。]{1,14}?(?:车间|工序|工段|房|装置|机组|炉|窑|线|磨)(?:\([^()]*\))?(?:全部)?(?:停产|停止生产)/;
/**
 * A stop said of a named subject while another part is limited or runs ("原药合成停产，制剂加工限产50%"): that
 * part stops, not the plant. The subject starts with a word ("a、停产" has none).
 */
const SUBJECT_STOP =
  /^(?![^,;。]*(?:全部|所有|全厂|整厂|企业|公司|本厂|我厂|各|一切|唯一|预警|响应|期间|立即|马上|即|原则上|采取|实行|实施))(?:[①-⑳]|\(\d{1,2}\)|\d{1,2}[、.])?(?=\p{Script=Han}|[A-Z]线)[^,;。]{2,14}?(?:停产|停止生产|停止投料|停止上料)/u;
const OTHER_GOES_ON = /限产|减产|压减|降至|降低|正常|照常|继续/;
/** Units counted as they stop: "停一座", "3台停1台". */
const COUNTED_STOP = /(?:停产|停用|停|关停|关|闷炉)(?:\d+|[一二两三四五六七八九十]+)[条台座套个间只]|[条台座套个间只]停(?:\d+|[一二两三四五六七八九十]+)/;
/** A named part of the plant stops, all of it: "东厂区全部停产", "喷涂车间全部停产". */
const NAMED_PART_STOPS = /^[^,;。]{1,10}?(?:厂区|分厂|车间|工段|工序|生产线|线)(?:全部)?(?:停产|停止生产)/;
/** What runs for pollution control or safety is not production going on. */
const AUXILIARY_RUNS = /污水|废气|除尘|环保|治污|净化|脱硫|脱硝|活性炭|安全|消防|保温|设备维护|维护保养/;
/** "停产50%生产线", "停产50%，以生产线计", "停产比例不低于40%": a share of the plant stops, a partial stop by that share. */
const STOP_SHARE = new RegExp(`停产(?:比例)?(?:不低于|不少于|达到|为)?(${SHARE_SRC})`);

/** Words that hold a single-character signal without its meaning: control in general, emissions, "related". */
const NOT_GENERIC =
  /自己控制|自行控制|门窗|关上|关好|干熄焦|管控|防控|监控|控制措施|减排|相关|有关|关于|机关|关注|关键|压力|限值|限期|期限|权限|降水|以限代停|以停代限/g;
/** Words that hold a signal's word without its meaning: dust kept down, noise, a car park. */
const NOT_A_SIGNAL = /停产(?:窑|线|车间)(?=的|产能|[^,;。]{0,2}(?:产能|断电|封))|降尘|抑尘|扬尘|除尘|降噪|减少排放口|停车场|停靠|停放/g;

/**
 * Bans that stop an activity, not production: open-air work, loading, venting, building work, burning
 * ("停止露天切割作业", "物料装卸停止"). They are check items of their own, and give no production floor.
 */
const ACTIVITY_BAN =
  /露天(?!矿)|户外|室外|装卸|倒运|焚烧|燃放|土石方|施工|(?<!停机|停产|停炉|停窑)检修(?!\d|[一二两三]|停)|检维修|放空|开停车|(?:储罐|溶剂|车辆|罐车|管道)清洗|苫盖|洒水|清扫|堆放|叉车|装载机|挖掘机|非道路|移动机械/;
/** Steps of management and upkeep: what an inspector can see done, asking for no production measure. */
const UPKEEP =
  /正常开|活性炭|按时更换|更换|加强|增加|确保|建立|密闭|苫盖|洒水|清扫|保洁|达标|正常运行|管控|台账|门禁|优先|鼓励|喷淋|抑尘|冲洗|尽量|公示|值班|巡查/;
/** A stop or limit said not to apply: "不停产不限产", "不采取停限产措施" give no floor of stopping. */
const NEGATED =
  /(?:可)?不(?:再)?执行(?:停产限产|停限产|停产|限产)(?:措施)?|(?:视|如遇|如接到|如有|若)[^,;。]{0,14}?(?:则|可)?(?:立即|进一步)?(?:全厂|全部)?停产|可进一步停产|(?:停(?:是)?)?停不了|不让停|不强制停限(?!产)|优先[^,;。]{0,6}?停产|不采取停产、限产(?:措施)?|原[^,;。]{0,8}?措施(?:\([^()]*\))?不再执行|不涉及(?:生产线)?(?:停产限产|停限产|限停产|停产|限产)|停产整治(?:已|已经)[^,;。]{0,8}?(?:完成|结束)|(?:停产限产|停限产|停产|限产)(?:的)?(?:要求|措施)?不适用|(?:停产|停止生产)[^,;。]{0,8}?(?:安排在|推迟到|放在)[^,;。]{0,8}?(?:解除|结束)后|不列入停?限?产(?:范围|名单)?|不停不限|不停(?![产止用运工机炉窑线火])|不在(?:强制)?停?限?产范围(?:内)?|不用停|不用限|不得停运|不得停用|不能停运|不参与(?:停产)?(?:限产)?|(?:停限产|停产限产|限产)豁免|不限(?:产)?(?![\d一二三四五六七八九十])|不得[^,;。]{0,4}?停炉|不停火|不熄火|不停窑|生产不停|不采取强制性?(?:停产限产|停限产|停产|限产)(?:措施)?|不得以[^,;。]{0,24}?代替[^,;。]{0,6}|非保障类?|不强制(?:停产限产|停限产|停产|限产)|不[作做](?:强制性?)?(?:停?限?产|减排)(?:要求)?|(?:不需要|无需|不需|不用|不必)(?:采取)?停?限?产(?:措施)?|不(?:再|额外|另外)(?:停产|限产|压减|减产)|不纳入停?限?产(?:范围)?|不得停产限产|不需要停产|不能停|不(?:停产|限产|停限产|停止生产)|不采取停?限?产(?:措施)?|无需停产|非停产|免于停?限?产|豁免停?限?产|无停?限?产(?:要求|措施)|不得(?:停产限产|停限产|停产|限产)/g;

/** Neither stopped nor limited, the 保障类 status in its usual words. */
const NOT_STOPPED_NOR_LIMITED = /不停产[、,]?不限产|不限产[、,]?不停产|不停不限|不停限产/;

/** "压减40%产能", "限产：40%": a limit word with one share beside it, the share cut (not the share kept). */
const PLAIN_SHARE = new RegExp(`(?:限产|减产|压减|削减|减少|降低|限(?=\\d))[^\\d零一二三四五六七八九十百半]{0,6}(${SHARE_SRC})`);
const KEPT = /控制在|降至|降到|降低至|降低到|按照?[^,;]*组织生产|负荷生产|以内|以下|不超过|不高于|保留|维持|至\d|到\d/;

/** The model's order (ACTIONS) is strongest first; null is weaker than any. */
const rank = (a: Action | null): number => (a === null ? 99 : ACTIONS.indexOf(a));

/**
 * Read in every clause, understood or not: "all of it stops" in any words ("印染生产全部停止", "所属各条生产线
 * 一律停机", "停止切割、打磨等一切加工活动") is the whole plant, whatever names stand beside it.
 */
const ALL_STOP =
  /(?:全部|一律|所有|一切|全面|全厂)[^,;。]{0,16}?(?:停止|停产|停机|停运|关停|关掉|都关|停火|停车|停工|停线|停炉|停窑|封炉|封窑|熄火|不准开工|不得开工)|(?:停止|暂停|关停)[^,;。]{0,12}?(?:全部|一切|所有)[^,;。]{0,6}?(?:生产|工序|活动|环节|设备|装置|作业)|(?:全部|所有|一切)[^,;。]{0,6}?停(?:掉|了)?(?=$|[,;。])|不生产|全停|全部停下|全都停|都停(?:了|掉|下来)|(?:禁止|不得)(?:进行)?任何(?:形式(?:的)?)?生产/;
/** A named kind of unit, then "all of it" stops: "梭式窑全部停产", "喷漆工序全部停止". */
const FACILITY_ALL = /^(?![^,;。]*(?:各|所有|全厂))[^,;。]{1,10}?(?:窑|炉|线|车间|工序|房|机)(?:\d+[条台座个间])?(?:全部|一律)/;
/**
 * Named processes, then "all of them" stop: "调漆、喷涂、晾干工序全部停止" — those processes, not the plant; unless
 * firing is among them (焙烧, 煅烧, 烧成: the kiln, which is the plant: "煅烧、成型、焙烧工序全部停产").
 */
const PROCESSES_ALL =
  /^(?![^,;。]*(?:各|所有|全厂|生产线全部|产线全部|车间全部|设备全部|焙烧|煅烧|烧成))[^,;。]{1,16}?(?:工序|车间|工段|房)(?:全部|一律)(?:停止|停产|停用)/;
/** "All" of a named subset is not the plant: open-air work, the gas-emitting processes, all but one. */
const SUBSET =
  /露天|户外|室外|涉气|涉VOCs|涉挥发|除(?![^,;。]{0,10}?(?:环保|治污|除尘|保温|安全|污染防治))[^,;。]{1,10}外|装卸|灼烧(?=.*全部)|转运|倒运|苫盖|土石方|施工|拆除|的(?:\d|[一二三四五六七八九十]分之|一半|半数)/;

/** The floor of a text: its unread pieces read by their words, and every piece held to ALL_STOP and the truck words. */
export function strengthFloor(unread: readonly string[], all: readonly string[] = unread): StrengthFloor {
  let action: Action | null = null;
  let limitPct: number | null = null;
  let partPct: number | null = null;
  let truckBan = false;
  let spoken = false;
  let actionFrom: string | null = null;
  let generic = false;
  let truckFrom: string | null = null;
  for (const raw of unread) {
    // "经批准预警期间不停产不限产": the status in its usual words, before NEGATED takes them off.
    if (NOT_STOPPED_NOR_LIMITED.test(raw) && rank('exempt') < rank(action)) [action, actionFrom, generic] = ['exempt', raw, false];
    const piece = raw.replace(NEGATED, '').replace(NOT_A_SIGNAL, '');
    const trucks = isTruckBan(piece);
    if (trucks && !truckBan) [truckBan, truckFrom] = [true, raw];
    // A truck or activity ban stops trucks or that activity: only a plain 停产 in it still says more.
    // Encouraged or preferred is not ordered; trucks' trips are not production.
    const encouraged = /鼓励|优先|建议|倡导/.test(piece);
    const banOnly =
      trucks ||
      ACTIVITY_BAN.test(piece) ||
      (/车辆|运输|货车|进厂|进出|车次|趟次|外运|发运|\d+车/.test(piece) && !/产量|产能|生产|负荷|开采|加工|工序/.test(piece));
    if (encouraged || banOnly || UPKEEP.test(piece)) spoken = true;
    // What is only encouraged ("优先采取停产生产线方式") orders nothing.
    const signal = encouraged
      ? undefined
      : SIGNALS.find(
          (s) =>
            (s.generic ? s.words.test(piece.replace(NOT_GENERIC, '')) : s.words.test(piece)) &&
            // A ban beside a limit with its share ("限20%国四禁运") still limits.
            (!banOnly ||
              s.action === 'stop' ||
              s.action === 'exempt' ||
              s.action === 'self' ||
              (s.action === 'limit' && PLAIN_SHARE.test(piece) && /限产|减产|限\d|产量|产能|负荷/.test(piece))),
        );
    const stopShare = signal?.action === 'stop' ? STOP_SHARE.exec(piece) : null;
    const partShare = stopShare ? parseShare(stopShare[1] ?? '') : null;
    // A label before a colon ("橙色预警：停产") is not the subject of the stop.
    const unlabelled = piece.replace(/^[^:]{1,16}:/, '');
    const partOnly =
      PART_SUBJECT.test(unlabelled) ||
      (partShare !== null && partShare < 100) ||
      (SUBJECT_STOP.test(unlabelled) && all.some((p) => p !== raw && OTHER_GOES_ON.test(p) && !/停/.test(p) && !AUXILIARY_RUNS.test(p))) ||
      // "停一座，另外一座正常焙烧……停的那座窑不进坯": beside units counted as they stop, a stop is of those units.
      (!/全厂|全部|所有|一切|全面/.test(piece) && all.some((p) => p !== raw && COUNTED_STOP.test(p))) ||
      // "喷涂车间全部停产（企业另有焊接、组装车间正常生产）": others produce, said in the same piece, or in another
      // ("开料、封边照干，喷漆和烘干全停").
      GOES_ON.test(piece) ||
      (!/全厂|整厂|全部生产|所有生产|一切生产|全面/.test(piece) && all.some((p) => p !== raw && runsOn(p) && !AUXILIARY_RUNS.test(p))) ||
      // "东厂区全部停产，西厂区正常生产": a named part stops while another produces.
      (NAMED_PART_STOPS.test(unlabelled) && all.some((p) => p !== raw && /正常生产|照常|继续生产/.test(p)));
    const said = signal?.action === 'stop' && partOnly ? 'stop_part' : signal?.action;
    if (said && rank(said) < rank(action)) [action, actionFrom, generic] = [said, raw, signal?.generic === true];
    if (said === 'stop_part' && partShare !== null && partShare < 100) partPct = Math.max(partPct ?? 0, partShare);
    if (signal?.action === 'limit') {
      // The grammar's reading when it has one (kept or cut); else a share right after a limit word, unless a
      // level word stands before it (then the share is what is kept, and the floor states none).
      const read = limitByShare(piece, { quantityImplied: true });
      const m = read === null && !KEPT.test(piece) ? PLAIN_SHARE.exec(piece) : null;
      const pct = read ?? (m ? parseShare(m[1] ?? '') : null);
      if (pct !== null && pct > 0 && pct <= 100) limitPct = Math.max(limitPct ?? 0, pct);
    }
  }
  for (const raw of all) {
    const piece = raw.replace(NEGATED, '');
    if (isTruckBan(piece)) {
      if (!truckBan) [truckBan, truckFrom] = [true, raw];
    } else if (action !== 'stop' && ALL_STOP.test(piece) && !(VEHICLE.test(piece) && !/生产/.test(piece))) {
      const ofAPart =
        SUBSET.test(piece) ||
        // "停止全部浸胶工序，压制工序正常生产": all of one process, not the plant; so too when a note says so
        // ("喷涂车间全部停产（企业另有焊接、组装车间正常生产）").
        runsBeside(all, raw) ||
        GOES_ON.test(piece) ||
        // "梭式窑全部停产" beside "隧道窑2条停1条": all of one kind of unit, while units of another run.
        (FACILITY_ALL.test(piece) && all.some((p) => p !== raw && /停\d|停[一二两三四五六七八九]|限产|开\d|正常/.test(p))) ||
        PROCESSES_ALL.test(piece.replace(/^[^:]{1,12}:/, ''));
      // All of a part stopping is still that part stopping: never weaker than a partial stop. All of an activity
      // ("物料装卸全部停止", "储罐清洗、检维修作业一律停止") stops no production.
      const activity = ACTIVITY_BAN.test(piece) && !/生产|工序|车间|生产线/.test(piece);
      const said = activity ? null : ofAPart ? 'stop_part' : 'stop';
      if (said && rank(said) < rank(action)) [action, actionFrom, generic] = [said, raw, false];
    }
  }
  return {
    action,
    limitPct: action === 'limit' ? limitPct : action === 'stop_part' ? partPct : null,
    generic,
    truckBan,
    spoken: spoken || action !== null || truckBan,
    actionFrom,
    truckFrom,
  };
}

/** The stronger of two actions (model order); null is weaker than any. */
export function stronger(a: Action | null, b: Action | null): Action | null {
  return rank(a) <= rank(b) ? a : b;
}
