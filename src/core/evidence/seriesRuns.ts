/**
 * Reading a point's intervals within a window: the energy and covered minutes, and the runs of time in
 * which a condition on one or more points' average power holds. A gap (no interval) is never filled in:
 * it breaks a run, and it is not counted as use.
 */
import type { PointSeries, WallMinute } from './model.js';

export interface Window {
  from: WallMinute;
  to: WallMinute;
}

/** The first interval that ends after `at`. */
export function firstEndingAfter(s: PointSeries, at: WallMinute): number {
  let lo = 0;
  let hi = s.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.start[mid]! + s.minutes[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Energy (kWh) and minutes with readings in a window; an interval across its edge counts by its share. */
export function usage(s: PointSeries | undefined, w: Window): { kwh: number; minutes: number } {
  let kwh = 0;
  let minutes = 0;
  if (!s) return { kwh, minutes };
  for (let i = firstEndingAfter(s, w.from); i < s.start.length && s.start[i]! < w.to; i++) {
    const a = Math.max(s.start[i]!, w.from);
    const b = Math.min(s.start[i]! + s.minutes[i]!, w.to);
    if (b <= a || s.minutes[i]! === 0) continue;
    kwh += (s.kwh[i]! * (b - a)) / s.minutes[i]!;
    minutes += b - a;
  }
  return { kwh, minutes };
}

export interface Run extends Window {
  minutes: number;
  /** Energy of each series over the run, in the order given. */
  kwh: number[];
}

/**
 * The runs within a window in which every series has a reading and `holds(kw)` is true of their average
 * powers. Series may report on different grids: time is cut at every interval's edge.
 */
export function runsWhere(series: readonly PointSeries[], w: Window, holds: (kw: readonly number[]) => boolean): Run[] {
  const runs: Run[] = [];
  if (w.to <= w.from || series.length === 0) return runs;
  const idx = series.map((s) => firstEndingAfter(s, w.from));
  let t = w.from;
  let run: Run | null = null;
  const close = () => {
    if (run) runs.push(run);
    run = null;
  };
  while (t < w.to) {
    let next = w.to;
    const kw: number[] = [];
    let covered = true;
    series.forEach((s, k) => {
      while (idx[k]! < s.start.length && s.start[idx[k]!]! + s.minutes[idx[k]!]! <= t) idx[k]!++;
      const i = idx[k]!;
      if (i >= s.start.length) {
        covered = false;
        return;
      }
      const a = s.start[i]!;
      const b = a + s.minutes[i]!;
      if (a > t) {
        covered = false;
        next = Math.min(next, a);
        return;
      }
      next = Math.min(next, b);
      kw.push((s.kwh[i]! * 60) / s.minutes[i]!);
    });
    if (covered && holds(kw)) {
      const cur: Run = run ?? { from: t, to: t, minutes: 0, kwh: series.map(() => 0) };
      cur.to = next;
      cur.minutes += next - t;
      kw.forEach((p, k) => (cur.kwh[k]! += (p * (next - t)) / 60));
      run = cur;
    } else close();
    t = next;
  }
  close();
  return runs;
}

/** Average power over a run of one series. */
export const averageKw = (kwh: number, minutes: number): number => (minutes > 0 ? (kwh * 60) / minutes : 0);
