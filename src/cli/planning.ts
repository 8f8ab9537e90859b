/**
 * Planning as the commands use it: the days from the start date, each day's window (the first day of an
 * alert starts when the alert does), and — unless --days was given — as many days as coverage needs.
 */
import type { AlertLevel, RequiredMeasure } from '../core/model.js';
import { planPatrols, type PlanDay, type PlanResult } from '../core/routing/planPatrols.js';
import { addDays, compareWallTime, type WallTime } from '../core/time.js';
import type { Town } from './context.js';

/** Never plan further ahead than this without being asked: an alert rarely lasts longer. */
export const MAX_AUTO_DAYS = 14;

export function planDays(town: Town, start: string, count: number, since: WallTime | null): PlanDay[] {
  const wd = town.setup.workingDay;
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(start, i);
    let from = wd.start;
    // Nothing to check before the measures apply: the alert's first day starts at the alert's time.
    if (since && compareWallTime({ date, minutes: wd.end }, since) <= 0) from = wd.end;
    else if (since && since.date === date) from = Math.max(wd.start, since.minutes);
    return { date, window: { start: from, end: wd.end, lunch: wd.lunch } };
  });
}

export interface PlanInput {
  town: Town;
  level: AlertLevel;
  since: WallTime | null;
  measures: Map<string, RequiredMeasure>;
  start: string;
  /** Days asked for with --days; undefined → the coverage days, more when coverage needs them. */
  days: number | undefined;
  seed: number;
}

export function makePlan(input: PlanInput): PlanResult {
  const run = (n: number) =>
    planPatrols({
      level: input.level,
      enterprises: input.town.list.enterprises,
      measures: input.measures,
      setup: input.town.setup,
      days: planDays(input.town, input.start, n, input.since),
      seed: input.seed,
    });
  if (input.days !== undefined) return run(input.days);
  let n = input.town.setup.coverageDays;
  let plan = run(n);
  while (plan.unplanned.length > 0 && n < MAX_AUTO_DAYS) plan = run(++n);
  return plan;
}
