/**
 * The route map, drawn from coordinates alone (no tiles, no network): the town government, each group's
 * stops numbered in visiting order, the path from the base through the stops and back, for the plan page
 * each group's area, then a scale bar, a legend and a north arrow in a strip under the map.
 * `layoutRouteMap` does the geometry (tested on its own); `renderRouteMap` writes it as SVG.
 */
import type { Point } from '../../../core/model.js';
import { groupStyle, markerSvg, type GroupStyle } from './groupStyle.js';
import { convexHull, padHull } from './hull.js';
import { nearestPointOnBox, placeLabels, textWidthMm, type LabelRequest, type PlacedLabel, type Segment } from './labelPlacement.js';
import { renderNorthArrow } from './northArrow.js';
import { fitProjection, type Box, type Projection, type XY } from './projection.js';
import { renderScaleBar } from './scaleBar.js';
import { num, text } from './svg.js';
import { escapeHtml } from '../html/escapeHtml.js';

export interface MapStop {
  code: string;
  seq: number;
  point: Point;
}

export interface MapLayer {
  /** The group's id, written into the SVG for tests and scripts. */
  key: string;
  name: string;
  /** Which of GROUP_STYLES the layer uses (the group's position in groups.yaml). */
  styleIndex: number;
  stops: readonly MapStop[];
  /** All enterprises of the group's area, for the outline; none → no outline. */
  area?: readonly Point[];
}

export interface MapRequest {
  /** Size on the page, mm. */
  width: number;
  height: number;
  base: Point & { name: string };
  layers: readonly MapLayer[];
  /** Stop labels carry the layer's number ("2-5") when several groups share the map. */
  prefixLabels: boolean;
  /** The language of the legend, scale and north arrow (default Chinese). */
  lang?: 'zh' | 'en';
}

export interface StopLayout {
  stop: MapStop;
  xy: XY;
  label: PlacedLabel;
  text: string;
}

export interface LayerLayout {
  layer: MapLayer;
  style: GroupStyle;
  stops: StopLayout[];
  /** Base → stops in visiting order → base. */
  path: XY[];
  hull: XY[];
}

export interface LegendItem {
  symbol: string;
  label: string;
}

export interface MapLayout {
  width: number;
  height: number;
  projection: Projection;
  /** Where the map itself is drawn; the strip with scale bar, legend and north arrow is below it. */
  mapArea: Box;
  base: { xy: XY; label: PlacedLabel };
  layers: LayerLayout[];
  legend: { items: LegendItem[]; rows: number };
  markerRadius: number;
}

const MARKER_R = 1.3;
/** Room around the drawing for labels of stops at its edge. */
const MAP_MARGIN = 7;
const LEGEND_ROW = 4.6;
const LEGEND_X = 46;
const NORTH_ROOM = 10;

function legendItems(req: MapRequest): LegendItem[] {
  const base: LegendItem = { symbol: baseSymbol(3.5, 0, 1.7), label: req.base.name };
  const en = req.lang === 'en';
  if (!req.prefixLabels) {
    const style = groupStyle(req.layers[0]?.styleIndex ?? 0);
    return [
      base,
      { symbol: lineSymbol(style, 0, 0), label: en ? 'patrol route (arrows show the way)' : '巡查路线（箭头示方向）' },
      {
        symbol: `${markerSvg(style.marker, 3.5, 0, MARKER_R, style.color)}`,
        label: en ? 'enterprise checked (numbered in visiting order)' : '检查企业（编号为检查顺序）',
      },
    ];
  }
  return [
    base,
    ...req.layers.map((l, i) => {
      const style = groupStyle(l.styleIndex);
      return {
        symbol: lineSymbol(style, 0, 0) + markerSvg(style.marker, 3.5, 0, MARKER_R, style.color),
        label: en ? `${i + 1} ${l.name} (${style.lineEn})` : `${i + 1} ${l.name}（${style.lineZh}）`,
      };
    }),
  ];
}

function legendItemWidth(item: LegendItem): number {
  return 8.5 + textWidthMm(item.label, 2.5) + 4;
}

function legendRows(items: readonly LegendItem[], width: number): LegendItem[][] {
  const room = width - LEGEND_X - NORTH_ROOM;
  const rows: LegendItem[][] = [[]];
  let used = 0;
  for (const it of items) {
    const w = legendItemWidth(it);
    if (used + w > room && rows[rows.length - 1]!.length > 0) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push(it);
    used += w;
  }
  return rows;
}

export function layoutRouteMap(req: MapRequest): MapLayout {
  const items = legendItems(req);
  const rows = legendRows(items, req.width);
  const strip = Math.max(13, rows.length * LEGEND_ROW + 4);
  const mapArea: Box = { x: 0, y: 0, width: req.width, height: req.height - strip };
  const all: Point[] = [req.base, ...req.layers.flatMap((l) => [...l.stops.map((s) => s.point), ...(l.area ?? [])])];
  const projection = fitProjection(all, { x: MAP_MARGIN, y: MAP_MARGIN, width: mapArea.width - 2 * MAP_MARGIN, height: mapArea.height - 2 * MAP_MARGIN });
  const baseXY = projection.project(req.base);

  const layers = req.layers.map((layer, li) => {
    const style = groupStyle(layer.styleIndex);
    const stops = layer.stops.map((stop) => ({
      stop,
      xy: projection.project(stop.point),
      text: req.prefixLabels ? `${li + 1}-${stop.seq}` : String(stop.seq),
    }));
    const path = stops.length > 0 ? [baseXY, ...stops.map((s) => s.xy), baseXY] : [];
    const hull = layer.area && layer.area.length >= 3 ? padHull(convexHull(layer.area.map((p) => projection.project(p))), 2.5) : [];
    return { layer, style, stops, path, hull };
  });

  const markerBox = (p: XY, r: number): Box => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
  const obstacles = [markerBox(baseXY, 2), ...layers.flatMap((l) => l.stops.map((s) => markerBox(s.xy, MARKER_R + 0.2)))];
  const segments: Segment[] = layers.flatMap((l) => l.path.slice(1).map((b, i) => ({ a: l.path[i]!, b })));
  const size = req.prefixLabels ? 2.5 : 3;
  const baseSize = 2.6;
  const requests: LabelRequest[] = [
    { id: '\u0000base', anchor: baseXY, width: textWidthMm(req.base.name, baseSize) + 1.2, height: baseSize * 1.35, clearance: 2 },
    ...layers.flatMap((l) =>
      l.stops.map((s) => ({
        id: `${l.layer.key}\u0000${s.stop.seq}`,
        anchor: s.xy,
        width: textWidthMm(s.text, size) + 1.4,
        height: size * 1.3,
        clearance: MARKER_R,
      })),
    ),
  ];
  const bounds: Box = { x: 0.8, y: 0.8, width: mapArea.width - 1.6, height: mapArea.height - 1.6 };
  const placed = placeLabels(requests, { obstacles, segments, bounds });
  const byId = new Map(placed.map((p) => [p.id, p]));
  return {
    width: req.width,
    height: req.height,
    projection,
    mapArea,
    base: { xy: baseXY, label: byId.get('\u0000base')! },
    layers: layers.map((l) => ({ ...l, stops: l.stops.map((s) => ({ ...s, label: byId.get(`${l.layer.key}\u0000${s.stop.seq}`)! })) })),
    legend: { items, rows: rows.length },
    markerRadius: MARKER_R,
  };
}

function baseSymbol(x: number, y: number, r: number): string {
  return `<rect x="${num(x - r)}" y="${num(y - r)}" width="${num(2 * r)}" height="${num(2 * r)}" fill="#fff" stroke="#000" stroke-width="0.4"/><rect x="${num(x - r / 2)}" y="${num(y - r / 2)}" width="${num(r)}" height="${num(r)}" fill="#000"/>`;
}

function dashAttr(style: GroupStyle): string {
  return style.dash ? ` stroke-dasharray="${style.dash}"` : '';
}

function lineSymbol(style: GroupStyle, x: number, y: number): string {
  return `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 7)}" y2="${num(y)}" stroke="${style.color}" stroke-width="0.6"${dashAttr(style)}/>`;
}

/** A small filled chevron at a leg's middle, pointing the way the group drives. */
function directionMark(a: XY, b: XY, color: string): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len < 9) return '';
  const ux = dx / len;
  const uy = dy / len;
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const tip = { x: m.x + ux * 1.2, y: m.y + uy * 1.2 };
  const l = { x: m.x - ux * 0.8 - uy * 0.9, y: m.y - uy * 0.8 + ux * 0.9 };
  const r = { x: m.x - ux * 0.8 + uy * 0.9, y: m.y - uy * 0.8 - ux * 0.9 };
  return `<path d="M${num(tip.x)} ${num(tip.y)} L${num(l.x)} ${num(l.y)} L${num(r.x)} ${num(r.y)} Z" fill="${color}"/>`;
}

function points(path: readonly XY[]): string {
  return path.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
}

function labelSvg(label: PlacedLabel, content: string, size: number, stroke: string | null): string {
  const b = label.box;
  const out: string[] = [];
  if (label.leader) {
    const end = nearestPointOnBox(label.anchor, b);
    out.push(
      `<line class="leader" x1="${num(label.anchor.x)}" y1="${num(label.anchor.y)}" x2="${num(end.x)}" y2="${num(end.y)}" stroke="#555" stroke-width="0.2"/>`,
    );
  }
  out.push(
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="0.5" fill="#fff"${stroke ? ` stroke="${stroke}" stroke-width="0.25"` : ' fill-opacity="0.85"'}/>`,
  );
  out.push(
    `<text x="${num(b.x + b.width / 2)}" y="${num(b.y + b.height / 2)}" font-size="${num(size)}" text-anchor="middle" dominant-baseline="central">${escapeHtml(content)}</text>`,
  );
  return out.join('');
}

export function renderRouteMap(req: MapRequest): string {
  const L = layoutRouteMap(req);
  const W = L.width;
  const H = L.height;
  const size = req.prefixLabels ? 2.5 : 3;
  const out: string[] = [
    // Inline in HTML, so no xmlns (nothing on the page names an outside address). When the page has less
    // room than drawn for, the map shrinks as a whole and keeps to the top.
    `<svg class="route-map" width="${num(W)}mm" height="${num(H)}mm" viewBox="0 0 ${num(W)} ${num(H)}" preserveAspectRatio="xMidYMin meet" role="img" aria-label="${req.lang === 'en' ? 'patrol route map' : '巡查路线图'}">`,
    `<rect x="0" y="0" width="${num(W)}" height="${num(H)}" fill="#fff"/>`,
  ];
  for (const l of L.layers) {
    if (l.hull.length >= 3) {
      out.push(
        `<polygon class="area" data-group="${escapeHtml(l.layer.key)}" points="${points(l.hull)}" fill="${l.style.color}" fill-opacity="0.07" stroke="${l.style.color}" stroke-opacity="0.6" stroke-width="0.35"${dashAttr(l.style)}/>`,
      );
    }
  }
  for (const l of L.layers) {
    if (l.path.length === 0) continue;
    // A white casing under each route keeps it readable where it crosses another group's.
    out.push(`<polyline points="${points(l.path)}" fill="none" stroke="#fff" stroke-width="1.3" stroke-linejoin="round"/>`);
    out.push(
      `<polyline class="route" data-group="${escapeHtml(l.layer.key)}" points="${points(l.path)}" fill="none" stroke="${l.style.color}" stroke-width="0.6" stroke-linejoin="round"${dashAttr(l.style)}/>`,
    );
    for (let i = 1; i < l.path.length; i++) out.push(directionMark(l.path[i - 1]!, l.path[i]!, l.style.color));
  }
  for (const l of L.layers) {
    for (const s of l.stops) {
      out.push(
        `<g class="stop" data-group="${escapeHtml(l.layer.key)}" data-seq="${s.stop.seq}" data-code="${escapeHtml(s.stop.code)}" data-x="${num(s.xy.x)}" data-y="${num(s.xy.y)}">${markerSvg(l.style.marker, s.xy.x, s.xy.y, L.markerRadius, l.style.color)}</g>`,
      );
    }
  }
  out.push(`<g class="base">${baseSymbol(L.base.xy.x, L.base.xy.y, 1.7)}</g>`);
  out.push(`<g class="labels">`);
  out.push(labelSvg(L.base.label, req.base.name, 2.6, null));
  for (const l of L.layers) for (const s of l.stops) out.push(labelSvg(s.label, s.text, size, l.style.color));
  out.push('</g>');

  // The strip under the map: scale bar, legend, north arrow.
  const top = L.mapArea.height;
  out.push(`<line x1="0" y1="${num(top)}" x2="${num(W)}" y2="${num(top)}" stroke="#000" stroke-width="0.25"/>`);
  out.push(renderScaleBar(L.projection.mmPerKm, 4, top + 4, Math.min(34, W / 4), req.lang));
  const rows = legendRows(L.legend.items, W);
  rows.forEach((row, r) => {
    let x = LEGEND_X;
    const y = top + 4.5 + r * LEGEND_ROW;
    for (const it of row) {
      out.push(`<g class="legend-item" transform="translate(${num(x)} ${num(y)})">${it.symbol}${text(8.5, 0, it.label, { size: 2.5, central: true })}</g>`);
      x += legendItemWidth(it);
    }
  });
  out.push(renderNorthArrow(W - 5, top + 1.3, req.lang));
  out.push(`<rect x="0.15" y="0.15" width="${num(W - 0.3)}" height="${num(H - 0.3)}" fill="none" stroke="#000" stroke-width="0.3"/>`);
  out.push('</svg>');
  return out.join('\n');
}
