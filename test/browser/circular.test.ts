/**
 * The findings circular (haze findings circular) printed in a real browser: playwright-core drives Debian's
 * chromium, prints the sample town's circular after the province's notice is imported, and poppler-utils checks
 * the PDF: A4, one or two sheets, the findings, the enterprises as the notice names them and the notices'
 * numbers in its text, nothing spilled off a sheet. A long notice (30 findings) runs on to a second sheet. The
 * pages are kept as PNG in test-output/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { FIXTURES, haze, REPO, tempDir } from '../helpers/runHaze.js';
import { browserSuite, CHROMIUM, OUT, PRINTABLE_PX } from '../helpers/browser.js';

const POPPLER = ['pdfinfo', 'pdftotext', 'pdftoppm'];
const NOW = { HAZE_NOW: '2019-12-10 10:00', HAZE_CHROMIUM: CHROMIUM };
const { suite, openForPrint } = browserSuite('test/browser/circular.test.ts', POPPLER, 'poppler-utils fonts-wqy-microhei');

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const LIST = (parse(readFileSync(join(REPO, 'data/xuebu/enterprises.csv')), { bom: true, columns: true }) as Record<string, string>[]).map((r) => ({
  code: r['统一社会信用代码']!,
  name: r['企业名称']!,
}));
const TAIHE = LIST.find((e) => e.code === '91320413071301847A')!;

/** A workspace on the sample town with a notice imported, "today" 2019-12-10. */
function workspaceWith(noticeFile: string): string {
  const dir = tempDir();
  copyFileSync(noticeFile, join(dir, 'notice.csv'));
  const r = haze(['findings', 'import', 'notice.csv'], { cwd: dir, env: NOW });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return dir;
}

function writeIn(dir: string, args: string[], file: string): string {
  const r = haze([...args, '-o', file], { cwd: dir, env: NOW });
  if (r.status !== 0) throw new Error(`haze ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return join(dir, file);
}

function pdfPages(pdf: string): { pages: number; size: string } {
  const info = sh('pdfinfo', [pdf]);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]), size: /^Page size:\s+(.*)$/m.exec(info)![1]! };
}

/** The PDF's text with all white space gone: a name wrapped inside its cell still reads as one. */
const pdfText = (pdf: string) => sh('pdftotext', ['-enc', 'UTF-8', '-raw', pdf, '-']).replace(/\s+/g, '');

const A4 = /^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/;

async function printToPdf(page: Page, name: string): Promise<string> {
  const pdf = join(tempDir(), `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return pdf;
}

/** No sheet holds more than a sheet, nothing sticks out to the side. */
async function spills(page: Page): Promise<{ spilled: number; wide: number; sheets: number }> {
  return page.evaluate((limit) => {
    const sheets = [...document.querySelectorAll('.page')];
    return {
      sheets: sheets.length,
      spilled: sheets.filter((p) => p.scrollHeight > p.clientHeight + 1).length,
      wide: [...document.querySelectorAll('body *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > limit + 0.5 || r.left < -0.5);
      }).length,
    };
  }, PRINTABLE_PX);
}

function keepPngs(pdf: string, name: string, pages: number): void {
  sh('pdftoppm', ['-png', '-r', '110', pdf, join(OUT, name)]);
  for (let i = 1; i <= pages; i++) {
    const png = join(OUT, `${name}-${pages > 9 ? String(i).padStart(2, '0') : i}.png`);
    expect(statSync(png).size).toBeGreaterThan(20_000);
  }
}

suite('the circular of the sample town after the province’s notice', () => {
  let page: Page;
  let pdf: string;

  beforeAll(async () => {
    const dir = workspaceWith(join(FIXTURES, 'findings-notice-spelling.csv'));
    page = await openForPrint(writeIn(dir, ['findings', 'circular', '--doc-no', '薛政发〔2019〕88号', '--format', 'html'], 'circular.html'));
    pdf = await printToPdf(page, 'circular');
  }, 60_000);
  afterAll(async () => page?.close());

  test('A4, one sheet, nothing spilled or wider than the printable area', async () => {
    const info = pdfPages(pdf);
    expect(info.size).toMatch(A4);
    expect(info.pages).toBe(1);
    expect(await spills(page)).toEqual({ sheets: 1, spilled: 0, wide: 0 });
  });

  test('the findings, the enterprises as the notice names them, the notices’ numbers and its own number are on the page', () => {
    const text = pdfText(pdf);
    for (const s of [
      '关于2019年12月8日至12月10日省级重污染天气应急暗查情况的通报',
      '薛政发〔2019〕88号',
      '常州振华纺织印染公司',
      TAIHE.name,
      '未落实停产措施，印染车间仍在生产',
      '废气治理设施未运行',
      '一厂一策公示牌未公示当前预警级别',
      '苏大气办〔2019〕12号',
      '苏大气办〔2019〕13号',
      '限12月13日前整改',
      '橙色预警',
    ])
      expect([s, text.includes(s)]).toEqual([s, true]);
    // The list's spelling of 振华 is not what the province wrote, and the finding of 12-07 is outside the range.
    expect(text).not.toContain('常州振华纺织印染有限公司');
    expect(text).not.toContain('台账记录不全');
  });

  test('kept as PNG in test-output/', () => keepPngs(pdf, 'circular', 1));
});

suite('the same circular under --lang en', () => {
  let page: Page;
  let pdf: string;
  let html: string;

  beforeAll(async () => {
    const dir = workspaceWith(join(FIXTURES, 'findings-notice-spelling.csv'));
    html = writeIn(dir, ['--lang', 'en', 'findings', 'circular', '--format', 'html'], 'circular-en.html');
    page = await openForPrint(html);
    pdf = await printToPdf(page, 'circular-en');
  }, 60_000);
  afterAll(async () => page?.close());

  test('English words, still one A4 sheet with nothing spilled', async () => {
    expect(readFileSync(html, 'utf8')).toContain('<html lang="en">');
    const info = pdfPages(pdf);
    expect(info.size).toMatch(A4);
    expect(info.pages).toBe(1);
    expect(await spills(page)).toEqual({ sheets: 1, spilled: 0, wide: 0 });
    const text = pdfText(pdf);
    expect(text).toContain('Circularontheprovincialcovertinspection');
    expect(text).toContain('"苏大气办〔2019〕12号"');
  });

  test('kept as PNG in test-output/', () => keepPngs(pdf, 'circular-en', 1));
});

suite('a long notice: the table runs on to a second sheet', () => {
  let page: Page;
  let pdf: string;
  const named = LIST.slice(0, 30);

  beforeAll(async () => {
    const notice = join(tempDir(), 'long.csv');
    writeFileSync(
      notice,
      [
        '日期,统一社会信用代码,企业名称,问题,来源',
        ...named.map(
          (e, i) =>
            `2019-12-${i % 2 ? '09' : '08'},${e.code},${e.name},${i % 3 ? '未落实停产措施，生产线仍在运行，门禁台账缺失' : '废气治理设施未运行'},苏大气办〔2019〕${12 + (i % 2)}号`,
        ),
      ].join('\n'),
    );
    const dir = workspaceWith(notice);
    page = await openForPrint(writeIn(dir, ['findings', 'circular', '--format', 'html'], 'long.html'));
    pdf = await printToPdf(page, 'circular-long');
  }, 60_000);
  afterAll(async () => page?.close());

  test('two A4 sheets, neither spilled', async () => {
    const info = pdfPages(pdf);
    expect(info.size).toMatch(A4);
    expect(info.pages).toBe(2);
    expect(await spills(page)).toEqual({ sheets: 2, spilled: 0, wide: 0 });
  });

  test('every enterprise named is in the text, and the requirements close it', () => {
    const text = pdfText(pdf);
    expect(named.filter((e) => !text.includes(e.name.replace(/\s+/g, ''))).map((e) => e.name)).toEqual([]);
    expect(text).toContain('第2页/共2页');
    expect(text).toContain('预警期间各企业须执行');
  });

  test('kept as PNG in test-output/', () => keepPngs(pdf, 'circular-long', 2));
});

suite('haze findings circular --format pdf', () => {
  test('prints through the local Chromium: A4, the finding and its number in the text', () => {
    const dir = workspaceWith(join(FIXTURES, 'findings-notice-spelling.csv'));
    const file = writeIn(dir, ['findings', 'circular', '--format', 'pdf'], '暗查情况通报.pdf');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = pdfPages(file);
    expect(info.size).toMatch(A4);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect(info.pages).toBeLessThanOrEqual(2);
    const text = pdfText(file);
    for (const s of ['常州振华纺织印染公司', '废气治理设施未运行', '苏大气办〔2019〕13号']) expect([s, text.includes(s)]).toEqual([s, true]);
  }, 60_000);
});
