/**
 * The district bench's generator (bench/district/generate.ts) at a small size: 2 towns × 20 enterprises × 2
 * days. The stores hold exactly the rows asked (every enterprise visited once a day with every item of its
 * measure, the alert, the findings, the evidence), the single store holds the towns' rows and no more, the
 * credit codes are valid and never shared between towns, each haze.yaml names its town and district, and the
 * same seed writes the same rows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkItems } from '../../src/core/checklist.js';
import { creditCodeFault } from '../../src/core/creditCode.js';
import { requiredMeasure } from '../../src/core/rules/requiredMeasure.js';
import { loadList } from '../../src/io/read/loadList.js';
import { loadRuleTable } from '../../src/io/read/ruleFile.js';
import { resolveWorkspace } from '../../src/io/read/workspace.js';
import { openStore } from '../../src/io/store/db.js';
import { generateDistrict, type DistrictSize, type GeneratedDistrict } from '../../bench/district/generate.js';

const SIZE: DistrictSize = { towns: 2, enterprises: 20, days: 2, evidencePlants: 3, findings: 2, seed: 7 };
const rules = loadRuleTable([join(process.cwd(), 'data/rules/default.yaml')]);

let root: string;
let made: GeneratedDistrict;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'haze-test-district-gen-'));
  made = await generateDistrict(join(root, 'a'), SIZE);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function query<T>(dir: string, sql: string): T[] {
  const db = openStore(join(dir, 'haze.db'), { create: false })!;
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const count = (dir: string, sql: string) => query<{ n: number }>(dir, sql)[0]!.n;

test('each haze.yaml names its own town code and the district, as haze reads them', () => {
  expect(made.towns.map((t) => t.code)).toEqual(['400100001', '400100002']);
  for (const t of made.towns) {
    const yaml = parse(readFileSync(join(t.dir, 'haze.yaml'), 'utf8')) as { town: { code: string; name: string }; district: { code: string; name: string } };
    expect(yaml.town).toEqual({ code: t.code, name: t.name });
    expect(yaml.district).toEqual({ code: '320413', name: '金坛区' });
    expect(resolveWorkspace({ cwd: t.dir }).town).toEqual({ code: t.code, name: t.name, districtCode: '320413', districtName: '金坛区' });
  }
  expect(resolveWorkspace({ cwd: made.single.dir }).town).toBeNull();
});

test('the credit codes are valid, and no two enterprises of the district share one', () => {
  const codes = made.towns.flatMap((t) => loadList(join(t.dir, 'enterprises.csv')).enterprises.map((e) => e.creditCode));
  expect(codes).toHaveLength(SIZE.towns * SIZE.enterprises);
  expect(codes.filter((c) => creditCodeFault(c) !== null)).toEqual([]);
  expect(new Set(codes).size).toBe(codes.length);
  const single = loadList(join(made.single.dir, 'enterprises.csv')).enterprises.map((e) => e.creditCode);
  expect(single).toEqual(codes);
});

test("a town's store holds every enterprise once a day, with every item of its orange measure, and the alert, findings and evidence", () => {
  for (const t of made.towns) {
    const list = loadList(join(t.dir, 'enterprises.csv')).enterprises;
    const visits = query<{ date: string; credit_code: string }>(t.dir, 'SELECT date, credit_code FROM inspections ORDER BY date, credit_code');
    const expected = ['2019-12-08', '2019-12-09'].flatMap((date) => list.map((e) => ({ date, credit_code: e.creditCode })));
    expect(visits).toEqual(expected.sort((a, b) => (a.date + a.credit_code < b.date + b.credit_code ? -1 : 1)));
    const items = list.reduce((s, e) => s + checkItems(e, requiredMeasure(e, 'orange', rules)).length, 0);
    expect(count(t.dir, "SELECT count(*) AS n FROM results WHERE item_id NOT LIKE 'clue\\_%' ESCAPE '\\'")).toBe(items * SIZE.days);
    expect(t.counts.results).toBe(items * SIZE.days + t.counts.clueResults);
    expect(query(t.dir, 'SELECT kind, level, at FROM alert_events')).toEqual([{ kind: 'issue', level: 'orange', at: '2019-12-08 08:00' }]);
    expect(count(t.dir, 'SELECT count(*) AS n FROM findings')).toBe(SIZE.findings);
    // Five points a plant; 15-minute intervals over the alert's days and four days before, less the first reading.
    expect(t.counts.meterPoints).toBe(SIZE.evidencePlants * 5);
    expect(t.counts.readings).toBe(SIZE.evidencePlants * 5 * ((SIZE.days + 4) * 96 - 1));
    expect(t.counts.inspections).toBe(SIZE.enterprises * SIZE.days);
  }
});

test("the single store holds the towns' rows, no more and no fewer, under one alert", () => {
  const towns = made.towns.map((t) => t.counts);
  const total = (k: keyof (typeof towns)[number]) => towns.reduce((s, c) => s + c[k], 0);
  expect(made.single.counts).toEqual({
    alertEvents: 1,
    inspections: total('inspections'),
    results: total('results'),
    clueResults: total('clueResults'),
    findings: total('findings'),
    meterPoints: total('meterPoints'),
    readings: total('readings'),
  });
  const rows = (dir: string) =>
    query<{ k: string }>(
      dir,
      "SELECT i.date || '|' || i.credit_code || '|' || r.item_id || '|' || r.result AS k FROM results r JOIN inspections i ON i.id = r.inspection_id",
    ).map((r) => r.k);
  expect(rows(made.single.dir).sort()).toEqual(made.towns.flatMap((t) => rows(t.dir)).sort());
});

test('the same size and seed write the same rows', async () => {
  const again = await generateDistrict(join(root, 'b'), SIZE);
  const dump = (dir: string) =>
    query(
      dir,
      'SELECT i.date, i.credit_code, i.group_id, i.seq, r.item_id, r.result, r.note FROM results r JOIN inspections i ON i.id = r.inspection_id ORDER BY r.id',
    );
  for (const [x, y] of made.towns.map((t, i) => [t, again.towns[i]!] as const)) {
    expect(y.counts).toEqual(x.counts);
    expect(dump(y.dir)).toEqual(dump(x.dir));
    expect(readFileSync(join(y.dir, 'enterprises.csv'), 'utf8')).toBe(readFileSync(join(x.dir, 'enterprises.csv'), 'utf8'));
  }
});
