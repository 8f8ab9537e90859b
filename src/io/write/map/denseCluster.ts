/**
 * Which stops make a dense knot, found the same way every time from page positions alone: the stops whose
 * numbers found no place near them, with several other stops within a few millimetres, joined into clusters
 * of neighbours (single linkage). The route map draws the largest knot again in an inset at a larger scale.
 */
import type { XY } from './projection.js';

/** A stop is in a dense knot when at least DENSE_COUNT other stops are within DENSE_RADIUS mm of it. */
const DENSE_RADIUS = 4;
const DENSE_COUNT = 4;

/**
 * Of the stops whose labels did not fit near them (`failed`), those that sit in a dense knot of stops: the
 * knot is what an inset at a larger scale helps; a lone stop that did not fit gets a longer leader instead.
 */
export function denseStops(points: readonly XY[], failed: readonly boolean[], radius = DENSE_RADIUS, count = DENSE_COUNT): number[] {
  return points.flatMap((p, i) => {
    if (!failed[i]) return [];
    const near = points.filter((q, j) => j !== i && Math.hypot(q.x - p.x, q.y - p.y) <= radius).length;
    return near >= count ? [i] : [];
  });
}

/** Stops whose labels did not fit, gathered into clusters of neighbours; the largest cluster first (ties: the earlier stop). */
export function crowdedClusters(points: readonly XY[], link: number): number[][] {
  const parent = points.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      if (Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y) <= link) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
  const groups = new Map<number, number[]>();
  points.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
