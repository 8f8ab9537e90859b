/**
 * A town's push against a real server: every row of the store arrives once, by its uid; a second push sends
 * nothing; ten pushes of one town at once and twenty towns at once each land every row exactly once, under
 * the right town; a correction made after a push moves the district's row forward; a large table goes in chunks
 * under PostgreSQL's parameter limit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { rowUid } from '../../../../src/io/store/district/schema.js';
import { openStore } from '../../../../src/io/store/db.js';
import { localRows, STORE_TABLES } from '../../../../src/io/store/district/localRows.js';
import { MAX_PARAMETERS, pushRows, type PushOutcome } from '../../../../src/io/store/district/push.js';
import { withDistrict } from '../../../../src/io/store/district/connect.js';
import { fromWallMinute } from '../../../../src/core/time.js';
import { cluesToSend, pushTown } from '../../../../src/workflow/districtSync.js';
import { townEvidence } from '../../../../src/workflow/evidence.js';
import { loadTown, type Town } from '../../../../src/workflow/town.js';
import type { TownIdentity } from '../../../../src/io/read/workspace.js';
import { townSnapshot } from '../../../../src/workflow/townSnapshot.js';
import { haze } from '../../../helpers/runHaze.js';
import { adminQuery, freshDatabase, pgSuite } from '../../../helpers/postgres.js';
import { copyTown, corrected, districtCounts, localCounts, townWorkspace, workOffline } from '../../../helpers/districtTown.js';

const quiet = { say: () => undefined, warn: () => undefined, problems: () => undefined };
const NOW = { date: '2019-12-09', minutes: 23 * 60 };
const openTown = async (dir: string, evidence = false): Promise<Town> => {
  const town = await loadTown({ cwd: dir }, quiet);
  return evidence ? { ...town, evidence: await townEvidence(town) } : town;
};
const push = (town: Town, url: string) => pushTown(town, town.ws.town!, url, NOW, new Date().toISOString());
const sum = (o: PushOutcome, k: 'new' | 'already' | 'moved' | 'conflicts') => Object.values(o.tables).reduce((n, c) => n + c[k], 0);

pgSuite('push.test.ts')('haze db push, in process', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  beforeAll(async () => {
    fresh = await freshDatabase('push');
    dir = townWorkspace('200100001', { evidence: true });
    workOffline(dir);
  }, 120_000);
  afterAll(async () => fresh.drop(), 60_000);

  test('every row of the store arrives, with the clues the evidence gives; a second push sends nothing', async () => {
    const town = await openTown(dir, true);
    const clues = cluesToSend(town, NOW);
    expect(clues.length).toBeGreaterThan(0);
    const first = await push(town, fresh.url);
    const local = localCounts(dir);
    expect(local.results).toBeGreaterThan(500);
    expect(local.findings).toBe(4);
    expect(await districtCounts(fresh.name, '200100001')).toEqual({ ...local, clues: clues.length });
    for (const t of STORE_TABLES) expect([t, first.tables[t].new]).toEqual([t, local[t]]);
    expect(first.list).toBe('new');

    const again = await push(town, fresh.url);
    expect([sum(again, 'new'), sum(again, 'moved'), sum(again, 'conflicts'), again.list]).toEqual([0, 0, 0, 'same']);
    expect(sum(again, 'already')).toBe(sum(first, 'new'));
    expect(await districtCounts(fresh.name, '200100001')).toEqual({ ...local, clues: clues.length });

    // The clue is whole, dated by the day its window starts, keyed by its stable id.
    const c = clues[0]!;
    const [row] = await adminQuery<{ uid: string; date: string; clue: { id: string } }>(
      'SELECT uid, date, clue FROM clues WHERE clue_id = $1',
      [c.id],
      fresh.name,
    );
    expect(row).toEqual({
      uid: rowUid('200100001', 'clues', c.id),
      date: fromWallMinute(c.from).date,
      clue: expect.objectContaining({ id: c.id, kind: c.kind }),
    });
    // The town's row, its list, and one pushes row per push.
    const [list] = await adminQuery<{ list_sha: string }>('SELECT list_sha FROM town_lists WHERE town = $1', ['200100001'], fresh.name);
    expect(list!.list_sha).toBe(townSnapshot(town, town.ws.town!).listSha);
    expect(await adminQuery('SELECT name, district_code FROM towns', [], fresh.name)).toEqual([{ name: '测试镇01', district_code: '200100' }]);
    expect((await adminQuery('SELECT id FROM pushes WHERE town = $1', ['200100001'], fresh.name)).length).toBe(2);
  }, 60_000);

  test('a correction after the push moves the district forward, and only once', async () => {
    const twin = copyTown(dir, '200100003', { evidence: true });
    const town = await openTown(twin);
    await push(town, fresh.url);
    // Two items of 2019-12-09 corrected with --replace: their results superseded, new ones written.
    corrected(dir, '2019-12-09', join(twin, 'fix.csv'), 2, 'na', '复核');
    const r = haze(['record', 'fix.csv', '--replace', '--inspectors', '王建国,李明', '--checked-at', '2019-12-09 16:00'], { cwd: twin });
    expect([r.status, r.stderr]).toEqual([0, expect.stringContaining('2 个更正')]);
    const moved = await push(town, fresh.url);
    expect(moved.tables.results).toEqual({ new: 2, already: localCounts(twin).results - 2, moved: 2, conflicts: 0 });
    expect(moved.tables.imports.new).toBe(1);
    const [n] = await adminQuery<{ n: string }>(
      'SELECT count(*) AS n FROM results WHERE town = $1 AND superseded_by_uid IS NOT NULL',
      ['200100003'],
      fresh.name,
    );
    expect(Number(n!.n)).toBe(2);
    const again = await push(town, fresh.url);
    expect([sum(again, 'new'), sum(again, 'moved')]).toEqual([0, 0]);

    // A finding closed by hand and a day replanned: the district's finding closes, its plan of record is retired.
    const open = await adminQuery<{ n: string }>("SELECT count(*) AS n FROM findings WHERE town = $1 AND status = 'open'", ['200100003'], fresh.name);
    expect(Number(open[0]!.n)).toBeGreaterThan(0);
    const list = haze(['findings', 'list', '--format', 'json'], { cwd: twin });
    const id = (JSON.parse(list.stdout) as { id: number }[])[0]!.id;
    expect(haze(['findings', 'close', String(id), '--note', '已整改', '--at', '2019-12-09 18:00'], { cwd: twin }).status).toBe(0);
    const replan = haze(['plan', '--date', '2019-12-09', '--days', '1', '--replan', '--format', 'csv'], { cwd: twin, env: { HAZE_NOW: '2019-12-09 08:00' } });
    expect(replan.status).toBe(0);
    const later = await push(town, fresh.url);
    expect(later.tables.findings).toEqual({ new: 0, already: 4, moved: 1, conflicts: 0 });
    expect(later.tables.plan_of_record).toMatchObject({ new: 1, moved: 1, conflicts: 0 });
    const retired = await adminQuery<{ replaced_by_uid: string | null }>(
      "SELECT replaced_by_uid FROM plan_of_record WHERE town = $1 AND date = '2019-12-09' AND replaced_at IS NOT NULL",
      ['200100003'],
      fresh.name,
    );
    expect(retired).toHaveLength(1);
    expect(await districtCounts(fresh.name, '200100003')).toEqual({ ...localCounts(twin), clues: 0 });
  }, 60_000);

  test("a visit's inspectors corrected: moved forward from one PC, a conflict from another that corrected it otherwise", async () => {
    const pc1 = copyTown(dir, '200100006', { evidence: true });
    const pc2 = copyTown(dir, '200100006', { evidence: true });
    const [t1, t2] = [await openTown(pc1), await openTown(pc2)];
    await push(t1, fresh.url);
    const visits = new Set(
      (parse(readFileSync(join(dir, '2019-12-09.csv'), 'utf8'), { columns: true, bom: true }) as { group: string; credit_code: string }[]).map(
        (r) => `${r.group}/${r.credit_code}`,
      ),
    ).size;
    for (const [pc, who] of [
      [pc1, '张三'],
      [pc2, '李四'],
    ] as const) {
      const r = haze(['record', join(dir, '2019-12-09.csv'), '--replace', '--inspectors', who, '--checked-at', '2019-12-09 16:00'], { cwd: pc });
      expect([r.status, r.stderr]).toEqual([0, expect.stringContaining(`${visits} 个更正`)]);
    }
    const first = await push(t1, fresh.url);
    expect(first.tables.inspections).toEqual({ new: 0, already: localCounts(pc1).inspections, moved: visits, conflicts: 0 });
    expect(first.tables.inspection_versions.new).toBe(visits);
    const second = await push(t2, fresh.url);
    expect(second.tables.inspections).toMatchObject({ moved: 0, conflicts: visits });
    expect(second.conflictsRecorded).toBe(visits);
    // The district keeps the first correction; the second is in sync_conflicts, both versions whole.
    const held = await adminQuery<{ inspectors: string }>(
      "SELECT DISTINCT inspectors FROM inspections WHERE town = $1 AND date = '2019-12-09'",
      ['200100006'],
      fresh.name,
    );
    expect(held).toEqual([{ inspectors: '张三' }]);
    const listed = await adminQuery<{ district_version: { inspectors: string }; town_version: { inspectors: string } }>(
      'SELECT district_version, town_version FROM sync_conflicts WHERE town = $1',
      ['200100006'],
      fresh.name,
    );
    expect(listed).toHaveLength(visits);
    expect(listed[0]).toEqual({
      district_version: expect.objectContaining({ inspectors: '张三' }),
      town_version: expect.objectContaining({ inspectors: '李四' }),
    });
    expect((await push(t2, fresh.url)).conflictsRecorded).toBe(0);
  }, 90_000);

  test('ten pushes of one town at once: every row exactly once', async () => {
    const many = copyTown(dir, '200100004');
    const town = await openTown(many);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => push(town, fresh.url)));
    const local = localCounts(many);
    expect(await districtCounts(fresh.name, '200100004')).toEqual({ ...local, clues: 0 });
    // Between them the ten wrote each row once: one push found it new, the other nine already there.
    for (const t of STORE_TABLES) {
      expect([t, outcomes.reduce((n, o) => n + o.tables[t].new, 0)]).toEqual([t, local[t]]);
      expect([t, outcomes.reduce((n, o) => n + o.tables[t].already, 0)]).toEqual([t, 9 * local[t]]);
    }
  }, 120_000);

  test("twenty towns pushing at once into one database: every row exactly once, each row's town right", async () => {
    const codes = Array.from({ length: 20 }, (_, i) => `2001000${String(i + 20).padStart(2, '0')}`);
    const dirs = codes.map((code) => copyTown(dir, code));
    const towns = await Promise.all(dirs.map((d) => openTown(d)));
    await Promise.all(towns.map((t) => push(t, fresh.url)));
    const local = localCounts(dir);
    for (const code of codes) expect([code, await districtCounts(fresh.name, code)]).toEqual([code, { ...local, clues: 0 }]);
    // A row's uid is its town's: the same alert event of each town carries that town's code in its uid.
    const events = await adminQuery<{ uid: string; town: string; kind: string; level: string; at: string; recorded_at: string }>(
      'SELECT uid, town, kind, level, at, recorded_at FROM alert_events WHERE town = ANY($1)',
      [codes],
      fresh.name,
    );
    expect(events.length).toBe(20);
    for (const e of events) expect(e.uid).toBe(rowUid(e.town, 'alert_events', e.kind, e.level, e.at, e.recorded_at));
    const [{ n }] = (await adminQuery<{ n: string }>('SELECT count(*) AS n FROM towns WHERE code = ANY($1)', [codes], fresh.name)) as [{ n: string }];
    expect(Number(n)).toBe(20);
  }, 180_000);

  test("a table larger than one statement's parameters goes in chunks, every row once", async () => {
    const store = openStore(join(dir, 'haze.db'), { create: false })!;
    const rows = localRows(store, '200100005');
    store.close();
    const event = rows.alert_events[0]!;
    // 10 columns a row: 9,000 rows are 90,000 parameters, more than one statement may carry.
    const n = 9000;
    expect(n * Object.keys(event).length).toBeGreaterThan(MAX_PARAMETERS);
    rows.alert_events = Array.from({ length: n }, (_, i) => ({ ...event, uid: rowUid('200100005', 'alert_events', 'synthetic', i), note: `#${i}` }));
    const identity: TownIdentity = { code: '200100005', name: '测试镇05', districtCode: null, districtName: null };
    const req = { town: identity, rows, snapshot: { listSha: 'x' }, clues: [], startedAt: new Date().toISOString() };
    const first = await withDistrict(fresh.url, { migrate: true }, (d) => pushRows(d.db, req));
    expect(first.tables.alert_events).toEqual({ new: n, already: 0, moved: 0, conflicts: 0 });
    const again = await withDistrict(fresh.url, { migrate: true }, (d) => pushRows(d.db, req));
    expect(again.tables.alert_events).toEqual({ new: 0, already: n, moved: 0, conflicts: 0 });
    expect((await districtCounts(fresh.name, '200100005')).alert_events).toBe(n);
  }, 60_000);
});
