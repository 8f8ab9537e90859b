/** The SVG route map: projection, scale bar, label placement and stop order, as plain function calls. */
import { haversineKm } from '../../../src/core/geo.js';
import type { Point } from '../../../src/core/model.js';
import { planPatrols } from '../../../src/core/routing/planPatrols.js';
import { assignAreas } from '../../../src/core/routing/areas.js';
import { addDays } from '../../../src/core/time.js';
import { GROUP_STYLES } from '../../../src/io/write/map/groupStyle.js';
import { boxInsideConvex, convexHull, insideConvex } from '../../../src/io/write/map/hull.js';
import { boxesOverlap, placeLabels, segmentHitsBox } from '../../../src/io/write/map/labelPlacement.js';
import { fitProjection } from '../../../src/io/write/map/projection.js';
import { layoutRouteMap, renderRouteMap, type MapLayout, type MapRequest } from '../../../src/io/write/map/routeMap.js';
import { renderScaleBar, roundScaleKm } from '../../../src/io/write/map/scaleBar.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const town = sampleTown();
const wd = town.setup.workingDay;
const plan = planPatrols({
  level: 'orange',
  enterprises: town.list.enterprises,
  measures: town.measuresAt('orange'),
  setup: town.setup,
  days: [0, 1, 2].map((i) => ({ date: addDays('2019-12-08', i), window: { start: i === 0 ? 14 * 60 : wd.start, end: wd.end, lunch: wd.lunch } })),
  seed: 1,
});
const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
const dates = [...new Set(plan.routes.map((r) => r.date))];
const { groupOf } = assignAreas(town.list.enterprises, town.setup.groups);

/** One group's day, as the checklist cover draws it. */
function routeRequest(date: string, groupIndex: number, height = 100): MapRequest {
  const g = town.setup.groups[groupIndex]!;
  const route = plan.routes.find((r) => r.date === date && r.groupId === g.id)!;
  return {
    width: 182,
    height,
    base: town.setup.base,
    prefixLabels: false,
    layers: [
      {
        key: g.id,
        name: g.name,
        styleIndex: groupIndex,
        stops: route.visits.map((v) => ({ code: v.creditCode, seq: v.seq, point: byCode.get(v.creditCode)!.location })),
      },
    ],
  };
}

/** Every group's day with its area, as the plan page draws it. */
function planRequest(date: string, height: number): MapRequest {
  return {
    width: 182,
    height,
    base: town.setup.base,
    prefixLabels: true,
    layers: town.setup.groups.map((g, i) => ({
      key: g.id,
      name: g.name,
      styleIndex: i,
      stops: plan.routes
        .find((r) => r.date === date && r.groupId === g.id)!
        .visits.map((v) => ({ code: v.creditCode, seq: v.seq, point: byCode.get(v.creditCode)!.location })),
      area: town.list.enterprises.filter((e) => groupOf.get(e.creditCode) === g.id).map((e) => e.location),
    })),
  };
}

/** Labels neither cover each other nor any marker of their panel, stay inside it, and main-map labels stay inside their group's area. */
function expectClearLabels(L: MapLayout): void {
  const r = L.markerRadius;
  const marker = (p: { x: number; y: number }) => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
  const main = [...(L.base.label ? [L.base.label] : []), ...L.layers.flatMap((l) => l.stops.filter((s) => s.panel === 'main').map((s) => s.label))];
  const inset = L.inset
    ? [...(L.inset.base ? [L.inset.base.label] : []), ...L.inset.layers.flatMap((l) => l.stops.flatMap((s) => (s.label ? [s.label] : [])))]
    : [];
  const panels = [
    { labels: main, area: L.mainArea, markers: L.layers.flatMap((l) => l.stops.map((s) => marker(s.xy))) },
    ...(L.inset ? [{ labels: inset, area: L.inset.box, markers: L.inset.layers.flatMap((l) => l.stops.map((s) => marker(s.xy))) }] : []),
  ];
  for (const p of panels) {
    for (const [i, a] of p.labels.entries()) {
      expect(a.clear).toBe(true);
      for (const b of p.labels.slice(i + 1)) expect(boxesOverlap(a.box, b.box)).toBe(false);
      for (const m of p.markers) expect(boxesOverlap(a.box, m)).toBe(false);
      expect(a.box.x).toBeGreaterThanOrEqual(p.area.x);
      expect(a.box.y).toBeGreaterThanOrEqual(p.area.y);
      expect(a.box.x + a.box.width).toBeLessThanOrEqual(p.area.x + p.area.width);
      expect(a.box.y + a.box.height).toBeLessThanOrEqual(p.area.y + p.area.height);
    }
  }
  for (const l of L.layers)
    for (const s of l.stops) if (s.panel === 'main') expect([l.hull, ...l.extraAreas].some((a) => boxInsideConvex(a, s.label.box))).toBe(true);
  // Every stop is numbered once: on the main map or in the inset.
  expect(main.length - (L.base.label ? 1 : 0) + inset.length - (L.inset?.base ? 1 : 0)).toBe(L.layers.reduce((n, l) => n + l.stops.length, 0));
}

describe('projection', () => {
  const a: Point = { lon: 119.3728, lat: 31.7251 };
  const oneKmEast: Point = { lon: a.lon + 1 / (111.195 * Math.cos((a.lat * Math.PI) / 180)), lat: a.lat };
  const oneKmNorth: Point = { lon: a.lon, lat: a.lat + 1 / 111.195 };
  const p = fitProjection([a, oneKmEast, oneKmNorth], { x: 10, y: 10, width: 100, height: 100 });
  const dist = (u: Point, v: Point) => Math.hypot(p.project(u).x - p.project(v).x, p.project(u).y - p.project(v).y);

  test('a kilometre east and a kilometre north are the same length on paper at 31.7° N', () => {
    expect(haversineKm(a, oneKmEast)).toBeCloseTo(1, 2);
    expect(dist(a, oneKmEast) / dist(a, oneKmNorth)).toBeCloseTo(1, 2);
  });

  test('north is up and east is right', () => {
    expect(p.project(oneKmNorth).y).toBeLessThan(p.project(a).y);
    expect(p.project(oneKmEast).x).toBeGreaterThan(p.project(a).x);
  });

  test('page distances match ground distances across the sample town to within 1 %', () => {
    const pts = town.list.enterprises.map((e) => e.location);
    const q = fitProjection(pts, { x: 0, y: 0, width: 180, height: 120 });
    for (let i = 0; i < pts.length; i += 13) {
      const u = pts[i]!;
      const v = pts[(i * 7 + 5) % pts.length]!;
      const km = haversineKm(u, v);
      if (km < 1) continue;
      const mm = Math.hypot(q.project(u).x - q.project(v).x, q.project(u).y - q.project(v).y);
      expect(Math.abs(mm / q.mmPerKm / km - 1)).toBeLessThan(0.01);
    }
  });

  test('the drawing fits the box and fills it one way', () => {
    const pts = town.list.enterprises.map((e) => e.location);
    const box = { x: 5, y: 5, width: 170, height: 90 };
    const q = fitProjection(pts, box);
    const xy = pts.map((pt) => q.project(pt));
    const xs = xy.map((v) => v.x);
    const ys = xy.map((v) => v.y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(box.x - 1e-9);
    expect(Math.max(...xs)).toBeLessThanOrEqual(box.x + box.width + 1e-9);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(box.y - 1e-9);
    expect(Math.max(...ys)).toBeLessThanOrEqual(box.y + box.height + 1e-9);
    const filled = Math.max(Math.max(...xs) - Math.min(...xs) - box.width, Math.max(...ys) - Math.min(...ys) - box.height);
    expect(filled).toBeCloseTo(0, 6);
  });
});

describe('scale bar', () => {
  test('a round length no longer than the room given', () => {
    expect(roundScaleKm(10, 34)).toBe(2);
    expect(roundScaleKm(5, 34)).toBe(5);
    expect(roundScaleKm(40, 34)).toBe(0.5);
    expect(roundScaleKm(3, 34)).toBe(10);
    expect(roundScaleKm(100, 34)).toBe(0.2);
  });

  test('its drawn length is that many kilometres at the map scale, labelled in one unit', () => {
    const svg = renderScaleBar(12.5, 4, 100, 34);
    expect(svg).toContain('data-km="2"');
    expect(svg).toContain('data-mm="25"');
    expect(svg).toMatch(/>0<\/text>.*>1<\/text>.*>2<\/text>.*>公里</);
    const short = renderScaleBar(100, 4, 100, 34);
    expect(short).toMatch(/>0<\/text>.*>100<\/text>.*>200<\/text>.*>米</);
  });
});

describe('label placement', () => {
  test('segments and boxes', () => {
    const box = { x: 0, y: 0, width: 2, height: 2 };
    expect(segmentHitsBox({ a: { x: -1, y: 1 }, b: { x: 3, y: 1 } }, box)).toBe(true);
    expect(segmentHitsBox({ a: { x: -1, y: 3 }, b: { x: 3, y: 3 } }, box)).toBe(false);
    expect(segmentHitsBox({ a: { x: -1, y: -1 }, b: { x: -0.5, y: 5 } }, box)).toBe(false);
  });

  test('stops closer together than a label is wide still get labels that cover nothing', () => {
    const anchors = Array.from({ length: 12 }, (_, i) => ({ x: 50 + (i % 4) * 1.5, y: 50 + Math.floor(i / 4) * 1.5 }));
    const obstacles = anchors.map((a) => ({ x: a.x - 0.6, y: a.y - 0.6, width: 1.2, height: 1.2 }));
    const placed = placeLabels(
      anchors.map((a, i) => ({ id: String(i), anchor: a, width: 4, height: 3, clearance: 0.6 })),
      { obstacles, segments: [], bounds: { x: 0, y: 0, width: 100, height: 100 } },
    );
    expect(placed.map((p) => p.id)).toEqual(anchors.map((_, i) => String(i)));
    for (const [i, a] of placed.entries()) {
      expect(a.clear).toBe(true);
      for (const b of placed.slice(i + 1)) expect(boxesOverlap(a.box, b.box)).toBe(false);
      for (const o of obstacles) expect(boxesOverlap(a.box, o)).toBe(false);
    }
    expect(placed.some((p) => p.leader)).toBe(true);
  });

  test.each(dates.flatMap((d) => town.setup.groups.map((_, i) => [d, i] as const)))(
    'every checklist route map of the sample (%s, group index %d) has clear labels',
    (date, i) => {
      expectClearLabels(layoutRouteMap(routeRequest(date, i)));
    },
  );

  test.each(dates)('the plan map of %s, all groups on one map, has clear labels', (date) => {
    expectClearLabels(layoutRouteMap(planRequest(date, 100)));
  });
});

describe('stops and path', () => {
  const date = dates[1]!;
  const req = routeRequest(date, 0);
  const L = layoutRouteMap(req);
  const stops = req.layers[0]!.stops;

  test('the path runs base → stops in visiting order → base', () => {
    const path = L.layers[0]!.path;
    expect(path.length).toBe(stops.length + 2);
    expect(path[0]).toEqual(L.base.xy);
    expect(path[path.length - 1]).toEqual(L.base.xy);
    L.layers[0]!.stops.forEach((s, i) => expect(path[i + 1]).toEqual(s.xy));
  });

  test('the SVG lists the stops in the route order and the polyline passes through them in that order', () => {
    const svg = renderRouteMap(req);
    const seqs = [...svg.matchAll(/<g class="stop"[^>]*data-seq="(\d+)" data-code="([^"]+)" data-x="([\d.]+)" data-y="([\d.]+)"/g)];
    expect(seqs.map((m) => m[2])).toEqual(stops.map((s) => s.code));
    expect(seqs.map((m) => Number(m[1]))).toEqual(stops.map((_, i) => i + 1));
    const points = /<polyline class="route"[^>]*points="([^"]+)"/
      .exec(svg)![1]!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points.length).toBe(stops.length + 2);
    seqs.forEach((m, i) => expect(points[i + 1]).toEqual([Number(m[3]), Number(m[4])]));
  });

  test('the map has a north arrow, a scale bar and the town government', () => {
    const svg = renderRouteMap(req);
    expect(svg).toContain('class="north-arrow"');
    expect(svg).toMatch(/class="scale-bar" data-km="(1|2|5|10|0\.5)"/);
    expect(svg).toContain(town.setup.base.name);
  });

  test('the same request gives the same bytes', () => {
    expect(renderRouteMap(req)).toBe(renderRouteMap(routeRequest(date, 0)));
  });

  test('a day with no stops draws the base alone', () => {
    const svg = renderRouteMap({ ...req, layers: [{ ...req.layers[0]!, stops: [] }] });
    expect(svg).not.toContain('class="stop"');
    expect(svg).not.toContain('class="route"');
    expect(svg).toContain(town.setup.base.name);
  });
});

describe('groups on one map', () => {
  test('groups differ by line pattern and marker shape, not only by colour (black-and-white print)', () => {
    const styles = GROUP_STYLES.slice(0, 4);
    expect(new Set(styles.map((s) => s.dash ?? 'solid')).size).toBe(4);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(4);
    expect(new Set(styles.map((s) => s.color)).size).toBe(4);
  });

  test("each group's area outline holds all its stops of the day, and every one at least a label's room inside", () => {
    const L = layoutRouteMap(planRequest(dates[0]!, 120));
    for (const l of L.layers) {
      expect(l.hull.length).toBeGreaterThanOrEqual(3);
      for (const s of l.stops) {
        expect(insideConvex(l.hull, s.xy)).toBe(true);
        // 4 mm each way from the stop is still inside the area: room for its number.
        for (const [dx, dy] of [
          [4, 0],
          [-4, 0],
          [0, 4],
          [0, -4],
        ] as const)
          expect(insideConvex(l.hull, { x: s.xy.x + dx, y: s.xy.y + dy })).toBe(true);
      }
    }
  });

  test('convex hull of a square with a point inside is the square', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
      { x: 1, y: 0 },
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(
      expect.arrayContaining([
        { x: 0, y: 0 },
        { x: 2, y: 0 },
        { x: 2, y: 2 },
        { x: 0, y: 2 },
      ]),
    );
  });

  test('stop labels carry the group number on the plan map', () => {
    const svg = renderRouteMap(planRequest(dates[0]!, 120));
    for (const [i, g] of town.setup.groups.entries()) {
      const n = plan.routes.find((r) => r.date === dates[0] && r.groupId === g.id)!.visits.length;
      for (let s = 1; s <= n; s++) expect(svg).toContain(`>${i + 1}-${s}</text>`);
    }
    expect(svg.match(/class="legend-item"/g)!.length).toBe(town.setup.groups.length + 1);
  });
});
