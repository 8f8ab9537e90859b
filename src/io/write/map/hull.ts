/**
 * A group's area on the plan map: the convex hull of its enterprises, pushed out a little so that the
 * stops on its edge sit inside the outline rather than on it.
 */
import type { XY } from './projection.js';

const cross = (o: XY, a: XY, b: XY) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Andrew's monotone chain; returns the hull counter-clockwise (in y-down page space, clockwise on screen), no repeated point. */
export function convexHull(points: readonly XY[]): XY[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const unique = pts.filter((p, i) => i === 0 || p.x !== pts[i - 1]!.x || p.y !== pts[i - 1]!.y);
  if (unique.length < 3) return unique;
  const lower: XY[] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: XY[] = [];
  for (const p of [...unique].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Each vertex moved `mm` further from the hull's centroid: a cheap outward margin, enough for a drawing. */
export function padHull(hull: readonly XY[], mm: number): XY[] {
  if (hull.length === 0) return [];
  const c = { x: hull.reduce((s, p) => s + p.x, 0) / hull.length, y: hull.reduce((s, p) => s + p.y, 0) / hull.length };
  return hull.map((p) => {
    const dx = p.x - c.x;
    const dy = p.y - c.y;
    const d = Math.hypot(dx, dy);
    return d === 0 ? { x: p.x, y: p.y } : { x: p.x + (dx / d) * mm, y: p.y + (dy / d) * mm };
  });
}
