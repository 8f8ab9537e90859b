/**
 * One list as three writers save it — exceljs (test/fixtures/workbooks.ts, at test time), LibreOffice
 * (libreoffice-list.xlsx, from the .fods beside it) and openpyxl (openpyxl-list.xlsx, from
 * make-openpyxl-list.py) — reads to the same rows: shared strings or inline ones, rich text in runs,
 * character references, built-in or custom number formats, dates as serials, merged cells. And Chinese
 * text cut between two chunks of the inflated XML is read whole.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readList } from '../../../src/io/read/loadList.js';
import type { SheetRow } from '../../../src/io/read/csvTable.js';
import { readSheetRows } from '../../../src/io/read/xlsxRows.js';
import { sameListByExceljs, zipOf } from '../../fixtures/workbooks.js';

const dir = mkdtempSync(join(tmpdir(), 'haze-writers-'));
const FIXTURES = join(process.cwd(), 'test/fixtures');

async function rowsOf(file: string): Promise<{ sheet: string | undefined; rows: SheetRow[] }> {
  const rows: SheetRow[] = [];
  const choice: { sheet?: string } = {};
  await readSheetRows(readFileSync(file), file, undefined, choice, (r) => rows.push(r));
  return { sheet: choice.sheet, rows };
}

const TITLE = '薛埠镇重污染天气应急减排清单';
/** What every writer's workbook reads to: the title across A1:I1, the village down C3:C4, as Excel shows them. */
const ROWS: SheetRow[] = [
  { row: 1, cells: Array(9).fill(TITLE) },
  { row: 2, cells: ['统一社会信用代码', '企业名称', '村（社区）', '绩效分级', '经度', '纬度', '二氧化硫(吨/年)', 'Ⅱ级响应措施', '评级日期'] },
  { row: 3, cells: ['91320413MA1MXK7Q09', '常州金坛茅山铸造有限公司', '东窑村', 'C', '119.381234', '31.741234', '0.50', '停产', '2025-10-01'] },
  { row: 4, cells: ['91320413MA1P4C2K0Q', '常州东窑塑料制品有限公司', '东窑村', 'D', '119.38', '31.74', '', '停产', '2025-10-15'] },
  { row: 5, cells: ['91320413MA20AB1C37', '常州方麓茶业有限公司', '方麓村', '非分级', '119.330012', '31.700345', '1234.50', '限产30%', '待评'] },
];

test('exceljs, LibreOffice and openpyxl: the same list reads to the same rows, and to the same enterprises', async () => {
  const files = { exceljs: await sameListByExceljs(dir), libreoffice: join(FIXTURES, 'libreoffice-list.xlsx'), openpyxl: join(FIXTURES, 'openpyxl-list.xlsx') };
  for (const [writer, file] of Object.entries(files)) {
    expect([writer, await rowsOf(file)]).toEqual([writer, { sheet: '清单', rows: ROWS }]);
  }
  const lists = await Promise.all(Object.values(files).map((f) => readList(f)));
  const shape = (l: (typeof lists)[number]) => ({
    sheet: l.sheet,
    headerRow: l.headerRow,
    fields: l.fields,
    extraColumns: l.extraColumns,
    extra: [...l.extra],
    enterprises: l.enterprises.map((e) => [e.row, e.creditCode, e.name, e.village, e.grade, e.location, e.emissions, e.measureText]),
    problems: l.problems,
  });
  expect(shape(lists[1]!)).toEqual(shape(lists[0]!));
  expect(shape(lists[2]!)).toEqual(shape(lists[0]!));
  expect(lists[0]!.enterprises.map((e) => e.emissions.so2)).toEqual([0.5, null, 1234.5]);
});

test('Chinese text cut between two chunks of the XML, stored or deflated, in the sheet or the shared strings', async () => {
  const ns =
    'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const name = (i: number) => `常州金坛茅山薛埠东窑村铸造有限公司第${i}分厂（供热）`;
  const N = 6000;
  const inline = Array.from(
    { length: N },
    (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}" t="inlineStr"><x:is><x:t>${name(i)}</x:t></x:is></x:c></x:row>`,
  ).join('');
  const shared = Array.from({ length: N }, (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}" t="s"><x:v>${i}</x:v></x:c></x:row>`).join('');
  const sst = `<x:sst ${ns}>${Array.from({ length: N }, (_, i) => `<x:si><x:t>${name(i)}</x:t></x:si>`).join('')}</x:sst>`;
  const sheetXml = `<x:worksheet ${ns}><x:sheetData>${inline}</x:sheetData></x:worksheet>`;
  // yauzl hands a stored entry on in 64 KB pieces: some of them end inside a character.
  const cutInside = (xml: string) => [1, 2, 3, 4].some((k) => (Buffer.from(xml)[k * 65536]! & 0xc0) === 0x80);
  expect([cutInside(sheetXml), cutInside(sst)]).toEqual([true, true]);
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const book = (sheet: string, withStrings: boolean, deflate: boolean) =>
    zipOf([
      [
        '_rels/.rels',
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
      ],
      ['xl/workbook.xml', `<x:workbook ${ns}><x:sheets><x:sheet name="清单" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`],
      [
        'xl/_rels/workbook.xml.rels',
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${withStrings ? rel('rId2', 'sharedStrings', 'sharedStrings.xml') : ''}</Relationships>`,
      ],
      ...(withStrings ? [['xl/sharedStrings.xml', sst, deflate] as [string, string, boolean]] : []),
      ['xl/worksheets/sheet1.xml', sheet, deflate],
    ]);
  const expected = Array.from({ length: N }, (_, i) => ({ row: i + 1, cells: [name(i)] }));
  for (const deflate of [false, true]) {
    for (const [what, bytes] of [
      ['inline', book(sheetXml, false, deflate)],
      ['shared', book(`<x:worksheet ${ns}><x:sheetData>${shared}</x:sheetData></x:worksheet>`, true, deflate)],
    ] as const) {
      const file = join(dir, `cjk-${what}-${deflate ? 'deflated' : 'stored'}.xlsx`);
      writeFileSync(file, bytes);
      const { rows } = await rowsOf(file);
      expect([what, deflate, rows.length, rows.filter((r, i) => r.cells[0] !== expected[i]!.cells[0]).length]).toEqual([what, deflate, N, 0]);
    }
  }
});
