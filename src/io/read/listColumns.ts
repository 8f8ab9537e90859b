/**
 * The columns of the emergency emission-reduction list (应急减排清单): the canonical Chinese header of each
 * field, the English key used in JSON/CSV, whether it is required, and the other ways real lists write it.
 * data/xuebu/README.md ("表头别名 Header aliases") documents the same table for people: keep them together.
 */
import { codePoint, INVISIBLE, withoutInvisible } from '../../core/invisible.js';

export type ListField =
  | 'creditCode'
  | 'name'
  | 'town'
  | 'village'
  | 'address'
  | 'industry'
  | 'grade'
  | 'contact'
  | 'phone'
  | 'lon'
  | 'lat'
  | 'so2'
  | 'nox'
  | 'pm'
  | 'vocs'
  | 'truckTrips'
  | 'yellow'
  | 'orange'
  | 'red';

export interface ListColumn {
  field: ListField;
  /** The canonical header, as `haze init` writes it. */
  header: string;
  /** Stable English key for scripts. */
  key: string;
  required: boolean;
  aliases: string[];
}

/** The same alias for each of the three measure columns: 黄色/Ⅲ级/三级, 橙色/Ⅱ级/二级, 红色/Ⅰ级/一级. */
function measureAliases(colour: string, roman: string, chinese: string): string[] {
  return [
    `${colour}预警减排措施`,
    `${colour}预警管控措施`,
    `${colour}预警期间减排措施`,
    `${colour}预警`,
    `${colour}`,
    `${roman}级响应措施`,
    `${roman}级响应减排措施`,
    `${roman}级响应`,
    `${chinese}级响应措施`,
    `${chinese}级响应减排措施`,
    `${chinese}级响应`,
  ];
}

export const LIST_COLUMNS: readonly ListColumn[] = [
  {
    field: 'creditCode',
    header: '统一社会信用代码',
    key: 'credit_code',
    required: true,
    aliases: ['社会信用代码', '信用代码', '统一信用代码', '统一社会信用代码证'],
  },
  {
    field: 'name',
    header: '企业名称',
    key: 'name',
    required: true,
    aliases: ['单位名称', '企业（单位）名称', '排污单位名称', '企业全称', '公司名称', '工业企业名称'],
  },
  { field: 'town', header: '镇街', key: 'town', required: false, aliases: ['街乡镇', '乡镇', '乡镇街道', '乡镇（街道）', '镇（街道）', '所在镇', '所属镇街'] },
  {
    field: 'village',
    header: '村社区',
    key: 'village',
    required: true,
    aliases: ['所在村', '村（社区）', '行政村', '村', '社区', '所在村（社区）', '所属村（社区）', '村居', '村（居）'],
  },
  { field: 'address', header: '详细地址', key: 'address', required: false, aliases: ['地址', '企业地址', '生产地址', '生产经营地址', '单位地址'] },
  { field: 'industry', header: '行业类别', key: 'industry', required: false, aliases: ['行业', '所属行业', '行业类型', '行业名称', '重点行业', '涉及行业'] },
  {
    field: 'grade',
    header: '绩效等级',
    key: 'grade',
    required: true,
    aliases: ['绩效分级', '企业分级', '管控类型', '分级', '绩效评级', '绩效分级等级', '应急减排分级'],
  },
  { field: 'contact', header: '联系人', key: 'contact', required: false, aliases: ['环保负责人', '企业联系人', '负责人'] },
  { field: 'phone', header: '联系电话', key: 'phone', required: false, aliases: ['联系方式', '电话', '手机', '手机号码', '联系人电话'] },
  { field: 'lon', header: '经度', key: 'lon', required: true, aliases: ['lng', 'lon', 'long', 'longitude', 'x', 'x坐标', '经度坐标', '中心经度'] },
  { field: 'lat', header: '纬度', key: 'lat', required: true, aliases: ['lat', 'latitude', 'y', 'y坐标', '纬度坐标', '中心纬度'] },
  {
    field: 'so2',
    header: 'SO2排放量',
    key: 'so2_t',
    required: false,
    aliases: ['二氧化硫排放量', 'SO2年排放量', '二氧化硫年排放量', '二氧化硫', 'SO2', 'SO₂排放量'],
  },
  {
    field: 'nox',
    header: 'NOx排放量',
    key: 'nox_t',
    required: false,
    aliases: ['氮氧化物排放量', 'NOx年排放量', '氮氧化物年排放量', '氮氧化物', 'NOx', 'NOₓ排放量'],
  },
  {
    field: 'pm',
    header: '颗粒物排放量',
    key: 'pm_t',
    required: false,
    aliases: ['颗粒物年排放量', '颗粒物', 'PM排放量', '烟粉尘排放量', '烟（粉）尘排放量', 'PM'],
  },
  {
    field: 'vocs',
    header: 'VOCs排放量',
    key: 'vocs_t',
    required: false,
    aliases: ['挥发性有机物排放量', 'VOCs年排放量', '挥发性有机物年排放量', '挥发性有机物', 'VOCs', 'VOC排放量'],
  },
  {
    field: 'truckTrips',
    header: '日均货车车次',
    key: 'truck_trips',
    required: false,
    aliases: ['货车车次', '日均运输车次', '日均车次', '运输车次', '日均重型货车车次'],
  },
  { field: 'yellow', header: '黄色预警措施', key: 'yellow_measure', required: false, aliases: measureAliases('黄色', 'Ⅲ', '三') },
  { field: 'orange', header: '橙色预警措施', key: 'orange_measure', required: false, aliases: measureAliases('橙色', 'Ⅱ', '二') },
  { field: 'red', header: '红色预警措施', key: 'red_measure', required: false, aliases: measureAliases('红色', 'Ⅰ', '一') },
];

export const COLUMN_OF: ReadonlyMap<ListField, ListColumn> = new Map(LIST_COLUMNS.map((c) => [c.field, c]));

/**
 * The names of the invisible characters (src/core/invisible.ts) a header may carry: "企业\u200b名称" looks like
 * 企业名称 and is read as it, with a warning naming what was there (invisibleIn).
 */
const INVISIBLE_NAMES: Record<string, [zh: string, en: string]> = {
  '\u00ad': ['软连字符', 'soft hyphen'],
  '\u180e': ['蒙古文元音分隔符', 'Mongolian vowel separator'],
  '\u200b': ['零宽空格', 'zero width space'],
  '\u200c': ['零宽不连字', 'zero width non-joiner'],
  '\u200d': ['零宽连字', 'zero width joiner'],
  '\u200e': ['从左至右标记', 'left-to-right mark'],
  '\u200f': ['从右至左标记', 'right-to-left mark'],
  '\u2060': ['词连接符', 'word joiner'],
  '\ufeff': ['字节顺序标记 BOM', 'byte order mark (BOM)'],
};

export interface InvisibleCharacter {
  /** "U+200B" */
  code: string;
  zh: string;
  en: string;
}

/** The invisible characters in a cell, each once, with their names; empty when none. */
export function invisibleIn(cell: string): InvisibleCharacter[] {
  const found = new Set(cell.match(INVISIBLE) ?? []);
  return [...found].map((c) => {
    const code = codePoint(c);
    const [zh, en] = INVISIBLE_NAMES[c] ?? ['不可见的格式字符', 'an invisible format character'];
    return { code, zh: `${code}（${zh}）`, en: `${code} (${en})` };
  });
}

/**
 * A header cell in a comparable form: NFKC (full-width letters, digits and brackets become ASCII, Ⅱ becomes
 * II, ₂ becomes 2), no invisible characters, spaces or line breaks, lower case, without the marks templates put on required
 * columns (*, ※) or a trailing colon.
 */
export function headerKey(cell: string): string {
  return withoutInvisible(cell)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(/^[*※]+|[*※:]+$/g, '')
    .toLowerCase();
}

/** "SO2排放量(吨/年)" → "so2排放量": a trailing bracket holds a unit or a note, not the field's name. */
function withoutTrailingNote(key: string): string {
  return key.replace(/\([^()]*\)$/, '');
}

const BY_KEY: Map<string, ListField> = new Map();
for (const c of LIST_COLUMNS) {
  for (const name of [c.header, ...c.aliases]) BY_KEY.set(headerKey(name), c.field);
}

/**
 * The field a header cell names, or undefined for a column haze does not know (kept, not rejected).
 * The whole cell is tried first, so that "村（社区）" is itself; then without a trailing bracket, so that
 * "SO2排放量（吨/年）" and "经度(°)" are understood.
 */
export function fieldOfHeader(cell: string): ListField | undefined {
  const key = headerKey(cell);
  if (key === '') return undefined;
  return BY_KEY.get(key) ?? BY_KEY.get(withoutTrailingNote(key));
}
