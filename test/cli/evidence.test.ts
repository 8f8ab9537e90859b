/**
 * haze evidence: its help, its usage errors, the sample town without a store, a workspace with no evidence,
 * a haze.yaml naming a missing evidence file, and the clue table / CSV / JSON rendered from a hand-made check.
 * The end-to-end runs (import → check on the sample's files) need the readers and the checks: skipped until
 * the branches are merged.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Clue } from '../../src/core/evidence/model.js';
import { toWallMinute } from '../../src/core/time.js';
import { cluesOnDay, renderClues, windowText } from '../../src/cli/clueOutput.js';
import { outcomeWords, readingsSummary } from '../../src/cli/actions/evidence.js';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

const SAMPLE = join(REPO, 'data/xuebu');

/** A workspace of the sample's list and groups, with a haze.yaml of its own (and the given evidence: lines). */
function workspace(evidenceYaml = ''): string {
  const dir = tempDir();
  copyFileSync(join(SAMPLE, 'enterprises.csv'), join(dir, 'enterprises.csv'));
  copyFileSync(join(SAMPLE, 'groups.yaml'), join(dir, 'groups.yaml'));
  writeFileSync(join(dir, 'haze.yaml'), `list: enterprises.csv\ngroups: groups.yaml\n${evidenceYaml}`);
  return dir;
}

describe('haze evidence: help and usage', () => {
  test('help on stdout with the subcommands and examples', () => {
    const r = haze(['evidence', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('import [options] <file...>');
    expect(r.stdout).toContain('check [options]');
    expect(r.stdout).toContain('haze evidence import 点位.csv 读数.csv 门禁.xlsx');
    const imp = haze(['evidence', 'import', '--help']);
    expect(imp.stdout).toContain('--replace');
    expect(imp.stdout).toContain('一个事务');
    const check = haze(['evidence', 'check', '--help']);
    expect(check.stdout).toContain('--date <date>');
    expect(check.stdout).toContain('production_during_stop 停产期间生产');
  });

  test('import with no file is a usage error', () => {
    const r = haze(['evidence', 'import'], { cwd: workspace() });
    expect(r.status).toBe(64);
    expect(r.stdout).toBe('');
  });

  test('check --date that is not a date, and a format it does not write', () => {
    const dir = workspace();
    expect(haze(['evidence', 'check', '--date', '2019-13-45'], { cwd: dir }).status).toBe(64);
    expect(haze(['evidence', 'check', '--format', 'gpx'], { cwd: dir }).status).toBe(64);
  });

  test('a file that is not there: exit 66, naming it', () => {
    const dir = workspace();
    const r = haze(['evidence', 'import', '读数.csv'], { cwd: dir });
    expect(r.status).toBe(66);
    expect(r.stderr).toContain('找不到证据文件');
    expect(r.stderr).toContain('读数.csv');
  });
});

describe('haze evidence: where there is nothing to check', () => {
  test('the sample town without haze.yaml has no store: import says to run haze init first, and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'points.csv'), 'point_id,credit_code,kind\nP1,X,production\n');
    const r = haze(['evidence', 'import', 'points.csv'], { cwd: dir });
    expect(r.status).toBe(66);
    expect(r.stderr).toContain('内置示例乡镇没有数据库');
    expect(r.stderr).toContain('haze init');
    expect(existsSync(join(dir, 'haze.db'))).toBe(false);
    const en = haze(['evidence', 'import', 'points.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('run haze init to make your own workspace first');
  });

  test('a workspace with no evidence: check exits 66 with the hint to import', () => {
    const r = haze(['evidence', 'check'], { cwd: workspace() });
    expect(r.status).toBe(66);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('没有分表计电或门禁数据');
    expect(r.stderr).toContain('haze evidence import');
  });

  test('haze.yaml naming a missing evidence file: a config error for check, nothing for a command without evidence', () => {
    const dir = workspace('evidence:\n  - evidence/readings.csv\n');
    const r = haze(['evidence', 'check'], { cwd: dir });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('haze.yaml');
    expect(r.stderr).toContain('evidence/readings.csv');
    expect(haze(['measures', '--level', 'orange', '--format', 'csv'], { cwd: dir }).status).toBe(0);
  });

  test('evidence: must be a list of paths', () => {
    const r = haze(['measures', '--level', 'orange'], { cwd: workspace('evidence: 3\n') });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('evidence');
  });
});

const M = (date: string, hhmm: string) => toWallMinute({ date, minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });
const CODE_A = '91320413MA1N2X3Y4A';
const CODE_B = '91320413MA1N2X3Y4B';

function clue(kind: Clue['kind'], creditCode: string, from: number, to: number, more: Partial<Clue> = {}): Clue {
  return {
    id: `${kind}:${creditCode}:${from}`,
    kind,
    creditCode,
    pointIds: ['P1'],
    from,
    to,
    atNight: false,
    says: {
      zh: '生产线 2# 02:15–05:30 平均 41 kW，基准 48 kW；停产令下应为 0',
      en: 'line 2# 02:15–05:30 averaged 41 kW, baseline 48 kW; 0 under a stop order',
    },
    figures: { mean_kw: 41, baseline_kw: 48 },
    rule: 'stop',
    source: '区平台帮助文本',
    items: [],
    ...more,
  };
}

const CLUES: Clue[] = [
  clue('production_during_stop', CODE_A, M('2019-12-09', '02:15'), M('2019-12-09', '05:30'), { atNight: true }),
  clue('banned_truck', CODE_B, M('2019-12-08', '23:40'), M('2019-12-09', '00:20'), {
    pointIds: [],
    rule: 'truck',
    source: '本镇预案',
    says: { zh: '苏D·12345 国四柴油车进厂', en: '苏D·12345, a China IV diesel truck, entered' },
    figures: { plate: '苏D·12345', stage: '4' },
  }),
  clue('meter_silent', CODE_A, M('2019-12-10', '08:00'), M('2019-12-10', '12:00'), { rule: 'silent' }),
];
const NAMES = new Map([
  [CODE_A, '常州某水泥有限公司'],
  [CODE_B, '金坛某化工有限公司'],
]);
const name = (code: string) => NAMES.get(code) ?? code;
const OUT = { lang: 'zh' as const, color: false, excel: false, width: undefined };

describe('the clues rendered from a hand-made check', () => {
  test('the clues of a day are those whose window touches it, one running in from the night before included', () => {
    expect(cluesOnDay(CLUES, '2019-12-09').map((c) => c.kind)).toEqual(['production_during_stop', 'banned_truck']);
    expect(cluesOnDay(CLUES, '2019-12-08').map((c) => c.kind)).toEqual(['banned_truck']);
    expect(cluesOnDay(CLUES, '2019-12-10').map((c) => c.kind)).toEqual(['meter_silent']);
    expect(cluesOnDay(CLUES, '2019-12-11')).toEqual([]);
  });

  test('the window: one date when it ends on its own day, both when it runs past midnight', () => {
    expect(windowText(M('2019-12-09', '02:15'), M('2019-12-09', '05:30'))).toBe('2019-12-09 02:15–05:30');
    expect(windowText(M('2019-12-08', '23:40'), M('2019-12-09', '00:20'))).toBe('2019-12-08 23:40–2019-12-09 00:20');
  });

  test('table: the enterprise by name, the kind and the rule in words, the source', () => {
    const text = renderClues(OUT, 'table', { clues: CLUES.slice(0, 2) }, name);
    expect(text).toContain('常州某水泥有限公司');
    expect(text).toContain('停产期间生产');
    expect(text).toContain('门禁违规车辆');
    expect(text).toContain('2019-12-09 02:15–05:30');
    expect(text).toContain('停产令下生产线用电超过开机阈值并持续');
    expect(text).toContain('区平台帮助文本');
    expect(text).not.toContain('production_during_stop');
    const en = renderClues({ ...OUT, lang: 'en' }, 'table', { clues: CLUES.slice(0, 1) }, name);
    expect(en).toContain('production during stop');
    expect(en).toContain('line 2# 02:15–05:30 averaged 41 kW');
  });

  test('csv: stable snake_case keys and values', () => {
    const rows = parse(renderClues(OUT, 'csv', { clues: CLUES }, name), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['credit_code', 'enterprise', 'kind', 'from', 'to', 'says', 'rule', 'source', 'at_night']);
    expect(rows[0]).toEqual({
      credit_code: CODE_A,
      enterprise: '常州某水泥有限公司',
      kind: 'production_during_stop',
      from: '2019-12-09 02:15',
      to: '2019-12-09 05:30',
      says: '生产线 2# 02:15–05:30 平均 41 kW，基准 48 kW；停产令下应为 0',
      rule: 'stop',
      source: '区平台帮助文本',
      at_night: 'true',
    });
    expect(rows.map((r) => r.kind)).toEqual(['production_during_stop', 'banned_truck', 'meter_silent']);
  });

  test('--excel: Chinese headers and the kind and rule in words', () => {
    const text = renderClues({ ...OUT, excel: true }, 'csv', { clues: CLUES.slice(1, 2) }, name);
    expect(text).toContain('企业名称');
    expect(text).toContain('门禁违规车辆');
    expect(text).toContain('禁行排放阶段的货车进出管控企业');
  });

  test('json: the same keys, with the id, the points and the figures', () => {
    const records = JSON.parse(renderClues(OUT, 'json', { clues: CLUES.slice(0, 2) }, name)) as Record<string, unknown>[];
    expect(records[0]).toEqual({
      id: CLUES[0]!.id,
      credit_code: CODE_A,
      enterprise: '常州某水泥有限公司',
      kind: 'production_during_stop',
      from: '2019-12-09 02:15',
      to: '2019-12-09 05:30',
      says: '生产线 2# 02:15–05:30 平均 41 kW，基准 48 kW；停产令下应为 0',
      rule: 'stop',
      source: '区平台帮助文本',
      at_night: true,
      point_ids: ['P1'],
      figures: { mean_kw: 41, baseline_kw: 48 },
    });
    expect(records[1]).toMatchObject({ kind: 'banned_truck', at_night: false, point_ids: [], figures: { plate: '苏D·12345', stage: '4' } });
  });

  test('no clue: a table with its header, an empty CSV body, an empty JSON array', () => {
    expect(JSON.parse(renderClues(OUT, 'json', { clues: [] }, name))).toEqual([]);
    expect(renderClues(OUT, 'csv', { clues: [] }, name).trim()).toBe('credit_code,enterprise,kind,from,to,says,rule,source,at_night');
  });
});

describe('what import says of each file', () => {
  const s = {
    pointId: 'P1',
    nominalMinutes: 15,
    start: Int32Array.from([M('2019-12-08', '00:00'), M('2019-12-09', '23:45')]),
    minutes: Uint16Array.from([15, 15]),
    kwh: Float64Array.from([1, 2]),
  };
  test('readings: how many, of how many points, over which dates, the layout, the value and the unit', () => {
    const said = readingsSummary({ series: new Map([['P1', s]]), layout: 'wide', value: 'cumulative', unit: 'Wh', unitBy: 'assumed' });
    expect(said.zh).toBe('读数 2 条，1 个点位，2019-12-08–2019-12-09；宽表（每行一天），累计电能，单位 Wh（表头未注明，按此假定）');
    expect(said.en).toBe('2 readings of 1 point, 2019-12-08–2019-12-09; wide (a row a day), cumulative energy, unit Wh (not in the header; assumed)');
  });
  test('the outcome: already imported, nothing new, or what was added and corrected', () => {
    const base = { fileName: 'r.csv', kind: 'readings' as const, added: 0, unchanged: 5, replaced: 0, importId: null };
    expect(outcomeWords({ ...base, alreadyAt: '2019-12-09T01:00:00.000Z' }).zh).toBe('已导入过，未改动（2019-12-09 09:00 导入）');
    expect(outcomeWords({ ...base, alreadyAt: null }).zh).toBe('5 行都已导入过，未改动');
    expect(outcomeWords({ ...base, alreadyAt: null, added: 3, replaced: 1, importId: 4 }).zh).toBe('新增 3，更正 1，5 条与已导入的相同（跳过）');
  });
});

/** A workspace with the seed's alert recorded: the checks read the alert's hours. */
function alerted(): string {
  const dir = workspace();
  expect(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir }).status).toBe(0);
  return dir;
}

describe('end to end on the sample town: import → check', () => {
  const EVIDENCE = join(SAMPLE, 'evidence');
  const files = ['readings.csv', 'gate.csv', 'points.csv'].map((f) => join(EVIDENCE, f));
  const ENV = { HAZE_NOW: '2019-12-09 18:00' };

  test('import names each file, what it held, and records it; the same files again change nothing', () => {
    const dir = alerted();
    const r = haze(['evidence', 'import', ...files], { cwd: dir, env: ENV });
    expect([r.status, r.stderr]).toEqual([0, expect.stringContaining('已记录到')]);
    expect(r.stderr).toMatch(/points\.csv：点位 \d+ 个；新增 \d+/);
    expect(r.stderr).toMatch(/readings\.csv：读数 \d+ 条，\d+ 个点位，2019-1\d-\d\d–2019-12-\d\d；/);
    expect(r.stderr).toMatch(/gate\.csv：门禁记录 \d+ 条/);
    const again = haze(['evidence', 'import', ...files], { cwd: dir, env: ENV });
    expect(again.status).toBe(0);
    expect(again.stderr.match(/已导入过，未改动/g)).toHaveLength(3);
    expect(again.stderr).not.toContain('已记录到');
  });

  test('check: clues of the alert day as table, csv and json; every kind the sample plants', () => {
    const dir = alerted();
    expect(haze(['evidence', 'import', ...files], { cwd: dir, env: ENV }).status).toBe(0);
    const json = haze(['evidence', 'check', '--date', '2019-12-09', '--format', 'json'], { cwd: dir, env: ENV });
    expect(json.status).toBe(0);
    const clues = JSON.parse(json.stdout) as { kind: string; credit_code: string; figures: object }[];
    expect(new Set(clues.map((c) => c.kind))).toEqual(
      new Set(['production_during_stop', 'limit_not_reached', 'treatment_off', 'night_use', 'meter_silent', 'banned_truck']),
    );
    const csv = haze(['evidence', 'check', '--date', '2019-12-09', '--format', 'csv'], { cwd: dir, env: ENV });
    expect(csv.stdout.split('\n')[0]).toBe('credit_code,enterprise,kind,from,to,says,rule,source,at_night');
    const table = haze(['evidence', 'check', '--date', '2019-12-09', '--wide'], { cwd: dir, env: ENV });
    expect(table.stdout).toContain('停产期间生产');
    expect(table.stderr).toMatch(/2019-12-09：\d+ 条线索/);
  });

  test('known as of now: before the day is over, later readings are not read', () => {
    const dir = alerted();
    expect(haze(['evidence', 'import', ...files], { cwd: dir, env: ENV }).status).toBe(0);
    const early = haze(['evidence', 'check', '--date', '2019-12-09', '--format', 'json'], { cwd: dir, env: { HAZE_NOW: '2019-12-09 06:00' } });
    const late = haze(['evidence', 'check', '--date', '2019-12-09', '--format', 'json'], { cwd: dir, env: ENV });
    expect(early.stderr).toContain('数据截至 2019-12-09 06:00');
    for (const c of JSON.parse(early.stdout) as { from: string }[]) expect(c.from <= '2019-12-09 06:00').toBe(true);
    expect((JSON.parse(late.stdout) as unknown[]).length).toBeGreaterThanOrEqual((JSON.parse(early.stdout) as unknown[]).length);
  });

  test('the sample town reads its files from haze.yaml without any import', () => {
    const r = haze(['evidence', 'check', '--format', 'json'], { cwd: tempDir(), env: ENV });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  test('a reading changed: refused with exit 65 and nothing written; --replace corrects it', () => {
    const dir = alerted();
    expect(haze(['evidence', 'import', ...files], { cwd: dir, env: ENV }).status).toBe(0);
    // The readings again with one value changed (the last column of the second data row).
    const lines = readFileSync(files[0]!, 'utf8').split('\n');
    const cells = lines[1]!.split(',');
    cells[cells.length - 1] = String(Number(cells[cells.length - 1]) + 7);
    lines[1] = cells.join(',');
    writeFileSync(join(dir, 'fixed.csv'), lines.join('\n'));
    const refused = haze(['evidence', 'import', 'fixed.csv', files[2]!], { cwd: dir, env: ENV });
    expect(refused.status).toBe(65);
    expect(refused.stderr).toContain('与已导入的不同');
    expect(refused.stderr).toContain('--replace');
    const replaced = haze(['evidence', 'import', 'fixed.csv', '--replace'], { cwd: dir, env: ENV });
    expect(replaced.status).toBe(0);
    expect(replaced.stderr).toMatch(/更正 \d+/);
  });

  test('a points file with an error: exit 65, and nothing of the other files is written', () => {
    const dir = alerted();
    writeFileSync(join(dir, 'bad-points.csv'), `${readFileSync(files[2]!, 'utf8').split('\n')[0]}\nP-X,,production\n`);
    const r = haze(['evidence', 'import', 'bad-points.csv', files[1]!], { cwd: dir, env: ENV });
    expect(r.status).toBe(65);
    expect(haze(['evidence', 'check', '--format', 'json'], { cwd: dir, env: ENV }).status).toBe(66);
  });
});
