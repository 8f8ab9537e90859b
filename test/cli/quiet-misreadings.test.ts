/**
 * Nothing read quietly wrong: a misspelt setting is named (with what it probably meant), a date years off is
 * refused, numeric options take decimal digits only, a control character in a cell is refused where it is,
 * and a header with invisible characters in it is read with a warning naming them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvRows } from '../../src/io/read/csvTable.js';
import { handWrittenParts, zipOf } from '../fixtures/workbooks.js';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

describe('unknown keys in a config file are warnings, with "did you mean"', () => {
  const dir = tempDir();
  const groups = readFileSync(join(REPO, 'data/xuebu/groups.yaml'), 'utf8')
    .replace('coverage_days: 2', 'coverage_day: 2')
    .replace('    leader: 虞卫国', '    leadr: 虞卫国\n    leader: 虞卫国');
  writeFileSync(join(dir, 'groups.yaml'), groups);
  const list = join(REPO, 'data/xuebu/enterprises.csv');

  test('validate lists each, with file, line and the likely key', () => {
    const r = haze(['--groups', 'groups.yaml', '--list', list, 'validate', '--format', 'json'], { cwd: dir });
    const rows = JSON.parse(r.stdout) as { code: string; row: number | null; line: number | null; column: string | null; value: string; message_en: string }[];
    const unknown = rows.filter((p) => p.code === 'HAZE_CONFIG_UNKNOWN_KEY');
    expect(unknown.map((p) => p.value)).toEqual(['coverage_day', 'leadr']);
    expect(unknown[0]!.message_en).toContain('did you mean "coverage_days"?');
    expect(unknown[1]!.message_en).toContain('groups → group 2 (第二巡查组) → leadr');
    // Where the key itself is written: its line and column.
    const leadr = groups.split('\n').findIndex((l) => l.includes('leadr')) + 1;
    expect(rows.find((p) => p.value === 'leadr')).toMatchObject({ line: leadr, column: '5' });
  });

  test('the first command that reads the file says so on stderr', () => {
    const r = haze(['--groups', 'groups.yaml', '--list', list, 'plan', '--level', 'orange', '--date', '2019-12-08', '--days', '1', '--format', 'csv'], {
      cwd: dir,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/groups\.yaml:\d+:\d+: 警告 HAZE_CONFIG_UNKNOWN_KEY: 巡查组配置中的"coverage_day"不是已知的设置，未使用；是不是"coverage_days"？/);
  });
});

describe('command-line values read as written, or refused', () => {
  test.each([
    [['plan', '--date', '9999-12-31', '--days', '2'], '1900–2200'],
    [['plan', '--date', '2019-12-08', '--seed', ''], '--seed'],
    [['plan', '--date', '2019-12-08', '--days', '0x10'], '--days'],
    [['plan', '--date', '2019-12-08', '--days', '1e1'], '--days'],
  ])('%j → 64', (args, named) => {
    const r = haze(args);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain(named);
    expect(r.stdout).toBe('');
  });
});

/** The sample list's rows, parsed, and written back as CSV (quoted where needed). */
const SAMPLE = csvRows(readFileSync(join(REPO, 'data/xuebu/enterprises.csv'), 'utf8'), 'enterprises.csv').map((r) => r.cells);
const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

describe('a control character in a cell is 65 with its row and column, whatever the table', () => {
  const dir = tempDir();

  test('a NUL deep in a CSV list (past the first 64 KB, where the file type is sniffed)', () => {
    const rows = [SAMPLE[0]!];
    while (Buffer.byteLength(toCsv(rows)) < 70_000) rows.push(...SAMPLE.slice(1));
    const bad = [...SAMPLE[4]!];
    bad[4] = `${bad[4]}\u0000`;
    rows.push(bad);
    writeFileSync(join(dir, 'nul.csv'), toCsv(rows));
    // validate: one problem among the others, where it is; the list is not read further.
    const r = haze(['validate', '--list', 'nul.csv', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(65);
    const unreadable = (JSON.parse(r.stdout) as { code: string; file: string; row: number; column: string; message: string }[]).filter(
      (p) => p.code === 'HAZE_LIST_UNREADABLE',
    );
    expect(unreadable).toEqual([
      expect.objectContaining({
        file: join(dir, 'nul.csv'),
        row: rows.length,
        column: 'E',
        message: `第 ${rows.length} 行 E 列的单元格中有控制字符 U+0000 NUL，不是表格中的文字`,
      }),
    ]);
    const t = haze(['validate', '--list', 'nul.csv'], { cwd: dir });
    expect(t.status).toBe(65);
    expect(t.stderr).toContain(
      `${join(dir, 'nul.csv')}:${rows.length}:E: 错误 HAZE_LIST_UNREADABLE: 第 ${rows.length} 行 E 列的单元格中有控制字符 U+0000 NUL，不是表格中的文字`,
    );
    const m = haze(['measures', '--list', 'nul.csv', '--level', 'orange', '--format', 'json'], { cwd: dir });
    expect([m.status, m.stdout]).toEqual([65, '']);
  });

  test('an escape written into a workbook cell (_x001B_, how a workbook spells one)', () => {
    const parts = handWrittenParts().map(([name, xml, deflate]): [string, string, boolean?] => [
      name,
      name === 'xl/worksheets/list.xml' ? xml.replace('东窑村', '东窑_x001B_[31m村') : xml,
      deflate,
    ]);
    writeFileSync(join(dir, 'escape.xlsx'), zipOf(parts));
    const r = haze(['validate', '--lang', 'en', '--list', 'escape.xlsx'], { cwd: dir });
    expect(r.status).toBe(65);
    expect(r.stderr).toContain(
      `${join(dir, 'escape.xlsx')}:4:C: error HAZE_LIST_UNREADABLE: the cell at row 4, column C holds the control character U+001B ESC, which is not text of a table`,
    );
  });

  test('a results file: refused before anything is recorded', () => {
    const ws = tempDir();
    const sheet = haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: ws });
    expect(sheet.status).toBe(0);
    const lines = sheet.stdout.split('\n');
    lines[3] = lines[3]!.replace(/,([^,]*)$/, ',\u0007$1');
    writeFileSync(join(ws, 'results.csv'), lines.join('\n'));
    const r = haze(['record', 'results.csv', '--inspectors', '王建国', '--checked-at', '2019-12-08 16:00'], { cwd: ws });
    expect(r.status).toBe(65);
    expect(r.stderr).toMatch(/haze: \S*results\.csv:4:[A-Z]+: 第 4 行 [A-Z]+ 列的单元格中有控制字符 U\+0007，不是表格中的文字/);
    expect(existsSync(join(ws, 'haze.db'))).toBe(false);
  });
});

describe('a header with invisible characters is read, and the warning names them', () => {
  const dir = tempDir();

  test('a zero-width space and a BOM inside two list headers', () => {
    const header = [...SAMPLE[0]!];
    header[1] = '企业\u200b名称';
    header[3] = '村\ufeff社区';
    writeFileSync(join(dir, 'zw.csv'), toCsv([header, ...SAMPLE.slice(1)]));
    const r = haze(['validate', '--list', 'zw.csv', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const found = (JSON.parse(r.stdout) as { code: string; row: number; column: string; value: string; message_en: string }[]).filter(
      (p) => p.code === 'HAZE_HEADER_INVISIBLE',
    );
    expect(found.map((p) => [p.row, p.column, p.value])).toEqual([
      [1, '企业名称', 'U+200B'],
      [1, '村社区', 'U+FEFF'],
    ]);
    expect(found[0]!.message_en).toBe('the header "企业名称" holds invisible characters: U+200B (zero width space); read as "企业名称" without them');
    const m = haze(['measures', '--list', 'zw.csv', '--level', 'orange', '--format', 'csv'], { cwd: dir });
    expect(m.status).toBe(0);
    expect(csvRows(m.stdout, 'stdout').filter((row) => row.cells.length > 1)).toHaveLength(SAMPLE.length); // the header line and every enterprise
  });
});
