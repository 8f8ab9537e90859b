/**
 * A terminal table made to fit a width: the columns a table can spare are left out, in the order the table
 * declares (Column.drop), and long text is wrapped inside its cell (Column.wrap) — a table wider than the
 * screen wraps in the terminal into noise. Widths are display widths: a CJK character is two columns.
 */
import { displayWidth } from './tableWidth.js';

/** What the fitting needs of a column. */
export interface FitColumn {
  /** Left out when the table does not fit: 1 first, then 2, …; undefined: always shown. */
  drop?: number | undefined;
  /** Long text that may be wrapped inside the cell. */
  wrap?: boolean | undefined;
  /** Left out whenever the table must be fitted (a column it can spare with nothing in it). */
  empty?: boolean | undefined;
}

/** The layout of a table for a width: which columns are shown (indexes) and the width of each (padding included). */
export interface Layout {
  shown: number[];
  widths: number[];
  dropped: number[];
}

/** A wrapped column is never narrowed below this many columns of text (eight CJK characters). */
const WRAP_MIN = 16;
/** The last resort, for a screen too narrow for even the kept columns: any column down to this (one CJK character). */
const ANY_MIN = 2;

/**
 * Which columns, how wide. `natural[x]` is column x's width with nothing wrapped, padding included, and
 * `headWidths[x]` its header's; the table's lines are the columns' widths plus one border each and one more.
 */
export function layoutFor(natural: readonly number[], cols: readonly FitColumn[], width: number, headWidths: readonly number[] = []): Layout {
  const shown = natural.map((_, x) => x).filter((x) => !cols[x]!.empty);
  const dropped: number[] = natural.map((_, x) => x).filter((x) => cols[x]!.empty);
  const total = (xs: readonly number[], w: (x: number) => number) => xs.reduce((s, x) => s + w(x), 0) + xs.length + 1;
  // A wrapped column keeps room for its header on one line, when the screen allows.
  const minOf = (x: number) => (cols[x]!.wrap ? Math.min(natural[x]!, Math.max(WRAP_MIN, headWidths[x] ?? 0) + 2) : natural[x]!);
  // Leave out what the table can spare until the rest fits with its long text wrapped.
  const spare = shown.filter((x) => cols[x]!.drop !== undefined).sort((a, b) => cols[a]!.drop! - cols[b]!.drop! || b - a);
  while (total(shown, minOf) > width && spare.length > 0) {
    const x = spare.shift()!;
    shown.splice(shown.indexOf(x), 1);
    dropped.push(x);
  }
  const widths = shown.map((x) => natural[x]!);
  const fits = () => total(shown, (x) => widths[shown.indexOf(x)]!) <= width;
  // Narrow the widest wrapping column, a column at a time, until the table fits; if the kept columns do not
  // fit even so, narrow any column (the screen is very narrow: wrapped is better than past the edge).
  for (const lastResort of [false, true]) {
    const floor = (x: number) => (lastResort ? ANY_MIN + 2 : minOf(x));
    while (!fits()) {
      let widest = -1;
      for (let i = 0; i < shown.length; i++) {
        const x = shown[i]!;
        const may = lastResort || cols[x]!.wrap === true;
        if (may && widths[i]! > floor(x) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      }
      if (widest < 0) break;
      widths[widest]!--;
    }
  }
  return { shown, widths, dropped };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Marks that close what comes before them: a line does not begin with one (禁则). */
const CLOSING = /^[，。、；：！？）」』》〉】〕…％,.;:!?)%]$/;

/** A word of Latin letters, digits and signs stays whole when it can; a CJK character is a word of its own. */
const WORD = /^[\x21-\x7e\u00a0-\u024f]+$/;

/**
 * Text broken into lines no wider than `width`: at spaces between Latin words, anywhere between CJK
 * characters, inside a word only when the word alone is wider than the line; a closing mark (，。）) does not
 * begin a line. Line breaks in the text stay.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (displayWidth(paragraph) <= width) {
      out.push(paragraph);
      continue;
    }
    // Tokens: runs of word characters, single spaces, single other graphemes.
    const tokens: string[] = [];
    for (const { segment } of segmenter.segment(paragraph)) {
      const last = tokens[tokens.length - 1];
      if (last !== undefined && WORD.test(segment) && WORD.test(last)) tokens[tokens.length - 1] = last + segment;
      else tokens.push(segment);
    }
    let line: string[] = [];
    let lineWidth = 0;
    const flush = () => {
      out.push(line.join('').trimEnd());
      line = [];
      lineWidth = 0;
    };
    const start = (tokens: string[]) => {
      line = tokens;
      lineWidth = tokens.reduce((s, x) => s + displayWidth(x), 0);
    };
    for (const token of tokens) {
      const w = displayWidth(token);
      if (lineWidth + w <= width) {
        if (lineWidth === 0 && token === ' ') continue; // no line starts with a space
        line.push(token);
        lineWidth += w;
        continue;
      }
      if (token === ' ') {
        flush();
        continue;
      }
      if (w <= width) {
        // A closing mark (，。）…) never begins a line: the character before it comes down with it.
        const last = line[line.length - 1];
        if (CLOSING.test(token) && line.length >= 2 && last !== ' ' && displayWidth(last!) + w <= width) {
          line.pop();
          flush();
          start([last!, token]);
        } else {
          flush();
          start([token]);
        }
        continue;
      }
      // A word wider than the line: cut it where the line ends.
      for (const { segment } of segmenter.segment(token)) {
        const sw = displayWidth(segment);
        if (lineWidth + sw > width && lineWidth > 0) flush();
        line.push(segment);
        lineWidth += sw;
      }
    }
    if (line.length > 0 || out.length === 0) flush();
  }
  return out;
}
