/**
 * The overview map where plants are dense, as Chromium draws it: `haze plan --format html` for the
 * dense-park fixture (40 of 60 enterprises inside about 450 m × 350 m, three groups) and for the sample
 * town, checked from the DOM's own boxes: no stop label covers another label or a stop marker, and every
 * label lies inside its group's area (the browser's isPointInFill) or inside the inset. Screenshots of the
 * maps are kept in test-output/ for a person to look at.
 */
import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, haze, tempDir } from '../helpers/runHaze.js';
import { browserSuite, OUT } from '../helpers/browser.js';

const { suite, openForPrint } = browserSuite('test/browser/overviewMap.test.ts', [], 'chromium');

/** The page written by the CLI (`plan` or `checklist`) in a copy of the workspace (or the sample town when none is given). */
function pageHtml(workspace: string | null, args: string[]): string {
  const dir = tempDir();
  if (workspace) cpSync(workspace, dir, { recursive: true });
  const r = haze([...args, '--format', 'html', '-o', 'page.html'], { cwd: dir });
  if (r.status !== 0) throw new Error(`haze ${args[0]} failed (${r.status}): ${r.stderr}`);
  return join(dir, 'page.html');
}

/** The page at twice the pixels: the labels' boxes are measured, and the screenshots looked at. */
const open = (html: string) => openForPrint(html, { deviceScaleFactor: 2 });

interface MapCheck {
  labels: number;
  stops: number;
  insetLabels: number;
  insets: number;
  overlaps: string[];
  onStops: string[];
  outside: string[];
}

/** Each map's labels against each other, the stop markers, and their group's area or the inset, from the DOM. */
async function checkMaps(page: Page): Promise<MapCheck[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.route-map')].map((svg) => {
      const bb = (el: Element) => (el as SVGGraphicsElement).getBBox();
      const hit = (a: DOMRect, b: DOMRect) =>
        a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01 && a.y < b.y + b.height - 0.01 && b.y < a.y + a.height - 0.01;
      const labels = [...svg.querySelectorAll('g.label')].map((g) => ({
        name: `${g.getAttribute('data-group') ?? 'base'}-${g.getAttribute('data-seq') ?? ''}@${g.getAttribute('data-panel')}`,
        group: g.getAttribute('data-group'),
        panel: g.getAttribute('data-panel'),
        box: bb(g.querySelector('rect')!),
      }));
      const markers = [...svg.querySelectorAll('g.stop, g.inset-stop')].map((g) => ({
        name: `${g.getAttribute('data-group')}-${g.getAttribute('data-seq')}`,
        box: bb(g),
      }));
      const overlaps: string[] = [];
      const onStops: string[] = [];
      const outside: string[] = [];
      labels.forEach((a, i) => {
        for (const b of labels.slice(i + 1)) if (hit(a.box, b.box)) overlaps.push(`${a.name} × ${b.name}`);
        for (const m of markers) if (hit(a.box, m.box)) onStops.push(`${a.name} on ${m.name}`);
        if (a.group === null) return;
        const b = a.box;
        const corners = [
          [b.x, b.y],
          [b.x + b.width, b.y],
          [b.x, b.y + b.height],
          [b.x + b.width, b.y + b.height],
        ];
        if (a.panel === 'inset') {
          const f = bb(svg.querySelector('rect.inset-frame')!);
          if (!corners.every(([x, y]) => x! >= f.x && y! >= f.y && x! <= f.x + f.width && y! <= f.y + f.height)) outside.push(a.name);
        } else {
          // Inside one of its group's area polygons (the area, or a tongue of it round a label drawn apart).
          const polys = [...svg.querySelectorAll(`polygon.area[data-group="${a.group}"][data-panel="main"]`)] as SVGPolygonElement[];
          if (!polys.some((poly) => corners.every(([x, y]) => poly.isPointInFill(new DOMPoint(x, y))))) outside.push(a.name);
        }
      });
      return {
        labels: labels.filter((l) => l.group !== null).length,
        stops: svg.querySelectorAll('g.stop').length,
        insetLabels: labels.filter((l) => l.group !== null && l.panel === 'inset').length,
        insets: svg.querySelectorAll('rect.inset-frame').length,
        overlaps,
        onStops,
        outside,
      };
    }),
  );
}

async function keepScreenshots(page: Page, name: string): Promise<void> {
  const maps = await page.$$('svg.route-map');
  for (const [i, m] of maps.entries()) {
    const file = join(OUT, `${name}-${i + 1}.png`);
    await m.screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(20_000);
  }
}

suite('the dense park overview', () => {
  let page: Page;
  let maps: MapCheck[];
  beforeAll(async () => {
    page = await open(pageHtml(join(FIXTURES, 'dense-park'), ['plan', '--level', 'orange', '--date', '2026-12-01', '--days', '1']));
    maps = await checkMaps(page);
  }, 120_000);
  afterAll(async () => page?.close());

  test('one map, all 60 stops numbered, the park in an inset', () => {
    expect(maps.length).toBe(1);
    expect(maps[0]!.stops).toBe(60);
    expect(maps[0]!.labels).toBe(60);
    expect(maps[0]!.insets).toBe(1);
    expect(maps[0]!.insetLabels).toBeGreaterThanOrEqual(36);
  });
  test('no label covers another label', () => expect(maps[0]!.overlaps).toEqual([]));
  test('no label covers a stop', () => expect(maps[0]!.onStops).toEqual([]));
  test("every label lies inside its group's area or inside the inset", () => expect(maps[0]!.outside).toEqual([]));
  test('the villages and the park are named on the map', async () => {
    const names = await page.$$eval('svg.route-map text.place-name', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(expect.arrayContaining(['北山村', '东湖村', '南岭村', '西塘村', '青山工业园']));
  });
  test('the map is kept as PNG in test-output/', () => keepScreenshots(page, 'overview-dense-park'));
});

suite('the sample town overview', () => {
  let page: Page;
  let maps: MapCheck[];
  beforeAll(async () => {
    page = await open(pageHtml(null, ['plan', '--date', '2019-12-08', '--days', '2']));
    maps = await checkMaps(page);
  }, 120_000);
  afterAll(async () => page?.close());

  test('two days, every stop numbered once, nothing covered, every label in its area or the inset', () => {
    expect(maps.length).toBe(2);
    for (const m of maps) {
      expect(m.labels).toBe(m.stops);
      expect(m.overlaps).toEqual([]);
      expect(m.onStops).toEqual([]);
      expect(m.outside).toEqual([]);
    }
  });
  test('the maps are kept as PNG in test-output/', () => keepScreenshots(page, 'overview-sample'));
});

suite("the dense park's checklist covers", () => {
  let page: Page;
  let maps: MapCheck[];
  beforeAll(async () => {
    page = await open(pageHtml(join(FIXTURES, 'dense-park'), ['checklist', '--level', 'orange', '--date', '2026-12-01', '--group', 'all']));
    maps = await checkMaps(page);
  }, 120_000);
  afterAll(async () => page?.close());

  test("three covers, each group's stops numbered once, nothing covered, every label in the group's area or the inset", () => {
    expect(maps.length).toBe(3);
    expect(maps.reduce((n, m) => n + m.stops, 0)).toBe(60);
    for (const m of maps) {
      expect(m.labels).toBe(m.stops);
      expect(m.overlaps).toEqual([]);
      expect(m.onStops).toEqual([]);
      expect(m.outside).toEqual([]);
    }
  });
  test('each cover draws the same basemap: the park and the villages near the route', async () => {
    const perMap = await page.$$eval('svg.route-map', (svgs) => svgs.map((s) => [...s.querySelectorAll('text.place-name')].map((t) => t.textContent)));
    for (const names of perMap) expect(names).toContain('青山工业园');
    expect(perMap[0]).toEqual(expect.arrayContaining(['北山村', '西塘村']));
  });
  test('the covers are kept as PNG in test-output/', () => keepScreenshots(page, 'cover-dense-park'));
});
