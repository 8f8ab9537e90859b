/**
 * The printed pages in a real browser: playwright-core drives Debian's chromium (installed by .ci/run),
 * prints the sample town's checklists and plan to PDF, and checks them with poppler-utils: the page count,
 * every enterprise of the day in the PDF's text, nothing wider than the printable area, the map's stops in
 * the route table's order, and fonts that cover every character printed. The first two pages are kept as
 * PNG in test-output/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { haze, tempDir } from '../helpers/runHaze.js';
import { browserSuite, CHROMIUM, OUT, PRINTABLE_PX } from '../helpers/browser.js';

const POPPLER = ['pdfinfo', 'pdftotext', 'pdffonts', 'pdftoppm'];
const FONTCONFIG = ['fc-list', 'fc-query'];
const { suite, openForPrint } = browserSuite('test/browser/print.test.ts', [...POPPLER, ...FONTCONFIG], 'poppler-utils fontconfig fonts-wqy-microhei');

interface Row {
  date: string;
  group: string;
  seq: number;
  credit_code: string;
  name: string;
}

/** The plan as `haze plan` gives it, for the expected pages (the checklist plans from the alert's first day). */
/**
 * The visits of `date` in a plan from `from`. A checklist's day is planned as its own day (the sample's power
 * and gate records of the night before rank it then), so a checklist is compared with the plan from its date.
 */
function planned(days: number, date: string, from = '2019-12-08'): Row[] {
  const r = haze(['plan', '--date', from, '--days', String(days), '--format', 'json']);
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as Row[]).filter((x) => x.date === date);
}

function writeWith(args: string[], file: string): string {
  const dir = tempDir();
  const r = haze([...args, '-o', file], { cwd: dir, env: { HAZE_CHROMIUM: CHROMIUM } });
  if (r.status !== 0) throw new Error(`haze ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return join(dir, file);
}

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function pdfPages(pdf: string): { pages: number; size: string } {
  const info = sh('pdfinfo', [pdf]);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]), size: /^Page size:\s+(.*)$/m.exec(info)![1]! };
}

interface PdfFont {
  name: string;
  type: string;
  emb: string;
  uni: string;
}

function pdfFonts(pdf: string): PdfFont[] {
  return sh('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      // name, then type (may hold spaces), encoding, emb, sub, uni, object, generation
      const cols = l.trim().split(/\s+/);
      const n = cols.length;
      return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), emb: cols[n - 5]!, uni: cols[n - 3]! };
    });
}

/** The characters a font file covers, by its PostScript name (fc-list finds the file, fc-query reads it). */
function fontCharset(postscriptName: string): (cp: number) => boolean {
  const files = sh('fc-list', ['--format', '%{postscriptname}\t%{file}\n'])
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c[0] === postscriptName);
  if (files.length === 0) throw new Error(`no installed font has the PostScript name ${postscriptName}`);
  const faces = sh('fc-query', ['--format', '%{postscriptname}\t%{charset}\n', files[0]![1]!])
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c[0] === postscriptName);
  const ranges = faces[0]![1]!
    .split(' ')
    .filter(Boolean)
    .map((r) => r.split('-').map((h) => parseInt(h, 16)));
  return (cp) => ranges.some(([a, b]) => cp >= a! && cp <= (b ?? a!));
}

const printed = new Map<string, string>();

async function printToPdf(page: Page, name: string): Promise<string> {
  const pdf = join(tempDir(), `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  printed.set(name, pdf);
  return pdf;
}

/** Nothing sticks out to the side, and no sheet holds more than one sheet of content. */
async function expectInsidePrintable(page: Page): Promise<void> {
  const found = await page.evaluate((limit) => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > limit + 0.5 || r.left < -0.5);
      })
      .map(describe);
    const spilled = [...document.querySelectorAll('.page')].filter((p) => p.scrollHeight > p.clientHeight + 1).map(describe);
    const pageWidth = document.querySelector('.page')!.getBoundingClientRect().width;
    return { wide, spilled, pageWidth, scrollWidth: document.documentElement.scrollWidth };
  }, PRINTABLE_PX);
  expect(found.pageWidth).toBeCloseTo(PRINTABLE_PX, 0);
  expect(found.wide).toEqual([]);
  expect(found.spilled).toEqual([]);
  expect(found.scrollWidth).toBeLessThanOrEqual(Math.ceil(PRINTABLE_PX));
}

/** On every map: stops in the same order as the route table, the path through them in that order, labels as drawn. */
async function mapFacts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.page')].flatMap((p) => {
      const svg = p.querySelector('svg.route-map');
      if (!svg) return [];
      const groups = [...new Set([...svg.querySelectorAll('g.stop')].map((g) => g.getAttribute('data-group')!))];
      const perGroup = groups.map((group) => {
        const stops = [...svg.querySelectorAll(`g.stop[data-group="${group}"]`)];
        const line = svg
          .querySelector(`polyline.route[data-group="${group}"]`)!
          .getAttribute('points')!
          .split(' ')
          .map((xy) => xy.split(',').map(Number));
        const scope =
          p.querySelectorAll(`.plan-group[data-group="${group}"]`).length > 0
            ? `.plan-group[data-group="${group}"] tr[data-code]`
            : '.route-table tr[data-code]';
        return {
          group,
          tableCodes: [...p.querySelectorAll(scope)].map((tr) => tr.getAttribute('data-code')),
          mapCodes: stops.map((s) => s.getAttribute('data-code')),
          mapSeqs: stops.map((s) => Number(s.getAttribute('data-seq'))),
          pathMatches: stops.every((s, i) => line[i + 1]![0] === Number(s.getAttribute('data-x')) && line[i + 1]![1] === Number(s.getAttribute('data-y'))),
          pathLength: line.length,
        };
      });
      // Labels as the browser drew them, with the font it chose: each text inside its box, no two boxes over each other.
      const boxes = [...svg.querySelectorAll('.labels rect')].map((r) => r.getBoundingClientRect());
      const texts = [...svg.querySelectorAll('.labels text')].map((t) => t.getBoundingClientRect());
      const textOutside = texts.filter((t, i) => t.left < boxes[i]!.left - 0.5 || t.right > boxes[i]!.right + 0.5).length;
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.left < b.right - 0.1 && b.left < a.right - 0.1 && a.top < b.bottom - 0.1 && b.top < a.bottom - 0.1) overlaps++;
        }
      return [{ perGroup, labels: boxes.length, textOutside, overlaps }];
    }),
  );
}

async function expectMapsFollowTables(page: Page, maps: number): Promise<void> {
  const facts = await mapFacts(page);
  expect(facts.length).toBe(maps);
  for (const m of facts) {
    expect(m.overlaps).toBe(0);
    expect(m.textOutside).toBe(0);
    for (const g of m.perGroup) {
      expect(g.mapCodes.length).toBeGreaterThan(0);
      expect(g.mapCodes).toEqual(g.tableCodes);
      expect(g.mapSeqs).toEqual(g.mapCodes.map((_, i) => i + 1));
      expect(g.pathMatches).toBe(true);
      expect(g.pathLength).toBe(g.mapCodes.length + 2);
    }
  }
}

function expectNamesInPdf(pdf: string, names: readonly string[]): void {
  const text = sh('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, '');
  const missing = names.filter((n) => !text.includes(n.replace(/\s+/g, '')));
  expect(missing).toEqual([]);
}

/** Every embedded font is a real, named, embedded font with a Unicode map, and together they cover every character printed. */
function expectFontsCoverText(pdf: string): void {
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  const bad = fonts.filter((f) => f.name === '[none]' || f.type === 'Type 3' || f.emb !== 'yes' || f.uni !== 'yes');
  // A nameless Type 3 font is what Chromium makes of CFF fonts (Noto Sans CJK) and faked bold: install fonts-wqy-microhei.
  expect(bad).toEqual([]);
  const covers = [...new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].map(fontCharset);
  const text = sh('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  const chars = [...new Set([...text.replace(/\s/g, '')])];
  expect(chars.some((c) => /\p{Script=Han}/u.test(c))).toBe(true);
  const uncovered = chars.filter((c) => !covers.some((has) => has(c.codePointAt(0)!)));
  expect(uncovered).toEqual([]);
}

function keepPngs(pdf: string, name: string): void {
  sh('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '2', pdf, join(OUT, name)]);
  const pngs = sh('sh', ['-c', `ls ${JSON.stringify(OUT)} | grep '^${name}-.*\\.png$'`])
    .trim()
    .split('\n');
  expect(pngs.length).toBe(2);
  for (const f of pngs) expect(statSync(join(OUT, f)).size).toBeGreaterThan(20_000);
}

suite.each([
  { date: '2019-12-08', days: 1 },
  { date: '2019-12-09', days: 2 },
])('checklists of every group on $date', ({ date, days }) => {
  const name = `checklist-${date}`;
  let rows: Row[];
  let html: string;
  let page: Page;
  let pdf: string;

  beforeAll(async () => {
    rows = planned(days, date, date);
    html = writeWith(['checklist', '--date', date, '--group', 'all', '--format', 'html'], `${name}.html`);
    page = await openForPrint(html);
    pdf = await printToPdf(page, name);
  }, 60_000);
  afterAll(async () => page?.close());

  test('one cover per group, one page per visit and one per visit with clues, on A4', () => {
    const groups = new Set(rows.map((r) => r.group)).size;
    expect(rows.length).toBeGreaterThan(10);
    const info = pdfPages(pdf);
    // The sample's evidence gives clues from the night of the 8th: the 9th's visits carry clue sheets.
    const clueSheets = (readFileSync(html, 'utf8').match(/class="page clues"/g) ?? []).length;
    if (date === '2019-12-09') expect(clueSheets).toBeGreaterThan(0);
    expect(info.pages).toBe(3 + rows.length + clueSheets);
    expect(groups).toBe(3);
    expect(info.size).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  });

  test('every enterprise of the day is in the PDF text', () =>
    expectNamesInPdf(
      pdf,
      rows.map((r) => r.name),
    ));
  test('no element wider than the printable area, no sheet spills', () => expectInsidePrintable(page));
  test("each cover map shows the stops in the route table's order", () => expectMapsFollowTables(page, 3));
  test('the embedded fonts cover all the text, Chinese included', () => expectFontsCoverText(pdf));
  test('the first two pages are kept as PNG in test-output/', () => keepPngs(pdf, name));
});

suite('plan page', () => {
  let rows: Row[];
  let page: Page;
  let pdf: string;

  beforeAll(async () => {
    rows = [...planned(2, '2019-12-08'), ...planned(2, '2019-12-09')];
    page = await openForPrint(writeWith(['plan', '--date', '2019-12-08', '--days', '2', '--format', 'html'], 'plan.html'));
    pdf = await printToPdf(page, 'plan');
  }, 60_000);
  afterAll(async () => page?.close());

  test('one A4 sheet per day', () => expect(pdfPages(pdf).pages).toBe(2));
  test('every enterprise of both days is in the PDF text', () =>
    expectNamesInPdf(
      pdf,
      rows.map((r) => r.name),
    ));
  test('no element wider than the printable area, no sheet spills', () => expectInsidePrintable(page));
  test("each group's stops on the map follow its route table", () => expectMapsFollowTables(page, 2));
  test('the embedded fonts cover all the text', () => expectFontsCoverText(pdf));
  test('the first two pages are kept as PNG in test-output/', () => keepPngs(pdf, 'plan'));
});

// English words run longer than Chinese: the same pages must hold them.
suite('checklists and plan in English (--lang en)', () => {
  let rows: Row[];
  let checklist: Page;
  let plan: Page;
  let checklistPdf: string;
  let planPdf: string;

  beforeAll(async () => {
    rows = planned(1, '2019-12-08');
    checklist = await openForPrint(writeWith(['--lang', 'en', 'checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'html'], 'checklist-en.html'));
    checklistPdf = await printToPdf(checklist, 'checklist-en');
    plan = await openForPrint(writeWith(['--lang', 'en', 'plan', '--date', '2019-12-08', '--days', '1', '--format', 'html'], 'plan-en.html'));
    planPdf = await printToPdf(plan, 'plan-en');
  }, 90_000);
  afterAll(async () => {
    await checklist?.close();
    await plan?.close();
  });

  test('as many sheets as in Chinese: one cover per group, one per visit; one for the plan', () => {
    expect(pdfPages(checklistPdf).pages).toBe(3 + rows.length);
    expect(pdfPages(planPdf).pages).toBe(1);
  });
  test('no element wider than the printable area, no sheet spills', async () => {
    await expectInsidePrintable(checklist);
    await expectInsidePrintable(plan);
  });
  test('the embedded fonts cover all the text', () => {
    expectFontsCoverText(checklistPdf);
    expectFontsCoverText(planPdf);
  });
  test('the first two pages are kept as PNG in test-output/', () => {
    keepPngs(checklistPdf, 'checklist-en');
  });
});

suite('haze --format pdf', () => {
  test('prints through the local Chromium: the same pages as the browser', () => {
    const rows = planned(1, '2019-12-08').filter((r) => r.group === '1');
    const file = writeWith(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'pdf'], '第一组.pdf');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(file).pages).toBe(1 + rows.length);
    expectNamesInPdf(
      file,
      rows.map((r) => r.name),
    );
    expectFontsCoverText(file);
  }, 60_000);
});

// Needs no browser: it runs everywhere.
describe('haze --format pdf without a browser', () => {
  test('without a browser: exit 69, the hint to use --format html, no file', () => {
    const dir = tempDir();
    for (const cmd of [
      ['checklist', '--date', '2019-12-08', '--group', '1'],
      ['plan', '--date', '2019-12-08'],
    ]) {
      const r = haze([...cmd, '--format', 'pdf', '-o', 'x.pdf'], { cwd: dir, env: { HAZE_CHROMIUM: '/nonexistent/chromium' } });
      expect(r.status).toBe(69);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('/nonexistent/chromium');
      expect(r.stderr).toContain('--format html');
      expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    }
  });
});
