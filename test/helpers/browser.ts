/**
 * What every browser test shares: Debian's chromium driven by playwright-core (never a browser download), the
 * flags this machine's closed network needs, where the PNGs for a person go, the printable width, and the rule
 * for a machine without the tools — under CI (CI=true, where .ci/run installs them) a failure; on a developer's
 * machine one line says what to install and the file is skipped, so a fresh clone still passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
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
 * or one of the command-line tools is missing outside CI, where it fails the run instead. One Chromium serves
 * the file, launched before its tests and closed after; `openForPrint` opens a page at the printable width
 * with the print media rules on.
 */
export function browserSuite(file: string, tools: readonly string[], packages: string) {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (apt-get install -y chromium, or set HAZE_CHROMIUM)`);
  const lacking = tools.filter((t) => !onPath(t));
  if (lacking.length > 0) missing.push(`${lacking.join(', ')} (apt-get install -y ${packages})`);
  const underCi = process.env.CI === 'true';
  if (missing.length > 0 && !underCi) process.stderr.write(`${file} skipped: it needs ${missing.join('; ')}; .ci/run installs them.\n`);
  const skipped = missing.length > 0 && !underCi;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (skipped) return;
    if (missing.length > 0) throw new Error(`the browser tests need ${missing.join('; ')}. .ci/run installs them; run it as root, or install them by hand.`);
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    suite: skipped ? describe.skip : describe,
    /** A context of its own (a desktop's, a phone's): its cookies shared by its pages only. */
    newContext(opts: BrowserContextOptions = {}): Promise<BrowserContext> {
      return browser!.newContext(opts);
    },
    async openForPrint(html: string, opts: { deviceScaleFactor?: number } = {}): Promise<Page> {
      const page = await browser!.newPage({ viewport: { width: Math.round(PRINTABLE_PX), height: 1100 }, ...opts });
      await page.goto(pathToFileURL(html).href);
      await page.emulateMedia({ media: 'print' });
      return page;
    },
    /** A phone-sized context (390×844, touch, mobile), as the inspector's page is used. */
    phone(): Promise<BrowserContext> {
      return browser!.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    },
  };
}
