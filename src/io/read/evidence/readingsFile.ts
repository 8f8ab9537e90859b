/**
 * readings.csv (long or wide, readingsHeader.ts), streamed: each row's values go straight into their point's
 * growing typed arrays (pointSeriesBuilder.ts); no row is kept. Rows of points not in `knownPoints` are
 * skipped with one warning per point; any error row refuses the whole file (HAZE_EVIDENCE_INVALID, every
 * problem listed), and so does a file with no usable row.
 */
import { CODE } from '../../../errors.js';
import type { PointSeries } from '../../../core/evidence/model.js';
import type { SheetRow } from '../csvTable.js';
import { columnName } from '../controlCharacters.js';
import { EvidenceProblems, evidenceInvalid } from './evidenceProblems.js';
import { readEvidenceRows } from './evidenceTable.js';
import { numberOf, wallMinuteOf } from './evidenceTime.js';
import { PointReadings, whereOf } from './pointSeriesBuilder.js';
import { isReadingsHeader, readingsLayout, unitOfCell, type ReadingsLayout } from './readingsHeader.js';
import type { ReadingsRead } from './index.js';

export async function readReadingsFile(file: string, knownPoints: ReadonlySet<string>): Promise<ReadingsRead> {
  let layout: ReadingsLayout | undefined;
  let problems: EvidenceProblems | undefined;
  let unitCell: string | null = null;
  const points = new Map<string, PointReadings>();
  const unknown = new Map<string, { row: number; count: number }>();
  let rows = 0;
  const shown = file === '-' ? '<stdin>' : file;

  const pointOf = (r: SheetRow, p: EvidenceProblems, L: ReadingsLayout): PointReadings | null => {
    const raw = r.cells[L.point];
    const id = raw === undefined ? '' : raw.trim();
    if (id === '') {
      p.error(CODE.HAZE_EVIDENCE_CELL_MISSING, { row: r.row, column: columnName(L.point) }, { zh: '没有写点位编号', en: 'the point id is missing' });
      return null;
    }
    const known = points.get(id);
    if (known) return known;
    if (!knownPoints.has(id)) {
      const u = unknown.get(id);
      if (u) u.count++;
      else unknown.set(id, { row: r.row, count: 1 });
      return null;
    }
    const created = new PointReadings(id);
    points.set(id, created);
    return created;
  };

  /** A value cell: the number, or NaN after saying what is wrong with it. */
  const valueOf = (r: SheetRow, column: number, p: EvidenceProblems, L: ReadingsLayout, required: boolean): number => {
    const cell = r.cells[column] ?? '';
    const v = numberOf(cell);
    const where = { row: r.row, column: columnName(column) };
    if (v === null) {
      if (required) p.error(CODE.HAZE_EVIDENCE_CELL_MISSING, where, { zh: '没有读数', en: 'the reading is missing' });
      return NaN;
    }
    if (Number.isNaN(v)) {
      p.error(CODE.HAZE_EVIDENCE_NUMBER, where, { zh: `读数不是数字：${cell}`, en: `the reading is not a number: ${cell}` }, cell);
      return NaN;
    }
    if (v < 0) {
      if (L.value === 'cumulative')
        p.error(CODE.HAZE_EVIDENCE_NUMBER, where, { zh: `电能示值为负数：${cell}`, en: `a negative cumulative reading: ${cell}` }, cell);
      else
        p.error(
          CODE.HAZE_EVIDENCE_NEGATIVE,
          where,
          { zh: `${L.value === 'power' ? '功率' : '时段电量'}为负数：${cell}`, en: `negative ${L.value === 'power' ? 'power' : 'interval energy'}: ${cell}` },
          cell,
        );
      return NaN;
    }
    return v;
  };

  const timeError = (p: EvidenceProblems, r: SheetRow, column: number, what: 'time' | 'date') => {
    const cell = r.cells[column] ?? '';
    p.error(
      cell.trim() === '' ? CODE.HAZE_EVIDENCE_CELL_MISSING : CODE.HAZE_EVIDENCE_TIME,
      { row: r.row, column: columnName(column) },
      cell.trim() === ''
        ? { zh: what === 'time' ? '没有写时间' : '没有写日期', en: what === 'time' ? 'the time is missing' : 'the date is missing' }
        : { zh: `${what === 'time' ? '时间' : '日期'}无法识别：${cell}`, en: `the ${what} is not recognised: ${cell}` },
      cell,
    );
  };

  const longRow = (r: SheetRow, p: EvidenceProblems, L: ReadingsLayout) => {
    const point = pointOf(r, p, L);
    if (point === null) return;
    const t = wallMinuteOf(r.cells[L.time] ?? '');
    if (Number.isNaN(t)) return timeError(p, r, L.time, 'time');
    const v = valueOf(r, L.valueColumn, p, L, true);
    if (Number.isNaN(v)) return;
    point.push(t, v, whereOf(r.row, L.valueColumn));
  };

  const wideRow = (r: SheetRow, p: EvidenceProblems, L: ReadingsLayout) => {
    const point = pointOf(r, p, L);
    if (point === null) return;
    const day = wallMinuteOf(r.cells[L.time] ?? '');
    if (Number.isNaN(day) || day % 1440 !== 0) return timeError(p, r, L.time, 'date');
    // Interval energy is stamped at its start: the column's moment is its end.
    const shift = L.value === 'interval' ? L.step : 0;
    for (const { column, minute } of L.times) {
      // An empty cell in a day row is a reading not taken (a silent meter), not an error.
      const v = valueOf(r, column, p, L, false);
      if (!Number.isNaN(v)) point.push(day + minute - shift, v, whereOf(r.row, column));
    }
  };

  const read = await readEvidenceRows(file, {
    isHeader: isReadingsHeader,
    header: (r) => {
      problems = new EvidenceProblems(shown);
      const l = readingsLayout(r.cells);
      if ('problem' in l) {
        problems.error(CODE.HAZE_EVIDENCE_UNIT, { row: r.row, ...(l.column ? { column: l.column } : {}) }, l.problem);
        throw evidenceInvalid(shown, problems.all(), 1);
      }
      layout = l;
    },
    row: (r) => {
      rows++;
      // A 单位 column settles the unit on the first row, and every later row must say the same.
      if (layout!.unitColumn >= 0 && layout!.unitBy === 'assumed') {
        const cell = r.cells[layout!.unitColumn] ?? '';
        const u = unitOfCell(layout!.value, cell);
        if (!u) {
          problems!.error(
            CODE.HAZE_EVIDENCE_UNIT,
            { row: r.row, column: columnName(layout!.unitColumn) },
            { zh: `单位无法识别：${cell}`, en: `not a unit: ${cell}` },
            cell,
          );
          throw evidenceInvalid(shown, problems!.all(), 1);
        }
        layout = { ...layout!, ...u };
        unitCell = cell.trim();
      } else if (unitCell !== null && (r.cells[layout!.unitColumn] ?? '').trim() !== unitCell) {
        const cell = r.cells[layout!.unitColumn] ?? '';
        problems!.error(
          CODE.HAZE_EVIDENCE_UNIT,
          { row: r.row, column: columnName(layout!.unitColumn) },
          { zh: `单位与第一行不同：${cell}（第一行为 ${unitCell}）`, en: `a unit other than the first row's: ${cell} (the first row says ${unitCell})` },
          cell,
        );
        return;
      }
      if (layout!.layout === 'long') longRow(r, problems!, layout!);
      else wideRow(r, problems!, layout!);
    },
    expected: {
      zh: '点位编号、时间和一列读数（正向有功电能、时段电量或平均功率），或点位编号、日期和 96 个时间列',
      en: 'point id, time and one value column (cumulative energy, interval energy or power), or point id, date and 96 time columns',
    },
  });
  const p = problems!;
  const L = layout!;
  if (L.unitBy === 'assumed')
    p.warning(
      CODE.HAZE_EVIDENCE_UNIT_ASSUMED,
      { row: 1 },
      { zh: `表头没有写单位：读数按 ${L.unit} 读取`, en: `the header names no unit: the readings are read as ${L.unit}` },
    );
  for (const [id, u] of unknown)
    p.warning(
      CODE.HAZE_EVIDENCE_UNKNOWN_POINT,
      { row: u.row, column: columnName(L.point) },
      { zh: `点位 ${id} 不在点位文件中：${u.count} 行未导入`, en: `point ${id} is not in the points file: ${u.count} rows skipped` },
      id,
    );
  const series = new Map<string, PointSeries>();
  for (const [id, readings] of points) series.set(id, readings.series(L.value, L.factor, p));
  p.refuseIfErrors();
  if (points.size === 0)
    throw evidenceInvalid(read.shown, p.all(), 0, {
      zh: '文件中没有一行可用的读数（点位都不在点位文件中？），未导入',
      en: 'no row of the file is usable (are its points all missing from the points file?); nothing was imported',
    });
  return { file: read.shown, sha256: read.sha256, series, problems: p.all(), layout: L.layout, value: L.value, unit: L.unit, unitBy: L.unitBy, rows };
}
