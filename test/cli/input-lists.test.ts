/**
 * Lists as offices send them, through the command line: exit codes, stderr lines with file, row and
 * column, and what is written (escaped formula cells, --excel, GB18030 output, -o, stdin).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { creditCodeCheckChar } from '../../src/core/creditCode.js';
import { FIXTURES, REPO, haze, hazeShell, tempDir } from '../helpers/runHaze.js';
import { titleRows } from '../fixtures/workbooks.js';

const fx = (name: string) => join(FIXTURES, name);
const GROUPS = join(REPO, 'data/xuebu/groups.yaml');
/** stderr without the absolute path of the fixtures folder. */
const lines = (stderr: string) => stderr.replaceAll(`${FIXTURES}/`, '').trim().split('\n');

describe('haze validate on real-world lists', () => {
  test.each(['gbk-no-bom.csv', 'utf8-bom.csv', 'alias-headers.csv', 'fullwidth-digits.csv', 'title-rows.csv'])('%s: no problems, exit 0', (name) => {
    const r = haze(['validate', '--level', 'orange', '--groups', GROUPS, '--list', fx(name)]);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual([`${name}：2 家企业，0 个错误，0 个警告`]);
    expect(r.stdout).toBe('');
  });

  test('mangled codes: every problem on its own line, exit 65', () => {
    const r = haze(['validate', '--level', 'orange', '--groups', GROUPS, '--list', fx('mangled-codes.csv')]);
    expect(r.status).toBe(65);
    expect(lines(r.stderr).map((l) => l.replace(/（值.*$/, ''))).toEqual([
      'mangled-codes.csv:2:统一社会信用代码: 错误 HAZE_ROW_CODE_MANGLED: 统一社会信用代码被 Excel 转成了科学计数法：9.13204E+17',
      'mangled-codes.csv:3:统一社会信用代码: 错误 HAZE_ROW_CODE_INVALID: 统一社会信用代码无效：校验码不符（GB 32100-2015）',
      'mangled-codes.csv:5:统一社会信用代码: 错误 HAZE_ROW_CODE_DUPLICATE: 统一社会信用代码与第 4 行重复',
      'mangled-codes.csv:6:企业名称: 警告 HAZE_ROW_NAME_DUPLICATE: 企业名称与第 4 行相同，但信用代码不同',
      'mangled-codes.csv:7:统一社会信用代码: 错误 HAZE_ROW_CODE_INVALID: 统一社会信用代码无效：应为 18 位',
      'mangled-codes.csv：3 家企业，4 个错误，1 个警告',
    ]);
  });

  test('swapped and far-away coordinates, in English', () => {
    const r = haze(['validate', '--lang', 'en', '--level', 'orange', '--groups', GROUPS, '--list', fx('swapped-coordinates.csv')]);
    expect(r.status).toBe(65);
    const out = lines(r.stderr);
    expect(out[0]).toBe(
      'swapped-coordinates.csv:2:经度: error HAZE_ROW_COORD_SWAPPED: longitude and latitude look swapped: lon 31.741234, lat 119.381234 (found: 31.741234, 119.381234); hint: longitude is about 73–136 and latitude 3–54 in China: swap the two cells',
    );
    expect(out[2]).toBe(
      "swapped-coordinates.csv:4:经度: warning HAZE_ROW_COORD_FAR: the point is 949.4 km from 薛埠镇人民政府, beyond the town's area (50 km) (found: 116.397128, 39.916527); hint: check the coordinates (a digit missing or extra, a point from elsewhere)",
    );
    expect(out.at(-1)).toBe('swapped-coordinates.csv: 0 enterprises, 5 errors, 1 warning');
  });

  test('every problem validate reports has its file, row, the value found and a hint; a column wherever it is one cell', () => {
    const dir = tempDir();
    const header = readFileSync(fx('utf8-bom.csv'), 'utf8').slice(1).split('\r\n')[0]!;
    const code = (n: number) => {
      const body = `91320413MA${String(n).padStart(7, '0')}`;
      return body + creditCodeCheckChar(body)!;
    };
    // [credit code, name, village, grade, lon, lat, so2, trips, orange measure]
    const row = (c: string, name: string, village: string, grade: string, lon: string, lat: string, so2: string, trips: string, orange: string) =>
      [c, name, '薛埠镇', village, '', '铸造', grade, '', '', lon, lat, so2, '', '', '', trips, '停产', orange, '停产'].join(',');
    const broken = [
      header,
      row('9.13204E+17', '甲', '东窑村', 'C', '119.38', '31.74', '', '', '停产'),
      row('91320413MA1MXK7Q08', '乙', '东窑村', 'C', '119.38', '31.74', '', '', '停产'),
      row(code(1), '丙', '东窑村', 'C', '119.38', '31.74', '', '', '停产'),
      row(code(1), '丁', '东窑村', 'C', '119.38', '31.74', '', '', '停产'),
      row(code(8), '丙', '东窑村', 'C', '119.38', '31.74', '', '', '停产'),
      row(code(2), '丑', '东窑村', 'Z', 'abc', '31.74', '-1', '-3', '停产'),
      row(code(3), '戊', '东窑村', 'C', '31.74', '119.38', '', '', '停产'),
      row(code(4), '己', '东窑村', 'C', '10', '10', '', '', '停产'),
      row(code(5), '庚', '东窑村', 'C', '116.39', '39.91', '', '', '停产'),
      row(code(6), '', '', 'C', '119.38', '31.74', '', '', '停产'),
      `${code(7)},辛,薛埠镇`,
    ];
    const weak = [
      header,
      row(code(11), '壬', '东窑村', 'D', '119.38', '31.74', '', '20', '限产10%'),
      row(code(12), '癸', '东窑村', 'C', '119.38', '31.74', '', '', '看情况'),
      row(code(13), '子', '不在组里村', 'C', '119.38', '31.74', '', '', ''),
    ];
    writeFileSync(join(dir, 'broken.csv'), broken.join('\n'));
    writeFileSync(join(dir, 'weak.csv'), weak.join('\n'));
    type P = { severity: string; code: string; file: string; row: number | null; column: string | null; value: string | null; hint: string | null };
    const seen = new Set<string>();
    for (const [file, exit] of [
      ['broken.csv', 65],
      ['weak.csv', 0],
    ] as const) {
      const r = haze(['validate', '--groups', GROUPS, '--list', file, '--format', 'json'], { cwd: dir });
      expect(r.status).toBe(exit);
      for (const p of JSON.parse(r.stdout) as P[]) {
        seen.add(p.code);
        expect([p.code, p.file.endsWith(file), typeof p.row, typeof p.hint, (p.hint ?? '').length > 0]).toEqual([p.code, true, 'number', 'string', true]);
        if (p.code !== 'HAZE_CSV_FIELD_COUNT') expect([p.code, typeof p.column]).toEqual([p.code, 'string']);
        if (p.code !== 'HAZE_LIST_MEASURE_COLUMN_MISSING') expect([p.code, typeof p.value]).toEqual([p.code, 'string']);
      }
    }
    expect([...seen].sort()).toEqual([
      'HAZE_CSV_FIELD_COUNT',
      'HAZE_LIST_VILLAGE_NO_GROUP',
      'HAZE_MEASURE_UNREAD',
      'HAZE_MEASURE_WEAKER',
      'HAZE_ROW_CODE_DUPLICATE',
      'HAZE_ROW_CODE_INVALID',
      'HAZE_ROW_CODE_MANGLED',
      'HAZE_ROW_COORD_FAR',
      'HAZE_ROW_COORD_NOT_NUMBER',
      'HAZE_ROW_COORD_OUTSIDE_CHINA',
      'HAZE_ROW_COORD_SWAPPED',
      'HAZE_ROW_EMISSION_INVALID',
      'HAZE_ROW_GRADE_UNKNOWN',
      'HAZE_ROW_MEASURE_MISSING',
      'HAZE_ROW_NAME_DUPLICATE',
      'HAZE_ROW_REQUIRED_EMPTY',
      'HAZE_ROW_TRIPS_INVALID',
    ]);
  });

  test('--strict makes the warnings errors', () => {
    const r = haze(['validate', '--strict', '--level', 'orange', '--groups', GROUPS, '--list', fx('mangled-codes.csv'), '--format', 'json']);
    expect(r.status).toBe(65);
    const problems = JSON.parse(r.stdout) as { severity: string; code: string; row: number; column: string; value: string }[];
    expect(problems.map((p) => [p.severity, p.row, p.code])).toEqual([
      ['error', 2, 'HAZE_ROW_CODE_MANGLED'],
      ['error', 3, 'HAZE_ROW_CODE_INVALID'],
      ['error', 5, 'HAZE_ROW_CODE_DUPLICATE'],
      ['error', 6, 'HAZE_ROW_NAME_DUPLICATE'],
      ['error', 7, 'HAZE_ROW_CODE_INVALID'],
    ]);
  });

  test.each([
    ['empty.csv', '清单是空的：没有表头，也没有数据'],
    ['binary-file.csv', '不是文本清单：看起来是PNG 图片'],
    ['utf16-no-bom.csv', '不是文本清单：看起来是无 BOM 的 UTF-16LE 文本'],
    ['legacy.xls', '不支持旧版 Excel 97-2003 (.xls) 文件'],
  ])('%s: exit 65, what was found, a hint, no stack — one problem among the others', (name, message) => {
    const r = haze(['validate', '--groups', GROUPS, '--list', fx(name)]);
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)[0]!.startsWith(`${name}: 错误 HAZE_LIST_UNREADABLE: ${message}；提示：`)).toBe(true);
    expect(lines(r.stderr)[1]).toBe(`${name}：清单未能读取，1 个错误，0 个警告`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a list without a column for a level: one warning for the column, not one per row', () => {
    const dir = tempDir();
    const text = readFileSync(fx('utf8-bom.csv'), 'utf8')
      .slice(1)
      .split('\r\n')
      .map((l) => l.split(',').slice(0, 16).join(','))
      .join('\n');
    writeFileSync(join(dir, 'no-measures.csv'), text);
    const r = haze(['validate', '--level', 'red', '--groups', GROUPS, '--list', 'no-measures.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(lines(r.stderr).map((l) => l.replace(`${dir}/`, ''))).toEqual([
      'no-measures.csv:1:红色预警措施: 警告 HAZE_LIST_MEASURE_COLUMN_MISSING: 清单没有"红色预警措施"列：红色预警时全部按等级默认规则执行；提示：按一厂一策补上该列',
      'no-measures.csv：2 家企业，0 个错误，1 个警告',
    ]);
  });

  test('an unknown --encoding is a usage error', () => {
    const r = haze(['validate', '--encoding', 'big5', '--list', fx('utf8-bom.csv')]);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('--encoding 可用：utf-8, gb18030 (gbk, gb2312), utf-16le, utf-16be，而不是"big5"');
  });
});

describe('workbooks', () => {
  const dir = tempDir();
  let book = '';
  beforeAll(async () => {
    book = await titleRows(dir);
  });

  test('title rows and merged cells above the header: read, and rows numbered as the sheet shows', () => {
    const r = haze(['validate', '--level', 'orange', '--format', 'json', '--groups', GROUPS, '--list', book]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr.trim()).toBe(`${book}：2 家企业，0 个错误，0 个警告`);
    const m = haze(['measures', '--level', 'orange', '--format', 'json', '--groups', GROUPS, '--list', book]);
    const rows = JSON.parse(m.stdout) as { credit_code: string; other_columns: Record<string, string> }[];
    expect(rows.map((x) => [x.credit_code, x.other_columns])).toEqual([
      ['91320413MA1MXK7Q09', { 评级日期: '2025-10-01' }],
      ['91320413MA20AB1C37', { 评级日期: '2025-10-15 14:30' }],
    ]);
  });

  test('--sheet names a sheet that is not there: exit 64 listing the sheets', () => {
    const r = haze(['validate', '--sheet', '名单', '--list', book]);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('工作簿中没有名为"名单"的工作表');
    expect(r.stderr).toContain('提示: 工作表有：应急减排清单');
  });
});

describe('writing for scripts and for Excel', () => {
  test('formula cells are escaped with a quote; numbers stay numbers', () => {
    const r = haze(['measures', '--level', 'orange', '--format', 'csv', '--groups', GROUPS, '--list', fx('formula-cells.csv')]);
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out[1]).toMatch(
      // "+停产" is not read clause by clause, but a 停产 in it is a stop (never weaker than written).
      /^91320413MA1MXK7Q09,"'=HYPERLINK\(""http:\/\/example.invalid"",""点击""\)",东窑村,铸造,C,orange,stop,100,true,'\+停产,enterprise,/,
    );
    expect(out[2]).toMatch(/^91320413MA20AB1C37,'@SUM\(A1:A9\),方麓村,'-茶叶加工,非分级,orange,limit,20,false,'＝1\+1,grade-unrated,/);
    expect(out[3]).toMatch(/^91320413MA2KT8YJ00,'＋常州丫髻包装有限公司,丫髻村,包装印刷,B,orange,limit,30,false,限产30%,enterprise,/);
  });

  test('--excel: UTF-8 BOM, Chinese headers, CRLF; --output-encoding gb18030: GB18030 bytes, no BOM', () => {
    const dir = tempDir();
    const utf8 = haze(['measures', '--level', 'orange', '--format', 'csv', '--excel', '--groups', GROUPS, '--list', fx('gbk-no-bom.csv'), '-o', '清单.csv'], {
      cwd: dir,
    });
    expect(utf8.status).toBe(0);
    const a = readFileSync(join(dir, '清单.csv'));
    expect([...a.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(a.toString('utf8').slice(1).split('\r\n')[0]).toBe(
      '统一社会信用代码,企业名称,村社区,行业,等级,预警级别,措施类型,比例%,禁国四货车,措施,来源,通用措施,提醒',
    );
    const gb = haze(
      [
        'measures',
        '--level',
        'orange',
        '--format',
        'csv',
        '--excel',
        '--output-encoding',
        'gb18030',
        '--groups',
        GROUPS,
        '--list',
        fx('gbk-no-bom.csv'),
        '-o',
        '旧版.csv',
      ],
      { cwd: dir },
    );
    expect(gb.status).toBe(0);
    const b = readFileSync(join(dir, '旧版.csv'));
    expect(b[0]).not.toBe(0xef);
    expect(iconv.decode(b, 'gb18030')).toBe(a.toString('utf8').slice(1));
  });

  test('--excel --encoding gb18030, as the issue writes it: GB18030 CSV for old software, whatever the list is encoded in', () => {
    const dir = tempDir();
    const ref = haze(['measures', '--level', 'orange', '--excel', '--groups', GROUPS, '--list', fx('utf8-bom.csv')], { cwd: dir });
    expect(ref.status).toBe(0);
    const expected = ref.stdout.replace(/^\uFEFF/, '');
    expect(expected.split('\r\n')[0]).toBe('统一社会信用代码,企业名称,村社区,行业,等级,预警级别,措施类型,比例%,禁国四货车,措施,来源,通用措施,提醒');
    // A UTF-8 list (BOM) is still read as UTF-8, with a note; the CSV is GB18030 without a BOM.
    const fromUtf8 = haze(
      ['measures', '--level', 'orange', '--excel', '--encoding', 'gb18030', '--groups', GROUPS, '--list', fx('utf8-bom.csv'), '-o', 'a.csv'],
      { cwd: dir },
    );
    expect(fromUtf8.status).toBe(0);
    expect(fromUtf8.stderr).toContain('清单是 UTF-8 编码，按 UTF-8 读取；--encoding gb18030 只用于输出的 CSV');
    const a = readFileSync(join(dir, 'a.csv'));
    expect(a[0]).not.toBe(0xef);
    expect(iconv.decode(a, 'gb18030')).toBe(expected);
    // A GBK list is read and written in GB18030, without a note.
    const fromGbk = haze(['measures', '--level', 'orange', '--excel', '--encoding', 'gbk', '--groups', GROUPS, '--list', fx('gbk-no-bom.csv'), '-o', 'b.csv'], {
      cwd: dir,
    });
    expect(fromGbk.status).toBe(0);
    expect(fromGbk.stderr).not.toContain('--encoding gb18030');
    expect(iconv.decode(readFileSync(join(dir, 'b.csv')), 'gb18030').split('\r\n')[0]).toBe(expected.split('\r\n')[0]);
    // --output-encoding still decides when given; a table is never re-encoded by --encoding.
    const explicit = haze(
      ['measures', '--level', 'orange', '--excel', '--encoding', 'gb18030', '--output-encoding', 'utf-8', '--groups', GROUPS, '--list', fx('utf8-bom.csv')],
      { cwd: dir },
    );
    expect(explicit.stdout).toBe(ref.stdout);
    expect(haze(['measures', '--level', 'orange', '--encoding', 'gb18030', '--groups', GROUPS, '--list', fx('gbk-no-bom.csv')], { cwd: dir }).stdout).toContain(
      '常州金坛茅山铸造有限公司',
    );
  });

  test('--excel means CSV; -o names the format by its extension; --excel with another format is a usage error', () => {
    const dir = tempDir();
    const viaFormat = haze(['measures', '--level', 'orange', '--format', 'csv', '--groups', GROUPS, '--list', fx('utf8-bom.csv')], { cwd: dir }).stdout;
    const viaExt = haze(['measures', '--level', 'orange', '--groups', GROUPS, '--list', fx('utf8-bom.csv'), '-o', '措施.CSV'], { cwd: dir });
    expect(viaExt.status).toBe(0);
    expect(readFileSync(join(dir, '措施.CSV'), 'utf8')).toBe(viaFormat);
    haze(['measures', '--level', 'orange', '--groups', GROUPS, '--list', fx('utf8-bom.csv'), '-o', 'm.json'], { cwd: dir });
    expect((JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as { name: string }[]).map((x) => x.name)).toEqual([
      '常州金坛茅山铸造有限公司',
      '常州方麓茶业有限公司',
    ]);
    // An extension that names no format leaves the command's default (a table).
    haze(['measures', '--level', 'orange', '--groups', GROUPS, '--list', fx('utf8-bom.csv'), '-o', 'm.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'm.txt'), 'utf8')).toContain('┌');
    const clash = haze(['measures', '--level', 'orange', '--excel', '--format', 'json', '--groups', GROUPS, '--list', fx('utf8-bom.csv')], { cwd: dir });
    expect([clash.status, clash.stderr.split('\n')[0]]).toEqual([64, 'haze: --excel 用于 CSV 输出，不能与 --format json 同用']);
  });

  test('-o replaces an existing file only with a complete one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.csv'), 'old');
    const r = haze(['measures', '--level', 'orange', '--format', 'csv', '--groups', GROUPS, '--list', fx('utf8-bom.csv'), '-o', 'out.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').split('\n')).toHaveLength(4);
    const bad = haze(['measures', '--level', 'orange', '--format', 'csv', '--groups', GROUPS, '--list', fx('empty.csv'), '-o', 'out.csv'], { cwd: dir });
    expect(bad.status).toBe(65);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').split('\n')).toHaveLength(4);
  });

  test('- reads the list from stdin (GBK bytes too)', () => {
    const r = haze(['measures', '--level', 'orange', '--format', 'csv', '--groups', GROUPS, '--list', '-'], { input: readFileSync(fx('gbk-no-bom.csv')) });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').map((l) => l.split(',')[1])).toEqual(['name', '常州金坛茅山铸造有限公司', '常州方麓茶业有限公司', undefined]);
  });

  test('unknown columns travel to measures --format json as other_columns', () => {
    const r = haze(['measures', '--level', 'orange', '--format', 'json', '--groups', GROUPS, '--list', fx('alias-headers.csv')]);
    const rows = JSON.parse(r.stdout) as { name: string; other_columns: Record<string, string> }[];
    expect(rows.map((x) => x.other_columns)).toEqual([
      { 序号: '1', 排污许可证编号: '91320413MA1MXK7Q09001V' },
      { 序号: '2', 排污许可证编号: '' },
    ]);
  });
});

test('`haze measures --format csv | head -1` on a 5,000-row list: exit 0, nothing on stderr', () => {
  const dir = tempDir();
  const header = readFileSync(fx('utf8-bom.csv'), 'utf8').slice(1).split('\r\n')[0];
  const rows = Array.from({ length: 5000 }, (_, i) => {
    const body = `91320413MA${String(i).padStart(7, '0')}`;
    return `${body}${creditCodeCheckChar(body)},常州测试企业${i}有限公司,薛埠镇,东窑村,,铸造,D,,,119.38,31.74,,,,,,停产,停产,停产`;
  });
  writeFileSync(join(dir, 'big.csv'), [header, ...rows].join('\n'));
  // haze's own stderr goes to a file: the shell may have things of its own to say.
  const r = hazeShell(`haze measures --level orange --format csv --groups "${GROUPS}" --list big.csv 2> err.txt | head -1`, dir);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('credit_code,name,village,industry,grade,level,action,limit_pct,truck_ban,measure,source,extra,warning\n');
  expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
});
