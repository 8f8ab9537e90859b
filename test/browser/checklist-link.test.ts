/**
 * `haze checklist --link` printed: the covers with the group's QR code still take one A4 sheet each (the same
 * page count as without it), the QR code is drawn at its size inside the printable area, and the line under it
 * is in the PDF's text.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { haze, tempDir } from '../helpers/runHaze.js';
import { browserSuite, CHROMIUM, PRINTABLE_PX } from '../helpers/browser.js';
import { servedWorkspace } from '../helpers/serve.js';

const { suite, openForPrint } = browserSuite('test/browser/checklist-link.test.ts', ['pdfinfo', 'pdftotext'], 'poppler-utils');
const env = { HAZE_NOW: '2019-12-08 15:00', HAZE_CHROMIUM: CHROMIUM };
const LINK = 'http://192.168.1.20:8080';

suite('checklist covers with --link, printed', () => {
  let dir: string;
  let out: string;
  let page: Page;
  beforeAll(async () => {
    dir = servedWorkspace();
    out = tempDir();
    const html = join(out, 'c.html');
    const r = haze(['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'html', '--link', LINK, '-o', html], { cwd: dir, env });
    if (r.status !== 0) throw new Error(r.stderr);
    page = await openForPrint(html);
  }, 120_000);
  afterAll(() => page?.close());

  test('the same number of A4 sheets as without the link; the line under the code is in the text', () => {
    const pages = (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const withLink = join(out, 'with.pdf');
    const without = join(out, 'without.pdf');
    const a = haze(['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'pdf', '--link', LINK, '-o', withLink], { cwd: dir, env });
    expect(a.status).toBe(0);
    const b = haze(['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'pdf', '-o', without], { cwd: dir, env });
    expect(b.status).toBe(0);
    expect(pages(withLink)).toBe(pages(without));
    const text = execFileSync('pdftotext', [withLink, '-'], { encoding: 'utf8' });
    expect(text.split('手机扫码录入检查结果').length - 1).toBe(3);
  }, 120_000);

  test('each cover: the QR code square, about 26 mm, inside the printable width, and nothing spills off the sheet', async () => {
    const boxes = await page.$$eval('section.cover', (covers) =>
      covers.map((c) => {
        const svg = c.querySelector('.link-qr svg')!.getBoundingClientRect();
        return { w: svg.width, h: svg.height, right: svg.right, spill: c.scrollHeight - c.clientHeight };
      }),
    );
    expect(boxes).toHaveLength(3);
    const mm = 96 / 25.4;
    for (const b of boxes) {
      expect(Math.abs(b.w - 26 * mm)).toBeLessThan(1);
      expect(Math.abs(b.h - b.w)).toBeLessThan(0.5);
      expect(b.right).toBeLessThanOrEqual(PRINTABLE_PX + 1);
      expect(b.spill).toBeLessThanOrEqual(0);
    }
  });
});
