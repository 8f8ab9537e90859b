/**
 * Rows of the list → Enterprise records, with every problem found on the way (never only the first).
 * Rows are numbered as Excel shows them: the header is row 1 in a CSV.
 */
import type { AlertLevel, Emissions, Enterprise } from '../../core/model.js';
import type { Problem } from '../../core/problem.js';
import { parseGradeCell } from '../../core/rules/gradeCell.js';
import { creditCodeFault } from '../../core/creditCode.js';
import { inChina } from '../../core/geo.js';
import { LIST_COLUMNS, fieldOfHeader, type ListField } from './listColumns.js';

export interface RawTable {
  file: string;
  /** Header cells as found. */
  header: string[];
  /** Data rows with the row number Excel shows for each. */
  rows: { row: number; cells: string[] }[];
}

export interface ListReadResult {
  enterprises: Enterprise[];
  problems: Problem[];
  /** Columns haze does not know, kept for JSON pass-through: header → value, per enterprise row. */
  extra: Map<number, Record<string, string>>;
}

/** Text cells are kept as written (Chinese punctuation included), only trimmed of stray spaces. */
export function normaliseCell(cell: string): string {
  return cell.replace(/[\u00a0\u3000]/g, ' ').trim();
}

/** Codes and numbers arrive as people typed them: full-width digits and letters become half-width. */
function normaliseCode(cell: string): string {
  return cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Fields read as codes or numbers; all others are text, kept as written. */
const CODE_FIELDS: ReadonlySet<ListField> = new Set(['creditCode', 'grade', 'lon', 'lat', 'so2', 'nox', 'pm', 'vocs', 'truckTrips', 'phone']);

export function readListRows(table: RawTable): ListReadResult {
  const problems: Problem[] = [];
  const file = table.file;
  const columnOf = new Map<ListField, number>();
  const extraColumns: { index: number; header: string }[] = [];
  table.header.forEach((cell, index) => {
    const field = fieldOfHeader(cell);
    if (field && !columnOf.has(field)) columnOf.set(field, index);
    else if (cell.trim() !== '') extraColumns.push({ index, header: cell.trim() });
  });

  const missing = LIST_COLUMNS.filter((c) => c.required && !columnOf.has(c.field));
  for (const c of missing) {
    problems.push({
      severity: 'error',
      code: 'HAZE_LIST_COLUMN_MISSING',
      where: { file, row: 1, column: c.header },
      message: { zh: `缺少必填列"${c.header}"`, en: `required column "${c.header}" (${c.key}) is missing` },
      hint: {
        zh: `表头应包含：${LIST_COLUMNS.filter((x) => x.required).map((x) => x.header).join('、')}（可用 haze init 生成模板）`,
        en: `the header must name: ${LIST_COLUMNS.filter((x) => x.required).map((x) => x.header).join(', ')} (haze init writes a template)`,
      },
    });
  }
  if (missing.length > 0) return { enterprises: [], problems, extra: new Map() };

  const enterprises: Enterprise[] = [];
  const extra = new Map<number, Record<string, string>>();
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue; // blank rows: Excel leaves them, people do not mean them
    if (cells.length !== table.header.length) {
      problems.push({
        severity: 'error',
        code: 'HAZE_CSV_FIELD_COUNT',
        where: { file, row },
        value: String(cells.length),
        message: {
          zh: `第 ${row} 行有 ${cells.length} 个字段，表头有 ${table.header.length} 个`,
          en: `row ${row} has ${cells.length} fields, the header has ${table.header.length}`,
        },
        hint: { zh: '检查该行是否有多余的逗号或缺少引号', en: 'look for a stray comma or a missing quote in that row' },
      });
      continue;
    }
    const e = readRow(row, cells, columnOf, file, problems);
    if (e) {
      enterprises.push(e);
      if (extraColumns.length > 0) {
        extra.set(row, Object.fromEntries(extraColumns.map((x) => [x.header, normaliseCell(cells[x.index] ?? '')])));
      }
    }
  }
  checkDuplicates(enterprises, file, problems);
  return { enterprises, problems, extra };
}

function readRow(row: number, cells: string[], columnOf: Map<ListField, number>, file: string, problems: Problem[]): Enterprise | null {
  const cell = (f: ListField): string => {
    const i = columnOf.get(f);
    if (i === undefined) return '';
    return CODE_FIELDS.has(f) ? normaliseCode(cells[i] ?? '') : normaliseCell(cells[i] ?? '');
  };
  const header = (f: ListField): string => LIST_COLUMNS.find((c) => c.field === f)!.header;
  const before = problems.filter((p) => p.severity === 'error').length;
  const problem = (f: ListField, code: string, value: string, zh: string, en: string, hint?: { zh: string; en: string }, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, code, where: { file, row, column: header(f) }, value, message: { zh, en }, ...(hint ? { hint } : {}) });

  for (const c of LIST_COLUMNS) {
    if (c.required && cell(c.field) === '') {
      problem(c.field, 'HAZE_ROW_REQUIRED_EMPTY', '', `"${c.header}"不能为空`, `"${c.header}" (${c.key}) is empty`);
    }
  }

  const rawCode = cell('creditCode');
  const creditCode = /^[0-9a-z]{18}$/i.test(rawCode) ? rawCode.toUpperCase() : rawCode;
  if (creditCode !== '') {
    const fault = creditCodeFault(creditCode);
    if (fault === 'scientific') {
      problem('creditCode', 'HAZE_ROW_CODE_MANGLED', creditCode, `统一社会信用代码被 Excel 转成了科学计数法：${creditCode}`, `the credit code was turned into a number by Excel: ${creditCode}`,
        { zh: '在 Excel 中把该列设为"文本"格式后重新输入代码', en: 'format the column as Text in Excel and type the codes again' });
    } else if (fault) {
      const why = { length: ['应为 18 位', 'must be 18 characters'], charset: ['含有不允许的字符（不用 I、O、Z、S、V）', 'has a character outside the code set (no I, O, Z, S, V)'], check: ['校验码不符（GB 32100-2015）', 'check character does not match (GB 32100-2015)'] }[fault];
      problem('creditCode', 'HAZE_ROW_CODE_INVALID', creditCode, `统一社会信用代码无效：${why[0]}`, `invalid credit code: ${why[1]}`,
        { zh: '请对照营业执照核对代码', en: 'check the code against the business licence' });
    }
  }

  const gradeRaw = cell('grade');
  const gradeCell = parseGradeCell(gradeRaw);
  if (gradeRaw !== '' && gradeCell.grade === null) {
    problem('grade', 'HAZE_ROW_GRADE_UNKNOWN', gradeRaw, `无法识别的绩效等级"${gradeRaw}"`, `unknown performance grade "${gradeRaw}"`,
      { zh: '可用：A、A+、引领性、B、B-、C、D、非分级（一厂一策）、保障类，可带标签如"民生豁免-B"', en: 'allowed: A, A+, 引领性, B, B-, C, D, 非分级 (一厂一策), 保障类, with tags such as 民生豁免-B' });
  }

  const lon = readNumber(cell('lon'));
  const lat = readNumber(cell('lat'));
  for (const [f, v] of [['lon', lon], ['lat', lat]] as const) {
    if (cell(f) !== '' && Number.isNaN(v)) {
      problem(f, 'HAZE_ROW_COORD_NOT_NUMBER', cell(f), `"${header(f)}"不是数字`, `"${header(f)}" is not a number`,
        { zh: '使用十进制度数，如 119.3859', en: 'use decimal degrees, e.g. 119.3859' });
    }
  }
  if (!Number.isNaN(lon) && !Number.isNaN(lat) && cell('lon') !== '' && cell('lat') !== '') {
    if (!inChina({ lon, lat })) {
      if (inChina({ lon: lat, lat: lon })) {
        problem('lon', 'HAZE_ROW_COORD_SWAPPED', `${lon}, ${lat}`, `经纬度似乎填反了：经度 ${lon}，纬度 ${lat}`, `longitude and latitude look swapped: lon ${lon}, lat ${lat}`,
          { zh: '经度约 73–136，纬度约 3–54；交换这两列的值', en: 'longitude is about 73–136 and latitude 3–54 in China: swap the two cells' });
      } else {
        problem('lon', 'HAZE_ROW_COORD_OUTSIDE_CHINA', `${lon}, ${lat}`, `坐标不在中国境内：${lon}, ${lat}`, `coordinates outside China: ${lon}, ${lat}`,
          { zh: '检查经纬度是否为十进制度数（WGS-84）', en: 'check the coordinates are decimal degrees (WGS-84)' });
      }
    }
  }

  const emissions = {} as Emissions;
  for (const f of ['so2', 'nox', 'pm', 'vocs'] as const) {
    const raw = cell(f);
    const v = raw === '' ? null : readNumber(raw);
    if (v !== null && (Number.isNaN(v) || v < 0)) {
      problem(f, 'HAZE_ROW_EMISSION_INVALID', raw, `"${header(f)}"应为非负数（吨/年）`, `"${header(f)}" must be a non-negative number (tonnes a year)`,
        { zh: '不填表示没有数据，0 表示不排放', en: 'leave it empty when unknown; 0 means none' });
    }
    emissions[f] = v === null || Number.isNaN(v) || v < 0 ? null : v;
  }

  const tripsRaw = cell('truckTrips');
  let truckTrips: number | null = null;
  if (tripsRaw !== '') {
    const v = readNumber(tripsRaw);
    if (Number.isNaN(v) || v < 0) {
      problem('truckTrips', 'HAZE_ROW_TRIPS_INVALID', tripsRaw, `"日均货车车次"应为非负数`, `"日均货车车次" (truck_trips) must be a non-negative number`);
    } else truckTrips = v;
  }

  if (problems.filter((p) => p.severity === 'error').length > before) return null;
  const measureText: Record<AlertLevel, string> = { yellow: cell('yellow'), orange: cell('orange'), red: cell('red') };
  return {
    creditCode,
    name: cell('name'),
    town: cell('town'),
    village: cell('village'),
    address: cell('address'),
    industry: cell('industry'),
    grade: gradeCell.grade!,
    gradeTags: gradeCell.tags,
    contact: cell('contact'),
    phone: cell('phone'),
    location: { lon, lat },
    emissions,
    truckTrips,
    measureText,
    row,
  };
}

/** A number as people type it: thousands separators and a trailing unit are tolerated. */
function readNumber(raw: string): number {
  const s = raw.replace(/,/g, '').replace(/\s*(吨|t|吨\/年|t\/a|辆|次)$/i, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number.NaN;
  return Number(s);
}

function checkDuplicates(enterprises: Enterprise[], file: string, problems: Problem[]): void {
  const byCode = new Map<string, Enterprise>();
  const byName = new Map<string, Enterprise>();
  for (const e of enterprises) {
    const first = byCode.get(e.creditCode);
    if (first) {
      problems.push({
        severity: 'error', code: 'HAZE_ROW_CODE_DUPLICATE', where: { file, row: e.row, column: '统一社会信用代码' }, value: e.creditCode,
        message: { zh: `统一社会信用代码与第 ${first.row} 行重复`, en: `credit code already used on row ${first.row}` },
        hint: { zh: '一家企业只占一行；多条生产线写在措施里', en: 'one row per enterprise; several lines go into the measure text' },
      });
    } else byCode.set(e.creditCode, e);
    const sameName = byName.get(e.name);
    if (sameName && sameName.creditCode !== e.creditCode) {
      problems.push({
        severity: 'warning', code: 'HAZE_ROW_NAME_DUPLICATE', where: { file, row: e.row, column: '企业名称' }, value: e.name,
        message: { zh: `企业名称与第 ${sameName.row} 行相同，但信用代码不同`, en: `same name as row ${sameName.row} with a different credit code` },
        hint: { zh: '核对是否同一企业', en: 'check whether they are the same enterprise' },
      });
    } else if (!sameName) byName.set(e.name, e);
  }
}
