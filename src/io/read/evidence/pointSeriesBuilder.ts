/**
 * One point's readings as they arrive (growing typed arrays: a moment, a value, where it was read), turned
 * into its PointSeries once the file is read: sorted, duplicates dropped, cumulative readings differenced.
 *
 * - The nominal interval is the most common difference between the point's moments.
 * - Cumulative: interval i runs from the reading before to this one. A reading lower than the one before is
 *   a counter reset or a new meter: that interval is not assigned and the series goes on from the new value
 *   (a warning each). More than 4 nominal intervals without a reading: the energy across is not assigned, it
 *   stays a gap (a warning); 2–4 become one longer interval.
 * - Interval energy and power: stamped at the interval's start, nominal minutes long (shorter when the next
 *   reading comes sooner, so that intervals never overlap).
 */
import { CODE } from '../../../errors.js';
import type { PointSeries } from '../../../core/evidence/model.js';
import { formatWallTime, fromWallMinute } from '../../../core/time.js';
import { columnName } from '../controlCharacters.js';
import type { EvidenceProblems } from './evidenceProblems.js';
import type { ValueKind } from './readingsHeader.js';

/** Where a value was read, as one number: row × 2^14 + column index (a sheet has at most 16,384 columns). */
const COLUMNS = 16384;
export const whereOf = (row: number, column: number) => row * COLUMNS + column;
const rowOf = (w: number) => Math.floor(w / COLUMNS);
const columnOf = (w: number) => columnName(w % COLUMNS);

/** Gaps longer than this many nominal intervals are left as gaps. */
export const MAX_BRIDGED_INTERVALS = 4;

export class PointReadings {
  n = 0;
  private t = new Int32Array(256);
  private v = new Float64Array(256);
  private at = new Float64Array(256);
  private sorted = true;

  constructor(readonly pointId: string) {}

  push(t: number, v: number, where: number): void {
    if (this.n === this.t.length) this.grow();
    if (this.n > 0 && t < this.t[this.n - 1]!) this.sorted = false;
    this.t[this.n] = t;
    this.v[this.n] = v;
    this.at[this.n] = where;
    this.n++;
  }

  private grow(): void {
    const cap = this.t.length * 2;
    const t = new Int32Array(cap);
    t.set(this.t);
    const v = new Float64Array(cap);
    v.set(this.v);
    const at = new Float64Array(cap);
    at.set(this.at);
    this.t = t;
    this.v = v;
    this.at = at;
  }

  /** The series, its problems told to `problems`. `factor` turns values into kWh (energy) or kW (power). */
  series(value: ValueKind, factor: number, problems: EvidenceProblems): PointSeries {
    let n = this.n;
    let t = this.t;
    let v = this.v;
    let at = this.at;
    if (!this.sorted) {
      // Out of order rows are put in order; equal moments keep the file's order.
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a]! - t[b]! || at[a]! - at[b]!);
      const t2 = new Int32Array(n);
      const v2 = new Float64Array(n);
      const at2 = new Float64Array(n);
      order.forEach((k, i) => {
        t2[i] = t[k]!;
        v2[i] = v[k]!;
        at2[i] = at[k]!;
      });
      t = t2;
      v = v2;
      at = at2;
    }
    // Duplicated moments: the same value is dropped; a different one is an error.
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (m > 0 && t[i] === t[m - 1]) {
        if (v[i] !== v[m - 1])
          problems.error(
            CODE.HAZE_EVIDENCE_READING_DUPLICATE,
            { row: rowOf(at[i]!), column: columnOf(at[i]!) },
            {
              zh: `点位 ${this.pointId} 在 ${formatWallTime(fromWallMinute(t[i]!))} 有两个不同的读数：${v[m - 1]}（第 ${rowOf(at[m - 1]!)} 行）和 ${v[i]}`,
              en: `point ${this.pointId} has two different readings at ${formatWallTime(fromWallMinute(t[i]!))}: ${v[m - 1]} (row ${rowOf(at[m - 1]!)}) and ${v[i]}`,
            },
            String(v[i]),
          );
        continue;
      }
      t[m] = t[i]!;
      v[m] = v[i]!;
      at[m] = at[i]!;
      m++;
    }
    n = m;
    const nominal = nominalInterval(t, n);
    const start = new Int32Array(n);
    const minutes = new Uint16Array(n);
    const kwh = new Float64Array(n);
    let k = 0;
    if (value === 'cumulative') {
      for (let i = 1; i < n; i++) {
        const d = t[i]! - t[i - 1]!;
        const used = v[i]! - v[i - 1]!;
        const where = { row: rowOf(at[i]!), column: columnOf(at[i]!) };
        const when = formatWallTime(fromWallMinute(t[i]!));
        if (used < 0) {
          problems.warning(
            CODE.HAZE_EVIDENCE_COUNTER_RESET,
            where,
            {
              zh: `点位 ${this.pointId} 的电能示值在 ${when} 从 ${v[i - 1]} 降到 ${v[i]}：按电表清零或换表处理，这一时段不计`,
              en: `point ${this.pointId}'s cumulative reading fell from ${v[i - 1]} to ${v[i]} at ${when}: taken as a reset or a new meter, that interval is not counted`,
            },
            String(v[i]),
          );
          continue;
        }
        if (d > MAX_BRIDGED_INTERVALS * nominal) {
          problems.warning(CODE.HAZE_EVIDENCE_GAP, where, {
            zh: `点位 ${this.pointId} 在 ${formatWallTime(fromWallMinute(t[i - 1]!))} 到 ${when} 之间没有读数（${d} 分钟）：其间的 ${round(used * factor)} kWh 不分配到时段`,
            en: `point ${this.pointId} has no readings from ${formatWallTime(fromWallMinute(t[i - 1]!))} to ${when} (${d} minutes): the ${round(used * factor)} kWh across it is not assigned`,
          });
          continue;
        }
        start[k] = t[i - 1]!;
        minutes[k] = d;
        kwh[k] = used * factor;
        k++;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const d = i + 1 < n ? Math.min(nominal, t[i + 1]! - t[i]!) : nominal;
        start[k] = t[i]!;
        minutes[k] = d;
        kwh[k] = value === 'power' ? (v[i]! * factor * d) / 60 : v[i]! * factor;
        k++;
      }
    }
    return { pointId: this.pointId, nominalMinutes: nominal, start: start.slice(0, k), minutes: minutes.slice(0, k), kwh: kwh.slice(0, k) };
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The most common difference between consecutive moments; 15 when there are fewer than two. */
export function nominalInterval(t: Int32Array, n: number): number {
  const counts = new Map<number, number>();
  let best = 15;
  let bestCount = 0;
  for (let i = 1; i < n; i++) {
    const d = t[i]! - t[i - 1]!;
    const c = (counts.get(d) ?? 0) + 1;
    counts.set(d, c);
    if (c > bestCount || (c === bestCount && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}
