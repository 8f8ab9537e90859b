/**
 * TSPLIB benchmark of the route solver: `npm run bench:tsp -- [files or folders] [options]`.
 * One JSON line per instance on stdout, then a summary line; progress on stderr.
 * Options: --time-limit-ms N (per instance, default 2000), --seed N (default 1),
 *          --max-kicks N (default: no kick limit, the clock decides), --tour-out DIR (writes NAME.tour).
 * With no files, runs bench/data/tsplib (the repository's copy of the TSPLIB instances).
 * Optima come from an optima.json beside each file (key = instance name, field optimal_length).
 */

import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { EXIT, HazeError } from '../src/errors.js';
import { solveTour, tourLength } from '../src/core/routing/tsp.js';
import { formatTsplibTour, parseTsplibProblem, tsplibDistance } from '../src/core/routing/tsplib.js';

interface BenchOptions {
  inputs: string[];
  timeLimitMs: number;
  seed: number;
  maxKicks: number;
  tourOut: string | null;
}

/** dist-bench/bench/tsp.js → the repository root is two levels up. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    inputs: [],
    timeLimitMs: 2000,
    seed: 1,
    maxKicks: Number.MAX_SAFE_INTEGER,
    tourOut: null,
  };
  const numberAfter = (flag: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (value === undefined || !Number.isFinite(parsed) || parsed < 0) throw new Error(`${flag} needs a non-negative number`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--time-limit-ms') options.timeLimitMs = numberAfter(arg, argv[++i]);
    else if (arg === '--seed') options.seed = numberAfter(arg, argv[++i]);
    else if (arg === '--max-kicks') options.maxKicks = numberAfter(arg, argv[++i]);
    else if (arg === '--tour-out') {
      const dir = argv[++i];
      if (dir === undefined) throw new Error('--tour-out needs a folder');
      options.tourOut = dir;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) options.inputs.push(path.resolve(repoRoot, 'bench/data/tsplib'));
  return options;
}

function tspFiles(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (statSync(input).isDirectory()) {
      for (const name of readdirSync(input).sort()) if (name.endsWith('.tsp')) files.push(path.join(input, name));
    } else files.push(input);
  }
  return files;
}

const optimaByFolder = new Map<string, Record<string, { optimal_length?: number }>>();

function optimumOf(file: string, name: string): number | null {
  const folder = path.dirname(file);
  if (!optimaByFolder.has(folder)) {
    const optimaFile = path.join(folder, 'optima.json');
    optimaByFolder.set(folder, existsSync(optimaFile) ? JSON.parse(readFileSync(optimaFile, 'utf8')) : {});
  }
  return optimaByFolder.get(folder)![name]?.optimal_length ?? null;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const problems = tspFiles(options.inputs).map((file) => ({ file, problem: parseTsplibProblem(readFileSync(file, 'utf8'), file) }));
  problems.sort((a, b) => a.problem.dimension - b.problem.dimension || a.problem.name.localeCompare(b.problem.name));
  if (options.tourOut !== null) mkdirSync(options.tourOut, { recursive: true });

  const gaps: number[] = [];
  let totalMs = 0;
  for (const { file, problem } of problems) {
    const name = problem.name || path.basename(file, '.tsp');
    process.stderr.write(`${name} (n=${problem.dimension}) …\n`);
    const dist = tsplibDistance(problem);
    const started = performance.now();
    const deadline = started + options.timeLimitMs;
    const tour = solveTour(problem.dimension, dist, {
      seed: options.seed,
      maxKicks: options.maxKicks,
      shouldStop: () => performance.now() >= deadline,
    });
    const ms = performance.now() - started;
    totalMs += ms;
    // Check the solver's claims independently: a permutation, and the length it reports.
    const seen = new Set(tour.order);
    if (seen.size !== problem.dimension || tour.order.some((c) => !(c >= 0 && c < problem.dimension))) {
      process.stderr.write(`${name}: the tour is not a permutation\n`);
      process.exitCode = EXIT.software;
    }
    if (tourLength(tour.order, dist) !== tour.length) {
      process.stderr.write(`${name}: reported length ${tour.length} is not the tour's length\n`);
      process.exitCode = EXIT.software;
    }
    const optimum = optimumOf(file, name);
    const gap = optimum === null ? null : (100 * (tour.length - optimum)) / optimum;
    if (gap !== null) gaps.push(gap);
    const line = { instance: name, n: problem.dimension, length: tour.length, optimum, gap_pct: gap === null ? null : round(gap, 3), ms: Math.round(ms) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    if (options.tourOut !== null) {
      const comment = `Length ${tour.length}, haze solveTour seed ${options.seed}, ${Math.round(ms)} ms`;
      writeFileSync(path.join(options.tourOut, `${name}.tour`), formatTsplibTour(`${name}.tour`, tour.order, comment));
    }
  }
  const summary = {
    summary: true,
    count: problems.length,
    with_optimum: gaps.length,
    mean_gap_pct: gaps.length === 0 ? null : round(gaps.reduce((s, g) => s + g, 0) / gaps.length, 3),
    max_gap_pct: gaps.length === 0 ? null : round(Math.max(...gaps), 3),
    total_ms: Math.round(totalMs),
    time_limit_ms: options.timeLimitMs,
    seed: options.seed,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench:tsp: ${error instanceof Error ? error.message : String(error)}\n`);
  // GUIDE §3.6: 66 input missing, a HazeError's own code (65 for a malformed file), else 64 usage.
  const code = (error as { code?: unknown }).code;
  process.exitCode = error instanceof HazeError ? error.exitCode : code === 'ENOENT' ? EXIT.noInput : EXIT.usage;
}
