/**
 * Files people send back — filled-in checklists, provincial findings: CSV (any encoding a list may have) or
 * .xlsx, read as rows with the row numbers Excel shows, the header found by the columns it must name.
 */
import { createHash } from 'node:crypto';
import { CODE, HazeError } from '../../errors.js';
import { readInput } from './byteSource.js';
import { csvRows, type SheetRow } from './csvTable.js';
import { decodeBytes } from './decode.js';
import type { Problem } from '../../core/problem.js';
import { withoutInvisible } from '../../core/invisible.js';
import { invisibleIn } from './listColumns.js';
import { invisibleInHeader } from './listRows.js';
import { sniffBytes } from './sniff.js';
import { xlsxRowStream } from './xlsxRows.js';

export interface ImportTable {
  file: string;
  sha256: string;
  /** Column index of each known key (by its English key or Chinese label). */
  columns: Map<string, number>;
  headerRow: number;
  rows: SheetRow[];
  /** Header cells read once their invisible characters were left out (warnings, for the command to say). */
  warnings: Problem[];
}

/** A row's cell under a known column, trimmed; '' when the file has no such column or the row ends before it. */
export function cellOf(table: Pick<ImportTable, 'columns'>, cells: readonly string[], key: string): string {
  const i = table.columns.get(key);
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/** key → the header cells that name it, English key first. */
export type ColumnNames = Record<string, readonly string[]>;

export async function readImportTable(file: string, names: ColumnNames, required: readonly string[]): Promise<ImportTable> {
  const shown = file === '-' ? '<stdin>' : file;
  const bytes = readInput(file);
  const kind = sniffBytes(bytes.subarray(0, 4096));
  let rows: SheetRow[];
  if (kind.kind === 'zip') {
    rows = [];
    for await (const r of xlsxRowStream(bytes, shown, undefined)) rows.push(r);
  } else if (kind.kind === 'text') {
    rows = csvRows(decodeBytes(bytes, shown).text, shown);
  } else {
    const what =
      kind.kind === 'binary'
        ? kind.what
        : kind.kind === 'ole2'
          ? { zh: '旧版 .xls 文件', en: 'a legacy .xls file' }
          : { zh: '网页或 XML 表格', en: 'a web page or XML spreadsheet' };
    throw new HazeError(CODE.HAZE_IMPORT_NOT_TABLE, {
      where: { file: shown },
      message: { zh: `不是 CSV 或 .xlsx 表格：${what.zh}`, en: `not a CSV or .xlsx table: ${what.en}` },
    });
  }
  const norm = (s: string) => withoutInvisible(s).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const lookup = new Map<string, string>();
  for (const [key, labels] of Object.entries(names)) for (const l of [key, ...labels]) lookup.set(norm(l), key);
  // The header is the first of the top rows that names every required column (title rows may sit above).
  for (const r of rows.slice(0, 30)) {
    const columns = new Map<string, number>();
    r.cells.forEach((c, i) => {
      const key = lookup.get(norm(c));
      if (key && !columns.has(key)) columns.set(key, i);
    });
    if (required.every((k) => columns.has(k))) {
      return {
        file: shown,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        columns,
        headerRow: r.row,
        rows: rows.filter((x) => x.row > r.row && x.cells.some((c) => c.trim() !== '')),
        warnings: [...columns.values()].flatMap((i) => {
          const hidden = invisibleIn(r.cells[i]!);
          return hidden.length > 0 ? [invisibleInHeader(shown, r.row, withoutInvisible(r.cells[i]!).trim(), hidden)] : [];
        }),
      };
    }
  }
  const missing = required.map((k) => `${k}（${names[k]?.[0] ?? k}）`).join('、');
  throw new HazeError(CODE.HAZE_IMPORT_HEADER, {
    where: { file: shown, row: 1 },
    message: { zh: `找不到表头：需要列 ${missing}`, en: `no header found: the columns ${required.join(', ')} are needed` },
  });
}
