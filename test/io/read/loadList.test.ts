/** The list fixtures read through the streaming loader, each with its exact result. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readList, loadList, type LoadedList } from '../../../src/io/read/loadList.js';
import { HazeError } from '../../../src/errors.js';
import { creditCodeCheckChar } from '../../../src/core/creditCode.js';
import type { Problem } from '../../../src/core/problem.js';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const fx = (name: string) => join(FIXTURES, name);
const BASE = { point: { lon: 119.372819, lat: 31.72512 }, name: '薛埠镇人民政府', maxKm: 50 };

/** A problem in one line: where, severity, code and the value found. */
const brief = (p: Problem) => `${p.where.row}:${p.where.column ?? ''} ${p.severity} ${p.code} ${p.value ?? ''}`.trim();

async function failure(p: Promise<unknown>): Promise<{ code: string; exitCode: number; zh: string; where: string }> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof HazeError)) throw err;
    return { code: err.code, exitCode: err.exitCode, zh: err.text.zh, where: `${err.where?.file.split('/').pop()}:${err.where?.row ?? ''}` };
  }
  throw new Error('expected a HazeError');
}

/** The two enterprises most fixtures carry, as haze reads them. */
function expectTheTwo(list: LoadedList): void {
  expect(list.enterprises.map((e) => [e.row, e.creditCode, e.name, e.village, e.grade, e.location.lon, e.location.lat])).toEqual([
    [list.headerRow + 1, '91320413MA1MXK7Q09', '常州金坛茅山铸造有限公司', '东窑村', 'C', 119.381234, 31.741234],
    [list.headerRow + 2, '91320413MA20AB1C37', '常州方麓茶业有限公司', '方麓村', '非分级', 119.330012, 31.700345],
  ]);
}

describe('encodings', () => {
  test('GBK without a BOM (Chinese Excel\'s "CSV") is read as GB18030, CRLF and all', async () => {
    const list = await readList(fx('gbk-no-bom.csv'));
    expect(list.encoding).toBe('gb18030');
    expectTheTwo(list);
    expect(list.enterprises[1]!.measureText).toEqual({ yellow: '', orange: '限产30%', red: '停产' });
    expect(list.problems).toEqual([]);
  });

  test('UTF-8 with a BOM: the BOM is not part of the first header', async () => {
    const list = await readList(fx('utf8-bom.csv'));
    expect(list.encoding).toBe('utf-8');
    expect(list.fields[0]).toBe('creditCode');
    expectTheTwo(list);
    expect(list.problems).toEqual([]);
  });

  test('--encoding overrides detection: GBK bytes forced to UTF-8 lose the header', async () => {
    const list = await readList(fx('gbk-no-bom.csv'), { encoding: 'utf-8' });
    expect(list.encoding).toBe('utf-8');
    expect(list.problems.map(brief)).toEqual([
      '1:统一社会信用代码 error HAZE_LIST_COLUMN_MISSING',
      '1:企业名称 error HAZE_LIST_COLUMN_MISSING',
      '1:村社区 error HAZE_LIST_COLUMN_MISSING',
      '1:绩效等级 error HAZE_LIST_COLUMN_MISSING',
      '1:经度 error HAZE_LIST_COLUMN_MISSING',
      '1:纬度 error HAZE_LIST_COLUMN_MISSING',
    ]);
  });

  test('the sync face reads the same', () => {
    const list = loadList(fx('gbk-no-bom.csv'));
    expect(list.encoding).toBe('gb18030');
    expectTheTwo(list);
  });
});

test('a UTF-8 list many read chunks long: streamed as bytes, characters cut between chunks and all, it reads as the whole file does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'haze-chunks-'));
  const file = join(dir, 'long-utf8.csv');
  const [header, row] = readFileSync(fx('two-enterprises.csv'), 'utf8').split('\n');
  const cells = row!.split(',');
  // 3,000 rows of Chinese (3 bytes a character), with quoted cells holding commas and line breaks: some
  // 700 KB, so that read chunks end inside characters, quoted cells and CRLFs.
  const lines = Array.from({ length: 3000 }, (_, i) => {
    const c = [...cells];
    c[0] = `91320413MA${String(i).padStart(7, '0')}`;
    c[0] += creditCodeCheckChar(c[0])!;
    c[1] = `"常州${'茅山'.repeat(i % 7)}第${i}铸造,有限公司"`;
    c[4] = i % 5 === 0 ? `"薛埠镇\r\n致和村${i}号"` : `薛埠镇致和村${i}号`;
    return c.join(',');
  });
  writeFileSync(file, [header, ...lines].join('\r\n') + '\r\n');
  const streamed = await readList(file);
  const whole = loadList(file);
  expect(streamed.problems).toEqual([]);
  expect(streamed.enterprises).toHaveLength(3000);
  expect(streamed.enterprises).toEqual(whole.enterprises);
  expect(streamed.enterprises[2999]!.name).toBe(`常州${'茅山'.repeat(2999 % 7)}第2999铸造,有限公司`);
  expect(streamed.enterprises[5]!.address).toBe('薛埠镇\r\n致和村5号');
  expect(streamed.enterprises[5]!.row).toBe(7); // a quoted line break is still one row
});

describe('what real lists look like', () => {
  test('headers written other ways, units in brackets; unknown columns kept', async () => {
    const list = await readList(fx('alias-headers.csv'));
    expectTheTwo(list);
    expect(list.fields).toEqual(['name', 'creditCode', 'village', 'industry', 'grade', 'lon', 'lat', 'so2', 'nox', 'pm', 'vocs', 'yellow', 'orange', 'red']);
    expect(list.extraColumns).toEqual(['序号', '排污许可证编号']);
    expect(list.extra.get(2)).toEqual({ 序号: '1', 排污许可证编号: '91320413MA1MXK7Q09001V' });
    expect(list.enterprises[0]!.emissions).toEqual({ so2: 0.5, nox: 1.2, pm: 3.4, vocs: 0.8 });
    expect(list.enterprises[0]!.measureText).toEqual({ yellow: '停止熔炼工序', orange: '停产', red: '停产' });
    expect(list.problems).toEqual([]);
  });

  test('full-width digits, letters and spaces; a lower-case code upper-cased', async () => {
    const list = await readList(fx('fullwidth-digits.csv'));
    expectTheTwo(list);
    const [a, b] = list.enterprises;
    expect(a!.phone).toBe('13912345678');
    expect(a!.address).toBe('薛埠镇东窑村工业路8号');
    expect(a!.emissions).toEqual({ so2: 0.5, nox: 1.2, pm: 3.4, vocs: 0.8 });
    expect(a!.truckTrips).toBe(12);
    expect(b!.name).toBe('常州方麓茶业有限公司');
    expect(b!.measureText.orange).toBe('限产30％'); // digits become ASCII; Chinese punctuation stays as written
    expect(list.problems).toEqual([]);
  });

  test('a title and a note above the header: rows keep the numbers Excel shows', async () => {
    const list = await readList(fx('title-rows.csv'));
    expect(list.headerRow).toBe(3);
    expectTheTwo(list);
    expect(list.problems).toEqual([]);
  });

  test('formula-like cells are read as text, as written', async () => {
    const list = await readList(fx('formula-cells.csv'));
    expect(list.enterprises.map((e) => e.name)).toEqual(['=HYPERLINK("http://example.invalid","点击")', '@SUM(A1:A9)', '＋常州丫髻包装有限公司']);
    expect(list.enterprises[1]!.industry).toBe('-茶叶加工');
    expect(list.problems).toEqual([]);
  });
});

describe('every problem, with row, column and value', () => {
  test('codes mangled by Excel, a wrong check character, duplicates, a short code', async () => {
    const list = await readList(fx('mangled-codes.csv'));
    expect(list.problems.map(brief)).toEqual([
      '2:统一社会信用代码 error HAZE_ROW_CODE_MANGLED 9.13204E+17',
      '3:统一社会信用代码 error HAZE_ROW_CODE_INVALID 91320413MA20AB1C38',
      '5:统一社会信用代码 error HAZE_ROW_CODE_DUPLICATE 91320413MA2KT8YJ00',
      '6:企业名称 warning HAZE_ROW_NAME_DUPLICATE 常州丫髻包装有限公司',
      '7:统一社会信用代码 error HAZE_ROW_CODE_INVALID 9132041',
    ]);
    expect(list.problems[0]!.hint!.zh).toContain('文本');
    expect(list.problems[2]!.message.zh).toBe('统一社会信用代码与第 4 行重复');
  });

  test('swapped, outside China, far from the town, not a number; bad emissions', async () => {
    const list = await readList(fx('swapped-coordinates.csv'), { checks: { near: BASE } });
    expect(list.problems.map(brief)).toEqual([
      '2:经度 error HAZE_ROW_COORD_SWAPPED 31.741234, 119.381234',
      '3:经度 error HAZE_ROW_COORD_OUTSIDE_CHINA 2.352222, 48.856613',
      '4:经度 warning HAZE_ROW_COORD_FAR 116.397128, 39.916527',
      '4:SO2排放量 error HAZE_ROW_EMISSION_INVALID -1',
      '4:NOx排放量 error HAZE_ROW_EMISSION_INVALID abc',
      '5:经度 error HAZE_ROW_COORD_NOT_NUMBER 东经119度',
    ]);
    expect(list.problems[2]!.message.zh).toBe('坐标距薛埠镇人民政府 949.4 km，超出本镇范围（50 km）');
    expect(list.enterprises).toEqual([]);
  });

  test('without the town, no distance check', async () => {
    const list = await readList(fx('swapped-coordinates.csv'));
    expect(list.problems.map((p) => p.code)).not.toContain('HAZE_ROW_COORD_FAR');
  });
});

describe('files that are not lists: exit 65 saying what they are', () => {
  test.each([
    ['empty.csv', 'HAZE_LIST_EMPTY', '清单是空的：没有表头，也没有数据'],
    ['binary-file.csv', 'HAZE_FILE_NOT_TEXT', '不是文本清单：看起来是PNG 图片'],
    ['utf16-no-bom.csv', 'HAZE_FILE_NOT_TEXT', '不是文本清单：看起来是无 BOM 的 UTF-16LE 文本'],
    ['legacy.xls', 'HAZE_LIST_XLS', '不支持旧版 Excel 97-2003 (.xls) 文件'],
    ['web-page.xls', 'HAZE_LIST_MARKUP', '这是网页（HTML）或 XML 表格，不是 CSV 或 .xlsx（有些系统导出的".xls"其实是网页）'],
  ])('%s', async (name, code, zh) => {
    expect(await failure(readList(fx(name)))).toEqual({ code, exitCode: 65, zh, where: `${name}:` });
  });

  test('a missing file is exit 66', async () => {
    expect((await failure(readList(fx('nope.csv')))).exitCode).toBe(66);
  });

  test('UTF-16 without a BOM is read when named with --encoding', async () => {
    const list = await readList(fx('utf16-no-bom.csv'), { encoding: 'utf-16le' });
    expect(list.enterprises.map((e) => e.creditCode)).toEqual(['91320413MA1MXK7Q09']);
  });

  test('an unclosed quote stops at its row', async () => {
    expect(await failure(readList(fx('unclosed-quote.csv')))).toEqual({
      code: 'HAZE_CSV_QUOTE_NOT_CLOSED',
      exitCode: 65,
      zh: '第 3 行的引号没有闭合，之后的内容无法分列',
      where: 'unclosed-quote.csv:3',
    });
  });

  test('a row unfinished after 2,000,000 characters (an unclosed quote early in a large file) stops at its row, in both faces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haze-long-'));
    const file = join(dir, 'long.csv');
    writeFileSync(file, `${readFileSync(fx('two-enterprises.csv'), 'utf8')}"${'茅山'.repeat(1_100_000)}\n`);
    const expected = {
      code: 'HAZE_CSV_ROW_TOO_LONG',
      exitCode: 65,
      zh: '第 4 行超过 2,000,000 个字符还没有结束：可能是引号没有闭合，或者这不是清单文件',
      where: 'long.csv:4',
    };
    expect(await failure(readList(file))).toEqual(expected);
    expect(await failure((async () => loadList(file))())).toEqual(expected);
  });
});
