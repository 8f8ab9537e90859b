/**
 * A town served for the serve tests: a workspace on the sample's list, groups and evidence, the seed story's
 * alert issued with haze's own command, and `haze serve`'s server on a loopback port of its own (port 0), on a
 * clock the test sets (the sample's days are in December 2019). Tokens are made in its store as
 * `haze serve tokens` makes them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fromInstant, parseWallTime, type WallTime } from '../../src/core/time.js';
import { makeToken } from '../../src/io/store/serveTokens.js';
import { serveContext, type ServeContext } from '../../src/serve/context.js';
import { buildServer, type ServeOptions } from '../../src/serve/server.js';
import { townEvidence } from '../../src/workflow/evidence.js';
import { writeStore } from '../../src/workflow/storeDoor.js';
import { loadTown } from '../../src/workflow/town.js';
import { collectingVoice } from '../../src/workflow/voice.js';
import { REPO, haze, tempDir } from './runHaze.js';

const SAMPLE = join(REPO, 'data/xuebu');

/** A workspace of the sample town with the alert of 8 December 14:00 issued (no store otherwise). */
export function servedWorkspace(dir = tempDir()): string {
  const evidence = `evidence:\n${['points', 'readings', 'gate'].map((f) => `  - ${SAMPLE}/evidence/${f}.csv`).join('\n')}\n`;
  writeFileSync(
    join(dir, 'haze.yaml'),
    `list: ${SAMPLE}/enterprises.csv\ngroups: ${SAMPLE}/groups.yaml\ntown: { code: "320413102", name: 薛埠镇 }\n${evidence}`,
  );
  const r = haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00', '--doc', '金大气应急指办〔2019〕5号'], { cwd: dir });
  if (r.status !== 0) throw new Error(`haze alert issue: ${r.status}\n${r.stderr}`);
  return dir;
}

const instantOf = (t: WallTime): number =>
  Date.parse(`${t.date}T${String(Math.floor(t.minutes / 60)).padStart(2, '0')}:${String(t.minutes % 60).padStart(2, '0')}:00+08:00`);

export interface ServedTown {
  dir: string;
  app: FastifyInstance;
  ctx: ServeContext;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Set the server's clock (Beijing wall time, e.g. '2019-12-08 15:00'); it then runs on in real time. */
  setNow(wall: string): void;
  /** A token for a group and dates, as `haze serve tokens make` makes it. */
  token(groupId: string, fromDate?: string, toDate?: string): string;
  close(): Promise<void>;
}

/** Serve `dir` (servedWorkspace() by default) on a loopback port, the clock at `now`. */
export async function serveTown(opts: { dir?: string; now?: string; listen?: boolean; server?: ServeOptions } = {}): Promise<ServedTown> {
  const dir = opts.dir ?? servedWorkspace();
  const quiet = collectingVoice();
  const loaded = await loadTown({ cwd: dir }, quiet);
  const town = { ...loaded, evidence: await townEvidence(loaded) };
  let base = { wall: instantOf(parseWallTime(opts.now ?? '2019-12-08 15:00')!), real: Date.now() };
  const instant = () => base.wall + (Date.now() - base.real);
  const ctx = serveContext(town, { instant, now: () => fromInstant(instant()) });
  const app = await buildServer(ctx, { log: () => undefined, ...opts.server });
  let url = '';
  if (opts.listen !== false) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address();
    url = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : '';
  }
  return {
    dir,
    app,
    ctx,
    url,
    setNow: (wall) => {
      base = { wall: instantOf(parseWallTime(wall)!), real: Date.now() };
    },
    token: (groupId, fromDate = '2019-12-08', toDate = fromDate) =>
      writeStore(town.ws, (db) => makeToken(db, { groupId, fromDate, toDate, label: 'test', createdAt: new Date().toISOString() })).token,
    close: () => app.close(),
  };
}
