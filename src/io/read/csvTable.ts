/**
 * CSV text → records with the row number Excel shows for each (record N is row N: a cell with a line
 * break is still one row). One set of csv-parse options behind two faces: a sync one for a whole text and
 * a stream one for files too large to hold twice. Field-count mismatches are left to the row reader so
 * that every bad row is reported; only a CSV that cannot be split at all (an unclosed quote) stops here.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse as parseStream, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { HazeError, EXIT } from '../../errors.js';

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: string[];
}

/**
 * relax_quotes: a quote inside an unquoted cell (`a "b" c`, typed by hand) is text, as Excel reads it;
 * a cell that opens a quote and never closes it is still an error.
 */
const OPTIONS: Options = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false };

interface CsvParseError extends Error {
  code?: string;
  records?: number;
}

/** The whole text at once. */
export function csvRows(text: string, file: string): SheetRow[] {
  let records: string[][];
  try {
    records = parseSync(text, OPTIONS) as string[][];
  } catch (err) {
    throw csvError(err, file);
  }
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

/**
 * Text chunks → records, handed to `onRow` one at a time as csv-parse makes them; memory holds one chunk
 * and its records, not the file. A callback rather than an async iterator: on 100,000 rows, a promise
 * per record costs more than the row reader itself.
 */
export async function csvRowStream(text: AsyncIterable<string>, file: string, onRow: (r: SheetRow) => void): Promise<void> {
  const parser = parseStream(OPTIONS);
  let row = 0;
  parser.on('readable', () => {
    try {
      for (let cells: string[] | null; (cells = parser.read() as string[] | null) !== null;) onRow({ row: ++row, cells });
    } catch (err) {
      parser.destroy(err as Error);
    }
  });
  try {
    await pipeline(Readable.from(text, { objectMode: false }), parser);
  } catch (err) {
    throw csvError(err, file);
  }
}

function csvError(err: unknown, file: string): Error {
  if (err instanceof HazeError) return err;
  const e = err as CsvParseError;
  // Not a CSV problem (a read error, a bug): let the CLI report it as what it is.
  if (!(err instanceof CsvError)) return e;
  const row = (e.records ?? 0) + 1;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new HazeError({
      code: 'HAZE_CSV_QUOTE_NOT_CLOSED', exitCode: EXIT.dataErr, where: { file, row },
      message: { zh: `第 ${row} 行的引号没有闭合，之后的内容无法分列`, en: `an opening quote on row ${row} is never closed` },
      hint: { zh: '检查该行单元格中的双引号（单元格内的引号要写成两个 ""）', en: 'check the quotes in that row ("" inside a quoted cell)' },
    });
  }
  return new HazeError({
    code: 'HAZE_CSV_MALFORMED', exitCode: EXIT.dataErr, where: { file, row },
    message: { zh: `CSV 格式错误：${e.message}`, en: `malformed CSV: ${e.message}` },
    hint: { zh: '在 Excel 中打开并另存为 CSV UTF-8', en: 'open it in Excel and save it again as CSV UTF-8' },
  });
}
