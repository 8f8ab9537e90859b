/**
 * CSV text → a raw table (header + rows with Excel row numbers). Field-count mismatches are left to the
 * row reader so that every bad row is reported; only a CSV that cannot be split at all (an unclosed quote)
 * stops here.
 */
import { parse } from 'csv-parse/sync';
import { HazeError, EXIT } from '../../errors.js';
import type { RawTable } from './listRows.js';

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  records?: number;
}

export function csvTable(text: string, file: string): RawTable {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (err) {
    const e = err as CsvParseError;
    const row = (e.records ?? 0) + 1;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new HazeError({
        code: 'HAZE_CSV_QUOTE_NOT_CLOSED', exitCode: EXIT.dataErr, where: { file, row },
        message: { zh: `第 ${row} 行的引号没有闭合，之后的内容无法分列`, en: `an opening quote on row ${row} is never closed` },
        hint: { zh: '检查该行单元格中的双引号（单元格内的引号要写成两个 ""）', en: 'check the quotes in that row ("" inside a quoted cell)' },
      });
    }
    throw new HazeError({
      code: 'HAZE_CSV_MALFORMED', exitCode: EXIT.dataErr, where: { file, row },
      message: { zh: `CSV 格式错误：${e.message}`, en: `malformed CSV: ${e.message}` },
      hint: { zh: '在 Excel 中打开并另存为 CSV UTF-8', en: 'open it in Excel and save it again as CSV UTF-8' },
    });
  }
  // Drop trailing blank records (a final newline, empty rows Excel left below the data).
  while (records.length > 0 && records[records.length - 1]!.every((c) => c.trim() === '')) records.pop();
  if (records.length === 0) {
    throw new HazeError({
      code: 'HAZE_LIST_EMPTY', exitCode: EXIT.dataErr, where: { file },
      message: { zh: '清单是空的：没有表头，也没有数据', en: 'the list is empty: no header, no rows' },
      hint: { zh: 'haze init 可生成带表头的模板', en: 'haze init writes a template with the header' },
    });
  }
  const [header, ...rest] = records;
  return { file, header: header!, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}
