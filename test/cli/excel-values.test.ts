/**
 * --excel is CSV for a person opening it in Excel: Chinese headers and Chinese values (issue 15, item 2). Every
 * command that writes CSV is run with --excel on the sample town with an alert issued, a day recorded with a
 * violation and a provincial finding imported; no cell may be an English word of haze's vocabulary (`orange`,
 * `stop_part`, `true`, `enterprise`, `open`, …). What may stay in Latin letters is what is a name or a code:
 * the checklist's item ids (record reads them back), error codes, file paths, the pollutants' formulas.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_ZH, GRADES } from '../../src/core/model.js';
import { haze, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];
const ENV = { HAZE_NOW: '2019-12-08 18:00' };
const dir = tempDir();
const run = (args: string[]) => haze(args, { cwd: dir, env: ENV });

// The town's day: an orange alert, a checklist filled in with one violation, a finding from the province.
expect(run(['alert', 'issue', 'orange', '--at', '2019-12-08 08:00', '--doc', '金大气办〔2019〕12号']).status).toBe(0);
// The checklist is printed in the morning (at 18:00 the day's routes would be over), the results entered at night.
const MORNING = { HAZE_NOW: '2019-12-08 08:30' };
const items = csv(haze(['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'csv'], { cwd: dir, env: MORNING }).stdout);
const filled = items.map((r, i) => ({ ...r, result: i === 0 ? 'violation' : 'ok', note: i === 0 ? '公示牌未更新' : '' }));
writeFileSync(join(dir, 'day1.csv'), stringify(filled, { header: true, columns: Object.keys(filled[0]!) }));
expect(run(['record', 'day1.csv', '--inspectors', '王建国', '--checked-at', '2019-12-08 16:00']).status).toBe(0);
const measures = csv(run(['measures', '--format', 'csv']).stdout);
const visited = new Set(items.map((r) => r.credit_code));
const unseen = measures.find((m) => m.action === 'stop' && !visited.has(m.credit_code))!;
writeFileSync(join(dir, 'findings.csv'), `date,credit_code,name,problem,source\n2019-12-08,${unseen.credit_code},,夜间生产,苏大气办〔2019〕88号\n`);
expect(run(['findings', 'import', 'findings.csv']).status).toBe(0);

const SECTIONS = ['coverage', 'violations', 'repeat_offenders', 'findings', 'unvisited', 'clues', 'clue_tally', 'visits', 'plans'];
const COMMANDS: string[][] = [
  ['measures'],
  ['measures', '--explain'],
  ['measures', '--summary'],
  ['plan', '--date', '2019-12-08', '--days', '1'],
  ['checklist', '--date', '2019-12-08', '--group', 'all'],
  ...SECTIONS.map((s) => ['report', '--section', s]),
  ['notify'],
  ['validate'],
  ['alert', 'history'],
  ['findings', 'list'],
];

/** haze's English words for values, as the machine formats write them: none may reach an --excel cell. */
const ENGLISH_VALUES = [
  ...['yellow', 'orange', 'red', 'stop', 'stop_part', 'limit', 'self', 'exempt', 'none', 'no_measure', 'no_rule'],
  ...['true', 'false', 'enterprise', 'open', 'closed', 'issue', 'change', 'lift', 'error', 'warning', 'day', 'night'],
  ...['plan', 'checklist', 'record', 'replan', 'must_stop', 'grade_c', 'not_yet_checked', 'text', 'rule', 'nothing'],
  ...['confirmed', 'refuted', 'kind', 'meter_fault', 'maintenance', 'data_error', 'production_during_stop', 'meter_silent', 'evidence_clue'],
];
/** Columns whose Latin letters are codes or names, not words: what a script or haze itself reads back. */
const CODE_COLUMNS = new Set(['检查项编号', '代码', '文件', '统一社会信用代码', '高德导航']);
/** Names and values from the list itself: the grades (A, B, C, D), the pollutants' formulas, the program's name. */
const LIST_VALUES = new Set<string>([...GRADES, 'SO2', 'NOx', 'VOCs', 'haze', 'kW', 'kWh']);

const outputs = COMMANDS.map((args) => ({ args, r: run([...args, '--excel']) }));

test.each(outputs.map((o) => [o.args.join(' '), o]))('%s --excel: Chinese headers, Chinese values, a BOM', (_name, { r }) => {
  expect(r.status).toBe(0);
  expect(r.stdout.startsWith('\uFEFF')).toBe(true);
  const rows = csv(r.stdout);
  const header = r.stdout.slice(1, r.stdout.indexOf('\r\n')).split(',');
  for (const h of header) expect([h, /[\u4e00-\u9fff]/.test(h)]).toEqual([h, true]);
  for (const row of rows) {
    for (const [column, cell] of Object.entries(row)) {
      if (CODE_COLUMNS.has(column)) continue;
      // Each part of a list in a cell (`停产企业，C级` — or, wrongly, `must_stop;grade_c`) on its own.
      for (const part of cell.split(/[;；,，、\s]+/).filter((p) => p !== '' && !LIST_VALUES.has(p))) {
        expect([column, part, ENGLISH_VALUES.includes(part.toLowerCase())]).toEqual([column, part, false]);
        // A part that is an English word (letters and _ only) is a code or it is wrong.
        if (/^[A-Za-z][A-Za-z_]*$/.test(part)) expect([column, part]).toEqual([column, '(Chinese)']);
      }
    }
  }
});

test('every command with rows has them (the checks above saw values)', () => {
  const empty = outputs.filter((o) => csv(o.r.stdout).length === 0).map((o) => o.args.join(' '));
  expect(empty).toEqual(['report --section repeat_offenders']);
});

const rowsOf = (...args: string[]) => csv(outputs.find((o) => o.args.join(' ') === args.join(' '))!.r.stdout);

test('the values are the human formats’ words', () => {
  const m = rowsOf('measures');
  expect(new Set(m.map((r) => r.预警级别))).toEqual(new Set(['橙色']));
  expect(rowsOf('report', '--section', 'coverage').at(-1)!.组).toBe('合计');
  for (const r of m) expect(Object.values(ACTION_ZH)).toContain(r.措施类型);
  expect(new Set(m.map((r) => r.禁国四货车))).toEqual(new Set(['是', '否']));
  expect(m.map((r) => r.来源 ?? '').filter((s) => s !== '清单措施' && !s.startsWith('规则：'))).toEqual([]);
  expect(new Set(rowsOf('measures', '--summary').map((r) => r.达标))).toEqual(new Set(['是']));
  const plan = rowsOf('plan', '--date', '2019-12-08', '--days', '1');
  expect(new Set(plan.map((r) => r.暂定))).toEqual(new Set(['否']));
  expect(plan[0]!.原因).toMatch(/停产企业|部分停产|限产企业/);
  expect(rowsOf('findings', 'list').map((r) => r.状态)).toEqual(['未关闭']);
  expect(rowsOf('alert', 'history').map((r) => [r.变动, r.级别])).toEqual([['发布', '橙色']]);
  expect(new Set(rowsOf('report', '--section', 'plans').map((r) => r.班次))).toEqual(new Set(['日间']));
  expect(new Set(rowsOf('report', '--section', 'visits').map((r) => r.计划内))).toEqual(new Set(['是']));
  expect(rowsOf('report', '--section', 'unvisited').find((r) => r.统一社会信用代码 === unseen.credit_code)?.措施).toBe('停产');
  expect(new Set(rowsOf('validate').map((r) => r.级别))).toEqual(new Set(['警告']));
  expect(rowsOf('notify')[0]!.预警级别).toBe('橙色');
});

test('the same commands without --excel keep the stable English words for scripts', () => {
  const m = csv(run(['measures', '--format', 'csv']).stdout);
  expect(new Set(m.map((r) => r.level))).toEqual(new Set(['orange']));
  expect(new Set(m.map((r) => r.truck_ban))).toEqual(new Set(['true', 'false']));
  expect(csv(run(['findings', 'list', '--format', 'csv']).stdout).map((r) => r.status)).toEqual(['open']);
});

test('a checklist written with --excel is read back by record', () => {
  const sheet = csv(outputs.find((o) => o.args[0] === 'checklist')!.r.stdout);
  const filledZh = sheet.map((r) => ({ ...r, '结果（合格/不合格/不适用）': '合格' }));
  writeFileSync(join(dir, 'excel.csv'), '\uFEFF' + stringify(filledZh, { header: true, columns: Object.keys(filledZh[0]!) }));
  const r = run(['record', 'excel.csv', '--inspectors', '王建国', '--checked-at', '2019-12-08 17:00', '--replace']);
  expect(r.stderr).not.toContain('错误');
  expect(r.status).toBe(0);
});
