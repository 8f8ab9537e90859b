/**
 * The plan's calendar: which days a plan covers by default, and each day's working window. The first day of
 * an alert starts when the alert does (nothing is checked before the measures apply); today starts no earlier
 * than now (a route that began two hours ago is no route); an evening round uses the town's night hours.
 */
import type { TownSetup } from '../model.js';
import { addDays, compareWallTime, daysBetween, formatDayClock, type WallTime } from '../time.js';
import type { PlanDay } from './planPatrols.js';

/** Never plan further ahead than this without being asked: an alert rarely lasts longer. */
export const MAX_AUTO_DAYS = 14;

export type Shift = 'day' | 'night';

/** "Now" is rounded up to this many minutes: a plan printed at 15:07 starts at 15:10. */
export const NOW_STEP_MINUTES = 5;

/**
 * The working window of `date`: the day's hours (or the night's), starting no earlier than the alert and, on
 * the day of `now`, no earlier than now (rounded up). Days before now's are planned as they stood (a replay
 * of the sample's 2019 story, a plan of record printed then); days after it are whole.
 */
export function planDayOn(setup: TownSetup, date: string, since: WallTime | null, shift: Shift, now: WallTime | null = null): PlanDay {
  const hours = shift === 'night' ? setup.night! : setup.workingDay;
  const lunch = shift === 'night' ? null : setup.workingDay.lunch;
  let from = hours.start;
  if (since && compareWallTime({ date, minutes: Math.min(hours.end, 24 * 60 - 1) }, since) <= 0) from = hours.end;
  else if (since && since.date === date) from = Math.max(hours.start, since.minutes);
  const clock = clockAt(setup, date, now, shift);
  if (clock !== null && clock > from) from = clock;
  return { date, window: { start: from, end: hours.end, lunch } };
}

/**
 * Where the clock puts the start of `date`'s round: now rounded up, past the lunch break when now falls in
 * it, at most the end of the hours; null on any other day than now's, or before the hours begin.
 */
function clockAt(setup: TownSetup, date: string, now: WallTime | null, shift: Shift): number | null {
  if (!now || now.date !== date) return null;
  const hours = shift === 'night' ? setup.night! : setup.workingDay;
  const lunch = shift === 'night' ? null : setup.workingDay.lunch;
  let at = Math.ceil(now.minutes / NOW_STEP_MINUTES) * NOW_STEP_MINUTES;
  if (at <= hours.start) return null;
  if (lunch && at > lunch.start && at < lunch.end) at = lunch.end;
  return Math.min(at, hours.end);
}

/** How the clock shaped `date`'s round: from a later start (said "从 15:10 起排（当前时间）"), or no time left. */
export type ClockEffect = { kind: 'from'; minutes: number } | { kind: 'over'; end: number };

/** What the clock did to `date`'s round, or null when the day is as the hours and the alert make it. */
export function clockEffect(setup: TownSetup, date: string, since: WallTime | null, shift: Shift, now: WallTime | null): ClockEffect | null {
  const without = planDayOn(setup, date, since, shift).window;
  const withClock = planDayOn(setup, date, since, shift, now).window;
  if (withClock.start === without.start) return null;
  return withClock.start >= withClock.end ? { kind: 'over', end: withClock.end } : { kind: 'from', minutes: withClock.start };
}

/** Day i of a plan starting on `start`. */
export function planDay(setup: TownSetup, start: string, i: number, since: WallTime | null, shift: Shift, now: WallTime | null = null): PlanDay {
  return planDayOn(setup, addDays(start, i), since, shift, now);
}

/**
 * How many days a plan covers when --days is not given: as far as the alert is expected to last (an end
 * during the working day counts that day), at least the coverage days, at most MAX_AUTO_DAYS.
 */
export function defaultDayCount(setup: TownSetup, start: string, until: WallTime | null): number {
  const toUntil = until && until.date >= start ? daysBetween(start, until.date) + (until.minutes > setup.workingDay.start ? 1 : 0) : 0;
  return Math.min(MAX_AUTO_DAYS, Math.max(setup.coverageDays, toUntil));
}

/** "从 15:10 起排（当前时间）": the words every output uses for a day whose routes start from the clock. */
export function startsFromNowText(minutes: number, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'zh' ? `从 ${formatDayClock(minutes)} 起排（当前时间）` : `starting from ${formatDayClock(minutes, 'en')} (now)`;
}
