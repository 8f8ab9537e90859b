/**
 * CSV for scripts (English keys, UTF-8, no BOM) or for people opening it in Excel (--excel: Chinese headers
 * and a UTF-8 BOM). A text cell that Excel would run as a formula is escaped (OWASP CSV injection).
 */
import iconv from 'iconv-lite';
import { dataColumns, type Cell, type Column } from './columns.js';

/** = + - @ tab CR, and their full-width forms, start a formula in Excel or LibreOffice. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function escapeCell(cell: Cell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
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
  const cols = dataColumns(columns);
  const eol = opts.excel ? '\r\n' : '\n';
  const header = cols.map((c) => csvField(opts.excel ? (opts.lang === 'en' ? c.en : c.zh) : c.key)).join(',');
  let chunk = (opts.excel ? '\uFEFF' : '') + header + eol;
  let lines = 0;
  for (const r of rows) {
    chunk += cols.map((c) => csvField(escapeCell(c.value(r)))).join(',') + eol;
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
export function encodeOutput(text: string, encoding: OutputEncoding): string | Uint8Array {
  if (encoding === 'utf-8') return text;
  return iconv.encode(text.startsWith('\uFEFF') ? text.slice(1) : text, 'gb18030');
}
