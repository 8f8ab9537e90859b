/**
 * A column of tabular output: a stable English key for scripts (CSV, JSON) and a Chinese label for people
 * (tables, --excel CSV, whose values are in Chinese too). Every renderer takes the same columns, so the formats never drift apart.
 */
export type Cell = string | number | boolean | null;

export interface Column<T> {
  key: string;
  zh: string;
  en: string;
  value: (row: T) => Cell;
  /** Only in the human table (e.g. a Chinese summary of a code column). */
  tableOnly?: boolean;
  /** Not in the human table (too wide or only for scripts). */
  dataOnly?: boolean;
  /**
   * The value in the words of the human formats, for --excel (a person reads it in Excel): 橙色, not
   * `orange`. Without it the value is written as for scripts (booleans become 是/否 by themselves).
   */
  excel?: (row: T) => Cell;
  /** Left out of the --excel CSV (e.g. the English twin of a Chinese column). */
  notInExcel?: boolean;
  /**
   * When the human table is wider than the screen, the columns it can spare are left out: those with drop 1
   * first, then 2, and so on; a column without drop is always shown (--wide shows every column).
   */
  drop?: number;
  /** Long text, wrapped inside its cell when the table must be narrowed (other columns keep their width). */
  wrap?: boolean;
}

export function dataColumns<T>(columns: readonly Column<T>[]): Column<T>[] {
  return columns.filter((c) => !c.tableOnly);
}
