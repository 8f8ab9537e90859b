/**
 * `haze serve` with the district's database as the store (haze.yaml db: postgres://…): it starts on the town's
 * replica, prints each group's link for today (its token in the replica) and stops with Ctrl-C.
 * A phone's entry sent to the district through POST /api/g/<token>/entries is not tested here: the inspector's
 * routes are not on this branch.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { findToken } from '../../src/io/store/serveTokens.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { HAZE, haze } from '../helpers/runHaze.js';
import { freshDatabase, pgSuite } from '../helpers/postgres.js';
import { townWorkspace } from '../helpers/districtTown.js';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

pgSuite('serve-district.test.ts')('haze serve on the district database', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase('serve_district');
  });
  afterAll(async () => fresh.drop());

  test('starts, prints the links of today, their tokens in the replica, and Ctrl-C ends it with 0', async () => {
    const dir = townWorkspace('320413171');
    appendFileSync(join(dir, 'haze.yaml'), `db: "${fresh.url}"\n`);
    const issued = haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir });
    expect(issued.status).toBe(0);
    const port = await freePort();
    const child = spawn(process.execPath, [HAZE, 'serve', '--port', String(port)], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', HAZE_LANG: 'en', HAZE_NOW: '2019-12-08 15:00' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    const links = () => [...out.matchAll(/\/g\/(\S+)$/gm)].map((m) => m[1]!);
    const t0 = Date.now();
    while ((links().length < 3 || !err.includes('Ctrl-C')) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
    try {
      expect(links()).toHaveLength(3);
      const nope = await fetch(`http://127.0.0.1:${port}/nope`);
      expect(nope.status).toBe(404);
      const replica = { dbFile: join(dir, 'haze.db') };
      expect(readStore(replica, (db) => links().map((t) => findToken(db, t)?.groupId), [])).toEqual(['1', '2', '3']);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
