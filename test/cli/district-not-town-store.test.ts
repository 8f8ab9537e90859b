/**
 * A postgres:// string given where a town's store goes (--db, HAZE_DB, haze.yaml db:) is refused with 78 and
 * the reason, before anything is opened: no file called "postgres:" (or haze.db) appears, nothing crashes,
 * and the password in the string is not printed. No server needed: haze never connects.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, tempDir, type Run } from '../helpers/runHaze.js';

const URL = 'postgres://haze_town_100100021:pw-not-shown-8086@127.0.0.1:5432/jintan';

function refused(r: Run): void {
  expect(r.status).toBe(78);
  expect(r.stderr).toContain("a town's work runs on its own store file (haze.db, SQLite)");
  expect(r.stderr).toContain('haze db push');
  expect(r.stderr).not.toContain('pw-not-shown-8086');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('a PostgreSQL string as the town store is refused (78)', () => {
  test.each([
    ['plan', ['plan', '--date', '2019-12-08']],
    ['alert issue', ['alert', 'issue', 'orange', '--at', '2019-12-08 12:00']],
    ['alert status', ['alert', 'status']],
    ['report', ['report', '--date', '2019-12-08']],
    ['db info', ['db', 'info']],
    ['db backup', ['db', 'backup', 'copy.db']],
  ])('--db postgres://… %s', (_name, args) => {
    const dir = tempDir();
    refused(haze(['--db', URL, '--lang', 'en', ...args], { cwd: dir }));
    expect(readdirSync(dir)).toEqual([]);
  });

  test('HAZE_DB=postgres://… record: the results file is left alone, no store is made', () => {
    const dir = tempDir();
    const list = haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: dir });
    expect(list.status).toBe(0);
    const filled = list.stdout.replace(/,\r?\n/g, ',ok\n');
    writeFileSync(join(dir, 'day1.csv'), filled);
    const r = haze(['record', 'day1.csv', '--inspectors', '王建国', '--checked-at', '2019-12-08 16:00', '--lang', 'en'], { cwd: dir, env: { HAZE_DB: URL } });
    refused(r);
    expect(readdirSync(dir)).toEqual(['day1.csv']);
    expect(readFileSync(join(dir, 'day1.csv'), 'utf8')).toBe(filled);
  });

  test('haze.yaml db: postgres://… (alert issue)', () => {
    const dir = tempDir();
    expect(haze(['init'], { cwd: dir }).status).toBe(0);
    const yaml = join(dir, 'haze.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^db: haze\.db/m, `db: ${URL}`));
    const before = readdirSync(dir).sort();
    refused(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 12:00', '--lang', 'en'], { cwd: dir }));
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
