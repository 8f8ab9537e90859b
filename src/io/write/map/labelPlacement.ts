/**
 * Where each stop's number goes. Stops of one day often sit a few hundred metres apart (an industrial
 * park, one village), closer than a label is wide, so labels are placed greedily: the most crowded stops
 * first, each trying eight positions around its stop, then rings further out (sixteen directions, joined to
 * the stop by a leader line), and taking the nearest position that covers no other label and no marker and
 * stays inside the map. Crossing a route line is allowed but counted against a position, so that lines stay
 * readable; a leader line that would cross another label is avoided the same way.
 */
import { boxInsideConvex, insideConvex } from './hull.js';
import type { Box, XY } from './projection.js';

export interface LabelRequest {
  id: string;
  anchor: XY;
  width: number;
  height: number;
  /** Distance from the anchor that the label must keep clear (the marker's radius). */
  clearance: number;
  /** A convex polygon the label must lie inside (its group's area), as hard a rule as not covering a stop. */
  within?: readonly XY[];
  /** Convex polygons the label had better keep out of (other groups' areas): counted against a position. */
  avoid?: readonly (readonly XY[])[];
  /** A convex polygon the label had better lie inside (its group's area in an inset): counted against a position outside. */
  prefer?: readonly XY[];
  /** Try the box centred on the anchor first (a place name, not a stop number beside its marker). */
  centred?: boolean;
}

export interface PlacedLabel {
  id: string;
  anchor: XY;
  box: Box;
  /** True when the label sits away from its stop and a line joins them. */
  leader: boolean;
  /** False only when no position was free of labels, markers and the map edge (then the least bad one is used). */
  clear: boolean;
}

export interface Segment {
  a: XY;
  b: XY;
}

export interface PlacementSpace {
  /** Hard obstacles: every marker on the map (a label must never hide a stop). */
  obstacles: readonly Box[];
  /** Soft obstacles: route lines. */
  segments: readonly Segment[];
  bounds: Box;
  /** How many rings out a label may go (default 12); fewer keeps leader lines short, leaving the rest unclear. */
  rings?: number;
  /** What crossing a route line costs a position (default 25, a little under one ring further out). */
  segmentCost?: number;
}

/** The cartographer's order of preference next to the stop: right, above right, above left, below right, … */
const NEAR: readonly XY[] = [
  { x: 1, y: 0 },
  { x: 1, y: -1 },
  { x: -1, y: -1 },
  { x: 1, y: 1 },
  { x: -1, y: 0 },
  { x: -1, y: 1 },
  { x: 0, y: -1 },
  { x: 0, y: 1 },
].map(unit);
/** Further out, every 22.5°, starting to the right. */
const AROUND: readonly XY[] = Array.from({ length: 16 }, (_, i) => ({ x: Math.cos((i * Math.PI) / 8), y: -Math.sin((i * Math.PI) / 8) }));
const RINGS = 12;
const GAP = 0.5;
const PAD = 0.3;
const HARD = 1e6;

export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Does the segment pass through the box? (Its part inside the box is not empty.) */
export function segmentHitsBox(s: Segment, b: Box): boolean {
  return clipSegment(s, b) !== null;
}

/** Liang–Barsky: the part of a segment inside a box, or null. */
export function clipSegment(s: Segment, b: Box): Segment | null {
  let t0 = 0;
  let t1 = 1;
  const dx = s.b.x - s.a.x;
  const dy = s.b.y - s.a.y;
  const checks: [number, number][] = [
    [-dx, s.a.x - b.x],
    [dx, b.x + b.width - s.a.x],
    [-dy, s.a.y - b.y],
    [dy, b.y + b.height - s.a.y],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return null;
    }
  }
  return { a: { x: s.a.x + t0 * dx, y: s.a.y + t0 * dy }, b: { x: s.a.x + t1 * dx, y: s.a.y + t1 * dy } };
}

function unit(v: XY): XY {
  const l = Math.hypot(v.x, v.y);
  return { x: v.x / l, y: v.y / l };
}

/** The box for a label in direction `u` (a unit vector) whose edge, along that direction, is `d` from the anchor. */
function candidateBox(r: LabelRequest, u: XY, d: number): Box {
  // From the box's centre to its edge along u: whichever side the ray leaves by first.
  const ext = Math.min(u.x === 0 ? Infinity : r.width / 2 / Math.abs(u.x), u.y === 0 ? Infinity : r.height / 2 / Math.abs(u.y));
  const cx = r.anchor.x + u.x * (d + ext);
  const cy = r.anchor.y + u.y * (d + ext);
  return { x: cx - r.width / 2, y: cy - r.height / 2, width: r.width, height: r.height };
}

function centredBox(r: LabelRequest): Box {
  return { x: r.anchor.x - r.width / 2, y: r.anchor.y - r.height / 2, width: r.width, height: r.height };
}

function crowding(r: LabelRequest, all: readonly LabelRequest[]): number {
  const reach = r.width * 2;
  return all.filter((o) => o !== r && Math.abs(o.anchor.x - r.anchor.x) < reach && Math.abs(o.anchor.y - r.anchor.y) < reach).length;
}

export function placeLabels(requests: readonly LabelRequest[], space: PlacementSpace): PlacedLabel[] {
  const order = requests
    .map((r, i) => ({ r, i, crowd: crowding(r, requests) }))
    // The first request (the base, when given) keeps its place at the front; then the most crowded first.
    .sort((a, b) => (a.i === 0 ? -1 : b.i === 0 ? 1 : b.crowd - a.crowd || a.i - b.i));
  const placed = new Map<string, PlacedLabel>();
  const taken: Box[] = [];
  const leaders: Segment[] = [];
  for (const { r } of order) {
    let best: { box: Box; cost: number; ring: number } | null = null;
    const rings = space.rings ?? RINGS;
    for (let ring = 0; ring < rings && !(best && best.cost < HARD); ring++) {
      const d = r.clearance + GAP + ring * Math.max(r.height, 2);
      const dirs = ring === 0 ? (r.centred ? [{ x: 0, y: 0 }, ...NEAR] : NEAR) : AROUND;
      for (const [k, dir] of dirs.entries()) {
        const box = dir.x === 0 && dir.y === 0 ? centredBox(r) : candidateBox(r, dir, d);
        let cost = ring * 40 + k;
        if (!inside(box, space.bounds)) cost += HARD;
        if (r.within && !boxInsideConvex(r.within, box)) cost += HARD;
        const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        for (const a of r.avoid ?? []) if (insideConvex(a, mid)) cost += 30;
        if (r.prefer && !boxInsideConvex(r.prefer, box)) cost += 20;
        for (const t of taken) if (boxesOverlap(box, t, PAD)) cost += HARD;
        for (const o of space.obstacles) if (boxesOverlap(box, o, PAD)) cost += HARD;
        for (const s of space.segments) if (segmentHitsBox(s, box)) cost += space.segmentCost ?? 25;
        for (const s of leaders) if (segmentHitsBox(s, box)) cost += 25;
        if (ring > 0) {
          // The leader line from the stop to this box should not run through another label.
          const leader = { a: r.anchor, b: nearestPointOnBox(r.anchor, box) };
          for (const t of taken) if (segmentHitsBox(leader, t)) cost += 400;
        }
        if (!best || cost < best.cost) best = { box, cost, ring };
      }
    }
    const chosen = best!;
    const label: PlacedLabel = { id: r.id, anchor: r.anchor, box: chosen.box, leader: chosen.ring > 0, clear: chosen.cost < HARD };
    placed.set(r.id, label);
    taken.push(chosen.box);
    if (label.leader) leaders.push({ a: r.anchor, b: nearestPointOnBox(r.anchor, chosen.box) });
  }
  return requests.map((r) => placed.get(r.id)!);
}

/** Where a leader line from `p` meets the box. */
export function nearestPointOnBox(p: XY, b: Box): XY {
  return { x: Math.min(Math.max(p.x, b.x), b.x + b.width), y: Math.min(Math.max(p.y, b.y), b.y + b.height) };
}

/**
 * Width of a text in mm at a font size in mm: CJK and full-width forms one em, ASCII about half.
 * An estimate (the page's font is chosen by the printing PC), so boxes get a little slack.
 */
export function textWidthMm(s: string, size: number): number {
  let em = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    em += c < 0x2e80 ? (/[0-9]/.test(ch) ? 0.56 : /[A-Z]/.test(ch) ? 0.66 : 0.5) : 1;
  }
  return em * size;
}
