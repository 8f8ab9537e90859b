/**
 * Where the header is. Lists made for people start with a title ("薛埠镇重污染天气应急减排清单", often a
 * merged cell across the sheet), a note or a date, and only then the header; some split the header over
 * two rows ("年排放量（吨）" merged over SO2 | NOx | 颗粒物 | VOCs). The header is the first of the top rows
 * that names at least three known columns; a row right below it made only of known column names
 * completes it.
 */
import type { SheetRow } from './csvTable.js';
import { fieldOfHeader } from './listColumns.js';

/** How far down a header is looked for. Title blocks are a few rows; this is generous. */
export const HEADER_SEARCH_ROWS = 30;
const MIN_KNOWN = 3;

export interface FoundHeader {
  /** The header cells, with a second header row folded in. */
  cells: string[];
  /** The row number of the header (its first row when it has two). */
  row: number;
  /** How many of the given rows the header and what is above it take up. */
  consumed: number;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function knownFields(cells: readonly string[]): number {
  return new Set(cells.map(fieldOfHeader).filter((f) => f !== undefined)).size;
}

/**
 * The header among the first rows (at most HEADER_SEARCH_ROWS of them); null when all are blank.
 * Without a row naming three known columns, the first non-blank row is the header, so that the missing
 * columns can be named.
 */
export function findHeader(rows: readonly SheetRow[]): FoundHeader | null {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  let at = top.findIndex((r) => knownFields(r.cells) >= MIN_KNOWN);
  if (at < 0) at = top.findIndex((r) => !isBlank(r.cells));
  if (at < 0) return null;
  const first = top[at]!;
  // The row found may be the lower half of a two-row header whose upper half names fewer columns
  // (企业名称 and 经度 merged down, beside 年排放量 over SO2 | NOx): fold it in from above.
  const above = at > 0 ? top[at - 1] : undefined;
  if (above && completesFromAbove(above.cells, first.cells)) {
    return { cells: foldHeaders(above.cells, first.cells), row: above.row, consumed: at + 1 };
  }
  const second = rows[at + 1];
  if (second && isSubHeader(second.cells)) {
    return { cells: foldHeaders(first.cells, second.cells), row: first.row, consumed: at + 2 };
  }
  return { cells: first.cells, row: first.row, consumed: at + 1 };
}

/** A second header row: every non-empty cell names a known column. */
function isSubHeader(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.every((c) => fieldOfHeader(c) !== undefined);
}

/** The upper row names known columns only where the lower row is empty (merged down from above). */
function completesFromAbove(upper: readonly string[], lower: readonly string[]): boolean {
  let known = 0;
  for (let i = 0; i < upper.length; i++) {
    if (fieldOfHeader(upper[i] ?? '') === undefined) continue;
    if ((lower[i] ?? '').trim() !== '') return false;
    known++;
  }
  return known > 0;
}

/** The lower row's name wins under a group title or an empty (merged) cell; a known upper name stays. */
function foldHeaders(upper: readonly string[], lower: readonly string[]): string[] {
  const n = Math.max(upper.length, lower.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = upper[i] ?? '';
    const l = lower[i] ?? '';
    out.push(l.trim() !== '' && fieldOfHeader(u) === undefined ? l : u);
  }
  return out;
}
