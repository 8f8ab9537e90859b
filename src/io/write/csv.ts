/**
 * CSV for scripts (English keys, UTF-8, no BOM) or for people opening it in Excel (--excel: Chinese headers,
 * Chinese values — 橙色, 部分停产, 是/否 — and a UTF-8 BOM). A text cell that Excel would run as a formula is
 * escaped (OWASP CSV injection).
 */
import { createRequire } from 'node:module';
import { dataColumns, type Cell, type Column } from './columns.js';

/** = + - @ tab CR, and their full-width forms (＝ ＋ － ＠), start a formula in Excel or LibreOffice. */
function startsFormula(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d || c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20;
}

export function escapeCell(cell: Cell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return startsFormula(cell.charCodeAt(0)) ? `'${cell}` : cell;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function quoted(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A cell as the CSV writes it: escapeCell, then quoted where it must be (one call a cell: 1.3 million for a province's measures). */
function csvCell(cell: Cell): string {
  if (typeof cell === 'string') {
    if (cell === '') return '';
    return quoted(startsFormula(cell.charCodeAt(0)) ? `'${cell}` : cell);
  }
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return cell ? 'true' : 'false';
}

/** The same for a person in Excel: a yes or no in words. */
function excelCell(cell: Cell): string {
  return typeof cell === 'boolean' ? (cell ? '是' : '否') : csvCell(cell);
}

export interface CsvOptions {
  excel?: boolean;
  lang?: 'zh' | 'en';
}

export function renderCsv<T>(rows: readonly T[], columns: readonly Column<T>[], opts: CsvOptions = {}): string {
  return [...renderCsvChunks(rows, columns, opts)].join('');
}

/**
 * The same CSV a few hundred whole lines at a time, for writing as it is made: a province list's output
 * (100,000 rows, 30 MB of text) then never sits in memory whole, next to its bytes.
 */
export function* renderCsvChunks<T>(rows: readonly T[], columns: readonly Column<T>[], opts: CsvOptions = {}): Generator<string> {
  // In Chinese for Excel: the values too (the human formats' words). With --lang en the headers are English
  // and the values stay the stable words of scripts.
  const words = opts.excel === true && opts.lang !== 'en';
  const cols = dataColumns(columns).filter((c) => !(words && c.notInExcel));
  const values = cols.map((c) => (words && c.excel ? c.excel : c.value));
  const cell = words ? excelCell : csvCell;
  const n = values.length;
  const eol = opts.excel ? '\r\n' : '\n';
  const header = cols.map((c) => quoted(opts.excel ? (opts.lang === 'en' ? c.en : c.zh) : c.key)).join(',');
  let chunk = (opts.excel ? '\uFEFF' : '') + header + eol;
  let lines = 0;
  for (const r of rows) {
    let line = n > 0 ? cell(values[0]!(r)) : '';
    for (let i = 1; i < n; i++) line += ',' + cell(values[i]!(r));
    chunk += line + eol;
    if (++lines % 512 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export type OutputEncoding = 'utf-8' | 'gb18030';

/** --output-encoding as people write it; GBK is written as GB18030, its superset. */
export const OUTPUT_ENCODINGS: Record<string, OutputEncoding | undefined> = { 'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030' };

/**
 * The bytes of an output. GB18030 is for old Excel and WPS versions that take a CSV as the system's ANSI
 * code page: they do not know a BOM, so --excel's UTF-8 BOM is dropped.
 */
// iconv-lite only for GB18030, loaded then: most output is UTF-8, and loading it costs every command's start.
let iconv: typeof import('iconv-lite') | undefined;
const gb18030 = () => (iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

export function encodeOutput(text: string, encoding: OutputEncoding): string | Uint8Array {
  if (encoding === 'utf-8') return text;
  return gb18030().encode(text.startsWith('\uFEFF') ? text.slice(1) : text, 'gb18030');
}
