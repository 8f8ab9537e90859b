/**
 * Read the list (a file, or stdin for "-") into enterprises and the problems found. What the file is comes
 * from its bytes: a zip is a workbook (.xlsx/.xlsm), an OLE2 file is a legacy .xls (refused with a hint),
 * anything else is CSV text in the encoding decode.ts finds. Two faces over one row reader, like csv-parse:
 * `readList` streams (CSV and xlsx; what the CLI uses), `loadList` reads a whole CSV at once (tests, tools).
 */
import { extname } from 'node:path';
import { CODE, HazeError } from '../../errors.js';
import { openBytes, readInput } from './byteSource.js';
import { csvRows, csvRowStream, type SheetRow } from './csvTable.js';
import { chooseEncoding, decodeBytes, TextChunkDecoder, type Encoding } from './decode.js';
import { findHeader, HEADER_SEARCH_ROWS } from './headerRow.js';
import { ListRowReader, type ListReadResult, type RowChecks } from './listRows.js';
import type { LoadProgress } from './loadProgress.js';
import { isEncryptedWorkbook, namesEncryptedPackage, sniffBytes } from './sniff.js';
import { readSheetRows, type SheetChoice } from './xlsxRows.js';

export { readInput };

export interface LoadOptions {
  /** Overrides the detected encoding of a CSV. */
  encoding?: Encoding | undefined;
  /** The sheet of a workbook to read (default: the first visible one). */
  sheet?: string | undefined;
  checks?: RowChecks | undefined;
  /** Made once the size of the input is known (null for stdin). */
  progress?: ((totalBytes: number | null) => LoadProgress) | undefined;
}

export interface LoadedList extends ListReadResult {
  file: string;
  /** How the file was read: its text encoding, or xlsx. */
  encoding: Encoding | 'xlsx';
  /** `--encoding gb18030` was not used to read it: the list is evidently UTF-8, or a workbook. */
  encodingIgnored?: true;
  /** The sheet read, for a workbook. */
  sheet?: string;
}

/** The streaming face: bounded memory for any size of list. */
export async function readList(file: string, opts: LoadOptions = {}): Promise<LoadedList> {
  const src = await openBytes(file);
  if (sniffBytes(src.head).kind === 'ole2' && (await isEncryptedWorkbook(src.head, src.rest))) throw encryptedWorkbook(src.shown);
  const kind = refuseNonList(src.head, file, src.shown);
  // A workbook's rows are not in file order of bytes (it is compressed): its progress counts rows only.
  const progress = opts.progress?.(kind === 'zip' ? null : src.size);
  const assembler = new ListAssembler(src.shown, kind === 'text', opts.checks);
  let bytes = src.head.length;
  let rows = 0;
  const tick = (row: SheetRow) => {
    assembler.push(row);
    if ((++rows & 1023) === 0) progress?.update(rows, bytes);
  };
  try {
    if (kind === 'zip') {
      // gb18030 may be meant for the output (chooseEncoding); any other encoding is a mistake.
      if (opts.encoding && opts.encoding !== 'gb18030')
        throw usage({ zh: '--encoding 只用于 CSV 文件，工作簿不需要', en: '--encoding applies to CSV files only, not to a workbook' });
      const parts: Buffer[] = [src.head];
      for await (const chunk of src.rest) {
        parts.push(chunk);
        bytes += chunk.length;
      }
      const workbook = Buffer.concat(parts);
      parts.length = 0; // one copy of the file while its rows are read, not two
      const choice: SheetChoice = {};
      await readSheetRows(workbook, src.shown, opts.sheet, choice, tick);
      return {
        file: src.shown,
        encoding: 'xlsx',
        ...(choice.sheet !== undefined ? { sheet: choice.sheet } : {}),
        ...(opts.encoding ? { encodingIgnored: true as const } : {}),
        ...assembler.finish(),
      };
    }
    if (opts.sheet !== undefined) throw usage({ zh: '--sheet 只用于 .xlsx 工作簿', en: '--sheet applies to .xlsx workbooks only' });
    const { encoding, bomLength, forcedIgnored } = chooseEncoding(src.head, src.shown, opts.encoding);
    const decoder = new TextChunkDecoder(encoding, src.shown, opts.encoding !== undefined && !forcedIgnored);
    const at = () => rows + 1;
    // UTF-8 bytes (checked) or text, as csv-parse takes them: a UTF-8 list is never made a string whole.
    async function* text(): AsyncGenerator<string | Uint8Array> {
      const first = decoder.forBytes(src.head.subarray(bomLength), at);
      if (first.length > 0) yield first;
      for await (const chunk of src.rest) {
        bytes += chunk.length;
        const t = decoder.forBytes(chunk, at);
        if (t.length > 0) yield t;
      }
      const tail = decoder.endForBytes(at);
      if (tail.length > 0) yield tail;
    }
    await csvRowStream(text(), src.shown, tick);
    return { file: src.shown, encoding, ...(forcedIgnored ? { encodingIgnored: true as const } : {}), ...assembler.finish() };
  } finally {
    progress?.done();
  }
}

/** The whole-file face, for CSV text (a workbook needs readList). */
export function loadList(file: string, opts: LoadOptions = {}): LoadedList {
  const bytes = readInput(file, 'list');
  const shown = file === '-' ? '<stdin>' : file;
  if (sniffBytes(bytes.subarray(0, 65536)).kind === 'ole2' && namesEncryptedPackage(bytes)) throw encryptedWorkbook(shown);
  const kind = refuseNonList(bytes.subarray(0, 65536), file, shown);
  if (kind === 'zip') {
    throw new HazeError(CODE.HAZE_XLSX_SYNC, {
      where: { file: shown },
      message: { zh: '工作簿只能用 readList 读取', en: 'a workbook is read with readList only' },
    });
  }
  const { text, encoding, forcedIgnored } = decodeBytes(bytes, shown, opts.encoding);
  const assembler = new ListAssembler(shown, true, opts.checks);
  for (const row of csvRows(text, shown)) assembler.push(row);
  return { file: shown, encoding, ...(forcedIgnored ? { encodingIgnored: true as const } : {}), ...assembler.finish() };
}

/** 'zip' for a workbook, 'text' for anything to be decoded; legacy and web-page "Excel files" are refused. */
function refuseNonList(head: Buffer, file: string, shown: string): 'zip' | 'text' {
  const sniffed = sniffBytes(head);
  if (sniffed.kind === 'zip') return 'zip';
  if (sniffed.kind === 'markup') {
    throw new HazeError(CODE.HAZE_LIST_MARKUP, {
      where: { file: shown },
      message: {
        zh: '这是网页（HTML）或 XML 表格，不是 CSV 或 .xlsx（有些系统导出的".xls"其实是网页）',
        en: 'this is a web page (HTML) or an XML spreadsheet, not CSV or .xlsx (some systems export web pages as ".xls")',
      },
    });
  }
  const ext = extname(file).toLowerCase();
  if (sniffed.kind === 'ole2' || ext === '.xls') {
    throw new HazeError(CODE.HAZE_LIST_XLS, {
      where: { file: shown },
      message: { zh: '不支持旧版 Excel 97-2003 (.xls) 文件', en: 'legacy Excel 97-2003 (.xls) files are not read' },
    });
  }
  return 'text';
}

/** Excel's "Encrypt with Password" saves an OLE2 file that looks like a legacy .xls: it gets its own word. */
function encryptedWorkbook(shown: string): HazeError {
  return new HazeError(CODE.HAZE_XLSX_ENCRYPTED, {
    where: { file: shown },
    message: { zh: '工作簿设有打开密码（已加密），无法读取', en: 'the workbook is encrypted (it has a password to open) and cannot be read' },
  });
}

function usage(message: { zh: string; en: string }): HazeError {
  return new HazeError(CODE.HAZE_USAGE, { message });
}

/**
 * Rows → the list: holds the top rows until the header is found (below any title rows), then hands every
 * row to the row reader as it comes.
 */
class ListAssembler {
  private pending: SheetRow[] = [];
  private reader: ListRowReader | null = null;

  constructor(
    private readonly file: string,
    private readonly strictWidth: boolean,
    private readonly checks: RowChecks | undefined,
  ) {}

  push(r: SheetRow): void {
    if (this.reader) {
      this.reader.add(r.row, r.cells);
      return;
    }
    if (this.pending.length === 0 && r.cells.every((c) => c.trim() === '')) return; // blank rows above everything
    this.pending.push(r);
    if (this.pending.length > HEADER_SEARCH_ROWS) this.start();
  }

  finish(): ListReadResult {
    if (!this.reader) this.start();
    if (!this.reader) {
      throw new HazeError(CODE.HAZE_LIST_EMPTY, {
        where: { file: this.file },
        message: { zh: '清单是空的：没有表头，也没有数据', en: 'the list is empty: no header, no rows' },
      });
    }
    return this.reader.result();
  }

  private start(): void {
    const found = findHeader(this.pending);
    if (!found) return;
    const reader = new ListRowReader(this.file, found.cells, found.row, this.checks, this.strictWidth);
    for (const r of this.pending.slice(found.consumed)) reader.add(r.row, r.cells);
    this.pending = [];
    this.reader = reader;
  }
}
