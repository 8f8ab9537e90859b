/**
 * Tables for a terminal: Chinese labels, CJK-aware widths, colour only when allowed.
 *
 * The look is cli-table3's (compact, a rule under the header, head cyan and borders grey in colour). Tables
 * of plain text — printable ASCII, Latin-1, CJK, full-width forms and the common punctuation, and line breaks,
 * which is what haze's tables hold — are drawn here directly, the same characters cli-table3 draws (a test
 * holds the two to that), in a small fraction of its time: cli-table3 measures every cell several times with
 * an emoji regex, which cost `haze measures` on the sample town a fifth of its run. Anything else (an emoji, a
 * control character, ANSI codes) goes to cli-table3 itself, loaded only then.
 *
 * Given a width (the screen's), a table wider than it is fitted (tableFit.ts): the columns each table marks
 * as ones it can spare are left out in their order, long text is wrapped inside its cell, and a line under the
 * table names what was left out and that --wide shows it.
 */
import { createRequire } from 'node:module';
import type { Column } from './columns.js';
import { layoutFor, wrapText, type FitColumn } from './tableFit.js';
import { displayWidth, plainWidth } from './tableWidth.js';

export { plainWidth } from './tableWidth.js';

export interface TableOptions {
  lang: 'zh' | 'en';
  color: boolean;
  /**
   * The screen's width in columns: a wider table leaves out the columns it can spare and wraps long text
   * (tableFit.ts). Undefined: the whole table (--wide, or a file).
   */
  width?: number | undefined;
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], opts: TableOptions): string {
  const cols = columns.filter((c) => !c.dataOnly);
  const head = cols.map((c) => (opts.lang === 'en' ? c.en : c.zh));
  const body = rows.map((r) => cols.map((c) => show(c.value(r), opts.lang)));
  if (opts.width !== undefined) {
    const fitted = fitTable(head, body, cols, opts);
    if (fitted !== null) return fitted;
  }
  return `${drawPlainTable(head, body, opts.color) ?? drawWithCliTable3(head, body, opts.color)}\n`;
}

function show(cell: string | number | boolean | null, lang: 'zh' | 'en'): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? (lang === 'en' ? 'yes' : '是') : '';
  return String(cell);
}

/** A line of a cell and its display width. */
interface Line {
  text: string;
  width: number;
}

/**
 * The table fitted to opts.width, with a line under it naming the columns left out; null when the whole
 * table fits as it is (then it is drawn as always).
 */
function fitTable(head: string[], body: string[][], cols: readonly FitColumn[], opts: TableOptions): string | null {
  const width = opts.width!;
  // A tab or another control character has no width a terminal agrees on: a space, in a table that must fit.
  const clean = (s: string) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
  const all = [head, ...body].map((row) => row.map(clean));
  const natural = head.map((_, x) => 2 + Math.max(0, ...all.map((row) => Math.max(...row[x]!.split('\n').map(displayWidth)))));
  if (natural.reduce((s, w) => s + w, 0) + natural.length + 1 <= width) return null;
  // A column the table can spare that is empty in every row goes, unannounced, before any other.
  const empty = cols.map((c, x) => c.drop !== undefined && body.every((row) => row[x] === ''));
  const layout = layoutFor(
    natural,
    cols.map((c, x) => ({ drop: c.drop, wrap: c.wrap, empty: empty[x] })),
    width,
    head.map((h) => Math.max(...h.split('\n').map(displayWidth))),
  );
  const rows: Line[][][] = all.map((row) =>
    layout.shown.map((x, i) => wrapText(row[x]!, layout.widths[i]! - 2).map((text) => ({ text, width: displayWidth(text) }))),
  );
  const table = drawLines(rows, layout.widths, opts.color);
  const names = layout.dropped.filter((x) => !empty[x]).map((x) => head[x]!);
  if (names.length === 0) return `${table}\n`;
  const note =
    opts.lang === 'en'
      ? `(${width} columns wide: ${names.join(', ')} left out; --wide shows all)`
      : `（屏幕宽 ${width} 列，未显示：${names.join('、')}；加 --wide 显示全部）`;
  return `${table}\n${wrapText(note, width).join('\n')}\n`;
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
  const rows: Line[][][] = [];
  for (const row of [head, ...body]) {
    if (row.length !== head.length) return null;
    const cells: Line[][] = [];
    for (let x = 0; x < row.length; x++) {
      const lines: Line[] = [];
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
  return drawLines(rows, widths, color);
}

/** The drawing itself: the first row is the header; each width includes a space of padding each side. */
function drawLines(rows: readonly (readonly (readonly Line[])[])[], widths: readonly number[], color: boolean): string {
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
        const content = l ? ` ${l.text}${' '.repeat(Math.max(0, widths[x]! - 2 - l.width))} ` : ' '.repeat(widths[x]!);
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
