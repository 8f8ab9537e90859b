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
  const roadKm = (a: Point, b: Point) => haversineKm(a, b) * setup.detourFactor;
  return { roadKm, minutes: (a, b) => (roadKm(a, b) / setup.speedKmh) * 60 };
}
