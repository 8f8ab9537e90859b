/**
 * Reading CSV (csvTable.ts, over csv-parse): the cases lists really contain, one table row each, read
 * through both faces (the whole text, and the text in chunks as a file streams in); the errors, with the
 * row they name; then properties: any records written as CSV come back unchanged, however the text is cut
 * into chunks, and on any text at all the chunked face reads what the whole face reads.
 */
import fc from 'fast-check';
import { HazeError } from '../../../src/errors.js';
import { csvRows, csvRowStream, MAX_RECORD_CHARS, type SheetRow } from '../../../src/io/read/csvTable.js';

const FILE = 'list.csv';

/** `text` cut into the given chunk lengths (the rest in one last chunk). */
function chunksOf(text: string, cuts: number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const len of cuts) {
    out.push(text.slice(at, at + len));
    at += len;
  }
  out.push(text.slice(at));
  return out;
}

async function* each(chunks: readonly string[]): AsyncGenerator<string> {
  for (const c of chunks) yield c;
}

async function streamed(text: string, cuts: number[]): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  await csvRowStream(each(chunksOf(text, cuts)), FILE, (r) => rows.push(r));
  return rows;
}

/** Records of `text`, read whole and fed in the given chunk lengths: both faces must agree, rows numbered 1, 2, 3… */
async function read(text: string, cuts: number[] = []): Promise<string[][]> {
  const whole = csvRows(text, FILE);
  expect(whole.map((r) => r.row)).toEqual(whole.map((_, i) => i + 1));
  expect(await streamed(text, cuts)).toEqual(whole);
  return whole.map((r) => r.cells);
}

type Failure = { code: string; row: number | undefined; column?: string | undefined; exitCode: number } | 'none';

function describeError(err: unknown): Failure {
  if (!(err instanceof HazeError)) throw err;
  expect(err.where?.file).toBe(FILE);
  return { code: err.code, row: err.where?.row, ...(err.where?.column !== undefined ? { column: err.where.column } : {}), exitCode: err.exitCode };
}

/** The error reading `text` gives, the same through both faces. */
async function failure(text: string, cuts: number[] = []): Promise<Failure> {
  let whole: Failure = 'none';
  try {
    csvRows(text, FILE);
  } catch (err) {
    whole = describeError(err);
  }
  let chunked: Failure = 'none';
  try {
    await streamed(text, cuts);
  } catch (err) {
    chunked = describeError(err);
  }
  expect(chunked).toEqual(whole);
  return whole;
}

describe('reading CSV', () => {
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
  ])('%j', async (text, records) => {
    expect(await read(text)).toEqual(records);
  });

  test('a quoted cell with line breaks is one row: the rows after it keep the numbers Excel shows', async () => {
    const rows = csvRows('h1,h2\n"第一行\n第二行\r\n第三行",x\ny,z\n', FILE);
    expect(rows).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 2, cells: ['第一行\n第二行\r\n第三行', 'x'] },
      { row: 3, cells: ['y', 'z'] },
    ]);
  });

  test.each([
    ['x,"abc', 1, 'B'],
    ['a,b\nc,"d\ne,f\n', 2, 'B'],
    ['"a""\n', 1, 'A'],
    ['a\n"b""', 2, 'A'],
  ])('an opening quote that never closes: %j → exit 65 naming row %d, column %s', async (text, row, column) => {
    expect(await failure(text)).toEqual({ code: 'HAZE_CSV_QUOTE_NOT_CLOSED', row, column, exitCode: 65 });
  });

  test('a record that never ends is refused once it passes the limit, naming the row it began in, without reading on to the end', async () => {
    const total = 400; // 26 MB of text: far past the limit
    let pulled = 0;
    async function* text(): AsyncGenerator<string> {
      yield 'a,b\n';
      for (; pulled < total; pulled++) yield pulled === 0 ? `"${'x'.repeat(65535)}` : 'y'.repeat(65536);
    }
    let thrown: unknown;
    try {
      await csvRowStream(text(), FILE, () => undefined);
    } catch (err) {
      thrown = err;
    }
    expect(describeError(thrown)).toEqual({ code: 'HAZE_CSV_ROW_TOO_LONG', row: 2, column: 'A', exitCode: 65 });
    expect((thrown as HazeError).text.zh).toBe('第 2 行超过 2,000,000 个字符还没有结束：可能是引号没有闭合，或者这不是清单文件');
    // Stopped within a few chunks of the limit: memory stays bounded.
    expect(pulled).toBeLessThan(MAX_RECORD_CHARS / 65536 + 8);
  });

  test("a record of MAX_RECORD_CHARS characters is read, one past it is refused, complete or not; Excel's largest cells are read", async () => {
    const refused = { code: 'HAZE_CSV_ROW_TOO_LONG', row: 2, exitCode: 65 };
    expect(await read(`a,b\n${'x'.repeat(MAX_RECORD_CHARS)}\nc,d\n`, [70_000])).toHaveLength(3);
    expect(await failure(`a,b\n${'x'.repeat(MAX_RECORD_CHARS + 1)}\nc,d\n`, [70_000])).toMatchObject(refused);
    expect(await failure(`a,b\n${'xy,'.repeat(MAX_RECORD_CHARS / 2)}z\nc,d\n`, [70_000])).toMatchObject(refused); // over many cells
    expect(await failure(`a,b\n"${'茅山'.repeat(MAX_RECORD_CHARS / 2)}",c\n`, [70_000])).toMatchObject(refused);
    // Thirty cells of 32,767 Chinese characters each, as full as Excel lets a cell be (3 MB of UTF-8).
    const full = Array.from({ length: 30 }, (_, i) => `"${String(i).padEnd(32_767, '茅')}"`).join(',');
    const rows = await read(`a,b\n${full}\nc,d\n`, [70_000]);
    expect(rows.map((r) => r.length)).toEqual([2, 30, 2]);
    expect(rows[1]!.every((c) => c.length === 32_767)).toBe(true);
  });

  test('a CRLF, a doubled quote or a field cut between two chunks reads as if whole', async () => {
    const text = 'ab,"c""d"\r\n"e\r\nf",g\r\n中,"文"\r\n';
    const whole = await read(text);
    for (let cut = 0; cut <= text.length; cut++) expect(await read(text, [cut])).toEqual(whole);
    for (let cut = 0; cut + 1 <= text.length; cut++) expect(await read(text, [cut, 1])).toEqual(whole);
    expect(whole).toEqual([
      ['ab', 'c"d'],
      ['e\r\nf', 'g'],
      ['中', '文'],
    ]);
  });

  test('an error in a row stops the reading as what it is, not as a CSV error', async () => {
    const boom = new Error('boom');
    await expect(
      csvRowStream(each(['a\nb\nc\n']), FILE, (r) => {
        if (r.row === 2) throw boom;
      }),
    ).rejects.toBe(boom);
  });
});

/** A cell as lists hold it: Chinese, ASCII, and now and then a comma, quote or line break. */
const cell = fc.string({ unit: fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\r\n', '\r', '=', '1'), maxLength: 8 });
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

describe('reading CSV: properties', () => {
  test('records written as CSV read back unchanged, whatever the line breaks and the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean(), cuts, async (rs, eol, bom, finalEol, chunks) => {
        expect(await read((bom ? '\uFEFF' : '') + csvOf(rs, eol, finalEol), chunks)).toEqual(rs);
      }),
      { numRuns: 500 },
    );
  });

  test('any text, line breaks mixed, quotes anywhere: the chunked face reads what the whole face reads (the records, or the same error at the same row)', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\r', '\r\n', '\uFEFF'), maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, cuts, async (t, chunks) => {
        const f = await failure(t, chunks); // compares the two faces' errors
        if (f === 'none')
          await read(t, chunks); // and their records
        else expect(f.code).toBe('HAZE_CSV_QUOTE_NOT_CLOSED');
      }),
      { numRuns: 2000 },
    );
  });

  test('mixed line breaks read as if every one were a LF, outside quotes', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }), cuts, async (rs, eols, chunks) => {
        // An empty record after a CR, ended by a LF, is a CRLF: one line break, in Excel too.
        fc.pre(rs.every((r, i) => !(i > 0 && eols[i - 1] === '\r' && r.length === 1 && r[0] === '' && eols[i]!.startsWith('\n'))));
        const quoted = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
        const text = rs.map((r, i) => r.map(quoted).join(',') + eols[i]!).join('');
        expect(await read(text, chunks)).toEqual(rs);
      }),
      { numRuns: 300 },
    );
  });
});
