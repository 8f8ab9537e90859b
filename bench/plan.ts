/**
 * npm run bench:plan — plan synthetic towns of 150, 1 000 and 5 000 enterprises (3, 10 and 30 groups) and
 * print, per size, the time to plan and the days the plan needs to cover every required visit against a
 * lower bound. One JSON line per size on stdout.
 *
 * The lower bound per group: (on-site minutes of its required visits + the length of one tour from the base
 * through all of them) ÷ the minutes of a working day. Any set of day routes that covers them, joined at the
 * base, is a closed walk through all of them, so its travel is at least the optimal tour's; the tour here is
 * the solver's (within a fraction of a percent of optimal on TSPLIB), which makes the bound a hair generous.
 * A second bound counts commuting: a day that visits an enterprise at t minutes from the base has at most
 * (day − 2t) minutes for visits, so Σ service ÷ (day − 2t) over all stops is at most the days used.
 * The larger of the two is the bound.
 * Coverage days are set to 1, so that the planner packs days as full as it can.
 */
import { performance } from 'node:perf_hooks';
import { INSPECTED_ACTIONS } from '../src/core/model.js';
import { autoAreas, villageUnits } from '../src/core/routing/autoAreas.js';
import { planPatrols, windowMinutes, type PlanDay } from '../src/core/routing/planPatrols.js';
import { travelModel } from '../src/core/routing/travel.js';
import { solveTour } from '../src/core/routing/tsp.js';
import { addDays } from '../src/core/time.js';
import { generateTown } from './genTown.js';

const SIZES = [
  { n: 150, groups: 3 },
  { n: 1000, groups: 10 },
  { n: 5000, groups: 30 },
];

for (const { n, groups } of SIZES) {
  const town = generateTown(n, groups, 7);
  const travel = travelModel(town.setup);
  const required = new Set([...town.measures.values()].filter((m) => INSPECTED_ACTIONS.includes(m.action)).map((m) => m.creditCode));
  const units = villageUnits(town.enterprises, required, () => town.setup.serviceMinutes, travel);
  const setup = { ...town.setup, groups: autoAreas(town.setup.base, units, town.setup.groups).groups };
  const wd = setup.workingDay;
  const day = (i: number): PlanDay => ({ date: addDays('2019-12-08', i), window: { start: wd.start, end: wd.end, lunch: wd.lunch } });
  const fullDay = windowMinutes(day(0).window);

  const t0 = performance.now();
  const plan = planPatrols({
    level: 'orange',
    enterprises: town.enterprises,
    measures: town.measures,
    setup,
    days: [day(0)],
    extend: { maxDays: 60, day },
    seed: 1,
  });
  const ms = performance.now() - t0;

  // Days used per group until its first round is done, counting the last day by the share of it worked.
  let daysUsed = 0;
  let lowerBound = 0;
  const groupOfVillage = new Map(setup.groups.flatMap((g) => g.villages.map((v) => [v, g.id] as const)));
  for (const g of setup.groups) {
    const cov = plan.coverage.find((c) => c.groupId === g.id)!;
    const routes = plan.routes.filter((r) => r.groupId === g.id).slice(0, cov.coveredByDay ?? undefined);
    for (const r of routes) {
      if (r.visits.length === 0) continue;
      const worked = r.returnAt - wd.start - (r.returnAt > wd.lunch!.start ? wd.lunch!.end - wd.lunch!.start : 0);
      daysUsed += Math.min(1, worked / fullDay);
    }
    const stops = town.enterprises.filter((e) => required.has(e.creditCode) && groupOfVillage.get(e.village) === g.id).map((e) => e.location);
    const points = [setup.base, ...stops];
    const tour = solveTour(points.length, (i, j) => travel.minutes(points[i]!, points[j]!), { seed: 1 });
    const byTour = (stops.length * setup.serviceMinutes + tour.length) / fullDay;
    // Commuting: a day that visits e travels at least there and back, so it has at most
    // fullDay − 2·t(base, e) minutes for visits; summing service ÷ that over all stops bounds the days too.
    const byCommute = stops.reduce((sum, p) => sum + setup.serviceMinutes / Math.max(1e-9, fullDay - 2 * travel.minutes(setup.base, p)), 0);
    lowerBound += Math.max(byTour, byCommute);
  }
  const daysNeeded = Math.max(...plan.coverage.map((c) => c.coveredByDay ?? Infinity));
  process.stdout.write(
    `${JSON.stringify({
      enterprises: n,
      groups,
      required: required.size,
      plan_ms: Math.round(ms),
      days_needed: daysNeeded,
      group_days_used: Math.round(daysUsed * 100) / 100,
      group_days_lower_bound: Math.round(lowerBound * 100) / 100,
      ratio: Math.round((daysUsed / lowerBound) * 1000) / 1000,
      unplanned: plan.unplanned.length,
    })}\n`,
  );
}
