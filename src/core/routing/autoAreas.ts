/**
 * --auto-areas: split the town's villages among the groups by themselves. Areas are compact (a sweep around
 * the base, so each group works one side of town) and balanced by the hours of work in them — on-site
 * minutes plus the travel between neighbouring enterprises — not by the count of enterprises: ten plants in
 * the park take less than ten farms scattered in the hills.
 */
import { haversineKm } from '../geo.js';
import { INSPECTED_ACTIONS, type Enterprise, type Group, type Point, type RequiredMeasure, type TownSetup } from '../model.js';
import { largeEmitterThreshold } from './priority.js';
import { serviceMinutes } from './serviceTime.js';
import { travelModel, type TravelModel } from './travel.js';

export interface AreaUnit {
  village: string;
  centre: Point;
  /** Minutes of work the village's required enterprises take. */
  minutes: number;
}

/** The villages as units of work: on-site minutes plus, per enterprise, the travel to its nearest required neighbour. */
export function villageUnits(
  enterprises: readonly Enterprise[],
  required: ReadonlySet<string>,
  serviceMinutes: (e: Enterprise) => number,
  travel: TravelModel,
): AreaUnit[] {
  const byVillage = new Map<string, Enterprise[]>();
  for (const e of enterprises) byVillage.set(e.village, [...(byVillage.get(e.village) ?? []), e]);
  const villages = [...byVillage.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const centres = villages.map(([, es]) => ({ lon: mean(es.map((e) => e.location.lon)), lat: mean(es.map((e) => e.location.lat)) }));
  return villages.map(([village, es], vi) => {
    const centre = centres[vi]!;
    const todo = es.filter((x) => required.has(x.creditCode));
    // The way to a village alone: the nearest other village's centre (the nearest neighbour of a lone plant).
    const toNextVillage = Math.min(...centres.filter((_, j) => j !== vi).map((c) => travel.minutes(centre, c)), Infinity);
    let minutes = 0;
    for (const e of todo) {
      let nearest = Infinity;
      for (const o of todo) if (o !== e) nearest = Math.min(nearest, travel.minutes(e.location, o.location));
      minutes += serviceMinutes(e) + (Number.isFinite(nearest) ? nearest : Number.isFinite(toNextVillage) ? toNextVillage : 0);
    }
    return { village, centre, minutes };
  });
}

export interface AutoAreas {
  groups: Group[];
  minutes: Map<string, number>;
}

/**
 * Assign units to groups: the best balanced sweep around the base, then single-village moves between
 * neighbouring areas while they lower the heaviest area's load without scattering an area.
 */
export function autoAreas(base: Point, units: readonly AreaUnit[], groups: readonly Group[]): AutoAreas {
  const k = groups.length;
  const bearing = (p: Point) => Math.atan2(p.lat - base.lat, (p.lon - base.lon) * Math.cos((base.lat * Math.PI) / 180));
  const sorted = [...units].sort((a, b) => bearing(a.centre) - bearing(b.centre) || (a.village < b.village ? -1 : 1));
  const total = units.reduce((s, u) => s + u.minutes, 0);

  // Sweep: for each starting village, cut the circle where the running work passes each k-th of the total.
  let best: number[] | null = null;
  let bestCost = Infinity;
  for (let start = 0; start < Math.max(1, sorted.length); start++) {
    const assign = new Array<number>(sorted.length).fill(0);
    let acc = 0;
    for (let i = 0; i < sorted.length; i++) {
      const u = sorted[(start + i) % sorted.length]!;
      const g = Math.min(k - 1, Math.floor(((acc + u.minutes / 2) / Math.max(total, 1e-9)) * k));
      assign[(start + i) % sorted.length] = g;
      acc += u.minutes;
    }
    const c = cost(sorted, assign, k);
    if (c < bestCost - 1e-9) {
      bestCost = c;
      best = assign;
    }
  }
  const assign = best ?? [];

  // Local moves: a village may change to a group that already holds one of its three nearest villages.
  const near = sorted.map((u, i) =>
    sorted
      .map((v, j) => ({ j, d: haversineKm(u.centre, v.centre) }))
      .filter((x) => x.j !== i)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, 3)
      .map((x) => x.j),
  );
  for (let improved = true, rounds = 0; improved && rounds < 100; rounds++) {
    improved = false;
    for (let i = 0; i < sorted.length; i++) {
      for (const j of near[i]!) {
        const to = assign[j]!;
        if (to === assign[i]) continue;
        const from = assign[i]!;
        if (assign.filter((g) => g === from).length === 1) continue; // never empty an area
        assign[i] = to;
        const c = cost(sorted, assign, k);
        if (c < bestCost - 1e-9) {
          bestCost = c;
          improved = true;
        } else assign[i] = from;
      }
    }
  }

  const minutes = new Map<string, number>();
  const out = groups.map((g, gi) => {
    const villages = sorted
      .filter((_, i) => assign[i] === gi)
      .map((u) => u.village)
      .sort();
    minutes.set(
      g.id,
      sorted.filter((_, i) => assign[i] === gi).reduce((s, u) => s + u.minutes, 0),
    );
    return { ...g, villages };
  });
  return { groups: out, minutes };
}

/**
 * Balance first (the heaviest area over the mean), compactness second (how far villages lie from their
 * area's centre, relative to the town's spread), so that a long thin area loses to a round one of equal work.
 */
function cost(units: readonly AreaUnit[], assign: readonly number[], k: number): number {
  const load = new Array<number>(k).fill(0);
  const cx = new Array<number>(k).fill(0);
  const cy = new Array<number>(k).fill(0);
  const n = new Array<number>(k).fill(0);
  units.forEach((u, i) => {
    const g = assign[i]!;
    load[g]! += u.minutes;
    cx[g]! += u.centre.lon;
    cy[g]! += u.centre.lat;
    n[g]! += 1;
  });
  const meanLoad = load.reduce((a, b) => a + b, 0) / k;
  const imbalance = meanLoad > 0 ? Math.max(...load) / meanLoad - 1 : 0;
  let spread = 0;
  let townSpread = 0;
  const tx = mean(units.map((u) => u.centre.lon));
  const ty = mean(units.map((u) => u.centre.lat));
  units.forEach((u, i) => {
    const g = assign[i]!;
    spread += haversineKm(u.centre, { lon: cx[g]! / n[g]!, lat: cy[g]! / n[g]! });
    townSpread += haversineKm(u.centre, { lon: tx, lat: ty });
  });
  return imbalance + 0.25 * (townSpread > 0 ? spread / townSpread : 0);
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * The town's villages split among its groups for --auto-areas: each village weighed by the work its
 * enterprises that must be checked on site take (the same service-time rule the routes use).
 */
export function autoAreasFor(enterprises: readonly Enterprise[], measures: ReadonlyMap<string, RequiredMeasure>, setup: TownSetup): AutoAreas {
  const required = new Set([...measures.values()].filter((m) => INSPECTED_ACTIONS.includes(m.action)).map((m) => m.creditCode));
  const largeAt = largeEmitterThreshold(enterprises);
  const units = villageUnits(enterprises, required, (e) => serviceMinutes(setup, e, largeAt), travelModel(setup));
  return autoAreas(setup.base, units, setup.groups);
}
