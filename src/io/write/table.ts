/** Tables for a terminal: Chinese labels, CJK-aware widths (cli-table3), colour only when allowed. */
import Table from 'cli-table3';
import type { Column } from './columns.js';

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], opts: { lang: 'zh' | 'en'; color: boolean }): string {
  const cols = columns.filter((c) => !c.dataOnly);
  const table = new Table({
    head: cols.map((c) => (opts.lang === 'en' ? c.en : c.zh)),
    style: { head: opts.color ? ['cyan'] : [], border: opts.color ? ['grey'] : [], compact: true },
    wordWrap: false,
  });
  for (const r of rows) table.push(cols.map((c) => show(c.value(r))));
  return `${table.toString()}\n`;
}

function show(cell: string | number | boolean | null): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? '是' : '';
  return String(cell);
}
