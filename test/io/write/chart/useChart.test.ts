/** A clue's chart as SVG: well-formed XML, one path per point with breaks at gaps, levels at the right height, escaping, bytes, languages. */
import { SaxesParser } from 'saxes';
import type { ChartLine, ClueChart } from '../../../../src/core/evidence/model.js';
import { clockTicks, kwTicks } from '../../../../src/io/write/chart/axisTicks.js';
import { layoutUseChart, renderUseChart } from '../../../../src/io/write/chart/useChart.js';
import { at } from '../../../helpers/evidenceByHand.js';

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

/** The SVG as a tree; throws on anything that is not well-formed XML. */
function parse(svg: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: '#root', attrs: {}, text: '', children: [] };
  const stack: El[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, text: '', children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(svg).close();
  return root.children[0]!;
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const byClass = (root: El, cls: string) => all(root).filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));
const texts = (root: El) =>
  all(root)
    .filter((e) => e.name === 'text')
    .map((e) => e.text);

const from = at('2019-12-08', '20:00');
const to = at('2019-12-09', '08:00');
const times = Array.from({ length: (to - from) / 15 }, (_, i) => from + i * 15);
const gap = (t: number) => t >= at('2019-12-09', '00:00') && t < at('2019-12-09', '01:00');

function line(pointId: string, label: string, kw: (t: number) => number | null, extra: Partial<ChartLine> = {}): ChartLine {
  return {
    pointId,
    label,
    kind: 'production',
    baselineKw: 48,
    orderedKw: 0,
    orderedBy: { action: 'stop' },
    samples: times.map((t) => ({ at: t, kw: kw(t) })),
    ...extra,
  };
}

const chart: ClueChart = {
  clueId: 'production_during_stop:X:P1:1',
  from,
  to,
  alert: [{ from: at('2019-12-08', '22:00'), to }],
  window: { from: at('2019-12-09', '02:15'), to: at('2019-12-09', '05:30') },
  lines: [
    line('P1', '生产线 2# <&> "球磨"', (t) => (gap(t) ? null : 40)),
    line('T1', '布袋除尘器', () => 5, { kind: 'treatment', baselineKw: 12, orderedKw: null, orderedBy: undefined }),
  ],
};

describe('renderUseChart', () => {
  const svg = renderUseChart(chart);
  const doc = parse(svg);
  const L = layoutUseChart(chart);

  test('parses as XML: one svg, 170 × 55 mm', () => {
    expect(doc.name).toBe('svg');
    expect(doc.attrs).toMatchObject({ width: '170mm', height: '55mm', viewBox: '0 0 170 55' });
    expect(doc.attrs.xmlns).toBeUndefined();
  });

  test('standalone: the XML declaration and namespace, and still well-formed', () => {
    const file = renderUseChart(chart, { standalone: true });
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(parse(file).attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  });

  test('self-contained: no script, no outside address, no external font', () => {
    for (const bad of [/<script/i, /https?:/i, /url\(/i, /@font-face/i, /\bhref=/i]) expect(svg).not.toMatch(bad);
  });

  test('one path per point, in distinct colours and dash patterns', () => {
    const paths = byClass(doc, 'point-line');
    expect(paths.map((p) => p.attrs['data-point'])).toEqual(['P1', 'T1']);
    expect(new Set(paths.map((p) => p.attrs.stroke)).size).toBe(2);
    expect(new Set(paths.map((p) => p.attrs['stroke-dasharray'] ?? 'solid')).size).toBe(2);
  });

  test('a gap breaks the curve: a new subpath after it, no point drawn inside it', () => {
    const [p1, t1] = byClass(doc, 'point-line').map((p) => p.attrs.d!);
    expect(p1!.match(/M/g)).toHaveLength(2);
    expect(t1!.match(/M/g)).toHaveLength(1);
    const xs = [...p1!.matchAll(/[ML]([\d.]+) /g)].map((m) => Number(m[1]));
    const [gapFrom, gapTo] = [L.x(at('2019-12-09', '00:00')), L.x(at('2019-12-09', '00:45'))];
    expect(xs.filter((x) => x >= gapFrom - 0.005 && x <= gapTo + 0.005)).toEqual([]);
    expect(xs).toHaveLength(times.length - 4);
  });

  test('the y scale: round ticks 0–60 kW for a 48 kW baseline; the levels at their heights', () => {
    expect(L.yTicks).toEqual([0, 20, 40, 60]);
    expect(byClass(doc, 'y-tick').map((t) => t.text)).toEqual(['0', '20', '40', '60']);
    const { top, bottom } = L.plot;
    const yAt = (kw: number) => Math.round((bottom - (kw / 60) * (bottom - top)) * 100) / 100;
    const baselines = byClass(doc, 'baseline');
    expect(baselines.map((b) => [b.attrs['data-kw'], Number(b.attrs.y1), Number(b.attrs.y2)])).toEqual([
      ['48', yAt(48), yAt(48)],
      ['12', yAt(12), yAt(12)],
    ]);
    expect(baselines[0]!.attrs['stroke-dasharray']).toBeDefined();
    const ordered = byClass(doc, 'ordered');
    expect(ordered.map((o) => Number(o.attrs.y1))).toEqual([yAt(0)]);
    expect(ordered[0]!.attrs['stroke-dasharray']).toBeUndefined();
    // The curve at 40 kW is drawn at 40 kW's height.
    expect(byClass(doc, 'point-line')[0]!.attrs.d!.startsWith(`M${L.plot.left} ${yAt(40)}`)).toBe(true);
  });

  test('labels in Chinese: the bands, the baselines with their devices, the stop level', () => {
    const t = texts(doc);
    expect(t).toContain('预警期间');
    expect(t).toContain('线索时段');
    expect(t).toContain('基准 12 kW（布袋除尘器）');
    expect(t).toContain('停产令下应为 0');
  });

  test('a device name with <&>" is escaped in the source and read back as written', () => {
    expect(svg).toContain('生产线 2# &lt;&amp;&gt; &quot;球磨&quot;');
    expect(svg).not.toContain('<&>');
    const legend = byClass(doc, 'legend-item').map((g) => g.children.find((c) => c.name === 'text')!.text);
    expect(legend).toEqual(['生产线 2# <&> "球磨"', '布袋除尘器']);
  });

  test('clock ticks HH:mm, with MM-DD where the day changes', () => {
    expect(byClass(doc, 'x-tick').map((t) => t.text)).toEqual(['20:00', '22:00', '00:00', '02:00', '04:00', '06:00', '08:00']);
    expect(byClass(doc, 'x-date').map((t) => t.text)).toEqual(['12-08', '12-09']);
  });

  test('nothing drawn outside the 170 × 55 mm box', () => {
    for (const e of all(doc)) for (const k of ['x', 'x1', 'x2']) if (e.attrs[k] !== undefined) expect(Number(e.attrs[k])).toBeLessThanOrEqual(170);
    for (const e of all(doc)) for (const k of ['y', 'y1', 'y2']) if (e.attrs[k] !== undefined) expect(Number(e.attrs[k])).toBeLessThanOrEqual(55);
  });

  test('the same chart gives the same bytes; numbers at most two decimals', () => {
    expect(renderUseChart(structuredClone(chart))).toBe(svg);
    expect(svg).not.toMatch(/\d\.\d{3}/);
  });

  test("English with lang 'en'", () => {
    const en = parse(renderUseChart(chart, { lang: 'en' }));
    const t = texts(en);
    expect(t).toContain('alert');
    expect(t).toContain('clue');
    expect(t).toContain('baseline 48 kW (生产线 2# <&> "球磨")');
    expect(t).toContain('stop order: should be 0');
    expect(t.join(' ')).not.toMatch(/预警|基准|停产/);
  });

  test('a limit of 30 %: "限产 30%：≤ 34 kW", one baseline without its device', () => {
    const lim: ClueChart = { ...chart, lines: [line('P1', '生产线 2#', () => 40, { orderedKw: 33.6, orderedBy: { action: 'limit', pct: 30 } })] };
    const d = parse(renderUseChart(lim));
    expect(texts(d)).toContain('限产 30%：≤ 34 kW');
    expect(texts(d)).toContain('基准 48 kW');
    expect(byClass(d, 'ordered')[0]!.attrs['data-kw']).toBe('33.6');
    expect(texts(parse(renderUseChart(lim, { lang: 'en' })))).toContain('limit 30%: ≤ 34 kW');
  });

  test('no baseline and no readings: an empty chart, no baseline line, still 0–1 kW', () => {
    const silent: ClueChart = { ...chart, lines: [line('P1', 'x', () => null, { baselineKw: null, orderedKw: null, orderedBy: undefined })] };
    const d = parse(renderUseChart(silent));
    expect(byClass(d, 'baseline')).toEqual([]);
    expect(byClass(d, 'point-line')[0]!.attrs.d).toBe('');
    expect(layoutUseChart(silent).yTicks).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('axis ticks', () => {
  test.each([
    [1, [0, 0.25, 0.5, 0.75, 1]],
    [50.4, [0, 20, 40, 60]],
    [73, [0, 20, 40, 60, 80]],
    [101, [0, 50, 100, 150]],
    [7.3, [0, 2, 4, 6, 8]],
    [9, [0, 2.5, 5, 7.5, 10]],
    [1234, [0, 500, 1000, 1500]],
  ])('kW up to %p: %p', (max, ticks) => {
    expect(kwTicks(max).ticks).toEqual(ticks);
  });
  test('3 to 5 ticks, reaching the top, for many maxima', () => {
    for (let m = 0.013; m < 5e5; m *= 1.37) {
      const { top, ticks } = kwTicks(m);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(top).toBeGreaterThanOrEqual(m);
    }
  });
  test('a longer window takes longer steps, on midnight; the date where the day changes', () => {
    const ticks = clockTicks(at('2019-12-07', '05:00'), at('2019-12-10', '03:00'));
    expect(ticks.map((t) => `${t.date ?? ''} ${t.clock}`.trim())).toEqual(['12-07 12:00', '12-08 00:00', '12:00', '12-09 00:00', '12:00', '12-10 00:00']);
  });
});
