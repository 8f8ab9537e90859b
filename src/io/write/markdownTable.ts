/** A Markdown (GFM) table from the same columns as the table, CSV and JSON, with the human labels. */
import type { Cell, Column } from './columns.js';

export function renderMarkdownTable<T>(rows: readonly T[], columns: readonly Column<T>[], lang: 'zh' | 'en'): string {
  const cols = columns.filter((c) => !c.dataOnly);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line(cols.map((c) => escapeCell(lang === 'en' ? c.en : c.zh))),
    line(cols.map((c) => (rows.some((r) => typeof c.value(r) === 'number') ? '---:' : '---'))),
  ];
  for (const r of rows) out.push(line(cols.map((c) => escapeCell(show(c.value(r), lang)))));
  return `${out.join('\n')}\n`;
}

function show(cell: Cell, lang: 'zh' | 'en'): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return lang === 'en' ? (cell ? 'yes' : 'no') : cell ? '是' : '否';
  return String(cell);
}

/** A pipe would end the cell and a line break the row; markup characters are shown as written. */
function escapeCell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/([|*_`<>[\]\\])/g, '\\$1');
}
