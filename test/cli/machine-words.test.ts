/**
 * No value in CSV or JSON that common tools read as missing (issue 15, item 2): csvkit reads the action `none`
 * as NULL, so haze writes `no_measure` (and `no_rule`, `nothing` for a source and a reason). Every string of
 * every machine output of the sample town is checked; a store written before with `none` still reads.
 */
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { haze, tempDir } from '../helpers/runHaze.js';
import { readAsMissing } from '../helpers/readAsMissing.js';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];
// In the day's working hours: at 18:00 the day's routes (and so its checklist) would be over.
const ENV = { HAZE_NOW: '2019-12-08 09:00' };

/** Every string in a JSON value, with the path to it. */
function strings(v: unknown, at = '$'): [string, string][] {
  if (typeof v === 'string') return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${at}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${at}.${k}`));
  return [];
}

describe('machine formats: no value read as missing', () => {
  // Yellow: the level at which the sample town has enterprises with no production measure.
  const dir = tempDir();
  const run = (args: string[]) => haze(args, { cwd: dir, env: ENV });
  expect(run(['alert', 'issue', 'yellow', '--at', '2019-12-08 08:00']).status).toBe(0);

  test('measures: the action with no production measure is no_measure, never none', () => {
    const rows = csv(run(['measures', '--format', 'csv']).stdout);
    const actions = new Set(rows.map((r) => r.action));
    expect(actions.has('no_measure')).toBe(true);
    expect(actions.has('none')).toBe(false);
    const json = JSON.parse(run(['measures', '--format', 'json']).stdout) as { action: string }[];
    expect(json.filter((m) => m.action === 'no_measure').length).toBe(rows.filter((r) => r.action === 'no_measure').length);
    expect(json.some((m) => m.action === 'none')).toBe(false);
  });

  const outputs: [string, string[]][] = [
    ['csv', ['measures', '--format', 'csv']],
    ['csv', ['measures', '--explain', '--format', 'csv']],
    ['json', ['measures', '--explain', '--format', 'json']],
    ['json', ['measures', '--summary', '--format', 'json']],
    ['csv', ['plan', '--date', '2019-12-08', '--days', '2', '--format', 'csv']],
    ['json', ['plan', '--date', '2019-12-08', '--days', '2', '--format', 'json']],
    ['json', ['plan', '--date', '2019-12-08', '--days', '2', '--format', 'geojson']],
    ['csv', ['checklist', '--date', '2019-12-08', '--group', 'all', '--format', 'csv']],
    ['json', ['report', '--format', 'json']],
    ['csv', ['notify', '--format', 'csv']],
    ['json', ['notify', '--format', 'json']],
    ['json', ['validate', '--format', 'json']],
    ['json', ['alert', 'history', '--format', 'json']],
    ['json', ['alert', 'status', '--format', 'json']],
  ];
  test.each(outputs.map(([kind, args]) => [args.join(' '), kind, args] as const))('%s', (_name, kind, args) => {
    const r = run(args);
    expect(r.status).toBe(0);
    const values: [string, string][] =
      kind === 'csv'
        ? csv(r.stdout).flatMap((row, i) => Object.entries(row).map(([k, v]): [string, string] => [`${i + 2}:${k}`, v]))
        : strings(JSON.parse(r.stdout));
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter(([, v]) => readAsMissing(v))).toEqual([]);
  });

  test('measures --explain: what gave nothing is `nothing`', () => {
    const json = JSON.parse(run(['measures', '--explain', '--format', 'json']).stdout) as { because: Record<string, { by: string }> }[];
    const by = new Set(json.flatMap((m) => Object.values(m.because).map((b) => b.by)));
    expect(by.has('nothing')).toBe(true);
    expect(by.has('none')).toBe(false);
  });
});

test('a store written before no_measure (a visit stored as none) still reads, and is written out as no_measure', () => {
  const dir = tempDir();
  const run = (args: string[]) => haze(args, { cwd: dir, env: ENV });
  expect(run(['alert', 'issue', 'orange', '--at', '2019-12-08 08:00']).status).toBe(0);
  const first = csv(run(['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv']).stdout);
  const db = new Database(join(dir, 'haze.db'));
  const stored = db.prepare('SELECT DISTINCT action FROM planned_visits').all() as { action: string }[];
  expect(stored.every((s) => ['stop', 'stop_part', 'limit'].includes(s.action))).toBe(true);
  db.prepare("UPDATE planned_visits SET action = 'none' WHERE group_id = '1' AND seq = 1").run();
  db.close();
  // The printed day is the plan of record: read back from the store with the old word in it.
  const again = run(['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv']);
  expect(again.status).toBe(0);
  const rows = csv(again.stdout);
  expect(rows.map((r) => r.credit_code)).toEqual(first.map((r) => r.credit_code));
  expect(rows.find((r) => r.group === '1' && r.seq === '1')!.action).toBe('no_measure');
  expect(rows.filter((r) => r.action === 'none')).toEqual([]);
  const table = run(['plan', '--date', '2019-12-08', '--days', '1']);
  expect(table.stdout).toContain('无措施');
});
