/**
 * Start-up time: `npm run bench:startup [-- --runs 10]` (builds dist first: it times the built bin/haze.js).
 * Runs, side by side in one run, `node -e 0`, `haze --version`, `haze --help` and `haze measures` on the
 * embedded sample town (stdout and stderr to /dev/null, in an empty temporary folder): round after round,
 * each command once a round, so that a machine busier at one moment slows all of them alike. Prints a
 * markdown table of the best wall time of each and its ratio to `node -e 0`, against the targets (2.5× for
 * --version and --help, 4× for measures). Exit 1 when a command fails; a missed target only shows in the table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAZE = path.join(repoRoot, 'bin/haze.js');

interface Case {
  label: string;
  args: string[];
  /** The ratio to `node -e 0` the issue asks for; null for the baseline itself. */
  target: number | null;
}

const CASES: Case[] = [
  { label: 'node -e 0', args: ['-e', '0'], target: null },
  { label: 'haze --version', args: [HAZE, '--version'], target: 2.5 },
  { label: 'haze --help', args: [HAZE, '--help'], target: 2.5 },
  { label: 'haze measures (sample town)', args: [HAZE, 'measures'], target: 4 },
];

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return n;
}

const runs = flag('--runs', 10);
// No haze.yaml here, so haze uses the embedded sample; whatever it might write goes away with the folder.
const cwd = mkdtempSync(path.join(tmpdir(), 'haze-bench-startup-'));
// The user's environment, less anything that would point haze elsewhere.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HAZE_') && k !== 'NODE_OPTIONS'));

function once(c: Case): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    process.stderr.write(`${c.label}: exit ${r.status ?? r.signal}\n${r.stderr}`);
    process.exit(1);
  }
  return ms;
}

const best = new Map<Case, number>(CASES.map((c) => [c, Infinity]));
try {
  for (const c of CASES) once(c); // warm the file cache: the first run of each is not counted
  for (let i = 0; i < runs; i++) {
    for (const c of CASES) best.set(c, Math.min(best.get(c)!, once(c)));
    process.stderr.write(`\rround ${i + 1}/${runs}`);
  }
  process.stderr.write('\n');
} finally {
  rmSync(cwd, { recursive: true, force: true });
}

const base = best.get(CASES[0]!)!;
const lines = [
  `node ${process.version}, best of ${runs}`,
  '',
  '| command | best (ms) | × node -e 0 | target |',
  '| --- | ---: | ---: | --- |',
  ...CASES.map((c) => {
    const ms = best.get(c)!;
    const ratio = ms / base;
    const target = c.target === null ? '' : `≤ ${c.target}× ${ratio <= c.target ? 'met' : 'missed'}`;
    return `| ${c.label} | ${ms.toFixed(0)} | ${ratio.toFixed(2)} | ${target} |`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
