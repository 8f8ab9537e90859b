/**
 * `haze db push`, `haze db pull` and `haze db conflicts` as a town runs them (the built binary): what was sent
 * per table, "nothing new" the second time, the password never shown; a push killed at random points and run
 * again lands every row once; the same visit corrected differently on two PCs of one town is kept both ways and
 * listed once; the district's finding and alert decision come down where `haze findings list` and
 * `haze alert status` see them. `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HAZE, haze } from '../helpers/runHaze.js';
import { adminQuery, freshDatabase, pgSuite } from '../helpers/postgres.js';
import { copyTown, corrected, districtCounts, districtEnters, localCounts, townWorkspace, workOffline } from '../helpers/districtTown.js';

const RECORD = ['--inspectors', '王建国,李明', '--checked-at', '2019-12-09 16:00'];

/** Start a push and SIGKILL it after `ms`; resolves when it has ended, however it ended. */
function pushKilledAfter(dir: string, url: string, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HAZE, 'db', 'push', url], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** Start a push and SIGKILL it as soon as the server shows it inside its transaction (between two statements or inserting). */
async function pushKilledInTransaction(dir: string, url: string, database: string): Promise<boolean> {
  const child = spawn(process.execPath, [HAZE, 'db', 'push', url], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
    stdio: 'ignore',
  });
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let running = true;
  void ended.then(() => (running = false));
  while (running) {
    const busy = await adminQuery(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND (state = 'idle in transaction' OR query ILIKE 'insert into%')",
      [database],
    );
    if (busy.length > 0 && running) {
      child.kill('SIGKILL');
      break;
    }
  }
  return (await ended) === 'SIGKILL';
}

pgSuite('district-sync.test.ts')('haze db push / pull / conflicts', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  beforeAll(async () => {
    fresh = await freshDatabase('district_sync');
    dir = townWorkspace('200100050');
    workOffline(dir);
  }, 120_000);
  afterAll(async () => fresh.drop(), 60_000);

  test('a push says what it sent per table, the second "nothing new"; the password is never shown', async () => {
    const local = localCounts(dir);
    const r = haze(['db', 'push', fresh.url], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`检查结果 ${local.results}`);
    expect(r.stderr).toContain(`暗查问题 ${local.findings}`);
    expect(r.stderr).toContain('清单已报送');
    const password = decodeURIComponent(new URL(fresh.url).password);
    if (password) expect(r.stderr).not.toContain(password);
    expect(await districtCounts(fresh.name, '200100050')).toEqual({ ...local, clues: 0 });

    const again = haze(['db', 'push', fresh.url, '--lang', 'en'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('nothing new');
    expect(again.stderr).toMatch(/\(last push \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)/);
    expect(await districtCounts(fresh.name, '200100050')).toEqual({ ...local, clues: 0 });
  }, 60_000);

  test('a push killed at random points, then one to completion: every table as the store, nothing doubled', async () => {
    const k = copyTown(dir, '200100051');
    const delays = Array.from({ length: 7 }, () => 50 + Math.floor(Math.random() * 1450));
    const ended = [];
    for (const ms of delays) ended.push(await pushKilledAfter(k, fresh.url, ms));
    // The kills fell while the push ran (it takes longer than 1.5 s here), not after it had finished.
    expect(ended.filter((e) => e.signal === 'SIGKILL').length).toBeGreaterThan(0);
    // And killed inside the transaction, rows sent but not committed: the district holds none of them.
    let killedInside = 0;
    for (let i = 0; i < 3; i++) if (await pushKilledInTransaction(k, fresh.url, fresh.name)) killedInside++;
    expect(killedInside).toBeGreaterThan(0);
    const finished = await adminQuery<{ n: string }>('SELECT count(*) AS n FROM pushes WHERE town = $1', ['200100051'], fresh.name);
    if (Number(finished[0]!.n) === 0) expect(Object.values(await districtCounts(fresh.name, '200100051')).every((n) => n === 0)).toBe(true);
    const r = haze(['db', 'push', fresh.url], { cwd: k });
    expect([r.status, delays]).toEqual([0, delays]);
    expect(await districtCounts(fresh.name, '200100051')).toEqual({ ...localCounts(k), clues: 0 });
    // One push row for each push that finished: a killed one left none.
    const pushes = await adminQuery<{ n: string }>('SELECT count(*) AS n FROM pushes WHERE town = $1', ['200100051'], fresh.name);
    expect(Number(pushes[0]!.n)).toBeGreaterThanOrEqual(1);
    expect(haze(['db', 'push', fresh.url], { cwd: k }).stderr).toContain('没有新内容');
  }, 180_000);

  test('the same visit corrected differently on two PCs: both versions kept, one conflict, listed, never twice', async () => {
    const pc1 = copyTown(dir, '200100052');
    const pc2 = copyTown(dir, '200100052');
    expect(haze(['db', 'push', fresh.url], { cwd: pc1 }).status).toBe(0);
    corrected(dir, '2019-12-09', join(pc1, 'fix.csv'), 1, 'na', '一号机复核：不适用');
    corrected(dir, '2019-12-09', join(pc2, 'fix.csv'), 1, 'ok', '二号机复核：已整改');
    for (const pc of [pc1, pc2]) expect(haze(['record', 'fix.csv', '--replace', ...RECORD], { cwd: pc }).status).toBe(0);

    expect(haze(['db', 'push', fresh.url], { cwd: pc1 }).status).toBe(0);
    const second = haze(['db', 'push', fresh.url], { cwd: pc2 });
    expect(second.status).toBe(0);
    expect(second.stderr).toContain('1 处与区级数据库记录不同（新发现 1 处）');
    expect(second.stderr).toContain('haze db conflicts');

    // Both corrections are at the district, beside the result they both replaced.
    const versions = await adminQuery<{ result: string; note: string }>(
      `SELECT r.result, r.note FROM results r JOIN inspections i ON i.uid = r.inspection_uid
        WHERE r.town = $1 AND i.date = '2019-12-09' AND r.item_id = (SELECT item_id FROM results WHERE town = $1 AND note LIKE '一号机%') ORDER BY r.note`,
      ['200100052'],
      fresh.name,
    );
    expect(versions.map((v) => v.note).filter((n) => n.includes('复核'))).toEqual(['一号机复核：不适用', '二号机复核：已整改']);
    const listed = await adminQuery<{ tbl: string; subject: string }>('SELECT tbl, subject FROM sync_conflicts WHERE town = $1', ['200100052'], fresh.name);
    expect(listed).toEqual([{ tbl: 'results', subject: expect.stringMatching(/^2019-12-09 第\d+组 .+ item \S+$/) }]);

    const table = haze(['db', 'conflicts', fresh.url], { cwd: pc2 });
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('results');
    expect(table.stdout).toContain(listed[0]!.subject.split(' ').at(-1)!);
    expect(table.stderr).toContain('1 处冲突待处理');
    const json = haze(['db', 'conflicts', fresh.url, '--format', 'json'], { cwd: pc1 });
    expect(json.status).toBe(0);
    const rows = JSON.parse(json.stdout) as {
      table: string;
      subject: string;
      district_version: { superseded_by_uid: string };
      town_version: { superseded_by_uid: string };
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe(listed[0]!.subject);
    expect(rows[0]!.district_version.superseded_by_uid).not.toBe(rows[0]!.town_version.superseded_by_uid);

    const third = haze(['db', 'push', fresh.url], { cwd: pc2 });
    expect(third.stderr).toContain('都已列出');
    expect((await adminQuery('SELECT id FROM sync_conflicts WHERE town = $1', ['200100052'], fresh.name)).length).toBe(1);
  }, 120_000);

  test("pull brings the district's finding and alert decision, where the town's commands see them; a second pull nothing", async () => {
    await districtEnters(fresh.name, '200100050');
    const r = haze(['db', 'pull', fresh.url], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('暗查问题 1、预警记录 1');
    const findings = haze(['findings', 'list', '--format', 'csv'], { cwd: dir });
    expect(findings.stdout).toContain('区级抽查：料场未苫盖');
    const status = haze(['alert', 'status', '--at', '2019-12-09 21:00'], { cwd: dir });
    expect(status.status).toBe(0);
    expect(status.stdout + status.stderr).toContain('红色');
    const again = haze(['db', 'pull', fresh.url], { cwd: dir });
    expect([again.status, again.stderr]).toEqual([0, expect.stringContaining('没有新内容')]);
  }, 60_000);

  test('no district named: exit 78 with how to name one', () => {
    const r = haze(['db', 'push'], { cwd: dir });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('没有指定区级数据库');
  });
});
