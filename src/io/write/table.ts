/**
 * Tables for a terminal: Chinese labels, CJK-aware widths, colour only when allowed.
 *
 * The look is cli-table3's (compact, a rule under the header, head cyan and borders grey in colour). Tables
 * of plain text — printable ASCII, Latin-1, CJK, full-width forms and the common punctuation, and line breaks,
 * which is what haze's tables hold — are drawn here directly, the same characters cli-table3 draws (a test
 * holds the two to that), in a small fraction of its time: cli-table3 measures every cell several times with
 * an emoji regex, which cost `haze measures` on the sample town a fifth of its run. Anything else (an emoji, a
 * control character, ANSI codes) goes to cli-table3 itself, loaded only then.
 */
import { createRequire } from 'node:module';
import type { Column } from './columns.js';

export interface TableOptions {
  lang: 'zh' | 'en';
  color: boolean;
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], opts: TableOptions): string {
  const cols = columns.filter((c) => !c.dataOnly);
  const head = cols.map((c) => (opts.lang === 'en' ? c.en : c.zh));
  const body = rows.map((r) => cols.map((c) => show(c.value(r), opts.lang)));
  return `${drawPlainTable(head, body, opts.color) ?? drawWithCliTable3(head, body, opts.color)}\n`;
}

function show(cell: string | number | boolean | null, lang: 'zh' | 'en'): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? (lang === 'en' ? 'yes' : '是') : '';
  return String(cell);
}

/** The display width of plain text (see the header), as string-width counts it; null when the text is not plain. */
export function plainWidth(s: string): number | null {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if (
      (c >= 0x3000 && c <= 0x302f) || // CJK symbols and punctuation: 、。〈〉《》「」【】…
      (c >= 0x3041 && c <= 0x30ff) || // kana
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || // CJK ideographs
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff01 && c <= 0xff60) || // full-width forms: （），：；％
      (c >= 0xffe0 && c <= 0xffe6)
    )
      width += 2;
    else if (
      (c >= 0xa0 && c <= 0xff && c !== 0xa9 && c !== 0xae) || // Latin-1 but © and ®, which are emoji
      (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, bullets, …
      (c >= 0x2030 && c <= 0x203a) ||
      c === 0x2103 || // ℃
      (c >= 0x2160 && c <= 0x217f) || // Roman numerals: Ⅰ Ⅱ Ⅲ
      (c >= 0x2460 && c <= 0x24c1) // circled numbers
    )
      width += 1;
    else return null;
  }
  return width;
}

// The codes @colors/colors (cli-table3's colours) writes for grey and cyan.
const grey = (s: string) => `\u001b[90m${s}\u001b[39m`;
const cyan = (s: string) => `\u001b[36m${s}\u001b[39m`;

/**
 * The table cli-table3 draws for `{ head, style: { compact: true, head: ['cyan'] | [], border: ['grey'] | [] },
 * wordWrap: false }`, when every cell is plain text; null when one is not. A cell's line breaks make lines
 * of its own, the row as tall as its tallest cell, as in cli-table3.
 */
export function drawPlainTable(head: readonly string[], body: readonly (readonly string[])[], color: boolean): string | null {
  if (head.length === 0) return null;
  const widths: number[] = head.map(() => 0);
  // Each row: its cells, each a list of lines with their widths.
  const rows: { text: string; width: number }[][][] = [];
  for (const row of [head, ...body]) {
    if (row.length !== head.length) return null;
    const cells: { text: string; width: number }[][] = [];
    for (let x = 0; x < row.length; x++) {
      const lines: { text: string; width: number }[] = [];
      for (const text of row[x]!.split('\n')) {
        const width = plainWidth(text);
        if (width === null) return null;
        lines.push({ text, width });
        widths[x] = Math.max(widths[x]!, width + 2); // one space of padding each side
      }
      cells.push(lines);
    }
    rows.push(cells);
  }
  const border = color ? grey : (s: string) => s;
  const headStyle = color ? cyan : (s: string) => s;
  // A rule: each cell's piece styled on its own (cli-table3 draws a table cell by cell).
  const rule = (left: string, mid: string, right: string) =>
    widths.map((w, x) => border(`${x === 0 ? left : mid}${'─'.repeat(w)}${x === widths.length - 1 ? right : ''}`)).join('');
  const out: string[] = [rule('┌', '┬', '┐')];
  rows.forEach((cells, y) => {
    if (y === 1) out.push(rule('├', '┼', '┤'));
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let n = 0; n < height; n++) {
      const line = cells.map((lines, x) => {
        const l = lines[n];
        const content = l ? ` ${l.text}${' '.repeat(widths[x]! - 2 - l.width)} ` : ' '.repeat(widths[x]!);
        return `${border('│')}${y === 0 ? headStyle(content) : content}${x === cells.length - 1 ? border('│') : ''}`;
      });
      out.push(line.join(''));
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

interface CliTable3 {
  push(...rows: string[][]): number;
  toString(): string;
}

/** cli-table3 itself, for tables that are not plain text: loaded on the first such table (it is CommonJS). */
function drawWithCliTable3(head: string[], body: string[][], color: boolean): string {
  const Table = createRequire(import.meta.url)('cli-table3') as new (options: object) => CliTable3;
  const table = new Table({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: true },
    wordWrap: false,
  });
  table.push(...body);
  return table.toString();
}
