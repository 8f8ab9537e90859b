/**
 * An .xlsx/.xlsm workbook → the rows of one sheet (the first visible one, or `--sheet NAME`), each cell as
 * Excel shows it, each row with the sheet's own row number. exceljs's streaming reader keeps one row at a
 * time (a 100,000-row sheet does not become a 1 GB object model). It does not report merged cells: they
 * are found while the zip is checked, and each range's value is given to all its cells (mergedCells.ts).
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { HazeError, EXIT } from '../../errors.js';
import { cellText } from './cellText.js';
import type { SheetRow } from './csvTable.js';
import { MergeFill, MergeScanner } from './mergedCells.js';
import { zipFault } from './zipCheck.js';

export interface SheetChoice {
  /** Filled in once the workbook says which sheet is read. */
  sheet?: string;
}

interface SheetModel {
  name: string;
  state?: string;
  rId?: string;
}

/** What exceljs's streaming reader knows of the workbook once it reaches the sheets. */
interface ReaderModel {
  model?: { sheets?: SheetModel[] };
  workbookRels?: { Id: string; Target: string }[];
}

const SHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;

const unreadable = (file: string, zh: string, en: string) =>
  new HazeError({
    code: 'HAZE_XLSX_UNREADABLE', exitCode: EXIT.dataErr, where: { file },
    message: { zh: `无法读取工作簿：${zh}`, en: `cannot read the workbook: ${en}` },
    hint: { zh: '在 Excel 中打开，另存为新的 .xlsx（或"CSV UTF-8"）后再试', en: 'open it in Excel and save it again as a new .xlsx (or "CSV UTF-8")' },
  });

/**
 * The rows of the chosen sheet, all at once, for small tables (imported checklists). A list is read with
 * readSheetRows, which holds no more than a row.
 */
export async function* xlsxRowStream(bytes: Buffer, file: string, wanted: string | undefined, choice: SheetChoice = {}): AsyncGenerator<SheetRow> {
  const rows: SheetRow[] = [];
  await readSheetRows(bytes, file, wanted, choice, (r) => rows.push(r));
  yield* rows;
}

/**
 * The rows of the chosen sheet, handed to `onRow` one at a time. `choice.sheet` says which sheet was read.
 */
export async function readSheetRows(bytes: Buffer, file: string, wanted: string | undefined, choice: SheetChoice, onRow: (r: SheetRow) => void): Promise<void> {
  const scanners = new Map<string, MergeScanner>();
  const { fault, names } = await zipFault(bytes, (name) => {
    if (!SHEET_ENTRY.test(name)) return undefined;
    const scanner = new MergeScanner();
    scanners.set(name, scanner);
    return (chunk) => scanner.push(chunk);
  });
  if (fault) throw unreadable(file, fault.zh, fault.en);
  if (names.length > 0 && !names.includes('xl/workbook.xml')) {
    throw unreadable(file, '这是 zip 压缩文件，但不是 Excel 工作簿', 'this is a zip archive, not an Excel workbook');
  }
  // Loaded only when a workbook is read: exceljs takes a quarter of a second to load, which every CSV run
  // and every command that reads no list would otherwise pay.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const known = reader as unknown as ReaderModel;
  const sheetsOf = () => known.model?.sheets ?? [];
  /** The zip entry of a sheet, through the workbook's relationships (xl/worksheets/sheet1.xml). */
  const entryOf = (name: string): string | undefined => {
    const rId = sheetsOf().find((s) => s.name === name)?.rId;
    const target = known.workbookRels?.find((r) => r.Id === rId)?.Target;
    if (target === undefined) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  };
  const consume = async (): Promise<void> => {
    for await (const sheet of reader) {
      const ws = sheet as unknown as ExcelJS.stream.xlsx.WorksheetReader & { name: string };
      const model = sheetsOf();
      const target = wanted ?? (model.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? model[0])?.name ?? ws.name;
      if (ws.name !== target) {
        // A skipped sheet is still read through: exceljs may have parked it in a temporary file, which it
        // deletes as soon as the next sheet is asked for, and an unread stream then fails to open it (ENOENT,
        // thrown outside any promise: a crash, found as a rare test failure).
        for await (const skipped of ws) void skipped;
        continue;
      }
      choice.sheet = ws.name;
      const entry = entryOf(ws.name);
      const merged = new MergeFill((entry === undefined ? undefined : scanners.get(entry))?.ranges() ?? []);
      for await (const row of ws) onRow({ row: row.number, cells: merged.apply(row.number, rowCells(row)) });
      return;
    }
    if (wanted !== undefined) {
      const all = sheetsOf().map((s) => s.name);
      throw new HazeError({
        code: 'HAZE_SHEET_MISSING', exitCode: EXIT.usage, where: { file },
        message: { zh: `工作簿中没有名为"${wanted}"的工作表`, en: `the workbook has no sheet named "${wanted}"` },
        hint: { zh: `工作表有：${all.join('、') || '（无）'}`, en: `its sheets: ${all.join(', ') || '(none)'}` },
      });
    }
    throw unreadable(file, '工作簿中没有工作表', 'the workbook has no sheet');
  };
  // Belt and braces: should the reader still stall with nothing left to do, the process would go idle
  // and exit with the promise unsettled. beforeExit fires exactly then: turn it into the error it is.
  // (One race for the whole read: a race per row would pile reactions, and rows, onto the idle promise.)
  let onIdle = () => undefined as void;
  const stall = new Promise<never>((_, reject) => {
    onIdle = () => reject(unreadable(file, '读取中断（文件结构异常）', 'the reader stopped (the file is malformed)'));
  });
  process.on('beforeExit', onIdle);
  try {
    await Promise.race([consume(), stall]);
  } catch (err) {
    if (err instanceof HazeError) throw err;
    throw unreadable(file, (err as Error).message ?? String(err), (err as Error).message ?? String(err));
  } finally {
    process.off('beforeExit', onIdle);
  }
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = cellText(cell.value, cell.numFmt);
  });
  return cells;
}
