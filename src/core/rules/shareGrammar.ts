/**
 * A limit by a share, read by a small grammar rather than one pattern per wording: a clause that names a
 * quantity of production (产量, 产能, 负荷, 用电量, 投料量 …) and one share, which is either the share KEPT —
 * after a word that sets a level ("至", "到", "为", "在", "按", "以", "不超过", "保持在") and perhaps a base
 * ("正常的", "核定产能的", "额定负荷的", "原来的") — or the share CUT, right after a word that cuts ("减少",
 * "下降", "压减", "下调", "削减") or written as points ("20个百分点"). Kept 60 % is a limit of 40 %.
 *
 *   生产规模压缩至正常水平的一半 → kept 50 → limit 50      产量较上年同期日均下降百分之十五 → cut 15
 *   日投料量减少至正常的75%      → kept 75 → limit 25      生产负荷下调20个百分点          → cut 20
 *   窑炉按六成负荷运行            → kept 60 → limit 40      确保颗粒物、VOCs排放量下降30%    → cut 30
 */
import { NUMBER_SRC, parseChineseNumber, parseShare, SHARE_SRC } from './chineseNumber.js';
import { HOURS_RANGE, hoursOf } from './timeWindow.js';

/** What a share is a share of: production, its inputs, its energy, its hours, its emissions. */
const QUANTITY =
  /产量|产能|负荷|车速|速度|开机率|负荷率|开机时间|生产|规模|投料|用电|用气|用煤|电量|气量|用量|消耗|熔化量|供应量|出窑量|开工|运行|作业|焙烧|产品|排放量|数量|天然气|燃气|煤炭|(?<=的)量/;
/** Words that set the level a quantity is brought to: the share after them is what is kept. */
const TO =
  '(?:≤|<=|<|(?:只|就|仅)开(?:个)?|开个|(?<=产量|产能|负荷)开|只做|仅做|降至|降到|降低至|降低到|减少至|减少到|减至|压减至|压减到|压缩至|压缩到|下调至|下调到|调至|调到|调整为|调整至|控制在|保持在|限制在|限至|不超过|不得超过|不能超过|不高于|不得高于|不大于|以内的|保持|保留|维持|只生产|仅生产|按照?|以|为|至|到|在)';
/** What the kept share is measured against, said between the level word and the share ("正常日产量（500吨）的"). */
const BASE = '[^,;。%\\d]{0,14}?(?:\\([^()]{0,12}\\))?(?:的)?';
/** Words that cut by the share that follows them. */
const CUT =
  '(?:减少|降低|下降|压减|压降|削减|下调|缩减|缩短|减产|限产|限制|压缩|少化|少产|少做|少用|降速|减速|减慢|放慢|砍掉|砍|少|减|降|限)(?:了|约|达|个|掉|不少于|不低于|至少)?';

const SHARE = `(${SHARE_SRC}|\\d{1,2}个百分点)`;
const SHARES = new RegExp(SHARE, 'g');
const CUT_BEFORE = new RegExp(`${CUT}$`);
const KEPT_BEFORE = new RegExp(`${TO}${BASE}$`);
const CUT_SHARE_NAMED = /(?:幅度|比例)(?:为|达到|达|不低于|不少于)?[^,;。%\d]{0,10}?(?:的)?$/;
const CUT_NEAR = new RegExp(`(?:减少|降低|下降|压减|压降|削减|下调|缩减|降)(?:产量|产能|负荷|生产负荷|用电量|用气量)$`);

function shareOf(text: string): number | null {
  const points = /^(\d{1,2})个百分点$/.exec(text);
  return points ? Number(points[1]) : parseShare(text);
}

/**
 * A quantity brought from X to Y in any unit, with 万 and 千 ("日产玻璃瓶由50万只降至40万只", "负荷率由100%降至
 * 80%", "皮革日加工量由2000张降到1400张"): the cut is (X − Y) / X. The units must agree, or one be left out.
 */
const FROM_TO = new RegExp(
  `(?:由|从)(?:正常的?|原来的?|平时的?)?(?:每日|每天|每周|每分钟|每小时)?(${NUMBER_SRC})(万|千)?([^,;。\\d]{0,5}?)(?:生产)?(?:降低|降|减少|减|压减|压缩|压|缩短|缩减|调减|下调|调整|调)(?:至|到|为)(?:每日|每天|每周|每分钟|每小时)?(${NUMBER_SRC})(?!:\\d)(万|千)?([^,;。\\d]{0,5}?)(?:左右|以下|以内|及以下)?(?:生产|运行)?(?:\([^()]*\))?$`,
);
/** Hours (or days) cut against the normal, said in brackets: "每天生产时间减少6小时（正常24小时）". */
const HOURS_CUT = /(?:减少|缩短|缩减|少开|少生产|少干)(\d+)(?:个)?(小时|天)[(,](?:正常|平时|原来|原)(?:为|是|开|生产)?(?:每天|每周)?(\d+)(?:个)?\2/;
/** Hours (or days) kept against the normal: "每日生产8小时（平时24小时连续生产）", "每周生产不超过3天（平时每周6天）". */
const HOURS_KEPT =
  /(?:生产|运行|作业|开工|开机)(?:时间|时长)?(?:每天|每日)?(?:压缩至|压缩到|缩减为|缩短为|缩短到|缩短至|减到|减少到|不超过|为)?(?:每天|每日)?(?:每日|每天|每周)?(?:白班|夜班)?(\d+)(?:个)?(小时|天)(?:以内)?(?:\(|[,，])(?:正常|平时|原来|原)(?:为|是)?(?:每天|每周)?[^\d,;。]{0,4}?(\d+)(?:个)?\2/;

const scaled = (n: string, mult: string | undefined) => (parseChineseNumber(n) ?? NaN) * (mult === '万' ? 10000 : mult === '千' ? 1000 : 1);

/** Shifts cut: "由两班倒改为白班一班生产", "三班制调整为两班" — (3 − 2) / 3. */
const SHIFTS =
  /(?:由|从)?([一二两三四]|\d)班(?:倒|制|生产|运转)?(?:改为|改成|调整为|减为|减至|压减为|变为|调为|改)[^,;。\d一二两三四]{0,4}?(?:([一二两三]|\d)(?:个)?班|(?:只上|只开|只有)?(白|单)班)/;
/** Coking time lengthened: output falls as 1 − old / new ("结焦时间由24小时延长至36小时" → 33.3). */
const COKING =
  /(?:结焦|出焦)时间(?:[由从](?:正常的?)?(\d+(?:\.\d+)?)小时)?延长(?:至|到)(\d+(?:\.\d+)?)小时(?:以上)?(?:\((?:由|正常|原来|原|平时)(?:结焦时间|出焦时间)?(\d+(?:\.\d+)?)小时\))?/;
/**
 * A quantity capped against the normal said beside it: "日产量控制在80吨以内（正常日产100吨）",
 * "日产量控制在300吨以内，正常日产500吨" — (100 − 80) / 100. The units must agree.
 */
const CAP_VS_NORMAL =
  /(?:控制在|不超过|不高于|限制在|降至|降到|压减至|只生产|仅生产)(\d+(?:\.\d+)?)(万|千)?(吨|立方米|方|件|块|只|张|台|箱|米|千瓦时|度)(?:以内|以下|左右)?[(,](?:正常|平时|原|原来)(?:为)?(?:日产|日产量|产量|每天|每日|日均)?(?:为|约)?(\d+(?:\.\d+)?)(万|千)?\3/;

/**
 * The normal and what is allowed now, each a number with its unit, in either order and any words between:
 * "平时一天加工一百二十吨稻谷，橙色预警期间降到八十吨", "每天加工石板不超过三百平方米，平时一天是五百平方米",
 * "日投料12t降为9t", "生产时间24h→16h", "日产量由十吨减为七吨半". The units must be the same.
 */
const QTY = `(${NUMBER_SRC})(万|千)?(?:个)?(蒸吨|吨|t|万块|块|平方米|㎡|立方米|方|m3|件|只|张|台|车|炉|窑|批|箱|米|千瓦时|千瓦|kW|度|小时|h|天)(半)?`;
const NORMAL_QTY = new RegExp(
  `(?:平时|正常|原来|原|由|从|通常|往常)(?:为|是|能)?(?:每天|一天|每日|日均|日)?[^,;。\\d零一二两三四五六七八九十百千]{0,6}?${QTY}|${QTY}(?:连续生产|生产|运行)?(?=降为|降至|降到|减为|减至|改为|改成|调整为|→|->)`,
);
const NOW_QTY = new RegExp(
  `(?:降到|降至|降低到|降低至|降为|控制在|不超过|不高于|最多(?:只)?|至多|减为|减至|减到|减少到|减少至|改为|调整为|压到|压减到|压减至|→|->|只(?:烧|做|生产|开|干)?)(?:每天|一天|每日|日)?[^,;。\\d零一二两三四五六七八九十百千]{0,4}?${QTY}|按${QTY}(?:\\/日|\\/天)?(?=控制|运行|生产|组织生产)|(?:就|只|仅|到时候|预警期间|橙色|预警)(?:就|只)?(?:做|出|干|烧|洗|生产|加工|产|排产)${QTY}`,
);
const UNIT_ALIAS: Record<string, string> = { t: '吨', h: '小时', '㎡': '平方米', m3: '立方米', 方: '立方米' };
/** The number, multiplier, unit and half of a match, whichever of NORMAL_QTY's two forms matched. */
const parts = (m: RegExpExecArray): [string, string | undefined, string, string | undefined] => {
  // QTY has four groups; each alternative of the pattern holds one QTY.
  const at = [1, 5, 9].find((i) => m[i] !== undefined) ?? 1;
  return [m[at]!, m[at + 1], m[at + 2]!, m[at + 3]];
};
const amount = ([n, mult, , half]: ReturnType<typeof parts>): number => scaled(n, mult) + (half ? 0.5 : 0);
function normalAndNow(clause: string): number | null {
  const normal = NORMAL_QTY.exec(clause);
  const now = NOW_QTY.exec(clause);
  if (!normal || !now) return null;
  const [n, w] = [parts(normal), parts(now)];
  if ((UNIT_ALIAS[n[2]] ?? n[2]) !== (UNIT_ALIAS[w[2]] ?? w[2])) return null;
  const [x, y] = [amount(n), amount(w)];
  return x > 0 && y >= 0 && y < x ? Math.round(((x - y) / x) * 1000) / 10 : null;
}

/**
 * A quantity said as it is, then brought down later in the text: "我公司日产糕点约40吨，橙色预警期间降至28吨以内",
 * "锅炉10蒸吨，预警期间降至7蒸吨", "年产60万吨，日均约2000吨，预警期间日产控制在1000吨以内" (the nearest quantity in
 * the same unit before the one allowed now: 2000). Only quantities of production, its inputs and its energy: a
 * count of machines is unitShare's.
 */
const PRODUCTION_UNIT = /^(?:蒸吨|吨|t|平方米|㎡|立方米|方|m3|件|只|张|箱|块|万块|米|千瓦时|度)$/;
const QTY_ALL = new RegExp(QTY, 'g');
export function quantityBroughtDown(text: string): number | null {
  const now = NOW_QTY.exec(text);
  if (!now) return null;
  const w = parts(now);
  const unit = UNIT_ALIAS[w[2]] ?? w[2];
  if (!PRODUCTION_UNIT.test(unit)) return null;
  const before = [...text.slice(0, now.index).matchAll(QTY_ALL)].filter((m) => (UNIT_ALIAS[m[3]!] ?? m[3]) === unit);
  const normal = before[before.length - 1];
  if (!normal) return null;
  const [x, y] = [amount([normal[1]!, normal[2], normal[3]!, normal[4]]), amount(w)];
  return x > 0 && y >= 0 && y < x ? Math.round(((x - y) / x) * 1000) / 10 : null;
}

/** "我厂三班生产，橙色预警期间改为一班": the shifts worked, then the shifts now, a few words apart. */
const SHIFTS_APART = /([一二两三四]|\d)班(?:倒|制|生产|运转)?[^。;]{1,14}?(?:改为|改成|调整为|只做|只开|只上|只干|改)(?:白天)?([一二两三]|\d)(?:个)?班/;
/** "夜班停了，白班照常（原来两班）", "只开白天一个班（平时两班倒）": one shift left of the normal ones. */
const NIGHT_OFF = /(?:夜班|晚上|夜间)[^,;。]{0,4}?(?:停|不生产|不开)|(?:只|仅)?(?:开|上|干|做)白(?:天|班)|白班(?:生产|照常)/;
const NORMAL_SHIFTS = /(?:原|原来|平时|正常)(?:是|为)?([两二三]|\d)班/;
/** "只在白天生产8小时……平时是24小时连续生产": the hours worked now and the normal hours, anywhere in the text. */
const HOURS_NOW = /(?:生产|开|干|运行|工作|开工)[^,;。\d零一二两三四五六七八九十]{0,8}?(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)(?:个)?小时/g;
const HOURS_NORMAL = /(?:平时|正常|原来|原|由)(?:是|为)?(?:每天|每日)?(?:干|开|生产|运行)?(\d+|[一二两三四五六七八九十]+)(?:个)?小时/;

/** The clock hours are the hours worked: "生产（8:00—20:00）", "22时至次日6时生产", not "22点至次日6点不生产". */
function hoursWorked(text: string, range: RegExpExecArray): boolean {
  const before = text.slice(Math.max(0, range.index - 3), range.index);
  // "生产时间调整为仅限白天8:00—20:00": the piece says it is the time of production.
  const piece =
    text
      .slice(0, range.index)
      .split(/[,;。]/)
      .pop() ?? '';
  const after = text.slice(range.index + range[0].length);
  const said = /生产\(?$|控制在$|时间为$|调整为$/.test(before) || /生产时间|开工时间/.test(piece) || /^\)?(?:生产|开工|作业|运行)/.test(after);
  return said && !/^\)?(?:不|停)/.test(after) && !/停|不生产/.test(piece);
}

/** "平常开八成，现在开五成": a share run now against the share run as usual — (80 − 50) / 80. */
const USUAL_SHARE = new RegExp(
  `(?:平常|平时|正常|往常)(?:开|生产|干|运行)?(${SHARE_SRC})[^。;]{1,10}?(?:现在|到时候|预警期间|橙色|预警时)(?:只)?(?:开|生产|干|运行)?(${SHARE_SRC})`,
);
/** "每天出窑两次，橙色改成一次", "破碎一天开半天": so many times a day, or half the day. */
const TIMES_A_DAY =
  /(?:每天|每日|一天)[^,;。\d]{0,4}?(\d+|[一二两三四五六七八九十])(次|炉|车|批|窑)[^。;]{0,12}?(?:改成|改为|改|减为|减到|降到|只)(\d+|[一二两三四五六七八九十])\2/;
const HALF_A_DAY = /一天(?:只)?(?:开|干|生产|运行)半天/;

/** A share of the day or of the shifts worked, against the normal said beside it; null when either is missing. */
function timeAgainstNormal(text: string): number | null {
  const cut = (x: number, y: number) => (x > 0 && y > 0 && y < x ? Math.round(((x - y) / x) * 1000) / 10 : null);
  const usualShare = USUAL_SHARE.exec(text);
  if (usualShare) {
    const share = cut(parseShare(usualShare[1]!) ?? 0, parseShare(usualShare[2]!) ?? 0);
    if (share !== null) return share;
  }
  const times = TIMES_A_DAY.exec(text);
  if (times) {
    const share = cut(parseChineseNumber(times[1]!) ?? 0, parseChineseNumber(times[3]!) ?? 0);
    if (share !== null) return share;
  }
  if (HALF_A_DAY.test(text)) return 50;
  const apart = SHIFTS_APART.exec(text);
  if (apart) {
    const share = cut(parseChineseNumber(apart[1]!) ?? 0, parseChineseNumber(apart[2]!) ?? 0);
    if (share !== null) return share;
  }
  const shifts = NORMAL_SHIFTS.exec(text);
  if (shifts && NIGHT_OFF.test(text)) return cut(parseChineseNumber(shifts[1]!) ?? 0, 1);
  const normal = HOURS_NORMAL.exec(text);
  if (!normal) return null;
  // The hours now: a count beside a verb of working, or the clock hours worked ("仅白班生产（8:00—20:00）"; not
  // "22点至次日6点不生产", the hours stopped).
  const now = [...text.matchAll(HOURS_NOW)].find((m) => m.index !== normal.index && !m[0].includes(normal[0]));
  const range = HOURS_RANGE.exec(text);
  const hours = now ? parseChineseNumber(now[1]!) : range && hoursWorked(text, range) ? hoursOf(range) : null;
  return hours === null ? null : cut(parseChineseNumber(normal[1]!) ?? 0, hours);
}

export function limitByQuantity(clause: string): number | null {
  // "平时一天两班，预警时只做一班": the normal shifts said first.
  const usual = /(?:平时|原来|原|正常)[^,;。\d]{0,4}?([一二两三四]|\d)班[^。;]{0,12}?(?:只做|只开|只上|改为|改成)([一二两三]|\d)班/.exec(clause);
  if (usual) {
    const [x, y] = [parseChineseNumber(usual[1]!) ?? 0, parseChineseNumber(usual[2]!) ?? 0];
    if (x > 0 && y > 0 && y < x) return Math.round(((x - y) / x) * 1000) / 10;
  }
  // "每天只干一个班（原来两班）": the shifts now, then the normal in brackets.
  const nowFirst = /只(?:干|做|开|上)([一二两1-2])个?班[(,]?(?:原来|原|平时|正常)(?:是)?([一二两三四]|\d)(?:个)?班/.exec(clause);
  if (nowFirst) {
    const [y, x] = [parseChineseNumber(nowFirst[1]!) ?? 0, parseChineseNumber(nowFirst[2]!) ?? 0];
    if (x > 0 && y > 0 && y < x) return Math.round(((x - y) / x) * 1000) / 10;
  }
  const shifts = SHIFTS.exec(clause);
  if (shifts) {
    // '改成只上白班': one shift.
    const [x, y] = [parseChineseNumber(shifts[1]!) ?? 0, shifts[3] ? 1 : (parseChineseNumber(shifts[2] ?? '') ?? 0)];
    if (x > 0 && y > 0 && y < x) return Math.round(((x - y) / x) * 1000) / 10;
  }
  const coking = COKING.exec(clause);
  if (coking) {
    const [from, to] = [Number(coking[1] ?? coking[3] ?? NaN), Number(coking[2])];
    if (from > 0 && to > from) return Math.round((1 - from / to) * 1000) / 10;
  }
  const capped = CAP_VS_NORMAL.exec(clause);
  if (capped) {
    const [k, n] = [scaled(capped[1]!, capped[2]), scaled(capped[4]!, capped[5])];
    if (n > 0 && k >= 0 && k < n) return Math.round(((n - k) / n) * 1000) / 10;
  }
  const both = normalAndNow(clause);
  if (both !== null) return both;
  const f = FROM_TO.exec(clause);
  if (f) {
    const [x, y] = [scaled(f[1]!, f[2]), scaled(f[4]!, f[5])];
    const [ux, uy] = [f[3] ?? '', f[6] ?? ''];
    // "120万块砖降至72万块": the second unit may drop the noun the first one names.
    const sameUnit = ux === '' || uy === '' || ux === uy || ux.startsWith(uy) || uy.startsWith(ux);
    if (sameUnit && x > 0 && y >= 0 && y < x) return Math.round(((x - y) / x) * 1000) / 10;
  }
  // "每天开机16小时，比平时少8小时": kept and cut said together.
  const less = /(\d+)(?:个)?小时[^\d]{0,8}?比(?:平时|正常|原来)少(\d+)(?:个)?小时/.exec(clause);
  if (less) {
    const [k, c] = [Number(less[1]), Number(less[2])];
    if (k > 0 && c > 0) return Math.round((c / (k + c)) * 1000) / 10;
  }
  const cut = HOURS_CUT.exec(clause);
  if (cut) {
    const [c, n] = [Number(cut[1]), Number(cut[3])];
    if (n > 0 && c > 0 && c < n) return Math.round((c / n) * 1000) / 10;
  }
  const kept = HOURS_KEPT.exec(clause);
  if (kept) {
    const [k, n] = [Number(kept[1]), Number(kept[3])];
    if (n > 0 && k >= 0 && k < n) return Math.round(((n - k) / n) * 1000) / 10;
  }
  return quantityBroughtDown(clause) ?? timeAgainstNormal(clause);
}

/**
 * The share of production cut, or null when the clause is not a limit by one share in this grammar.
 * `quantityImplied`: another clause already said a limit of production ("我厂限产，大概减少四成"), so this one
 * need not name the quantity.
 */
/** "打对折", "产量七折": a discount is the share kept (对折 50 %, 七折 70 %), said as the level it is brought to. */
const DISCOUNT = /(?:打个?)?(对折|[一二三四五六七八九]折)/;
const asKept = (clause: string): string => clause.replace(DISCOUNT, (_m, d: string) => `至${d === '对折' ? 50 : (parseChineseNumber(d[0]!) ?? 0) * 10}%`);

/**
 * A range ("限产30%-40%", "限产三到四成", "降低至60%~70%"): the stricter end, as an inspector holds the plant to it —
 * the larger share cut, or the smaller share kept.
 */
const RANGE = new RegExp(`(${SHARE_SRC}|\\d+(?:\\.\\d+)?|[一二两三四五六七八九])(?:-{1,2}|~|—|–|到|至)(${SHARE_SRC})`, 'g');
/** "百分之二十至三十": the second end said without its 百分之. */
const PERCENT_WORDS_RANGE = /百分之([一二三四五六七八九十]+)(?:至|到|-|~|—)([一二三四五六七八九十]+)(?![成%])/g;
/** "三四成": neighbouring numerals before 成 are a range too. */
const NEIGHBOUR_TENTHS = /(?<![一二两三四五六七八九十])([一二两三四五六七八九])([二三四五六七八九])成/g;
export function strictRange(raw: string): string {
  const clause = raw
    .replace(PERCENT_WORDS_RANGE, (_m, a: string, b: string) => `百分之${a}至百分之${b}`)
    .replace(NEIGHBOUR_TENTHS, (m, a: string, b: string) => ((parseChineseNumber(b) ?? 0) === (parseChineseNumber(a) ?? 0) + 1 ? `${a}成至${b}成` : m));
  return clause.replace(RANGE, (whole, a: string, b: string, offset: number) => {
    const unit = /成$/.test(b) ? '成' : '%';
    const [x, y] = [shareOf(/[%成]$|分之|百分之/.test(a) ? a : a + unit), shareOf(b)];
    if (x === null || y === null) return whole;
    const kept = KEPT_BEFORE.test(clause.slice(0, offset)) && !CUT_BEFORE.test(clause.slice(0, offset));
    return `${kept ? Math.min(x, y) : Math.max(x, y)}%`;
  });
}

/** What one share found in a clause says: the share cut, or null when its words say neither cut nor kept. */
function readingOf(clause: string, m: RegExpMatchArray): number | null {
  const pct = shareOf(m[1]!);
  if (pct === null) return null;
  const before = clause.slice(0, m.index);
  // The word right before the share decides: a cut ("下降百分之十五"), else a level it is brought to ("至…的75%").
  // A cut verb a word before the share ("再压减负荷20%") cuts too, and so does a share named as the cut
  // ("限产幅度为正常产量的25%", "减排比例达到黄色预警10%的要求").
  if (CUT_SHARE_NAMED.test(before)) return pct;
  // "产能的百分之六十保留，其余减掉": the share kept, said before its verb.
  if (/^(?:的)?(?:保留|维持|正常生产)/.test(clause.slice(m.index! + m[0].length))) return pct >= 100 ? null : Math.round((100 - pct) * 10) / 10;
  if (CUT_BEFORE.test(before) || /(?:不少于|不低于|至少)$/.test(before) || CUT_NEAR.test(before)) return pct;
  if (KEPT_BEFORE.test(before)) return pct >= 100 ? null : Math.round((100 - pct) * 10) / 10;
  return null;
}

/** "在黄色预警限产20%的基础上再压减10个百分点": the points added to the share it builds on. */
const ON_TOP = /(\d+(?:\.\d+)?)%的基础上(?:再|另外|进一步)?(?:压减|减|限产|降低|下调)(\d+(?:\.\d+)?)个?百分点/;

/** "生产负荷降低20个百分点（正常负荷90%）": points out of the normal level, not out of 100. */
const POINTS_OF_NORMAL = /(\d+(?:\.\d+)?)个百分点[^,;。]{0,4}?\((?:正常|平时|原)(?:负荷|开工率)?(?:为)?(\d+(?:\.\d+)?)%\)/;

export function limitByShare(raw: string, opts: { quantityImplied?: boolean } = {}): number | null {
  const onTop = ON_TOP.exec(raw);
  if (onTop) return Math.min(100, Number(onTop[1]) + Number(onTop[2]));
  const points = POINTS_OF_NORMAL.exec(raw);
  if (points && Number(points[2]) > Number(points[1])) return Math.round((Number(points[1]) / Number(points[2])) * 1000) / 10;
  const clause = strictRange(asKept(raw));
  if (!opts.quantityImplied && !QUANTITY.test(clause)) return null;
  const found = [...clause.matchAll(SHARES)];
  // One share: what its words say. Several ("用电量下降30%，产量下降不低于40%"): each that a cut verb gives is a
  // cut, and the largest is the one an inspector checks ("生产负荷由100%下调15个百分点": the 100 % is no cut).
  if (found.length === 1) return readingOf(clause, found[0]!);
  const cuts = found
    .filter((f) => CUT_BEFORE.test(clause.slice(0, f.index)))
    .map((f) => readingOf(clause, f))
    .filter((p): p is number => p !== null);
  return cuts.length > 0 ? Math.max(...cuts) : null;
}
