/**
 * Filled-in checklists as Excel and WPS save them (issue 15, item 6): check times in their forms and
 * people's, a credit code Excel turned into a number, the same problem on many rows said once.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { FIXTURES, haze, REPO, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];
const FANGYUAN = { code: '913204137876638439', name: '常州市金坛区方圆化工有限公司' };
const JINTAI = { code: '913204135551904858', name: '金坛金泰彩印有限公司' };

/** The visits the store holds, as `haze report --format json` gives them: code → [name, checked_at, inspectors]. */
function visits(dir: string): Record<string, [string, string | null, string]> {
  const r = haze(['report', '--format', 'json'], { cwd: dir });
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout) as { visits: { credit_code: string; name: string; checked_at: string | null; inspectors: string }[] };
  return Object.fromEntries(json.visits.map((v) => [v.credit_code, [v.name, v.checked_at, v.inspectors]]));
}

/** Lines of stderr that carry a problem code. */
const problemLines = (stderr: string, code: string) => stderr.split('\n').filter((l) => l.includes(` ${code}: `));

describe('a filled-in checklist saved by Excel as "CSV (逗号分隔)": GBK, CRLF, slashed dates and times, a code as 9.13204E+17', () => {
  const dir = tempDir();
  const r = haze(['record', join(FIXTURES, 'results-excel-gbk.csv')], { cwd: dir });

  test('is recorded whole, each visit at the time written, in whatever form', () => {
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('7 次检查，14 个新结果');
    expect(visits(dir)).toEqual({
      [FANGYUAN.code]: [FANGYUAN.name, '2019-12-08 14:35', '王建国'], // 9.13204E+17, 2019/12/8 14:35
      '91320413MAL5M70X9A': ['常州市金坛区天晟化工有限公司', '2019-12-08 15:00', '王建国'], // 2019-12-8 15:00, on the first item only
      '91320413554494321E': ['常州振华纺织印染有限公司', '2019-12-08 15:30', '王建国'], // 2019/12/8 15:30:00
      '91320413090383892A': ['常州市金坛区国盛涂料化工有限公司', '2019-12-08 16:00', '王建国'], // 2019年12月8日16时
      '91320413668182297T': ['常州百川制药有限公司', '2019-12-08 16:30', '王建国'], // 12月8日16时30分
      '91320413532105276N': ['常州鑫源化学有限公司', '2019-12-08 17:05', '王建国'], // 17:05 beside the date column
      '91320413658448901Q': ['常州市金坛区顺发化工有限公司', null, '王建国'], // left empty
    });
  });

  test('the code Excel turned into a number is the enterprise of that name, with one warning naming Excel and the fix', () => {
    const lines = problemLines(r.stderr, 'HAZE_RECORD_CODE_MANGLED');
    expect(lines).toEqual([
      `${join(FIXTURES, 'results-excel-gbk.csv')}:credit_code: 警告 HAZE_RECORD_CODE_MANGLED: 统一社会信用代码被 Excel 转成了数字：按企业名称认作 ${FANGYUAN.name}（${FANGYUAN.code}）（第 2–3 行，共 2 行），值："9.13204E+17"；提示：在 Excel 中选中代码列，设置单元格格式为"文本"后重新输入完整的 18 位代码（转成数字后末几位已丢失，无法还原）`,
    ]);
    const report = haze(['report', '--format', 'json'], { cwd: dir });
    const violations = (JSON.parse(report.stdout) as { violations: Row[] }).violations;
    expect(violations.map((v) => [v.credit_code, v.item_id, v.note])).toEqual([[FANGYUAN.code, 'staff_aware', '负责人不知道预警级别']]);
  });

  test('the empty check time is one warning naming its rows and what was done', () => {
    expect(problemLines(r.stderr, 'HAZE_RECORD_NO_TIME')).toEqual([
      `${join(FIXTURES, 'results-excel-gbk.csv')}:checked_at: 警告 HAZE_RECORD_NO_TIME: 没有填写检查时间：按没有检查时间记录（第 14–15 行，共 2 行）；提示：在检查时间列填写钟点（如 13:05），或用 --checked-at 给出没有填写的时间`,
    ]);
  });
});

test('"CSV UTF-8" with a BOM: times of day alone beside the date column, 下午 4:20 as Chinese Excel shows it', () => {
  const dir = tempDir();
  const r = haze(['record', join(FIXTURES, 'results-excel-utf8-bom.csv')], { cwd: dir });
  expect(r.status).toBe(0);
  expect(visits(dir)).toEqual({
    '91320413786704893K': ['常州佳利家具制造有限公司', '2019-12-08 14:40', '虞卫国'],
    '91320413MAJ3N82L6G': ['常州市金坛区宏图建材有限公司', '2019-12-08 15:00', '虞卫国'],
    [JINTAI.code]: [JINTAI.name, '2019-12-08 16:20', '虞卫国'],
  });
  expect(problemLines(r.stderr, 'HAZE_RECORD_CODE_MANGLED')).toHaveLength(1);
  expect(r.stderr).not.toContain('HAZE_RECORD_NO_TIME');
});

test('.xlsx: date and time cells (serial numbers under a date format), a time-only cell, a code as a number, a serial whose format was cleared', async () => {
  const dir = tempDir();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查结果');
  ws.addRow(['日期', '组', '序', '统一社会信用代码', '企业名称', '检查项编号', '结果', '检查人', '检查时间']);
  // ExcelJS writes a Date as its serial number, read in UTC: these are wall-clock readings.
  const day = new Date(Date.UTC(2019, 11, 8));
  const at = (h: number, m: number) => new Date(Date.UTC(2019, 11, 8, h, m));
  const clock = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30, h, m)); // a time of day: a serial below 1
  const rows: [string | number, string, Date, string][] = [
    [Number(FANGYUAN.code), FANGYUAN.name, at(14, 50), 'yyyy/m/d h:mm'], // General: shows as 9.13204E+17
    ['91320413554494321E', '常州振华纺织印染有限公司', clock(15, 10), 'h:mm'],
    ['91320413090383892A', '常州市金坛区国盛涂料化工有限公司', at(15, 45), 'yyyy"年"m"月"d"日" h"时"mm"分"'],
  ];
  for (const [code, name, time, format] of rows) {
    const row = ws.addRow([day, '2', '', code, name, 'board', '合格', '王建国', time]);
    row.getCell(1).numFmt = 'yyyy/m/d';
    row.getCell(9).numFmt = format;
  }
  // A cell whose date format was cleared shows the serial itself: 43807.7 is 2019-12-08 16:48.
  ws.addRow([day, '2', '', '91320413668182297T', '常州百川制药有限公司', 'board', '合格', '王建国', 43807.7]).getCell(1).numFmt = 'yyyy/m/d';
  await wb.xlsx.writeFile(join(dir, '结果.xlsx'));
  const r = haze(['record', '结果.xlsx'], { cwd: dir });
  expect(r.status).toBe(0);
  expect(visits(dir)).toEqual({
    [FANGYUAN.code]: [FANGYUAN.name, '2019-12-08 14:50', '王建国'],
    '91320413554494321E': ['常州振华纺织印染有限公司', '2019-12-08 15:10', '王建国'],
    '91320413090383892A': ['常州市金坛区国盛涂料化工有限公司', '2019-12-08 15:45', '王建国'],
    '91320413668182297T': ['常州百川制药有限公司', '2019-12-08 16:48', '王建国'],
  });
  expect(r.stderr).toContain('HAZE_RECORD_CODE_MANGLED');
});

describe('the same problem on many rows is said once', () => {
  const dir = tempDir();
  const sheet = csv(haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: dir }).stdout).slice(0, 69);
  // English Excel's month/day/year: 12/8/2019 is refused (8 December or 12 August?), on every row.
  const filled = sheet.map((x, i) => ({ ...x, result: '合格', inspectors: '王建国', checked_at: `12/8/2019 ${15 + (i % 3)}:05` }));
  writeFileSync(join(dir, 'us-dates.csv'), stringify(filled, { header: true, columns: Object.keys(filled[0]!) }));

  test('69 rows of a time in a form haze does not read → one line with the rows, values and the forms to write', () => {
    const r = haze(['record', 'us-dates.csv'], { cwd: dir });
    expect(r.status).toBe(65);
    expect(problemLines(r.stderr, 'HAZE_RECORD_TIME')).toEqual([
      'us-dates.csv:checked_at: 错误 HAZE_RECORD_TIME: 检查时间无法识别（第 2–70 行，共 69 行），值如 "12/8/2019 15:05"、"12/8/2019 16:05"、"12/8/2019 17:05"；提示：写成 2019-12-08 13:05 或 2019/12/8 13:05（日期与日期列相同），或只写钟点 13:05',
    ]);
    expect(r.stderr.trim().split('\n')).toHaveLength(4); // the sample town, the one problem, the refusal and its hint
    expect(r.stderr).toContain('69 处错误，整个文件未导入');
    expect(existsSync(join(dir, 'haze.db'))).toBe(false);
  });

  test('--lang en says it once too', () => {
    const r = haze(['record', 'us-dates.csv', '--lang', 'en'], { cwd: dir });
    expect(problemLines(r.stderr, 'HAZE_RECORD_TIME')).toEqual([
      'us-dates.csv:checked_at: error HAZE_RECORD_TIME: the time of the check cannot be read (rows 2–70; 69 in all), values such as "12/8/2019 15:05", "12/8/2019 16:05", "12/8/2019 17:05"; hint: write it as 2019-12-08 13:05 or 2019/12/8 13:05 (on the date in the date column), or just the time, 13:05',
    ]);
  });
});

test('times before the alert began, one per enterprise, are one line: the reason is the same', () => {
  const dir = tempDir();
  const sheet = csv(haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: dir }).stdout);
  const seqs = [...new Set(sheet.map((x) => x.seq))];
  const filled = sheet.map((x) => ({ ...x, result: '合格', inspectors: '王建国', checked_at: `${8 + (seqs.indexOf(x.seq!) % 5)}:30` }));
  writeFileSync(join(dir, 'morning.csv'), stringify(filled, { header: true, columns: Object.keys(filled[0]!) }));
  const r = haze(['record', 'morning.csv'], { cwd: dir });
  expect(r.status).toBe(65);
  const lines = problemLines(r.stderr, 'HAZE_RECORD_OUTSIDE_ALERT');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    new RegExp(
      `^morning\\.csv:checked_at: 错误 HAZE_RECORD_OUTSIDE_ALERT: 检查时间不在预警期间：早于预警开始（2019-12-08 14:00）（第 2–${sheet.length + 1} 行，共 ${sheet.length} 行），值如 "2019-12-08 08:30"、"2019-12-08 09:30"、"2019-12-08 10:30" 等；`,
    ),
  );
});

describe('--checked-at', () => {
  const dir = tempDir();
  const sheet = csv(haze(['checklist', '--date', '2019-12-08', '--group', '3', '--format', 'csv'], { cwd: dir }).stdout);
  writeFileSync(
    join(dir, 'no-times.csv'),
    stringify(
      sheet.map((x) => ({ ...x, result: '合格' })),
      { header: true, columns: Object.keys(sheet[0]!) },
    ),
  );

  test('a form haze does not read is refused once, before the file is read (exit 64)', () => {
    const r = haze(['record', 'no-times.csv', '--inspectors', '虞卫国', '--checked-at', '下午三点半'], { cwd: dir });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('--checked-at 的值"下午三点半"不是时间');
    expect(r.stderr).toContain('或只写钟点 17:00、17时（按每行的日期）');
    expect(r.stderr.match(/下午三点半/g)).toHaveLength(1);
  });

  test('a time of day alone is taken on each row’s date, and no row is said to lack a time', () => {
    const r = haze(['record', 'no-times.csv', '--inspectors', '虞卫国', '--checked-at', '17时'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('HAZE_RECORD_NO_TIME');
    const times = new Set(Object.values(visits(dir)).map((v) => v[1]));
    expect(times).toEqual(new Set(['2019-12-08 17:00']));
  });
});

test('a code Excel turned into a number is refused, with the Excel hint and the codes, when two enterprises bear its name', () => {
  const dir = tempDir();
  cpSync(join(REPO, 'data/xuebu'), dir, { recursive: true });
  // A second enterprise of the same name, whose all-digit code would show as 9.13204E+17 too.
  const list = join(dir, 'enterprises.csv');
  writeFileSync(list, readFileSync(list, 'utf8').replace('913204135768354140,常州博远精密机械有限公司,', `913204135768354140,${FANGYUAN.name},`));
  const r = haze(['record', join(FIXTURES, 'results-excel-gbk.csv'), '--level', 'orange'], { cwd: dir });
  expect(r.status).toBe(65);
  expect(problemLines(r.stderr, 'HAZE_RECORD_CODE_MANGLED')).toEqual([
    `${join(FIXTURES, 'results-excel-gbk.csv')}:credit_code: 错误 HAZE_RECORD_CODE_MANGLED: 统一社会信用代码被 Excel 转成了数字，清单中有 2 家企业名为"${FANGYUAN.name}"，无法确定是哪一家（第 2–3 行，共 2 行），值："9.13204E+17"；提示：在 Excel 中选中代码列，设置单元格格式为"文本"后重新输入完整的 18 位代码（转成数字后末几位已丢失，无法还原）；同名企业的代码：913204135768354140、${FANGYUAN.code}`,
  ]);
  expect(existsSync(join(dir, 'haze.db'))).toBe(false);
});

test('record --interactive takes a time of day alone on the --date given', () => {
  const dir = tempDir();
  const items = csv(haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: dir }).stdout).filter((x) => x.seq === '1');
  const answers = [...items.map(() => '1'), '王建国', '15时20分', 'y'].join('\n') + '\n';
  const r = haze(['record', '--interactive', '--date', '2019/12/8', '--group', '1', '--seq', '1'], { cwd: dir, input: answers });
  expect(r.status).toBe(0);
  expect(visits(dir)[items[0]!.credit_code!]).toEqual([items[0]!.name, '2019-12-08 15:20', '王建国']);
});
