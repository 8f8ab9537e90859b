/**
 * The store read as district rows (no server needed): every row has a uid of its own, parents are named by
 * uid, a copy of the store gives the same uids (two PCs, a restore), another town's code gives other uids.
 */
import { join } from 'node:path';
import { openStore } from '../../../../src/io/store/db.js';
import { localRows, STORE_TABLES, type TownRows } from '../../../../src/io/store/district/localRows.js';
import { haze } from '../../../helpers/runHaze.js';
import { copyTown, localCounts, townWorkspace, workOffline } from '../../../helpers/districtTown.js';

const read = (dir: string, town: string): TownRows => {
  const db = openStore(join(dir, 'haze.db'), { create: false })!;
  try {
    return localRows(db, town);
  } finally {
    db.close();
  }
};

describe('localRows', () => {
  const dir = townWorkspace('200100090');
  workOffline(dir);
  // A day replanned under the same fixed clock it was first fixed at: fixed_at alone would name both records.
  const replan = haze(['plan', '--date', '2019-12-09', '--days', '1', '--replan', '--format', 'csv'], { cwd: dir, env: { HAZE_NOW: '2019-12-09 08:00' } });

  test('every row of every table, each with a uid of its own', () => {
    expect(replan.status).toBe(0);
    const rows = read(dir, '200100090');
    const counts = localCounts(dir);
    for (const t of STORE_TABLES) {
      expect([t, rows[t].length]).toEqual([t, counts[t]]);
      expect([t, new Set(rows[t].map((r) => r.uid)).size]).toEqual([t, counts[t]]);
    }
    expect(rows.plan_of_record.filter((r) => r.date === '2019-12-09')).toHaveLength(2);
  });

  test('parents by uid: every reference names a row that is sent', () => {
    const rows = read(dir, '200100090');
    const uids = (t: keyof TownRows) => new Set(rows[t].map((r) => r.uid));
    const [imports, inspections, plans, records] = [uids('imports'), uids('inspections'), uids('plans'), uids('plan_of_record')];
    for (const i of rows.inspections) expect(imports.has(i.import_uid)).toBe(true);
    for (const r of rows.results) {
      expect(inspections.has(r.inspection_uid) && imports.has(r.import_uid)).toBe(true);
      if (r.superseded_by_uid) expect(imports.has(r.superseded_by_uid)).toBe(true);
    }
    for (const v of rows.planned_visits) expect(plans.has(v.plan_uid)).toBe(true);
    const replaced = rows.plan_of_record.filter((r) => r.replaced_by_uid);
    expect(replaced).toHaveLength(1);
    // Sent newest first: the record a replaced one points at is ahead of it.
    const order = rows.plan_of_record.map((r) => r.uid);
    for (const r of replaced) expect(records.has(r.replaced_by_uid!) && order.indexOf(r.replaced_by_uid!) < order.indexOf(r.uid)).toBe(true);
  });

  test("a copy of the store gives the same uids; another town's code gives other ones", () => {
    const twin = copyTown(dir, '200100090');
    const [a, b, other] = [read(dir, '200100090'), read(twin, '200100090'), read(dir, '200100091')];
    for (const t of STORE_TABLES) {
      expect(b[t].map((r) => r.uid)).toEqual(a[t].map((r) => r.uid));
      const theirs = new Set(other[t].map((r) => r.uid));
      expect(a[t].some((r) => theirs.has(r.uid))).toBe(false);
    }
  });
});
