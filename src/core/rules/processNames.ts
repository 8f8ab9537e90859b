/**
 * Names of lines, processes and equipment ("1号窑", "喷涂、烘干工序"): what a partial stop lists for the
 * inspector, and what may stand before a limit as its subject. A word that could be a measure is never a name.
 */
import { STAGE_NAME } from './emissionStages.js';

/** Words a process name may end with; in "喷涂、烘干工序" the last one is shared by the whole list. */
const FACILITY_SUFFIXES = ['生产线', '产线', '车间', '工序', '工段', '机组', '设备', '装置', '系统', '工艺', '设施', '窑', '炉', '磨', '线', '机', '站'];

/**
 * A name that contains a measure word is not a name: "停止喷涂、限产30%" is two measures, not one list.
 * 其余/其他 ("the rest") depend on another clause, so "其余停产" is left for a person.
 */
const NOT_A_NAME = new RegExp(
  String.raw`停产|停止|停用|停运|关停|限产|减产|压减|降低|禁止|严禁|不得|自主|减排|保障|以热定产|%|百分之|${STAGE_NAME}|非道路|运输|负荷|除外|保温|保压|^生产(?![线车设装])|[,;。:!?]|^[不无禁的]|不(?!锈)|停(?:\d|[一二两三四五六七八九十])|罐车|货车|车辆|渣土车|汽车|汽运|运输车|建议|鼓励|倡导|可以|尽量|尽可能|[未没]$|^除(?!尘)|^(?:其余|其他|其它|剩余)|由\d`,
  'i',
);

export function isName(s: string): boolean {
  if (s.length === 0 || s.length > 25) return false;
  if (NOT_A_NAME.test(s)) return false;
  if (!/[\p{Script=Han}A-Za-z]/u.test(s)) return false;
  return (s.match(/\(/g) ?? []).length === (s.match(/\)/g) ?? []).length;
}

/** A subject before a limit ("1号窑限产30%"): empty, or a name. */
export const isSubject = (s: string | undefined): boolean => !s || isName(s);

/** 磨, 线, 机 and 站 end other words too (打磨, 停机): after fewer than two characters they are not a facility word. */
const hasOwnSuffix = (item: string): boolean =>
  FACILITY_SUFFIXES.some((suffix) => item.endsWith(suffix) && (!['磨', '线', '机', '站'].includes(suffix) || item.length >= 3 || /[\d#号]/.test(item)));

/** A facility word, a number or 号/#: "1号窑", "熔炼炉", "2#线". */
export const looksLikeFacility = (s: string): boolean => /\d+\s*(?:[#号条台座套]|$)|[#号]/.test(s) || hasOwnSuffix(s);

/**
 * "喷涂、烘干工序" → ['喷涂工序', '烘干工序']; "1号、2号窑" → ['1号窑', '2号窑']. 、和及与 separate items;
 * the last item's facility word is given to earlier items that have none. Null when an item is not a name.
 * With facilitiesOnly (a list written before its verb, "1号窑、2号窑停产"), every item of a list must look like
 * a facility, so that a stray word before the list is not swallowed as a process.
 */
export function splitNames(list: string, facilitiesOnly: boolean): string[] | null {
  const items = list.split(/[、和及与]/).map((s) => s.trim());
  const last = items[items.length - 1] ?? '';
  const shared = FACILITY_SUFFIXES.find((suffix) => last.endsWith(suffix) && last.length > suffix.length);
  const names = items.map((item, i) => (shared && i < items.length - 1 && !hasOwnSuffix(item) ? item + shared : item));
  if (!names.every(isName)) return null;
  // Judged on the items as written: "乱七八糟、1号窑" must not pass as 乱七八糟窑.
  if (facilitiesOnly && items.length > 1 && !items.every(looksLikeFacility)) return null;
  return names;
}
