/**
 * How long it takes a patrol group to get from one point to another: straight-line distance times the
 * road-detour factor, at the configured speed. Minutes are what the working day is measured in.
 */
import { haversineKm } from '../geo.js';
import type { Point, TownSetup } from '../model.js';

export interface TravelModel {
  roadKm(a: Point, b: Point): number;
  minutes(a: Point, b: Point): number;
}

export function travelModel(setup: Pick<TownSetup, 'speedKmh' | 'detourFactor'>): TravelModel {
  // Planning asks for the same pairs of points over and over (every insertion, every schedule check):
  // remember them by the points' identity, which is stable for the enterprises of one list.
  const cache = new WeakMap<Point, WeakMap<Point, number>>();
  const roadKm = (a: Point, b: Point): number => {
    let row = cache.get(a);
    if (!row) cache.set(a, (row = new WeakMap()));
    let km = row.get(b);
    if (km === undefined) row.set(b, (km = haversineKm(a, b) * setup.detourFactor));
    return km;
  };
  const perKm = 60 / setup.speedKmh;
  return { roadKm, minutes: (a, b) => roadKm(a, b) * perKm };
}
