/** .xlsx lists: the header below title rows and merged cells, cells as Excel shows them, sheets, damage. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readList } from '../../../src/io/read/loadList.js';
import { HazeError } from '../../../src/errors.js';
import {
  formulaCells,
  handWritten,
  handWrittenParts,
  mangledCodes,
  mergedRows,
  plainZip,
  sheets,
  titleRows,
  twoRowHeader,
  zipOf,
} from '../../fixtures/workbooks.js';

const dir = mkdtempSync(join(tmpdir(), 'haze-xlsx-'));
const files: Record<string, string> = {};
beforeAll(async () => {
  files.title = await titleRows(dir);
  files.twoRow = await twoRowHeader(dir);
  files.merged = await mergedRows(dir);
  files.hand = handWritten(dir);
  files.mangled = await mangledCodes(dir);
  files.formula = await formulaCells(dir);
  files.sheets = await sheets(dir);
  files.zip = plainZip(dir);
});

async function failure(p: Promise<unknown>): Promise<{ code: string; exitCode: number; zh: string; hint?: string }> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof HazeError)) throw err;
    return { code: err.code, exitCode: err.exitCode, zh: err.text.zh, ...(err.hint ? { hint: err.hint.zh } : {}) };
  }
  throw new Error('expected a HazeError');
}

test('title rows and merged cells above the header: sheet row numbers, numbers and dates as shown', async () => {
  const list = await readList(files.title!);
  expect(list.encoding).toBe('xlsx');
  expect(list.sheet).toBe('应急减排清单');
  expect(list.headerRow).toBe(4);
  expect(list.enterprises.map((e) => [e.row, e.creditCode, e.name, e.phone, e.location.lon, e.location.lat, e.emissions.so2, e.truckTrips])).toEqual([
    [5, '91320413MA1MXK7Q09', '常州金坛茅山铸造有限公司', '13912345678', 119.381234, 31.741234, 0.5, 12],
    [6, '91320413MA20AB1C37', '常州方麓茶业有限公司', '13812345678', 119.330012, 31.700345, null, 0],
  ]);
  expect(list.extraColumns).toEqual(['评级日期']);
  expect(list.extra.get(5)).toEqual({ 评级日期: '2025-10-01' });
  expect(list.extra.get(6)).toEqual({ 评级日期: '2025-10-15 14:30' });
  expect(list.problems).toEqual([]);
});

test('a header over two rows ("年排放量（吨）" above SO2 … VOCs) is folded into one', async () => {
  const list = await readList(files.twoRow!);
  expect(list.headerRow).toBe(2);
  expect(list.fields).toEqual(['name', 'creditCode', 'village', 'grade', 'lon', 'lat', 'so2', 'nox', 'pm', 'vocs', 'yellow', 'orange', 'red']);
  expect(list.enterprises.map((e) => [e.row, e.emissions, e.measureText])).toEqual([
    [4, { so2: 0.5, nox: 1.2, pm: 3.4, vocs: 0.8 }, { yellow: '停止熔炼工序', orange: '停产', red: '停产' }],
  ]);
  expect(list.problems).toEqual([]);
});

test('merged cells in the data rows: each cell of the range has its value, as Excel shows it; empty rows stay empty', async () => {
  const list = await readList(files.merged!);
  expect(list.enterprises.map((e) => [e.row, e.name, e.village, e.measureText])).toEqual([
    [2, '常州金坛茅山铸造有限公司', '东窑村', { yellow: '停止熔炼工序', orange: '停产', red: '停产' }],
    [3, '常州方麓茶业有限公司', '东窑村', { yellow: '', orange: '限产30%', red: '停产' }],
    [4, '常州东窑塑料制品有限公司', '东窑村', { yellow: '停产', orange: '停产', red: '停产' }],
  ]);
  expect(list.problems).toEqual([]);
});

test('XML as other writers make it: prefixes, inline and rich strings, no r="…", booleans, errors, 1904 dates, Chinese built-in formats', async () => {
  const list = await readList(files.hand!);
  expect([list.sheet, list.headerRow, list.extraColumns]).toEqual(['清单 & 备注', 3, ['评级日期', '备注']]);
  expect(list.enterprises.map((e) => [e.row, e.creditCode, e.name, e.village, e.grade, e.location, e.measureText.orange])).toEqual([
    [4, '91320413MA1MXK7Q09', '常州金坛茅山铸造有限公司', '东窑村', 'C', { lon: 119.381234, lat: 31.74 }, '停产'],
    [5, '91320413MA20AB1C37', '常州方麓茶业有限公司', '方麓村', '非分级', { lon: 119.330012, lat: 31.700345 }, '限产30%、停止使用国四车辆'],
  ]);
  // Serial 44469 in the 1904 system, format id 31 (yyyy"年"m"月"d"日"); an ISO date-time cell; TRUE; #N/A.
  expect([list.extra.get(4), list.extra.get(5)]).toEqual([
    { 评级日期: '2025-10-01', 备注: 'TRUE' },
    { 评级日期: '2021-10-15 14:30', 备注: '#N/A' },
  ]);
  expect(list.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect((await readList(files.hand!, { sheet: '旧表' })).sheet).toBe('旧表');
  expect((await failure(readList(files.hand!, { sheet: '图表' }))).hint).toBe('工作表有：旧表、清单 & 备注');
});

test('a workbook LibreOffice wrote (test/fixtures/libreoffice-list.xlsx, from the .fods beside it): merged village, formats, dates', async () => {
  const list = await readList(join(process.cwd(), 'test/fixtures/libreoffice-list.xlsx'));
  expect([list.sheet, list.headerRow, list.extraColumns]).toEqual(['清单', 2, ['评级日期']]);
  expect(list.enterprises.map((e) => [e.row, e.creditCode, e.name, e.village, e.grade, e.location, e.emissions.so2, e.measureText.orange])).toEqual([
    [3, '91320413MA1MXK7Q09', '常州金坛茅山铸造有限公司', '东窑村', 'C', { lon: 119.381234, lat: 31.741234 }, 0.5, '停产'],
    [4, '91320413MA1P4C2K0Q', '常州东窑塑料制品有限公司', '东窑村', 'D', { lon: 119.38, lat: 31.74 }, null, '停产'],
    [5, '91320413MA20AB1C37', '常州方麓茶业有限公司', '方麓村', '非分级', { lon: 119.330012, lat: 31.700345 }, 1234.5, '限产30%'],
  ]);
  expect([...list.extra]).toEqual([
    [3, { 评级日期: '2025-10-01' }],
    [4, { 评级日期: '2025-10-15' }],
    [5, { 评级日期: '待评' }],
  ]);
  expect(list.problems).toEqual([]);
});

test('a row that never ends (damaged XML in a sound zip) is exit 65: at the end of the sheet, or once it passes what any sheet holds', async () => {
  // Fewer cells than a row may have (16,384), each long, the row never closed: past MAX_ELEMENT_CHARS in all.
  const endless = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">${`<x:c><x:v>${'1'.repeat(600)}</x:v></x:c>`.repeat(16_000)}`;
  const parts = handWrittenParts().map(
    ([name, xml, deflate]): [string, string, boolean?] => (name === 'xl/worksheets/list.xml' ? [name, endless, false] : [name, xml, deflate]), // stored: deflated, its ratio would stop it first
  );
  const file = join(dir, 'endless-row.xlsx');
  writeFileSync(file, zipOf(parts));
  expect(await failure(readList(file))).toMatchObject({ code: 'HAZE_XLSX_UNREADABLE', exitCode: 65, zh: '无法读取工作簿：XML 损坏（<row> 没有结束）' });
  // The last row's end tag lost: an error, not a list one enterprise short.
  const cut = handWrittenParts().map(([name, xml, deflate]): [string, string, boolean?] =>
    name === 'xl/worksheets/list.xml' ? [name, xml.replace(/<\/x:row><x:row r="6"\/>/, '<x:row r="6"/>'), deflate] : [name, xml, deflate],
  );
  expect(cut.find(([name]) => name === 'xl/worksheets/list.xml')![1]).not.toEqual(handWrittenParts().find(([name]) => name === 'xl/worksheets/list.xml')![1]);
  writeFileSync(file, zipOf(cut));
  expect(await failure(readList(file))).toMatchObject({ code: 'HAZE_XLSX_UNREADABLE', zh: '无法读取工作簿：XML 损坏（<row> 没有结束）' });
});

test('codes stored as numbers: 9.13204E+17 in General, 15 digits and three zeros in "0"', async () => {
  const list = await readList(files.mangled!);
  expect(list.problems.map((p) => [p.where.row, p.code, p.value])).toEqual([
    [2, 'HAZE_ROW_CODE_MANGLED', '9.13204E+17'],
    [3, 'HAZE_ROW_CODE_MANGLED', '913204131234568000'],
  ]);
});

test('formula cells read as their cached results', async () => {
  const list = await readList(files.formula!);
  expect(list.enterprises.map((e) => [e.name, e.truckTrips])).toEqual([['=HYPERLINK(1)', 12]]);
});

test('the first visible sheet, or --sheet by name', async () => {
  // The hidden sheet is skipped; 说明 is the first visible one, and it is a note, not a list.
  const first = await readList(files.sheets!);
  expect(first.sheet).toBe('说明');
  expect(first.problems.map((p) => p.code)).toEqual(Array(6).fill('HAZE_LIST_COLUMN_MISSING'));
  const list = await readList(files.sheets!, { sheet: '清单' });
  expect(list.sheet).toBe('清单');
  expect(list.enterprises.map((e) => e.creditCode)).toEqual(['91320413MA1MXK7Q09']);
  expect(await failure(readList(files.sheets!, { sheet: '名单' }))).toEqual({
    code: 'HAZE_SHEET_MISSING',
    exitCode: 64,
    zh: '工作簿中没有名为"名单"的工作表',
    hint: '工作表有：隐藏、说明、清单',
  });
});

test('--sheet on a CSV and --encoding on a workbook are usage errors, but for gb18030, which may name the output', async () => {
  expect((await failure(readList(join(process.cwd(), 'test/fixtures/utf8-bom.csv'), { sheet: '清单' }))).exitCode).toBe(64);
  expect((await failure(readList(files.title!, { encoding: 'utf-8' }))).exitCode).toBe(64);
  const gb = await readList(files.title!, { encoding: 'gb18030' });
  expect([gb.encoding, gb.encodingIgnored, gb.enterprises.length]).toEqual(['xlsx', true, 2]);
});

test('a workbook renamed .csv is still read as a workbook', async () => {
  const renamed = join(dir, '清单.csv');
  writeFileSync(renamed, readFileSync(files.title!));
  expect((await readList(renamed)).enterprises).toHaveLength(2);
});

test('a damaged or cut-off workbook, and a zip that is not one: exit 65 with a hint', async () => {
  const bytes = readFileSync(files.title!);
  const cut = join(dir, 'cut.xlsx');
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  expect(await failure(readList(cut))).toEqual({
    code: 'HAZE_XLSX_UNREADABLE',
    exitCode: 65,
    zh: '无法读取工作簿：文件不完整（找不到 zip 目录，可能下载或复制时被截断）',
    hint: '在 Excel 中打开，另存为新的 .xlsx（或"CSV UTF-8"）后再试',
  });
  const flipped = Buffer.from(bytes);
  flipped[200] = flipped[200]! ^ 0xff;
  const damaged = join(dir, 'damaged.xlsx');
  writeFileSync(damaged, flipped);
  const f = await failure(readList(damaged));
  expect([f.code, f.exitCode]).toEqual(['HAZE_XLSX_UNREADABLE', 65]);
  expect(f.zh).toMatch(/^无法读取工作簿：文件已损坏（.+：(校验和不符|无法解压|条目头损坏|条目名不符|条目大小不符)）$/);
  expect(await failure(readList(files.zip!))).toMatchObject({ code: 'HAZE_XLSX_UNREADABLE', zh: '无法读取工作簿：这是 zip 压缩文件，但不是 Excel 工作簿' });
});
