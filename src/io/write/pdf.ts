/**
 * HTML to PDF through a Chromium already on the machine (Debian's chromium, Chrome or Edge), run as a
 * plain headless process: no browser library at run time, nothing downloaded. The page's own @page rules
 * decide the paper (A4) and margins; the browser's header and footer are off because each page carries its
 * own. Without a browser the command stops with exit 69 and says how to print from the HTML instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE, HazeError, type Text } from '../../errors.js';
import { faultWords } from '../faultWords.js';

/** Where a browser that can print headless usually lives, per platform; HAZE_CHROMIUM comes before all. */
const CANDIDATES: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export interface BrowserLookup {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists(path: string): boolean;
}

/** The browser to print with: HAZE_CHROMIUM when set (and then only it), else the first usual place that exists. */
export function findChromium(look: BrowserLookup): string | null {
  const chosen = look.env.HAZE_CHROMIUM;
  if (chosen) return look.exists(chosen) ? chosen : null;
  return (CANDIDATES[look.platform] ?? []).find((p) => look.exists(p)) ?? null;
}

/** The browser on this machine, or exit 69 with the hint to print from the HTML. */
export function requireChromium(env: Record<string, string | undefined> = process.env): string {
  const found = findChromium({ env, platform: process.platform, exists: existsSync });
  if (found) return found;
  const named = env.HAZE_CHROMIUM;
  throw new HazeError(CODE.HAZE_NO_CHROMIUM, {
    message: named
      ? { zh: `HAZE_CHROMIUM 指向的浏览器不存在：${named}`, en: `HAZE_CHROMIUM names no file: ${named}` }
      : { zh: '找不到可用来生成 PDF 的浏览器（Chromium、Chrome 或 Edge）', en: 'no browser to print the PDF with (Chromium, Chrome or Edge) was found' },
  });
}

/** The flags: headless, no first-run work, no network of its own, a throw-away profile, no browser header/footer. */
export function chromiumArgs(profileDir: string, pdfFile: string, htmlFile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    `--user-data-dir=${profileDir}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

/** Print a self-contained HTML document to PDF bytes. */
export function printPdf(html: string, chromium: string, timeoutMs = 120_000): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'haze-pdf-'));
  try {
    const htmlFile = join(dir, 'page.html');
    const pdfFile = join(dir, 'page.pdf');
    writeFileSync(htmlFile, html);
    const run = spawnSync(chromium, chromiumArgs(join(dir, 'profile'), pdfFile, htmlFile), {
      encoding: 'utf8',
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pdf = existsSync(pdfFile) ? readFileSync(pdfFile) : null;
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const why = run.error ? browserFault(run.error) : { zh: `退出码 ${run.status ?? run.signal}`, en: `exit ${run.status ?? run.signal}` };
      const tail = (run.stderr ?? '')
        .split('\n')
        .filter((l) => l.trim() !== '' && !/dbus|Fontconfig/i.test(l))
        .slice(-3)
        .join(' | ');
      throw new HazeError(CODE.HAZE_PDF_FAILED, {
        message: {
          zh: `浏览器未能生成 PDF（${chromium}：${why.zh}）${tail ? `：${tail}` : ''}`,
          en: `the browser made no PDF (${chromium}: ${why.en})${tail ? `: ${tail}` : ''}`,
        },
      });
    }
    return new Uint8Array(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why the browser did not run, in our words: not there, too slow, or what the system said. */
function browserFault(err: Error): Text {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { zh: '找不到该程序', en: 'no such program' };
  if (code === 'ETIMEDOUT') return { zh: '超时未完成', en: 'it did not finish in time' };
  return faultWords(err, '', 'read');
}
