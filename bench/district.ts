/**
 * A district on one database (issue 17): `npm run bench:district [-- --towns 20 --enterprises 500 --days 10
 * --evidence-plants 30 --keep]` (builds dist first: it times the built bin/haze.js). Writes, into a temporary
 * folder, N town workspaces of 金坛区 with their stores (bench/district/generate.ts: list, groups, alert,
 * evidence, D days of results and findings) and one workspace holding every town's rows, then times, each a
 * child process with its peak memory measured inside it (bench/evidence/peakRss.mjs):
 *   (a) `haze report --format json --from D1 --to DN` on the single store (the baseline);
 *   (b) `haze db push URL` of the first town, then the same push again (which sends nothing);
 *   (c) the N towns pushed one after another, and N at once (into a second fresh database);
 *   (d) `haze --db URL report --district --format json --from D1 --to DN` over what was pushed.
 * The server: HAZE_BENCH_PG (a superuser's connection string) when set, else a throwaway cluster from
 * scripts/pg-cluster.sh, stopped at the end. Prints a markdown table (what, rows, exit, seconds, peak MB) with
 * the issue's targets beside it: the district report within 2× the single-store report, one town's push within
 * 10 s. A command this build does not have is "not available on this build"; a step that fails is shown with
 * the end of its stderr and the bench exits 1. `--towns 2 --enterprises 50 --days 3` is a quick check.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { maskUrl } from '../src/io/store/district/connect.js';
import { combined, runChild, skippedRun, type ChildRun } from './district/children.js';
import { FULL_SIZE, generateDistrict, MAX_TOWNS, type DistrictSize, type StoreCounts } from './district/generate.js';
import { benchServer, type BenchServer } from './district/pgServer.js';

/** dist-bench/bench/district.js → the repository root is two levels up. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAZE = path.join(repoRoot, 'bin/haze.js');
const PEAK_RSS = path.join(repoRoot, 'bench/evidence/peakRss.mjs');
const REPORT_RATIO_TARGET = 2;
const PUSH_TARGET_S = 10;

function flag(name: string, fallback: number, min = 1): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} takes a whole number ≥ ${min}`);
  return n;
}
const size: DistrictSize = {
  ...FULL_SIZE,
  towns: Math.min(flag('--towns', FULL_SIZE.towns), MAX_TOWNS),
  enterprises: flag('--enterprises', FULL_SIZE.enterprises),
  days: flag('--days', FULL_SIZE.days),
  evidencePlants: flag('--evidence-plants', FULL_SIZE.evidencePlants, 0),
};
const keep = process.argv.includes('--keep');

// The user's environment, less anything that would point haze elsewhere; English messages (the bench reads
// commander's "has no command"); "now" the morning after the last alert day.
function childEnv(lastDay: string): NodeJS.ProcessEnv {
  const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HAZE_') && !k.startsWith('PG') && k !== 'NODE_OPTIONS')),
    NO_COLOR: '1',
    HAZE_LANG: 'en',
    HAZE_NOW: `${next} 08:00`,
  };
}

interface Row {
  what: string;
  rows: string;
  run: ChildRun | null;
  /** In-process steps (the generator) have no exit; their time and peak are given. */
  ms?: number;
  peakMb?: number;
  target: string;
  met: (r: ChildRun) => boolean | null;
}

const n = (x: number) => x.toLocaleString('en');
const secs = (ms: number) => (ms / 1000).toFixed(2);
const rowsOf = (c: StoreCounts) => `${n(c.inspections)} visits · ${n(c.results)} results (${n(c.clueResults)} on clues) · ${n(c.findings)} findings`;
const sum = (cs: readonly StoreCounts[], k: keyof StoreCounts) => cs.reduce((s, c) => s + c[k], 0);

/** Why a step gave no figure. */
const why = (r: ChildRun): string =>
  r.skipped !== undefined ? `skipped: ${r.skipped}` : r.missing ? 'not available on this build' : r.status === 0 ? '–' : 'failed';

function cell(r: Row): { exit: string; s: string; mb: string; met: string } {
  if (!r.run) return { exit: '–', s: secs(r.ms ?? 0), mb: r.peakMb === undefined ? '–' : r.peakMb.toFixed(0), met: '–' };
  const run = r.run;
  if (run.skipped !== undefined) return { exit: '–', s: `skipped: ${run.skipped}`, mb: '–', met: '–' };
  if (run.missing) return { exit: '64', s: 'not available on this build', mb: '–', met: '–' };
  const ok = run.status === 0;
  const met = ok ? r.met(run) : null;
  return {
    exit: String(run.status ?? 'killed'),
    s: secs(run.ms),
    mb: run.peakMb === null ? '–' : run.peakMb.toFixed(0),
    met: !ok ? 'FAILED' : met === null ? '–' : met ? 'yes' : 'no',
  };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'haze-bench-district-'));
  // Without a server the single store's report is still measured; the district's steps say why they did not run.
  let server: BenchServer | null = null;
  let noServer = '';
  try {
    server = await benchServer(repoRoot, process.env.HAZE_BENCH_PG);
  } catch (err) {
    noServer = `no PostgreSQL server (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
  try {
    process.stderr.write(
      `writing ${size.towns} towns × ${size.enterprises} enterprises × ${size.days} days (${size.evidencePlants} plants a town with readings) into ${dir} …\n`,
    );
    const g0 = performance.now();
    const district = await generateDistrict(dir, size, (line) => process.stderr.write(`${line}\n`));
    const genMs = performance.now() - g0;
    const genPeak = process.resourceUsage().maxRSS / 1024;
    const env = childEnv(district.lastDay);
    const range = ['--from', district.firstDay, '--to', district.lastDay];
    const towns = district.towns;
    const all = towns.map((t) => t.counts);
    const allRows = `${n(sum(all, 'inspections'))} visits · ${n(sum(all, 'results'))} results (${n(sum(all, 'clueResults'))} on clues) · ${n(sum(all, 'findings'))} findings`;
    const runHere = (args: string[], cwd: string, stdoutFile?: string) =>
      runChild([HAZE, ...args], { cwd, env, peakRss: PEAK_RSS, ...(stdoutFile ? { stdoutFile } : {}) });
    // A step against the district database: skipped, with the reason, when there is no server.
    const run = (args: string[], cwd: string, stdoutFile?: string) =>
      args.some((a) => a.startsWith('postgres')) && !server ? Promise.resolve(skippedRun(noServer)) : runHere(args, cwd, stdoutFile);
    process.stderr.write(
      server
        ? `server: ${maskUrl(server.adminUrl)}${server.throwaway ? ' (a throwaway cluster)' : ' (HAZE_BENCH_PG)'}\n`
        : `${noServer}: the district's steps are skipped\n`,
    );

    process.stderr.write('(a) haze report on the single store …\n');
    const singleJson = path.join(dir, 'single-report.json');
    const a = await runHere(['report', '--format', 'json', ...range], district.single.dir, singleJson);

    const serialDb = server ? await server.freshDatabase('serial') : 'postgres://';
    const parallelDb = server ? await server.freshDatabase('parallel') : 'postgres://';
    const first = towns[0]!;
    process.stderr.write(`(b) haze db push of ${first.code}, twice …\n`);
    const b1 = await run(['db', 'push', serialDb], first.dir);
    const b2 = await run(['db', 'push', serialDb], first.dir);

    process.stderr.write(`(c) the other ${towns.length - 1} towns one after another, then ${towns.length} at once …\n`);
    const rest: ChildRun[] = [];
    for (const t of towns.slice(1)) rest.push(await run(['db', 'push', serialDb], t.dir));
    const serial = combined([b1, ...rest], b1.ms + rest.reduce((s, r) => s + r.ms, 0));
    const p0 = performance.now();
    const together = await Promise.all(towns.map((t) => run(['db', 'push', parallelDb], t.dir)));
    const parallel = combined(together, performance.now() - p0);

    process.stderr.write('(d) haze report --district …\n');
    // From a folder of its own (no haze.yaml): the district's view needs no town's workspace.
    const officeDir = path.join(dir, 'district-office');
    mkdirSync(officeDir);
    const districtJson = path.join(dir, 'district-report.json');
    const d = await run(['--db', serialDb, 'report', '--district', '--format', 'json', ...range], officeDir, districtJson);

    const ratio = a.status === 0 && d.status === 0 ? d.ms / a.ms : null;
    const rows: Row[] = [
      {
        what: 'generate (in process, not a target)',
        rows: `${towns.length} town stores + the single store`,
        run: null,
        ms: genMs,
        peakMb: genPeak,
        target: '–',
        met: () => null,
      },
      { what: '(a) `haze report` on the single store', rows: rowsOf(district.single.counts), run: a, target: 'the baseline', met: () => null },
      {
        what: `(b) \`haze db push\` of one town (first)`,
        rows: rowsOf(first.counts),
        run: b1,
        target: `≤ ${PUSH_TARGET_S} s`,
        met: (r) => r.ms <= PUSH_TARGET_S * 1000,
      },
      { what: '(b) the same push again (sends nothing)', rows: '0 new', run: b2, target: '–', met: () => null },
      { what: `(c) ${towns.length} towns pushed one after another (the first is (b)'s)`, rows: allRows, run: serial, target: '–', met: () => null },
      { what: `(c) ${towns.length} towns pushed at once`, rows: allRows, run: parallel, target: '–', met: () => null },
      {
        what: '(d) `haze report --district`',
        rows: allRows,
        run: d,
        target: `≤ ${REPORT_RATIO_TARGET}× (a)`,
        met: () => (ratio === null ? null : ratio <= REPORT_RATIO_TARGET),
      },
    ];

    console.log(
      `\n${size.towns} towns × ${size.enterprises} enterprises × ${size.days} alert days (${district.firstDay} to ${district.lastDay}); ${size.evidencePlants} plants a town with 15-minute readings (${n(sum(all, 'readings'))} readings in all, kept in the towns)\n`,
    );
    console.log('| what | rows | exit | seconds | peak MB | target | met |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const c = cell(r);
      console.log(`| ${r.what} | ${r.rows} | ${c.exit} | ${c.s} | ${c.mb} | ${r.target} | ${c.met} |`);
    }
    console.log('');
    console.log(`district report / single-store report: ${ratio === null ? why(d) : `${ratio.toFixed(2)}× (target ≤ ${REPORT_RATIO_TARGET}×)`}`);
    console.log(`one town's push of its ${size.days} days: ${b1.status === 0 ? `${secs(b1.ms)} s (target ≤ ${PUSH_TARGET_S} s)` : why(b1)}`);
    let failed = false;
    // The baseline's own sanity: the single store's report counts every visit written.
    if (a.status === 0) {
      const json = JSON.parse(readFileSync(singleJson, 'utf8')) as { coverage?: { total?: { visits?: number } } };
      const seen = json.coverage?.total?.visits;
      console.log(`single-store report: ${n(statSync(singleJson).size)} bytes of JSON, ${seen === undefined ? '?' : n(seen)} visits counted`);
      if (seen !== district.single.counts.inspections) {
        console.log(`  expected ${n(district.single.counts.inspections)} visits`);
        failed = true;
      }
    }
    if (d.status === 0) console.log(`district report: ${n(statSync(districtJson).size)} bytes of JSON`);
    const named: [string, ChildRun][] = [
      ['(a)', a],
      ['(b) first push', b1],
      ['(b) second push', b2],
      ['(c) one after another', serial],
      ['(c) at once', parallel],
      ['(d)', d],
    ];
    for (const [label, r] of named.filter(([, r]) => r.status !== 0 && !r.missing && r.skipped === undefined)) {
      failed = true;
      console.log(`\n${label} failed (exit ${r.status ?? 'killed'}); the end of its stderr:\n\n    ${r.stderrTail.split('\n').join('\n    ')}`);
    }
    return failed ? 1 : 0;
  } finally {
    await server?.stop(keep);
    if (keep) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`bench:district: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
