/**
 * What only the whole text says: whether the named parts that stop are in fact the whole plant, and whether a
 * stop keeps some production running. Clause by clause, "砖厂停止轮窑焙烧" is a part stopping and "仅保留包装
 * 工序，其余工序停产" is a plant stopping; an officer reads the first as the plant (a brick plant that fires
 * nothing makes nothing) and the second as a part (packing goes on). Each rule is a line of a table, with its
 * example; the corpus tests hold them.
 */
import { NUMBER_SRC, parseShare, SHARE_SRC } from './chineseNumber.js';
import { unitShare } from './unitShare.js';
import type { ClauseReading } from './measureClause.js';

/**
 * The whole-text rules, by name, as `measures --explain` gives them: what each says of a text, in both languages.
 */
export const WHOLE_TEXT_RULES = {
  kiln_sealed: { zh: '窑炉封炉熄火，全厂无产出，按停产', en: 'the kiln is sealed or put out: the plant makes nothing, a stop' },
  warmth_only: { zh: '停止的同时只保留保温、保压、值班或治污设施，按停产', en: 'only heat, pressure, a watchman or pollution control is kept: a stop' },
  core_process: { zh: '停止的是该类企业的主体工序，按停产', en: "what stops is the plant's core process: a stop" },
  industry_process: { zh: '停止的工序即冒号前所写的行业本身，按停产', en: 'what stops is the industry named before the colon: a stop' },
  kept_production: { zh: '停产但保留部分生产线或工序，按部分停产', en: 'the stop keeps some lines or processes running: a partial stop' },
  kept_capacity: { zh: '停产但保留部分产能，按所停比例', en: 'the stop keeps a share of capacity: the rest is what stops' },
  all_of_production: { zh: '限产或停止的比例为100%，按停产', en: 'all of production is limited or stopped: a stop' },
  rest_stopped: { zh: '所列工序停止，其余工序也停产，按停产', en: 'what is named stops and so does the rest: a stop' },
  units_capped: { zh: '限定运行的台数或条数，其余停止，按部分停产', en: 'a cap on the units that run: the others stop, a partial stop' },
  share_of_whole: {
    zh: '比例按全文计算（停止的台数、条数与其余部分的限产合计）',
    en: 'the share worked out over the whole text (units stopped, and the limit on the rest)',
  },
  quantity_cut: {
    zh: '产量、用电用气、班次或时间由平时的数量减到预警期间的数量，按减少的比例限产',
    en: 'a quantity, a number of shifts or hours brought down from its normal: a limit by the share it falls',
  },
  all_processes: {
    zh: '所列四道及以上工序全部停止，且未写有继续生产的部分，按停产',
    en: 'four or more processes listed all stop, and nothing is said to go on: a stop',
  },
  time_window: { zh: '只在部分时段停产，按所停时间的比例限产', en: 'a stop for part of the day or week: a limit by the time it takes away' },
} as const;
export type WholeTextRule = keyof typeof WHOLE_TEXT_RULES;

interface Grouped {
  text: string;
  reading: ClauseReading;
}

/** Goods moved out or in ("成品外运", "仓库发货照常", "散装水泥停止公路发运"): transport, not production. */
const SHIPPING = /运输|车辆|货车|罐车|运[砂煤料土石]车|发运|外运|发货|出货/;

/** Activities that make no product: loading, open-air work, burning, yard work, machines that move things about, venting. */
const ACTIVITY = /装卸|露天(?!矿)|土石方|焚烧|堆场|装载机|叉车|挖掘机|非道路|检修|检维修|放空|(?:储罐|溶剂|车辆|罐车|管道)清洗|开停车|吹扫/;

/**
 * Something keeps making product ("正常生产", "照常", "继续生产", "另外2台水性柔印机继续印", "其他水性线正常", "快修
 * 保养车间正常"): then nothing is the whole plant stopping.
 */
export const GOES_ON =
  /正常生产|正常烧|照常|照干|照做|照烧|照开|照印|照用|继续生产|继续(?!停|保持停|执行|落实|加强|做好)[印做织开干烧磨造加]|(?:其他|其余|另外|剩余)[^,;。]{0,8}?(?:线|车间|工序|设备|机|房|窑|炉)[^,;。]{0,2}?正常|(?:生产线|产线|车间|机台)(?:正常|照开)(?:运行|生产|开)?(?![^,;。]{0,2}停)/;
/** …or the plant makes only some of its product ("只生产水性涂料", "只做木工"). */
const RUNS_ON = new RegExp(`${GOES_ON.source}|维持生产|只做|仅做|只进行|仅进行|只生产|仅生产`);

/**
 * The process that makes a plant's product, by the plant the text names: when the parts that stop are only
 * these, the plant makes nothing. A plant type whose texts disagree (a foundry's melting furnace kept warm
 * while casting stops) is not here.
 */
export const CORE_PROCESSES: readonly { plant: RegExp; core: RegExp; example: string }[] = [
  {
    plant: /砖厂|砖瓦厂|砖瓦窑|砖窑|砖瓦企业|砖企|制砖|烧结砖|页岩砖|轮窑|隧道窑/,
    core: /焙烧|烧成|烧砖|进坯|进车|出砖|出窑|码坯|制坯|成型|窑|破碎/,
    example: '砖厂停止轮窑焙烧',
  },
  { plant: /粉磨站|矿渣微粉|微粉厂/, core: /磨/, example: '水泥粉磨站停止粉磨作业' },
  {
    plant: /搅拌站|搅拌楼|砂浆站|拌合站|拌和站|拌合楼|拌和楼|沥青站|沥青(?:拌合|搅拌|混合料)|^沥青加热/,
    core: /搅拌|拌合|拌和|停拌|^生产线|主机|加热|导热油炉|烘干/,
    example: '沥青搅拌站停止生产，拌合楼停机',
  },
  { plant: /建筑垃圾|资源化利用|再生骨料/, core: /破碎|筛分|制砖|搅拌/, example: '建筑垃圾资源化利用企业停止破碎筛分，只做成品外运' },
  { plant: /玻璃钢/, core: /手糊|成型|缠绕|拉挤|模压|喷射/, example: '玻璃钢制品车间停止手糊成型，仓库发货照常' },
  {
    plant: /采石场|石料厂|砂石厂|砂场|洗砂|矿山|石场|采矿|本矿|矿区|开采/,
    core: /开采|爆破|破碎|碎石|筛分|采掘|采矿|采石|洗砂|制砂/,
    example: '采石场停止开采、破碎、运输作业',
  },
  { plant: /轧钢/, core: /轧机|轧制|加热炉/, example: '轧钢加热炉停炉，轧机停机' },
  { plant: /短流程|电炉炼钢|电炉钢厂/, core: /电炉|电弧炉|炼钢/, example: '短流程D级企业：电炉停产，停止公路运输' },
  { plant: /炭素|碳素/, core: /煅烧|焙烧|石墨化|浸渍|成型|混捏|压型/, example: '炭素D级企业：煅烧、焙烧、浸渍、石墨化工序停产' },
  { plant: /焦化厂|焦化企业|焦化公司|焦炉/, core: /推焦|炼焦|装煤|出焦|焦炉|焖炉|闷炉/, example: '焦化厂停止推焦、装煤' },
  { plant: /铸造/, core: /熔炼|浇注|浇铸|熔化|冲天炉|电炉|造型|清理|制芯/, example: '铸造企业：熔炼工序停产' },
  { plant: /洗煤|洗选|选煤/, core: /洗选|洗煤|选煤|装车/, example: '本厂洗煤车间、装车站全部停运' },
  { plant: /预制构件|管桩|水泥制品/, core: /搅拌|浇筑|蒸养|浇注/, example: '预制构件厂搅拌楼停止搅拌、构件停止浇筑' },
  { plant: /石材|石板材|碎石加工|石料加工/, core: /切割|磨抛|抛光|锯|破碎|筛分/, example: '石材厂停止切割、磨抛作业' },
  { plant: /辊道窑|陶瓷|瓷砖/, core: /窑|烧成|停烧|压制|施釉/, example: '辊道窑全部降温停烧' },
  { plant: /茶叶|茶厂|制茶/, core: /杀青|揉捻|烘干|炒|烘焙|萎凋|摊青|做茶/, example: '茶叶加工企业：杀青、揉捻、烘干设备全部停用' },
  { plant: /木材干燥|干燥窑/, core: /装窑|干燥|烘干/, example: '木材干燥窑停止装窑，供热锅炉停炉' },
  { plant: /酒厂|酿酒|白酒/, core: /蒸酒|制曲|酿造|发酵|窖|蒸馏/, example: '酒厂停止蒸酒、制曲，锅炉停运，窖池封窖' },
  { plant: /热镀锌|镀锌厂/, core: /浸锌|浸镀|镀锌|上件|酸洗|助镀/, example: '热镀锌：停止浸锌（锌锅不降温），酸洗助镀同步停止' },
  { plant: /服装|制衣|缝纫/, core: /裁剪|缝制|缝纫|印花|整烫/, example: '服装加工裁剪、缝制、印花车间全部停工' },
  { plant: /印染|染整/, core: /印染车间|染整车间|印染生产/, example: '⑴本厂燃气锅炉（2蒸吨）停用；⑵印染车间全部停产；⑶污水站正常运行' },
  { plant: /轧花|棉花加工/, core: /轧花|剥绒/, example: '轧花生产线停产，籽棉堆场苫盖' },
  { plant: /电熔镁|镁砂/, core: /电熔|熔炼|镁砂/, example: '电熔镁砂生产线停产，禁止原料露天堆放' },
  { plant: /耐材|耐火材料|耐火厂/, core: /窑|烧成|焙烧|煅烧|破碎|成型/, example: '耐材：回转窑停火，破碎、成型工序停产' },
  { plant: /石灰厂|石灰企业|石灰公司|石灰窑|白灰窑|白灰厂/, core: /煅烧|烧制|石灰窑|窑|出灰/, example: '石灰厂停止煅烧' },
];

/**
 * A partial stop that is the whole plant:
 * - the kiln or furnace that stops is a kiln named without a number and put out or sealed (a plant with several
 *   numbers them: "1号窑"), as in "立窑停窑", "石灰窑封炉停产";
 * - what is kept beside the stop is only warmth, pressure or a watchman ("热镀锌生产线停产，锌锅保温",
 *   "生产线停产，仅留值班人员"), which a plant still making anything would not need to say.
 */
// "仅环保设施保持运行", "仅除尘器运行": only pollution control kept running is no production either.
const KEPT_ONLY =
  /保温|保压|压火|余温|值班|放假|氮封|火炬|安全必需|(?:仅|只)(?:保留|留)?(?:环保|治污|除尘|废气处理)(?:设施|设备|器)?(?:保持)?运行|(?:仅|只)(?:保留|留|开)(?:除尘|喷淋|雾炮|洒水)[^,;。]{0,4}$/;
export function plantStopped(groups: readonly Grouped[]): WholeTextRule | null {
  const parts = groups.filter((g) => g.reading.kind === 'stop_part');
  // What runs for pollution control or safety ("废水、废气处理设施正常运行") is no production going on.
  if (parts.length === 0 || groups.some((g) => g.reading.kind === 'limit' || (/正常生产|正常运行|照常/.test(g.text) && !AUXILIARY.test(g.text)))) return null;
  const unnumbered = parts.every((g) => g.reading.limitPct === null && g.reading.processes.every((p) => !/[\d#号一二三四五六七八九十两]/.test(p)));
  if (!unnumbered) return null;
  if (parts.every((g) => /窑炉?(?:封炉|封窑|停窑|熄火|停火)|^立窑停产$/.test(g.text))) return 'kiln_sealed';
  return groups.some((g) => g.reading.kind !== 'stop_part' && KEPT_ONLY.test(g.text)) ? 'warmth_only' : null;
}

const STOP_WORD = /停|熄|关|封炉|封窑|闷炉|焖炉|不开/;
const PAINTING = /调漆|喷漆|喷涂|晾干|烘干|打磨|流平|刷漆|涂装|喷粉|固化|烤漆|底漆|面漆/;
/** Four or more processes, lines or workshops listed, then all of them stop. */
const ALL_LISTED = /^(?:[^,;。、]{1,8}、){3,}[^,;。、]{1,10}?(?:工序|工段|车间|设备|线)?(?:全部|均|都|一律)(?:停产|停止|停工|停运|停机|停用)$/;
/** The core processes of the table, stopped with no subject: the enterprise's own. */
const CORE_ALONE = /^(?:我厂|本厂|我公司|本公司|我站|本站|我矿|本矿)?(?:停止|停)(?:制坯(?:和|及|、))?(?:烧成|焙烧|煅烧|烧|开采|采石|采|搅拌|拌合|拌和|窑)$/;
/**
 * The plant has only the unit or process that stops: "企业仅有1条生产线，该线停产", "停止喷涂工序（本企业仅有喷涂一道
 * 工序）", "停止烘干工序（企业仅从事木材烘干）".
 */
const ONLY_UNIT =
  /(?:仅有|只有|就有?|就一)(?:1|一)(?:条|台|座|个|套)(?:生产线|产线|线|窑|炉|设备)?|(?:本|该|全|厂内|厂里)[^,;。()]{0,4}?(?:仅|只)(?:有)?(?:1|一)(?:条|台|座|个|套|口)(?!运行|开|生产|保留)|唯一(?:的)?(?:一(?:条|台|座|个))?[^,;。]{0,6}?(?:工序|生产线|产线|线|窑|设备|装置)|\((?:仅|只)(?:有)?(?:1|一)(?:条|台|座|个|套|口)[^()]{0,6}\)|(?:就|只有|仅有)这[两三四]?道工序|一窑一线|(?:仅|只)此一(?:条|台|座|口)|(?:仅此|就这|只有这|仅有这)[一两二三四五六七八九]?(?:条|个|台|道|座)|仅有的一(?:条|台|座|个)|单条生产线|(?:仅|只)(?:有)?(?:1|一)(?:座|台|条|套)[^,;。()]{0,6}?(?:窑|炉|线|楼|机)(?!运行|开|生产)/;
const ONLY_PROCESS = /(?:仅|只)(?:从事|有|做)([^()，,;。]{1,8}?)(?:一道)?(?:工序|业务)?\)/;
function onlyUnitStopped(text: string): boolean {
  if (!/停|不开|关|不再/.test(text) || runsOn(text)) return false;
  if (ONLY_UNIT.test(text)) return true;
  const only = ONLY_PROCESS.exec(text);
  const stem = only?.[1]?.replace(/^木材|^金属/, '');
  return stem !== undefined && stem.length >= 2 && new RegExp(`停止?${stem.slice(-2)}|${stem.slice(-2)}[^,;。]{0,4}停`).test(text);
}

/** "4台窑炉保留1台保温，其余3台停产": the units kept are only kept warm — nothing is made. */
const KEPT_WARM = /(?:保留|仅留|只留|留)(?:\d+|[一二两三四五六七八九十])[台座条个](?:窑炉?|炉)?(?:保温|压火)(?!生产|运行)/;
export const keptOnlyWarm = (text: string): boolean => KEPT_WARM.test(text) && !GOES_ON.test(text);

/** "1#、2#窑停產，3#窑保溫": the numbered units stop and the others are only kept warm — nothing is made. */
function numberedStoppedOthersWarm(text: string): boolean {
  const pieces = text.split(/[,;。]/).filter((p) => p !== '');
  const warm = pieces.filter((p) => /保温|压火/.test(p) && !/停|生产|运行|正常/.test(p));
  const stops = pieces.filter((p) => /停/.test(p) && /(?:\d+|[一二三四五六七八九十])(?:号|#)/.test(p));
  return warm.length > 0 && stops.length > 0 && warm.length + stops.length === pieces.length;
}

/**
 * The parts that stop are the whole plant, read from the whole text whether its clauses were understood or not:
 * the only unit or process; numbered units with the rest only kept warm; only heat kept; the industry named before
 * the colon; the rest stopping too; the core process of the plant the text names (CORE_PROCESSES: "砖厂停止轮窑
 * 焙烧", "采石场停止开采、破碎"), every piece that stops something naming the core with the plant's own name taken
 * out. Nothing may keep running, and no units be counted.
 */
export function coreStopped(text: string): WholeTextRule | null {
  if (onlyUnitStopped(text)) return 'core_process';
  if (numberedStoppedOthersWarm(text)) return 'warmth_only';
  // What runs for pollution control or safety ("搅拌楼的除尘器照常开着") is not production going on.
  const production = text
    .split(/[,;。]/)
    .filter((p) => !AUXILIARY.test(p))
    .join(',');
  if (
    RUNS_ON.test(production) ||
    /正常运行|正常$|正常[,;。]|限产|减产|压减|\d+\s*(?:[#号条台座套]|%)|[一二两三四五六七八九十]+[条台座套间只](?!.*唯一)/.test(
      production.replace(/^[①-⑳]|[①-⑳]/g, ''),
    )
  )
    return null;
  // A note in brackets is a piece of its own: "熟料生产线停产（窑系统保温）"; a note that only gives a size
  // ("燃气锅炉（2蒸吨）停用") and numbering ("(1)") are not.
  const pieces = text
    .replace(/\(\d+(?:\.\d+)?[^()\d]{0,3}\)(?!$)|^\(\d{1,2}\)|(?<=[,;。])\(\d{1,2}\)/g, '')
    .replace(/\(([^()]*)\)/g, ',$1,')
    .split(/[,;。①-⑳]/)
    .filter((p) => p !== '');
  // Transport and activity bans ("停止物料装卸和露天堆场作业") stop no production, nor do machines that only move
  // things about ("场内装载机停用").
  // The activity test reads past a label ("露天矿山C级企业：停止开采" is no open-air ban).
  const activity = (p: string) => SHIPPING.test(p) || ACTIVITY.test(p.replace(/^[^:]{1,16}:/, ''));
  // "磨机不停" is no stop.
  const stops = pieces.filter((p) => STOP_WORD.test(p.replace(/不停/g, '')) && !activity(p));
  const warmOnly = (p: string) => KEPT_ONLY.test(p) && !/生产|线|车间/.test(p.replace(KEPT_ONLY, ''));
  // "石灰窑停止投料出灰，压火保温", "砖厂停火保温": what is kept is only the kiln's heat.
  const rest = pieces.filter((p) => !stops.includes(p) && !SHIPPING.test(p));
  if (stops.length > 0 && rest.length > 0 && rest.every(warmOnly)) return 'warmth_only';
  if (stops.length === 1 && rest.length === 0 && /(?:停火|停窑|停炉|停产|停烧|熄火)保温$/.test(stops[0]!)) return 'warmth_only';
  // "炭素焙烧炉停止装出炉保温，其余工序停产": what is named stops, and all the rest.
  if (
    stops.length >= 2 &&
    rest.length === 0 &&
    // "涉漆工序停工……打磨同步停": a subset of processes, and what goes with them.
    !stops.some((p) => /涉|部分/.test(p)) &&
    stops.some((p) =>
      /^(?:其余|其他|剩余|剩下)(?:的)?(?:工序|生产线|设备|车间)?(?:全部|均|一律)?(?:停产|停止|停)|(?:随之|同步|一并|相应|跟着)(?:全部)?(?:停|关)/.test(p),
    )
  )
    return 'rest_stopped';
  // "刷胶、喷胶、成型、针车全部停止": four processes or more listed and all stopped, and nothing said to go on, are
  // the plant's processes, not a part of them ("停止调漆、喷漆工序" names a part).
  // Painting steps alone are the painting, a part of most plants ("调漆、喷漆、晾干、打磨工序全部停止").
  const listed = stops.length === 1 ? stops[0]!.replace(/^[^:]{1,16}:/, '') : '';
  if (listed && !/涉|部分|含/.test(listed) && ALL_LISTED.test(listed) && !listed.split('、').every((p) => PAINTING.test(p))) return 'all_processes';
  // "塑料造粒：停止造粒工序": the industry named before the colon is the process that stops.
  const label = /^([^:,;。]{2,12}?)(?:企业|行业|类|厂)?(?:\([^()]*\))?:/.exec(text);
  const industry =
    label && !/预警|响应|级|期间|措施|要求/.test(label[1]!.replace(/[A-D][+-]?级/g, '')) ? label[1]!.replace(/[A-D][+-]?级|企业|行业|单位|公司/g, '') : '';
  // A qualified process ("停止使用溶剂型油墨的印刷工序", "涉VOCs的") is a part of the industry, not all of it.
  const named = (p: string) =>
    !/的|涉|部分|含/.test(p.replace(label![0], '')) &&
    [...Array(Math.max(0, industry.length - 1)).keys()].some((i) => p.replace(label![0], '').includes(industry.slice(i, i + 2)));
  if (industry.length >= 2 && stops.length > 0 && stops.every(named)) return 'industry_process';
  // "喷涂为该企业唯一生产工序，预警期间停止喷涂": the only process or line is the plant.
  if (stops.length > 0 && /唯一(?:的)?(?:生产)?(?:工序|生产线|产线|线|窑|设备)|只有一(?:条|台|座|个)/.test(text)) return 'core_process';
  // "停窑", "停采", "停止搅拌", "停止烧成": a core process stopped with nothing named before it is the plant's.
  if (stops.length > 0 && stops.every((p) => CORE_ALONE.test(p.replace(/^[^:]{1,16}:/, '')))) return 'core_process';
  const core = CORE_PROCESSES.find((c) => c.plant.test(text));
  if (!core) return null;
  // A transport piece that names the core ("停止开采、破碎、运输作业") is a stop of the core too.
  const coreStops = pieces.filter(
    (p) =>
      STOP_WORD.test(p.replace(/不停/g, '')) &&
      !ACTIVITY.test(p.replace(/^[^:]{1,16}:/, '')) &&
      // A boiler that heats the core stops with it ("供热锅炉停炉", "锅炉停运").
      !/锅炉/.test(p) &&
      (!SHIPPING.test(p) || core.core.test(p.replace(core.plant, ''))),
  );
  // "沥青搅拌站停止作业", "停止洗选作业": the plant itself stops, in words that name no part.
  const plantItself = (p: string) =>
    new RegExp(
      `^[^,;。]{0,6}(?:${core.plant.source})(?:\\([^()]*\\))?(?:生产线|产线|车间)?(?:全部)?(?:停止作业|停止生产|停产|停工|停运|停机|停止运行|停烧|停火|停止)$`,
    ).test(p) ||
    // "沥青站到时后停": the plant, a word of when, and 停.
    new RegExp(`^[^,;。]{0,6}(?:${core.plant.source})(?:到时候|到时后|届时|预警期间|橙色)(?:就)?停(?:了|掉)?$`).test(p) ||
    new RegExp(`^[^,;。]{0,6}?(?:停止|停)(?:${core.plant.source})(?:作业|生产)?$`).test(p);
  // "生物质燃料炒茶机停用": the core process on one fuel's machines is a part of it.
  if (coreStops.some((p) => /燃煤|生物质|燃柴|燃气|溶剂型|油性/.test(p))) return null;
  // A label before a colon ("渭南市二级管控：石灰窑停止生产") is not the plant's name.
  const unlabelled = (p: string) => p.replace(/^[^:]{1,16}:/, '');
  const ofCore = (p: string) => plantItself(p) || core.core.test(p.replace(core.plant, ''));
  return coreStops.length > 0 && coreStops.every((p) => ofCore(p) || ofCore(unlabelled(p))) ? 'core_process' : null;
}

/**
 * Production a stop keeps: a line, a process, a workshop or a share of capacity ("仅保留包装工序，其余工序停产",
 * "除1条保障线外其余生产线全部停产", "全部生产线停产（保留1条保障线）", "保留20%产能，其余全部停产").
 * What is kept only for safety, heat or pollution control ("除锅炉保温外一律停产", "保留循环水系统运行") is not
 * production, and the plant still stops.
 */
const KEEPS_PRODUCTION = new RegExp(
  String.raw`(?:仅|只)?(?:保留|留)(?:${NUMBER_SRC}(?:条|台|座|个)(?!人)|(?:${NUMBER_SRC}(?:条|台|座|个))?[^,;。:人]{0,10}?(?:生产线|产线|线|工序|车间|窑|机组|产能))` +
    String.raw`|除(${NUMBER_SRC})?(?:条|台|座|个)?[^,;。:]{0,10}?(?:生产线|产线|线|工序|车间)[^,;。:]{0,8}?外` +
    String.raw`|除(?:了)?${NUMBER_SRC}(?:条|台|座|个|套)[^,;。:]{0,20}?(?:以)?外`,
);
const AUXILIARY = new RegExp(`保温|保压|余温|安全|循环水|应急|抢险|环保|治污|除尘|污水|废水|废气|处理设施|消防|锅炉|供暖|生活区|冷库|通风|${SHIPPING.source}`);
const KEPT_CAPACITY = new RegExp(`(?:仅|只)?(?:保留|开)(${SHARE_SRC})(?:的)?(?:产能|产量|生产能力)(的(?:生产线|产线|线|设备|窑炉|机组))?`);

export interface KeptProduction {
  action: 'stop_part' | 'limit';
  limitPct: number | null;
  rule: WholeTextRule;
}

/** What a stopped text keeps running of its production, and the share that stops; null when it keeps none. */
export function keptProduction(text: string): KeptProduction | null {
  const capacity = KEPT_CAPACITY.exec(text);
  if (capacity) {
    const kept = parseShare(capacity[1] ?? '');
    // "保留三成产能的生产线运行": the lines that make that share run, the others stop.
    if (kept !== null && kept > 0 && kept < 100)
      return { action: capacity[2] ? 'stop_part' : 'limit', limitPct: Math.round((100 - kept) * 10) / 10, rule: 'kept_capacity' };
  }
  const m = KEEPS_PRODUCTION.exec(text);
  const piece = m ? (text.split(/[,;。]/).find((p) => p.includes(m[0])) ?? m[0]) : '';
  if (!m || AUXILIARY.test(piece.replace(/保障/g, ''))) return null;
  return { action: 'stop_part', limitPct: unitShare(text), rule: 'kept_production' };
}

/** "只做苫盖洒水": upkeep, not production. */
const UPKEEP_ONLY = /苫盖|洒水|保洁|巡查|值班|看门|维护|检修|清扫/;

/**
 * A piece says some part goes on as usual or is limited ("木工机械正常", "注塑正常", "其余限产20%"), not what runs
 * for pollution control, shipping or upkeep ("废水站正常运行", "仓库照常收发货").
 */
export const othersGoOn = (text: string): boolean =>
  text.split(/[,;。]/).some((p) => /正常|照常|继续|限产/.test(p) && !AUXILIARY.test(p) && !UPKEEP_ONLY.test(p) && !/仓库|库存/.test(p));

/** Production goes on, or the plant makes only some of its product, somewhere in the text. */
const produces = (piece: string): boolean => RUNS_ON.test(piece) && !SHIPPING.test(piece) && !UPKEEP_ONLY.test(piece);
export const runsOn = (text: string): boolean => text.split(/[,;。]/).some(produces);

/** Another piece says production goes on beside an all-stop ("停止全部浸胶工序…，压制工序正常生产"). */
export const runsBeside = (pieces: readonly string[], stopPiece: string): boolean => pieces.some((p) => p !== stopPiece && produces(p));
