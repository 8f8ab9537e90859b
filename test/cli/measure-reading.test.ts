/**
 * Never weaker than written, end to end: a stop with a qualifier haze cannot read is planned and checked as a
 * stop, and the words it could not read reach the inspector as a check item in their own words.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvRows } from '../../src/io/read/csvTable.js';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

const CODE = '91320413MA246610XJ';
const TEXT = '停产（待镇政府通知后方可复产）';
const READ = '停产(待镇政府通知后方可复产)';

/** The sample town's list in a fresh folder, with orange-level measure cells changed by `change`. */
function listWith(change: (rows: string[][], orange: number) => void): string {
  const dir = tempDir();
  const rows = csvRows(readFileSync(join(REPO, 'data/xuebu/enterprises.csv'), 'utf8'), 'enterprises.csv').map((r) => r.cells);
  change(rows, rows[0]!.indexOf('橙色预警措施'));
  writeFileSync(join(dir, 'list.csv'), rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n') + '\n');
  return dir;
}

describe('a stop text with an unread qualifier', () => {
  const dir = listWith((rows, orange) => (rows.find((r) => r[0] === CODE)![orange] = TEXT));
  const args = ['--list', 'list.csv'];

  test('measures: a stop, 100 %, and a warning that part of the text was not read', () => {
    const r = haze([...args, 'measures', '--level', 'orange', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const m = (JSON.parse(r.stdout) as { credit_code: string; action: string; limit_pct: number | null; measure: string; warning: string }[]).find(
      (x) => x.credit_code === CODE,
    )!;
    expect([m.action, m.limit_pct, m.measure]).toEqual(['stop', 100, TEXT]);
    expect(m.warning).toContain(`措施文本有无法逐句识别的部分：${READ}`);
  });

  test('the checklist checks the stop and shows the unread words as an item to check as written', () => {
    const r = haze([...args, 'checklist', '--date', '2019-12-08', '--level', 'orange', '--group', 'all', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const items = (parse(r.stdout, { columns: true, bom: true }) as { credit_code: string; item_id: string; item: string }[]).filter(
      (x) => x.credit_code === CODE,
    );
    expect(items.map((x) => x.item_id)).toEqual(expect.arrayContaining(['stopped', 'as_written']));
    expect(items.find((x) => x.item_id === 'as_written')!.item).toBe(`按原文核查：${READ}`);
  });
});

test('a stop that keeps a line running is planned as the partial stop it is', () => {
  const dir = listWith((rows, orange) => (rows.find((r) => r[0] === CODE)![orange] = '停产（除1号线外）'));
  const r = haze(['--list', 'list.csv', 'measures', '--level', 'orange', '--explain', '--format', 'json'], { cwd: dir });
  expect(r.status).toBe(0);
  const m = (JSON.parse(r.stdout) as { credit_code: string; action: string; because: { action: { by: string; rule: string | null } } }[]).find(
    (x) => x.credit_code === CODE,
  )!;
  expect([m.action, m.because.action.by, m.because.action.rule]).toEqual(['stop_part', 'whole_text', 'kept_production']);
});

test('a ban in the text is a check item of its own, whatever the action', () => {
  const dir = listWith((rows, orange) => (rows.find((r) => r[0] === CODE)![orange] = '停产；禁止露天焚烧'));
  const r = haze(['--list', 'list.csv', 'checklist', '--date', '2019-12-08', '--level', 'orange', '--group', 'all', '--format', 'csv'], { cwd: dir });
  expect(r.status).toBe(0);
  const items = (parse(r.stdout, { columns: true, bom: true }) as { credit_code: string; item_id: string; item: string }[]).filter(
    (x) => x.credit_code === CODE,
  );
  expect(items.find((x) => x.item_id === 'ban_1')?.item).toBe('禁止露天焚烧（按企业措施）');
  expect(items.some((x) => x.item_id === 'as_written')).toBe(false);
});

describe('measures --explain: which words or rule gave each part', () => {
  let [ruled, whole]: string[][] = [];
  const dir = listWith((rows, orange) => {
    const grade = rows[0]!.indexOf('绩效等级');
    rows.find((r) => r[0] === CODE)![orange] = TEXT;
    // An enterprise whose cell is empty: the rule for its grade decides.
    ruled = rows.find((r, i) => i > 0 && r[0] !== CODE && r[grade] === 'D')!;
    ruled[orange] = '';
    // An enterprise whose text is read as a whole: the kiln firing is the brick plant's core process.
    whole = rows.find((r, i) => i > 0 && r[0] !== CODE && r !== ruled)!;
    whole[orange] = '砖厂停止轮窑焙烧';
  });

  test('CSV: the words of the text, the unread words, or the rule', () => {
    const r = haze(['--list', 'list.csv', 'measures', '--level', 'orange', '--explain', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const out = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
    const own = out.find((x) => x.credit_code === CODE)!;
    expect([own.because_action, own.because_share]).toEqual([`未识别部分「${READ}」中的用词`, `未识别部分「${READ}」中的用词`]);
    const read = out.find((x) => x.credit_code === whole![0])!;
    expect([read.action, read.because_action]).toEqual(['stop', '全文（core_process）：停止的是该类企业的主体工序，按停产']);
    const byRule = out.find((x) => x.credit_code === ruled![0])!;
    expect(byRule.source).not.toBe('enterprise');
    expect(byRule.because_action).toBe(`规则 ${byRule.source}`);
    // Without --explain the columns are as before.
    const plain = haze(['--list', 'list.csv', 'measures', '--level', 'orange', '--format', 'csv'], { cwd: dir });
    expect(plain.stdout.split('\n')[0]).toBe('credit_code,name,village,industry,grade,level,action,limit_pct,truck_ban,measure,source,extra,warning');
  });

  test('JSON: a because object per enterprise, in English keys', () => {
    const r = haze(['--list', 'list.csv', 'measures', '--level', 'orange', '--explain', '--format', 'json', '--lang', 'en'], { cwd: dir });
    const out = JSON.parse(r.stdout) as {
      credit_code: string;
      truck_ban: boolean;
      because: Record<string, { by: string; words: string | null; rule: string | null }>;
    }[];
    const own = out.find((x) => x.credit_code === CODE)!;
    expect(own.because.action).toEqual({ by: 'unread', words: READ, rule: null });
    expect(out.find((x) => x.credit_code === whole![0])!.because.action).toEqual({ by: 'whole_text', words: '砖厂停止轮窑焙烧', rule: 'core_process' });
    // Every truck ban says where it came from: the text, a rule, or a cross-cutting measure.
    for (const x of out.filter((y) => y.truck_ban)) expect(['text', 'unread', 'rule', 'cross_cutting']).toContain(x.because.truck_ban!.by);
    expect(out.some((x) => x.because.truck_ban!.by === 'cross_cutting')).toBe(true);
  });
});
