/**
 * The plan as GeoJSON (RFC 7946, WGS-84 longitude/latitude) for GIS tools and phone apps: one Point per visit
 * and for the base, one LineString per group and day from the base through the stops and back.
 */
import type { Point } from '../../core/model.js';

export interface GeoStop {
  location: Point;
  properties: Record<string, string | number | boolean | null>;
}

export interface GeoRoute {
  properties: Record<string, string | number | boolean | null>;
  stops: GeoStop[];
}

export function renderGeoJson(base: Point & { name: string }, routes: readonly GeoRoute[]): string {
  const pos = (p: Point) => [round6(p.lon), round6(p.lat)];
  const features: unknown[] = [{ type: 'Feature', geometry: { type: 'Point', coordinates: pos(base) }, properties: { kind: 'base', name: base.name } }];
  for (const r of routes) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [base, ...r.stops.map((s) => s.location), base].map(pos) },
      properties: { kind: 'route', ...r.properties },
    });
    for (const s of r.stops)
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: pos(s.location) }, properties: { kind: 'visit', ...s.properties } });
  }
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
