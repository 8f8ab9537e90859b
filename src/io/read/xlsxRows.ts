/**
 * An .xlsx/.xlsm workbook → the rows of one sheet (the first visible one, or `--sheet NAME`), each cell as
 * Excel shows it, each row with the sheet's own row number.
 *
 * The zip is read with yauzl and zlib (zipArchive.ts), the XML with saxes (xmlParts.ts), under haze's own
 * rules for what a sheet means (xlsxWorkbook.ts, cellText.ts): the sheet's XML is inflated and parsed a
 * chunk at a time, so a 100,000-row sheet is read in the memory of its shared strings and one row. Every
 * entry is checked against its CRC-32 before a row is read, and merged ranges are found on the way
 * (mergedCells.ts); each range's value is given to all its cells.
 */
import { CODE, HazeError } from '../../errors.js';
import { cellText, isDateFormat } from './cellText.js';
import { refuseControlCharacters } from './controlCharacters.js';
import type { SheetRow } from './csvTable.js';
import { MergeFill, MergeScanner, rangesOf } from './mergedCells.js';
import { damaged, unclosed, unsafe, WorkbookFault } from './workbookFault.js';
import { detached, readCellFormats, readSharedStrings, readWorkbook, RunText, type SheetInfo } from './xlsxWorkbook.js';
import { MAX_ELEMENT_CHARS, ooxmlText, readPart, type Attributes, type PartReader } from './xmlParts.js';
import { ZipArchive, type ZipEntry } from './zipArchive.js';

export interface SheetChoice {
  /** Filled in once the workbook says which sheet is read. */
  sheet?: string;
}

/** A WorkbookFault as the HazeError of its kind, for this file. */
function refusal(file: string, f: WorkbookFault): HazeError {
  const where = { file };
  if (f.kind === 'unsafe')
    return new HazeError(CODE.HAZE_XLSX_UNSAFE, { where, message: { zh: `拒绝读取工作簿：${f.zh}`, en: `the workbook is refused: ${f.en}` } });
  if (f.kind === 'encrypted') return new HazeError(CODE.HAZE_XLSX_ENCRYPTED, { where, message: { zh: f.zh, en: f.en } });
  return new HazeError(CODE.HAZE_XLSX_UNREADABLE, { where, message: { zh: `无法读取工作簿：${f.zh}`, en: `cannot read the workbook: ${f.en}` } });
}

/**
 * The rows of the chosen sheet, all at once, for small tables (imported checklists). Rows with no cell are
 * left out: they say nothing, and a sheet of a million empty <row/>s would otherwise be held in memory.
 */
export async function* xlsxRowStream(bytes: Buffer, file: string, wanted: string | undefined, choice: SheetChoice = {}): AsyncGenerator<SheetRow> {
  const rows: SheetRow[] = [];
  await readSheetRows(bytes, file, wanted, choice, (r) => {
    if (r.cells.length > 0) rows.push(r);
  });
  yield* rows;
}

/** The rows of the chosen sheet, handed to `onRow` one at a time. `choice.sheet` says which sheet was read. */
export async function readSheetRows(bytes: Buffer, file: string, wanted: string | undefined, choice: SheetChoice, onRow: (r: SheetRow) => void): Promise<void> {
  let zip: ZipArchive | undefined;
  try {
    zip = await ZipArchive.open(bytes);
    const book = await readWorkbook(zip);
    const sheet = chooseSheet(book.sheets, wanted, file);
    choice.sheet = sheet.name;
    const entry = sheet.entry === undefined ? undefined : zip.entries.get(sheet.entry);
    if (!entry) throw damaged(`工作表"${sheet.name}"没有数据部分`, `the sheet "${sheet.name}" has no data part`);
    const cells: CellReader = {
      strings: await readSharedStrings(zip, book.sharedStrings),
      formats: await readCellFormats(zip, book.styles),
      date1904: book.date1904,
    };
    // The rest of the archive checked before a row is read: damage is "re-save it", not rows from half a sheet.
    const merges = new MergeScanner();
    await zip.checkRest((e) => (e === entry ? (chunk) => merges.push(chunk) : undefined));
    const refs = merges.refs();
    const fill = new MergeFill(rangesOf(refs));
    const seen = await readRows(zip, entry, cells, (row, values) => {
      const r = { row, cells: fill.apply(row, values) };
      refuseControlCharacters(r, file);
      onRow(r);
    });
    if (seen.length !== refs.length || seen.some((ref, i) => ref !== refs[i])) {
      throw damaged(`XML 损坏（${entry.name}：合并单元格不在 <mergeCells> 中）`, `damaged XML (${entry.name}: merged cells outside <mergeCells>)`);
    }
  } catch (err) {
    if (err instanceof WorkbookFault) throw refusal(file, err);
    throw err;
  } finally {
    zip?.close();
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
  if (!first) throw damaged('工作簿中没有工作表', 'the workbook has no sheet');
  return first;
}

interface CellReader {
  strings: readonly string[];
  formats: readonly string[];
  date1904: boolean;
}

/** The most a sheet can have (Excel's own limits, the same in LibreOffice since 7.4): past them, no program wrote it. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

const tooManyRows = () =>
  unsafe(
    `工作表超过 ${MAX_SHEET_ROWS.toLocaleString('en-US')} 行（Excel 的上限），不是电子表格软件写出的`,
    `the sheet goes past ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows (Excel's limit): no spreadsheet program wrote it`,
  );
const tooManyColumns = (row: number) =>
  unsafe(
    `工作表第 ${row} 行超过 ${MAX_SHEET_COLUMNS.toLocaleString('en-US')} 列（XFD，Excel 的上限），不是电子表格软件写出的`,
    `row ${row} of the sheet goes past ${MAX_SHEET_COLUMNS.toLocaleString('en-US')} columns (XFD, Excel's limit): no spreadsheet program wrote it`,
  );

/** Days from 1900-01-00 to 1904-01-01: a 1904-system serial plus this is a 1900-system serial. */
const DAYS_1904 = 1462;

/**
 * Every <row> of the sheet, in order, as its number and its cells' text (index = column − 1), handed to
 * `onRow` as each row ends. Returns the ref="…" of every <mergeCell> it came upon.
 */
async function readRows(zip: ZipArchive, entry: ZipEntry, reader: CellReader, onRow: (row: number, cells: string[]) => void): Promise<string[]> {
  const sheet = new SheetReader(reader, onRow);
  await readPart(entry.name, zip.chunks(entry), sheet);
  return sheet.merges;
}

/** The events of a sheet's XML → rows. A cell is read from its <v> (its first), or its <is> for inline text. */
class SheetReader implements PartReader {
  readonly merges: string[] = [];
  private inRow = false;
  /** Where the chunk before the row's start tag ended (rows are held to MAX_ELEMENT_CHARS from there). */
  private rowStart = 0;
  private lastChunkEnd = 0;
  private row = 0;
  /** <row> and <c> elements seen, whatever their numbers say: a sheet repeating one row number is held too. */
  private rowsSeen = 0;
  private cellsInRow = 0;
  private cells: string[] = [];
  private column = 0;
  private inCell = false;
  private type = 'n';
  private style: string | undefined;
  private inValue = false;
  private value: string | undefined;
  private inInline = false;
  private inline: string | undefined;
  private readonly run = new RunText();

  constructor(
    private readonly reader: CellReader,
    private readonly onRow: (row: number, cells: string[]) => void,
  ) {}

  open(name: string, a: Attributes): void {
    if (this.inCell) {
      if (name === 'v') {
        if (this.value === undefined && !this.inInline) {
          this.inValue = true;
          this.value = '';
        }
      } else if (name === 'is') {
        if (this.inline === undefined) this.inInline = true;
      } else if (this.inInline) this.run.open(name);
      return;
    }
    if (name === 'c') {
      if (!this.inRow) return;
      const column = a.r === undefined ? 0 : refColumn(a.r);
      this.column = column > 0 ? column : this.column + 1; // r may be left out: the next column
      if (this.column > MAX_SHEET_COLUMNS || ++this.cellsInRow > MAX_SHEET_COLUMNS) throw tooManyColumns(this.row);
      this.inCell = true;
      this.type = a.t ?? 'n'; // a type cellValue does not know reads as a number, as 'n' does
      this.style = a.s;
      this.value = undefined;
      this.inline = undefined;
    } else if (name === 'row') {
      if (this.inRow) throw unclosed('row'); // a row inside a row: the first one's end was lost
      this.inRow = true;
      this.rowStart = this.lastChunkEnd;
      this.row = a.r !== undefined && /^\d+$/.test(a.r) ? Number(a.r) : this.row + 1; // r may be left out: the next row
      if (this.row > MAX_SHEET_ROWS || ++this.rowsSeen > MAX_SHEET_ROWS) throw tooManyRows();
      this.cells = [];
      this.column = 0;
      this.cellsInRow = 0;
    } else if (name === 'mergeCell' && a.ref !== undefined) {
      this.merges.push(a.ref);
    }
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === 'c') {
        this.inCell = false;
        this.inValue = false;
        this.inInline = false;
        const text = cellValue(this.type, this.style, this.value, this.inline, this.reader, { row: this.row, column: this.column });
        if (text === '') return;
        const cells = this.cells;
        while (cells.length < this.column - 1) cells.push('');
        cells[this.column - 1] = text;
      } else if (name === 'v') this.inValue = false;
      else if (this.inInline) {
        if (name === 'is') {
          this.inInline = false;
          this.inline = this.run.take();
        } else this.run.close(name);
      }
      return;
    }
    if (name === 'row' && this.inRow) {
      this.inRow = false;
      this.onRow(this.row, this.cells);
    }
  }

  text(t: string): void {
    if (this.inValue) this.value += t;
    else if (this.inInline) this.run.add(t);
  }

  chunkEnd(at: number): void {
    if (this.inRow && at - this.rowStart > MAX_ELEMENT_CHARS) throw unclosed('row');
    this.lastChunkEnd = at;
  }

  end(): void {
    if (this.inRow) throw unclosed('row');
  }
}

/** A cell as Excel shows it, from its type (t), style (s) and value; a formula shows its last result. */
function cellValue(
  type: string,
  style: string | undefined,
  raw: string | undefined,
  inline: string | undefined,
  reader: CellReader,
  at: { row: number; column: number },
): string {
  if (type === 'inlineStr') return inline ?? '';
  if (raw === undefined) return '';
  switch (type) {
    case 's': {
      // A cell that points past the shared strings is a damaged workbook, not an empty cell read quietly.
      const text = /^\d+$/.test(raw.trim()) ? reader.strings[Number(raw)] : undefined;
      if (text === undefined) {
        throw damaged(
          `第 ${at.row} 行第 ${at.column} 列的单元格指向不存在的共享字符串（第 ${raw} 个，工作簿共 ${reader.strings.length} 个）`,
          `the cell at row ${at.row}, column ${at.column} points at shared string ${raw}, which does not exist (the workbook has ${reader.strings.length})`,
        );
      }
      return text;
    }
    case 'str':
    case 'e':
      return detached(ooxmlText(raw));
    case 'b':
      return cellText(raw.trim() === '1', undefined);
    case 'd': {
      // An ISO 8601 date-time without a zone is a wall-clock reading; cellText reads dates in UTC.
      const iso = ooxmlText(raw).trim();
      return cellText(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`), formatOf(style, reader) ?? 'yyyy-mm-dd hh:mm');
    }
    default: {
      const v = Number(raw);
      if (raw.trim() === '' || Number.isNaN(v)) return detached(ooxmlText(raw));
      const format = formatOf(style, reader);
      return cellText(reader.date1904 && isDateFormat(format) ? v + DAYS_1904 : v, format);
    }
  }
}

function formatOf(style: string | undefined, reader: CellReader): string | undefined {
  return style === undefined || style === '' ? undefined : reader.formats[Number(style)];
}

/**
 * The column of a cell reference, "AB12" → 28: one to three letters, then digits (or none); 0 for
 * anything else. A loop rather than a pattern: it runs for every cell of the sheet.
 */
function refColumn(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20; // either case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i);
    if (d < 48 || d > 57) return 0;
  }
  return column;
}
