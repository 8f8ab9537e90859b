/**
 * Nothing read quietly wrong: a misspelt setting is named (with what it probably meant), a date years off is
 * refused, numeric options take decimal digits only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    const rows = JSON.parse(r.stdout) as { code: string; row: number | null; value: string; message_en: string }[];
    const unknown = rows.filter((p) => p.code === 'HAZE_CONFIG_UNKNOWN_KEY');
    expect(unknown.map((p) => p.value)).toEqual(['coverage_day', 'leadr']);
    expect(unknown[0]!.message_en).toContain('did you mean "coverage_days"?');
    expect(unknown[1]!.message_en).toContain('groups.1.leadr');
  });

  test('the first command that reads the file says so on stderr', () => {
    const r = haze(['--groups', 'groups.yaml', '--list', list, 'plan', '--level', 'orange', '--date', '2019-12-08', '--days', '1', '--format', 'csv'], {
      cwd: dir,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/groups\.yaml:\d+: 警告 HAZE_CONFIG_UNKNOWN_KEY: 巡查组配置中的"coverage_day"不是已知的设置，未使用；是不是"coverage_days"？/);
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
