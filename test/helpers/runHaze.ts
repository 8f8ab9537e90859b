/** Spawn the built binary the way a user runs it: its own working directory, no colour, stdout and stderr apart. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = process.cwd();
export const HAZE = resolve(REPO, 'bin/haze.js');
export const FIXTURES = resolve(REPO, 'test/fixtures');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function haze(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...opts.env };
  const r = spawnSync(process.execPath, [HAZE, ...args], {
    cwd: opts.cwd ?? tempDir(),
    env,
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'haze-test-'));
}

/** Run through a shell pipeline (for `| head -1`): returns the shell's status and stderr. */
export function hazeShell(pipeline: string, cwd = tempDir()): Run {
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', pipeline.replaceAll('haze ', `"${process.execPath}" "${HAZE}" `)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
