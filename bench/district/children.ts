/**
 * The bench's measured runs: each a child process of the built CLI with its peak memory measured inside it
 * (bench/evidence/peakRss.mjs), as bench:evidence measures. Run asynchronously, so that twenty pushes can run at
 * once. A command this build does not have (exit 64 with commander's "has no command / has no option", as
 * `haze db push` and `haze report --district` before issue 17 is merged) is marked missing, not failed.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ChildRun {
  status: number | null;
  ms: number;
  peakMb: number | null;
  /** The command is not in this build: "not available on this build". */
  missing: boolean;
  stderrTail: string;
  /** Not run at all, and why (no PostgreSQL server to push to). */
  skipped?: string;
}

/** A step that could not be run: shown with the reason, neither failed nor missing. */
export const skippedRun = (why: string): ChildRun => ({ status: null, ms: 0, peakMb: null, missing: false, stderrTail: '', skipped: why });

const MISSING = /has no (command|option)|unknown (command|option)/i;

/** Run `node --import peakRss <args>` in cwd; stdout into `stdoutFile` (or /dev/null). */
export function runChild(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; peakRss: string; stdoutFile?: string }): Promise<ChildRun> {
  const out = openSync(opts.stdoutFile ?? '/dev/null', 'w');
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', opts.peakRss, ...args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      // Only the end is ever shown: keep the last 64 kB.
      stderr = (stderr + s).slice(-65536);
    });
    const done = (status: number | null, error?: Error) => {
      const ms = performance.now() - t0;
      closeSync(out);
      const peak = /haze-bench peak-rss-kb=(\d+)/.exec(stderr);
      const text = stderr.replace(/\n?haze-bench peak-rss-kb=\d+\n?/, '').trimEnd();
      resolve({
        status,
        ms,
        peakMb: peak ? Number(peak[1]) / 1024 : null,
        missing: status === 64 && MISSING.test(text),
        stderrTail: (error ? String(error) : text.split('\n').slice(-12).join('\n')) || '(no stderr)',
      });
    };
    child.on('error', (err) => done(null, err));
    child.on('close', (code) => done(code));
  });
}

/** Several runs as one step: the wall time from the first start to the last end, the largest peak, the worst exit. */
export function combined(runs: readonly ChildRun[], ms: number): ChildRun {
  if (runs.some((r) => r.skipped !== undefined)) return runs.find((r) => r.skipped !== undefined)!;
  const failed = runs.find((r) => r.status !== 0 && !r.missing);
  const peaks = runs.map((r) => r.peakMb).filter((p): p is number => p !== null);
  return {
    status: failed ? failed.status : (runs.find((r) => r.status !== 0)?.status ?? 0),
    ms,
    peakMb: peaks.length ? Math.max(...peaks) : null,
    missing: runs.length > 0 && runs.every((r) => r.missing),
    stderrTail: failed?.stderrTail ?? runs[0]?.stderrTail ?? '',
  };
}
