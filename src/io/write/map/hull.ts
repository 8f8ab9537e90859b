/**
 * A group's area on a map: the convex hull of its stops grown by a margin all round (the hull's Minkowski
 * sum with a disc, drawn as a polygon), so that a single stop gets a disc, two stops a capsule and a line of
 * stops a rounded band only as wide as the margin: never a sliver, never reaching past the stops by more
 * than the margin. Then clipped to the map's frame. Plain functions on page millimetres.
 */
import type { Box, XY } from './projection.js';

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

/** Points on a circle per stop: enough that the polygon's edge stays within 1 % of the margin from the true arc. */
const ARC_STEPS = 24;

/**
 * The convex hull of `points` grown by `mm` in every direction: every point on or inside the polygon's
 * edge lies within `mm` of the stops' hull, and every stop is at least `mm · cos(π/ARC_STEPS)` inside it.
 */
export function paddedHull(points: readonly XY[], mm: number): XY[] {
  if (points.length === 0) return [];
  const core = convexHull(points);
  const ring: XY[] = [];
  for (const p of core) {
    for (let k = 0; k < ARC_STEPS; k++) {
      const a = (2 * Math.PI * k) / ARC_STEPS;
      ring.push({ x: round(p.x + mm * Math.cos(a)), y: round(p.y + mm * Math.sin(a)) });
    }
  }
  return convexHull(ring);
}

/** Rounded to 1 µm, so that the same stops give the same polygon on every machine's floating point. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Sutherland–Hodgman against the four sides of a box: what of a (convex) polygon lies inside the frame. */
export function clipToBox(poly: readonly XY[], box: Box): XY[] {
  const sides: { inside: (p: XY) => boolean; cut: (a: XY, b: XY) => XY }[] = [
    { inside: (p) => p.x >= box.x, cut: (a, b) => atX(a, b, box.x) },
    { inside: (p) => p.x <= box.x + box.width, cut: (a, b) => atX(a, b, box.x + box.width) },
    { inside: (p) => p.y >= box.y, cut: (a, b) => atY(a, b, box.y) },
    { inside: (p) => p.y <= box.y + box.height, cut: (a, b) => atY(a, b, box.y + box.height) },
  ];
  let out = [...poly];
  for (const side of sides) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (side.inside(cur)) {
        if (!side.inside(prev)) out.push(side.cut(prev, cur));
        out.push(cur);
      } else if (side.inside(prev)) out.push(side.cut(prev, cur));
    }
  }
  return out;
}

function atX(a: XY, b: XY, x: number): XY {
  return { x, y: round(a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x)) };
}

function atY(a: XY, b: XY, y: number): XY {
  return { x: round(a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y)), y };
}

/** Is the point inside (or on the edge of) a convex polygon, whichever way round it runs? */
export function insideConvex(poly: readonly XY[], p: XY): boolean {
  if (poly.length < 3) return false;
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const c = cross(poly[i]!, poly[(i + 1) % poly.length]!, p);
    if (Math.abs(c) < 1e-9) continue;
    const s = Math.sign(c);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/** All four corners inside: for a convex polygon, the whole box is. */
export function boxInsideConvex(poly: readonly XY[], b: Box): boolean {
  return [
    { x: b.x, y: b.y },
    { x: b.x + b.width, y: b.y },
    { x: b.x, y: b.y + b.height },
    { x: b.x + b.width, y: b.y + b.height },
  ].every((p) => insideConvex(poly, p));
}

/** The centre of a polygon's vertices (good enough to hang a name on a convex outline). */
export function centreOf(points: readonly XY[]): XY {
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}
