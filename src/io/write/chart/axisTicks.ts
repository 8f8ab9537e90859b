/**
 * The ticks of a clue chart's axes: round kW values on y, wall-clock hours on x. A person reads a curve
 * against round numbers ("about 40 kW", "from two in the morning"), so the ticks are chosen, not spread.
 */
import type { WallMinute } from '../../../core/evidence/model.js';
import { formatClock, fromWallMinute } from '../../../core/time.js';

/** Steps of 1, 2, 2.5 and 5 of a power of ten. */
const MULTIPLES = [1, 2, 2.5, 5];

/**
 * The y axis from 0 up to a round top: the smallest round step that reaches `max` in at most 4 steps, so
 * 3 to 5 ticks (0 included). Nothing to show (max ≤ 0) gives 0–1 kW.
 */
export function kwTicks(max: number): { top: number; ticks: number[] } {
  const m = max > 0 && Number.isFinite(max) ? max : 1;
  for (let exp = Math.floor(Math.log10(m)) - 1; ; exp++) {
    for (const k of MULTIPLES) {
      const step = k * 10 ** exp;
      const n = Math.max(2, Math.ceil(m / step - 1e-9));
      if (n <= 4) {
        const ticks = Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
        return { top: ticks[n]!, ticks };
      }
    }
  }
}

/** Hours between clock ticks, in the order tried: the smallest that leaves at most MAX_CLOCK_TICKS. */
const HOUR_STEPS = [1, 2, 3, 6, 12, 24, 48, 96, 168];
const MAX_CLOCK_TICKS = 8;

export interface ClockTick {
  at: WallMinute;
  /** HH:mm */
  clock: string;
  /** MM-DD on the first tick and where the day changes; null otherwise. */
  date: string | null;
}

/** Ticks on whole hours of the wall clock (a step dividing the day falls on midnight), from..to inclusive. */
export function clockTicks(from: WallMinute, to: WallMinute): ClockTick[] {
  const hours = HOUR_STEPS.find((h) => Math.floor(to / (h * 60)) - Math.ceil(from / (h * 60)) + 1 <= MAX_CLOCK_TICKS) ?? HOUR_STEPS[HOUR_STEPS.length - 1]!;
  const step = hours * 60;
  const out: ClockTick[] = [];
  let lastDate: string | null = null;
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
    const w = fromWallMinute(t);
    out.push({ at: t, clock: formatClock(w.minutes), date: w.date === lastDate ? null : w.date.slice(5) });
    lastDate = w.date;
  }
  return out;
}
