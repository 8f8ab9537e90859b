/**
 * Evidence end to end on the sample town (issue 16): the power and gate records imported, the clues they give,
 * the plan they move, the checklist items they add, the record that confirms or refutes them, and the report
 * that counts them. The sample's planted breakers are listed in data/xuebu/evidence/README.md.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string> & { item_id: string; reason: string; credit_code: string; item: string };
const SAMPLE = join(REPO, 'data/xuebu');
const FILES = ['points.csv', 'readings.csv', 'gate.csv'].map((f) => join(SAMPLE, 'evidence', f));
const csv = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];
const MORNING = { HAZE_NOW: '2019-12-09 08:00' };
/** Planted: a stop plant that ran all night (README #1), and a meter silent for five hours (#10). */
const NIGHT_RUNNER = '91320413MAL5M70X9A';
const SILENT_METER = '91320413MA5P732G9G';

function workspace(): string {
  const dir = tempDir();
  copyFileSync(join(SAMPLE, 'enterprises.csv'), join(dir, 'enterprises.csv'));
  copyFileSync(join(SAMPLE, 'groups.yaml'), join(dir, 'groups.yaml'));
  writeFileSync(join(dir, 'haze.yaml'), 'list: enterprises.csv\ngroups: groups.yaml\n');
  const issued = haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir });
  expect(issued.status).toBe(0);
  return dir;
}

describe('import → check → plan → checklist → record → report', () => {
  const dir = workspace();
  const imported = haze(['evidence', 'import', ...FILES], { cwd: dir, env: MORNING });

  test('the three files are imported', () => {
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain('已记录到');
  });

  test('the clues known on the morning of the 9th include the night runner and the silent meter', () => {
    const r = haze(['evidence', 'check', '--date', '2019-12-09', '--format', 'json'], { cwd: dir, env: MORNING });
    expect(r.status).toBe(0);
    const clues = JSON.parse(r.stdout) as { kind: string; credit_code: string }[];
    expect(clues).toContainEqual(expect.objectContaining({ kind: 'production_during_stop', credit_code: NIGHT_RUNNER }));
    expect(clues).toContainEqual(expect.objectContaining({ kind: 'meter_silent', credit_code: SILENT_METER }));
  });

  test("a clue's chart as an SVG file on request; a gate clue has none", () => {
    const clues = JSON.parse(haze(['evidence', 'check', '--date', '2019-12-09', '--format', 'json'], { cwd: dir, env: MORNING }).stdout) as {
      id: string;
      kind: string;
      credit_code: string;
    }[];
    const stop = clues.find((c) => c.kind === 'production_during_stop' && c.credit_code === NIGHT_RUNNER)!;
    const r = haze(['evidence', 'chart', stop.id, '-o', 'clue.svg'], { cwd: dir, env: MORNING });
    expect(r.status).toBe(0);
    const svg = readFileSync(join(dir, 'clue.svg'), 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('停产令下应为 0');
    const gate = clues.find((c) => c.kind === 'banned_truck');
    if (gate) expect(haze(['evidence', 'chart', gate.id], { cwd: dir, env: MORNING }).status).toBe(64);
    expect(haze(['evidence', 'chart', 'no-such-clue'], { cwd: dir, env: MORNING }).status).toBe(64);
  });

  test('the plan ranks by them: the clue is its own reason, a silent meter only data missing', () => {
    const r = haze(['plan', '--date', '2019-12-09', '--days', '1', '--format', 'csv'], { cwd: dir, env: MORNING });
    expect(r.status).toBe(0);
    const rows = csv(r.stdout);
    expect(rows.find((x) => x.credit_code === NIGHT_RUNNER)?.reason.split(';')[0]).toBe('evidence_clue');
    expect(rows.find((x) => x.credit_code === SILENT_METER)?.reason.split(';')).toContain('data_missing');
    expect(rows.find((x) => x.credit_code === SILENT_METER)?.reason.split(';')).not.toContain('evidence_clue');
  });

  const items = csv(haze(['checklist', '--date', '2019-12-09', '--group', 'all', '--format', 'csv'], { cwd: dir, env: MORNING }).stdout);

  test('the checklist carries each clue as items in plain words', () => {
    const runner = items.filter((x) => x.credit_code === NIGHT_RUNNER && x.item_id.startsWith('clue_'));
    expect(runner.length).toBeGreaterThan(0);
    expect(runner.map((x) => x.item).join('\n')).toMatch(/核查/);
    expect(items.some((x) => x.credit_code === SILENT_METER && x.item_id.startsWith('clue_'))).toBe(true);
  });

  test('record confirms one clue and refutes the other with its cause; the report counts both', () => {
    const filled = items.map((x) => {
      if (x.item_id.startsWith('clue_') && x.credit_code === NIGHT_RUNNER) return { ...x, result: 'violation', note: '现场发现夜间生产' };
      if (x.item_id.startsWith('clue_') && x.credit_code === SILENT_METER) return { ...x, result: 'ok', note: '电表故障，已报修' };
      return { ...x, result: 'ok', note: '' };
    });
    writeFileSync(join(dir, 'day.csv'), stringify(filled, { header: true, columns: Object.keys(filled[0]!) }));
    const rec = haze(['record', 'day.csv', '--inspectors', '王建国', '--checked-at', '2019-12-09 16:00'], { cwd: dir, env: MORNING });
    expect([rec.status, rec.stderr]).toEqual([0, expect.any(String)]);

    const report = haze(['report', '--date', '2019-12-09', '--format', 'json'], { cwd: dir, env: { HAZE_NOW: '2019-12-09 18:00' } });
    expect(report.status).toBe(0);
    const json = JSON.parse(report.stdout) as {
      clues: { credit_code: string; kind: string; status: string; cause: string }[];
      clue_tally: { by: string; key: string; raised: number; confirmed: number; refuted: number; refuted_meter_fault: number }[];
    };
    expect(json.clues).toContainEqual(expect.objectContaining({ credit_code: NIGHT_RUNNER, kind: 'production_during_stop', status: 'confirmed' }));
    expect(json.clues).toContainEqual(expect.objectContaining({ credit_code: SILENT_METER, kind: 'meter_silent', status: 'refuted', cause: 'meter_fault' }));
    const silent = json.clue_tally.find((t) => t.by === 'kind' && t.key === 'meter_silent')!;
    expect(silent.refuted_meter_fault).toBeGreaterThanOrEqual(1);
    const stop = json.clue_tally.find((t) => t.by === 'kind' && t.key === 'production_during_stop')!;
    expect(stop.confirmed).toBeGreaterThanOrEqual(1);
    expect(stop.raised).toBeGreaterThanOrEqual(stop.confirmed + stop.refuted);
  });

  test('a checked clue no longer raises the next day: confirmed, it is the violation on the last visit', () => {
    const r = haze(['plan', '--date', '2019-12-10', '--days', '1', '--format', 'csv'], { cwd: dir, env: { HAZE_NOW: '2019-12-10 08:00' } });
    expect(r.status).toBe(0);
    const runner = csv(r.stdout).find((x) => x.credit_code === NIGHT_RUNNER);
    expect(runner?.reason.split(';')[0]).toBe('violation_last_visit');
  });
});

describe('a plan of record is not changed silently by new clues', () => {
  test('the day printed before the evidence came says which new clues concern it and what --replan would do', () => {
    const dir = workspace();
    expect(haze(['checklist', '--date', '2019-12-09', '--group', 'all', '--format', 'csv'], { cwd: dir, env: MORNING }).status).toBe(0);
    expect(haze(['evidence', 'import', ...FILES], { cwd: dir, env: MORNING }).status).toBe(0);
    const again = haze(['plan', '--date', '2019-12-09', '--days', '1', '--format', 'csv'], { cwd: dir, env: MORNING });
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/有 \d+ 条新的用电或门禁线索/);
    expect(again.stderr).toContain('新线索涉及的企业');
    expect(again.stderr).toContain('常州市金坛区天晟化工有限公司');
    expect(again.stderr).toContain('--replan');
    // The plan itself is the one printed: the clue's reason is not in it until a replan.
    expect(csv(again.stdout).find((x) => x.credit_code === NIGHT_RUNNER)?.reason ?? '').not.toContain('evidence_clue');
    const replanned = haze(['plan', '--date', '2019-12-09', '--days', '1', '--replan', '--format', 'csv'], { cwd: dir, env: MORNING });
    expect(replanned.status).toBe(0);
    expect(
      csv(replanned.stdout)
        .find((x) => x.credit_code === NIGHT_RUNNER)
        ?.reason.split(';')[0],
    ).toBe('evidence_clue');
  });
});
