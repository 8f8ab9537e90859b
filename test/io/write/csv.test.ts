/**
 * haze's CSV writer (src/io/write/csv.ts) against csv-parse: whatever the cells, what it writes reads back,
 * with csv-parse in its strict default mode and with haze's own reading, as the cells it was given (formula
 * starts escaped with a quote, numbers in their shortest form); the chunked face writes the same text, and
 * --excel adds the BOM, CRLF and the Chinese or English headers, and in Chinese writes the values in words
 * (a column's `excel` value, 是/否 for a boolean).
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { csvRows } from '../../../src/io/read/csvTable.js';
import type { Cell, Column } from '../../../src/io/write/columns.js';
import { encodeOutput, escapeCell, renderCsv, renderCsvChunks } from '../../../src/io/write/csv.js';

/** Text cells as outputs hold them: Chinese, ASCII, and now and then a comma, quote, line break or formula start. */
const text = fc.string({ unit: fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\r\n', '\r', '=', '+', '-', '@', '\t', '＝', "'", '1'), maxLength: 8 });
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    headers: fc.array(text, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { maxLength: 12 }),
  }),
);

function columnsOf(headers: readonly string[]): Column<Cell[]>[] {
  return headers.map((h, i) => ({ key: `k${i}${h}`, zh: `列${h}`, en: `col ${h}`, value: (r: Cell[]) => r[i]! }));
}

/** What a cell should read back as: the text written for it. */
const shown = (c: Cell) => String(escapeCell(c));

describe('the CSV writer, read back by csv-parse', () => {
  test('for scripts (LF, English keys, no BOM): every cell reads back as written, through csv-parse (strict) and through haze', () => {
    fc.assert(
      fc.property(table, ({ headers, rows }) => {
        const columns = columnsOf(headers);
        const csv = renderCsv(rows, columns);
        const expected = [columns.map((c) => c.key), ...rows.map((r) => r.map(shown))];
        expect(parse(csv)).toEqual(expected);
        expect(csvRows(csv, 'out.csv').map((r) => r.cells)).toEqual(expected);
        expect([...renderCsvChunks(rows, columns)].join('')).toBe(csv);
      }),
      { numRuns: 500 },
    );
  });

  test('--excel (BOM, CRLF, Chinese or English headers): the same cells, and GB18030 bytes decode to the same text without the BOM', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('zh' as const, 'en' as const), ({ headers, rows }, lang) => {
        const columns = columnsOf(headers);
        const csv = renderCsv(rows, columns, { excel: true, lang });
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const inWords = (c: Cell) => (typeof c === 'boolean' && lang === 'zh' ? (c ? '是' : '否') : shown(c));
        const expected = [columns.map((c) => (lang === 'en' ? c.en : c.zh)), ...rows.map((r) => r.map(inWords))];
        expect(parse(csv, { bom: true, record_delimiter: '\r\n' })).toEqual(expected);
        expect(csvRows(csv, 'out.csv').map((r) => r.cells)).toEqual(expected);
        expect(iconv.decode(Buffer.from(encodeOutput(csv, 'gb18030')), 'gb18030')).toBe(csv.slice(1));
      }),
      { numRuns: 300 },
    );
  });

  test("--excel in Chinese: a column's excel value, and the columns left out of Excel; scripts and --lang en keep the stable words", () => {
    type R = { level: string; ban: boolean };
    const columns: Column<R>[] = [
      { key: 'level', zh: '预警级别', en: 'level', value: (r) => r.level, excel: (r) => ({ orange: '橙色' })[r.level] ?? r.level },
      { key: 'ban', zh: '禁车', en: 'ban', value: (r) => r.ban },
      { key: 'level_en', zh: '级别（英文）', en: 'level (English)', value: (r) => r.level, notInExcel: true },
    ];
    const rows: R[] = [{ level: 'orange', ban: false }];
    expect(renderCsv(rows, columns, { excel: true, lang: 'zh' })).toBe('\uFEFF预警级别,禁车\r\n橙色,否\r\n');
    expect(renderCsv(rows, columns, { excel: true, lang: 'en' })).toBe('\uFEFFlevel,ban,level (English)\r\norange,false,orange\r\n');
    expect(renderCsv(rows, columns)).toBe('level,ban,level_en\norange,false,orange\n');
  });

  test('a text cell Excel would run as a formula is escaped, other values are written as they are', () => {
    expect(['=1+2', '+86', '-3', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x', 'a=b'].map(escapeCell)).toEqual([
      "'=1+2",
      "'+86",
      "'-3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "'＝1",
      "'＋1",
      "'－1",
      "'＠x",
      'a=b',
    ]);
    expect([-3, 0.5, Number.NaN, Number.POSITIVE_INFINITY, true, false, null].map(escapeCell)).toEqual([-3, 0.5, '', '', 'true', 'false', '']);
  });
});
