/**
 * The plan's calendar: which days a plan covers by default, and each day's working window. The first day of
 * an alert starts when the alert does (nothing is checked before the measures apply); an evening round uses
 * the town's night hours.
 */
import type { TownSetup } from '../model.js';
import { addDays, compareWallTime, daysBetween, type WallTime } from '../time.js';
import type { PlanDay } from './planPatrols.js';

/** Never plan further ahead than this without being asked: an alert rarely lasts longer. */
export const MAX_AUTO_DAYS = 14;

export type Shift = 'day' | 'night';

/** The working window of `date`: the day's hours (or the night's), starting no earlier than the alert. */
export function planDayOn(setup: TownSetup, date: string, since: WallTime | null, shift: Shift): PlanDay {
  const hours = shift === 'night' ? setup.night! : setup.workingDay;
  const lunch = shift === 'night' ? null : setup.workingDay.lunch;
  let from = hours.start;
  if (since && compareWallTime({ date, minutes: Math.min(hours.end, 24 * 60 - 1) }, since) <= 0) from = hours.end;
  else if (since && since.date === date) from = Math.max(hours.start, since.minutes);
  return { date, window: { start: from, end: hours.end, lunch } };
}

/** Day i of a plan starting on `start`. */
export function planDay(setup: TownSetup, start: string, i: number, since: WallTime | null, shift: Shift): PlanDay {
  return planDayOn(setup, addDays(start, i), since, shift);
}

/**
 * How many days a plan covers when --days is not given: as far as the alert is expected to last (an end
 * during the working day counts that day), at least the coverage days, at most MAX_AUTO_DAYS.
 */
export function defaultDayCount(setup: TownSetup, start: string, until: WallTime | null): number {
  const toUntil = until && until.date >= start ? daysBetween(start, until.date) + (until.minutes > setup.workingDay.start ? 1 : 0) : 0;
  return Math.min(MAX_AUTO_DAYS, Math.max(setup.coverageDays, toUntil));
}
