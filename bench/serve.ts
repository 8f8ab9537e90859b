/**
 * `haze serve` under load (issue 18): `npm run bench:serve [-- --stand-in] [--groups 30] [--no-pg] [--keep]
 * [--cpu-prof DIR]`. A generated town (bench/serve/generate.ts: 30 groups × 20 visits of the day's plan of
 * record, ~10 items a visit, an orange alert), one token a group made in the store, the server started as a
 * child (`node bin/haze.js serve --host 127.0.0.1 --port P`, HAZE_NOW the evening of the day; with --stand-in
 * the bench's stand-in for the inspector routes, bench/serve/standIn.ts, started the same way), then 30 phones
 * at once over loopback (bench/serve/phones.ts): the day, then a photo and an entry a visit. Printed: count,
 * p50/p95/p99/max latency per kind of request, throughput, wall time, the server's peak RSS (VmHWM), and the
 * counts in the store after — a count off is a failure (exit 1). Then the same on PostgreSQL: the district's
 * database as the store (`--db postgres://…`, the server pushing as phones write), the counts checked in the
 * district's tables once the pushes settle. HAZE_BENCH_PG or HAZE_TEST_PG when set, else a throwaway cluster.
 * Target: p95 under 200 ms with the SQLite store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../src/io/store/db.js';
import { makeToken } from '../src/io/store/serveTokens.js';
import { benchServer, type BenchServer } from './district/pgServer.js';
import { DAY, FULL, generateServeTown, repoRoot, SERVE_NOW, TOWN, type GeneratedServeTown } from './serve/generate.js';
import { quantile, runPhones, type Kind, type PhonesRun } from './serve/phones.js';

const ROOT = repoRoot();
const argv = process.argv.slice(2);
const flag = (f: string) => argv.includes(f);
const value = (f: string) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : undefined);
const STAND_IN = flag('--stand-in');
const GROUPS = Number(value('--groups') ?? FULL.groups);
const CPU_PROF = value('--cpu-prof');
const P95_TARGET_MS = 200;
const SETTLE_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function tokensFor(made: GeneratedServeTown): string[] {
  const db = openStore(made.dbFile, { create: false })!;
  try {
    return [...made.plan.keys()].map(
      (g) => makeToken(db, { groupId: g, fromDate: DAY, toDate: DAY, label: `bench ${g}`, createdAt: `${DAY}T00:00:00.000Z` }).token,
    );
  } finally {
    db.close();
  }
}

interface Server {
  child: ChildProcess;
  base: string;
  stderr: () => string;
}

async function startServer(dir: string, dbUrl: string | null): Promise<Server> {
  const port = await freePort();
  const prof = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [];
  const args = STAND_IN
    ? [...prof, path.join(ROOT, 'dist-bench/bench/serve/standInServer.js'), ...(dbUrl ? ['--db', dbUrl] : []), '--host', '127.0.0.1', '--port', String(port)]
    : [...prof, path.join(ROOT, 'bin/haze.js'), ...(dbUrl ? ['--db', dbUrl] : []), 'serve', '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, HAZE_NOW: SERVE_NOW }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`the server said nothing in 60 s: ${err.slice(0, 2000)}`)), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/office/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`the server stopped (${code}) before listening: ${err.slice(0, 2000)}`));
    });
  });
  return { child, base, stderr: () => err };
}

/** VmHWM, the process's peak resident set, in MB. */
function peakMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const gone = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  s.child.kill('SIGTERM');
  const t = setTimeout(() => s.child.kill('SIGKILL'), 30_000);
  await gone;
  clearTimeout(t);
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    if (f.isDirectory()) n += countFiles(path.join(dir, f.name));
    else if (f.isFile() && !f.name.startsWith('.')) n++;
  }
  return n;
}

type Counts = Record<string, number>;

function storeCounts(made: GeneratedServeTown): Counts {
  const db = openStore(made.dbFile, { create: false })!;
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  try {
    return {
      phone_entries: n('SELECT count(*) AS n FROM phone_entries'),
      inspections: n('SELECT count(*) AS n FROM inspections'),
      results: n('SELECT count(*) AS n FROM results'),
      photos: n('SELECT count(*) AS n FROM photos'),
      visit_photos: n('SELECT count(*) AS n FROM visit_photos'),
      'photo files': countFiles(path.join(made.dir, 'photos')),
    };
  } finally {
    db.close();
  }
}

async function districtCounts(url: string): Promise<Counts> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async (sql: string) => Number((await c.query(sql, [TOWN.code])).rows[0].n);
    const has = Number((await c.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'results'")).rows[0].n) > 0;
    if (!has) return { 'district inspections': 0, 'district results': 0 };
    return {
      'district inspections': await one('SELECT count(*) AS n FROM inspections WHERE town = $1'),
      'district results': await one('SELECT count(*) AS n FROM results WHERE town = $1 AND superseded_by_uid IS NULL'),
    };
  } finally {
    await c.end();
  }
}

/** Polls the district until its counts reach what was sent, or stop changing for 5 s, or the timeout. */
async function settle(url: string, want: Counts): Promise<{ counts: Counts; ms: number }> {
  const t0 = performance.now();
  let last = '';
  let sameSince = performance.now();
  for (;;) {
    const counts = await districtCounts(url);
    const key = JSON.stringify(counts);
    if (Object.entries(want).every(([k, v]) => counts[k] === v)) return { counts, ms: performance.now() - t0 };
    if (key !== last) {
      last = key;
      sameSince = performance.now();
    } else if (performance.now() - sameSince > 5_000 && counts['district inspections']! > 0) return { counts, ms: performance.now() - t0 };
    if (performance.now() - t0 > SETTLE_TIMEOUT_MS) return { counts, ms: performance.now() - t0 };
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface Run {
  label: string;
  phones: PhonesRun;
  peakMb: number;
  counts: Counts;
  want: Counts;
  settleMs: number | null;
  serverErr: string;
}

async function runOnce(label: string, dir: string, dbUrl: string | null): Promise<Run> {
  process.stderr.write(`${label}: generating the town in ${dir} …\n`);
  const made = await generateServeTown(dir, { ...FULL, groups: GROUPS });
  const tokens = tokensFor(made);
  process.stderr.write(
    `${label}: ${made.plan.size} groups, ${made.visits} visits, ${made.items} items; starting the server${STAND_IN ? ' (stand-in)' : ''} …\n`,
  );
  const server = await startServer(dir, dbUrl);
  let phones: PhonesRun;
  let peak = NaN;
  let settleMs: number | null = null;
  let district: Counts = {};
  try {
    phones = await runPhones(server.base, tokens, DAY, FULL.seed, FULL.visitsPerGroup);
    process.stderr.write(`${label}: ${phones.visits} visits sent in ${(phones.wallMs / 1000).toFixed(1)} s\n`);
    if (dbUrl) {
      const s = await settle(dbUrl, { 'district inspections': made.visits, 'district results': made.items });
      settleMs = s.ms;
      district = s.counts;
    }
    peak = peakMb(server.child.pid!);
  } finally {
    await stopServer(server);
  }
  const want: Counts = {
    phone_entries: made.visits,
    inspections: made.visits,
    results: made.items,
    photos: made.visits,
    visit_photos: made.visits,
    'photo files': made.visits,
  };
  if (dbUrl) Object.assign(want, { 'district inspections': made.visits, 'district results': made.items });
  return { label, phones, peakMb: peak, counts: { ...storeCounts(made), ...district }, want, settleMs, serverErr: server.stderr() };
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && a > 0 ? `${(b / a).toFixed(2)}×` : '–');

function figures(r: Run): [string, number, (x: number) => string][] {
  const rows: [string, number, (x: number) => string][] = [];
  const kinds: (Kind | 'all')[] = ['day', 'photo', 'entry', 'all'];
  for (const k of kinds) {
    const ms = r.phones.timings.filter((t) => k === 'all' || t.kind === k).map((t) => t.ms);
    rows.push([`${k}: requests`, ms.length, f0]);
    for (const [q, name] of [
      [0.5, 'p50'],
      [0.95, 'p95'],
      [0.99, 'p99'],
      [1, 'max'],
    ] as const)
      rows.push([`${k}: ${name} ms`, quantile(ms, q), f1]);
  }
  const s = r.phones.wallMs / 1000;
  rows.push(
    ['wall time s', s, f1],
    ['requests/s', r.phones.timings.length / s, f0],
    ['visits/s', r.phones.visits / s, f1],
    ['server peak RSS MB', r.peakMb, f0],
  );
  if (r.settleMs !== null) rows.push(['district settled after s', r.settleMs / 1000, f1]);
  return rows;
}

async function main(): Promise<number> {
  const root = mkdtempSync(path.join(tmpdir(), 'haze-bench-serve-'));
  const runs: Run[] = [];
  let server: BenchServer | null = null;
  try {
    runs.push(await runOnce('SQLite', path.join(root, 'sqlite'), null));
    if (!flag('--no-pg')) {
      try {
        server = await benchServer(ROOT, process.env.HAZE_BENCH_PG ?? process.env.HAZE_TEST_PG);
      } catch (err) {
        process.stderr.write(`PostgreSQL: no server (${err instanceof Error ? err.message : String(err)}): skipped\n`);
      }
      if (server) runs.push(await runOnce('PostgreSQL', path.join(root, 'pg'), await server.freshDatabase('serve')));
    }
  } finally {
    await server?.stop(flag('--keep'));
    if (!flag('--keep')) rmSync(root, { recursive: true, force: true });
    else process.stderr.write(`kept: ${root}\n`);
  }

  const [a, b] = runs as [Run, Run | undefined];
  console.log(`\nhaze serve under load${STAND_IN ? " — the bench's STAND-IN routes (bench/serve/standIn.ts), not the real inspector routes" : ''}`);
  console.log(
    `${GROUPS} phones × ${a.want.inspections! / GROUPS} visits, ${a.want.results} items (${(a.want.results! / a.want.inspections!).toFixed(1)} a visit), one photo a visit; ${DAY}, HAZE_NOW ${SERVE_NOW}\n`,
  );
  const fa = figures(a);
  const fb = b ? figures(b) : null;
  console.log(b ? '| | SQLite | PostgreSQL | PG / SQLite |\n|---|---:|---:|---:|' : '| | SQLite |\n|---|---:|');
  fa.forEach(([name, v, fmt], i) => {
    const w = fb?.find((x) => x[0] === name);
    console.log(b ? `| ${name} | ${fmt(v)} | ${w ? w[2](w[1]) : '–'} | ${w ? ratio(v, w[1]) : '–'} |` : `| ${name} | ${fmt(v)} |`);
    void i;
  });
  if (fb) for (const [name, v, fmt] of fb.filter((x) => !fa.some((y) => y[0] === x[0]))) console.log(`| ${name} | – | ${fmt(v)} | – |`);

  let failed = false;
  console.log('\ncounts in the store after (expected → found):');
  for (const r of runs) {
    for (const [k, want] of Object.entries(r.want)) {
      const got = r.counts[k];
      const ok = got === want;
      if (!ok) failed = true;
      console.log(`  ${r.label} ${k}: ${want} → ${got ?? '–'}${ok ? '' : '  MISMATCH'}`);
    }
    if (r.phones.failures.length > 0) {
      failed = true;
      console.log(`  ${r.label}: ${r.phones.failures.length} requests failed; the first: ${r.phones.failures.slice(0, 3).join(' | ')}`);
    }
    if (r.serverErr.trim()) console.log(`  ${r.label} server stderr: ${r.serverErr.trim().slice(0, 1000)}`);
  }
  const p95 = quantile(
    a.phones.timings.map((t) => t.ms),
    0.95,
  );
  console.log(
    `\np95 over all requests (SQLite): ${p95.toFixed(1)} ms (target < ${P95_TARGET_MS} ms): ${failed ? 'not judged (the run failed)' : p95 < P95_TARGET_MS ? 'met' : 'NOT met'}`,
  );
  if (failed) console.log('FAILED: a count is off or requests failed');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench:serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
