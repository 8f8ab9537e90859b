/**
 * What a readings header says: the layout (long: a row per point and moment; wide: a row per point and day
 * with 24, 96 or 288 columns headed by their times, as grid 96点 exports give them), what the values are
 * (cumulative 示值, interval energy, average power) and their unit from the header's parentheses.
 */
import type { Text } from '../../../errors.js';
import { columnName } from '../controlCharacters.js';
import { columnsOf, readHeaderCell, type Unit } from './evidenceColumns.js';
import { headerKey } from './evidenceTable.js';

export type ValueKind = 'cumulative' | 'interval' | 'power';

export interface ReadingsLayout {
  layout: 'long' | 'wide';
  value: ValueKind;
  unit: Unit;
  unitBy: 'header' | 'assumed';
  /** kWh per unit of the value (kWh for energy, kW for power). */
  factor: number;
  point: number;
  /** long: the timestamp column; wide: the date column. */
  time: number;
  /** long: the value column. */
  valueColumn: number;
  /** A 单位 column (the unit on every row), when the header names no unit itself; -1 when none. */
  unitColumn: number;
  /** wide: each time column's index and its minutes after the day's midnight. */
  times: { column: number; minute: number }[];
  /** wide: minutes between two columns. */
  step: number;
}

const FACTOR: Record<Unit, number> = { kWh: 1, Wh: 0.001, MWh: 1000, kW: 1, W: 0.001, MW: 1000 };
const ENERGY: readonly Unit[] = ['kWh', 'Wh', 'MWh'];

/** A time column's header: 00:15, 0:15, 00:15:00, 24:00 (→ minutes), or a point number 1…288 (→ -n). */
function timeHeader(cell: string): number | null {
  const k = headerKey(cell);
  const clock = /^(\d{1,2})[:：](\d{2})(?::\d{2})?/.exec(k);
  if (clock) {
    const h = Number(clock[1]);
    const m = Number(clock[2]);
    return h > 24 || m > 59 || (h === 24 && m > 0) ? null : h * 60 + m;
  }
  if (/^\d{1,3}$/.test(k) && Number(k) >= 1 && Number(k) <= 288) return -Number(k);
  return null;
}

function timeColumns(cells: readonly string[]): { column: number; at: number }[] {
  const out: { column: number; at: number }[] = [];
  cells.forEach((c, i) => {
    const at = timeHeader(c);
    if (at !== null) out.push({ column: i, at });
  });
  return out;
}

const VALUE_KEYS: readonly ValueKind[] = ['cumulative', 'interval', 'power'];

export function isReadingsHeader(cells: readonly string[]): boolean {
  const c = columnsOf(cells);
  if (!c.has('point_id')) return false;
  if (c.has('timestamp') && VALUE_KEYS.some((k) => c.has(k))) return true;
  return c.has('date') && timeColumns(cells).length >= 24;
}

/** The layout a header gives, or the problem with it (a header error stops the file). */
export function readingsLayout(cells: readonly string[]): ReadingsLayout | { problem: Text; column?: string } {
  const c = columnsOf(cells);
  const point = c.get('point_id')!;
  if (c.has('timestamp') && VALUE_KEYS.some((k) => c.has(k))) {
    const present = VALUE_KEYS.filter((k) => c.has(k));
    if (present.length > 1)
      return {
        problem: {
          zh: `只能有一列读数，这里有 ${present.length} 列（${present.map((k) => cells[c.get(k)!]).join('、')}）`,
          en: `exactly one value column is expected; there are ${present.length} (${present.map((k) => cells[c.get(k)!]).join(', ')})`,
        },
      };
    const value = present[0]!;
    const column = c.get(value)!;
    const unit = unitOf(value, [cells[column]!], columnName(column));
    if ('problem' in unit) return unit;
    return { layout: 'long', value, ...unit, point, time: c.get('timestamp')!, valueColumn: column, unitColumn: c.get('unit') ?? -1, times: [], step: 0 };
  }
  const found = timeColumns(cells);
  const n = found.length;
  if (n !== 24 && n !== 96 && n !== 288)
    return { problem: { zh: `宽表应有 24、96 或 288 个时间列，这里有 ${n} 个`, en: `a wide layout has 24, 96 or 288 time columns; this one has ${n}` } };
  const step = 1440 / n;
  const times = found.map((f) => ({ column: f.column, minute: f.at < 0 ? -f.at * step : f.at }));
  // 电量 in a header: the columns are interval energy ending at their moments; otherwise 示值.
  const value: ValueKind = cells.some((x) => headerKey(x).includes('电量')) ? 'interval' : 'cumulative';
  const unit = unitOf(value, cells, undefined);
  if ('problem' in unit) return unit;
  return { layout: 'wide', value, ...unit, point, time: c.get('date')!, valueColumn: -1, unitColumn: c.get('unit') ?? -1, times, step };
}

function unitOf(
  value: ValueKind,
  cells: readonly string[],
  column: string | undefined,
): Pick<ReadingsLayout, 'unit' | 'unitBy' | 'factor'> | { problem: Text; column?: string } {
  for (const cell of cells) {
    const h = readHeaderCell(cell);
    if (h.unitText === '' || h.key === 'phase_current' || h.key === 'point_id') continue;
    const fits = value === 'power' ? !ENERGY.includes(h.unit!) : ENERGY.includes(h.unit!);
    if (h.unit === undefined || !fits)
      return {
        problem: {
          zh: `表头"${cell}"的单位 ${h.unitText} 不适用于${value === 'power' ? '功率' : '电能'}`,
          en: `the unit ${h.unitText} in the header "${cell}" does not fit ${value === 'power' ? 'power' : 'energy'}`,
        },
        ...(column !== undefined ? { column } : {}),
      };
    return { unit: h.unit, unitBy: 'header', factor: FACTOR[h.unit] };
  }
  return { unit: value === 'power' ? 'kW' : 'kWh', unitBy: 'assumed', factor: 1 };
}

/**
 * The unit a 单位 column gives (kWh, Wh, MWh; kW … for power), as the header's parentheses would; null when the
 * cell names no unit that fits the values.
 */
export function unitOfCell(value: ValueKind, cell: string): Pick<ReadingsLayout, 'unit' | 'unitBy' | 'factor'> | null {
  const u = unitOf(value, [`x(${cell.trim()})`], undefined);
  return 'problem' in u || u.unitBy === 'assumed' ? null : u;
}
