/**
 * Chinese map datums. Lists often copy coordinates from Amap/Tencent (GCJ-02) or Baidu (BD-09) maps; haze
 * plans on WGS-84 and converts on reading. Navigation links to Amap need GCJ-02 again. The GCJ-02 offset is
 * the published obfuscation formula (Krasovsky 1940 ellipsoid); its inverse has no closed form and is
 * found by fixed-point iteration to well under a centimetre.
 */
import type { Point } from './model.js';

export type Datum = 'wgs84' | 'gcj02' | 'bd09';

const A = 6378245.0;
const EE = 0.00669342162296594323;
const X_PI = (Math.PI * 3000.0) / 180.0;

/** GCJ-02 applies only inside China; outside it the published formula leaves points as they are. */
function outsideChina(p: Point): boolean {
  return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

export function wgs84ToGcj02(p: Point): Point {
  if (outsideChina(p)) return { ...p };
  let dLat = offsetLat(p.lon - 105.0, p.lat - 35.0);
  let dLon = offsetLon(p.lon - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lon: p.lon + dLon, lat: p.lat + dLat };
}

export function gcj02ToWgs84(p: Point): Point {
  if (outsideChina(p)) return { ...p };
  // Fixed point: find w with wgs84ToGcj02(w) = p. The offset varies slowly, so this converts in a few steps.
  let w = { lon: p.lon, lat: p.lat };
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02(w);
    const dLon = p.lon - g.lon;
    const dLat = p.lat - g.lat;
    w = { lon: w.lon + dLon, lat: w.lat + dLat };
    if (Math.abs(dLon) < 1e-12 && Math.abs(dLat) < 1e-12) break;
  }
  return w;
}

export function gcj02ToBd09(p: Point): Point {
  const z = Math.sqrt(p.lon * p.lon + p.lat * p.lat) + 0.00002 * Math.sin(p.lat * X_PI);
  const theta = Math.atan2(p.lat, p.lon) + 0.000003 * Math.cos(p.lon * X_PI);
  return { lon: z * Math.cos(theta) + 0.0065, lat: z * Math.sin(theta) + 0.006 };
}

export function bd09ToGcj02(p: Point): Point {
  const x = p.lon - 0.0065;
  const y = p.lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return { lon: z * Math.cos(theta), lat: z * Math.sin(theta) };
}

export function toWgs84(p: Point, from: Datum): Point {
  switch (from) {
    case 'wgs84':
      return { ...p };
    case 'gcj02':
      return gcj02ToWgs84(p);
    case 'bd09':
      return gcj02ToWgs84(bd09ToGcj02(p));
  }
}
