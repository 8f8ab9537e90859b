import { join } from 'node:path';
import { FIXTURES, haze, hazeShell } from '../helpers/runHaze.js';

const fixture = (name: string) => join(FIXTURES, name);
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('bad input: clear messages, documented exit codes, nothing on stdout', () => {
  test('a missing list file exits 66', () => {
    const r = haze(['measures', '--level', 'orange', '--list', 'nope.csv']);
    expect(r.status).toBe(66);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nope.csv');
    expect(r.stderr).toContain('找不到企业清单');
    noStack(r.stderr);
  });

  test('an unclosed quote exits 65 with the file and row', () => {
    const r = haze(['measures', '--level', 'orange', '--list', fixture('unclosed-quote.csv')]);
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unclosed-quote.csv:3');
    expect(r.stderr).toContain('引号没有闭合');
    noStack(r.stderr);
  });

  test('rows with the wrong number of fields: every one reported, with its row', () => {
    const r = haze(['validate', '--list', fixture('wrong-field-count.csv')]);
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrong-field-count\.csv:3: 错误 HAZE_CSV_FIELD_COUNT: 第 3 行有 18 个字段，表头有 19 个/);
    expect(r.stderr).toMatch(/wrong-field-count\.csv:4: 错误 HAZE_CSV_FIELD_COUNT: 第 4 行有 20 个字段/);
    expect(r.stderr).toContain('2 个错误');
  });

  test('a missing required column exits 65 naming the column', () => {
    const r = haze(['plan', '--level', 'orange', '--date', '2019-12-08', '--list', fixture('missing-grade-column.csv')]);
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing-grade-column.csv:1:绩效等级');
    expect(r.stderr).toContain('HAZE_LIST_COLUMN_MISSING');
  });

  test('an unknown grade exits 65 with file, row, column and the value found', () => {
    const r = haze(['measures', '--level', 'orange', '--list', fixture('unknown-grade.csv')]);
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown-grade.csv:2:绩效等级');
    expect(r.stderr).toContain('E级');
    expect(r.stderr).toContain('HAZE_ROW_GRADE_UNKNOWN');
  });

  test('in English with --lang en', () => {
    const r = haze(['measures', '--level', 'orange', '--lang', 'en', '--list', fixture('unknown-grade.csv')]);
    expect(r.status).toBe(65);
    expect(r.stderr).toContain('unknown performance grade "E级"');
  });

  test('an unknown flag exits 64', () => {
    const r = haze(['measures', '--colour']);
    expect(r.status).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('haze: measures 没有选项 --colour；用法见 haze measures --help\n');
  });

  test('an unknown level exits 64', () => {
    const r = haze(['measures', '--level', 'purple']);
    expect(r.status).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('purple');
  });

  test('an unknown format exits 64', () => {
    const r = haze(['measures', '--level', 'orange', '--format', 'xml']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('xml');
  });

  test('an unwritable -o path exits 73 and writes nothing', () => {
    const r = haze(['measures', '--level', 'orange', '--format', 'csv', '-o', '/nonexistent-dir/out.csv']);
    expect(r.status).toBe(73);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('/nonexistent-dir/out.csv');
  });

  test('`haze … | head -1` ends quietly with 0', () => {
    const r = hazeShell('haze measures --level orange --format csv | head -1');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('credit_code,name,village,industry,grade,level,action,limit_pct,truck_ban,measure,source,extra,warning\n');
    expect(r.stderr).not.toMatch(/EPIPE|Error|错误/);
  });

  test('a big output piped to head still ends with 0', () => {
    const r = hazeShell('haze plan --date 2019-12-08 --days 5 --format csv | head -2');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(3);
  });
});
