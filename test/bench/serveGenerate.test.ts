/**
 * The serve bench's town (bench/serve/generate.ts) at full size, without a server: 30 groups, each with 20
 * visits in the bench day's plan of record, about ten check items a visit, the alert in the store, and the plan
 * the same when the day is asked again (it is of record: fixed by the first asking).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCodeFault } from '../../src/core/creditCode.js';
import { loadList } from '../../src/io/read/loadList.js';
import { openStore } from '../../src/io/store/db.js';
import { FULL, generateServeTown, loadServeTown, planOfRecord, type GeneratedServeTown } from '../../bench/serve/generate.js';

let root: string;
let made: GeneratedServeTown;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'haze-test-serve-gen-'));
  made = await generateServeTown(join(root, 'town'));
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('30 groups, each with 20 visits on the day, 600 distinct valid enterprises', () => {
  expect(made.plan.size).toBe(30);
  expect([...made.plan.values()].map((v) => v.length)).toEqual(Array(30).fill(20));
  expect(made.visits).toBe(600);
  const codes = [...made.plan.values()].flatMap((vs) => vs.map((v) => v.creditCode));
  expect(new Set(codes).size).toBe(600);
  const list = loadList(join(made.dir, 'enterprises.csv')).enterprises;
  expect(list).toHaveLength(FULL.groups * FULL.visitsPerGroup);
  expect(list.filter((e) => creditCodeFault(e.creditCode) !== null)).toEqual([]);
  for (const vs of made.plan.values()) expect(vs.map((v) => v.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
});

test('about ten check items a visit (10 to 12), 6290 in all', () => {
  const counts = [...made.plan.values()].flatMap((vs) => vs.map((v) => v.items.length));
  expect(Math.min(...counts)).toBeGreaterThanOrEqual(10);
  expect(Math.max(...counts)).toBeLessThanOrEqual(12);
  expect(made.items).toBe(counts.reduce((s, n) => s + n, 0));
  expect(made.items / made.visits).toBeGreaterThan(9.5);
  expect(made.items / made.visits).toBeLessThan(11);
  const first = [...made.plan.values()][0]![0]!.items.map((i) => i.id);
  expect(first.slice(0, 4)).toEqual(['board', 'staff_aware', 'limit', 'power']);
  expect(first).toContain('truck');
});

test("the store holds the orange alert and the day's plan of record; asking the day again gives the same plan", async () => {
  const db = openStore(made.dbFile, { create: false })!;
  try {
    expect(db.prepare('SELECT kind, level, at FROM alert_events').all()).toEqual([{ kind: 'issue', level: 'orange', at: '2019-12-08 07:00' }]);
  } finally {
    db.close();
  }
  expect(readFileSync(join(made.dir, 'haze.yaml'), 'utf8')).toContain('town: { code: "400200001"');
  const again = planOfRecord(await loadServeTown(made.dir), { groups: 30 }, '2019-12-08 18:00');
  expect(again.visits).toBe(600);
  expect(again.items).toBe(made.items);
  expect([...again.plan.entries()].map(([g, vs]) => [g, vs.map((v) => v.creditCode)])).toEqual(
    [...made.plan.entries()].map(([g, vs]) => [g, vs.map((v) => v.creditCode)]),
  );
}, 60_000);
