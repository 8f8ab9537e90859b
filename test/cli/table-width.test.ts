/**
 * Terminal tables fit the screen (issue 15, item 1): at COLUMNS=80 and 120 every line of the sample town's
 * tables is no wider than the screen, measured with string-width (the copy cli-table3 uses); the columns an
 * officer needs stay, those a table can spare are named under it, --wide shows every column, and no rule id
 * reaches a table (the rule's source in words instead). CSV keeps its stable columns whatever the width.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

const requireHere = createRequire(join(REPO, 'package.json'));
const stringWidth = createRequire(requireHere.resolve('cli-table3'))('string-width') as (s: string) => number;

const widest = (text: string) => Math.max(...text.split('\n').map(stringWidth));
/** The header rows of every table in the text (the line under each ┌…┐), their cells together. */
const header = (text: string) => {
  const lines = text.split('\n');
  return lines
    .flatMap((l, i) => (l.startsWith('┌') ? [lines[i + 1]!] : []))
    .flatMap((l) => l.split('│'))
    .map((s) => s.trim())
    .filter(Boolean);
};

const RULE_IDS: string[] = (() => {
  const doc = parseYaml(readFileSync(join(REPO, 'data/rules/default.yaml'), 'utf8')) as { rules: { id: string }[]; cross_cutting: { id: string }[] };
  return [...doc.rules, ...doc.cross_cutting].map((r) => r.id);
})();

describe('terminal tables fit the screen', () => {
  const dir = tempDir();
  const run = (args: string[], columns?: number) => haze(args, { cwd: dir, env: columns === undefined ? {} : { COLUMNS: String(columns) } });

  const MUST_KEEP: Record<string, { args: string[]; keep: string[]; wide: string[] }> = {
    measures: { args: ['measures'], keep: ['企业名称', '等级', '措施类型', '措施'], wide: ['村社区', '行业', '比例%', '禁国四货车', '来源', '提醒'] },
    plan: { args: ['plan'], keep: ['日期', '组', '序', '企业名称', '到达', '措施'], wide: ['村社区', '离开', '路程km', '原因', '高德地图'] },
    'measures --summary': { args: ['measures', '--summary'], keep: ['污染物', '减排比例%', '目标%', '达标'], wide: ['缺数据企业数'] },
    'measures --explain': { args: ['measures', '--explain'], keep: ['企业名称', '比例依据', '禁车依据'], wide: ['来源', '措施类型依据'] },
    report: { args: ['report'], keep: ['巡查组', '企业名称', '措施'], wide: ['统一社会信用代码', '村社区'] },
  };

  for (const [name, t] of Object.entries(MUST_KEEP)) {
    for (const width of [80, 120]) {
      test(`${name} at COLUMNS=${width}: every line fits, the important columns stay`, () => {
        const r = run(t.args, width);
        expect(r.stdout).toContain('┌');
        expect(widest(r.stdout)).toBeLessThanOrEqual(width);
        for (const h of t.keep) expect(r.stdout).toContain(h);
        // What was left out is named under the table, with the way to see it.
        const left = t.wide.filter((h) => !header(r.stdout).includes(h));
        const notes = r.stdout
          .split('\n')
          .filter((l) => !/^[│┌├└]/.test(l))
          .join('');
        if (left.length > 0) expect(notes).toContain(left[0]);
        if (left.length > 0) expect(notes).toMatch(/加 ?--wide ?显示全部/);
      });
    }

    test(`${name} --wide: every column, however narrow the screen`, () => {
      const wide = run([...t.args, '--wide'], 80);
      const heads = wide.stdout.includes('【') ? wide.stdout : header(wide.stdout).join(' ');
      for (const h of [...t.keep, ...t.wide]) expect(heads).toContain(h);
      expect(wide.stdout).not.toContain('未显示');
    });
  }

  test('plan at 80 leaves out the map link, the leg and the village first, and says so', () => {
    const r = run(['plan'], 80);
    const heads = header(r.stdout);
    expect(heads).toEqual(expect.arrayContaining(['日期', '组', '序', '企业名称', '到达', '措施']));
    for (const h of ['高德地图', '路程km']) expect(heads).not.toContain(h);
    const note = r.stdout.trimEnd().split('\n').slice(-2).join('');
    expect(note).toContain('未显示：高德地图、路程km');
    expect(widest(run(['plan', '--wide'], 80).stdout)).toBeGreaterThan(120);
  });

  test('long text is wrapped inside its cell, not cut: every enterprise name is there, whole, once the lines are joined', () => {
    const names = (parse(run(['measures', '--format', 'csv'], 80).stdout, { columns: true, bom: true }) as Record<string, string>[]).map((r) => r.name!);
    const r = run(['measures'], 80);
    // The first column's pieces, row by row: a name continues on the lines below until the next row begins.
    const firstCells = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .slice(1)
      .map((l) => ({ text: l.split('│')[1]!.trim(), next: l.split('│')[2]!.trim() !== '' }));
    const joined: string[] = [];
    for (const c of firstCells) {
      if (c.next) joined.push(c.text);
      else joined[joined.length - 1] += c.text;
    }
    expect(joined).toEqual(names);
  });

  test('no rule id in any table: the source in words instead', () => {
    for (const args of [['measures'], ['measures', '--wide'], ['measures', '--explain', '--wide'], ['plan', '--wide']]) {
      const out = run(args, 120).stdout;
      for (const id of RULE_IDS) expect({ args, found: out.includes(id) ? id : null }).toEqual({ args, found: null });
    }
    const wide = run(['measures', '--wide']).stdout;
    expect(wide).toContain('规则：C级以停代限');
    expect(wide).toContain('清单措施');
    expect(run(['measures', '--wide', '--lang', 'en']).stdout).toContain('rule for grade C');
  });

  test('CSV keeps its stable columns and rule ids at any width', () => {
    const rows = parse(run(['measures', '--format', 'csv'], 80).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
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
    expect(rows.map((r) => r.source)).toContain('grade-C');
  });

  test('alert history fits too, and keeps which change and when', () => {
    const ws = tempDir();
    const at = (args: string[], columns?: number) => haze(args, { cwd: ws, env: columns === undefined ? {} : { COLUMNS: String(columns) } });
    expect(at(['init']).status).toBe(0);
    const note = '根据市重污染天气应急指挥部办公室通知，全镇自即日起启动橙色预警响应，各巡查组按计划开展巡查，并做好记录和上报工作';
    expect(at(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00', '--doc', '金大气应急指办〔2019〕5号', '--note', note]).status).toBe(0);
    for (const width of [80, 120]) {
      const history = at(['alert', 'history'], width);
      expect(history.status).toBe(0);
      expect(widest(history.stdout)).toBeLessThanOrEqual(width);
      expect(header(history.stdout)).toEqual(expect.arrayContaining(['编号', '时间', '变动']));
    }
    const wide = at(['alert', 'history', '--wide'], 80).stdout;
    expect(wide).toContain(note);
    expect(header(wide)).toEqual(expect.arrayContaining(['文号', '说明']));
  });

  test('findings list fits too, and keeps the enterprise and the problem', () => {
    const ws = tempDir();
    const at = (args: string[], columns?: number) => haze(args, { cwd: ws, env: columns === undefined ? {} : { COLUMNS: String(columns) } });
    const sample = (parse(at(['measures', '--format', 'csv']).stdout, { columns: true, bom: true }) as Record<string, string>[]).slice(0, 2);
    const source = '江苏省大气污染防治联席会议办公室关于2019年12月省级重污染天气应急暗查情况的通报（苏大气办〔2019〕12号）';
    writeFileSync(
      join(ws, 'province.csv'),
      [
        'date,credit_code,name,problem,source',
        ...sample.map((e) => `2019-12-08,${e.credit_code},${e.name},预警期间未按一厂一策落实停产措施，现场生产线仍在运行，且未建立应急减排台账,${source}`),
      ].join('\n'),
    );
    expect(at(['findings', 'import', 'province.csv']).status).toBe(0);
    for (const width of [80, 120]) {
      const r = at(['findings', 'list', '--status', 'all'], width);
      expect(r.status).toBe(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(width);
      expect(header(r.stdout)).toEqual(expect.arrayContaining(['编号', '日期', '企业名称', '问题', '状态']));
    }
    const wide = at(['findings', 'list', '--status', 'all', '--wide'], 80).stdout;
    expect(wide).toContain(source);
    expect(header(wide)).toEqual(expect.arrayContaining(['统一社会信用代码', '村社区', '来源', '关闭时间', '关闭说明']));
  });

  test('a pipe without COLUMNS: 120 columns', () => {
    const r = run(['measures']);
    expect(widest(r.stdout)).toBeLessThanOrEqual(120);
    expect(widest(r.stdout)).toBeGreaterThan(100);
  });
});
