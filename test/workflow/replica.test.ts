/**
 * The replica against a real server (the district as the store of record): a store with every table filled,
 * pushed and replicated into an empty store of the same town, reads back as the same rows, table by table and
 * row by row — the PostgreSQL engine holds exactly what the SQLite engine holds; a second sync brings nothing.
 * The district's forward moves (a correction, a closed finding, a replan) come down into a PC that lacked them;
 * a PC that corrected the same item otherwise keeps its own version and counts the district's as kept out.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/io/store/db.js';
import { localRows, STORE_TABLES, type TownRows } from '../../src/io/store/district/localRows.js';
import { pushTown } from '../../src/workflow/districtSync.js';
import { replicaBefore, replicaToSend } from '../../src/workflow/replica.js';
import { loadTown } from '../../src/workflow/town.js';
import { haze, tempDir } from '../helpers/runHaze.js';
import { freshDatabase, pgSuite } from '../helpers/postgres.js';
import { copyTown, corrected, localCounts, townWorkspace, workOffline } from '../helpers/districtTown.js';

const quiet = { say: () => undefined, warn: () => undefined, problems: () => undefined };
const NOW = { date: '2019-12-10', minutes: 9 * 60 };

function ok(dir: string, args: string[], env: Record<string, string> = {}): void {
  const r = haze(args, { cwd: dir, env });
  if (r.status !== 0) throw new Error(`haze ${args.join(' ')}: ${r.status}\n${r.stderr}`);
}

/** After workOffline: a visit day corrected (results superseded, inspectors changed), a finding closed, a day replanned. */
function moveForward(dir: string, from: string): void {
  corrected(from, '2019-12-09', join(dir, 'fix.csv'), 2, 'na', '复核：不适用');
  ok(dir, ['record', 'fix.csv', '--replace', '--inspectors', '王建国,赵强', '--checked-at', '2019-12-09 17:00']);
  ok(dir, ['findings', 'close', '1', '--note', '已整改', '--at', '2019-12-10 09:00']);
  ok(dir, ['plan', '--date', '2019-12-08', '--replan'], { HAZE_NOW: '2019-12-08 15:30' });
}

/** Every table's rows sorted by uid: the store's ids (and so its order) are its own. */
const byUid = (rows: TownRows): TownRows =>
  Object.fromEntries(STORE_TABLES.map((t) => [t, [...(rows[t] as { uid: string }[])].sort((a, b) => a.uid.localeCompare(b.uid))])) as unknown as TownRows;

function rowsOf(dir: string, town: string): TownRows {
  const db = openStore(join(dir, 'haze.db'), { create: false })!;
  try {
    return localRows(db, town);
  } finally {
    db.close();
  }
}

const push = async (dir: string, url: string) => {
  const town = await loadTown({ cwd: dir }, quiet);
  return pushTown(town, town.ws.town!, url, NOW, new Date().toISOString());
};
const sync = (dir: string, town: string, url: string) =>
  replicaBefore({ dbFile: join(dir, 'haze.db') }, { code: town, name: 'x', districtCode: null, districtName: null }, url, new Date().toISOString());

pgSuite('replica.test.ts')('the replica of a town at the district', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let base: string;
  let before: string;
  beforeAll(async () => {
    fresh = await freshDatabase('replica');
    base = townWorkspace('500100010');
    workOffline(base);
    // The store as it was before the moves, for the PCs that lack them.
    before = tempDir();
    copyFileSync(join(base, 'haze.db'), join(before, 'haze.db'));
    moveForward(base, base);
  }, 180_000);
  afterAll(async () => fresh.drop());

  test('round trip: every table pushed, replicated into an empty store, reads back row for row', async () => {
    const counts = localCounts(base);
    for (const t of STORE_TABLES) expect([t, counts[t] > 0]).toEqual([t, true]);
    const moved = rowsOf(base, '500100010');
    expect(moved.results.filter((r) => r.superseded_by_uid).length).toBe(2);
    expect(moved.findings.filter((f) => f.status === 'closed').length).toBe(1);
    expect(moved.plan_of_record.filter((r) => r.replaced_by_uid).length).toBeGreaterThan(0);

    await push(base, fresh.url);
    const empty = tempDir();
    const first = await sync(empty, '500100010', fresh.url);
    if (!first.online) throw new Error('offline');
    for (const t of STORE_TABLES) expect([t, first.outcome[t]]).toEqual([t, { new: counts[t], moved: 0, keptOut: 0 }]);
    expect(first.ahead).toBe(false);
    expect(byUid(rowsOf(empty, '500100010'))).toEqual(byUid(moved));

    const again = await sync(empty, '500100010', fresh.url);
    if (!again.online) throw new Error('offline');
    for (const t of STORE_TABLES) expect([t, again.outcome[t]]).toEqual([t, { new: 0, moved: 0, keptOut: 0 }]);
    expect(replicaToSend({ dbFile: join(empty, 'haze.db') }, { code: '500100010', name: 'x', districtCode: null, districtName: null }, again)).toBe(false);
    expect(localCounts(empty)).toEqual(counts);
  }, 120_000);

  test("the district's forward moves come down into a PC that lacked them", async () => {
    const pc = copyTown(before, '500100010');
    const first = await sync(pc, '500100010', fresh.url);
    if (!first.online) throw new Error('offline');
    const target = rowsOf(base, '500100010');
    expect(first.outcome.results).toEqual({ new: 2, moved: 2, keptOut: 0 });
    expect(first.outcome.inspections.moved).toBe(target.inspection_versions.length);
    expect(first.outcome.inspection_versions.new).toBe(target.inspection_versions.length);
    expect(first.outcome.findings).toEqual({ new: 0, moved: 1, keptOut: 0 });
    // Each record the district replaced since (the replan, and the correction's own record of the day).
    const replaced = (rows: TownRows) => rows.plan_of_record.filter((r) => r.replaced_at).length;
    expect(first.outcome.plan_of_record).toMatchObject({ moved: replaced(target) - replaced(rowsOf(before, '500100010')), keptOut: 0 });
    expect(first.outcome.plan_of_record.moved).toBeGreaterThan(0);
    expect(byUid(rowsOf(pc, '500100010'))).toEqual(byUid(target));
  }, 60_000);

  test("a PC that corrected the same items otherwise keeps its version; the district's stays out, counted", async () => {
    const pc = copyTown(before, '500100010');
    corrected(base, '2019-12-09', join(pc, 'mine.csv'), 2, 'ok', '本机复核：已整改');
    ok(pc, ['record', 'mine.csv', '--replace', '--inspectors', '王建国,李明', '--checked-at', '2019-12-09 16:00']);
    const mine = rowsOf(pc, '500100010').results.filter((r) => r.note === '本机复核：已整改');
    expect(mine).toHaveLength(2);
    const first = await sync(pc, '500100010', fresh.url);
    if (!first.online) throw new Error('offline');
    // The two results both corrections superseded (differently), and the district's two current ones.
    expect(first.outcome.results).toEqual({ new: 0, moved: 0, keptOut: 4 });
    expect(first.ahead).toBe(true);
    const after = rowsOf(pc, '500100010').results;
    expect(after.filter((r) => r.note === '本机复核：已整改' && !r.superseded_by_uid)).toHaveLength(2);
    expect(after.filter((r) => r.note === '复核：不适用')).toHaveLength(0);
  }, 60_000);
});
