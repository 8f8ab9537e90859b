/**
 * Control characters in a cell's text: a NUL, a backspace, an escape. No spreadsheet writes them into text a
 * person typed, so a cell holding one is a damaged file or another program's bytes, and reading on would
 * carry them into every output (a NUL in JSON, an escape sequence on the terminal). Every table haze reads
 * — lists, results, findings, CSV or workbook — is refused at the first one, with its row and column.
 *
 * Kept: tab, and the line breaks a cell may hold (LF, CR, and the vertical tab, form feed and NEL that some
 * exports write for a line break inside a cell; normaliseText reads them as line breaks).
 */
import { codePoint } from '../../core/invisible.js';
import { CODE, HazeError } from '../../errors.js';
import type { SheetRow } from './csvTable.js';

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;

/** The column as Excel names it: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** U+0000 NUL, U+001B ESC: the character as a person can look it up. */
function described(c: string): string {
  const names: Record<number, string> = { 0: 'NUL', 8: 'BS', 0x1b: 'ESC', 0x7f: 'DEL' };
  const name = names[c.codePointAt(0)!];
  return name ? `${codePoint(c)} ${name}` : codePoint(c);
}

/** Throws for the first cell of the row holding a control character. */
export function refuseControlCharacters(row: SheetRow, file: string): void {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const m = CONTROL.exec(cells[i]!);
    if (m) throw controlCharacter(file, row.row, i, m[0]);
  }
}

export function controlCharacter(file: string, row: number, columnIndex: number, c: string): HazeError {
  const column = columnName(columnIndex);
  return new HazeError(CODE.HAZE_CONTROL_CHARACTER, {
    where: { file, row, column },
    message: {
      zh: `第 ${row} 行 ${column} 列的单元格中有控制字符 ${described(c)}，不是表格中的文字`,
      en: `the cell at row ${row}, column ${column} holds the control character ${described(c)}, which is not text of a table`,
    },
  });
}
