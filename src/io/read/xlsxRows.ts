/**
 * An .xlsx/.xlsm workbook → the rows of one sheet (the first visible one, or `--sheet NAME`), each cell as
 * Excel shows it, each row with the sheet's own row number.
 *
 * Our own reader, over the zip checked by zipCheck.ts: the sheet's XML is inflated and scanned a chunk at
 * a time, so a 100,000-row sheet is read in the memory of its shared strings and one row. (exceljs's
 * streaming reader, used before, needed twice the time, about 550 MB for such a sheet, temporary files,
 * and a guard against stalling.) Merged ranges are found while the zip is checked, and each range's value
 * is given to all its cells (mergedCells.ts).
 */
import { CODE, HazeError } from '../../errors.js';
import { cellText, isDateFormat } from './cellText.js';
import type { SheetRow } from './csvTable.js';
import { columnNumber, MergeFill, MergeScanner } from './mergedCells.js';
import { readCellFormats, readSharedStrings, readWorkbook, WorkbookFault, type SheetInfo } from './xlsxWorkbook.js';
import { ElementScanner, UnclosedElement, elementPattern, runText, xmlText } from './xmlScan.js';
import { entryChunks, zipFault, type ZipEntry } from './zipCheck.js';

export interface SheetChoice {
  /** Filled in once the workbook says which sheet is read. */
  sheet?: string;
}

const unreadable = (file: string, zh: string, en: string) =>
  new HazeError(CODE.HAZE_XLSX_UNREADABLE, { where: { file }, message: { zh: `无法读取工作簿：${zh}`, en: `cannot read the workbook: ${en}` } });

/** The rows of the chosen sheet, all at once, for small tables (imported checklists). */
export async function* xlsxRowStream(bytes: Buffer, file: string, wanted: string | undefined, choice: SheetChoice = {}): AsyncGenerator<SheetRow> {
  const rows: SheetRow[] = [];
  await readSheetRows(bytes, file, wanted, choice, (r) => rows.push(r));
  yield* rows;
}

const SHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/i;

/** The rows of the chosen sheet, handed to `onRow` one at a time. `choice.sheet` says which sheet was read. */
export async function readSheetRows(bytes: Buffer, file: string, wanted: string | undefined, choice: SheetChoice, onRow: (r: SheetRow) => void): Promise<void> {
  const scanners = new Map<string, MergeScanner>();
  const { fault, entries } = await zipFault(bytes, (name) => {
    if (!SHEET_ENTRY.test(name)) return undefined;
    const scanner = new MergeScanner();
    scanners.set(name, scanner);
    return (chunk) => scanner.push(chunk);
  });
  if (fault) throw unreadable(file, fault.zh, fault.en);
  const byName = new Map(entries.map((e) => [e.name, e]));
  try {
    const book = readWorkbook(bytes, byName);
    const sheet = chooseSheet(book.sheets, wanted, file);
    choice.sheet = sheet.name;
    const entry = sheet.entry === undefined ? undefined : byName.get(sheet.entry);
    if (!entry) throw new WorkbookFault(`工作表"${sheet.name}"没有数据部分`, `the sheet "${sheet.name}" has no data part`);
    const cells: CellReader = {
      strings: await readSharedStrings(bytes, byName, book.sharedStrings),
      formats: readCellFormats(bytes, byName, book.styles),
      date1904: book.date1904,
    };
    const merged = new MergeFill(scanners.get(entry.name)?.ranges() ?? []);
    await readRows(bytes, entry, cells, (row, values) => onRow({ row, cells: merged.apply(row, values) }));
  } catch (err) {
    if (err instanceof WorkbookFault) throw unreadable(file, err.zh, err.en);
    if (err instanceof UnclosedElement) throw unreadable(file, `XML 损坏（<${err.element}> 没有结束）`, `damaged XML (a <${err.element}> that never ends)`);
    throw err;
  }
}

function chooseSheet(sheets: readonly SheetInfo[], wanted: string | undefined, file: string): SheetInfo {
  if (wanted !== undefined) {
    const found = sheets.find((s) => s.name === wanted);
    if (found) return found;
    const all = sheets.map((s) => s.name);
    throw new HazeError(CODE.HAZE_SHEET_MISSING, {
      where: { file },
      message: { zh: `工作簿中没有名为"${wanted}"的工作表`, en: `the workbook has no sheet named "${wanted}"` },
      hint: { zh: `工作表有：${all.join('、') || '（无）'}`, en: `its sheets: ${all.join(', ') || '(none)'}` },
    });
  }
  const first = sheets.find((s) => !s.hidden) ?? sheets[0];
  if (!first) throw new WorkbookFault('工作簿中没有工作表', 'the workbook has no sheet');
  return first;
}

interface CellReader {
  strings: readonly string[];
  formats: readonly string[];
  date1904: boolean;
}

/** Days from 1900-01-00 to 1904-01-01: a 1904-system serial plus this is a 1900-system serial. */
const DAYS_1904 = 1462;

const CELL = elementPattern('c');
const VALUE = elementPattern('v', '');
const INLINE = elementPattern('is', '');

/** Every <row> of the sheet, in order, as its number and its cells' text (index = column − 1). */
async function readRows(bytes: Buffer, entry: ZipEntry, reader: CellReader, onRow: (row: number, cells: string[]) => void): Promise<void> {
  let lastRow = 0;
  const scanner = new ElementScanner('row', (attrs, content) => {
    const r = /\br="(\d+)"/.exec(attrs);
    const row = r ? Number(r[1]) : lastRow + 1; // r may be left out: the next row
    lastRow = row;
    const cells: string[] = [];
    if (content !== undefined) {
      let column = 0;
      CELL.lastIndex = 0;
      for (let m: RegExpExecArray | null; (m = CELL.exec(content)) !== null;) {
        const ref = /\br="([A-Za-z]{1,3})\d*"/.exec(m[1]!);
        column = ref ? columnNumber(ref[1]!) : column + 1;
        const text = m[2] === undefined ? '' : cellValue(m[1]!, m[2], reader);
        if (text === '') continue;
        while (cells.length < column - 1) cells.push('');
        cells[column - 1] = text;
      }
    }
    onRow(row, cells);
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(bytes, entry)) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  scanner.end();
}

/** A cell as Excel shows it, from its type (t), style (s) and value; a formula shows its last result. */
function cellValue(attrs: string, content: string, reader: CellReader): string {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') {
    const inline = INLINE.exec(content)?.[2];
    return inline === undefined ? '' : runText(inline);
  }
  const raw = VALUE.exec(content)?.[2];
  if (raw === undefined) return '';
  switch (type) {
    case 's':
      return reader.strings[Number(raw)] ?? '';
    case 'str':
    case 'e':
      return xmlText(raw);
    case 'b':
      return cellText(raw.trim() === '1', undefined);
    case 'd': {
      // An ISO 8601 date-time without a zone is a wall-clock reading; cellText reads dates in UTC.
      const iso = xmlText(raw).trim();
      return cellText(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`), formatOf(attrs, reader) ?? 'yyyy-mm-dd hh:mm');
    }
    default: {
      const v = Number(raw);
      if (raw.trim() === '' || Number.isNaN(v)) return xmlText(raw);
      const format = formatOf(attrs, reader);
      return cellText(reader.date1904 && isDateFormat(format) ? v + DAYS_1904 : v, format);
    }
  }
}

function formatOf(attrs: string, reader: CellReader): string | undefined {
  const s = /\bs="(\d+)"/.exec(attrs);
  return s ? reader.formats[Number(s[1])] : undefined;
}
