/**
 * The CSV splitter: the cases lists really contain, one table row each; then properties: any records
 * written out as CSV come back unchanged, however the text is cut into chunks, and on well-formed or
 * lenient-quote text it agrees with csv-parse (which it replaced in the loader for speed).
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvSplitError, CsvSplitter, MAX_RECORD_CHARS } from '../../../src/io/read/csvSplit.js';

/** Records of `text`, fed in the given chunk lengths (the rest in one last chunk). */
function split(text: string, cuts: number[] = []): string[][] {
  const out: string[][] = [];
  const s = new CsvSplitter((cells, record) => {
    expect(record).toBe(out.length + 1);
    out.push(cells);
  });
  let at = 0;
  for (const len of cuts) {
    s.push(text.slice(at, at + len));
    at += len;
  }
  s.push(text.slice(at));
  s.end();
  return out;
}

function failure(text: string, cuts: number[] = []): { kind: string; record: number } {
  try {
    split(text, cuts);
  } catch (err) {
    if (err instanceof CsvSplitError) return { kind: err.kind, record: err.record };
    throw err;
  }
  throw new Error('no error');
}

const CSV_PARSE = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false };

describe('CsvSplitter', () => {
  test.each([
    ['', []],
    [
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\r\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a\r\nb\nc\r\n', [['a'], ['b'], ['c']]], // mixed line breaks: every one ends a row, as in Excel
    ['a,b\n\nc\n', [['a', 'b'], [''], ['c']]], // an empty line is a row of one empty cell (the reader skips it)
    ['\n\na', [[''], [''], ['a']]],
    ['a,\n', [['a', '']]],
    ['a,', [['a', '']]],
    [',,\n', [['', '', '']]],
    ['\uFEFF企业名称,村\n', [['企业名称', '村']]],
    ['"a,b","c\nd",e\n', [['a,b', 'c\nd', 'e']]],
    ['"a\r\nb",c\r\n', [['a\r\nb', 'c']]],
    ['"""x""",""\n', [['"x"', '']]],
    ['"",x', [['', 'x']]],
    ['a "b" c,d\n', [['a "b" c', 'd']]], // a quote inside an unquoted cell is text
    [' "a",b\n', [[' "a"', 'b']]],
    ['"a"b,c\n', [['"a"b', 'c']]], // text after the closing quote: the cell as written
    ['"a,b"c,d\n', [['"a,b"c', 'd']]],
    ['"a" ,b\n', [['"a" ', 'b']]],
    ['x,"abc"', [['x', 'abc']]],
    ["=1+2,'-3\n", [['=1+2', "'-3"]]],
  ])('%j', (text, records) => {
    expect(split(text)).toEqual(records);
  });

  test.each([
    ['x,"abc', 1],
    ['a,b\nc,"d\ne,f\n', 2],
    ['"a""\n', 1],
    ['a\n"b""', 2],
  ])('an opening quote that never closes: %j → record %d', (text, record) => {
    expect(failure(text)).toEqual({ kind: 'quote', record });
  });

  test('a record that never ends is refused once it passes MAX_RECORD_CHARS, naming the record it began in', () => {
    const chunk = `"${'x'.repeat(65535)}`;
    const s = new CsvSplitter(() => undefined);
    s.push('a,b\n');
    let thrown: unknown;
    let pushed = 0;
    try {
      for (; pushed < 100; pushed++) s.push(pushed === 0 ? chunk : 'y'.repeat(65536));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CsvSplitError);
    expect((thrown as CsvSplitError).kind).toBe('length');
    expect((thrown as CsvSplitError).record).toBe(2);
    expect(pushed).toBe(Math.floor(MAX_RECORD_CHARS / 65536));
  });

  test('a CRLF, a doubled quote or a field cut between two chunks reads as if whole', () => {
    const text = 'ab,"c""d"\r\n"e\r\nf",g\r\n';
    const whole = split(text);
    for (let cut = 0; cut <= text.length; cut++) expect(split(text, [cut])).toEqual(whole);
    expect(whole).toEqual([
      ['ab', 'c"d'],
      ['e\r\nf', 'g'],
    ]);
  });
});

/** A cell as lists hold it: Chinese, ASCII, and now and then a comma, quote or line break. */
const cell = fc.string({ unit: fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\r\n', '=', '1'), maxLength: 8 });
const records = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })
  // A record of one empty cell is written as an empty line, and read back as one: keep it, but not as the
  // only cell of the last record, which an empty last line cannot tell from the end of the text.
  .filter((rs) => !(rs.at(-1)!.length === 1 && rs.at(-1)![0] === ''));

function csvOf(rs: string[][], eol: string, finalEol: boolean): string {
  const quoted = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rs.map((r) => r.map(quoted).join(',')).join(eol) + (finalEol ? eol : '');
}

const cuts = fc.array(fc.nat({ max: 12 }), { maxLength: 10 });

describe('CsvSplitter properties', () => {
  test('records written as CSV read back unchanged, whatever the line breaks and the chunks', () => {
    fc.assert(
      fc.property(records, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), cuts, (rs, eol, finalEol, chunks) => {
        expect(split(csvOf(rs, eol, finalEol), chunks)).toEqual(rs);
      }),
      { numRuns: 500 },
    );
  });

  test('agrees with csv-parse on any text with one kind of line break, where csv-parse reads quotes the same way', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\uFEFF'), maxLength: 40 });
    fc.assert(
      fc.property(text, cuts, (t, chunks) => {
        let theirs: string[][] | 'quote';
        try {
          theirs = parse(t, CSV_PARSE) as string[][];
        } catch (err) {
          if ((err as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw err;
          theirs = 'quote';
        }
        // csv-parse reads text after a closing quote inconsistently ("a""b"x → "a"b"x): leave those out.
        if (theirs !== 'quote' && theirs.some((r) => r.some((c) => c.startsWith('"')))) return;
        const ours = theirs === 'quote' ? failure(t, chunks).kind : split(t, chunks);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 2000 },
    );
  });
});
