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
const TEXT = '停产（除1号线外）';

describe('a stop text with an unread qualifier', () => {
  const dir = tempDir();
  const rows = csvRows(readFileSync(join(REPO, 'data/xuebu/enterprises.csv'), 'utf8'), 'enterprises.csv').map((r) => r.cells);
  const orange = rows[0]!.indexOf('橙色预警措施');
  const row = rows.find((r) => r[0] === CODE)!;
  row[orange] = TEXT;
  writeFileSync(join(dir, 'list.csv'), rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n') + '\n');
  const args = ['--list', 'list.csv'];

  test('measures: a stop, 100 %, and a warning that part of the text was not read', () => {
    const r = haze([...args, 'measures', '--level', 'orange', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const m = (JSON.parse(r.stdout) as { credit_code: string; action: string; limit_pct: number | null; measure: string; warning: string }[]).find(
      (x) => x.credit_code === CODE,
    )!;
    expect([m.action, m.limit_pct, m.measure]).toEqual(['stop', 100, TEXT]);
    expect(m.warning).toContain('措施文本有无法识别的部分：停产(除1号线外)');
  });

  test('the checklist checks the stop and shows the unread words as an item to check as written', () => {
    const r = haze([...args, 'checklist', '--date', '2019-12-08', '--level', 'orange', '--group', 'all', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const items = (parse(r.stdout, { columns: true, bom: true }) as { credit_code: string; item_id: string; item: string }[]).filter(
      (x) => x.credit_code === CODE,
    );
    expect(items.map((x) => x.item_id)).toEqual(expect.arrayContaining(['stopped', 'as_written']));
    expect(items.find((x) => x.item_id === 'as_written')!.item).toBe('按原文核查：停产(除1号线外)');
  });
});

test('a ban in the text is a check item of its own, whatever the action', () => {
  const dir = tempDir();
  const rows = csvRows(readFileSync(join(REPO, 'data/xuebu/enterprises.csv'), 'utf8'), 'enterprises.csv').map((r) => r.cells);
  const orange = rows[0]!.indexOf('橙色预警措施');
  rows.find((r) => r[0] === CODE)![orange] = '停产；禁止露天焚烧';
  writeFileSync(join(dir, 'list.csv'), rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n') + '\n');
  const r = haze(['--list', 'list.csv', 'checklist', '--date', '2019-12-08', '--level', 'orange', '--group', 'all', '--format', 'csv'], { cwd: dir });
  expect(r.status).toBe(0);
  const items = (parse(r.stdout, { columns: true, bom: true }) as { credit_code: string; item_id: string; item: string }[]).filter(
    (x) => x.credit_code === CODE,
  );
  expect(items.find((x) => x.item_id === 'ban_1')?.item).toBe('禁止露天焚烧（按企业措施）');
  expect(items.some((x) => x.item_id === 'as_written')).toBe(false);
});
