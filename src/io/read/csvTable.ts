/**
 * CSV text → records with the row number Excel shows for each, read by csv-parse: every CSV haze reads
 * (lists, results, findings) goes through here. What haze asks of it is what Excel does with a CSV:
 *
 * - any line break ends a record (CRLF, LF or a lone CR, mixed in one file as files edited by two programs
 *   are); a field in double quotes may hold commas, line breaks and doubled quotes ("");
 * - quotes are relaxed: a quote inside an unquoted field is text (`a "b" c`), and a quoted field followed by
 *   more text before the comma (`"a"b`) is read as written, quotes and all. Only a quote that opens a field
 *   and never closes is an error: everything after it would be one field;
 * - a BOM the decoder left in is dropped; fields are not trimmed (the row reader normalises them); an
 *   empty line is a record of one empty field (the readers skip blank rows, but it keeps its number);
 * - record N is row N, as Excel shows it: a quoted cell with line breaks in it is still one row, so the
 *   row number is the record's place in the file, not its physical line;
 * - field-count mismatches are left to the row reader, so that every bad row is reported;
 * - a control character in a cell (a NUL, an escape) is exit 65 with its row and column (controlCharacters.ts).
 *
 * Two faces over the same options: a sync one for a whole text and a chunked one for files too large to
 * hold twice.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Options } from 'csv-parse';
import { parse as parseAll } from 'csv-parse/sync';
import { CODE, HazeError } from '../../errors.js';
import { columnName, refuseControlCharacters } from './controlCharacters.js';

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: string[];
}

/**
 * An Excel cell holds at most 32,767 characters, so a list's record is never near this long: a record
 * still open past it is a quote that never closes, or a file that is not a list. Stopping there keeps
 * memory bounded whatever the file.
 *
 * csv-parse (max_record_size) counts the record's finished fields in characters and the field it is still
 * reading in UTF-8 bytes: every record past MAX_RECORD_CHARS characters stops, and so does a single cell
 * past 2,000,000 bytes (some 670,000 Chinese characters, twenty times what Excel lets a cell hold).
 */
export const MAX_RECORD_CHARS = 2_000_000;

const CSV_OPTIONS: Options = {
  bom: true,
  // Windows' first: CRLF is one line break, not two.
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: false,
  // csv-parse looks at the size before it adds a character: one less, and MAX_RECORD_CHARS is the most read.
  max_record_size: MAX_RECORD_CHARS - 1,
};

/** The whole text at once. */
export function csvRows(text: string, file: string): SheetRow[] {
  let records: string[][];
  try {
    records = parseAll(text, CSV_OPTIONS);
  } catch (err) {
    throw csvError(err, file);
  }
  return records.map((cells, i) => {
    const row = { row: i + 1, cells };
    refuseControlCharacters(row, file);
    return row;
  });
}

/**
 * Chunks of text, or of UTF-8 bytes, → records, handed to `onRow` one at a time; memory holds a chunk and
 * its records, not the file. A callback rather than an async iterator: on 100,000 rows, a promise per
 * record costs more than the row reader itself. Records are taken in a read() loop, as the bare csv-parse
 * pass of bench/load.ts takes them.
 */
export async function csvRowStream(text: AsyncIterable<string | Uint8Array>, file: string, onRow: (r: SheetRow) => void): Promise<void> {
  const parser = parse(CSV_OPTIONS);
  let row = 0;
  parser.on('readable', () => {
    try {
      let cells: string[] | null;
      while ((cells = parser.read() as string[] | null) !== null) {
        const r = { row: ++row, cells };
        refuseControlCharacters(r, file);
        onRow(r);
      }
    } catch (err) {
      parser.destroy(err as Error); // a problem in a row (or a bug) ends the reading, as what it is
    }
  });
  try {
    await pipeline(Readable.from(text), parser);
  } catch (err) {
    throw csvError(err, file);
  }
}

function csvError(err: unknown, file: string): Error {
  // Not a CSV problem (a read error, a problem found in a row, a bug): let the caller report it as what it is.
  if (!(err instanceof CsvError)) return err as Error;
  // csv-parse counts the records it has completed: the trouble is in the next one.
  const row = (typeof err.records === 'number' ? err.records : 0) + 1;
  const column = typeof err.column === 'number' ? columnName(err.column) : undefined;
  const where = column === undefined ? { file, row } : { file, row, column };
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new HazeError(CODE.HAZE_CSV_QUOTE_NOT_CLOSED, {
      where,
      message: { zh: `第 ${row} 行的引号没有闭合，之后的内容无法分列`, en: `an opening quote on row ${row} is never closed` },
    });
  }
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return new HazeError(CODE.HAZE_CSV_ROW_TOO_LONG, {
      where,
      message: {
        zh: `第 ${row} 行超过 ${MAX_RECORD_CHARS.toLocaleString('en-US')} 个字符还没有结束：可能是引号没有闭合，或者这不是清单文件`,
        en: `row ${row} runs past ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters without ending: an unclosed quote, or not a list`,
      },
    });
  }
  // With CSV_OPTIONS csv-parse raises nothing else (quotes and field counts are relaxed): another error
  // would be a bug here, reported as one.
  return err;
}
