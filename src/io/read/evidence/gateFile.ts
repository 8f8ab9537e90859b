/**
 * gate.csv: the gate ledger (HJ 1321's fields), one truck movement a row. The emission stage is HJ 1321's one
 * character (0–6, d electric, x non-road without a stage) or a vendor's words for it, which may carry the
 * fuel too (国五燃气, 电动). A stage that is free text (老车, 不详) cannot be checked against a truck ban: its
 * row is skipped with a warning while other rows are fine; when no row has a readable stage the file is
 * refused.
 */
import { CODE } from '../../../errors.js';
import type { Enterprise } from '../../../core/model.js';
import type { EmissionStage, Fuel, GateMovement } from '../../../core/evidence/model.js';
import type { SheetRow } from '../csvTable.js';
import { columnsOf } from './evidenceColumns.js';
import { enterpriseLookup } from './evidenceEnterprise.js';
import { EvidenceProblems, evidenceInvalid } from './evidenceProblems.js';
import { headerKey, cellsByKey, readEvidenceRows } from './evidenceTable.js';
import { numberOf, wallMinuteOf } from './evidenceTime.js';
import type { GateRead } from './index.js';

const NUMERALS: Record<string, EmissionStage> = {
  '0': '0',
  零: '0',
  '1': '1',
  一: '1',
  i: '1',
  '2': '2',
  二: '2',
  ii: '2',
  '3': '3',
  三: '3',
  iii: '3',
  '4': '4',
  四: '4',
  iv: '4',
  '5': '5',
  五: '5',
  v: '5',
  '6': '6',
  六: '6',
  vi: '6',
};

const FUEL_WORDS: Record<string, Fuel> = {
  柴油: 'diesel',
  燃油: 'diesel',
  diesel: 'diesel',
  汽油: 'petrol',
  petrol: 'petrol',
  gasoline: 'petrol',
  天然气: 'gas',
  lng: 'gas',
  cng: 'gas',
  燃气: 'gas',
  gas: 'gas',
  电: 'electric',
  电动: 'electric',
  纯电动: 'electric',
  electric: 'electric',
  新能源: 'electric',
  混合动力: 'other',
  混动: 'other',
  油电混合: 'other',
  其他: 'other',
};

export interface StageRead {
  stage: EmissionStage;
  /** The fuel the stage's words carry (国五燃气), when they do. */
  fuel: Fuel | null;
}

/** 4, 国四, 国Ⅳ (NFKC folds Ⅳ to IV), 国IV, 国4, 国五燃油, 国六燃气, d, 电动, 新能源, x; null when none. */
export function emissionStageOf(cell: string): StageRead | null {
  let k = headerKey(cell).replace(/排放|标准|阶段/g, '');
  if (k === 'd' || k === '电动' || k === '纯电动' || k === '新能源' || k === '电') return { stage: 'd', fuel: 'electric' };
  if (k === 'x' || k === '无' || k === '非道路') return { stage: 'x', fuel: null };
  if (k.startsWith('国')) k = k.slice(1);
  else if (k.startsWith('china')) k = k.slice(5);
  let fuel: Fuel | null = null;
  for (const [word, f] of Object.entries(FUEL_WORDS))
    if (k.length > word.length && k.endsWith(word)) {
      fuel = f;
      k = k.slice(0, -word.length);
      break;
    }
  const stage = NUMERALS[k];
  return stage === undefined ? null : { stage, fuel };
}

export function fuelOf(cell: string): Fuel | null {
  return FUEL_WORDS[headerKey(cell)] ?? null;
}

const DIRECTIONS: Record<string, 'in' | 'out'> = {
  进厂: 'in',
  进: 'in',
  入厂: 'in',
  入: 'in',
  进场: 'in',
  in: 'in',
  出厂: 'out',
  出: 'out',
  出场: 'out',
  out: 'out',
};

export function isGateHeader(cells: readonly string[]): boolean {
  const c = columnsOf(cells);
  return c.has('plate') && (c.has('at') || c.has('timestamp'));
}

const ACCEPTED_STAGES = '0–6、d、x、国四、国Ⅳ、国IV、国4、国五燃油、国五燃气、国六燃气、电动、新能源';

export async function readGateFile(file: string, enterprises: readonly Enterprise[]): Promise<GateRead> {
  let columns = new Map<string, number>();
  const rows: SheetRow[] = [];
  const read = await readEvidenceRows(file, {
    isHeader: isGateHeader,
    header: (r) => {
      columns = columnsOf(r.cells);
      if (!columns.has('at')) columns.set('at', columns.get('timestamp')!);
    },
    row: (r) => rows.push(r),
    expected: { zh: '车牌号码、进出厂时间，以及统一社会信用代码或企业名称', en: 'plate (车牌号码), time (进出厂时间) and credit code or enterprise name' },
  });
  const problems = new EvidenceProblems(read.shown);
  const { col, cell } = cellsByKey(columns);
  const enterpriseOf = enterpriseLookup(enterprises, problems);
  const movements: GateMovement[] = [];
  const freeText: { row: number; value: string }[] = [];
  let readable = 0;
  for (const r of rows) {
    const e = enterpriseOf(r.row, cell(r, 'credit_code'), cell(r, 'enterprise'), col('credit_code'), col('enterprise'));
    const plate = cell(r, 'plate');
    if (plate === '')
      problems.error(CODE.HAZE_EVIDENCE_CELL_MISSING, { row: r.row, column: col('plate') }, { zh: '没有写车牌号码', en: 'the plate is missing' });
    const atCell = cell(r, 'at');
    const at = wallMinuteOf(atCell);
    if (Number.isNaN(at))
      problems.error(
        atCell === '' ? CODE.HAZE_EVIDENCE_CELL_MISSING : CODE.HAZE_EVIDENCE_TIME,
        { row: r.row, column: col('at') },
        atCell === ''
          ? { zh: '没有写进出厂时间', en: 'the time is missing' }
          : { zh: `进出厂时间无法识别：${atCell}`, en: `the time is not recognised: ${atCell}` },
        atCell,
      );
    const dirCell = cell(r, 'direction');
    const direction = dirCell === '' ? null : (DIRECTIONS[headerKey(dirCell)] ?? undefined);
    if (direction === undefined)
      problems.error(
        CODE.HAZE_EVIDENCE_DIRECTION,
        { row: r.row, column: col('direction') },
        { zh: `进出方向无法识别：${dirCell}`, en: `the direction is not recognised: ${dirCell}` },
        dirCell,
      );
    const stageCell = cell(r, 'stage');
    const stage = stageCell === '' ? null : emissionStageOf(stageCell);
    if (stageCell !== '' && stage === null) freeText.push({ row: r.row, value: stageCell });
    else if (stage !== null) readable++;
    const fuelCell = cell(r, 'fuel');
    const fuel = fuelCell === '' ? (stage?.fuel ?? null) : fuelOf(fuelCell);
    if (fuelCell !== '' && fuel === null)
      problems.error(
        CODE.HAZE_EVIDENCE_FUEL,
        { row: r.row, column: col('fuel') },
        { zh: `燃料类型无法识别：${fuelCell}`, en: `the fuel is not recognised: ${fuelCell}` },
        fuelCell,
      );
    const tonnesCell = cell(r, 'tonnes');
    const tonnes = numberOf(tonnesCell);
    if (tonnes !== null && (Number.isNaN(tonnes) || tonnes < 0))
      problems.error(
        CODE.HAZE_EVIDENCE_NUMBER,
        { row: r.row, column: col('tonnes') },
        { zh: `运输量不是非负数：${tonnesCell}`, en: `the tonnes are not a non-negative number: ${tonnesCell}` },
        tonnesCell,
      );
    if (!e || plate === '' || Number.isNaN(at) || direction === undefined || (stageCell !== '' && stage === null)) continue;
    movements.push({
      creditCode: e.creditCode,
      at,
      direction,
      plate: plate.normalize('NFKC').replace(/\s+/g, '').toUpperCase(),
      vin: cell(r, 'vin').toUpperCase(),
      stage: stage?.stage ?? null,
      fuel,
      goods: cell(r, 'goods'),
      tonnes: tonnes === null || Number.isNaN(tonnes) ? null : tonnes,
      file: read.shown,
      row: r.row,
    });
  }
  const stageProblem = (severity: 'error' | 'warning', f: { row: number; value: string }) =>
    problems.add(
      severity,
      CODE.HAZE_EVIDENCE_STAGE,
      { row: f.row, column: col('stage') },
      {
        zh: `排放阶段"${f.value}"无法识别${severity === 'warning' ? '，这一行未导入' : ''}；可写 ${ACCEPTED_STAGES}`,
        en: `the emission stage "${f.value}" is not recognised${severity === 'warning' ? '; the row is skipped' : ''}; write ${ACCEPTED_STAGES}`,
      },
      f.value,
    );
  if (freeText.length > 0 && readable === 0) {
    for (const f of freeText) stageProblem('error', f);
    throw evidenceInvalid(read.shown, problems.all(), problems.errors, {
      zh: '没有一行的排放阶段可以识别，整个文件未导入',
      en: 'no row has a readable emission stage; nothing from the file was imported',
    });
  }
  for (const f of freeText) stageProblem('warning', f);
  problems.refuseIfErrors();
  return { file: read.shown, sha256: read.sha256, movements, problems: problems.all() };
}
