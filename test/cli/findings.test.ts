import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

const SOURCE = '苏大气办〔2019〕12号';
const HEADER = 'id,date,credit_code,name,village,problem,source,status,closed_at,close_note';

interface ListEnterprise {
  code: string;
  name: string;
  village: string;
}
const LIST: ListEnterprise[] = (parse(readFileSync(join(REPO, 'data/xuebu/enterprises.csv')), { bom: true, columns: true }) as Record<string, string>[]).map(
  (r) => ({ code: r['统一社会信用代码']!, name: r['企业名称']!, village: r['村社区']! }),
);

describe('haze findings: import, list, close — by hand and by a later clean inspection', () => {
  const dir = tempDir();
  const run = (...args: string[]) => haze(args, { cwd: dir });
  const list = (status = 'all') => run('findings', 'list', '--status', status, '--format', 'csv');
  const csvLine = (id: number, date: string, e: ListEnterprise, problem: string, status: string, closedAt = '', note = '') =>
    [id, date, e.code, e.name, e.village, problem, SOURCE, status, closedAt, note].join(',');

  // The sample town's checklist for 2019-12-09 (orange since 2019-12-08 14:00): A is checked and found in
  // order, B is checked and one item is a violation, C is not checked that day.
  const checklist = parse(haze(['checklist', '--date', '2019-12-09', '--group', 'all', '--format', 'csv'], { cwd: tempDir() }).stdout, {
    columns: true,
  }) as Record<string, string>[];
  const checked = [...new Set(checklist.map((r) => r.credit_code!))];
  const A = LIST.find((e) => e.code === checked[0])!;
  const B = LIST.find((e) => e.code === checked[1])!;
  const C = LIST.find((e) => !checked.includes(e.code))!;
  const groupOfA = checklist.find((r) => r.credit_code === A.code)!.group!;

  test('the checklist gives the enterprises the story needs', () => {
    expect(checked.length).toBeGreaterThan(2);
    expect([A, B, C].every((e) => e !== undefined)).toBe(true);
  });

  test('a CSV: three findings recorded; listed with the village from the list', () => {
    writeFileSync(
      join(dir, 'notice12.csv'),
      [
        'date,credit_code,name,problem,source',
        `2019-12-08,${A.code},${A.name},未落实停产措施,${SOURCE}`,
        `2019-12-08,${B.code},,未安装一厂一策公示牌,${SOURCE}`,
        `2019-12-07,${C.code},${C.name},台账记录不全,${SOURCE}`,
      ].join('\n'),
    );
    const r = run('findings', 'import', 'notice12.csv');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`已记录到 ${join(dir, 'haze.db')}：3 条新的省级暗查问题\n`);
    expect(list('open').stdout).toBe(
      [
        HEADER,
        csvLine(3, '2019-12-07', C, '台账记录不全', 'open'),
        csvLine(1, '2019-12-08', A, '未落实停产措施', 'open'),
        csvLine(2, '2019-12-08', B, '未安装一厂一策公示牌', 'open'),
        '',
      ].join('\n'),
    );
  });

  test('the same file twice records nothing new and says so', () => {
    const before = list().stdout;
    const r = run('findings', 'import', 'notice12.csv');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/notice12\.csv 已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 导入过：没有新内容，未做改动\n/);
    expect(list().stdout).toBe(before);
  });

  test('an .xlsx with a title row and Chinese headers: findings already known from another file are not added again', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('暗查问题');
    ws.addRow(['2019年12月省级暗查问题汇总']);
    ws.addRow(['日期', '统一社会信用代码', '企业名称', '问题', '来源']);
    ws.addRow([new Date(Date.UTC(2019, 11, 8)), A.code, A.name, '未落实停产措施', SOURCE]);
    ws.addRow([new Date(Date.UTC(2019, 11, 8)), C.code, '', '露天堆场未覆盖', SOURCE]);
    ws.getColumn(1).numFmt = 'yyyy-mm-dd';
    writeFileSync(join(dir, '汇总.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = run('findings', 'import', '汇总.xlsx');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('：1 条新的省级暗查问题，1 条此前已记录（未重复记录）\n');
    expect(
      list('open')
        .stdout.split('\n')
        .slice(1, -1)
        .map((l) => l.split(',').slice(0, 6).join(',')),
    ).toEqual([
      `3,2019-12-07,${C.code},${C.name},${C.village},台账记录不全`,
      `1,2019-12-08,${A.code},${A.name},${A.village},未落实停产措施`,
      `2,2019-12-08,${B.code},${B.name},${B.village},未安装一厂一策公示牌`,
      `4,2019-12-08,${C.code},${C.name},${C.village},露天堆场未覆盖`,
    ]);
  });

  test('bad rows: every problem with file, row and column, exit 65, and nothing written', () => {
    const before = list().stdout;
    writeFileSync(
      join(dir, 'bad.csv'),
      [
        'date,credit_code,name,problem,source',
        `2019-12-32,${A.code},,未落实停产措施,${SOURCE}`,
        `2019-12-08,91320413MA36HN011C,,未停产,${SOURCE}`,
        `2019-12-08,${B.code},某某公司,道路扬尘,`,
        `2019-12-08,${C.code},,新问题,${SOURCE}`,
      ].join('\n'),
    );
    const r = run('findings', 'import', 'bad.csv');
    expect(r.status).toBe(65);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('bad.csv') || l.startsWith('haze:'))).toEqual([
      'bad.csv:2:date: 错误 HAZE_FINDING_DATE: 日期无法识别："2019-12-32"（值：2019-12-32）；提示：写作 2019-12-08',
      'bad.csv:3:credit_code: 错误 HAZE_FINDING_ENTERPRISE: 清单中没有这家企业：91320413MA36HN011C（值：91320413MA36HN011C）；提示：这不是有效的统一社会信用代码：核对每一位',
      `bad.csv:4:name: 警告 HAZE_FINDING_NAME: 企业名称与清单不同：清单为"${B.name}"，按信用代码记录（值：某某公司）；提示：核对信用代码是否填错`,
      'bad.csv:4:source: 错误 HAZE_FINDING_SOURCE: 没有填写来源（通报文件）；提示：填写通报的文号，如 苏大气办〔2019〕12号',
      'haze: bad.csv: 3 处错误，整个文件未导入',
    ]);
    // The good row 5 was not written either: one file is all or nothing.
    expect(list().stdout).toBe(before);
  });

  test('bad rows in a workspace without a store: no store is created', () => {
    const fresh = tempDir();
    writeFileSync(join(fresh, 'bad.csv'), `date,credit_code,problem,source\n2019-12-08,${A.code},,${SOURCE}\n`);
    const r = haze(['findings', 'import', 'bad.csv', '--lang', 'en'], { cwd: fresh });
    expect(r.status).toBe(65);
    expect(r.stderr).toContain('bad.csv:2:problem: error HAZE_FINDING_PROBLEM: the problem found is missing');
    expect(existsSync(join(fresh, 'haze.db'))).toBe(false);
  });

  test('close by hand: closed with the note; a second close, an unknown id, a bad id and an early time are refused', () => {
    const r = run('findings', 'close', '3', '--note', '已补全台账，复查合格', '--at', '2019年12月10日9时');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`已关闭第 3 条：2019-12-07 ${C.name} 台账记录不全`);
    expect(list('closed').stdout).toBe(`${HEADER}\n${csvLine(3, '2019-12-07', C, '台账记录不全', 'closed', '2019-12-10 09:00', '已补全台账，复查合格')}\n`);

    const again = run('findings', 'close', '3', '--note', 'x', '--at', '2019-12-11 09:00');
    expect(again.status).toBe(65);
    expect(again.stderr).toContain('第 3 条已于 2019-12-10 09:00 关闭（已补全台账，复查合格），未做改动');
    const unknown = run('findings', 'close', '99', '--note', 'x', '--lang', 'en');
    expect(unknown.status).toBe(66);
    expect(unknown.stderr).toContain('no provincial finding with id 99');
    expect(run('findings', 'close', 'abc', '--note', 'x').status).toBe(64);
    expect(run('findings', 'close', '4').status).toBe(64); // --note is required
    const early = run('findings', 'close', '4', '--note', 'x', '--at', '2019-12-07 09:00');
    expect(early.status).toBe(65);
    expect(early.stderr).toContain('关闭时间 2019-12-07 09:00 早于问题的日期 2019-12-08，未做改动');
    expect(list('closed').stdout.split('\n').length).toBe(3); // header, finding 3, final newline
  });

  test("a later clean inspection (haze record) closes the enterprise's open findings; one with a violation does not", () => {
    let bViolation = false;
    const filled = checklist.map((row) => {
      const result = row.credit_code === B.code && !bViolation ? ((bViolation = true), 'violation') : 'ok';
      return { ...row, result, note: result === 'violation' ? '公示牌未上墙' : '' };
    });
    writeFileSync(join(dir, '结果.csv'), stringify(filled, { header: true }));
    const r = run('record', '结果.csv', '--inspectors', 'x', '--checked-at', '2019-12-09 16:00');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('；1 条省级暗查问题因复查合格关闭');
    expect(list().stdout).toBe(
      [
        HEADER,
        csvLine(3, '2019-12-07', C, '台账记录不全', 'closed', '2019-12-10 09:00', '已补全台账，复查合格'),
        csvLine(1, '2019-12-08', A, '未落实停产措施', 'closed', '2019-12-09 16:00', `2019-12-09 第 ${groupOfA} 组检查未发现问题`),
        csvLine(2, '2019-12-08', B, '未安装一厂一策公示牌', 'open'),
        csvLine(4, '2019-12-08', C, '露天堆场未覆盖', 'open'),
        '',
      ].join('\n'),
    );
  });

  test('a finding that arrives after a later clean inspection is closed by it at once; one dated that day or after stays open', () => {
    writeFileSync(
      join(dir, 'late.csv'),
      [
        'date,credit_code,problem,source',
        `2019-12-08,${A.code},VOCs治理设施未运行,${SOURCE}`,
        // The same day as the clean inspection: the town's check may have come before the province's visit.
        `2019-12-09,${A.code},厂区道路积尘,${SOURCE}`,
        `2019-12-10,${A.code},重型货车进出,${SOURCE}`,
      ].join('\n'),
    );
    const r = run('findings', 'import', 'late.csv');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('：3 条新的省级暗查问题；其中 1 条已由之后的检查（未发现问题）关闭\n');
    const rows = list().stdout.split('\n');
    expect(rows.slice(5, 8)).toEqual([
      csvLine(5, '2019-12-08', A, 'VOCs治理设施未运行', 'closed', '2019-12-09 16:00', `2019-12-09 第 ${groupOfA} 组检查未发现问题`),
      csvLine(6, '2019-12-09', A, '厂区道路积尘', 'open'),
      csvLine(7, '2019-12-10', A, '重型货车进出', 'open'),
    ]);
  });

  test('list filters by credit code, and the table speaks Chinese', () => {
    const r = run('findings', 'list', '--status', 'all', '--credit-code', A.code.toLowerCase(), '--format', 'json');
    expect((JSON.parse(r.stdout) as { id: number; status: string }[]).map((f) => [f.id, f.status])).toEqual([
      [1, 'closed'],
      [5, 'closed'],
      [6, 'open'],
      [7, 'open'],
    ]);
    const table = run('findings', 'list');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('未关闭');
    expect(table.stdout).toContain('村社区');
    expect(table.stdout).not.toContain('已关闭'); // open only by default
    expect(run('findings', 'list', '--status', 'gone').status).toBe(64);
  });
});
