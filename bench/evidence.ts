/**
 * Evidence at scale: `npm run bench:evidence [-- --points 500 --days 60 --keep]` (builds dist first: it times the
 * built bin/haze.js). Writes, into a temporary folder (never the repository), N meter points on the sample town's
 * plants and D days of their 15-minute readings in the long layout (500 × 96 × 60 ≈ 2.9 million rows), then
 * runs side by side, each in its own process with its peak memory measured inside it (bench/evidence/peakRss.mjs):
 *   (a) a bare csv-parse stream pass over the readings file, counting rows (bench/evidence/bareParse.mjs);
 *   (b) `haze evidence import points.csv readings.csv` into a fresh workspace (haze init, the sample's list and
 *       groups, the seed's alert issued);
 *   (c) `haze evidence check --format json` (stdout to /dev/null).
 * Prints a markdown table of the time and peak memory of each, import/parse and check/parse, against the
 * issue's targets (import ≤ 3× the parse, check ≤ 1× the parse, peak < 500 MB). A step that fails is shown as
 * failed with the end of its stderr, and the bench exits 1; a missed target only shows in the table.
 * `--points 50 --days 7` is a quick check.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { requiredMeasure } from '../src/core/rules/requiredMeasure.js';
import { loadList } from '../src/io/read/loadList.js';
import { loadRuleTable } from '../src/io/read/ruleFile.js';
import { benchPointsCsv, writeLongReadings, type BenchPlant } from './evidence/longReadings.js';

/** dist-bench/bench/evidence.js → the repository root is two levels up. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAZE = path.join(repoRoot, 'bin/haze.js');
const PEAK_RSS = path.join(repoRoot, 'bench/evidence/peakRss.mjs');
const BARE_PARSE = path.join(repoRoot, 'bench/evidence/bareParse.mjs');
const SAMPLE = path.join(repoRoot, 'data/xuebu');
const SEED = 20191208;
const PEAK_TARGET_MB = 500;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return n;
}
const nPoints = flag('--points', 500);
const nDays = flag('--days', 60);
const keep = process.argv.includes('--keep');

interface Step {
  label: string;
  args: string[];
  /** The ratio to the bare parse the issue asks for; null for the parse itself. */
  target: number | null;
  /** Where stdout goes: the check's JSON to /dev/null, the others kept (short) for the message. */
  stdoutToNull?: boolean;
}
interface Run {
  step: Step;
  status: number | null;
  ms: number;
  peakMb: number | null;
  stdout: string;
  stderrTail: string;
}

// The user's environment, less anything that would point haze elsewhere; "now" after the readings' last day.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HAZE_') && k !== 'NODE_OPTIONS')),
  NO_COLOR: '1',
  HAZE_NOW: '2019-12-11 08:00',
};

function run(step: Step, cwd: string): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, ...step.args], {
    cwd,
    env,
    stdio: ['ignore', step.stdoutToNull ? openSync('/dev/null', 'w') : 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const stderr = r.stderr ?? '';
  const peak = /haze-bench peak-rss-kb=(\d+)/.exec(stderr);
  const lines = stderr
    .replace(/\n?haze-bench peak-rss-kb=\d+\n?/, '')
    .trimEnd()
    .split('\n');
  return {
    step,
    status: r.status,
    ms,
    peakMb: peak ? Number(peak[1]) / 1024 : null,
    stdout: r.stdout ?? '',
    stderrTail: (r.error ? String(r.error) : lines.slice(-12).join('\n')) || '(no stderr)',
  };
}

/** A setting-up command (init, alert): not timed; its failure stops the bench. */
function setUp(args: string[], cwd: string): void {
  const r = spawnSync(process.execPath, [HAZE, ...args], { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`haze ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
}

/** The sample's plants with a production order at orange first (stop, stop_part, limit), then the rest. */
function benchPlants(): BenchPlant[] {
  const list = loadList(path.join(SAMPLE, 'enterprises.csv'));
  const rules = loadRuleTable([path.join(repoRoot, 'data/rules/default.yaml')]);
  const all = list.enterprises.map((e) => {
    const m = requiredMeasure(e, 'orange', rules);
    return { e, action: m.action, limitPct: m.limitPct };
  });
  const ordered = (p: BenchPlant) => p.action === 'stop' || p.action === 'stop_part' || p.action === 'limit';
  return [...all.filter(ordered), ...all.filter((p) => !ordered(p))];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => (ms / 1000).toFixed(2);

function main(): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'haze-bench-evidence-'));
  try {
    const plants = benchPlants();
    const pointsFile = path.join(dir, 'points.csv');
    const readingsFile = path.join(dir, 'readings.csv');
    process.stderr.write(`writing ${nPoints} points × ${nDays} days of 15-minute readings into ${dir} …\n`);
    const g0 = performance.now();
    writeFileSync(pointsFile, benchPointsCsv(plants, nPoints, SEED));
    const rows = writeLongReadings(readingsFile, plants, nPoints, nDays, SEED);
    process.stderr.write(`  ${rows.toLocaleString('en')} rows, ${mb(statSync(readingsFile).size)}, written in ${secs(performance.now() - g0)} s\n`);

    // A fresh workspace: haze init, the sample town's list and groups, the seed's alert.
    setUp(['init'], dir);
    for (const f of ['enterprises.csv', 'groups.yaml']) copyFileSync(path.join(SAMPLE, f), path.join(dir, f));
    setUp(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], dir);

    const steps: Step[] = [
      { label: '(a) bare csv-parse pass', args: [BARE_PARSE, readingsFile], target: null },
      { label: '(b) haze evidence import', args: [HAZE, 'evidence', 'import', 'points.csv', 'readings.csv'], target: 3 },
      { label: '(c) haze evidence check', args: [HAZE, 'evidence', 'check', '--format', 'json'], target: 1, stdoutToNull: true },
    ];
    const runs: Run[] = [];
    for (const s of steps) {
      process.stderr.write(`${s.label} …\n`);
      runs.push(run(s, dir));
    }
    const parse = runs[0]!;
    const counted = Number(parse.stdout.trim());

    console.log(`\n${nPoints} points × 96 readings a day × ${nDays} days = ${rows.toLocaleString('en')} rows (${mb(statSync(readingsFile).size)})\n`);
    console.log('| step | exit | time (s) | peak (MB) | ratio to parse | target | met |');
    console.log('|---|---|---|---|---|---|---|');
    let failed = false;
    for (const r of runs) {
      const ok = r.status === 0;
      failed ||= !ok;
      const ratio = r.step.target === null || !ok || parse.status !== 0 ? null : r.ms / parse.ms;
      const peakOk = r.peakMb !== null && r.peakMb < PEAK_TARGET_MB;
      const met = !ok ? 'FAILED' : r.step.target === null ? (peakOk ? 'yes' : 'no (peak)') : ratio !== null && ratio <= r.step.target && peakOk ? 'yes' : 'no';
      console.log(
        `| ${r.step.label} | ${r.status ?? 'killed'} | ${secs(r.ms)} | ${r.peakMb === null ? '–' : r.peakMb.toFixed(0)} | ${ratio === null ? '–' : `${ratio.toFixed(2)}×`} | ${r.step.target === null ? `peak < ${PEAK_TARGET_MB} MB` : `≤ ${r.step.target}× and peak < ${PEAK_TARGET_MB} MB`} | ${met} |`,
      );
    }
    if (parse.status === 0 && counted !== rows) {
      console.log(`\nthe bare parse counted ${counted} rows, the generator wrote ${rows}`);
      failed = true;
    }
    for (const r of runs.filter((x) => x.status !== 0))
      console.log(`\n${r.step.label} failed (exit ${r.status ?? 'killed'}); the end of its stderr:\n\n    ${r.stderrTail.split('\n').join('\n    ')}`);
    return failed ? 1 : 0;
  } finally {
    if (keep) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
