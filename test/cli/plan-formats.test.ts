import { parse } from 'csv-parse/sync';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wgs84ToGcj02, gcj02ToBd09 } from '../../src/core/datum.js';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true }) as Row[];

describe('plan: formats for phones and GIS, night rounds, datums', () => {
  const visits = csv(haze(['plan', '--date', '2019-12-08', '--format', 'csv']).stdout);

  test('every stop has an Amap navigation link in GCJ-02', () => {
    for (const v of visits) {
      const g = wgs84ToGcj02({ lon: Number(v.lon), lat: Number(v.lat) });
      expect(v.nav_url).toBe(
        `https://uri.amap.com/navigation?to=${g.lon.toFixed(6)},${g.lat.toFixed(6)},${encodeURIComponent(v.name!)}&mode=car&coordinate=gaode&callnative=1`,
      );
    }
  });

  test('geojson: the base, one line per group and day, one point per visit, same order as the CSV', () => {
    const r = haze(['plan', '--date', '2019-12-08', '--format', 'geojson']);
    expect(r.status).toBe(0);
    const fc = JSON.parse(r.stdout) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[] | number[][] }; properties: Record<string, unknown> }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    const points = fc.features.filter((f) => f.properties.kind === 'visit');
    expect(points.map((p) => p.properties.credit_code)).toEqual(visits.map((v) => v.credit_code));
    const lines = fc.features.filter((f) => f.properties.kind === 'route');
    expect(lines.length).toBe(new Set(visits.map((v) => `${v.date}/${v.group}`)).size);
    const base = fc.features.find((f) => f.properties.kind === 'base')!.geometry.coordinates as number[];
    for (const l of lines) {
      const coords = l.geometry.coordinates as number[][];
      expect(coords[0]).toEqual(base);
      expect(coords[coords.length - 1]).toEqual(base);
      expect(coords.length).toBe((l.properties.visits as number) + 2);
    }
  });

  test('gpx: one route per group and day, from the base and back', () => {
    const r = haze(['plan', '--date', '2019-12-08', '--format', 'gpx']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="haze"')).toBe(true);
    const routes = r.stdout.split('<rte>').slice(1);
    expect(routes.length).toBe(new Set(visits.map((v) => `${v.date}/${v.group}`)).size);
    for (const rte of routes) {
      const pts = [...rte.matchAll(/<rtept lat="([\d.]+)" lon="([\d.]+)">/g)];
      expect(pts[0]![0]).toBe(pts[pts.length - 1]![0]);
    }
    expect(routes[0]).toContain(`<name>1. ${visits[0]!.name}</name>`);
  });

  test('--night: the evening round, only enterprises that must stop or whose records show night work, within the night hours', () => {
    const r = haze(['plan', '--date', '2019-12-09', '--days', '2', '--night', '--format', 'csv']);
    expect(r.status).toBe(0);
    const night = csv(r.stdout);
    expect(night.length).toBeGreaterThan(10);
    // The sample's power records show two limit plants working nights: the evening round takes them too.
    const byClue = night.filter((v) => v.action !== 'stop');
    expect(byClue.length).toBeGreaterThan(0);
    for (const v of byClue) expect(v.reason!.split(';')).toContain('evidence_clue');
    for (const v of night) {
      expect(v.arrive! >= `${v.date} 19:00`).toBe(true);
      expect(v.depart! <= `${v.date} 22:00`).toBe(true);
    }
  });

  test('--night past midnight: visits after 00:00 carry the next date in CSV and read 次日 / next day for people', () => {
    const dir = tempDir();
    const sample = join(REPO, 'data/xuebu');
    const groups = readFileSync(join(sample, 'groups.yaml'), 'utf8').replace(/^night: .*$/m, 'night: { start: "21:30", end: "01:30" }');
    expect(groups).toContain('"01:30"');
    writeFileSync(join(dir, 'groups.yaml'), groups);
    writeFileSync(join(dir, 'haze.yaml'), `list: ${join(sample, 'enterprises.csv')}\ngroups: groups.yaml\n`);
    const args = ['plan', '--level', 'orange', '--date', '2019-12-09', '--days', '1', '--night'];
    const rows = csv(haze([...args, '--format', 'csv'], { cwd: dir }).stdout);
    expect(rows.length).toBeGreaterThan(5);
    for (const v of rows) {
      expect(v.date).toBe('2019-12-09');
      expect(v.arrive! >= '2019-12-09 21:30').toBe(true);
      expect(v.depart! <= '2019-12-10 01:30').toBe(true);
    }
    const late = rows.filter((v) => v.arrive!.startsWith('2019-12-10 '));
    expect(late.length).toBeGreaterThan(0);

    // --wide: each visit is one line, so its name and its time are found together.
    const table = haze([...args, '--wide'], { cwd: dir });
    expect(table.status).toBe(0);
    for (const v of late) {
      const line = table.stdout.split('\n').find((l) => l.includes(v.name!))!;
      expect(line).toContain(`次日 ${v.arrive!.slice(11)}`);
    }
    // The day's summary: back after midnight, never "25:05".
    expect(table.stderr).toMatch(/次日 0\d:\d\d 返回/);
    expect(table.stderr + table.stdout).not.toMatch(/\b(2[4-9]|[3-9]\d):\d\d\b/);
    expect(haze([...args, '--lang', 'en'], { cwd: dir }).stderr).toMatch(/back at 0\d:\d\d next day/);

    const first = late[0]!;
    const sheet = haze(['checklist', '--level', 'orange', '--date', '2019-12-09', '--night', '--group', first.group!], { cwd: dir });
    expect(sheet.status).toBe(0);
    expect(sheet.stdout).toContain(`计划到达：次日 ${first.arrive!.slice(11)}`);
  });

  test('a list in BD-09 (copied from Baidu maps) plans exactly like the same list in WGS-84', () => {
    const dir = tempDir();
    const sample = join(REPO, 'data/xuebu');
    copyFileSync(join(sample, 'groups.yaml'), join(dir, 'groups.yaml'));
    const rows = readFileSync(join(sample, 'enterprises.csv'), 'utf8');
    // Re-express every coordinate in BD-09, to the 7 decimals a Baidu export carries.
    const recs = parse(rows) as string[][];
    const out = recs.map((r, i) => {
      if (i === 0) return r;
      const b = gcj02ToBd09(wgs84ToGcj02({ lon: Number(r[9]), lat: Number(r[10]) }));
      return [...r.slice(0, 9), b.lon.toFixed(7), b.lat.toFixed(7), ...r.slice(11)];
    });
    writeFileSync(join(dir, 'enterprises.csv'), out.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
    writeFileSync(join(dir, 'haze.yaml'), 'list: enterprises.csv\ngroups: groups.yaml\ncoord_system: bd09\n');
    const bd = csv(haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--format', 'csv'], { cwd: dir }).stdout);
    const wgs = csv(haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--format', 'csv']).stdout);
    // The 7-decimal export moves points by up to a centimetre, which may break a tie in the route
    // differently; what must hold is that every enterprise is where it was and the plan covers the same.
    expect(new Set(bd.map((v) => v.credit_code))).toEqual(new Set(wgs.map((v) => v.credit_code)));
    expect(bd.length).toBe(wgs.length);
    const where = new Map(wgs.map((v) => [v.credit_code, v]));
    for (const v of bd) {
      expect(Math.abs(Number(v.lon) - Number(where.get(v.credit_code)!.lon))).toBeLessThan(2e-6); // about 20 cm
      expect(Math.abs(Number(v.lat) - Number(where.get(v.credit_code)!.lat))).toBeLessThan(2e-6); // about 20 cm
    }
  });
});

describe('plan length', () => {
  test("by default the plan runs over the alert's expected length", () => {
    const dir = tempDir();
    expect(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00', '--until', '2019-12-12 18:00'], { cwd: dir }).status).toBe(0);
    const r = haze(['plan', '--date', '2019-12-08', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect([...new Set(csv(r.stdout).map((v) => v.date))]).toEqual(['2019-12-08', '2019-12-09', '2019-12-10', '2019-12-11', '2019-12-12']);
    // --days still wins.
    const two = haze(['plan', '--date', '2019-12-08', '--days', '2', '--format', 'csv'], { cwd: dir });
    expect([...new Set(csv(two.stdout).map((v) => v.date))]).toEqual(['2019-12-08', '2019-12-09']);
  });
});
