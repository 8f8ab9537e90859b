/**
 * The route map, drawn from coordinates alone (no tiles, no network): a light basemap from the list (village
 * names, park outlines), the town government, each group's area (its stops' hull with a margin), its stops
 * numbered in visiting order, the path from the base through the stops and back, then a scale bar, a legend
 * and a north arrow in a strip under the map.
 *
 * Where stops are too dense for their numbers at the map's scale (an industrial park), the dense knot is
 * found the same way every time: numbers are first placed with short leaders only, inside their group's
 * area; the stops that found no place and have several others within a few millimetres are gathered into
 * clusters, and the largest (joined by the next ones while the zoom stays at least MIN_ZOOM) is drawn again
 * in an inset beside the map, where those stops are numbered. Everything else is numbered on the main map.
 * `layoutRouteMap` does the geometry (tested on its own); `renderRouteMap` writes it as SVG.
 */
import type { Point } from '../../../core/model.js';
import { groupStyle, markerSvg, type GroupStyle } from './groupStyle.js';
import type { Basemap } from './basemap.js';
import { crowdedClusters, denseStops } from './denseCluster.js';
import { clipToBox, paddedHull } from './hull.js';
import { clipSegment, nearestPointOnBox, placeLabels, textWidthMm, type LabelRequest, type PlacedLabel, type Segment } from './labelPlacement.js';
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
  /** All enterprises of the group's area: the map shows them all (the plan's overview of the town). */
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
  /** The light background drawn from the list (village names, park outlines); none → a white map. */
  basemap?: Basemap;
  /** The language of the legend, scale and north arrow (default Chinese). */
  lang?: 'zh' | 'en';
}

export interface StopLayout {
  stop: MapStop;
  /** Where the stop is on the main map. */
  xy: XY;
  /** Where its number is: on the main map, or in the inset when the stop is inside the inset's ground. */
  label: PlacedLabel;
  panel: 'main' | 'inset';
  text: string;
}

export interface LayerLayout {
  layer: MapLayer;
  style: GroupStyle;
  stops: StopLayout[];
  /** Base → stops in visiting order → base, on the main map. */
  path: XY[];
  /** The group's area on the main map: its stops' hull with a margin, clipped to the map. */
  hull: XY[];
  /** Where a label found no place inside `hull`: a small tongue of the area round its stop and the label. */
  extraAreas: XY[][];
}

export interface PlaceName {
  name: string;
  box: Box;
}

export interface ParkOutline {
  name: string;
  outline: XY[];
}

/** What one panel (the main map, or the inset) shows of the list's own background. */
export interface BasemapLayout {
  parks: ParkOutline[];
  /** Village and park names placed where they cover no stop, no label and no other name; the rest are left out. */
  names: PlaceName[];
}

/** The larger-scale drawing of the one dense cluster whose labels do not fit at the main scale. */
export interface InsetLayout {
  /** The inset's panel on the page. */
  box: Box;
  /** What it shows, drawn on the main map as a frame. */
  region: Box;
  title: string;
  projection: Projection;
  layers: {
    layer: MapLayer;
    style: GroupStyle;
    stops: { stop: MapStop; xy: XY; label: PlacedLabel | null; text: string }[];
    hull: XY[];
    /** The group's path, cut to the inset's frame. */
    segments: Segment[];
  }[];
  base: { xy: XY; label: PlacedLabel } | null;
  basemap: BasemapLayout;
}

export interface LegendItem {
  symbol: string;
  label: string;
}

export interface MapLayout {
  width: number;
  height: number;
  projection: Projection;
  /** Where the map itself is drawn (the main map and the inset); the strip with scale bar, legend and north arrow is below it. */
  mapArea: Box;
  /** Where the main map is drawn: the whole map area, or its left part when there is an inset. */
  mainArea: Box;
  /** The base's label on the main map; null when the base is inside the inset's frame (its label is in the inset). */
  base: { xy: XY; label: PlacedLabel | null };
  layers: LayerLayout[];
  basemap: BasemapLayout;
  inset: InsetLayout | null;
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

/** A group's area reaches this far past its outermost stops: room for a label on every side of a stop. */
const AREA_MARGIN = 8;
/** A park's outline reaches this far past its enterprises. */
const PARK_MARGIN = 2.5;
/** Rings a label may go out on the main map before its stop counts as too crowded for that scale. */
const SHORT_RINGS = 3;
/** Crowded stops are one cluster when this close on the main map (mm). */
const CLUSTER_LINK = 5;
/** How far (mm) a place name may sit from its place. */
const NAME_REACH = 16;
/** The inset is drawn only at this many times the main map's scale or more. */
const MIN_ZOOM = 2;
/** The inset's title above and its scale bar below its drawing. */
const INSET_TITLE = 5.5;
const INSET_FOOT = 7;
const INSET_GAP = 3;
/** Stops this close to the inset's frame are drawn there but numbered on the main map. */
const INSET_EDGE = 3;
/** Ground an inset shows at least, so that three stops in one yard are not blown up to a page. */
const INSET_MIN_KM = 0.25;

/** A box's corners, `d` further out. */
const corners = (b: Box, d: number): XY[] => [
  { x: b.x - d, y: b.y - d },
  { x: b.x + b.width + d, y: b.y - d },
  { x: b.x + b.width + d, y: b.y + b.height + d },
  { x: b.x - d, y: b.y + b.height + d },
];
const markerBox = (p: XY, r: number): Box => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
const shrink = (b: Box, d: number): Box => ({ x: b.x + d, y: b.y + d, width: b.width - 2 * d, height: b.height - 2 * d });
const inBox = (p: XY, b: Box) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
const stopId = (key: string, seq: number) => `${key}\u0000${seq}`;
const BASE_ID = '\u0000base';

interface Projected {
  layer: MapLayer;
  style: GroupStyle;
  stops: { stop: MapStop; xy: XY; text: string }[];
  path: XY[];
  hull: XY[];
  extra?: XY[][];
}

function project(req: MapRequest, projection: Projection, box: Box, margin: (key: string) => number = () => AREA_MARGIN): { baseXY: XY; layers: Projected[] } {
  const baseXY = projection.project(req.base);
  const layers = req.layers.map((layer, li) => {
    const stops = layer.stops.map((stop) => ({
      stop,
      xy: projection.project(stop.point),
      text: req.prefixLabels ? `${li + 1}-${stop.seq}` : String(stop.seq),
    }));
    const path = stops.length > 0 ? [baseXY, ...stops.map((s) => s.xy), baseXY] : [];
    const hull =
      stops.length > 0
        ? clipToBox(
            paddedHull(
              stops.map((s) => s.xy),
              AREA_MARGIN,
            ),
            box,
          )
        : [];
    return { layer, style: groupStyle(layer.styleIndex), stops, path, hull };
  });
  return { baseXY, layers };
}

const labelSize = (req: MapRequest) => (req.prefixLabels ? 2.5 : 3);
const BASE_SIZE = 2.6;

function stopRequest(req: MapRequest, l: Projected, s: Projected['stops'][number], xy: XY, hull: XY[] | null, others: XY[][]): LabelRequest {
  const size = labelSize(req);
  return {
    id: stopId(l.layer.key, s.stop.seq),
    anchor: xy,
    width: textWidthMm(s.text, size) + 1.4,
    height: size * 1.3,
    clearance: MARKER_R,
    ...(hull && hull.length >= 3 ? { within: hull } : {}),
    avoid: others,
  };
}

function baseRequest(req: MapRequest, xy: XY): LabelRequest {
  return { id: BASE_ID, anchor: xy, width: textWidthMm(req.base.name, BASE_SIZE) + 1.2, height: BASE_SIZE * 1.35, clearance: 2 };
}

/** The main map's labels: every stop not numbered in the inset, each inside its group's area. */
function placeMain(
  req: MapRequest,
  P: { baseXY: XY; layers: Projected[] },
  box: Box,
  skip: ReadonlySet<string>,
  frame: Box | null,
  rings?: number,
  free: ReadonlySet<string> = new Set(),
): PlacedLabel[] {
  const obstacles = [markerBox(P.baseXY, 2), ...P.layers.flatMap((l) => l.stops.map((s) => markerBox(s.xy, MARKER_R + 0.2))), ...(frame ? [frame] : [])];
  const segments: Segment[] = P.layers.flatMap((l) => l.path.slice(1).map((b, i) => ({ a: l.path[i]!, b })));
  const requests: LabelRequest[] = [];
  if (!frame || !inBox(P.baseXY, frame)) requests.push(baseRequest(req, P.baseXY));
  for (const l of P.layers) {
    const others = P.layers.filter((o) => o !== l && o.hull.length >= 3).map((o) => o.hull);
    for (const s of l.stops)
      if (!skip.has(stopId(l.layer.key, s.stop.seq)))
        requests.push(stopRequest(req, l, s, s.xy, free.has(stopId(l.layer.key, s.stop.seq)) ? null : l.hull, others));
  }
  return placeLabels(requests, { obstacles, segments, bounds: shrink(box, 0.8), ...(rings ? { rings } : {}) });
}

/** Split the map area: the main map as wide as the town needs at the full height (within bounds), the inset beside it. */
function splitArea(mapArea: Box, fit: readonly Point[]): { main: Box; inset: Box } {
  const probe = fitProjection(fit, { x: 0, y: 0, width: 1e6, height: mapArea.height - 2 * MAP_MARGIN });
  const xs = fit.map((p) => probe.project(p).x);
  const need = Math.max(...xs) - Math.min(...xs) + 2 * MAP_MARGIN;
  const mainW = Math.round(Math.min(mapArea.width * 0.6, Math.max(mapArea.width * 0.42, need)));
  return {
    main: { x: mapArea.x, y: mapArea.y, width: mainW, height: mapArea.height },
    inset: { x: mapArea.x + mainW + INSET_GAP, y: mapArea.y + INSET_GAP, width: mapArea.width - mainW - 2 * INSET_GAP, height: mapArea.height - 2 * INSET_GAP },
  };
}

function layoutInset(
  req: MapRequest,
  P: { baseXY: XY; layers: Projected[] },
  cluster: readonly { l: Projected; s: Projected['stops'][number] }[],
  panel: Box,
): InsetLayout {
  const draw = insetDrawBox(panel);
  const projection = fitProjection(
    cluster.map((c) => c.s.stop.point),
    shrink(draw, MAP_MARGIN),
    INSET_MIN_KM,
  );
  const numbered = insetNumberedBox(panel);
  const layers = P.layers.map((l) => {
    const stops = l.stops.map((s) => ({ s, xy: projection.project(s.stop.point) })).filter((x) => inBox(x.xy, draw));
    const path = l.path.length > 0 ? [req.base, ...l.stops.map((s) => s.stop.point), req.base].map((p) => projection.project(p)) : [];
    const segments = path
      .slice(1)
      .map((b, i) => clipSegment({ a: path[i]!, b }, draw))
      .filter((x): x is Segment => x !== null);
    const inside = stops.filter((x) => inBox(x.xy, numbered));
    const hull =
      inside.length > 0
        ? clipToBox(
            paddedHull(
              inside.map((x) => x.xy),
              AREA_MARGIN,
            ),
            draw,
          )
        : [];
    return { l, stops, inside, segments, hull };
  });
  const baseXY = projection.project(req.base);
  const baseIn = inBox(baseXY, numbered);
  const obstacles = [...(inBox(baseXY, draw) ? [markerBox(baseXY, 2)] : []), ...layers.flatMap((x) => x.stops.map((s) => markerBox(s.xy, MARKER_R + 0.2)))];
  const requests: LabelRequest[] = [];
  if (baseIn) requests.push(baseRequest(req, baseXY));
  for (const x of layers) {
    const others = layers.filter((o) => o !== x && o.hull.length >= 3).map((o) => o.hull);
    // In the inset the frame is the label's area (the groups' parts of a park interleave): its own group's area is preferred.
    for (const s of x.inside) requests.push({ ...stopRequest(req, x.l, s.s, s.xy, null, others), ...(x.hull.length >= 3 ? { prefer: x.hull } : {}) });
  }
  const placed = placeLabels(requests, { obstacles, segments: layers.flatMap((x) => x.segments), bounds: shrink(draw, 0.5) });
  const byId = new Map(placed.map((p) => [p.id, p]));
  const title = insetTitle(
    req,
    cluster.map((c) => c.s.stop.point),
  );
  return {
    box: panel,
    // Set by the caller, in the main map's page coordinates.
    region: { x: 0, y: 0, width: 0, height: 0 },
    title,
    projection,
    layers: layers.map((x) => ({
      layer: x.l.layer,
      style: x.l.style,
      hull: x.hull,
      segments: x.segments,
      stops: x.stops.map((s) => ({ stop: s.s.stop, xy: s.xy, text: s.s.text, label: byId.get(stopId(x.l.layer.key, s.s.stop.seq)) ?? null })),
    })),
    base: baseIn ? { xy: baseXY, label: byId.get(BASE_ID)! } : null,
    basemap: { parks: [], names: [] },
  };
}

/** The inset's title names the park its stops are in when most of them are in one. */
function insetTitle(req: MapRequest, pts: readonly Point[]): string {
  const parks = req.basemap?.parks ?? [];
  let best: { name: string; n: number } | null = null;
  for (const park of parks) {
    const keys = new Set(park.points.map((p) => `${p.lon},${p.lat}`));
    const n = pts.filter((p) => keys.has(`${p.lon},${p.lat}`)).length;
    if (n >= 0.8 * pts.length && (!best || n > best.n)) best = { name: park.name, n };
  }
  if (req.lang === 'en') return best ? `Detail: ${best.name}` : 'Detail';
  return best ? `局部放大：${best.name}` : '局部放大';
}

/** Village and park names where they cover nothing already placed; a name with no free place is left out. */
function placeNames(req: MapRequest, projection: Projection, box: Box, taken: readonly Box[], segments: readonly Segment[]): BasemapLayout {
  const bm = req.basemap;
  if (!bm) return { parks: [], names: [] };
  const parks = bm.parks
    .map((park) => ({
      name: park.name,
      outline: clipToBox(
        paddedHull(
          park.points.map((p) => projection.project(p)),
          PARK_MARGIN,
        ),
        box,
      ),
    }))
    .filter((p) => p.outline.length >= 3);
  const size = 2.6;
  const parkNames = new Set(parks.map((p) => p.name));
  const requests: LabelRequest[] = [];
  for (const park of parks) {
    // The park's name just above its outline.
    const top = park.outline.reduce((a, b) => (b.y < a.y || (b.y === a.y && b.x < a.x) ? b : a));
    requests.push({
      id: `p\u0000${park.name}`,
      anchor: { x: top.x, y: top.y - size },
      width: textWidthMm(park.name, size) + 1,
      height: size * 1.3,
      clearance: 0,
      centred: true,
    });
  }
  for (const v of bm.villages) {
    // A village that is a park's part (青山工业园西片) is named by the park's outline.
    if ([...parkNames].some((p) => v.name.startsWith(p))) continue;
    const xy = projection.project(v.point);
    if (!inBox(xy, box)) continue;
    requests.push({ id: `v\u0000${v.name}`, anchor: xy, width: textWidthMm(v.name, size) + 1, height: size * 1.3, clearance: 0, centred: true });
  }
  const placed = placeLabels(
    // The first request keeps the front: a dummy of no size, so that no real name is treated as the base.
    [{ id: '\u0000', anchor: { x: box.x, y: box.y }, width: 0, height: 0, clearance: 0 }, ...requests],
    { obstacles: taken, segments, bounds: shrink(box, 0.8), rings: 7, segmentCost: 90 },
  );
  // A name far from its place would name the wrong place: left out instead.
  const near = (p: PlacedLabel) => Math.hypot(p.box.x + p.box.width / 2 - p.anchor.x, p.box.y + p.box.height / 2 - p.anchor.y) <= NAME_REACH;
  const names = placed.filter((p) => p.id !== '\u0000' && p.clear && near(p)).map((p) => ({ name: p.id.slice(2), box: p.box }));
  return { parks, names };
}

export function layoutRouteMap(req: MapRequest): MapLayout {
  const items = legendItems(req);
  const rows = legendRows(items, req.width);
  const strip = Math.max(13, rows.length * LEGEND_ROW + 4);
  const mapArea: Box = { x: 0, y: 0, width: req.width, height: req.height - strip };
  const fit: Point[] = [req.base, ...req.layers.flatMap((l) => [...l.stops.map((s) => s.point), ...(l.area ?? [])])];
  const inner = (b: Box) => shrink(b, MAP_MARGIN);

  let mainArea = mapArea;
  let projection = fitProjection(fit, inner(mainArea));
  let P = project(req, projection, mainArea);
  let placed = placeMain(req, P, mainArea, new Set(), null, SHORT_RINGS);
  let inset: InsetLayout | null = null;
  let skip = new Set<string>();
  let frame: Box | null = null;

  const unclear = (labels: readonly PlacedLabel[]) => labels.filter((x) => !x.clear && x.id !== BASE_ID).map((x) => x.id);
  if (unclear(placed).length > 0) {
    // Some stops are too close together for their numbers at the town's scale: draw their cluster again, larger.
    const split = splitArea(mapArea, fit);
    const mainProjection = fitProjection(fit, inner(split.main));
    const mainP = project(req, mainProjection, split.main);
    const trial = placeMain(req, mainP, split.main, new Set(), null, SHORT_RINGS);
    const failed = new Set(unclear(trial));
    const all = mainP.layers.flatMap((l) => l.stops.map((s) => ({ l, s })));
    const crowded = denseStops(
      all.map((c) => c.s.xy),
      all.map((c) => failed.has(stopId(c.l.layer.key, c.s.stop.seq))),
    ).map((i) => all[i]!);
    const clusters = crowdedClusters(
      crowded.map((c) => c.s.xy),
      CLUSTER_LINK,
    );
    if (clusters.length > 0) {
      // Every stop among the crowded ones' extent goes into the inset with them.
      const membersOf = (cluster: readonly (typeof crowded)[number][]) => {
        const xs = cluster.map((c) => c.s.xy.x);
        const ys = cluster.map((c) => c.s.xy.y);
        const ext: Box = {
          x: Math.min(...xs) - 2,
          y: Math.min(...ys) - 2,
          width: Math.max(...xs) - Math.min(...xs) + 4,
          height: Math.max(...ys) - Math.min(...ys) + 4,
        };
        return all.filter((c) => inBox(c.s.xy, ext));
      };
      const zoomOf = (members: readonly (typeof crowded)[number][]) =>
        fitProjection(
          members.map((c) => c.s.stop.point),
          shrink(insetDrawBox(split.inset), MAP_MARGIN),
          INSET_MIN_KM,
        ).mmPerKm / mainProjection.mmPerKm;
      // The largest knot first; the next ones join it while the inset still draws them at MIN_ZOOM or more.
      let cluster = clusters[0]!.map((i) => crowded[i]!);
      for (const next of clusters.slice(1)) {
        const joined = [...cluster, ...next.map((i) => crowded[i]!)];
        if (zoomOf(membersOf(joined)) >= MIN_ZOOM) cluster = joined;
      }
      // Stops still without a clear place next to the frame join the inset, while it stays at MIN_ZOOM or more.
      for (let round = 0; round < 4; round++) {
        const members = membersOf(cluster);
        const I = layoutInset(req, mainP, members, split.inset);
        // An inset hardly larger than the map is no help: then the labels go further out on the main map instead.
        if (I.projection.mmPerKm < MIN_ZOOM * mainProjection.mmPerKm) break;
        // The ground the inset numbers, as a frame on the main map.
        const numbered = insetNumberedBox(split.inset);
        const nw = mainProjection.project(I.projection.unproject({ x: numbered.x, y: numbered.y }));
        const se = mainProjection.project(I.projection.unproject({ x: numbered.x + numbered.width, y: numbered.y + numbered.height }));
        frame = { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y };
        skip = new Set(I.layers.flatMap((l) => l.stops.filter((s) => s.label !== null).map((s) => stopId(l.layer.key, s.stop.seq))));
        inset = { ...I, region: frame };
        mainArea = split.main;
        projection = mainProjection;
        P = mainP;
        placed = placeMain(req, P, mainArea, skip, frame);
        const left = new Set(unclear(placed));
        if (left.size === 0) break;
        const joined = [...cluster, ...all.filter((c) => left.has(stopId(c.l.layer.key, c.s.stop.seq)))];
        if (zoomOf(membersOf(joined)) < MIN_ZOOM) break;
        cluster = joined;
      }
    }
  }
  if (!inset && unclear(placed).length > 0) placed = placeMain(req, P, mainArea, skip, frame);
  // Labels that still find no place inside their group's area get a wider area (a larger margin round the stops).
  for (const margin of [AREA_MARGIN * 1.5, AREA_MARGIN * 2]) {
    const bad = new Set(unclear(placed).map((id) => id.split('\u0000')[0]!));
    if (bad.size === 0) break;
    const wider = project(req, projection, mainArea, (key) => (bad.has(key) ? margin : AREA_MARGIN));
    const again = placeMain(req, wider, mainArea, skip, frame);
    if (unclear(again).length < unclear(placed).length) {
      P = wider;
      placed = again;
    }
  }

  // Still none: the label goes where it covers nothing, and the group's area is drawn round it too.
  const free = new Set(unclear(placed));
  if (free.size > 0) {
    const again = placeMain(req, P, mainArea, skip, frame, undefined, free);
    if (unclear(again).length < free.size) {
      placed = again;
      const byLabel = new Map(again.map((p) => [p.id, p]));
      // A small tongue of the area round the stop and its label, rather than the whole area stretched to it.
      P = {
        ...P,
        layers: P.layers.map((l) => ({
          ...l,
          extra: l.stops.flatMap((s) => {
            const id = stopId(l.layer.key, s.stop.seq);
            const b = byLabel.get(id)?.box;
            return free.has(id) && b ? [clipToBox(paddedHull([s.xy, ...corners(b, 0)], 1.5), mainArea)] : [];
          }),
        })),
      };
    }
  }
  const byId = new Map(placed.map((p) => [p.id, p]));
  const insetLabel = new Map(
    inset ? inset.layers.flatMap((l) => l.stops.filter((s) => s.label).map((s) => [stopId(l.layer.key, s.stop.seq), s.label!] as const)) : [],
  );

  const markers = [markerBox(P.baseXY, 2), ...P.layers.flatMap((l) => l.stops.map((s) => markerBox(s.xy, MARKER_R + 0.2)))];
  const mainSegments = P.layers.flatMap((l) => l.path.slice(1).map((b, i) => ({ a: l.path[i]!, b })));
  const basemap = placeNames(req, projection, mainArea, [...markers, ...placed.map((p) => p.box), ...(frame ? [frame] : [])], mainSegments);
  if (inset) {
    const draw = insetDrawBox(inset.box);
    const insetMarkers = [
      ...(inset.base ? [markerBox(inset.base.xy, 2), inset.base.label.box] : []),
      ...inset.layers.flatMap((l) => l.stops.flatMap((s) => [markerBox(s.xy, MARKER_R + 0.2), ...(s.label ? [s.label.box] : [])])),
    ];
    inset.basemap = placeNames(
      req,
      inset.projection,
      draw,
      insetMarkers,
      inset.layers.flatMap((l) => l.segments),
    );
  }
  return {
    width: req.width,
    height: req.height,
    projection,
    mapArea,
    mainArea,
    base: { xy: P.baseXY, label: byId.get(BASE_ID) ?? null },
    layers: P.layers.map((l) => ({
      layer: l.layer,
      style: l.style,
      path: l.path,
      hull: l.hull,
      extraAreas: l.extra ?? [],
      stops: l.stops.map((s) => {
        const id = stopId(l.layer.key, s.stop.seq);
        const inInset = insetLabel.get(id);
        return { ...s, label: inInset ?? byId.get(id)!, panel: inInset ? ('inset' as const) : ('main' as const) };
      }),
    })),
    basemap,
    inset,
    legend: { items, rows: rows.length },
    markerRadius: MARKER_R,
  };
}

function insetDrawBox(panel: Box): Box {
  return { x: panel.x + 1, y: panel.y + INSET_TITLE, width: panel.width - 2, height: panel.height - INSET_TITLE - INSET_FOOT };
}

function insetNumberedBox(panel: Box): Box {
  return shrink(insetDrawBox(panel), INSET_EDGE);
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

/** A label as one group (`g.label`): its leader line, its white box and its text, with whose stop it is and on which panel. */
function labelSvg(label: PlacedLabel, content: string, size: number, stroke: string | null, attrs = ''): string {
  const b = label.box;
  const out: string[] = [`<g class="label"${attrs}>`];
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
  out.push('</g>');
  return out.join('');
}

const BASEMAP_INK = '#8a8a8a';

/** The list's own background: park outlines (light, dashed) and the place names that found room. */
function basemapSvg(bm: BasemapLayout, panel: 'main' | 'inset'): string[] {
  const out: string[] = [];
  for (const park of bm.parks) {
    out.push(
      `<polygon class="park" data-panel="${panel}" data-name="${escapeHtml(park.name)}" points="${points(park.outline)}" fill="#eeebe3" stroke="${BASEMAP_INK}" stroke-width="0.3" stroke-dasharray="1.2 0.8"/>`,
    );
  }
  for (const n of bm.names) {
    const b = n.box;
    out.push(
      `<text class="place-name" data-panel="${panel}" x="${num(b.x + b.width / 2)}" y="${num(b.y + b.height / 2)}" font-size="2.6" fill="${BASEMAP_INK}" text-anchor="middle" dominant-baseline="central">${escapeHtml(n.name)}</text>`,
    );
  }
  return out;
}

function areaSvg(key: string, style: GroupStyle, hull: readonly XY[], panel: 'main' | 'inset'): string {
  return `<polygon class="area" data-group="${escapeHtml(key)}" data-panel="${panel}" points="${points(hull)}" fill="${style.color}" fill-opacity="0.07" stroke="${style.color}" stroke-opacity="0.6" stroke-width="0.35"${dashAttr(style)}/>`;
}

function insetSvg(req: MapRequest, L: MapLayout, I: InsetLayout): string[] {
  const size = labelSize(req);
  const b = I.box;
  const draw = insetDrawBox(b);
  const out: string[] = [];
  const f = I.region;
  // The frame on the main map, and two thin lines from it to the inset it is drawn again in.
  out.push(
    `<rect class="inset-region" x="${num(f.x)}" y="${num(f.y)}" width="${num(f.width)}" height="${num(f.height)}" fill="none" stroke="#333" stroke-width="0.35"/>`,
  );
  for (const [fy, by] of [
    [f.y, b.y],
    [f.y + f.height, b.y + b.height],
  ] as const) {
    out.push(`<line class="inset-link" x1="${num(f.x + f.width)}" y1="${num(fy)}" x2="${num(b.x)}" y2="${num(by)}" stroke="#999" stroke-width="0.2"/>`);
  }
  out.push(`<g class="inset">`);
  out.push(
    `<rect class="inset-frame" x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" fill="#fff" stroke="#333" stroke-width="0.35"/>`,
  );
  out.push(...basemapSvg(I.basemap, 'inset'));
  for (const l of I.layers) if (l.hull.length >= 3) out.push(areaSvg(l.layer.key, l.style, l.hull, 'inset'));
  for (const l of I.layers) {
    for (const s of l.segments) {
      out.push(`<line x1="${num(s.a.x)}" y1="${num(s.a.y)}" x2="${num(s.b.x)}" y2="${num(s.b.y)}" stroke="#fff" stroke-width="1.3" stroke-linecap="round"/>`);
    }
    for (const s of l.segments) {
      out.push(
        `<line class="inset-route" data-group="${escapeHtml(l.layer.key)}" x1="${num(s.a.x)}" y1="${num(s.a.y)}" x2="${num(s.b.x)}" y2="${num(s.b.y)}" stroke="${l.style.color}" stroke-width="0.6"${dashAttr(l.style)}/>`,
      );
      out.push(directionMark(s.a, s.b, l.style.color));
    }
  }
  for (const l of I.layers)
    for (const s of l.stops)
      out.push(
        `<g class="inset-stop" data-group="${escapeHtml(l.layer.key)}" data-seq="${s.stop.seq}">${markerSvg(l.style.marker, s.xy.x, s.xy.y, L.markerRadius, l.style.color)}</g>`,
      );
  if (I.base) out.push(`<g class="base">${baseSymbol(I.base.xy.x, I.base.xy.y, 1.7)}</g>`);
  out.push(`<g class="labels">`);
  if (I.base) out.push(labelSvg(I.base.label, req.base.name, BASE_SIZE, null, ' data-panel="inset"'));
  for (const l of I.layers)
    for (const s of l.stops)
      if (s.label)
        out.push(labelSvg(s.label, s.text, size, l.style.color, ` data-group="${escapeHtml(l.layer.key)}" data-seq="${s.stop.seq}" data-panel="inset"`));
  out.push('</g>');
  out.push(text(b.x + 2, b.y + INSET_TITLE / 2 + 0.3, I.title, { size: 2.7, central: true }));
  out.push(`<line x1="${num(b.x)}" y1="${num(draw.y)}" x2="${num(b.x + b.width)}" y2="${num(draw.y)}" stroke="#bbb" stroke-width="0.2"/>`);
  out.push(renderScaleBar(I.projection.mmPerKm, b.x + 3, draw.y + draw.height + 1.2, Math.min(30, b.width / 3), req.lang));
  out.push('</g>');
  return out;
}

export function renderRouteMap(req: MapRequest): string {
  const L = layoutRouteMap(req);
  const W = L.width;
  const H = L.height;
  const size = labelSize(req);
  const out: string[] = [
    // Inline in HTML, so no xmlns (nothing on the page names an outside address). When the page has less
    // room than drawn for, the map shrinks as a whole and keeps to the top.
    `<svg class="route-map" width="${num(W)}mm" height="${num(H)}mm" viewBox="0 0 ${num(W)} ${num(H)}" preserveAspectRatio="xMidYMin meet" role="img" aria-label="${req.lang === 'en' ? 'patrol route map' : '巡查路线图'}">`,
    `<rect x="0" y="0" width="${num(W)}" height="${num(H)}" fill="#fff"/>`,
  ];
  out.push(...basemapSvg(L.basemap, 'main'));
  for (const l of L.layers) for (const a of [l.hull, ...l.extraAreas]) if (a.length >= 3) out.push(areaSvg(l.layer.key, l.style, a, 'main'));
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
  if (L.base.label) out.push(labelSvg(L.base.label, req.base.name, BASE_SIZE, null, ' data-panel="main"'));
  for (const l of L.layers)
    for (const s of l.stops)
      if (s.panel === 'main')
        out.push(labelSvg(s.label, s.text, size, l.style.color, ` data-group="${escapeHtml(l.layer.key)}" data-seq="${s.stop.seq}" data-panel="main"`));
  out.push('</g>');
  if (L.inset) out.push(...insetSvg(req, L, L.inset));

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
