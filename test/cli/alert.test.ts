import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, tempDir } from '../helpers/runHaze.js';

describe("haze alert: the alert's life through the CLI", () => {
  const dir = tempDir();
  const run = (...args: string[]) => haze(['alert', ...args], { cwd: dir });

  test('status with nothing recorded', () => {
    const r = run('status', '--at', '2019-12-08 10:00');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('2019-12-08 10:00：没有正在执行的预警\n');
  });

  test('issue → change → lift, with every time form', () => {
    expect(run('issue', 'orange', '--at', '2019年12月8日14时', '--doc', '金大气应急指办〔2019〕5号', '--until', '2019-12-11 24:00').status).toBe(0);
    expect(run('change', 'red', '--at', '2019-12-09T12:00:00Z').status).toBe(0); // 20:00 Beijing
    expect(run('change', 'orange', '--at', '2019-12-10 20:00+08:00').status).toBe(0);
    expect(run('lift', '--at', '2019-12-11 12:00').status).toBe(0);
    const h = run('history', '--format', 'csv');
    expect(h.stdout).toBe(
      'id,at,kind,level,until,doc,note\n' +
        '1,2019-12-08 14:00,issue,orange,2019-12-12 00:00,金大气应急指办〔2019〕5号,\n' +
        '2,2019-12-09 20:00,change,red,,,\n' +
        '3,2019-12-10 20:00,change,orange,,,\n' +
        '4,2019-12-11 12:00,lift,,,,\n',
    );
  });

  test.each([
    ['2019-12-08 13:59', null],
    ['2019-12-08 14:00', 'orange'],
    ['2019-12-09 19:59', 'orange'],
    ['2019-12-09 20:00', 'red'],
    ['2019-12-10 21:00', 'orange'],
    ['2019-12-11 12:00', null],
  ])('status at %s → %s', (at, level) => {
    const r = run('status', '--at', at, '--format', 'json');
    const s = JSON.parse(r.stdout) as { level: string | null; issued_at: string | null };
    expect(s.level).toBe(level);
    if (level) expect(s.issued_at).toBe('2019-12-08 14:00');
  });

  test('the commands use the recorded level of the day, and say why', () => {
    const day9 = haze(['measures', '--date', '2019-12-09', '--format', 'csv'], { cwd: dir });
    expect(day9.status).toBe(0);
    expect(day9.stdout).toContain(',red,');
    expect(day9.stderr).toContain('红色');
    expect(day9.stderr).toContain('haze.db');
    // After the lift there is no alert, and the sample's own alert no longer stands in.
    const after = haze(['measures', '--date', '2019-12-12'], { cwd: dir });
    expect(after.status).toBe(64);
    expect(after.stderr).toContain('--level');
  });

  describe('impossible sequences exit 65 and record nothing', () => {
    const fresh = tempDir();
    const a = (...args: string[]) => haze(['alert', ...args], { cwd: fresh });
    const count = () => a('history', '--format', 'csv').stdout.trim().split('\n').length - 1;

    test('lift with no alert', () => {
      const r = a('lift', '--at', '2019-12-08 10:00');
      expect(r.status).toBe(65);
      expect(r.stderr).toContain('当前没有预警，无法解除');
    });

    test('change with no alert', () => {
      const r = a('change', 'red', '--at', '2019-12-08 10:00');
      expect(r.status).toBe(65);
      expect(count()).toBe(0);
    });

    test('a second issue while one is active', () => {
      expect(a('issue', 'yellow', '--at', '2019-12-08 10:00').status).toBe(0);
      const r = a('issue', 'red', '--at', '2019-12-08 12:00');
      expect(r.status).toBe(65);
      expect(r.stderr).toContain('已有预警在执行');
      expect(count()).toBe(1);
    });

    test('a change dated before the current level began', () => {
      const r = a('change', 'orange', '--at', '2019-12-08 09:00');
      expect(r.status).toBe(65);
      expect(r.stderr).toContain('早于已记录的最后一次变动');
      expect(count()).toBe(1);
    });

    test('a change to the same level', () => {
      expect(a('change', 'yellow', '--at', '2019-12-08 11:00').status).toBe(65);
    });

    test('in English', () => {
      const r = haze(['alert', 'issue', 'red', '--at', '2019-12-08 12:00', '--lang', 'en'], { cwd: fresh });
      expect(r.status).toBe(65);
      expect(r.stderr).toContain('an alert is already in force');
    });

    test('a time nobody can read is a usage error', () => {
      const r = a('change', 'red', '--at', 'tomorrow');
      expect(r.status).toBe(64);
      expect(r.stderr).toContain('tomorrow');
    });

    test('an unknown level is a usage error', () => {
      expect(a('change', 'purple', '--at', '2019-12-08 12:00').status).toBe(64);
    });
  });

  describe('the store is never overwritten when it is not ours', () => {
    test('a corrupt file exits 74 and is left as it was', () => {
      const d = tempDir();
      writeFileSync(join(d, 'haze.db'), "this is not a database, but someone's notes\n");
      const r = haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: d });
      expect(r.status).toBe(74);
      expect(r.stderr).toContain('不是 SQLite 数据库');
      expect(readFileSync(join(d, 'haze.db'), 'utf8')).toBe("this is not a database, but someone's notes\n");
    });
  });
});
