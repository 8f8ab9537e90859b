/**
 * The overview map where plants are dense: group areas as padded hulls (pure geometry), labels kept inside
 * their area, the basemap drawn from the list, and the dense-park fixture (40 of 60 enterprises inside about
 * 450 m × 350 m, three groups) laid out with an inset whose numbers cover nothing.
 */
import { join } from 'node:path';
import { planPatrols } from '../../../src/core/routing/planPatrols.js';
import { parkName, townBasemap } from '../../../src/io/write/map/basemap.js';
import { crowdedClusters, denseStops } from '../../../src/io/write/map/denseCluster.js';
import { boxInsideConvex, clipToBox, insideConvex, paddedHull } from '../../../src/io/write/map/hull.js';
import { boxesOverlap, placeLabels } from '../../../src/io/write/map/labelPlacement.js';
import { layoutRouteMap, renderRouteMap, type MapRequest } from '../../../src/io/write/map/routeMap.js';
import { FIXTURES } from '../../helpers/runHaze.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const area = (poly: readonly { x: number; y: number }[]) =>
  Math.abs(poly.reduce((s, p, i) => s + p.x * poly[(i + 1) % poly.length]!.y - poly[(i + 1) % poly.length]!.x * p.y, 0)) / 2;

describe('group areas: padded hulls', () => {
  test('one stop gives a disc of the margin, not nothing', () => {
    const h = paddedHull([{ x: 10, y: 10 }], 5);
    expect(area(h)).toBeGreaterThan(0.97 * Math.PI * 25);
    expect(area(h)).toBeLessThanOrEqual(Math.PI * 25);
  });

  test('stops in a line give a band as wide as twice the margin, not a sliver', () => {
    const h = paddedHull(
      [0, 1, 2, 3].map((i) => ({ x: i * 10, y: 5 })),
      4,
    );
    const ys = h.map((p) => p.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(8, 1);
    for (const x of [0, 15, 30]) expect(insideConvex(h, { x, y: 5 + 3.9 })).toBe(true);
    expect(insideConvex(h, { x: 15, y: 5 + 4.1 })).toBe(false);
  });

  test('every stop is inside, a margin deep, and nothing of the area is further than the margin from the stops', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 60;
    const pts = Array.from({ length: 30 }, () => ({ x: rnd(), y: rnd() }));
    const m = 6;
    const h = paddedHull(pts, m);
    for (const p of pts)
      for (const a of [0, 1, 2, 3, 4, 5]) expect(insideConvex(h, { x: p.x + 0.98 * m * Math.cos(a), y: p.y + 0.98 * m * Math.sin(a) })).toBe(true);
    // Each vertex of the area is the margin away from some stop on the hull: no band reaching past the stops.
    for (const v of h) expect(Math.min(...pts.map((p) => Math.hypot(p.x - v.x, p.y - v.y)))).toBeLessThanOrEqual(m + 0.01);
  });

  test('clipped to the frame: nothing outside it, the part inside kept', () => {
    const h = clipToBox(paddedHull([{ x: 2, y: 50 }], 10), { x: 0, y: 0, width: 100, height: 100 });
    expect(Math.min(...h.map((p) => p.x))).toBeGreaterThanOrEqual(0);
    expect(insideConvex(h, { x: 2, y: 50 })).toBe(true);
    expect(insideConvex(h, { x: 10, y: 50 })).toBe(true);
  });
});

describe('dense knots', () => {
  // A knot of six stops 1.5 mm apart, a pair 2 mm apart, a lone stop; all but two failed to get a label.
  const knot = Array.from({ length: 6 }, (_, i) => ({ x: 50 + (i % 3) * 1.5, y: 50 + Math.floor(i / 3) * 1.5 }));
  const pts = [...knot, { x: 10, y: 10 }, { x: 12, y: 10 }, { x: 90, y: 90 }];
  const failed = [true, true, false, true, true, false, true, true, true];

  test('only failed stops with several neighbours count as dense: the pair and the lone stop get longer leaders instead', () => {
    expect(denseStops(pts, failed)).toEqual([0, 1, 3, 4]);
  });

  test('clusters by single linkage, largest first, ties by the earlier stop', () => {
    expect(
      crowdedClusters(
        [
          { x: 0, y: 0 },
          { x: 4, y: 0 },
          { x: 8, y: 0 },
          { x: 50, y: 0 },
          { x: 53, y: 0 },
        ],
        5,
      ),
    ).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(
      crowdedClusters(
        [
          { x: 50, y: 0 },
          { x: 0, y: 0 },
        ],
        5,
      ),
    ).toEqual([[0], [1]]);
  });
});

describe('labels inside their area', () => {
  test('a label placed `within` a polygon lies inside it even when the preferred side is outside', () => {
    const anchor = { x: 50, y: 50 };
    // The area reaches only to the left of the stop: the usual place to its right is outside.
    const within = [
      { x: 30, y: 40 },
      { x: 52, y: 40 },
      { x: 52, y: 60 },
      { x: 30, y: 60 },
    ];
    const [free] = placeLabels([{ id: 'a', anchor, width: 6, height: 3, clearance: 1 }], {
      obstacles: [],
      segments: [],
      bounds: { x: 0, y: 0, width: 100, height: 100 },
    });
    expect(boxInsideConvex(within, free!.box)).toBe(false);
    const [kept] = placeLabels([{ id: 'a', anchor, width: 6, height: 3, clearance: 1, within }], {
      obstacles: [],
      segments: [],
      bounds: { x: 0, y: 0, width: 100, height: 100 },
    });
    expect(kept!.clear).toBe(true);
    expect(boxInsideConvex(within, kept!.box)).toBe(true);
  });
});

describe('basemap from the list', () => {
  test('a park is named by the village or by the address, cut after its park word; a road called 园区路 is no park', () => {
    expect(parkName({ town: '薛埠镇', village: '薛埠现代产业园', address: '薛埠镇薛埠现代产业园园区大道68号' })).toBe('薛埠现代产业园');
    expect(parkName({ town: '青山镇', village: '青山工业园西片', address: '' })).toBe('青山工业园');
    expect(parkName({ town: '青山镇', village: '河口村', address: '青山镇河口村金湖工业园区3号' })).toBe('金湖工业园区');
    expect(parkName({ town: '青山镇', village: '河口村', address: '青山镇河口村园区路3号' })).toBeNull();
    expect(parkName({ town: '青山镇', village: '河口村', address: '青山镇河口村二组' })).toBeNull();
  });

  test("the sample town: every village at the centre of its enterprises, the park's enterprises together", () => {
    const town = sampleTown();
    const bm = townBasemap(town.list.enterprises);
    expect(bm.villages.map((v) => v.name).sort()).toEqual([...new Set(town.list.enterprises.map((e) => e.village))].sort());
    const zhihe = town.list.enterprises.filter((e) => e.village === '致和村');
    const c = bm.villages.find((v) => v.name === '致和村')!.point;
    expect(c.lon).toBeCloseTo(zhihe.reduce((s, e) => s + e.location.lon, 0) / zhihe.length, 9);
    expect(bm.parks.map((p) => p.name)).toEqual(['薛埠现代产业园']);
    expect(bm.parks[0]!.points.length).toBe(town.list.enterprises.filter((e) => e.village === '薛埠现代产业园').length);
  });
});

describe('the dense park', () => {
  const town = sampleTown(join(FIXTURES, 'dense-park'));
  const wd = town.setup.workingDay;
  const plan = planPatrols({
    level: 'orange',
    enterprises: town.list.enterprises,
    measures: town.measuresAt('orange'),
    setup: town.setup,
    days: [{ date: '2026-12-01', window: { start: wd.start, end: wd.end, lunch: wd.lunch } }],
    seed: 1,
  });
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const req: MapRequest = {
    width: 182,
    height: 120,
    base: town.setup.base,
    prefixLabels: true,
    basemap: townBasemap(town.list.enterprises),
    layers: town.setup.groups.map((g, i) => ({
      key: g.id,
      name: g.name,
      styleIndex: i,
      stops: plan.routes.find((r) => r.groupId === g.id)!.visits.map((v) => ({ code: v.creditCode, seq: v.seq, point: byCode.get(v.creditCode)!.location })),
      area: town.list.enterprises.map((e) => e.location),
    })),
  };
  const L = layoutRouteMap(req);

  test('the fixture: 60 enterprises, 40 in the park, all on the one day', () => {
    expect(town.list.enterprises.length).toBe(60);
    expect(town.list.enterprises.filter((e) => parkName(e) === '青山工业园').length).toBe(40);
    expect(plan.routes.reduce((n, r) => n + r.visits.length, 0)).toBe(60);
  });

  test('the park is drawn again in an inset at a larger scale, named after the park, and holds its stops', () => {
    expect(L.inset).not.toBeNull();
    const I = L.inset!;
    expect(I.projection.mmPerKm / L.projection.mmPerKm).toBeGreaterThan(4);
    expect(I.title).toContain('青山工业园');
    const parkCodes = new Set(town.list.enterprises.filter((e) => parkName(e)).map((e) => e.creditCode));
    const inInset = L.layers.flatMap((l) => l.stops.filter((s) => s.panel === 'inset').map((s) => s.stop.code));
    expect(inInset.filter((c) => parkCodes.has(c)).length).toBeGreaterThanOrEqual(36);
  });

  test('no label covers another label or a stop; each lies inside its group area, or inside the inset', () => {
    const r = L.markerRadius;
    const mk = (p: { x: number; y: number }) => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
    const mainLabels = L.layers.flatMap((l) => l.stops.filter((s) => s.panel === 'main').map((s) => ({ l, box: s.label.box, clear: s.label.clear })));
    const insetLabels = L.inset!.layers.flatMap((l) => l.stops.flatMap((s) => (s.label ? [{ box: s.label.box, clear: s.label.clear }] : [])));
    expect(mainLabels.length + insetLabels.length).toBe(60);
    const markers = [...L.layers.flatMap((l) => l.stops.map((s) => mk(s.xy))), ...L.inset!.layers.flatMap((l) => l.stops.map((s) => mk(s.xy)))];
    const all = [
      ...(L.base.label ? [L.base.label.box] : []),
      ...(L.inset!.base ? [L.inset!.base.label.box] : []),
      ...mainLabels.map((x) => x.box),
      ...insetLabels.map((x) => x.box),
    ];
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
      for (const m of markers) expect(boxesOverlap(a, m)).toBe(false);
    }
    for (const x of mainLabels) expect([x.l.hull, ...x.l.extraAreas].some((a) => boxInsideConvex(a, x.box))).toBe(true);
    const f = L.inset!.box;
    for (const x of insetLabels)
      expect(x.box.x >= f.x && x.box.y >= f.y && x.box.x + x.box.width <= f.x + f.width && x.box.y + x.box.height <= f.y + f.height).toBe(true);
  });

  test('the basemap shows the villages around the park and the park outline', () => {
    expect(L.basemap.parks.map((p) => p.name)).toEqual(['青山工业园']);
    expect(L.basemap.names.map((n) => n.name)).toEqual(expect.arrayContaining(['北山村', '东湖村', '南岭村', '西塘村']));
  });

  test('the same inputs give the same SVG, byte for byte', () => {
    expect(renderRouteMap(req)).toBe(renderRouteMap({ ...req, layers: req.layers.map((l) => ({ ...l })) }));
  });
});
