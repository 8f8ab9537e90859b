/** Pick the renderer for --format: the same columns as a table, CSV or JSON. */
import type { Column } from '../io/write/columns.js';
import { renderCsv } from '../io/write/csv.js';
import { renderJson, toRecords } from '../io/write/json.js';
import { renderTable } from '../io/write/table.js';
import type { Context } from './context.js';

export function renderRows<T>(ctx: Context, format: 'table' | 'csv' | 'json', rows: readonly T[], columns: readonly Column<T>[]): string {
  switch (format) {
    case 'csv':
      return renderCsv(rows, columns, { excel: ctx.opts.excel === true, lang: ctx.lang });
    case 'json':
      return renderJson(toRecords(rows, columns));
    case 'table':
      return renderTable(rows, columns, { lang: ctx.lang, color: ctx.colorOut });
  }
}
