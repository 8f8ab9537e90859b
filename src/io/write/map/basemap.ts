/**
 * With no map tiles offline, the map's background is drawn from what the list itself knows: each village's
 * name at the centre of its enterprises, the outline of each industrial park (enterprises whose village or
 * address names a 工业园, 产业园, 园区 or 开发区), and the town government (drawn by the route map itself).
 * Pure: the same list gives the same basemap, in the list's order of first appearance.
 */
import type { Enterprise, Point } from '../../../core/model.js';

export interface BasemapPlace {
  name: string;
  point: Point;
}

export interface BasemapPark {
  name: string;
  points: Point[];
}

export interface Basemap {
  villages: BasemapPlace[];
  parks: BasemapPark[];
}

/** The words that make a place a park. Longest first, so that 工业园区 is cut after 园区, not after 工业园. */
const PARK_WORDS = ['工业集中区', '工业园区', '工业园', '产业园', '开发区', '园区'];

/** The park's name as the village or address writes it, cut after the park word; null when it names none. */
export function parkName(e: Pick<Enterprise, 'town' | 'village' | 'address'>): string | null {
  const fromVillage = cutAfterParkWord(e.village);
  if (fromVillage) return fromVillage;
  // The address usually repeats the town and the village first: what follows them names the park.
  let rest = e.address;
  if (e.town && rest.startsWith(e.town)) rest = rest.slice(e.town.length);
  if (e.village && rest.startsWith(e.village)) rest = rest.slice(e.village.length);
  const fromAddress = cutAfterParkWord(rest);
  // A park word with nothing before it (园区大道 8 号) names a road, not which park.
  return fromAddress && !PARK_WORDS.includes(fromAddress) ? fromAddress : null;
}

/** The text up to the end of its first park word (at one place, the longest word), or null. */
function cutAfterParkWord(s: string): string | null {
  let at = -1;
  let end = -1;
  for (const w of PARK_WORDS) {
    const i = s.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      end = i + w.length;
    }
  }
  return at < 0 ? null : s.slice(0, end);
}

export function townBasemap(enterprises: readonly Enterprise[]): Basemap {
  const villages = new Map<string, Point[]>();
  const parks = new Map<string, Point[]>();
  for (const e of enterprises) {
    if (e.village) {
      const v = villages.get(e.village) ?? [];
      v.push(e.location);
      villages.set(e.village, v);
    }
    const park = parkName(e);
    if (park) {
      const p = parks.get(park) ?? [];
      p.push(e.location);
      parks.set(park, p);
    }
  }
  return {
    villages: [...villages].map(([name, pts]) => ({ name, point: centre(pts) })),
    parks: [...parks].map(([name, points]) => ({ name, points })),
  };
}

function centre(pts: readonly Point[]): Point {
  return { lon: pts.reduce((s, p) => s + p.lon, 0) / pts.length, lat: pts.reduce((s, p) => s + p.lat, 0) / pts.length };
}
