/**
 * An evidence file (CSV in any encoding a list may have, or .xlsx) as a stream of rows with the row numbers
 * Excel shows, its header found among the top rows by the columns it must name. The file is never held as
 * text: a UTF-8 CSV goes to csv-parse as its own checked bytes, GB18030 is decoded a chunk at a time
 * (decode.ts), and a row is handed on as soon as csv-parse gives it. The sha256 is taken on the way.
 */
import { createHash } from 'node:crypto';
import { CODE, HazeError, type Text } from '../../../errors.js';
import { openBytes } from '../byteSource.js';
import { csvRowStream, type SheetRow } from '../csvTable.js';
import { chooseEncoding, TextChunkDecoder } from '../decode.js';
import { isEncryptedWorkbook, sniffBytes } from '../sniff.js';
import { readSheetRows } from '../xlsxRows.js';
import { withoutInvisible } from '../../../core/invisible.js';
import { HEADER_SEARCH_ROWS } from '../headerRow.js';
import { columnName } from '../controlCharacters.js';

export interface EvidenceRows {
  /** The name shown in messages: the path, or <stdin>. */
  shown: string;
  sha256: string;
}

export interface RowSink {
  /** Whether these cells are the header (the first of the top rows that is, is). */
  isHeader(cells: readonly string[]): boolean;
  header(r: SheetRow): void;
  /** A row below the header; blank rows are not handed on. */
  row(r: SheetRow): void;
  /** What the header must name, for the message when no row does. */
  expected: Text;
}

/** Thrown by a sink to stop reading once it knows enough (evidenceFileKind). */
export class StopReading extends Error {}

/** A header cell as names compare: invisible characters dropped, full-width folded, no spaces, lower case. */
export function headerKey(cell: string): string {
  return withoutInvisible(cell).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const isBlank = (cells: readonly string[]) => {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
};

export async function readEvidenceRows(file: string, sink: RowSink): Promise<EvidenceRows> {
  const src = await openBytes(file);
  const hash = createHash('sha256');
  hash.update(src.head);
  let headerFound = false;
  let looked = 0;
  const onRow = (r: SheetRow) => {
    if (headerFound) {
      if (!isBlank(r.cells)) sink.row(r);
      return;
    }
    if (isBlank(r.cells)) return;
    if (sink.isHeader(r.cells)) {
      headerFound = true;
      sink.header(r);
    } else if (++looked >= HEADER_SEARCH_ROWS) throw noHeader(src.shown, sink.expected);
  };
  const kind = sniffBytes(src.head).kind;
  try {
    if (kind === 'zip') {
      const parts: Buffer[] = [src.head];
      for await (const chunk of src.rest) {
        hash.update(chunk);
        parts.push(chunk);
      }
      const workbook = Buffer.concat(parts);
      parts.length = 0;
      await readSheetRows(workbook, src.shown, undefined, {}, onRow);
    } else if (kind === 'text') {
      const { encoding, bomLength } = chooseEncoding(src.head, src.shown);
      const decoder = new TextChunkDecoder(encoding, src.shown, false);
      async function* text(): AsyncGenerator<string | Uint8Array> {
        const first = decoder.forBytes(src.head.subarray(bomLength));
        if (first.length > 0) yield first;
        for await (const chunk of src.rest) {
          hash.update(chunk);
          const t = decoder.forBytes(chunk);
          if (t.length > 0) yield t;
        }
        const tail = decoder.endForBytes();
        if (tail.length > 0) yield tail;
      }
      await csvRowStream(text(), src.shown, onRow);
    } else {
      if (kind === 'ole2' && (await isEncryptedWorkbook(src.head, src.rest)))
        throw new HazeError(CODE.HAZE_XLSX_ENCRYPTED, {
          where: { file: src.shown },
          message: { zh: '工作簿设置了打开密码，无法读取', en: 'the workbook is password-protected and cannot be read' },
        });
      const s = sniffBytes(src.head);
      const what =
        s.kind === 'binary'
          ? s.what
          : s.kind === 'ole2'
            ? { zh: '旧版 .xls 文件', en: 'a legacy .xls file' }
            : { zh: '网页或 XML 表格', en: 'a web page or XML spreadsheet' };
      throw new HazeError(CODE.HAZE_EVIDENCE_NOT_TABLE, {
        where: { file: src.shown },
        message: { zh: `不是 CSV 或 .xlsx 表格：${what.zh}`, en: `not a CSV or .xlsx table: ${what.en}` },
      });
    }
  } catch (err) {
    if (err instanceof StopReading) return { shown: src.shown, sha256: '' };
    throw err;
  }
  if (!headerFound) throw noHeader(src.shown, sink.expected);
  return { shown: src.shown, sha256: hash.digest('hex') };
}

function noHeader(file: string, expected: Text): HazeError {
  return new HazeError(CODE.HAZE_EVIDENCE_HEADER, {
    where: { file, row: 1 },
    message: { zh: `找不到表头：需要列 ${expected.zh}`, en: `no header found: the columns ${expected.en} are needed` },
  });
}

/** A row's cells by column key, once the header is read: the cell (trimmed, '' when absent) and the column's letter. */
export function cellsByKey(columns: ReadonlyMap<string, number>): { col: (key: string) => string; cell: (r: SheetRow, key: string) => string } {
  return {
    col: (key) => (columns.has(key) ? columnName(columns.get(key)!) : key),
    cell: (r, key) => {
      const i = columns.get(key);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    },
  };
}
