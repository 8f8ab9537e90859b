/**
 * From longitude/latitude to millimetres on the page. A town is a few kilometres across, so a local
 * equirectangular projection (east–west degrees shortened by the cosine of the town's latitude) keeps
 * distances true to well under 1 % and north straight up; without the cosine, 薛埠镇 at 31.7° N would be
 * drawn 18 % too wide. The whole drawing is then fitted into a box, the same scale on both axes.
 */
import type { Point } from '../../../core/model.js';

/** Kilometres per degree of latitude on the sphere haversineKm uses (R = 6371.0088 km). */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

export interface XY {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Projection {
  /** Page position in millimetres (y grows downward, as in SVG). */
  project(p: Point): XY;
  /** Back from the page to longitude/latitude (for the ground an inset shows). */
  unproject(xy: XY): Point;
  /** Millimetres on the page per kilometre on the ground. */
  mmPerKm: number;
}

/** Smallest ground extent drawn, so that one stop next to the base is not blown up to fill the page. */
const MIN_EXTENT_KM = 2;

/** Local kilometres east and north of a reference latitude. */
export function toLocalKm(p: Point, lat0: number): XY {
  return { x: p.lon * KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180), y: p.lat * KM_PER_DEGREE };
}

/** A projection that shows every point inside `box`, centred, north up, the same scale both ways. */
export function fitProjection(points: readonly Point[], box: Box, minExtentKm = MIN_EXTENT_KM): Projection {
  if (points.length === 0) throw new Error('fitProjection needs at least one point');
  const lats = points.map((p) => p.lat);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const local = points.map((p) => toLocalKm(p, lat0));
  const minX = Math.min(...local.map((q) => q.x));
  const maxX = Math.max(...local.map((q) => q.x));
  const minY = Math.min(...local.map((q) => q.y));
  const maxY = Math.max(...local.map((q) => q.y));
  const spanX = Math.max(maxX - minX, minExtentKm);
  const spanY = Math.max(maxY - minY, minExtentKm);
  const mmPerKm = Math.min(box.width / spanX, box.height / spanY);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const midX = box.x + box.width / 2;
  const midY = box.y + box.height / 2;
  return {
    mmPerKm,
    project(p: Point): XY {
      const q = toLocalKm(p, lat0);
      return { x: midX + (q.x - cx) * mmPerKm, y: midY - (q.y - cy) * mmPerKm };
    },
    unproject(xy: XY): Point {
      const kx = (xy.x - midX) / mmPerKm + cx;
      const ky = cy - (xy.y - midY) / mmPerKm;
      return { lon: kx / (KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180)), lat: ky / KM_PER_DEGREE };
    },
  };
}
