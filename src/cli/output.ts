/**
 * The command's data: its format, chosen once, and where it goes (stdout, or the -o file written whole). The
 * output encoding follows from the format when the output is opened, so it can never be asked before the
 * format is known.
 */
import type { Lang } from '../core/problem.js';
import type { Column } from '../io/write/columns.js';
import { encodeOutput, renderCsv, type OutputEncoding } from '../io/write/csv.js';
import { renderJson, toRecords } from '../io/write/json.js';
import { writeOutputFile } from '../io/write/output.js';
import { resolveWorkspace } from '../io/read/workspace.js';
import { renderTable } from '../io/write/table.js';
import { usage, type Globals } from './globals.js';
import { chooseFormat, refuseBinaryToTerminal } from './outputFormat.js';
import { colorAllowed, tableWidth } from './terminal.js';
import type { CliVoice } from './voice.js';

export interface Output<F extends string> {
  format: F;
  encoding: OutputEncoding;
  lang: Lang;
  /** Colour in tables on stdout (never in a file). */
  color: boolean;
  excel: boolean;
  /** The width terminal tables are fitted to; undefined for the whole table (--wide, or a file). */
  width: number | undefined;
  emit(data: string | Uint8Array | Iterable<string>): void;
}

/**
 * --format, --excel and the -o file's name, agreed (./outputFormat.ts: a file is what its name says); a PDF is
 * never written to a terminal. The encoding: --output-encoding; else GB18030 for CSV when the list was named
 * GB18030 (`--excel --encoding gb18030`, for old software that reads GBK only); else UTF-8.
 */
export function openOutput<F extends string>(g: Globals, voice: CliVoice, allowed: readonly F[], fallback: F): Output<F> {
  const format = chooseFormat(g, allowed, fallback);
  refuseBinaryToTerminal(format, g.output !== undefined && g.output !== '-', process.stdout.isTTY === true);
  const encoding: OutputEncoding = g.outputEncoding ?? (format === 'csv' && g.encoding === 'gb18030' ? 'gb18030' : 'utf-8');
  const toFile = g.output !== undefined && g.output !== '-';
  const emit = (data: string | Uint8Array | Iterable<string>): void => {
    if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
      // Pieces of a large output: the -o file is still written whole; stdout gets each piece as it comes.
      if (toFile) return emit([...data].join(''));
      for (const piece of data) {
        if (process.stdout.destroyed) return; // the reader has gone (`| head`): stop quietly
        process.stdout.write(encodeOutput(piece, encoding));
      }
      return;
    }
    const bytes = typeof data === 'string' ? encodeOutput(data, encoding) : data;
    if (toFile) {
      // The store is never an output, through any path or link.
      const store = resolveWorkspace(g).dbFile;
      writeOutputFile(g.output!, bytes, [store, `${store}-wal`, `${store}-shm`]);
      voice.say({ zh: `已写入 ${g.output}`, en: `wrote ${g.output}` });
    } else {
      process.stdout.write(bytes);
    }
  };
  return {
    format,
    encoding,
    lang: g.lang,
    color: !toFile && colorAllowed(process.stdout, g.color, process.env),
    excel: g.excel,
    width: toFile || g.wide ? undefined : tableWidth(process.stdout, process.env),
    emit,
  };
}

/** The same columns as a table, CSV or JSON: the renderer for the three row formats. */
export function renderRows<T>(
  out: Pick<Output<string>, 'lang' | 'color' | 'excel' | 'width'>,
  format: 'table' | 'csv' | 'json',
  rows: readonly T[],
  columns: readonly Column<T>[],
): string {
  switch (format) {
    case 'csv':
      return renderCsv(rows, columns, { excel: out.excel, lang: out.lang });
    case 'json':
      return renderJson(toRecords(rows, columns));
    case 'table':
      return renderTable(rows, columns, { lang: out.lang, color: out.color, width: out.width });
  }
}
