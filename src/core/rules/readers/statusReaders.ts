/**
 * Clauses that state a status, not an action: no measure at all, exempt (保障类, 以热定产), or left to the
 * enterprise itself (自主减排).
 */
import { reading, type Reader } from '../clausePatterns.js';

/** "预警期间不需要采取停限产措施", "本公司无涉气工序", "不涉及生产": no measure asked, in a few more words. */
const NONE_SAID =
  /^(?:本公司|本企业|我公司|我厂|本厂)?(?:预警期间)?(?:(?:不需要|无需|不需|不用|不必)(?:采取)?(?:停限产|停产限产|减排|应急减排)?(?:措施)?|无涉气(?:工序|生产|排放)?|不涉及(?:生产|减排|停限产))$/;
export const readNone: Reader = (t) =>
  NONE_SAID.test(t) ||
  /^(?:无|暂无|不涉及|无需|无要求|不需要|不采取|无需采取|无此项|目前无需采取减排|无需采取减排|没有排放,?不用管|无生产设施|本公司仅为办公场所,?无生产设施|措施待定[^,;。]*|暂时没有减排措施,?等镇里通知|该企业不涉及应急减排|不涉及应急减排措施|暂时没有减排措施|暂无减排|暂无减排措施|本级别无需采取减排措施|无需采取减排措施|本级别无需采取减排|无需采取减排|未制定|待定|无具体措施|无具体|该级别不适用|本级别不适用|此项无|N\/?A\([^()]*\)|维持正常生产|无减排|无减排措施|无需减排|无减排要求|不涉及应急减排|未涉及|暂不安排|不适用|\(空\)|空|无停限产要求|不涉及停限产|N\/?A|正常生产(?:经营)?|[—–-]+|\/|\\|…+|\.+)$/i.test(
    t,
  )
    ? reading('none')
    : null;

/**
 * A text that only points to someone else's orders ("按上级要求执行", "参照上级文件执行", "同黄色预警", "服从镇政府
 *的统一安排"): it states no measure of its own, so the rule decides. A small grammar: a verb of following, the
 * authority or document followed, and a verb of doing.
 */
const FOLLOW = '(?:严格)?(?:按照?|根据|依据|参照|遵照|服从|听从|配合|执行|落实)';
/** Whom or what is followed; no measure word stands in it ("按政府要求限产30%" is a limit). */
const AUTHORITY =
  '(?:(?!停|限|减(?!排)|自主|自行|保障|生产)[^,;。]){0,24}?(?:上级|镇|乡|街道|县|区|市|省|政府|指挥部|办公室|大气办|环保|部门|文件|通知|要求|规定|指令|部署|安排|预警级别|一厂一策|方案|措施|指南|标准|预警)(?:的)?(?:要求|通知|规定|安排|指令|部署|文件)?';
const DO = '(?:执行|落实|实施|办理|安排)?(?:相应|各项)?(?:的)?(?:应急)?(?:减排)?(?:管控)?(?:措施)?';
const DEFERS = [
  new RegExp(`^(?:我公司|本公司|我厂|本厂|本企业|我单位|本单位|企业)?(?:预警期间)?(?:将)?(?:积极|认真)?${FOLLOW}${AUTHORITY}${DO}$`),
  /^(?:〃+|"+|一厂一策)$|^(?:本公司|本企业|本厂)?(?:措施)?(?:同上|同(?:黄色|橙色|红色)(?:预警)?(?:措施)?|参照执行|参照上级执行|详见一厂一策|见一厂一策|按一厂一策执行|实行一厂一策|严格落实(?:应急)?(?:减排)?措施|做好应急准备)$/,
];
export const readDefers: Reader = (t) => (DEFERS.some((r) => r.test(t)) ? reading('defers') : null);

/** domain.md §3: 保障类 are listed but exempt; 以热定产 runs at the approved heat load. */
export const readExempt: Reader = (t) => {
  if (/^(?:按照?)?以热定产(?:运行|生产)?$|^按供热需求(?:组织)?生产$/.test(t)) return reading('heat_based');
  if (
    /^(?:属于|属|列为|列入|纳入|作为)?(?:民生)?保障(?:类|性)?(?:企业|行业|清单)?$/.test(t) ||
    /^(?:不停限产|不采取停限产措施|不实施停限产|不采取停产限产措施|豁免停限产|免于停产|免于停限产|保障民生|保障运行|按保障任务量生产)$/.test(t) ||
    /^[^,;。]{1,10}?保障运行$|^最大负荷不超过核定负荷$/.test(t) ||
    /^(?:承担)?(?:居民|集中)?(?:供暖|供热)(?:任务)?,?(?:不得停产限产|不能停|不停产|不得停产)$|^(?:我们是)?给居民供暖的,?不能停$/.test(t) ||
    /^(?:民生)?豁免(?:管控|企业|类)?$|^(?:停限产|停产限产|限产)豁免$/.test(t) ||
    /^(?:(?:民生)?保障类?(?:企业)?)?(?:不停产、?不限产|不限产、?不停产|不停不限|不停产|不限产)$/.test(t)
  )
    return reading('exempt');
  return null;
};

/** domain.md §3: A / 引领性 → 自主减排. */
/** "鼓励结合实际自主采取减排措施": self-reduction with words of encouragement or circumstance around it. */
const SELF_SAID = /^(?:鼓励|可|可以)?(?:(?!停|限|减|保障)[^,;。]){0,8}?自主(?:采取|实施|开展|确定)?(?:减排|管控)(?:措施|行动)?$/;
export const readSelf: Reader = (t) =>
  SELF_SAID.test(t) ||
  /^(?:鼓励)?(?:企业)?(?:根据自身情况)?(?:实施|执行|采取|开展)?自主(?:采取|实施|开展|确定)?(?:减排|管控)(?:措施|行动)?$/.test(t) ||
  // Self-reduction in other words: 自愿, 自行安排, 由企业自定, 自主决定; encouraged, not ordered.
  /^(?:企业)?(?:自愿|自行)(?:采取|安排|开展|实施)?(?:减排|减产)(?:措施)?$|^(?:根据企业实际)?自行安排减排$|^减排措施由企业自定$|^(?:企业)?自主决定(?:是否)?(?:减产|减排|限产)?$|^自主减排,?不强制停限产$|^鼓励(?:错峰生产|减排|减产|自主减排)$|^(?:我们是)?[AB][+-]?级的?,?自己减(?:排)?$|^(?:结合|根据)自身情况自主减排$/.test(
    t,
  )
    ? reading('self')
    : null;
