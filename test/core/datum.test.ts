import { bd09ToGcj02, gcj02ToBd09, gcj02ToWgs84, toWgs84, wgs84ToGcj02 } from '../../src/core/datum.js';

// Published reference points: googollee/eviltransform's tests (WGS-84 → GCJ-02) and
// wandergis/coordtransform's README results (BD-09 ↔ GCJ-02, WGS-84 → GCJ-02).
describe('map datums against published reference points', () => {
  test.each([
    ['shanghai', 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597],
    ['shenzhen', 113.912316, 22.543847, 113.9171764808363, 22.540796131694766],
    ['beijing', 116.377817, 39.911954, 116.38404722455657, 39.91334545536069],
    ['coordtransform', 116.404, 39.915, 116.41024449916938, 39.91640428150164],
  ])('WGS-84 → GCJ-02, %s', (_n, lon, lat, gLon, gLat) => {
    const g = wgs84ToGcj02({ lon, lat });
    expect(g.lon).toBeCloseTo(gLon, 9);
    expect(g.lat).toBeCloseTo(gLat, 9);
    // …and back, to within a millimetre or so (1e-8° ≈ 1 mm).
    const w = gcj02ToWgs84(g);
    expect(w.lon).toBeCloseTo(lon, 8);
    expect(w.lat).toBeCloseTo(lat, 8);
  });

  test('BD-09 ↔ GCJ-02', () => {
    const g = bd09ToGcj02({ lon: 116.404, lat: 39.915 });
    expect(g.lon).toBeCloseTo(116.39762729119315, 9);
    expect(g.lat).toBeCloseTo(39.90865673957631, 9);
    const b = gcj02ToBd09({ lon: 116.404, lat: 39.915 });
    expect(b.lon).toBeCloseTo(116.41036949371029, 9);
    expect(b.lat).toBeCloseTo(39.92133699351021, 9);
  });

  test("the sample town's anchor: the bus station's Baidu point lands where data/xuebu says", () => {
    const w = toWgs84({ lon: 119.3859, lat: 31.7287 }, 'bd09');
    expect(w.lon).toBeCloseTo(119.374019, 5);
    expect(w.lat).toBeCloseTo(31.72432, 5);
  });

  test('outside China nothing moves', () => {
    expect(wgs84ToGcj02({ lon: 2.35, lat: 48.85 })).toEqual({ lon: 2.35, lat: 48.85 });
  });
});
