/**
 * What every browser test shares: Debian's chromium driven by playwright-core (never a browser download), the
 * flags this machine's closed network needs, where the PNGs for a person go, the printable width, and the rule
 * for a machine without the tools — under CI (CI=true, where .ci/run installs them) a failure; on a developer's
 * machine one line says what to install and the file is skipped, so a fresh clone still passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO } from './runHaze.js';

export const CHROMIUM = process.env.HAZE_CHROMIUM ?? '/usr/bin/chromium';
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots for a person to look at (git-ignored). */
export const OUT = resolve(REPO, 'test-output');
/** 182 mm (A4 less the 14 mm side margins) in CSS pixels. */
export const PRINTABLE_PX = (182 * 96) / 25.4;

const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/**
 * The suite of a browser test file: `describe`, or `describe.skip` (with one line on stderr) when the browser
 * or one of the command-line tools is missing outside CI. `requireTools` fails the run under CI.
 */
export function browserSuite(file: string, tools: readonly string[], packages: string) {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (apt-get install -y chromium, or set HAZE_CHROMIUM)`);
  const lacking = tools.filter((t) => !onPath(t));
  if (lacking.length > 0) missing.push(`${lacking.join(', ')} (apt-get install -y ${packages})`);
  const underCi = process.env.CI === 'true';
  if (missing.length > 0 && !underCi) process.stderr.write(`${file} skipped: it needs ${missing.join('; ')}; .ci/run installs them.\n`);
  return {
    suite: missing.length > 0 && !underCi ? describe.skip : describe,
    skipped: missing.length > 0 && !underCi,
    requireTools(): void {
      if (missing.length > 0) throw new Error(`the browser tests need ${missing.join('; ')}. .ci/run installs them; run it as root, or install them by hand.`);
    },
  };
}
