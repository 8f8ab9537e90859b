/**
 * CSV text → records with the row number Excel shows for each (record N is row N: a cell with a line
 * break is still one row). One splitter behind two faces: a sync one for a whole text and a chunked one for
 * files too large to hold twice. Field-count mismatches are left to the row reader so that every bad row
 * is reported; only a CSV that cannot be split at all (an unclosed quote) stops here.
 */
import { CODE, HazeError } from '../../errors.js';
import { CsvSplitError, CsvSplitter, MAX_RECORD_CHARS } from './csvSplit.js';

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: string[];
}

/** The whole text at once. */
export function csvRows(text: string, file: string): SheetRow[] {
  const rows: SheetRow[] = [];
  const splitter = new CsvSplitter((cells, row) => rows.push({ row, cells }));
  try {
    splitter.push(text);
    splitter.end();
  } catch (err) {
    throw csvError(err, file);
  }
  return rows;
}

/**
 * Text chunks → records, handed to `onRow` one at a time; memory holds one chunk and its records, not the
 * file. A callback rather than an async iterator: on 100,000 rows, a promise per record costs more than
 * the row reader itself.
 */
export async function csvRowStream(text: AsyncIterable<string>, file: string, onRow: (r: SheetRow) => void): Promise<void> {
  const splitter = new CsvSplitter((cells, row) => onRow({ row, cells }));
  try {
    for await (const chunk of text) splitter.push(chunk);
    splitter.end();
  } catch (err) {
    throw csvError(err, file);
  }
}

function csvError(err: unknown, file: string): Error {
  // Not a CSV problem (a read error, a problem found in a row, a bug): let the caller report it as what it is.
  if (!(err instanceof CsvSplitError)) return err as Error;
  const row = err.record;
  if (err.kind === 'quote') {
    return new HazeError(CODE.HAZE_CSV_QUOTE_NOT_CLOSED, {
      where: { file, row },
      message: { zh: `第 ${row} 行的引号没有闭合，之后的内容无法分列`, en: `an opening quote on row ${row} is never closed` },
    });
  }
  return new HazeError(CODE.HAZE_CSV_ROW_TOO_LONG, {
    where: { file, row },
    message: {
      zh: `第 ${row} 行超过 ${MAX_RECORD_CHARS.toLocaleString('en-US')} 个字符还没有结束：可能是引号没有闭合，或者这不是清单文件`,
      en: `row ${row} runs past ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters without ending: an unclosed quote, or not a list`,
    },
  });
}
