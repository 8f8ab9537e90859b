/**
 * `haze serve` with the district's database as the store (haze.yaml db: postgres://…): it starts on the town's
 * replica, prints each group's link for today (its token in the replica) and stops with Ctrl-C; what phones send
 * through the inspector's API lands on the replica at once and reaches the district after (workflow/districtSender.ts);
 * with the district out of reach a phone's entry is still kept (201) and the server says so on stderr.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { findToken } from '../../src/io/store/serveTokens.js';
import type { DayView, EntrySaved } from '../../src/serve/inspector/api.js';
import type { PhoneEntry } from '../../src/workflow/phoneEntry.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { HAZE, haze } from '../helpers/runHaze.js';
import { adminQuery, freshDatabase, pgSuite, pgUrl } from '../helpers/postgres.js';
import { townWorkspace } from '../helpers/districtTown.js';

const TOWN = '320413171';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `haze serve --port P` in `dir` (HAZE_DB when given), once it has printed its links and the Ctrl-C line. */
async function startServe(dir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [HAZE, 'serve', '--port', String(port)], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', HAZE_LANG: 'en', HAZE_NOW: '2019-12-08 15:00', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const s = { port, child, out: '', err: '', links: (): string[] => [], exited: new Promise<number | null>((r) => child.on('exit', r)) };
  child.stdout.on('data', (d: Buffer) => (s.out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (s.err += d.toString()));
  s.links = () => [...s.out.matchAll(/\/g\/(\S+)$/gm)].map((m) => m[1]!);
  const t0 = Date.now();
  while ((s.links().length < 3 || !s.err.includes('Ctrl-C')) && Date.now() - t0 < 30_000) await sleep(50);
  return s;
}

const api = (port: number, path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}/api/g/${path}`, init);
const postEntry = (port: number, token: string, entry: PhoneEntry) =>
  api(port, `${token}/entries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(entry) });

const entryFor = (v: DayView['visits'][number], entryId: string): PhoneEntry => ({
  entryId,
  date: '2019-12-08',
  creditCode: v.creditCode,
  items: v.items.map((it, i) => ({ itemId: it.id, result: i === 0 ? 'violation' : 'ok', note: i === 0 ? '门口无公示牌' : '' })),
  inspectors: '张三、李四',
  arrivedAt: '2019-12-08 14:30',
  checkedAt: '2019-12-08 14:50',
  position: null,
  photos: [],
});

const replicaCounts = (dir: string) =>
  readStore(
    { dbFile: join(dir, 'haze.db') },
    (db) => ({
      inspections: (db.prepare('SELECT COUNT(*) AS n FROM inspections').get() as { n: number }).n,
      results: (db.prepare('SELECT COUNT(*) AS n FROM results').get() as { n: number }).n,
    }),
    { inspections: -1, results: -1 },
  );

async function districtCounts(database: string) {
  const [row] = await adminQuery<{ inspections: string; results: string }>(
    `SELECT (SELECT COUNT(*) FROM inspections WHERE town = $1) AS inspections, (SELECT COUNT(*) FROM results WHERE town = $1) AS results`,
    [TOWN],
    database,
  );
  return { inspections: Number(row!.inspections), results: Number(row!.results) };
}

pgSuite('serve-district.test.ts')('haze serve on the district database', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase('serve_district');
  });
  afterAll(async () => fresh.drop());

  test('starts on the replica, takes two phone entries, the district gets them; with the district away an entry is still kept', async () => {
    const dir = townWorkspace(TOWN);
    appendFileSync(join(dir, 'haze.yaml'), `db: "${fresh.url}"\n`);
    const issued = haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir });
    expect(issued.status).toBe(0);

    // The district reachable: the links are the replica's tokens; two visits of group 1 sent as a phone would.
    const s = await startServe(dir);
    let day: DayView;
    try {
      expect(s.links()).toHaveLength(3);
      expect((await fetch(`http://127.0.0.1:${s.port}/nope`)).status).toBe(404);
      expect(readStore({ dbFile: join(dir, 'haze.db') }, (db) => s.links().map((t) => findToken(db, t)?.groupId), [])).toEqual(['1', '2', '3']);
      const token1 = s.links()[0]!;
      const got = await api(s.port, `${token1}/day?date=2019-12-08`);
      expect(got.status).toBe(200);
      day = (await got.json()) as DayView;
      expect(day.group.id).toBe('1');
      expect(day.visits.length).toBeGreaterThanOrEqual(3);
      expect(await districtCounts(fresh.name)).toEqual({ inspections: 0, results: 0 });

      for (const [i, v] of day.visits.slice(0, 2).entries()) {
        const r = await postEntry(s.port, token1, entryFor(v, `serve-district-${i + 1}-abc`));
        expect(r.status).toBe(201);
        expect(((await r.json()) as EntrySaved).outcome).toBe('new');
      }
      const items = day.visits[0]!.items.length + day.visits[1]!.items.length;
      expect(replicaCounts(dir)).toEqual({ inspections: 2, results: items });

      // The server pushes after the writes, in the background: poll the district until they are there.
      const t0 = Date.now();
      let held = await districtCounts(fresh.name);
      while ((held.inspections < 2 || held.results < items) && Date.now() - t0 < 20_000) {
        await sleep(200);
        held = await districtCounts(fresh.name);
      }
      expect(held).toEqual(replicaCounts(dir));
      const [first] = await adminQuery<{ result: string; note: string; inspectors: string }>(
        `SELECT r.result, r.note, i.inspectors FROM results r JOIN inspections i ON i.uid = r.inspection_uid
          WHERE i.town = $1 AND i.credit_code = $2 AND r.item_id = $3`,
        [TOWN, day.visits[0]!.creditCode, day.visits[0]!.items[0]!.id],
        fresh.name,
      );
      expect(first).toEqual({ result: 'violation', note: '门口无公示牌', inspectors: '张三、李四' });
      expect(s.err).not.toContain('cannot reach the district');
    } finally {
      s.child.kill('SIGINT');
    }
    expect(await s.exited).toBe(0);

    // The district out of reach (a port nothing listens on): the server starts on the replica, the phone's entry
    // is kept at once (201) and the server warns that it is sent later; the district is as it was.
    const away = pgUrl({ database: fresh.name }).replace(/:\d+\//, `:${await freePort()}/`);
    const before = await districtCounts(fresh.name);
    const off = await startServe(dir, { HAZE_DB: away });
    try {
      expect(off.links()).toHaveLength(3);
      const warnedAtStart = off.err.length;
      const t0 = Date.now();
      const r = await postEntry(off.port, off.links()[0]!, entryFor(day.visits[2]!, 'serve-district-3-abc'));
      expect(r.status).toBe(201);
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(replicaCounts(dir)).toEqual({ inspections: 3, results: before.results + day.visits[2]!.items.length });
      const t1 = Date.now();
      while (!off.err.slice(warnedAtStart).includes('cannot reach the district database') && Date.now() - t1 < 10_000) await sleep(50);
      expect(off.err.slice(warnedAtStart)).toContain('cannot reach the district database: entries are kept here and sent later');
      const password = decodeURIComponent(new URL(fresh.url).password);
      if (password) expect(off.err).not.toContain(password);
      expect(await districtCounts(fresh.name)).toEqual(before);
    } finally {
      off.child.kill('SIGINT');
    }
    expect(await off.exited).toBe(0);
  }, 180_000);
});
