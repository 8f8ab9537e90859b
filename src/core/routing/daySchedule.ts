/**
 * The clock of one patrol day: leave the base at the window's start, travel, spend the service minutes
 * at each enterprise, take the lunch break once, come back. A day is feasible when the group is back
 * at the base by the window's end.
 */
import type { Point } from '../model.js';
import type { TravelModel } from './travel.js';

export interface DayWindow {
  /** Minutes after midnight the group may leave the base (the working day's start, or the alert's start). */
  start: number;
  /** Minutes after midnight the group must be back. */
  end: number;
  lunch: { start: number; end: number } | null;
}

export interface ScheduledStop {
  arrive: number;
  depart: number;
  legKm: number;
}

export interface DaySchedule {
  stops: ScheduledStop[];
  returnAt: number;
  totalKm: number;
  feasible: boolean;
}

/**
 * Lunch is a fixed-length break taken at the first arrival (or the return) at or after the lunch start;
 * a visit under way is not interrupted. A window that starts after lunch has no lunch.
 */
export function scheduleDay(base: Point, stops: readonly Point[], serviceMinutes: (i: number) => number, window: DayWindow, travel: TravelModel): DaySchedule {
  const lunch = window.lunch && window.lunch.start >= window.start ? window.lunch : null;
  const lunchLength = lunch ? lunch.end - lunch.start : 0;
  let lunchTaken = lunch === null;
  let t = window.start;
  let here = base;
  let totalKm = 0;
  const out: ScheduledStop[] = [];
  const takeLunchIfDue = () => {
    if (!lunchTaken && t >= lunch!.start) {
      t = Math.max(t, lunch!.start) + lunchLength;
      lunchTaken = true;
    }
  };
  stops.forEach((p, i) => {
    const legKm = travel.roadKm(here, p);
    totalKm += legKm;
    t += travel.minutes(here, p);
    takeLunchIfDue();
    const arrive = t;
    t += serviceMinutes(i);
    out.push({ arrive, depart: t, legKm });
    here = p;
  });
  const back = travel.roadKm(here, base);
  totalKm += back;
  t += travel.minutes(here, base);
  takeLunchIfDue();
  return { stops: out, returnAt: t, totalKm, feasible: t <= window.end + 1e-9 };
}
