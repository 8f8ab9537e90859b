/**
 * The columns of the emergency emission-reduction list (应急减排清单): the canonical Chinese header of each
 * field, the English key used in JSON/CSV, whether it is required, and the other ways real lists write it.
 * data/xuebu/README.md documents the same table for people.
 */

export type ListField =
  | 'creditCode' | 'name' | 'town' | 'village' | 'address' | 'industry' | 'grade' | 'contact' | 'phone'
  | 'lon' | 'lat' | 'so2' | 'nox' | 'pm' | 'vocs' | 'truckTrips' | 'yellow' | 'orange' | 'red';

export interface ListColumn {
  field: ListField;
  /** The canonical header, as `haze init` writes it. */
  header: string;
  /** Stable English key for scripts. */
  key: string;
  required: boolean;
  aliases: string[];
}

export const LIST_COLUMNS: readonly ListColumn[] = [
  { field: 'creditCode', header: '统一社会信用代码', key: 'credit_code', required: true, aliases: ['社会信用代码', '信用代码'] },
  { field: 'name', header: '企业名称', key: 'name', required: true, aliases: ['单位名称', '企业（单位）名称', '企业(单位)名称', '排污单位名称'] },
  { field: 'town', header: '镇街', key: 'town', required: false, aliases: ['街乡镇', '乡镇', '乡镇街道', '所在镇'] },
  { field: 'village', header: '村社区', key: 'village', required: true, aliases: ['所在村', '村（社区）', '村(社区)', '行政村'] },
  { field: 'address', header: '详细地址', key: 'address', required: false, aliases: ['地址', '企业地址'] },
  { field: 'industry', header: '行业类别', key: 'industry', required: false, aliases: ['行业', '所属行业', '行业类型'] },
  { field: 'grade', header: '绩效等级', key: 'grade', required: true, aliases: ['绩效分级', '企业分级', '管控类型', '分级'] },
  { field: 'contact', header: '联系人', key: 'contact', required: false, aliases: ['环保负责人'] },
  { field: 'phone', header: '联系电话', key: 'phone', required: false, aliases: ['联系方式', '电话'] },
  { field: 'lon', header: '经度', key: 'lon', required: true, aliases: ['lng', 'lon', 'x'] },
  { field: 'lat', header: '纬度', key: 'lat', required: true, aliases: ['lat', 'y'] },
  { field: 'so2', header: 'SO2排放量', key: 'so2_t', required: false, aliases: ['二氧化硫排放量', 'SO2年排放量', '二氧化硫'] },
  { field: 'nox', header: 'NOx排放量', key: 'nox_t', required: false, aliases: ['氮氧化物排放量', 'NOx年排放量', '氮氧化物'] },
  { field: 'pm', header: '颗粒物排放量', key: 'pm_t', required: false, aliases: ['颗粒物年排放量', '颗粒物', 'PM排放量'] },
  { field: 'vocs', header: 'VOCs排放量', key: 'vocs_t', required: false, aliases: ['挥发性有机物排放量', 'VOCs年排放量', '挥发性有机物'] },
  { field: 'truckTrips', header: '日均货车车次', key: 'truck_trips', required: false, aliases: ['货车车次', '日均运输车次'] },
  { field: 'yellow', header: '黄色预警措施', key: 'yellow_measure', required: false, aliases: ['黄色预警减排措施', 'Ⅲ级响应措施', '三级响应措施'] },
  { field: 'orange', header: '橙色预警措施', key: 'orange_measure', required: false, aliases: ['橙色预警减排措施', 'Ⅱ级响应措施', '二级响应措施'] },
  { field: 'red', header: '红色预警措施', key: 'red_measure', required: false, aliases: ['红色预警减排措施', 'Ⅰ级响应措施', '一级响应措施'] },
];

/**
 * A header cell in a comparable form: no spaces, half-width brackets, lower case, and a trailing unit in
 * brackets dropped ("SO2排放量(吨/年)" → "so2排放量").
 */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*(吨|t|年|%|km|个|次|辆)[^)]*\)$/i, '')
    .toLowerCase();
}

const BY_KEY: Map<string, ListField> = new Map();
for (const c of LIST_COLUMNS) {
  for (const name of [c.header, ...c.aliases]) BY_KEY.set(headerKey(name), c.field);
}

/** The field a header cell names, or undefined for a column haze does not know (kept, not rejected). */
export function fieldOfHeader(cell: string): ListField | undefined {
  return BY_KEY.get(headerKey(cell));
}
