/**
 * The district views' reads against a real server: a town's SQLite store written as district rows gives back,
 * through districtQueries, exactly what the town's own store gives `haze report` (the same visits with their
 * current results, findings, plans of record, clue item results and alert events), and nothing of another town.
 */
import { join } from 'node:path';
import type { PlanBasis } from '../../../../src/core/planBasis.js';
import type { DayRoute } from '../../../../src/core/model.js';
import { readAlertEvents } from '../../../../src/io/store/alerts.js';
import { clueItemResults } from '../../../../src/io/store/clueResults.js';
import { openStore, type Store } from '../../../../src/io/store/db.js';
import { openDistrict, type District } from '../../../../src/io/store/district/connect.js';
import {
  districtAlertEvents,
  districtClueItemResults,
  districtClues,
  districtPlanDays,
  districtReportFindings,
  districtReportVisits,
  districtSchemaVersion,
  districtTowns,
  townListSnapshot,
} from '../../../../src/io/store/district/districtQueries.js';
import { fixDays, recordsInRange, savePlan } from '../../../../src/io/store/plans.js';
import { readReportFindings, readReportVisits } from '../../../../src/io/store/reportQueries.js';
import { fixedAtShown, reportPlanDay } from '../../../../src/workflow/inspectionReport.js';
import type { Clue } from '../../../../src/core/evidence/model.js';
import { copyStore, putAlert, putClues, putTown } from '../../../helpers/districtRows.js';
import { freshDatabase, pgSuite } from '../../../helpers/postgres.js';
import { tempDir } from '../../../helpers/runHaze.js';

const A = '300100011';
const B = '300100012';
const RANGE = { from: '2019-12-08', to: '2019-12-10' };
const BASIS = {} as unknown as PlanBasis;

function route(date: string, groupId: string, codes: string[]): DayRoute {
  return {
    date,
    groupId,
    totalKm: 12.5,
    returnAt: 17 * 60,
    visits: codes.map((creditCode, i) => ({
      date,
      groupId,
      seq: i + 1,
      creditCode,
      arrive: 9 * 60 + i * 30,
      depart: 9 * 60 + i * 30 + 20,
      legKm: 3,
      action: 'stop',
      reason: ['required'],
    })),
  };
}

/** A town's store with a bit of everything the report reads, corrections and replans included. */
function townStore(file: string): Store {
  const db = openStore(file, { create: true })!;
  const alert = db.prepare('INSERT INTO alert_events (kind, level, at, until, doc, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  alert.run('issue', 'orange', '2019-12-08 14:00', null, '金大气应急指办〔2019〕5号', null, '2019-12-08T06:00:00Z');
  alert.run('change', 'red', '2019-12-09 08:00', null, null, '升级', '2019-12-09T00:00:00Z');
  const imp = db.prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows, replace) VALUES ('results', ?, ?, ?, ?, ?)");
  imp.run('day1.csv', 'a', '2019-12-08T09:00:00Z', 3, 0);
  imp.run('day1-fix.csv', 'b', '2019-12-08T11:00:00Z', 1, 1);
  const visit = db.prepare(
    'INSERT INTO inspections (date, group_id, credit_code, name, seq, inspectors, checked_at, planned, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)',
  );
  visit.run('2019-12-08', '1', 'CODE-A', '甲厂', 1, '王建国', '2019-12-08 16:00', 1);
  visit.run('2019-12-08', '2', 'CODE-B', '乙厂', null, '李明', null, 0);
  visit.run('2019-12-11', '1', 'CODE-C', '丙厂', 1, '王建国', null, 1);
  const result = db.prepare('INSERT INTO results (inspection_id, item_id, item, result, note, import_id, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  result.run(1, 'stopped', '已停产', 'violation', '在生产', 1, 2);
  result.run(1, 'board', '公示牌', 'ok', '', 1, null);
  result.run(1, 'stopped', '已停产', 'ok', '复核已停', 2, null);
  result.run(2, 'clue_1', '核查夜间用电', 'violation', '夜间生产', 1, null);
  result.run(3, 'clue_2', '核查电表', 'ok', '电表故障', 1, null);
  const finding = db.prepare('INSERT INTO findings (date, credit_code, name, problem, source, status, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  finding.run('2019-12-07', 'CODE-A', '', '废气直排', '省厅通报', 'open', null);
  finding.run('2019-12-08', 'CODE-B', '乙厂', '堆场未苫盖', '省厅通报', 'closed', '2019-12-09 10:00');
  finding.run('2019-12-12', 'CODE-C', '', '夜间生产', '省厅通报', 'open', null);
  const meta = { days: 2, level: 'orange' as const, shift: 'day' as const, seed: 7, basis: BASIS };
  const p1 = savePlan(
    db,
    { ...meta, startDate: '2019-12-08', inputs: 'x1' },
    [route('2019-12-08', '1', ['CODE-A']), route('2019-12-09', '1', ['CODE-C'])],
    '2019-12-08T01:00:00Z',
  );
  fixDays(db, p1, ['2019-12-08', '2019-12-09'], 'day', 'plan', '2019-12-08T01:00:00Z', false);
  const p2 = savePlan(db, { ...meta, startDate: '2019-12-09', inputs: 'x2' }, [route('2019-12-09', '1', ['CODE-B', 'CODE-A'])], '2019-12-09T00:30:00Z');
  fixDays(db, p2, ['2019-12-09'], 'day', 'replan', '2019-12-09T00:30:00Z', true);
  return db;
}

pgSuite('districtQueries.test.ts')('the district views read what a town holds, in the local shapes', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let district: District;
  let local: Store;

  beforeAll(async () => {
    fresh = await freshDatabase('district_queries');
    district = await openDistrict(fresh.url, { migrate: true });
    local = townStore(join(tempDir(), 'haze.db'));
    await putTown(district.db, { code: A, name: '甲镇', districtCode: '300100', districtName: '测试区' }, null);
    await copyStore(district.db, A, local.name);
    // Another town with rows of the same days: none of them may show in town A's reads.
    await putTown(district.db, { code: B, name: '乙镇', districtCode: '300100', districtName: '测试区' }, null);
    await copyStore(district.db, B, local.name);
    await putAlert(district.db, B, { kind: 'lift', level: null, at: '2019-12-10 12:00' });
  });
  afterAll(async () => {
    local?.close();
    await district?.close();
    await fresh?.drop();
  });

  test('the towns, by code; the schema version', async () => {
    expect(await districtTowns(district.db)).toEqual([
      { code: A, name: '甲镇' },
      { code: B, name: '乙镇' },
    ]);
    expect(await districtSchemaVersion(district.db)).toBe(1);
    expect(await townListSnapshot(district.db, A)).toBeNull();
  });

  test("visits with their current results: the town's own readReportVisits", async () => {
    const mine = await districtReportVisits(district.db, A, RANGE);
    expect(mine).toEqual(readReportVisits(local, RANGE));
    // The correction stands, the superseded result is history; the visit out of range is left out.
    expect(mine.find((v) => v.creditCode === 'CODE-A')!.results.map((r) => [r.itemId, r.result])).toEqual([
      ['board', 'ok'],
      ['stopped', 'ok'],
    ]);
    expect(mine.map((v) => v.creditCode).sort()).toEqual(['CODE-A', 'CODE-B']);
  });

  test("findings up to the range's end: readReportFindings", async () => {
    expect(await districtReportFindings(district.db, A, RANGE.to)).toEqual(readReportFindings(local, RANGE.to));
    expect((await districtReportFindings(district.db, A, RANGE.to)).length).toBe(2);
  });

  test('plans of record: the current one of each day, numbered as the town numbered its plans', async () => {
    const mine = (await districtPlanDays(district.db, A, RANGE)).map((p) => ({ ...p, fixedAt: fixedAtShown(p.fixedAt) }));
    const own = recordsInRange(local, RANGE.from, RANGE.to).map(reportPlanDay);
    expect(mine).toEqual(own);
    expect(mine.map((p) => [p.date, p.planId, p.visits.map((v) => v.creditCode)])).toEqual([
      ['2019-12-08', 1, ['CODE-A']],
      ['2019-12-09', 2, ['CODE-B', 'CODE-A']],
    ]);
  });

  test("clue items' results and alert events: clueItemResults, readAlertEvents", async () => {
    expect(await districtClueItemResults(district.db, A)).toEqual(clueItemResults(local));
    const events = readAlertEvents(local).map(({ id: _id, ...e }) => e);
    expect((await districtAlertEvents(district.db, A)).map(({ id: _id, ...e }) => e)).toEqual(events);
    expect((await districtAlertEvents(district.db, B)).map((e) => [e.kind, e.level])).toEqual([
      ['issue', 'orange'],
      ['change', 'red'],
      ['lift', null],
    ]);
  });

  test('clues come back whole and in the order the check gives them', async () => {
    const clue = (id: string, creditCode: string, from: number): Clue =>
      ({
        id,
        kind: 'production_during_stop',
        creditCode,
        pointIds: ['p'],
        from,
        to: from + 60,
        atNight: false,
        says: { zh: '甲', en: 'a' },
        figures: { kw: 41 },
        rule: 'stop',
        source: 's',
        items: [{ id: 'clue_1', text: '核查' }],
      }) as unknown as Clue;
    const clues = [clue('c2', 'CODE-B', 26_000_000), clue('c1', 'CODE-A', 26_000_100), clue('c0', 'CODE-A', 26_000_000)];
    await putClues(district.db, A, clues);
    expect(await districtClues(district.db, A)).toEqual([clues[2], clues[1], clues[0]]);
    expect(await districtClues(district.db, B)).toEqual([]);
  });
});

pgSuite('districtQueries.test.ts')('an empty district database', () => {
  test('has schema version 0: a view can say so instead of failing on a missing table', async () => {
    const fresh = await freshDatabase('district_queries_empty');
    const district = await openDistrict(fresh.url, { migrate: false });
    try {
      expect(await districtSchemaVersion(district.db)).toBe(0);
    } finally {
      await district.close();
      await fresh.drop();
    }
  });
});
