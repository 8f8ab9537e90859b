/** What a store holds, table by table: for `haze db info` and for saying what a backup copied. */
import type { Store } from './db.js';

export interface TableCount {
  table: string;
  rows: number;
}

export function tableCounts(db: Store): TableCount[] {
  // Table names come from the store's own catalogue, never from input, so quoting them is enough.
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return tables.map(({ name }) => ({ table: name, rows: (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n }));
}
