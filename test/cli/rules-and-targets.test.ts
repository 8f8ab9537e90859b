import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;

describe("a town's own rules and the reduction target, through the CLI", () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'town.yaml'),
    `targets: { orange: 60 }
rules:
  - id: grade-B
    grades: [B]
    orange: { action: stop }
    source: 薛埠镇应急预案（测试）
`,
  );
  writeFileSync(
    join(dir, 'bad.yaml'),
    `rules:
  - id: grade-B
    grades: [B]
    orange: { action: halt }
    source: x
`,
  );

  test('--summary: one row per pollutant with the target of the rules', () => {
    const r = haze(['measures', '--summary', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Row[];
    expect(rows.map((x) => x.pollutant)).toEqual(['so2', 'nox', 'pm', 'vocs']);
    expect(rows.every((x) => x.target_pct === '20' && x.met === 'true')).toBe(true);
    expect(Number(rows[0]!.reduction_t_per_day)).toBeLessThanOrEqual(Number(rows[0]!.baseline_t_per_day));
    expect(r.stderr).toMatch(/没有任何排放数据，未计入：.+有限公司/);
  });

  test("--check passes at the default targets and fails (exit 1) at the town's 60 %", () => {
    expect(haze(['measures', '--summary', '--check'], { cwd: dir }).status).toBe(0);
    const r = haze(['measures', '--summary', '--check', '--rules', 'town.yaml', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const rows = JSON.parse(r.stdout) as { target_pct: number; met: boolean }[];
    expect(rows.every((x) => x.target_pct === 60)).toBe(true);
    expect(rows.some((x) => !x.met)).toBe(true);
    expect(r.stderr).toContain('未达到orange目标 60%');
  });

  test("the town's rule replaces the default for enterprises whose text is empty", () => {
    const base = parse(haze(['measures', '--format', 'csv'], { cwd: dir }).stdout, { columns: true }) as Row[];
    const town = parse(haze(['measures', '--format', 'csv', '--rules', 'town.yaml'], { cwd: dir }).stdout, { columns: true }) as Row[];
    const changed = base.filter((b) => b.source === 'grade-B');
    expect(changed.length).toBeGreaterThan(0);
    for (const b of changed) expect(town.find((t) => t.credit_code === b.credit_code)).toMatchObject({ action: 'stop', source: 'grade-B' });
  });

  test('an invalid rule file exits 78 with the file and line', () => {
    const r = haze(['measures', '--rules', 'bad.yaml'], { cwd: dir });
    expect(r.status).toBe(78);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'bad.yaml')}:4`);
    expect(r.stderr).toContain(
      'rules → 第1条规则（grade-B） → orange → action：应为措施类型之一：stop、stop_part、limit、self、exempt、none，写的是文字"halt"',
    );
  });

  test('an invalid groups file exits 78 with the line', () => {
    writeFileSync(join(dir, 'groups.yaml'), 'town: 测试镇\nbase: { name: 镇政府, lon: 119.4, lat: 31.7 }\nworking_day: { start: "8.30", end: "17:30" }\n');
    const r = haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--groups', 'groups.yaml'], { cwd: dir });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain(`${join(dir, 'groups.yaml')}:3`);
  });

  test('notify: one notice per enterprise with something to do, in CSV', () => {
    const r = haze(['notify', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Row[];
    expect(Object.keys(rows[0]!)).toEqual(['credit_code', 'name', 'contact', 'phone', 'level', 'from', 'message']);
    expect(rows.length).toBeGreaterThan(100);
    for (const x of rows) {
      expect(x.from).toBe('2019-12-08 14:00');
      expect(x.message).toContain('橙色预警（Ⅱ级响应）');
      expect(x.message).toContain('一厂一策公示牌');
    }
  });
});
