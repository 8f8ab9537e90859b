/**
 * A link that opens 高德地图 (Amap) navigation to a stop on a phone or PC. Amap expects GCJ-02 coordinates
 * (coordinate=gaode), so the WGS-84 point is converted first.
 */
import { wgs84ToGcj02 } from '../../core/datum.js';
import type { Point } from '../../core/model.js';

export function amapNavigationUrl(p: Point, name: string): string {
  const g = wgs84ToGcj02(p);
  const to = `${g.lon.toFixed(6)},${g.lat.toFixed(6)},${encodeURIComponent(name)}`;
  return `https://uri.amap.com/navigation?to=${to}&mode=car&coordinate=gaode&callnative=1`;
}

/** A shorter link for tables on a screen: the stop marked on the Amap map (tap it to navigate). */
export function amapMarkerUrl(p: Point): string {
  const g = wgs84ToGcj02(p);
  return `https://uri.amap.com/marker?position=${g.lon.toFixed(5)},${g.lat.toFixed(5)}`;
}
