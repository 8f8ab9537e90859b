/**
 * TSPLIB files: the .tsp problem (EUC_2D and GEO node coordinates), the .tour solution, and the
 * exact TSPLIB distance functions, so our tour lengths compare with the published optima.
 * Pure functions over strings; reading the files is the caller's business.
 * Format: G. Reinelt, TSPLIB95 documentation; quirks seen in real files: bench/data/tsplib/SOURCE.md.
 */

import { CODE, HazeError, type Text } from '../../errors.js';

export const TSPLIB_EDGE_WEIGHT_TYPES = ['EUC_2D', 'GEO'] as const;
export type TsplibEdgeWeightType = (typeof TSPLIB_EDGE_WEIGHT_TYPES)[number];

export interface TsplibProblem {
  name: string;
  comment: string;
  dimension: number;
  edgeWeightType: TsplibEdgeWeightType;
  /** Node i (0-based) is TSPLIB node i+1. For GEO, x is latitude and y longitude, both DDD.MM. */
  x: Float64Array;
  y: Float64Array;
}

export interface TsplibTour {
  name: string;
  /** DIMENSION from the header, or null when the file has none. */
  dimension: number | null;
  /** 0-based node indices in tour order (TSPLIB node k is index k-1). */
  order: number[];
}

function tsplibError(file: string, line: number, message: Text, hint?: Text): HazeError {
  return new HazeError(CODE.HAZE_TSPLIB_FORMAT, { message, where: { file, line }, hint });
}

/** `KEY : value` or `KEY: value`; a bare `KEY` (a section start) has an empty value. */
function splitHeader(line: string): { key: string; value: string } {
  const colon = line.indexOf(':');
  if (colon < 0) return { key: line.trim().toUpperCase(), value: '' };
  return { key: line.slice(0, colon).trim().toUpperCase(), value: line.slice(colon + 1).trim() };
}

function parseDimension(value: string, file: string, line: number): number {
  const dimension = Number(value);
  if (value === '' || !Number.isInteger(dimension) || dimension < 0) {
    throw tsplibError(file, line, {
      zh: `DIMENSION“${value}”不是非负整数`,
      en: `DIMENSION "${value}" is not a non-negative integer`,
    });
  }
  return dimension;
}

/** Parses a .tsp file with a NODE_COORD_SECTION. `file` only labels error messages. */
export function parseTsplibProblem(text: string, file = '<tsp>'): TsplibProblem {
  const lines = text.split(/\r?\n/);
  let name = '';
  let comment = '';
  let dimension: number | null = null;
  let edgeWeightType: TsplibEdgeWeightType | null = null;
  let lineIndex = 0;
  for (; lineIndex < lines.length; lineIndex++) {
    const raw = lines[lineIndex]!.trim();
    if (raw === '') continue;
    const { key, value } = splitHeader(raw);
    if (key === 'NODE_COORD_SECTION') break;
    if (key === 'EOF') break;
    if (key === 'NAME') name = value;
    else if (key === 'COMMENT') comment = comment === '' ? value : `${comment}\n${value}`;
    else if (key === 'TYPE' && value !== 'TSP') {
      throw tsplibError(
        file,
        lineIndex + 1,
        { zh: `不支持的 TYPE ${value}`, en: `TYPE ${value} is not supported` },
        { zh: '只支持对称 TSP 文件（TYPE: TSP）', en: 'only symmetric TSP files (TYPE: TSP)' },
      );
    } else if (key === 'DIMENSION') dimension = parseDimension(value, file, lineIndex + 1);
    else if (key === 'EDGE_WEIGHT_TYPE') {
      if (!(TSPLIB_EDGE_WEIGHT_TYPES as readonly string[]).includes(value)) {
        throw tsplibError(
          file,
          lineIndex + 1,
          { zh: `不支持的 EDGE_WEIGHT_TYPE ${value}`, en: `EDGE_WEIGHT_TYPE ${value} is not supported` },
          { zh: '支持：EUC_2D、GEO', en: 'supported: EUC_2D, GEO' },
        );
      }
      edgeWeightType = value as TsplibEdgeWeightType;
    }
  }
  if (dimension === null) throw tsplibError(file, lineIndex + 1, { zh: '节点段之前没有 DIMENSION', en: 'no DIMENSION before the node section' });
  if (edgeWeightType === null)
    throw tsplibError(file, lineIndex + 1, { zh: '节点段之前没有 EDGE_WEIGHT_TYPE', en: 'no EDGE_WEIGHT_TYPE before the node section' });
  if (lineIndex >= lines.length || splitHeader(lines[lineIndex]!.trim()).key !== 'NODE_COORD_SECTION') {
    throw tsplibError(file, lineIndex + 1, { zh: '没有 NODE_COORD_SECTION', en: 'no NODE_COORD_SECTION' });
  }

  const x = new Float64Array(dimension);
  const y = new Float64Array(dimension);
  const seen = new Uint8Array(dimension);
  let count = 0;
  for (lineIndex++; lineIndex < lines.length; lineIndex++) {
    const raw = lines[lineIndex]!.trim();
    if (raw === '') continue;
    if (raw === 'EOF') break;
    const fields = raw.split(/\s+/);
    if (fields.length !== 3) {
      throw tsplibError(
        file,
        lineIndex + 1,
        { zh: `节点行“${raw}”有 ${fields.length} 个字段`, en: `node line "${raw}" has ${fields.length} fields` },
        { zh: '应为：编号 x y', en: 'expected: id x y' },
      );
    }
    const id = Number(fields[0]);
    const xi = Number(fields[1]);
    const yi = Number(fields[2]);
    if (!Number.isInteger(id) || id < 1 || id > dimension) {
      throw tsplibError(file, lineIndex + 1, {
        zh: `节点编号“${fields[0]}”不在 1..${dimension} 之内`,
        en: `node id "${fields[0]}" is not in 1..${dimension}`,
      });
    }
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) {
      throw tsplibError(file, lineIndex + 1, { zh: `节点 ${id} 的坐标不是数字`, en: `node ${id} has a coordinate that is not a number` });
    }
    if (seen[id - 1] === 1) throw tsplibError(file, lineIndex + 1, { zh: `节点 ${id} 出现两次`, en: `node ${id} appears twice` });
    seen[id - 1] = 1;
    x[id - 1] = xi;
    y[id - 1] = yi;
    count++;
  }
  if (count !== dimension) {
    throw tsplibError(file, lineIndex + 1, {
      zh: `节点段有 ${count} 个节点，DIMENSION 为 ${dimension}`,
      en: `the node section has ${count} nodes, DIMENSION says ${dimension}`,
    });
  }
  return { name, comment, dimension, edgeWeightType, x, y };
}

/** TSPLIB EUC_2D: Euclidean distance rounded to the nearest integer (nint). */
export function euc2dDistance(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
}

/** TSPLIB's own value of pi for GEO: using Math.PI changes the optima. */
const TSPLIB_PI = 3.141592;
/** TSPLIB's idealised earth radius in km. */
const TSPLIB_RRR = 6378.388;

/**
 * DDD.MM (degrees.minutes) to radians as TSPLIB does it: the degrees are split off by truncation
 * toward zero (C's (int) cast), not by nint as DOC.PS prints it — only truncation reproduces the optima.
 */
export function geoRadians(degreesMinutes: number): number {
  const degrees = Math.trunc(degreesMinutes);
  const minutes = degreesMinutes - degrees;
  return (TSPLIB_PI * (degrees + (5.0 * minutes) / 3.0)) / 180.0;
}

/** TSPLIB GEO distance between two (latitude, longitude) points given in radians (see geoRadians). */
export function geoDistance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const q1 = Math.cos(lon1 - lon2);
  const q2 = Math.cos(lat1 - lat2);
  const q3 = Math.cos(lat1 + lat2);
  // The clamp only guards acos against rounding just past ±1; it changes no valid value.
  const cosine = Math.min(1, Math.max(-1, 0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)));
  return Math.trunc(TSPLIB_RRR * Math.acos(cosine) + 1.0);
}

/**
 * The problem's distance function over 0-based node indices. d(i, i) is 0 (TSPLIB's GEO formula
 * would give 1 there, but no tour uses a loop).
 */
export function tsplibDistance(problem: TsplibProblem): (i: number, j: number) => number {
  const { x, y } = problem;
  if (problem.edgeWeightType === 'EUC_2D') {
    return (i, j) => (i === j ? 0 : euc2dDistance(x[i]!, y[i]!, x[j]!, y[j]!));
  }
  const lat = x.map(geoRadians);
  const lon = y.map(geoRadians);
  return (i, j) => (i === j ? 0 : geoDistance(lat[i]!, lon[i]!, lat[j]!, lon[j]!));
}

/** Parses a .tour file: the ids after TOUR_SECTION up to -1 (or EOF), several per line allowed. */
export function parseTsplibTour(text: string, file = '<tour>'): TsplibTour {
  const lines = text.split(/\r?\n/);
  let name = '';
  let dimension: number | null = null;
  let lineIndex = 0;
  for (; lineIndex < lines.length; lineIndex++) {
    const raw = lines[lineIndex]!.trim();
    if (raw === '') continue;
    const { key, value } = splitHeader(raw);
    if (key === 'TOUR_SECTION' || key === 'EOF') break;
    if (key === 'NAME') name = value;
    else if (key === 'DIMENSION') dimension = parseDimension(value, file, lineIndex + 1);
    else if (key === 'TYPE' && value !== 'TOUR') throw tsplibError(file, lineIndex + 1, { zh: `TYPE ${value} 不是 TOUR`, en: `TYPE ${value} is not TOUR` });
  }
  if (lineIndex >= lines.length || splitHeader(lines[lineIndex]!.trim()).key !== 'TOUR_SECTION') {
    throw tsplibError(file, lineIndex + 1, { zh: '没有 TOUR_SECTION', en: 'no TOUR_SECTION' });
  }
  const order: number[] = [];
  let ended = false;
  for (lineIndex++; lineIndex < lines.length && !ended; lineIndex++) {
    const raw = lines[lineIndex]!.trim();
    if (raw === '') continue;
    if (raw === 'EOF') break;
    for (const field of raw.split(/\s+/)) {
      const id = Number(field);
      if (id === -1) {
        ended = true;
        break;
      }
      if (!Number.isInteger(id) || id < 1) {
        throw tsplibError(file, lineIndex + 1, { zh: `路线条目“${field}”不是节点编号`, en: `tour entry "${field}" is not a node id` });
      }
      order.push(id - 1);
    }
  }
  const size = dimension ?? order.length;
  const seen = new Uint8Array(size);
  for (const node of order) {
    if (node >= size || seen[node] === 1) {
      throw tsplibError(file, lineIndex, {
        zh: `路线不是 1..${size} 的一个排列（节点 ${node + 1}）`,
        en: `the tour is not a permutation of 1..${size} (node ${node + 1})`,
      });
    }
    seen[node] = 1;
  }
  if (order.length !== size) {
    throw tsplibError(file, lineIndex, {
      zh: `路线有 ${order.length} 个节点，DIMENSION 为 ${size}`,
      en: `the tour has ${order.length} nodes, DIMENSION says ${size}`,
    });
  }
  return { name, dimension, order };
}

/** Writes a TSPLIB .tour file for a 0-based order (written 1-based, one id a line, -1, EOF). */
export function formatTsplibTour(name: string, order: readonly number[], comment?: string): string {
  const lines = [`NAME : ${name}`, 'TYPE : TOUR'];
  if (comment !== undefined && comment !== '') lines.push(`COMMENT : ${comment.replace(/\r?\n/g, ' ')}`);
  lines.push(`DIMENSION : ${order.length}`, 'TOUR_SECTION');
  for (const node of order) lines.push(String(node + 1));
  lines.push('-1', 'EOF', '');
  return lines.join('\n');
}
