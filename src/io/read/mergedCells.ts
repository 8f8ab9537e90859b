/**
 * Merged cells in a sheet's data rows, as Excel shows them: one value across every cell of the range.
 * Town lists merge the village (村社区) down the rows of the enterprises in it, and a measure text across
 * the three levels' columns when it is the same at each. The file keeps the value only in the range's
 * top-left cell; haze gives it to every cell of the range, as the person reading the sheet sees it.
 *
 * A sheet lists its merges after all its rows (<mergeCells> follows <sheetData>), so they are found while
 * the workbook's zip is checked, before the rows are read (every entry is inflated once for its CRC-32
 * anyway): the bytes from <mergeCells> on are kept and read with saxes, and the rows' own reading of the
 * sheet must come upon the same ranges (xlsxRows.ts).
 */
import { scanFragment } from './xmlParts.js';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B5:D9" → rows 5–9, columns 2–4 (1-based, as Excel numbers them); null for anything else. */
export function parseRange(ref: string): MergeRange | null {
  const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  const a = { row: Number(m[2]), col: columnNumber(m[1]!) };
  const b = { row: Number(m[4]), col: columnNumber(m[3]!) };
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** A column's letters → its number: A → 1, Z → 26, AA → 27 (either case). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

const OPEN = Buffer.from('mergeCells');
/** Enough of the last chunk to find the name of <mergeCells> cut in two. */
const CARRY = OPEN.length;

/**
 * Finds the merged ranges in a worksheet's XML as it is inflated chunk by chunk. Until the name
 * `mergeCells` comes it keeps only a few bytes; from there it keeps the rest (some 30 bytes a range), and
 * saxes reads the <mergeCell> elements in it.
 */
export class MergeScanner {
  private tail: Buffer = Buffer.alloc(0);
  private parts: Buffer[] | null = null;

  push(chunk: Buffer): void {
    if (this.parts) {
      this.parts.push(chunk);
      return;
    }
    const text = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    const at = text.indexOf(OPEN);
    if (at >= 0) this.parts = [text.subarray(at)];
    else this.tail = Buffer.from(text.subarray(Math.max(0, text.length - CARRY)));
  }

  /** The ref="…" of every <mergeCell>, as written. */
  refs(): string[] {
    if (!this.parts) return [];
    const out: string[] = [];
    scanFragment(Buffer.concat(this.parts).toString('utf8'), (name, attrs) => {
      if (name === 'mergeCell' && attrs.ref !== undefined) out.push(attrs.ref);
    });
    return out;
  }

  ranges(): MergeRange[] {
    return rangesOf(this.refs());
  }
}

/** The ranges of more than one cell among `refs`. */
export function rangesOf(refs: readonly string[]): MergeRange[] {
  const out: MergeRange[] = [];
  for (const ref of refs) {
    const r = parseRange(ref);
    if (r && (r.bottom > r.top || r.right > r.left)) out.push(r);
  }
  return out;
}

/**
 * Gives each merged range's value to all its cells, row by row as the rows arrive (in order). A row that
 * is blank but for merged cells stays blank: a merge drawn on past the last enterprise does not make rows.
 */
export class MergeFill {
  private readonly pending: MergeRange[];
  private active: { range: MergeRange; value: string }[] = [];

  constructor(ranges: readonly MergeRange[]) {
    this.pending = [...ranges].sort((a, b) => b.top - a.top); // popped from the end, topmost first
  }

  apply(row: number, cells: string[]): string[] {
    this.active = this.active.filter((a) => a.range.bottom >= row);
    while (this.pending.length > 0 && this.pending.at(-1)!.top <= row) {
      const range = this.pending.pop()!;
      if (range.bottom < row) continue; // its rows never came (no cells in them)
      // Starting here or, when its top row had no cells at all, above: its value is the top-left cell's.
      const value = range.top === row ? (cells[range.left - 1] ?? '') : '';
      if (value.trim() !== '') this.active.push({ range, value });
    }
    if (this.active.length === 0) return cells;
    const blank = cells.every((c) => c.trim() === '');
    for (const { range, value } of this.active) {
      if (blank && range.top !== row) continue;
      while (cells.length < range.right) cells.push('');
      for (let c = range.left; c <= range.right; c++) cells[c - 1] = value;
    }
    return cells;
  }
}
