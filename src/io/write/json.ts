/** JSON for scripts: an array of objects with the columns' stable English keys. */
import { dataColumns, type Column } from './columns.js';

export function toRecords<T>(rows: readonly T[], columns: readonly Column<T>[]): Record<string, unknown>[] {
  const cols = dataColumns(columns);
  return rows.map((r) => Object.fromEntries(cols.map((c) => [c.key, c.value(r)])));
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
