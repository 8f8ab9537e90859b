import { spawn } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { HAZE, haze, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];
const write = (file: string, rows: Row[]) => writeFileSync(file, stringify(rows, { header: true, columns: Object.keys(rows[0]!) }));
const count = (dir: string, sql: string): number => {
  const db = new Database(join(dir, 'haze.db'), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};
const REC = ['--inspectors', '王建国,李明', '--checked-at', '2019-12-08 16:00'];

/** A filled-in checklist for 2019-12-08: every 5th item a violation, the rest ok. */
function filledChecklist(dir: string, group = 'all'): Row[] {
  const r = haze(['checklist', '--date', '2019-12-08', '--group', group, '--format', 'csv'], { cwd: dir });
  expect(r.status).toBe(0);
  return csv(r.stdout).map((row, i) => ({ ...row, result: i % 5 === 0 ? 'violation' : 'ok', note: i % 5 === 0 ? '现场发现设备运行' : '' }));
}

describe('haze record: filled-in checklists into the store', () => {
  const dir = tempDir();
  const rows = filledChecklist(dir);
  write(join(dir, 'day1.csv'), rows);
  const visits = new Set(rows.map((r) => `${r.group}/${r.credit_code}`)).size;

  test('a filled-in checklist is recorded whole', () => {
    const r = haze(['record', 'day1.csv', ...REC], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${visits} 次检查，${rows.length} 个新结果`);
    expect(count(dir, 'SELECT count(*) AS n FROM inspections')).toBe(visits);
    expect(count(dir, 'SELECT count(*) AS n FROM results')).toBe(rows.length);
    expect(count(dir, "SELECT count(*) AS n FROM results WHERE result = 'violation'")).toBe(rows.filter((x) => x.result === 'violation').length);
  });

  test('the same file twice records nothing new, and says so', () => {
    const r = haze(['record', 'day1.csv', ...REC], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('导入过：没有新内容');
    expect(count(dir, 'SELECT count(*) AS n FROM results')).toBe(rows.length);
  });

  test('a file that changes a recorded result is refused whole without --replace', () => {
    const changed = rows.map((x, i) => (i === 1 ? { ...x, result: 'violation', note: '复核发现' } : i === 7 ? { ...x, note: '补充说明' } : x));
    write(join(dir, 'changed.csv'), changed);
    const r = haze(['record', 'changed.csv', ...REC], { cwd: dir });
    expect(r.status).toBe(65);
    expect(r.stderr).toMatch(/changed\.csv:3: 与已记录的结果不同/);
    expect(r.stderr).toContain('2 个结果与已记录的不同，整个文件未导入');
    expect(count(dir, 'SELECT count(*) AS n FROM results')).toBe(rows.length);
    expect(count(dir, 'SELECT count(*) AS n FROM imports')).toBe(1);
  });

  test('--replace corrects it and keeps the old result in the history', () => {
    const r = haze(['record', 'changed.csv', '--replace', ...REC], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('2 个更正');
    expect(count(dir, 'SELECT count(*) AS n FROM results WHERE superseded_by IS NULL')).toBe(rows.length);
    expect(count(dir, 'SELECT count(*) AS n FROM results WHERE superseded_by IS NOT NULL')).toBe(2);
  });

  test("the next day's plan re-checks the enterprises with a violation first", () => {
    const r = haze(['plan', '--date', '2019-12-09', '--days', '1', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const plan = csv(r.stdout);
    const violators = new Set(
      csv(readFileSync(join(dir, 'changed.csv'), 'utf8'))
        .filter((x) => x.result === 'violation')
        .map((x) => x.credit_code),
    );
    const rechecked = plan.filter((v) => v.reason!.startsWith('violation_last_visit'));
    expect(new Set(rechecked.map((v) => v.credit_code))).toEqual(violators);
    for (const v of rechecked) expect(v.reason).toContain('recheck');
  });
});

describe('every problem is reported, with file, row and column, and nothing is written', () => {
  const dir = tempDir();
  const rows = filledChecklist(dir, '1');
  const bad = rows.map((r) => ({ ...r }));
  bad[0]!.credit_code = '91320413XXXXXXXXX0';
  bad[1]!.item_id = 'no_such_item';
  bad[2]!.result = '还行';
  bad[3]!.date = '2019-12-07';
  bad[5] = { ...bad[4]! };
  write(join(dir, 'bad.csv'), bad);

  test('exit 65, each problem named, no store touched', () => {
    const r = haze(['record', 'bad.csv', '--inspectors', '王建国'], { cwd: dir });
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.csv:2:credit_code: 错误 HAZE_RECORD_ENTERPRISE/);
    expect(r.stderr).toMatch(/bad\.csv:3:item_id: 错误 HAZE_RECORD_ITEM/);
    expect(r.stderr).toMatch(/bad\.csv:4:result: 错误 HAZE_RECORD_RESULT.*还行/);
    expect(r.stderr).toMatch(/bad\.csv:5:date: 错误 HAZE_RECORD_OUTSIDE_ALERT.*早于预警开始/);
    expect(r.stderr).toMatch(/bad\.csv:7:item_id: 错误 HAZE_RECORD_DUPLICATE: 与第 6 行重复/);
    expect(r.stderr).toContain('整个文件未导入');
    expect(() => readFileSync(join(dir, 'haze.db'))).toThrow();
  });

  test('who inspected is required', () => {
    write(
      join(dir, 'nobody.csv'),
      rows.map((r) => ({ ...r, result: 'ok' })),
    );
    const r = haze(['record', 'nobody.csv'], { cwd: dir });
    expect(r.status).toBe(65);
    expect(r.stderr).toContain('HAZE_RECORD_INSPECTORS');
  });

  test('an unplanned check is recorded with a warning', () => {
    const other = haze(['measures', '--format', 'csv'], { cwd: dir });
    const planned = new Set(rows.map((r) => r.credit_code));
    const group1Villages = new Set(
      csv(haze(['plan', '--date', '2019-12-08', '--format', 'csv'], { cwd: dir }).stdout)
        .filter((v) => v.group === '1')
        .map((v) => v.village),
    );
    const stray = csv(other.stdout).find((m) => !planned.has(m.credit_code) && group1Villages.has(m.village))!;
    write(join(dir, 'unplanned.csv'), [
      {
        date: '2019-12-08',
        group: '1',
        seq: '',
        credit_code: stray.credit_code!,
        name: stray.name!,
        item_id: 'board',
        item: '',
        result: '合格',
        note: '',
        inspectors: '王建国',
        checked_at: '2019-12-08 17:00',
      },
    ]);
    const r = haze(['record', 'unplanned.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('HAZE_RECORD_UNPLANNED');
    expect(r.stderr).toContain('1 次检查，1 个新结果');
  });
});

describe('Excel round trip: Chinese headers and results, .xlsx', () => {
  test('the --excel checklist filled with 合格/不合格/不适用 and saved as .xlsx', async () => {
    const dir = tempDir();
    const r = haze(['checklist', '--date', '2019-12-08', '--group', '2', '--format', 'csv', '--excel'], { cwd: dir });
    const rows = csv(r.stdout);
    expect(Object.keys(rows[0]!)).toContain('结果（合格/不合格/不适用）');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('检查结果');
    ws.addRow(['薛埠镇第二巡查组检查结果']); // a title row above the header, as offices do
    const header = [...Object.keys(rows[0]!), '检查人', '检查时间'];
    ws.addRow(header);
    rows.forEach((row, i) =>
      ws.addRow([...Object.values({ ...row, '结果（合格/不合格/不适用）': ['合格', '不合格', '不适用'][i % 3]! }), '虞卫国', '2019-12-08 15:30']),
    );
    await wb.xlsx.writeFile(join(dir, '结果.xlsx'));
    const rec = haze(['record', '结果.xlsx'], { cwd: dir });
    expect(rec.status).toBe(0);
    expect(count(dir, "SELECT count(*) AS n FROM results WHERE result = 'na'")).toBe(rows.filter((_, i) => i % 3 === 2).length);
    expect(count(dir, "SELECT count(*) AS n FROM inspections WHERE inspectors = '虞卫国' AND checked_at = '2019-12-08 15:30'")).toBe(
      new Set(rows.map((x) => x['统一社会信用代码'])).size,
    );
  });
});

describe('crash safety and concurrency', () => {
  test('an import killed halfway (SIGKILL) leaves the store as before, and a re-run completes', async () => {
    const dir = tempDir();
    const rows = filledChecklist(dir);
    write(
      join(dir, 'a.csv'),
      rows.filter((r) => r.group === '1'),
    );
    write(
      join(dir, 'b.csv'),
      rows.filter((r) => r.group !== '1'),
    );
    expect(haze(['record', 'a.csv', ...REC], { cwd: dir }).status).toBe(0);
    const before = count(dir, 'SELECT count(*) AS n FROM results');

    const child = spawn(process.execPath, [HAZE, 'record', 'b.csv', ...REC], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HAZE_TEST_HOLD_IMPORT: '1' },
    });
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('HAZE_TEST_HOLD')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`exited before the hold: ${err}`)));
    });
    await new Promise((resolve) => child.on('exit', resolve));

    expect(count(dir, 'SELECT count(*) AS n FROM results')).toBe(before);
    expect(count(dir, 'SELECT count(*) AS n FROM imports')).toBe(1);
    const again = haze(['record', 'b.csv', ...REC], { cwd: dir });
    expect(again.status).toBe(0);
    expect(count(dir, 'SELECT count(*) AS n FROM results')).toBe(rows.length);
  });

  test('three imports at once from three processes keep every row exactly once', async () => {
    const dir = tempDir();
    const rows = filledChecklist(dir);
    for (const g of ['1', '2', '3'])
      write(
        join(dir, `g${g}.csv`),
        rows.filter((r) => r.group === g),
      );
    // No store yet: the three also race to create it and run its migrations.
    const runs = ['1', '2', '3'].map(
      (g) =>
        new Promise<number | null>((resolve) => {
          const c = spawn(process.execPath, [HAZE, 'record', `g${g}.csv`, ...REC], { cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
          c.on('exit', (code) => resolve(code));
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0]);
    expect(count(dir, 'SELECT count(*) AS n FROM results')).toBe(rows.length);
    expect(count(dir, 'SELECT count(*) AS n FROM (SELECT inspection_id, item_id FROM results GROUP BY 1, 2)')).toBe(rows.length);
    expect(count(dir, 'SELECT count(*) AS n FROM imports')).toBe(3);
  });
});

describe('plans as printed', () => {
  test('a checklist printed later matches the route sheet handed out, even after new records', () => {
    const dir = tempDir();
    write(
      join(dir, 'day1.csv'),
      filledChecklist(dir).map((r) => ({ ...r, result: 'ok', note: '' })),
    );
    expect(haze(['record', 'day1.csv', ...REC], { cwd: dir }).status).toBe(0);
    const printed = csv(haze(['plan', '--date', '2019-12-09', '--days', '1', '--format', 'csv'], { cwd: dir }).stdout).filter((v) => v.group === '1');
    // Evening: an unplanned check of another group-1 enterprise finds a violation.
    const visitedDay1 = new Set(csv(readFileSync(join(dir, 'day1.csv'), 'utf8')).map((r) => r.credit_code));
    const villages = new Set(printed.map((v) => v.village));
    const measures = csv(haze(['measures', '--format', 'csv'], { cwd: dir }).stdout);
    const stray = measures.find((m) => villages.has(m.village) && !visitedDay1.has(m.credit_code!) && !printed.some((v) => v.credit_code === m.credit_code))!;
    write(join(dir, 'late.csv'), [
      {
        date: '2019-12-08',
        group: '1',
        seq: '',
        credit_code: stray.credit_code!,
        name: stray.name!,
        item_id: 'board',
        item: '',
        result: '不合格',
        note: '未公示',
        inspectors: '王建国',
        checked_at: '2019-12-08 17:20',
      },
    ]);
    expect(haze(['record', 'late.csv'], { cwd: dir }).status).toBe(0);

    const sheet = csv(haze(['checklist', '--date', '2019-12-09', '--group', '1', '--format', 'csv'], { cwd: dir }).stdout);
    expect([...new Set(sheet.map((i) => i.credit_code))]).toEqual(printed.map((v) => v.credit_code));
    // The plan of record stands, and says what has changed; --replan takes the new violation into account.
    const again = haze(['plan', '--date', '2019-12-09', '--days', '1', '--format', 'csv'], { cwd: dir });
    expect(
      csv(again.stdout)
        .filter((v) => v.group === '1')
        .map((v) => v.credit_code),
    ).toEqual(printed.map((v) => v.credit_code));
    expect(again.stderr).toContain('1 家企业新记有违规');
    const replanned = csv(haze(['plan', '--date', '2019-12-09', '--days', '1', '--replan', '--format', 'csv'], { cwd: dir }).stdout).filter(
      (v) => v.group === '1',
    );
    expect(replanned.find((v) => v.credit_code === stray.credit_code)?.reason).toMatch(/^violation_last_visit/);
  });
});

describe('haze record --interactive', () => {
  test("walks one visit's items, then saves them as one record", () => {
    const dir = tempDir();
    const items = csv(haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: dir }).stdout).filter((r) => r.seq === '1');
    const answers = ['2', '公示牌未更新', ...items.slice(1).map(() => '1'), '王建国,李明', '2019-12-08 14:30', 'y'].join('\n') + '\n';
    const r = haze(['record', '--interactive', '--date', '2019-12-08', '--group', '1', '--seq', '1'], { cwd: dir, input: answers });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`[1/${items.length}] ${items[0]!.item}`);
    expect(r.stderr).toContain(`1 次检查，${items.length} 个新结果`);
    expect(count(dir, "SELECT count(*) AS n FROM results WHERE result = 'violation' AND note = '公示牌未更新'")).toBe(1);
    expect(
      count(
        dir,
        `SELECT count(*) AS n FROM inspections WHERE credit_code = '${items[0]!.credit_code}' AND inspectors = '王建国,李明' AND checked_at = '2019-12-08 14:30'`,
      ),
    ).toBe(1);
  });

  test('answering no saves nothing', () => {
    const dir = tempDir();
    const n = csv(haze(['checklist', '--date', '2019-12-08', '--group', '2', '--format', 'csv'], { cwd: dir }).stdout).filter((r) => r.seq === '2').length;
    const answers = [...Array.from({ length: n }, () => '1'), '虞卫国', '', 'n'].join('\n') + '\n';
    const r = haze(['record', '--interactive', '--date', '2019-12-08', '--group', '2', '--seq', '2'], {
      cwd: dir,
      input: answers,
      env: { HAZE_NOW: '2019-12-08 15:00' },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('未保存');
    expect(() => readFileSync(join(dir, 'haze.db'))).toThrow();
  });
});

describe('the checklist shows what the records say', () => {
  test("the last inspection and open findings appear on the next visit's sheet", () => {
    const dir = tempDir();
    const rows = filledChecklist(dir, '1');
    write(join(dir, 'day1.csv'), rows);
    expect(haze(['record', 'day1.csv', ...REC], { cwd: dir }).status).toBe(0);
    const plan = csv(haze(['plan', '--date', '2019-12-09', '--days', '1', '--format', 'csv'], { cwd: dir }).stdout);
    const again = plan.find((v) => v.group === '1' && v.reason!.startsWith('violation_last_visit'))!;
    const wrong = rows.filter((r) => r.credit_code === again.credit_code && r.result === 'violation').map((r) => r.item);
    const text = haze(['checklist', '--date', '2019-12-09', '--group', '1'], { cwd: dir }).stdout;
    const block = text.split(/\n(?=\d+\. )/).find((b) => b.includes(again.credit_code!))!;
    expect(block).toContain(`上次检查：2019-12-08 不合格：${wrong.join('；')}`);
    expect(block).toContain('未整改的省级暗查问题：无');
  });
});

describe('record --replace back to an earlier file', () => {
  const dir = tempDir();
  // One violation in the whole file, then a correction that says it was ok after all.
  const rows: Row[] = filledChecklist(dir, '1').map((r, i) => ({ ...r, result: i === 0 ? 'violation' : 'ok', note: i === 0 ? '公示牌未更新' : '' }));
  write(join(dir, 'f.csv'), rows);
  write(
    join(dir, 'corrected.csv'),
    rows.map((r) => ({ ...r, result: 'ok', note: '' })),
  );
  const violations = () => {
    const r = haze(['report', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    return (JSON.parse(r.stdout) as { violations: Row[] }).violations.map((v) => [v.credit_code, v.item_id, v.note]);
  };

  test('f.csv → --replace corrected.csv → --replace f.csv: the report shows the violation again', () => {
    expect(haze(['record', 'f.csv', ...REC], { cwd: dir }).status).toBe(0);
    expect(violations()).toEqual([[rows[0]!.credit_code, rows[0]!.item_id, '公示牌未更新']]);
    const corrected = haze(['record', 'corrected.csv', '--replace', ...REC], { cwd: dir });
    expect(corrected.status).toBe(0);
    expect(corrected.stderr).toContain('1 个更正');
    expect(violations()).toEqual([]);
    // f.csv was imported before, but the store no longer says what it says: not "already imported".
    const back = haze(['record', 'f.csv', '--replace', ...REC], { cwd: dir });
    expect(back.status).toBe(0);
    expect(back.stderr).not.toContain('导入过');
    expect(back.stderr).toContain('1 个更正');
    expect(violations()).toEqual([[rows[0]!.credit_code, rows[0]!.item_id, '公示牌未更新']]);
    // Both earlier states of the item are in the history.
    expect(
      count(
        dir,
        `SELECT count(*) AS n FROM results WHERE item_id = '${rows[0]!.item_id}' AND superseded_by IS NOT NULL AND inspection_id = (SELECT id FROM inspections WHERE credit_code = '${rows[0]!.credit_code}')`,
      ),
    ).toBe(2);
    // The same file once more records nothing new.
    const twice = haze(['record', 'f.csv', '--replace', ...REC], { cwd: dir });
    expect(twice.stderr).toContain('没有新内容');
    expect(count(dir, 'SELECT count(*) AS n FROM imports')).toBe(3);
  });
});
