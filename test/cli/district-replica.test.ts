/**
 * The district as the store of record, from the command line (the built binary; `npm run build` first): two PCs
 * of one town, each with the district's URL as its store (haze.yaml db:, or HAZE_DB), see each other's visits,
 * alert decisions and corrections at their next command; ten PCs recording at once land every row exactly once
 * at the district and in each replica; the server out of reach, `haze record` works on the replica with one
 * warning and the next command that reaches it sends what was written; a wrong password stops with 77 and
 * never shows the password.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { HAZE, haze, type Run } from '../helpers/runHaze.js';
import { adminQuery, freshDatabase, pgSuite, pgUrl } from '../helpers/postgres.js';
import { corrected, districtCounts, fillDay, localCounts, townWorkspace } from '../helpers/districtTown.js';

const RECORD = ['--inspectors', '王建国,李明', '--checked-at', '2019-12-09 16:00'];

/** A workspace of `code` whose haze.yaml names the district database as its store. */
function districtWorkspace(code: string, url: string): string {
  const dir = townWorkspace(code);
  appendFileSync(join(dir, 'haze.yaml'), `db: "${url}"\n`);
  return dir;
}

function ok(dir: string, args: string[], env: Record<string, string> = {}): Run {
  const r = haze(args, { cwd: dir, env });
  if (r.status !== 0) throw new Error(`haze ${args.join(' ')}: ${r.status}\n${r.stderr}`);
  return r;
}

/** Spawned without waiting, so several run at once. */
function hazeAsync(dir: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HAZE, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A port on loopback that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

const withoutClues = (c: Record<string, number>) => {
  const { clues: _clues, ...rest } = c;
  return rest;
};

pgSuite('district-replica.test.ts')('the district database as the store', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase('district_replica');
  });
  afterAll(async () => fresh.drop());

  test("two PCs of one town: each sees the other's visit, correction and alert decision at its next command", () => {
    const a = districtWorkspace('500100020', fresh.url);
    const b = districtWorkspace('500100020', fresh.url);
    ok(a, ['alert', 'issue', 'orange', '--at', '2019-12-08 14:00']);
    fillDay(a, '2019-12-09', '2019-12-09.csv');
    const rec = ok(a, ['record', '2019-12-09.csv', ...RECORD]);
    expect(rec.stderr).toContain('已报送到');

    const report = (dir: string) => ok(dir, ['report', '--date', '2019-12-09', '--format', 'json']).stdout;
    const seenByA = report(a);
    expect(JSON.parse(seenByA)).toBeTruthy();
    expect(report(b)).toBe(seenByA);
    expect(localCounts(b)).toEqual(localCounts(a));
    expect(localCounts(b).results).toBeGreaterThan(100);

    corrected(a, '2019-12-09', join(a, 'fix.csv'), 2, 'na', '复核：不适用');
    expect(ok(a, ['record', 'fix.csv', '--replace', ...RECORD]).stderr).toContain('2 个更正');
    const corrected2 = report(a);
    expect(corrected2).not.toBe(seenByA);
    expect(report(b)).toBe(corrected2);
    expect(localCounts(b)).toEqual(localCounts(a));

    ok(b, ['alert', 'change', 'red', '--at', '2019-12-09 20:00', '--doc', '金大气应急指办〔2019〕7号']);
    const status = ok(a, ['alert', 'status', '--at', '2019-12-09 21:00']);
    expect(status.stdout + status.stderr).toContain('红色');
    expect(localCounts(a)).toEqual(localCounts(b));
  }, 240_000);

  test('ten PCs recording different visits at once: every row exactly once at the district and in each replica', async () => {
    const code = '500100030';
    const dirs = Array.from({ length: 10 }, () => districtWorkspace(code, fresh.url));
    ok(dirs[0]!, ['alert', 'issue', 'orange', '--at', '2019-12-08 14:00']);
    const rows = fillDay(dirs[0]!, '2019-12-09', 'day.csv');
    const visits = [...new Set(rows.map((r) => `${r.group}|${r.credit_code}`))];
    expect(visits.length).toBeGreaterThanOrEqual(10);
    dirs.forEach((dir, i) => {
      const mine = rows.filter((r) => visits.indexOf(`${r.group}|${r.credit_code}`) % 10 === i);
      writeFileSync(join(dir, 'part.csv'), stringify(mine, { header: true, columns: Object.keys(rows[0]!) }));
    });
    const runs = await Promise.all(dirs.map((dir) => hazeAsync(dir, ['record', 'part.csv', ...RECORD])));
    for (const r of runs) expect([r.status, r.stderr]).toEqual([0, expect.stringContaining('已报送到')]);

    const held = withoutClues(await districtCounts(fresh.name, code));
    expect(held.inspections).toBe(visits.length);
    expect(held.results).toBe(rows.length);
    expect(held.imports).toBe(10);
    for (const dir of dirs) {
      ok(dir, ['alert', 'status', '--at', '2019-12-09 12:00']);
      expect(localCounts(dir)).toEqual(held);
    }
    // Nothing doubled by the ten replicas' next commands either.
    expect(withoutClues(await districtCounts(fresh.name, code))).toEqual(held);
  }, 300_000);

  test('the server out of reach: record works on the replica with one warning; the next command sends it', async () => {
    const code = '500100040';
    const dir = townWorkspace(code);
    const online = { HAZE_DB: fresh.url };
    ok(dir, ['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], online);
    // The day's checklist from the district's plan, every item ok: recorded offline below.
    const day = parse(ok(dir, ['checklist', '--date', '2019-12-09', '--group', 'all', '--format', 'csv'], { ...online, HAZE_NOW: '2019-12-09 08:00' }).stdout, {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    writeFileSync(
      join(dir, 'day.csv'),
      stringify(
        day.map((r) => ({ ...r, result: 'ok' })),
        { header: true, columns: Object.keys(day[0]!) },
      ),
    );
    const before = withoutClues(await districtCounts(fresh.name, code));

    const away = pgUrl({ database: fresh.name }).replace(/:\d+\//, `:${await closedPort()}/`);
    const r = haze(['record', 'day.csv', ...RECORD], { cwd: dir, env: { HAZE_DB: away } });
    expect(r.status).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('离线'));
    expect(warnings).toEqual([
      expect.stringMatching(/连不上区级数据库 .*，在\d{4}-\d{2}-\d{2} \d{2}:\d{2} 的副本上离线工作；写下的内容在下一条命令或 haze db push 时报送/),
    ]);
    const password = decodeURIComponent(new URL(fresh.url).password);
    if (password) expect(r.stderr).not.toContain(password);
    expect(withoutClues(await districtCounts(fresh.name, code))).toEqual(before);
    expect(localCounts(dir).results).toBe(before.results! + day.length);

    const en = haze(['alert', 'status', '--lang', 'en'], { cwd: dir, env: { HAZE_DB: away } });
    expect(en.stderr).toMatch(
      /cannot reach .*: working offline on the copy of \d{4}-\d{2}-\d{2} \d{2}:\d{2}; what is written is sent at the next command or haze db push/,
    );

    const next = ok(dir, ['report', '--date', '2019-12-09', '--format', 'json'], online);
    expect(next.stderr).toContain('已报送到');
    expect(withoutClues(await districtCounts(fresh.name, code))).toEqual(localCounts(dir));
  }, 180_000);

  test('a wrong password: exit 77, the password never shown, the command not run', () => {
    const dir = townWorkspace('500100045');
    const url = pgUrl({ password: 'not-the-password-77', database: fresh.name });
    const r = haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir, env: { HAZE_DB: url } });
    expect(r.status).toBe(77);
    expect(r.stderr).toContain('拒绝登录');
    expect(r.stdout + r.stderr).not.toContain('not-the-password-77');
    expect(r.stderr).not.toContain('已记录');
  });

  test('a district set up by a newer haze: exit 78, nothing written to the replica', async () => {
    const newer = await freshDatabase('district_replica_newer');
    try {
      const dir = townWorkspace('500100047');
      expect(haze(['alert', 'status'], { cwd: dir, env: { HAZE_DB: newer.url } }).status).toBe(0);
      await adminQuery('UPDATE haze_schema SET version = 99', [], newer.name);
      const r = haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir, env: { HAZE_DB: newer.url } });
      expect([r.status, r.stderr]).toEqual([78, expect.stringContaining('更新版本的 haze')]);
      expect(localCounts(dir).alert_events).toBe(0);
    } finally {
      await newer.drop();
    }
  }, 60_000);

  test('commands that only read inputs never connect: validate with an unreachable district', async () => {
    const dir = townWorkspace('500100046');
    const away = pgUrl({ database: fresh.name }).replace(/:\d+\//, `:${await closedPort()}/`);
    const r = haze(['validate'], { cwd: dir, env: { HAZE_DB: away } });
    expect(r.stderr).not.toContain('连不上区级数据库');
    expect(r.status).toBe(0);
  });
});
