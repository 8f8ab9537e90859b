/**
 * Rows of the list → Enterprise records, with every problem found on the way (never only the first).
 * The reader takes one row at a time, so that a province list of 100,000 rows streams through it; what it
 * keeps across rows is only what the duplicate checks need.
 */
import type { Emissions, Enterprise, Point } from '../../core/model.js';
import { newProblem, type Problem, type Severity } from '../../core/problem.js';
import { CODE, type ProblemCode, type Text } from '../../errors.js';
import { parseGradeCell, type GradeCell } from '../../core/rules/gradeCell.js';
import { creditCodeFault } from '../../core/creditCode.js';
import { haversineKm, inChina } from '../../core/geo.js';
import { withoutInvisible } from '../../core/invisible.js';
import { COLUMN_OF, LIST_COLUMNS, fieldOfHeader, invisibleIn, type InvisibleCharacter, type ListField } from './listColumns.js';
import { StringIndex } from './stringIndex.js';

export interface ListReadResult {
  enterprises: Enterprise[];
  problems: Problem[];
  /** Columns haze does not know, kept for JSON pass-through: header → value, per enterprise row. */
  extra: Map<number, Record<string, string>>;
  /** The known fields the list has a column for. */
  fields: ListField[];
  /** The headers of the columns haze does not know, in the file's order. */
  extraColumns: string[];
  /** The row number of the header. */
  headerRow: number;
}

/**
 * A town is 10–20 km across and its county some 50: a point farther than this from the town's base is a
 * typo (a digit lost or added moves it tens or hundreds of km) or a place from another list, while the
 * town's outlying villages are never flagged.
 */
export const FAR_FROM_BASE_KM = 50;

export interface RowChecks {
  /** Coordinates farther than maxKm from this point (the town's base) are warned about. */
  near?: { point: Point; name: string; maxKm: number } | undefined;
}

/** Text cells are kept as written (Chinese punctuation included): full-width letters, digits and spaces become ASCII, and the cell is trimmed. */
export function normaliseCell(cell: string): string {
  if (!/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0]/.test(cell)) return cell.trim();
  return cell
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00a0\u3000]/g, ' ')
    .trim();
}

/** Codes and numbers arrive as people typed them: every full-width form (digits, letters, ．－，) becomes ASCII. */
function normaliseCode(cell: string): string {
  if (isPrintableAscii(cell)) return cell; // plain ASCII without spaces: nothing to do (most cells)
  const ascii = /^[\x20-\x7e]*$/.test(cell) ? cell : cell.normalize('NFKC');
  return ascii.replace(/\s+/g, ' ').trim();
}

/** Only ASCII from ! to ~ (no space): a character loop, cheaper than a pattern on cells this short. */
function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** Fields read as codes or numbers; all others are text, kept as written. */
const CODE_FIELDS: ReadonlySet<ListField> = new Set(['creditCode', 'grade', 'lon', 'lat', 'so2', 'nox', 'pm', 'vocs', 'truckTrips', 'phone']);
/** Text that repeats down a list (the town, villages, industries, the same few measure texts): one copy kept. */
const SHARED_FIELDS: ReadonlySet<ListField> = new Set(['town', 'village', 'industry', 'yellow', 'orange', 'red']);
/** A field's place in a row's normalised values. */
const SLOT = Object.fromEntries(LIST_COLUMNS.map((c, i) => [c.field, i])) as Readonly<Record<ListField, number>>;
// The places as constants, for readRow: a look-up by name in SLOT, 25 a row, showed in the reader's profile.
const CREDIT_CODE = SLOT.creditCode;
const NAME = SLOT.name;
const TOWN = SLOT.town;
const VILLAGE = SLOT.village;
const ADDRESS = SLOT.address;
const INDUSTRY = SLOT.industry;
const GRADE = SLOT.grade;
const CONTACT = SLOT.contact;
const PHONE = SLOT.phone;
const LON = SLOT.lon;
const LAT = SLOT.lat;
const SO2 = SLOT.so2;
const NOX = SLOT.nox;
const PM = SLOT.pm;
const VOCS = SLOT.vocs;
const TRUCK_TRIPS = SLOT.truckTrips;
const YELLOW = SLOT.yellow;
const ORANGE = SLOT.orange;
const RED = SLOT.red;
const REQUIRED = LIST_COLUMNS.filter((c) => c.required).map((c) => ({ ...c, slot: SLOT[c.field] }));
/** Past this many distinct values a column is not repetitive: stop collecting. */
const SHARED_MAX = 20_000;

export class ListRowReader {
  private readonly problems: Problem[] = [];
  private readonly enterprises: Enterprise[] = [];
  private readonly extra = new Map<number, Record<string, string>>();
  private readonly columnOf = new Map<ListField, number>();
  /** The header as the file writes it, for messages ("管控类型", not our "绩效等级"). */
  private readonly headerOf = new Map<ListField, string>();
  private readonly extraColumns: { index: number; header: string }[] = [];
  /** Credit code → the row it first appears on. */
  private readonly byCode = new StringIndex();
  /** Name → the first enterprise with it (its place in `enterprises`). */
  private readonly byName = new StringIndex();
  private readonly usable: boolean;
  /** Problems found in the current row. */
  private rowErrors = 0;
  /** The current row's cells, each normalised once, by the field's place in LIST_COLUMNS. */
  private readonly values: string[] = LIST_COLUMNS.map(() => '');
  /** Where each known field is in a row, and how its cell is read. */
  private plan: { slot: number; index: number; code: boolean; shared: boolean }[] = [];
  /** A repeated cell as read → its place in sharedValues. */
  private readonly shared = new StringIndex();
  private readonly sharedValues: string[] = [];
  private readonly grades = new Map<string, GradeCell>();

  /**
   * @param strictWidth a CSV row with more or fewer fields than the header is an error (a stray comma);
   *   a sheet's rows simply end at their last filled cell.
   */
  constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    private readonly headerRow: number,
    private readonly checks: RowChecks = {},
    private readonly strictWidth = true,
  ) {
    header.forEach((cell, index) => {
      const field = fieldOfHeader(cell);
      const hidden = invisibleIn(cell);
      const shown = withoutInvisible(cell).trim();
      if (field && hidden.length > 0) this.problems.push(invisibleInHeader(file, headerRow, shown, hidden));
      if (field && !this.columnOf.has(field)) {
        this.columnOf.set(field, index);
        this.headerOf.set(field, shown);
      } else if (shown !== '') {
        if (field) {
          this.problems.push(
            newProblem({
              severity: 'warning',
              code: CODE.HAZE_LIST_COLUMN_DUPLICATE,
              where: { file, row: headerRow, column: shown },
              value: shown,
              message: {
                zh: `"${shown}"与"${this.headerOf.get(field)}"是同一列，只用前一列`,
                en: `"${shown}" names the same field as "${this.headerOf.get(field)}"; the first one is used`,
              },
            }),
          );
        }
        this.extraColumns.push({ index, header: shown });
      }
    });
    this.plan = [...this.columnOf].map(([f, index]) => ({ slot: SLOT[f], index, code: CODE_FIELDS.has(f), shared: SHARED_FIELDS.has(f) }));
    const missing = LIST_COLUMNS.filter((c) => c.required && !this.columnOf.has(c.field));
    const required = LIST_COLUMNS.filter((x) => x.required).map((x) => x.header);
    for (const c of missing) {
      this.problems.push(
        newProblem({
          severity: 'error',
          code: CODE.HAZE_LIST_COLUMN_MISSING,
          where: { file, row: headerRow, column: c.header },
          message: { zh: `缺少必填列"${c.header}"`, en: `required column "${c.header}" (${c.key}) is missing` },
          hint: {
            zh: `表头应包含：${required.join('、')}（别名见 data/xuebu/README.md；可用 haze init 生成模板）`,
            en: `the header must name: ${required.join(', ')} (aliases in data/xuebu/README.md; haze init writes a template)`,
          },
        }),
      );
    }
    this.usable = missing.length === 0;
  }

  add(row: number, cells: readonly string[]): void {
    if (!this.usable) return;
    if (cells.every((c) => c.trim() === '')) return; // blank rows: Excel leaves them, people do not mean them
    if (this.strictWidth && cells.length !== this.header.length) {
      this.problems.push(
        newProblem({
          severity: 'error',
          code: CODE.HAZE_CSV_FIELD_COUNT,
          where: { file: this.file, row },
          value: String(cells.length),
          message: {
            zh: `第 ${row} 行有 ${cells.length} 个字段，表头有 ${this.header.length} 个`,
            en: `row ${row} has ${cells.length} fields, the header has ${this.header.length}`,
          },
        }),
      );
      return;
    }
    const e = this.readRow(row, cells);
    if (!e) return;
    this.enterprises.push(e);
    this.checkDuplicates(e);
    if (this.extraColumns.length > 0) {
      this.extra.set(row, Object.fromEntries(this.extraColumns.map((x) => [x.header, normaliseCell(cells[x.index] ?? '')])));
    }
  }

  result(): ListReadResult {
    return {
      enterprises: this.enterprises,
      problems: this.problems,
      extra: this.extra,
      fields: [...this.columnOf.keys()],
      extraColumns: this.extraColumns.map((x) => x.header),
      headerRow: this.headerRow,
    };
  }

  /** Every known cell of the row, normalised once (a list has 19 columns and 100,000 rows). */
  private normaliseRow(cells: readonly string[]): void {
    for (const p of this.plan) {
      const raw = cells[p.index] ?? '';
      this.values[p.slot] = p.shared ? this.share(raw) : p.code ? normaliseCode(raw) : normaliseCell(raw);
    }
  }

  /** A repeated cell, normalised the first time it is seen; later rows get that same string. */
  private share(raw: string): string {
    const at = this.shared.get(raw);
    if (at !== undefined) return this.sharedValues[at]!;
    const v = normaliseCell(raw);
    if (this.sharedValues.length < SHARED_MAX) {
      this.shared.getOrSet(raw, this.sharedValues.length);
      this.sharedValues.push(v);
    }
    return v;
  }

  private grade(raw: string): GradeCell {
    let g = this.grades.get(raw);
    if (!g) {
      g = parseGradeCell(raw);
      if (this.grades.size < SHARED_MAX) this.grades.set(raw, g);
    }
    return g;
  }

  private column(f: ListField): string {
    return this.headerOf.get(f) ?? COLUMN_OF.get(f)!.header;
  }

  private problem(row: number, f: ListField, code: ProblemCode, value: string, message: Text, hint?: Text, severity: Severity = 'error'): void {
    if (severity === 'error') this.rowErrors++;
    this.problems.push(newProblem({ severity, code, where: { file: this.file, row, column: this.column(f) }, value, message, hint }));
  }

  private readRow(row: number, cells: readonly string[]): Enterprise | null {
    this.rowErrors = 0;
    this.normaliseRow(cells);
    const values = this.values;
    for (const c of REQUIRED) {
      if (values[c.slot] === '') {
        this.problem(row, c.field, CODE.HAZE_ROW_REQUIRED_EMPTY, '', {
          zh: `"${this.column(c.field)}"不能为空`,
          en: `"${this.column(c.field)}" (${c.key}) is empty`,
        });
      }
    }
    const creditCode = this.readCreditCode(row, values[CREDIT_CODE]!);
    const gradeRaw = values[GRADE]!;
    const gradeCell = this.grade(gradeRaw);
    if (gradeRaw !== '' && gradeCell.grade === null) {
      this.problem(row, 'grade', CODE.HAZE_ROW_GRADE_UNKNOWN, gradeRaw, {
        zh: `无法识别的绩效等级"${gradeRaw}"`,
        en: `unknown performance grade "${gradeRaw}"`,
      });
    }
    const location = this.readLocation(row, values[LON]!, values[LAT]!);
    const emissions: Emissions = {
      so2: this.readEmission(row, 'so2', values[SO2]!),
      nox: this.readEmission(row, 'nox', values[NOX]!),
      pm: this.readEmission(row, 'pm', values[PM]!),
      vocs: this.readEmission(row, 'vocs', values[VOCS]!),
    };
    const tripsRaw = values[TRUCK_TRIPS]!;
    let truckTrips: number | null = null;
    if (tripsRaw !== '') {
      const v = readNumber(tripsRaw);
      if (Number.isNaN(v) || v < 0) {
        this.problem(row, 'truckTrips', CODE.HAZE_ROW_TRIPS_INVALID, tripsRaw, {
          zh: `"${this.column('truckTrips')}"应为非负数`,
          en: `"${this.column('truckTrips')}" (truck_trips) must be a non-negative number`,
        });
      } else truckTrips = v;
    }
    if (this.rowErrors > 0 || location === null) return null;
    return {
      creditCode,
      name: values[NAME]!,
      town: values[TOWN]!,
      village: values[VILLAGE]!,
      address: values[ADDRESS]!,
      industry: values[INDUSTRY]!,
      grade: gradeCell.grade!,
      gradeTags: gradeCell.tags, // shared by the rows with the same grade cell; nothing writes to it
      contact: values[CONTACT]!,
      phone: values[PHONE]!,
      location,
      emissions,
      truckTrips,
      measureText: { yellow: values[YELLOW]!, orange: values[ORANGE]!, red: values[RED]! },
      row,
    };
  }

  /** Tonnes a year: empty is null; a cell that is not a non-negative number is a problem (and null). */
  private readEmission(row: number, f: 'so2' | 'nox' | 'pm' | 'vocs', raw: string): number | null {
    if (raw === '') return null;
    const v = readNumber(raw);
    if (Number.isNaN(v) || v < 0) {
      this.problem(row, f, CODE.HAZE_ROW_EMISSION_INVALID, raw, {
        zh: `"${this.column(f)}"应为非负数（吨/年）`,
        en: `"${this.column(f)}" must be a non-negative number (tonnes a year)`,
      });
      return null;
    }
    return v;
  }

  /** The code upper-cased and checked (GB 32100-2015); Excel's scientific notation named as such. */
  private readCreditCode(row: number, raw: string): string {
    let code = raw;
    if (!/^[0-9A-Z]{18}$/.test(raw)) {
      const compact = raw.replace(/[\s-]/g, '');
      if (/^[0-9a-z]{18}$/i.test(compact)) code = compact.toUpperCase();
    }
    if (code === '') return code;
    const fault = creditCodeFault(code);
    // A number cell shown in full keeps Excel's 15 significant digits: the last three are zeros.
    const cut = fault === 'check' && /^\d{15}000$/.test(code);
    if (cut) {
      this.problem(row, 'creditCode', CODE.HAZE_ROW_CODE_MANGLED, code, {
        zh: `统一社会信用代码被 Excel 当成数字，只保留了 15 位：${code}`,
        en: `the credit code was stored as a number and Excel kept only 15 digits: ${code}`,
      }); // the hint (the registry's) is the one every import of codes gives: format the column as Text
    } else if (fault === 'scientific') {
      this.problem(row, 'creditCode', CODE.HAZE_ROW_CODE_MANGLED, code, {
        zh: `统一社会信用代码被 Excel 转成了科学计数法：${code}`,
        en: `the credit code was turned into a number by Excel: ${code}`,
      });
    } else if (fault) {
      const why = {
        length: ['应为 18 位', 'must be 18 characters'],
        charset: ['含有不允许的字符（不用 I、O、Z、S、V）', 'has a character outside the code set (no I, O, Z, S, V)'],
        check: ['校验码不符（GB 32100-2015）', 'check character does not match (GB 32100-2015)'],
      }[fault];
      this.problem(row, 'creditCode', CODE.HAZE_ROW_CODE_INVALID, code, { zh: `统一社会信用代码无效：${why[0]}`, en: `invalid credit code: ${why[1]}` });
    }
    return code;
  }

  /** Decimal degrees inside China; swapped cells and points far from the town are named. */
  private readLocation(row: number, lonRaw: string, latRaw: string): Point | null {
    const lon = readNumber(lonRaw);
    const lat = readNumber(latRaw);
    if (lonRaw !== '' && Number.isNaN(lon)) this.notANumber(row, 'lon', lonRaw);
    if (latRaw !== '' && Number.isNaN(lat)) this.notANumber(row, 'lat', latRaw);
    if (Number.isNaN(lon) || Number.isNaN(lat) || lonRaw === '' || latRaw === '') return null;
    const where = `${lonRaw}, ${latRaw}`;
    if (!inChina({ lon, lat })) {
      if (inChina({ lon: lat, lat: lon })) {
        this.problem(row, 'lon', CODE.HAZE_ROW_COORD_SWAPPED, where, {
          zh: `经纬度似乎填反了：经度 ${lonRaw}，纬度 ${latRaw}`,
          en: `longitude and latitude look swapped: lon ${lonRaw}, lat ${latRaw}`,
        });
      } else {
        this.problem(row, 'lon', CODE.HAZE_ROW_COORD_OUTSIDE_CHINA, where, { zh: `坐标不在中国境内：${where}`, en: `coordinates outside China: ${where}` });
      }
      return null;
    }
    const near = this.checks.near;
    if (near) {
      const km = haversineKm(near.point, { lon, lat });
      if (km > near.maxKm) {
        this.problem(
          row,
          'lon',
          CODE.HAZE_ROW_COORD_FAR,
          where,
          {
            zh: `坐标距${near.name} ${km.toFixed(1)} km，超出本镇范围（${near.maxKm} km）`,
            en: `the point is ${km.toFixed(1)} km from ${near.name}, beyond the town's area (${near.maxKm} km)`,
          },
          undefined,
          'warning',
        );
      }
    }
    return { lon, lat };
  }

  private notANumber(row: number, f: 'lon' | 'lat', raw: string): void {
    this.problem(row, f, CODE.HAZE_ROW_COORD_NOT_NUMBER, raw, { zh: `"${this.column(f)}"不是数字`, en: `"${this.column(f)}" is not a number` });
  }

  private checkDuplicates(e: Enterprise): void {
    const file = this.file;
    const firstRow = this.byCode.getOrSet(e.creditCode, e.row);
    if (firstRow !== undefined) {
      this.problems.push(
        newProblem({
          severity: 'error',
          code: CODE.HAZE_ROW_CODE_DUPLICATE,
          where: { file, row: e.row, column: this.column('creditCode') },
          value: e.creditCode,
          message: { zh: `统一社会信用代码与第 ${firstRow} 行重复`, en: `credit code already used on row ${firstRow}` },
        }),
      );
    }
    // The first enterprise of a name is kept as it is seen (its place in `enterprises`).
    const at = this.byName.getOrSet(e.name, this.enterprises.length - 1);
    const sameName = at === undefined ? undefined : this.enterprises[at]!;
    if (sameName && sameName.creditCode !== e.creditCode) {
      this.problems.push(
        newProblem({
          severity: 'warning',
          code: CODE.HAZE_ROW_NAME_DUPLICATE,
          where: { file, row: e.row, column: this.column('name') },
          value: e.name,
          message: { zh: `企业名称与第 ${sameName.row} 行相同，但信用代码不同`, en: `same name as row ${sameName.row} with a different credit code` },
        }),
      );
    }
  }
}

/** A number as people type it: thousands separators and a trailing unit are tolerated. */
export function readNumber(raw: string): number {
  const plain = plainDecimal(raw); // the common case, without the replacements below
  if (!Number.isNaN(plain)) return plain;
  const s = raw.replace(/,/g, '').replace(/\s*(吨\/年|吨|t\/a|t|辆|次)$/i, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number.NaN;
  return Number(s);
}

/** 10^0 … 10^15, each exact as a double. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of digits with at most one point inside (119.372819, 12, 0.5), NaN for any other text: a
 * character loop, for 700,000 cells a province list. Up to 15 digits the digits are an exact integer, and
 * one division by an exact power of ten rounds as Number() rounds (both give the double nearest the
 * decimal); longer ones are left to Number().
 */
export function plainDecimal(s: string): number {
  const n = s.length;
  if (n === 0) return Number.NaN;
  let dot = -1;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0 || i === 0 || i === n - 1) return Number.NaN;
      dot = i;
    } else if (c >= 48 && c <= 57) digits = digits * 10 + (c - 48);
    else return Number.NaN;
  }
  if (n - (dot < 0 ? 0 : 1) > 15) return Number(s);
  return dot < 0 ? digits : digits / POW10[n - 1 - dot]!;
}

/** A header read once its invisible characters were left out: said, naming them, so that the file can be cleaned. */
export function invisibleInHeader(file: string, row: number, shown: string, hidden: readonly InvisibleCharacter[]): Problem {
  return newProblem({
    severity: 'warning',
    code: CODE.HAZE_HEADER_INVISIBLE,
    where: { file, row, column: shown },
    value: hidden.map((h) => h.code).join(' '),
    message: {
      zh: `表头"${shown}"中有看不见的字符 ${hidden.map((h) => h.zh).join('、')}，已去掉后按"${shown}"读取`,
      en: `the header "${shown}" holds invisible characters: ${hidden.map((h) => h.en).join(', ')}; read as "${shown}" without them`,
    },
  });
}
