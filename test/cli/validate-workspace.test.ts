/**
 * validate checks the whole workspace — haze.yaml, groups.yaml, the rule files and the list — and reports every
 * problem planted in it in one run, whatever its severity, with its code, file and line or row; its exit code is
 * the one the first command to stop would give. And the other way round: what validate calls fine, plan accepts,
 * and what plan refuses, validate has already refused with the same exit code.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { csvRows } from '../../src/io/read/csvTable.js';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

interface P {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  row: number | null;
  column: string | null;
  line: number | null;
  value: string | null;
  message: string;
  message_en: string;
  hint: string | null;
}

const SAMPLE = join(REPO, 'data/xuebu');
const LIST = csvRows(readFileSync(join(SAMPLE, 'enterprises.csv'), 'utf8'), 'enterprises.csv').map((r) => r.cells);
const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const GROUPS = readFileSync(join(SAMPLE, 'groups.yaml'), 'utf8');
const HAZE_YAML = 'list: enterprises.csv\ngroups: groups.yaml\nrules: [rules/town.yaml]\ndb: haze.db\ncoord_system: wgs84\n';
const TOWN_RULES =
  'rules:\n  - id: town-foundry-C\n    industries: [铸造]\n    grades: [C]\n    orange: { action: stop }\n    source: 薛埠镇应急预案（测试）\n';

/** A copy of the sample town as a workspace of its own (haze.yaml, a town rule file), each file changed as asked. */
function workspace(
  change: {
    haze?: (s: string) => string;
    groups?: (s: string) => string;
    rules?: (s: string) => string;
    list?: (rows: string[][]) => string[][];
    store?: (file: string) => void;
  } = {},
) {
  const dir = tempDir();
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'haze.yaml'), (change.haze ?? ((s) => s))(HAZE_YAML));
  writeFileSync(join(dir, 'groups.yaml'), (change.groups ?? ((s) => s))(GROUPS));
  writeFileSync(join(dir, 'rules/town.yaml'), (change.rules ?? ((s) => s))(TOWN_RULES));
  writeFileSync(join(dir, 'enterprises.csv'), toCsv((change.list ?? ((r) => r))(LIST.map((r) => [...r]))));
  change.store?.(join(dir, 'haze.db'));
  return dir;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const validate = (dir: string) => {
  const r = haze(['validate', '--format', 'json'], { cwd: dir });
  return { status: r.status, stderr: r.stderr, problems: JSON.parse(r.stdout) as P[] };
};

/** The plants: one of each problem a later command would refuse or print wrong. */
const plant = {
  fullWidthColon: (s: string) => s.replace('    leader: 虞卫国', '    leader：虞卫国'),
  // The evening round written out as a block, indented with tabs.
  tab: (s: string) => s.replace('night: { start: "19:00", end: "22:00" }', 'night:\n\tstart: "19:00"\n\tend: "22:00"'),
  templatePhone: (s: string) => s.replace('"18906137254"', '"13800000002"'),
  templateTown: (s: string) => s.replace('town: 薛埠镇', 'town: 某某镇'),
  hazeSchema: (s: string) => s.replace('coord_system: wgs84', 'coord_system: wgs99'),
  ruleError: (s: string) => s.replace('action: stop', 'action: halt'),
  listErrors: (rows: string[][]) => {
    rows[1]![0] = '9132041312345';
    rows[2]![6] = 'Z';
    rows[3]![3] = '新开村'; // a village no group names: a warning, its enterprise goes to the nearest group
    return rows;
  },
};

describe('one validate run reports every problem planted in the workspace', () => {
  const dir = workspace({
    haze: plant.hazeSchema,
    groups: (s) => plant.templateTown(plant.templatePhone(plant.tab(plant.fullWidthColon(s)))),
    rules: plant.ruleError,
    list: plant.listErrors,
  });
  const groupsText = readFileSync(join(dir, 'groups.yaml'), 'utf8');
  const run = validate(dir);
  const at = (file: string) => run.problems.filter((p) => p.file === join(dir, file));

  test('exit 78: a config file is wrong, the first thing every command reads after haze.yaml', () => {
    expect(run.status).toBe(78);
  });

  test("haze.yaml: the setting in error, in the officer's words, with line and column", () => {
    expect(at('haze.yaml').map((p) => [p.severity, p.code, p.line, p.column, p.value])).toEqual([['error', 'HAZE_CONFIG_VALUE', 5, '15', 'wgs99']]);
    const p = at('haze.yaml')[0]!;
    expect(p.message).toBe('coord_system：应为清单坐标系 wgs84、gcj02（高德、腾讯地图）或 bd09（百度地图），写的是文字"wgs99"');
    expect(p.hint).toBe('例如 coord_system: wgs84');
    expect(p.message_en).not.toMatch(/Invalid input|expected \w+, received/);
  });

  test('groups.yaml: the full-width colon and the tab where they are, with the template leftovers', () => {
    const g = at('groups.yaml').map((p) => [p.severity, p.code, p.line]);
    expect(g).toEqual(
      expect.arrayContaining([
        ['error', 'HAZE_CONFIG_SYNTAX', lineOf(groupsText, 'leader：虞卫国')],
        ['error', 'HAZE_CONFIG_SYNTAX', lineOf(groupsText, '\tstart: "19:00"')],
        ['error', 'HAZE_CONFIG_SYNTAX', lineOf(groupsText, '\tend: "22:00"')],
        ['error', 'HAZE_CONFIG_TEMPLATE_LEFTOVER', lineOf(groupsText, '13800000002')],
        ['warning', 'HAZE_CONFIG_TEMPLATE_LEFTOVER', lineOf(groupsText, 'town: 某某镇')],
      ]),
    );
    const colon = at('groups.yaml').find((p) => p.line === lineOf(groupsText, 'leader：虞卫国'))!;
    expect(colon.column).toBe('11');
    expect(colon.message).toContain('全角冒号');
    expect(colon.message_en).not.toContain('Implicit keys');
    expect(at('groups.yaml').find((p) => p.line === lineOf(groupsText, '\tstart'))!.message).toContain('Tab');
    // Nothing else: the emptied night setting is the tab's doing, not a problem of its own.
    expect(at('groups.yaml').filter((p) => p.code === 'HAZE_CONFIG_SYNTAX' || p.code === 'HAZE_CONFIG_VALUE').length).toBe(3);
  });

  test('the rule file: the rule and the setting in error', () => {
    const r = at('rules/town.yaml');
    expect(r.map((p) => [p.severity, p.code, p.line, p.value])).toEqual([['error', 'HAZE_CONFIG_VALUE', 5, 'halt']]);
    expect(r[0]!.message).toMatch(/^rules → 第1条规则（town-foundry-C） → orange → action：应为措施类型之一：stop、/);
  });

  test('the list: its errors and its warnings together, each at its row', () => {
    const l = at('enterprises.csv');
    expect(l.filter((p) => p.severity === 'error').map((p) => [p.code, p.row])).toEqual([
      ['HAZE_ROW_CODE_INVALID', 2],
      ['HAZE_ROW_GRADE_UNKNOWN', 3],
    ]);
    const warned = new Set(l.filter((p) => p.severity === 'warning').map((p) => p.code));
    expect([...warned]).toEqual(expect.arrayContaining(['HAZE_ROW_MEASURE_MISSING', 'HAZE_MEASURE_WEAKER', 'HAZE_LIST_VILLAGE_NO_GROUP']));
    expect(l.find((p) => p.code === 'HAZE_LIST_VILLAGE_NO_GROUP')).toMatchObject({ row: 4, column: '村社区', value: '新开村' });
  });

  test('the summary counts everything, and says how much is in the config files', () => {
    const errors = run.problems.filter((p) => p.severity === 'error').length;
    const warnings = run.problems.length - errors;
    const config = run.problems.filter((p) => !p.file.endsWith('enterprises.csv')).length;
    expect(run.stderr).toContain(`enterprises.csv：148 家企业，${errors} 个错误，${warnings} 个警告（其中 ${config} 个在配置文件中）`);
  });
});

describe('a new workspace from haze init: template leftovers and an empty list', () => {
  test('the template base point and phones are errors, its names warnings; an empty list is an error', () => {
    const dir = tempDir();
    expect(haze(['init'], { cwd: dir }).status).toBe(0);
    const run = validate(dir);
    expect(run.status).toBe(78);
    const left = run.problems.filter((p) => p.code === 'HAZE_CONFIG_TEMPLATE_LEFTOVER');
    expect(left.filter((p) => p.severity === 'error').map((p) => p.value)).toEqual(['119.38, 31.72', '13800000000', '13800000001', '13800000002']);
    expect(left.filter((p) => p.severity === 'warning').map((p) => p.value)).toEqual(
      expect.arrayContaining(['某某镇', '某某区', '某某市', '某某镇人民政府', '组长姓名、组员甲、组员乙', '甲村、乙村']),
    );
    expect(run.problems.filter((p) => p.code === 'HAZE_LIST_NO_ENTERPRISES')).toEqual([
      expect.objectContaining({ severity: 'error', file: join(dir, 'enterprises.csv'), row: 1 }),
    ]);
  });

  test('an empty list alone: exit 65', () => {
    const dir = workspace({ list: (rows) => rows.slice(0, 1) });
    const run = validate(dir);
    expect([run.status, run.problems.map((p) => [p.severity, p.code, p.row])]).toEqual([65, [['error', 'HAZE_LIST_NO_ENTERPRISES', 1]]]);
    expect(run.stderr).toContain('enterprises.csv：0 家企业，1 个错误，0 个警告');
    // The commands that need enterprises refuse it the same way, rather than print empty routes.
    for (const args of [
      ['plan', '--level', 'orange', '--date', '2019-12-08'],
      ['measures', '--level', 'orange'],
      ['checklist', '--level', 'orange', '--date', '2019-12-08', '--group', 'all'],
    ]) {
      const r = haze(args, { cwd: dir });
      expect([args[0], r.status, r.stdout]).toEqual([args[0], 65, '']);
      expect(r.stderr).toContain(`haze: ${join(dir, 'enterprises.csv')}:1: 清单只有表头，没有一家企业：没有可以检查或巡查的`);
    }
  });

  test('the other commands go on with template leftovers, and say each on stderr', () => {
    const dir = workspace({ groups: plant.templatePhone });
    const r = haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--days', '1', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /groups\.yaml:\d+:\d+: 警告 HAZE_CONFIG_TEMPLATE_LEFTOVER: groups → 第3组（第三巡查组） → phone：还是 haze init 模板里的"13800000002"/,
    );
  });
});

describe('validate and plan agree: the same exit for the same workspace', () => {
  // Each plant alone; validate's exit is what plan exits with (template leftovers aside: plan warns, above).
  test.each([
    { name: 'clean', change: {}, exit: 0 },
    { name: 'a village without a group (to the nearest group)', change: { list: (rows: string[][]) => ((rows[3]![3] = '新开村'), rows) }, exit: 0 },
    { name: 'a full-width colon in groups.yaml', change: { groups: plant.fullWidthColon }, exit: 78 },
    { name: 'a tab in groups.yaml', change: { groups: plant.tab }, exit: 78 },
    { name: 'a wrong setting in haze.yaml', change: { haze: plant.hazeSchema }, exit: 78 },
    { name: 'a wrong rule file', change: { rules: plant.ruleError }, exit: 78 },
    { name: 'list errors', change: { list: plant.listErrors }, exit: 65 },
    {
      name: "another program's database as haze.db",
      change: { store: (file: string) => new Database(file).exec('CREATE TABLE t (a)').close() },
      exit: 78,
    },
    { name: 'no village in common with groups.yaml', change: { groups: (s: string) => s.replace(/villages: \[[^\]]*\]/g, 'villages: [甲村]') }, exit: 78 },
  ])('$name: validate and plan exit $exit', ({ change, exit }) => {
    const dir = workspace(change);
    const v = validate(dir);
    expect(v.status).toBe(exit);
    if (exit === 0) expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const p = haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--days', '1', '--format', 'csv'], { cwd: dir });
    expect(p.status).toBe(exit);
    if (exit === 0) expect(p.stdout.split('\n').length).toBeGreaterThan(10);
  });
});

describe('messages a command stops with are the same words', () => {
  test('plan on a groups.yaml with a full-width colon: the line, the column and the cause, no library English', () => {
    const dir = workspace({ groups: plant.fullWidthColon });
    const r = haze(['plan', '--level', 'orange', '--date', '2019-12-08'], { cwd: dir });
    expect(r.status).toBe(78);
    const line = lineOf(plant.fullWidthColon(GROUPS), 'leader：');
    expect(r.stderr).toContain(`haze: ${join(dir, 'groups.yaml')}:${line}:11: 巡查组配置不是有效的 YAML："leader"后面是全角冒号"："，YAML 不把它当作冒号`);
    expect(r.stderr).toContain('提示: 改成半角冒号加空格：leader: …');
    expect(r.stderr).not.toContain('Implicit keys');
  });

  test('groups → 第1组 → villages written as text: what is there, what is expected, an example', () => {
    const dir = workspace({ groups: (s) => s.replace(/villages: \[东窑村[^\]]*\]/, 'villages: 东窑村、赤岗村') });
    const v = validate(dir);
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'HAZE_CONFIG_VALUE',
        message: 'groups → 第1组（第一巡查组） → villages：应为村名的列表，用清单"村社区"列中的写法，写的是文字"东窑村、赤岗村"',
        hint: '用了全角逗号或顿号：列表写成 [甲, 乙]，用半角逗号；例如 villages: [东窑村, 赤岗村]',
        line: lineOf(GROUPS, 'villages: [东窑村'),
      }),
    ]);
    const en = haze(['--lang', 'en', 'plan', '--level', 'orange', '--date', '2019-12-08'], { cwd: dir });
    expect(en.status).toBe(78);
    expect(en.stderr).toContain(
      'the groups file is wrong: groups → group 1 (第一巡查组) → villages: expected a list of villages, as the list\'s 村社区 column writes them, but it says "东窑村、赤岗村" (text)',
    );
  });
});

/** The sample copied whole (its folder as the workspace) is clean: nothing planted, nothing reported in error. */
test('the sample town copied as a workspace: exit 0, plan accepts it', () => {
  const dir = tempDir();
  cpSync(SAMPLE, dir, { recursive: true });
  const v = validate(dir);
  expect(v.status).toBe(0);
  expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
});
