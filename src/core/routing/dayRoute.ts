/**
 * One group's route for one day: pick who to visit (the most important first, the cheapest to reach among
 * them), fit them into the day, then order the stops with the route solver so the day is as short as it can be.
 */
import type { Point } from '../model.js';
import { scheduleDay, type DaySchedule, type DayWindow } from './daySchedule.js';
import type { TravelModel } from './travel.js';
import { solveTour } from './tsp.js';

export interface DayCandidate {
  id: string;
  location: Point;
  serviceMinutes: number;
}

export interface DayRouteRequest {
  base: Point;
  window: DayWindow;
  travel: TravelModel;
  /** In order of importance: earlier candidates are preferred. */
  candidates: readonly DayCandidate[];
  /** Stop adding visits once this many are planned (to spread work over days). */
  maxVisits: number;
  seed: number;
}

export interface BuiltDay {
  stops: DayCandidate[];
  schedule: DaySchedule;
}

/**
 * How far down the importance order a day may reach for a cheaper stop: wide enough to let nearby visits
 * cluster into one day, narrow enough that the most important are never pushed back by the convenient.
 */
function lookahead(maxVisits: number): number {
  return Math.max(6, Math.ceil(maxVisits * 0.5));
}

export function buildDayRoute(req: DayRouteRequest): BuiltDay {
  const { base, window, travel } = req;
  const chosen: DayCandidate[] = [];
  const skipped = new Set<string>();
  const inDay = new Set<string>();
  const schedule = (stops: readonly DayCandidate[]) =>
    scheduleDay(base, stops.map((s) => s.location), (i) => stops[i]!.serviceMinutes, window, travel);

  while (chosen.length < req.maxVisits) {
    // The open candidates within reach of the importance order.
    const open: DayCandidate[] = [];
    for (const c of req.candidates) {
      if (inDay.has(c.id) || skipped.has(c.id)) continue;
      open.push(c);
      if (open.length >= lookahead(req.maxVisits)) break;
    }
    if (open.length === 0) break;
    let best: { c: DayCandidate; at: number; cost: number } | null = null;
    for (const [rank, c] of open.entries()) {
      const { at, cost } = cheapestInsertion(base, chosen, c, travel);
      // A small nudge per rank keeps ties (and near-ties) in importance order.
      const weighted = cost + rank * 0.5;
      if (!best || weighted < best.cost) best = { c, at, cost: weighted };
    }
    const trial = [...chosen.slice(0, best!.at), best!.c, ...chosen.slice(best!.at)];
    if (schedule(trial).feasible) {
      chosen.splice(0, chosen.length, ...trial);
      inDay.add(best!.c.id);
    } else {
      skipped.add(best!.c.id);
    }
  }

  // A closed tour runs the same length either way round, but the lunch break can fall differently:
  // keep whichever of the solver's two directions and the insertion order comes back earliest.
  const ordered = improveOrder(base, chosen, travel, req.seed);
  let best: BuiltDay = { stops: chosen, schedule: schedule(chosen) };
  for (const stops of [ordered, [...ordered].reverse()]) {
    const s = schedule(stops);
    if (s.feasible && s.returnAt < best.schedule.returnAt - 1e-9) best = { stops, schedule: s };
  }
  return best;
}

function cheapestInsertion(base: Point, route: readonly DayCandidate[], c: DayCandidate, travel: TravelModel): { at: number; cost: number } {
  let best = { at: 0, cost: Infinity };
  for (let i = 0; i <= route.length; i++) {
    const prev = i === 0 ? base : route[i - 1]!.location;
    const next = i === route.length ? base : route[i]!.location;
    const cost = travel.minutes(prev, c.location) + travel.minutes(c.location, next) - travel.minutes(prev, next);
    if (cost < best.cost) best = { at: i, cost };
  }
  return best;
}

/** Order the day's stops as a closed tour from the base with the route solver (node 0 is the base). */
function improveOrder(base: Point, stops: readonly DayCandidate[], travel: TravelModel, seed: number): DayCandidate[] {
  if (stops.length < 3) return [...stops];
  const points = [base, ...stops.map((s) => s.location)];
  const tour = solveTour(points.length, (i, j) => travel.minutes(points[i]!, points[j]!), { seed });
  return tour.order.slice(1).map((i) => stops[i - 1]!);
}
