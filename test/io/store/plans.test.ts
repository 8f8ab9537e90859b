/**
 * The store writes a visit's action in the machine vocabulary (src/core/vocabulary.ts): `no_measure`, never
 * `none`, which csvkit and pandas read as missing when a store is exported; a store written before keeps its
 * `none`, and both read back as the one action.
 */
import { join } from 'node:path';
import type { DayRoute, Visit } from '../../../src/core/model.js';
import type { PlanBasis } from '../../../src/core/planBasis.js';
import { openStore } from '../../../src/io/store/db.js';
import { daysOfRecord, fixDays, savePlan } from '../../../src/io/store/plans.js';
import { tempDir } from '../../helpers/runHaze.js';

const DATE = '2019-12-08';
const visit = (seq: number, action: Visit['action']): Visit => ({
  date: DATE,
  groupId: '1',
  seq,
  creditCode: `9132041300000000${seq}X`,
  arrive: 8 * 60 + seq * 30,
  depart: 8 * 60 + seq * 30 + 20,
  legKm: 1.5,
  action,
  reason: ['recheck'],
});
const route: DayRoute = { date: DATE, groupId: '1', visits: [visit(1, 'stop'), visit(2, 'none'), visit(3, 'stop_part')], totalKm: 6, returnAt: 11 * 60 };
const basis: PlanBasis = {
  level: 'orange',
  seed: 1,
  shift: 'day',
  areas: 'groups',
  enterprises: {},
  groups: 'g',
  rules: 'r',
  violations: [],
  findings: [],
  inspections: 0,
};

test('a plan is stored with no_measure and read back as the action none; an old store’s none reads the same', () => {
  const db = openStore(join(tempDir(), 'haze.db'), { create: true })!;
  const id = savePlan(db, { startDate: DATE, days: 1, level: 'orange', shift: 'day', seed: 1, inputs: 'x', basis }, [route], '2019-12-08T00:00:00Z');
  fixDays(db, id, [DATE], 'day', 'plan', '2019-12-08T00:00:00Z', false);
  const stored = () => db.prepare('SELECT seq, action FROM planned_visits ORDER BY seq').all() as { seq: number; action: string }[];
  expect(stored()).toEqual([
    { seq: 1, action: 'stop' },
    { seq: 2, action: 'no_measure' },
    { seq: 3, action: 'stop_part' },
  ]);
  const actions = () =>
    daysOfRecord(db, 'day', DATE, DATE)
      .get(DATE)!
      .routes[0]!.visits.map((v) => v.action);
  expect(actions()).toEqual(['stop', 'none', 'stop_part']);
  // A store from before no_measure.
  db.prepare("UPDATE planned_visits SET action = 'none' WHERE seq = 2").run();
  expect(stored()[1]).toEqual({ seq: 2, action: 'none' });
  expect(actions()).toEqual(['stop', 'none', 'stop_part']);
  db.close();
});
