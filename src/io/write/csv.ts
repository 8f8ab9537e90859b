/**
 * CSV for scripts (English keys, UTF-8, no BOM) or for people opening it in Excel (--excel: Chinese headers
 * and a UTF-8 BOM). A text cell that Excel would run as a formula is escaped (OWASP CSV injection).
 */
import { stringify } from 'csv-stringify/sync';
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

export function renderCsv<T>(rows: readonly T[], columns: readonly Column<T>[], opts: { excel?: boolean; lang?: 'zh' | 'en' } = {}): string {
  const cols = dataColumns(columns);
  const header = cols.map((c) => (opts.excel ? (opts.lang === 'en' ? c.en : c.zh) : c.key));
  const body = rows.map((r) => cols.map((c) => escapeCell(c.value(r))));
  const text = stringify([header, ...body], { record_delimiter: opts.excel ? '\r\n' : '\n' });
  return opts.excel ? `\uFEFF${text}` : text;
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
