/** Distances on the ground between WGS-84 points, and the bounds used to sanity-check coordinates. */
import type { Point } from './model.js';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A generous box around mainland China and its islands: a point outside it is a typo or swapped. */
export const CHINA_BOUNDS = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 } as const;

export function inChina(p: Point): boolean {
  return p.lon >= CHINA_BOUNDS.minLon && p.lon <= CHINA_BOUNDS.maxLon && p.lat >= CHINA_BOUNDS.minLat && p.lat <= CHINA_BOUNDS.maxLat;
}
