/**
 * A clue's small chart as SVG (170 × 55 mm, the text width of an A4 page): the points' use in kW over the
 * chart's window, the alert's hours shaded, the clue's window darker with a bracket over it, each point's
 * baseline dashed and the level its order allows in red, a legend of the points by device name.
 *
 * Drawn for paper first: every point has its own colour AND dash pattern, so a greyscale printer still
 * tells them apart; labels carry a white halo where they cross a curve. Self-contained (no fonts, scripts or
 * addresses fetched), numbers rounded to 0.01 mm, so the same chart always gives the same bytes. Inline in
 * HTML it has no xmlns (the page names no outside address); `standalone` makes it a file of its own.
 */
import type { ChartLine, ClueChart } from '../../../core/evidence/model.js';
import type { Lang } from '../../../core/problem.js';
import { escapeHtml } from '../html/escapeHtml.js';
import { FONT_STACK } from '../html/pageStyle.js';
import { num, text } from '../map/svg.js';
import { displayWidth } from '../tableWidth.js';
import { clockTicks, kwTicks } from './axisTicks.js';

export interface UseChartOptions {
  lang?: Lang;
  /** A file of its own (`evidence chart -o x.svg`): the XML declaration and the SVG namespace. */
  standalone?: boolean;
}

/** Size on paper, mm. */
export const CHART_SIZE = { width: 170, height: 55 } as const;

const WORDS = {
  zh: {
    alert: '预警期间',
    window: '线索时段',
    baseline: (kw: string) => `基准 ${kw} kW`,
    stop: '停产令下应为 0',
    limit: (pct: number, kw: string) => `限产 ${pct}%：≤ ${kw} kW`,
    of: (label: string, device: string) => `${label}（${device}）`,
    aria: '用电曲线',
  },
  en: {
    alert: 'alert',
    window: 'clue',
    baseline: (kw: string) => `baseline ${kw} kW`,
    stop: 'stop order: should be 0',
    limit: (pct: number, kw: string) => `limit ${pct}%: ≤ ${kw} kW`,
    of: (label: string, device: string) => `${label} (${device})`,
    aria: 'power use',
  },
} as const;

/** Colour and dash per line, in order: distinct in colour and, printed grey, in pattern. */
export const LINE_STYLES: readonly { color: string; dash: string | null }[] = [
  { color: '#1f4e9c', dash: null },
  { color: '#d95f02', dash: '2.4 0.9' },
  { color: '#1b7837', dash: '0.8 0.7' },
  { color: '#6a3d9a', dash: '3 0.8 0.8 0.8' },
  { color: '#000000', dash: '1.4 1.4' },
  { color: '#a6761d', dash: '4 1.2' },
];
const BASELINE_INK = '#444';
const ORDERED_INK = '#c62828';
const LABEL = 2.4;
const LEGEND_ROW = 3.6;

/** Estimated width of a label on paper: string-width's columns, half an em each (a CJK character is two). */
export function labelWidthMm(s: string, size: number): number {
  return displayWidth(s) * size * 0.52;
}

/**
 * A label that stays readable where it crosses a curve: a white box behind it. A box, not a stroked outline:
 * Chromium prints stroked text as Type 3 glyphs without the font, which a PDF's text layer then loses.
 */
function haloed(x: number, y: number, content: string, style: Parameters<typeof text>[3]): string {
  const w = labelWidthMm(content, style.size);
  const x0 = style.anchor === 'end' ? x - w : style.anchor === 'middle' ? x - w / 2 : x;
  const box = `<rect class="halo" x="${num(x0 - 0.3)}" y="${num(y - style.size * 0.85)}" width="${num(w + 0.6)}" height="${num(style.size * 1.1)}" fill="#fff" fill-opacity="0.85"/>`;
  return box + text(x, y, content, style);
}

/** kW for people: whole numbers from 10 up, one decimal below. */
export function kwText(kw: number): string {
  return kw >= 10 || kw === 0 ? String(Math.round(kw)) : String(Math.round(kw * 10) / 10);
}

export interface UseChartLayout {
  plot: { left: number; right: number; top: number; bottom: number };
  /** The y axis runs from 0 (bottom) to yTop kW (top). */
  yTop: number;
  yTicks: number[];
  legendRows: { line: ChartLine; index: number; x: number }[][];
  x: (t: number) => number;
  y: (kw: number) => number;
}

/** Where everything goes (tested on its own; the SVG writer follows it). */
export function layoutUseChart(chart: ClueChart): UseChartLayout {
  const W = CHART_SIZE.width;
  const H = CHART_SIZE.height;
  const left = 12;
  const right = W - 2;
  const legendRows = legendLayout(chart.lines, left, right);
  const top = 1.2 + Math.max(1, legendRows.length) * LEGEND_ROW + 1.6;
  const bottom = H - 8.5;
  const values = chart.lines.flatMap((l) => [...l.samples.map((s) => s.kw ?? 0), l.baselineKw ?? 0, l.orderedKw ?? 0]);
  // A little headroom above the highest value, so a curve at the top is not drawn on the frame.
  const { top: yTop, ticks } = kwTicks(Math.max(0, ...values) * 1.05);
  const span = Math.max(1, chart.to - chart.from);
  return {
    plot: { left, right, top, bottom },
    yTop,
    yTicks: ticks,
    legendRows,
    x: (t) => left + ((t - chart.from) / span) * (right - left),
    y: (kw) => bottom - (kw / yTop) * (bottom - top),
  };
}

function legendLayout(lines: readonly ChartLine[], left: number, right: number): { line: ChartLine; index: number; x: number }[][] {
  const rows: { line: ChartLine; index: number; x: number }[][] = [[]];
  let x = left;
  lines.forEach((line, index) => {
    const w = 7.5 + labelWidthMm(line.label, LABEL) + 4;
    if (x + w > right && rows[rows.length - 1]!.length > 0) {
      rows.push([]);
      x = left;
    }
    rows[rows.length - 1]!.push({ line, index, x });
    x += w;
  });
  return rows;
}

const style = (i: number) => LINE_STYLES[i % LINE_STYLES.length]!;
const dashAttr = (dash: string | null) => (dash ? ` stroke-dasharray="${dash}"` : '');

export function renderUseChart(chart: ClueChart, opts: UseChartOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const w = WORDS[lang];
  const L = layoutUseChart(chart);
  const { left, right, top, bottom } = L.plot;
  const W = CHART_SIZE.width;
  const H = CHART_SIZE.height;
  const xmlns = opts.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  const out: string[] = [
    `<svg${xmlns} class="use-chart" data-clue="${escapeHtml(chart.clueId)}" width="${W}mm" height="${H}mm" viewBox="0 0 ${W} ${H}" role="img" aria-label="${w.aria}" font-family="${escapeHtml(FONT_STACK)}">`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`,
  ];

  // The alert's hours, then the clue's window over them, both under the grid and the curves.
  const band = (from: number, to: number) => ({ x: Math.max(left, L.x(from)), x2: Math.min(right, L.x(to)) });
  for (const a of chart.alert) {
    const b = band(a.from, a.to);
    out.push(`<rect class="alert" x="${num(b.x)}" y="${num(top)}" width="${num(b.x2 - b.x)}" height="${num(bottom - top)}" fill="#ececec"/>`);
  }
  const cw = band(chart.window.from, chart.window.to);
  out.push(
    `<rect class="clue-window" x="${num(cw.x)}" y="${num(top)}" width="${num(Math.max(0.3, cw.x2 - cw.x))}" height="${num(bottom - top)}" fill="#cfcfcf"/>`,
  );

  // Grid and axes.
  for (const t of L.yTicks) {
    const y = L.y(t);
    if (t > 0) out.push(`<line x1="${num(left)}" y1="${num(y)}" x2="${num(right)}" y2="${num(y)}" stroke="#bbb" stroke-width="0.15"/>`);
    out.push(text(left - 1, y, num(t), { size: 2.3, anchor: 'end', central: true, cls: 'y-tick' }));
  }
  out.push(text(left - 1, top - 1.6, 'kW', { size: 2.3, anchor: 'end' }));
  const ticks = clockTicks(chart.from, chart.to);
  for (const t of ticks) {
    const x = L.x(t.at);
    out.push(`<line x1="${num(x)}" y1="${num(top)}" x2="${num(x)}" y2="${num(bottom + 0.8)}" stroke="#bbb" stroke-width="0.15"/>`);
    // A tick at the very edge has its label pulled inside the drawing rather than cut off.
    const half = labelWidthMm(t.clock, 2.3) / 2;
    const anchor = x + half > W - 0.3 ? 'end' : x - half < 0.3 ? 'start' : 'middle';
    const lx = anchor === 'end' ? Math.min(x + half, W - 0.3) : anchor === 'start' ? Math.max(x - half, 0.3) : x;
    out.push(text(lx, bottom + 3.3, t.clock, { size: 2.3, anchor, cls: 'x-tick' }));
    if (t.date) out.push(text(lx, bottom + 6.3, t.date, { size: 2.3, anchor, cls: 'x-date' }));
  }
  out.push(`<line x1="${num(left)}" y1="${num(bottom)}" x2="${num(right)}" y2="${num(bottom)}" stroke="#000" stroke-width="0.25"/>`);
  out.push(`<line x1="${num(left)}" y1="${num(top)}" x2="${num(left)}" y2="${num(bottom)}" stroke="#000" stroke-width="0.25"/>`);

  // The band labels, above the curves' reach where possible, inside the plot.
  const inPlot = (x: number, s: string) => Math.max(left + 0.6, Math.min(x, right - 0.6 - labelWidthMm(s, LABEL)));
  for (const a of chart.alert)
    out.push(haloed(inPlot(band(a.from, a.to).x + 0.8, w.alert), top + 2.8, w.alert, { size: LABEL, cls: 'alert-label', fill: '#555' }));
  out.push(
    `<path class="clue-bracket" d="M${num(cw.x)} ${num(top + 4.4)}V${num(top + 3.6)}H${num(cw.x2)}V${num(top + 4.4)}" fill="none" stroke="#000" stroke-width="0.3"/>`,
    haloed(inPlot(cw.x + 0.8, w.window), top + 6.6, w.window, { size: LABEL, cls: 'window-label' }),
  );

  // Reference levels: one line per distinct value, labelled with the device when several share the chart.
  out.push(...referenceLines(chart, L, lang));

  // The curves: one path per point, a new subpath after every gap.
  chart.lines.forEach((line, i) => {
    const s = style(i);
    out.push(
      `<path class="point-line" data-point="${escapeHtml(line.pointId)}" d="${pathData(line, L, chart)}" fill="none" stroke="${s.color}" stroke-width="0.45" stroke-linejoin="round"${dashAttr(s.dash)}/>`,
    );
  });

  // Legend.
  L.legendRows.forEach((row, r) => {
    const y = 1.2 + LEGEND_ROW / 2 + r * LEGEND_ROW;
    for (const it of row) {
      const s = style(it.index);
      out.push(
        `<g class="legend-item" data-point="${escapeHtml(it.line.pointId)}"><line x1="${num(it.x)}" y1="${num(y)}" x2="${num(it.x + 6)}" y2="${num(y)}" stroke="${s.color}" stroke-width="0.6"${dashAttr(s.dash)}/>${text(it.x + 7.5, y, it.line.label, { size: LABEL, central: true })}</g>`,
      );
    }
  });
  out.push('</svg>');
  const svg = out.join('\n');
  return opts.standalone ? `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` : svg;
}

function pathData(line: ChartLine, L: UseChartLayout, chart: ClueChart): string {
  const parts: string[] = [];
  // An isolated reading between gaps is drawn as a short level stroke of one sample's width.
  const width = line.samples.length > 1 ? L.x(line.samples[1]!.at) - L.x(line.samples[0]!.at) : L.x(chart.to) - L.x(chart.from);
  let open = false;
  line.samples.forEach((s, i) => {
    if (s.kw === null) {
      open = false;
      return;
    }
    const xy = `${num(L.x(s.at))} ${num(L.y(s.kw))}`;
    const next = line.samples[i + 1];
    if (open) parts.push(`L${xy}`);
    else parts.push(next && next.kw !== null ? `M${xy}` : `M${xy}h${num(Math.max(0.4, width))}`);
    open = true;
  });
  return parts.join('');
}

interface RefLabel {
  y: number;
  text: string;
  cls: 'baseline' | 'ordered';
  kw: number;
}

function referenceLines(chart: ClueChart, L: UseChartLayout, lang: Lang): string[] {
  const w = WORDS[lang];
  const { left, right, top } = L.plot;
  const out: string[] = [];
  const baselines = distinct(chart.lines, (l) => l.baselineKw);
  const ordered = distinct(chart.lines, (l) => l.orderedKw);
  const labels: RefLabel[] = [];
  for (const b of baselines) {
    const t = w.baseline(kwText(b.kw));
    labels.push({ y: L.y(b.kw), kw: b.kw, cls: 'baseline', text: baselines.length > 1 ? w.of(t, b.labels.join(lang === 'en' ? ', ' : '、')) : t });
  }
  for (const o of ordered) {
    const by = o.lines[0]!.orderedBy;
    const t = by?.action === 'limit' ? w.limit(by.pct, kwText(o.kw)) : w.stop;
    labels.push({ y: L.y(o.kw), kw: o.kw, cls: 'ordered', text: ordered.length > 1 ? w.of(t, o.labels.join(lang === 'en' ? ', ' : '、')) : t });
  }
  for (const l of labels) {
    const ink = l.cls === 'ordered' ? ORDERED_INK : BASELINE_INK;
    const stroke = l.cls === 'ordered' ? ` stroke-width="0.5"` : ` stroke-width="0.3" stroke-dasharray="1.6 1"`;
    out.push(`<line class="${l.cls}" data-kw="${num(l.kw)}" x1="${num(left)}" y1="${num(l.y)}" x2="${num(right)}" y2="${num(l.y)}" stroke="${ink}"${stroke}/>`);
  }
  // Baseline labels at the right end, the ordered level's at the left (the two rarely meet there); each
  // just above its line, or below it when the line runs along the top, and never on another label.
  for (const side of ['baseline', 'ordered'] as const) {
    const placed: number[] = [];
    for (const l of labels.filter((x) => x.cls === side).sort((a, b) => a.y - b.y || a.text.localeCompare(b.text))) {
      let y = l.y - 0.9 < top + 3 ? l.y + 2.8 : l.y - 0.9;
      while (placed.some((p) => Math.abs(p - y) < 2.8)) y += 2.8;
      placed.push(y);
      const ink = side === 'ordered' ? ORDERED_INK : BASELINE_INK;
      const svg =
        side === 'ordered'
          ? haloed(left + 1, y, l.text, { size: LABEL, fill: ink, cls: 'ordered-label' })
          : haloed(right - 1, y, l.text, { size: LABEL, anchor: 'end', fill: ink, cls: 'baseline-label' });
      out.push(svg);
    }
  }
  return out;
}

/** The distinct values (to the drawn precision) of a line's level, with the lines that share each. */
function distinct(lines: readonly ChartLine[], level: (l: ChartLine) => number | null): { kw: number; lines: ChartLine[]; labels: string[] }[] {
  const by = new Map<string, { kw: number; lines: ChartLine[]; labels: string[] }>();
  for (const l of lines) {
    const kw = level(l);
    if (kw === null) continue;
    const key = num(kw);
    const e = by.get(key) ?? { kw, lines: [], labels: [] };
    e.lines.push(l);
    e.labels.push(l.label);
    by.set(key, e);
  }
  return [...by.values()].sort((a, b) => b.kw - a.kw);
}
