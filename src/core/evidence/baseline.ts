/**
 * A point's baseline: its rated power when the points file gives one, else learnt from its readings before
 * the alert by the district platform's rule (domain.md §9): over the window's days, drop readings below the
 * floor, take the mean, then the mode of the readings above the mean.
 */
import { CODE } from '../../errors.js';
import { newProblem, type Problem } from '../problem.js';
import type { Baseline, EvidenceRules, MeterPoint, PointSeries, WallMinute } from './model.js';
import { firstEndingAfter } from './seriesRuns.js';

/** Fewer minutes of readings than a day's cannot say what a point usually draws. */
const MIN_LEARNING_MINUTES = 24 * 60;

/**
 * A positive value's two-significant-figure bin as one number: exponent × 100 + mantissa (10–99), so that
 * millions of readings are binned without formatting each one (toPrecision was most of a check's time).
 */
function binOf(v: number): number {
  if (!(v > 0)) return -1;
  let e = Math.floor(Math.log10(v));
  let m = Math.round(v / 10 ** (e - 1));
  if (m >= 100) [e, m] = [e + 1, 10];
  else if (m < 10) [e, m] = [e - 1, Math.round(v / 10 ** (e - 2))];
  return (e + 400) * 100 + m;
}

const binValue = (bin: number): number => (bin < 0 ? 0 : Number(`${bin % 100}e${Math.floor(bin / 100) - 400 - 1}`));

/** A value rounded to two significant figures: the bins readings are counted in. */
export function twoFigures(v: number): number {
  if (v === 0) return 0;
  return Math.sign(v) * binValue(binOf(Math.abs(v)));
}

/** The mode of positive values, binned to two significant figures; ties go to the larger bin. */
export function modeOf(values: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) {
    const bin = binOf(v);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  // Bins order as their values do: a larger exponent, then a larger mantissa.
  for (const [bin, n] of counts) if (n > bestCount || (n === bestCount && best !== null && bin > best)) [best, bestCount] = [bin, n];
  return best === null ? null : binValue(best);
}

export function pointBaseline(p: MeterPoint, s: PointSeries | undefined, before: WallMinute, rules: EvidenceRules['baseline']): Baseline | Problem {
  if (p.ratedKw !== null) return { pointId: p.id, kw: p.ratedKw, by: 'rated' };
  const from = before - rules.windowDays * 24 * 60;
  const kws: number[] = [];
  let minutes = 0;
  if (s) {
    for (let i = firstEndingAfter(s, from); i < s.start.length && s.start[i]! + s.minutes[i]! <= before; i++) {
      if (s.start[i]! < from || s.minutes[i]! === 0) continue;
      minutes += s.minutes[i]!;
      const kw = (s.kwh[i]! * 60) / s.minutes[i]!;
      if (kw >= rules.floorKw) kws.push(kw);
    }
  }
  if (minutes < MIN_LEARNING_MINUTES || kws.length === 0) return noBaseline(p, minutes, kws.length);
  const mean = kws.reduce((a, b) => a + b, 0) / kws.length;
  const above = kws.filter((kw) => kw > mean);
  // All readings equal: none is above the mean, and the mean is the value.
  const kw = modeOf(above.length > 0 ? above : kws)!;
  return { pointId: p.id, kw, by: 'learnt', readings: kws.length };
}

function noBaseline(p: MeterPoint, minutes: number, usable: number): Problem {
  const hours = Math.round(minutes / 6) / 10;
  return newProblem({
    severity: 'warning',
    code: CODE.HAZE_EVIDENCE_NO_BASELINE,
    where: { file: p.file, row: p.row },
    value: p.id,
    message: {
      zh: `点位 ${p.id}（${p.device || p.workshop}）没有额定功率，预警前只有 ${hours} 小时读数（其中 ${usable} 个不低于下限），不足以求出基准：只检查是否缺数`,
      en: `point ${p.id} (${p.device || p.workshop}) has no rated power and only ${hours} hours of readings before the alert (${usable} above the floor), too few to learn a baseline: it is only checked for missing data`,
    },
  });
}
