import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true }) as Row[];
const groups = readFileSync(join(process.cwd(), 'data/xuebu/groups.yaml'), 'utf8');
const villagesOf = (id: string): string[] => {
  const block = groups.split(/- id: /).find((b) => b.startsWith(`"${id}"`))!;
  return /villages: \[(.*)\]/
    .exec(block)![1]!
    .split(',')
    .map((s) => s.trim());
};

describe('haze on the embedded sample town (薛埠镇)', () => {
  const measures = haze(['measures', '--format', 'csv']);
  const measureRows = csv(measures.stdout);
  const required = measureRows.filter((r) => ['stop', 'stop_part', 'limit'].includes(r.action!));

  test('measures: the sample carries its own orange alert, and says so', () => {
    expect(measures.status).toBe(0);
    expect(measures.stderr).toContain('内置示例乡镇');
    expect(measures.stderr).toContain('2019-12-08 14:00');
    expect(measureRows).toHaveLength(150);
    expect(Object.keys(measureRows[0]!)).toEqual([
      'credit_code',
      'name',
      'village',
      'industry',
      'grade',
      'level',
      'action',
      'limit_pct',
      'truck_ban',
      'measure',
      'source',
      'extra',
      'warning',
    ]);
    expect(new Set(measureRows.map((r) => r.level))).toEqual(new Set(['orange']));
    for (const r of measureRows) expect(['stop', 'stop_part', 'limit', 'self', 'exempt', 'no_measure']).toContain(r.action);
  });

  test('measures: grades lead to the actions the guidance gives', () => {
    const byGrade = (g: string) => measureRows.filter((r) => r.grade === g);
    for (const r of byGrade('D')) expect(r.action).toBe('stop');
    for (const r of byGrade('A')) expect(r.action).toBe('self');
    for (const r of byGrade('保障类')) expect(r.action).toBe('exempt');
    const cementB = measureRows.find((r) => r.industry === '水泥熟料' && r.grade === 'B');
    expect(cementB).toMatchObject({ action: 'limit', limit_pct: '20', truck_ban: 'true' });
  });

  test('measures --format json: the same rows, typed', () => {
    const r = haze(['measures', '--format', 'json']);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(150);
    expect(rows.map((x) => x.credit_code)).toEqual(measureRows.map((x) => x.credit_code));
    expect(rows.every((x) => typeof x.truck_ban === 'boolean')).toBe(true);
  });

  test('measures --level red differs from orange', () => {
    const red = csv(haze(['measures', '--level', 'red', '--format', 'csv']).stdout);
    expect(red.filter((r) => r.action === 'stop').length).toBeGreaterThan(measureRows.filter((r) => r.action === 'stop').length);
  });

  describe('plan', () => {
    const plan = haze(['plan', '--date', '2019-12-08', '--format', 'csv']);
    const visits = csv(plan.stdout);

    test('columns and exit code', () => {
      expect(plan.status).toBe(0);
      expect(Object.keys(visits[0]!)).toEqual([
        'date',
        'group',
        'seq',
        'provisional',
        'credit_code',
        'name',
        'village',
        'lon',
        'lat',
        'arrive',
        'depart',
        'leg_km',
        'action',
        'reason',
        'nav_url',
      ]);
    });

    test('every enterprise that must stop, stop part or limit is visited', () => {
      const visited = new Set(visits.map((v) => v.credit_code));
      expect(required.filter((r) => !visited.has(r.credit_code!)).map((r) => r.name)).toEqual([]);
    });

    test('each group stays in its own villages', () => {
      for (const v of visits) expect(villagesOf(v.group!)).toContain(v.village);
    });

    test('the first day starts when the alert does (14:00) and every day ends by 17:30', () => {
      for (const v of visits) {
        expect(v.arrive! >= `${v.date} 08:30`).toBe(true);
        expect(v.depart! <= `${v.date} 17:30`).toBe(true);
        if (v.date === '2019-12-08') expect(v.arrive! >= '2019-12-08 14:00').toBe(true);
      }
    });

    test('seq counts from 1 for each group and day', () => {
      const keys = new Map<string, number[]>();
      for (const v of visits) keys.set(`${v.date}/${v.group}`, [...(keys.get(`${v.date}/${v.group}`) ?? []), Number(v.seq)]);
      for (const seqs of keys.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    });

    test('the same command gives the same plan, byte for byte', () => {
      expect(haze(['plan', '--date', '2019-12-08', '--format', 'csv']).stdout).toBe(plan.stdout);
    });

    test('the table is for people: Chinese labels and reasons', () => {
      const t = haze(['plan', '--date', '2019-12-08']);
      expect(t.status).toBe(0);
      expect(t.stdout).toContain('企业名称');
      expect(t.stdout).toMatch(/停产企业|限产企业/);
      expect(t.stderr).toMatch(/第一巡查组：\d+ 家/);
    });
  });

  describe('checklist', () => {
    const plan = csv(haze(['plan', '--date', '2019-12-08', '--format', 'csv']).stdout);

    test('csv: one row per item, empty result and note, the same visits as the plan', () => {
      const r = haze(['checklist', '--date', '2019-12-09', '--group', '2', '--format', 'csv']);
      expect(r.status).toBe(0);
      const items = csv(r.stdout);
      expect(Object.keys(items[0]!)).toEqual(['date', 'group', 'seq', 'credit_code', 'name', 'item_id', 'item', 'result', 'note']);
      expect(items.every((i) => i.result === '' && i.note === '' && i.group === '2' && i.date === '2019-12-09')).toBe(true);
      // 12-09 is provisional in a plan from 12-08: the sample's power and gate records of the night before rank
      // it only once it is planned as its own day, as the checklist of that day does.
      const own = csv(haze(['plan', '--date', '2019-12-09', '--format', 'csv']).stdout);
      const planned = own.filter((v) => v.date === '2019-12-09' && v.group === '2').map((v) => v.credit_code);
      expect([...new Set(items.map((i) => i.credit_code))]).toEqual(planned);
      // Every visit starts at the posted plan (一厂一策公示牌).
      for (const code of planned) expect(items.find((i) => i.credit_code === code)!.item_id).toBe('board');
    });

    test('text: header and boxes for every visit', () => {
      const r = haze(['checklist', '--date', '2019-12-08', '--group', '1']);
      expect(r.status).toBe(0);
      const first = plan.find((v) => v.date === '2019-12-08' && v.group === '1')!;
      expect(r.stdout).toContain(`1. ${first.name}`);
      expect(r.stdout).toContain(`统一社会信用代码：${first.credit_code}`);
      expect(r.stdout).toContain('[ ] 一厂一策公示牌已上墙');
      expect(r.stdout).toContain('应执行措施：');
    });

    test('md: headings and a table of items', () => {
      const r = haze(['checklist', '--date', '2019-12-08', '--group', '3', '--format', 'md']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^# 第三巡查组 现场检查清单 2019-12-08/);
      expect(r.stdout).toContain('| ☐ | 一厂一策公示牌已上墙');
    });

    test('an unknown group exits 64 and names the groups', () => {
      const r = haze(['checklist', '--date', '2019-12-08', '--group', '9']);
      expect(r.status).toBe(64);
      expect(r.stderr).toContain('--group 的值"9"不是巡查组');
      expect(r.stderr).toContain('1（第一巡查组）');
    });
  });

  test('-o writes the file whole and nothing to stdout', () => {
    const dir = tempDir();
    const r = haze(['measures', '--format', 'csv', '-o', 'out.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(measures.stdout);
  });

  test('--excel: Chinese headers and a BOM', () => {
    const r = haze(['measures', '--format', 'csv', '--excel']);
    expect(r.stdout.startsWith('\uFEFF统一社会信用代码,企业名称,村社区')).toBe(true);
  });

  test("demo prints the alert, the measures, the first day's routes and checklists", () => {
    const r = haze(['demo']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('薛埠镇');
    expect(r.stdout).toContain('橙色（Ⅱ级响应）');
    expect(r.stdout).toContain('第一巡查组 现场检查清单 2019-12-08');
    expect(r.stdout).toContain('第三巡查组 现场检查清单 2019-12-08');
    expect(r.stdout).toContain('[ ]');
  });

  test('validate: the sample is clean', () => {
    const r = haze(['validate']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/150 家企业，0 个错误/);
  });

  test('init writes a workspace, refuses to overwrite it, and haze then uses it', () => {
    const dir = tempDir();
    const r = haze(['init'], { cwd: dir });
    expect(r.status).toBe(0);
    for (const f of ['haze.yaml', 'enterprises.csv', 'groups.yaml']) expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, 'enterprises.csv'), 'utf8')).toBe(
      '\uFEFF统一社会信用代码,企业名称,镇街,村社区,详细地址,行业类别,绩效等级,联系人,联系电话,经度,纬度,SO2排放量,NOx排放量,颗粒物排放量,VOCs排放量,日均货车车次,黄色预警措施,橙色预警措施,红色预警措施\r\n',
    );
    const again = haze(['init'], { cwd: dir });
    expect(again.status).toBe(73);
    // A fresh workspace is not ready: its list is empty (65) and its groups.yaml still the template's (78 first).
    const v = haze(['validate', '--format', 'json'], { cwd: dir });
    expect(v.status).toBe(78);
    expect(v.stderr).not.toContain('内置示例乡镇');
    expect(v.stderr).toMatch(/0 家企业/);
    const found = JSON.parse(v.stdout) as { code: string; severity: string }[];
    expect(found.filter((p) => p.code === 'HAZE_LIST_NO_ENTERPRISES').map((p) => p.severity)).toEqual(['error']);
    expect(found.filter((p) => p.code === 'HAZE_CONFIG_TEMPLATE_LEFTOVER').length).toBeGreaterThan(0);
    // measures says first what to fill in: the list, before any alert level.
    const m = haze(['measures'], { cwd: dir });
    expect(m.status).toBe(65);
    expect(m.stderr).toContain('清单只有表头，没有一家企业');
  });

  test('a new workspace with the sample list: template villages are named in validate, refused by plan, split by --auto-areas; results still record', () => {
    const dir = tempDir();
    expect(haze(['init'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'enterprises.csv'), readFileSync(join(process.cwd(), 'data/xuebu/enterprises.csv')));
    // validate promises what plan does: no village in common, so plan stops (78) — not "the nearest group".
    const v = haze(['validate', '--format', 'csv'], { cwd: dir });
    expect(v.status).toBe(78);
    expect(csv(v.stdout).filter((p) => p.code === 'HAZE_LIST_VILLAGE_NO_GROUP')).toEqual([]);
    const first = csv(readFileSync(join(dir, 'enterprises.csv'), 'utf8'))[0]!['村社区']!;
    const refused = csv(v.stdout).filter((p) => p.code === 'HAZE_LIST_NO_VILLAGE_IN_GROUPS');
    expect(refused.length).toBe(1);
    expect(refused[0]).toMatchObject({ severity: 'error', file: join(dir, 'groups.yaml') });
    expect(refused[0]!.message).toMatch(
      new RegExp(`^groups\\.yaml 各组的村（甲村、乙村、丙村、丁村、戊村）与清单的村社区（${first}、.*…，共 21 个）没有一个相同`),
    );

    const plan = haze(['plan', '--level', 'orange', '--date', '2019-12-08'], { cwd: dir });
    expect(plan.status).toBe(78);
    expect(plan.stdout).toBe('');
    expect(plan.stderr).toMatch(new RegExp(`groups\\.yaml 各组的村（甲村、乙村、丙村、丁村、戊村）与清单的村社区（${first}、.*…，共 21 个）没有一个相同`));
    expect(plan.stderr).toContain('--auto-areas');
    // Results still record when haze cannot tell which checks were planned (the checklist's plan kept elsewhere).
    const sheet = haze(
      ['checklist', '--level', 'orange', '--date', '2019-12-08', '--group', 'all', '--auto-areas', '--format', 'csv', '--db', join(tempDir(), 'other.db')],
      { cwd: dir },
    );
    expect(sheet.status).toBe(0);
    const filled = sheet.stdout
      .split('\n')
      .map((l, i) => (i === 0 || l === '' ? l : l.replace(/,,$/, ',ok,')))
      .join('\n');
    writeFileSync(join(dir, 'results.csv'), filled);
    expect(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir }).status).toBe(0);
    const rec = haze(['record', 'results.csv', '--inspectors', '王建国'], { cwd: dir });
    expect([rec.status, rec.stderr.match(/已记录到 .*：(\d+) 次检查/)?.[1]]).toEqual([0, String(new Set(csv(sheet.stdout).map((r) => r.credit_code)).size)]);
    const auto = haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--auto-areas', '--format', 'csv'], { cwd: dir });
    expect(auto.status).toBe(0);
    expect(new Set(csv(auto.stdout).map((r) => r.group))).toEqual(new Set(['1', '2', '3']));

    // Two villages named: the rest reported once a village, with where its enterprises went.
    const groupsFile = join(dir, 'groups.yaml');
    writeFileSync(groupsFile, readFileSync(groupsFile, 'utf8').replace('[甲村, 乙村]', '[石马村, 东窑村]'));
    const partly = haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--format', 'csv'], { cwd: dir });
    expect(partly.status).toBe(0);
    const lines = partly.stderr.split('\n').filter((l) => l.includes('不属于任何巡查组'));
    expect(lines.length).toBe(19);
    for (const l of lines)
      expect(l).toMatch(
        /^注意: 村社区"[^"]+"（\d+ 家）不属于任何巡查组，按距离分给最近的组：第一巡查组（\d+ 家）；请在 groups\.yaml 中把它写进某组的 villages$/,
      );
    // …and validate says the same of the same villages.
    const said = csv(haze(['validate', '--format', 'csv'], { cwd: dir }).stdout);
    expect(said.filter((p) => p.code === 'HAZE_LIST_NO_VILLAGE_IN_GROUPS')).toEqual([]);
    expect(said.filter((p) => p.code === 'HAZE_LIST_VILLAGE_NO_GROUP').map((p) => [p.severity, p.value])).toEqual(
      lines.map((l) => ['warning', /村社区"([^"]+)"/.exec(l)![1]]),
    );
  });

  test('--help and --version go to stdout', () => {
    const h = haze(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('Commands:');
    const v = haze(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
