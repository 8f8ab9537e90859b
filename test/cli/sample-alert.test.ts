/**
 * The demo and the sample town work whatever store sits in the folder, and say which alert they use: the
 * demo always the sample's own and never the store; measures/notify on the sample town the store's alert when
 * one is in force, else the sample's own with a note; a real workspace without an alert exits 64 with the
 * next step.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/io/store/db.js';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

const NOW = { HAZE_NOW: '2026-12-02 09:00' };
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The clone's folder after an alert was issued and lifted there: a store whose alert is not in force. */
function liftedStore(): string {
  const dir = tempDir();
  expect(haze(['alert', 'issue', 'red', '--at', '2026-11-30 08:00'], { cwd: dir, env: NOW }).status).toBe(0);
  expect(haze(['alert', 'lift', '--at', '2026-11-30 20:00'], { cwd: dir, env: NOW }).status).toBe(0);
  return dir;
}

describe('a store whose alert was lifted, in the clone (the sample town)', () => {
  const dir = liftedStore();

  test('demo: the sample alone with its own alert, said on stderr; the store and the folder are left as they were', () => {
    const before = { files: readdirSync(dir).sort(), db: digest(join(dir, 'haze.db')) };
    const r = haze(['demo'], { cwd: dir, env: NOW });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('演示：内置示例乡镇 薛埠镇（data/xuebu）及其自带的预警；不读也不写当前目录的 haze.yaml、haze.db');
    expect(r.stderr).toContain('预警级别：橙色（Ⅱ级响应）（示例乡镇自带的预警，自 2019-12-08 14:00 起');
    expect(r.stdout).toContain('第一巡查组 现场检查清单 2019-12-08');
    expect({ files: readdirSync(dir).sort(), db: digest(join(dir, 'haze.db')) }).toEqual(before);
  });

  test("measures: the sample's own alert, with a note that the store's is not in force", () => {
    const r = haze(['measures', '--format', 'json'], { cwd: dir, env: NOW });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /预警级别：橙色（Ⅱ级响应）（示例乡镇自带的预警，自 2019-12-08 14:00 起；.*haze\.db 记录的预警自 2026-11-30 08:00 起，2019-12-08 在此之前；要换级别用 --level）/,
    );
    expect(new Set((JSON.parse(r.stdout) as { level: string }[]).map((x) => x.level))).toEqual(new Set(['orange']));
  });

  test('notify: likewise, the notices from the sample alert’s start', () => {
    const r = haze(['notify', '--format', 'json', '--lang', 'en'], { cwd: dir, env: NOW });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("the sample town's own alert, from 2019-12-08 14:00; the alerts recorded in");
    const rows = JSON.parse(r.stdout) as { level: string; from: string }[];
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((x) => `${x.level} ${x.from}`))).toEqual(new Set(['orange 2019-12-08 14:00']));
  });

  test('a day the store has spoken for (after its lift) has no alert: exit 64 with the lift and the next step', () => {
    const r = haze(['measures', '--date', '2026-12-02'], { cwd: dir, env: NOW });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('2026-12-02 没有正在执行的预警（最近一次预警已于 2026-11-30 20:00 解除）');
  });

  test("record of the sample's own day takes the sample's alert too (one rule for every command)", () => {
    const d = liftedStore();
    const sheet = haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: d, env: NOW });
    expect(sheet.status).toBe(0);
    const filled = sheet.stdout
      .split('\n')
      .map((l, i) => (i === 0 || l === '' ? l : l.replace(/,,$/, ',ok,')))
      .join('\n');
    writeFileSync(join(d, 'results.csv'), filled);
    const rec = haze(['record', 'results.csv', '--inspectors', '王建国'], { cwd: d, env: NOW });
    expect(rec.status).toBe(0);
    expect(rec.stderr).toMatch(/已记录到 .*haze\.db：\d+ 次检查/);
  });

  test("an alert in force in the store today is the store's: measures follows it", () => {
    const d = liftedStore();
    expect(haze(['alert', 'issue', 'yellow', '--at', '2026-12-02 08:00'], { cwd: d, env: NOW }).status).toBe(0);
    const r = haze(['measures', '--format', 'json'], { cwd: d, env: NOW });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/预警级别：黄色.*记录，自 2026-12-02 08:00 起/);
    expect(new Set((JSON.parse(r.stdout) as { level: string }[]).map((x) => x.level))).toEqual(new Set(['yellow']));
    // The demo still shows the sample's own story, not the store's yellow.
    const demo = haze(['demo'], { cwd: d, env: NOW });
    expect([demo.status, demo.stdout.includes('橙色（Ⅱ级响应）'), demo.stdout.includes('2019-12-08')]).toEqual([0, true, true]);
  });
});

describe('an empty store in the clone', () => {
  test('demo, measures and notify work as without one; the demo does not touch it', () => {
    const dir = tempDir();
    openStore(join(dir, 'haze.db'), { create: true })!.close();
    const db = digest(join(dir, 'haze.db'));
    for (const cmd of [['demo'], ['measures', '--format', 'csv'], ['notify', '--format', 'csv']]) {
      const r = haze(cmd, { cwd: dir, env: NOW });
      expect([cmd[0], r.status]).toEqual([cmd[0], 0]);
      expect(r.stderr).toContain('示例乡镇自带的预警，自 2019-12-08 14:00 起');
    }
    expect(digest(join(dir, 'haze.db'))).toBe(db);
  });
});

describe('a real workspace', () => {
  test('without an alert in force: measures and notify exit 64 with what the store says and the next step', () => {
    const dir = tempDir();
    expect(haze(['init'], { cwd: dir }).status).toBe(0);
    // The town's own list and groups in place (a blank list stops every command before the alert is asked).
    for (const f of ['enterprises.csv', 'groups.yaml']) copyFileSync(join(REPO, 'data/xuebu', f), join(dir, f));
    expect(haze(['alert', 'issue', 'orange', '--at', '2026-11-30 08:00'], { cwd: dir, env: NOW }).status).toBe(0);
    expect(haze(['alert', 'lift', '--at', '2026-12-01 18:00'], { cwd: dir, env: NOW }).status).toBe(0);
    for (const cmd of ['measures', 'notify']) {
      const r = haze([cmd], { cwd: dir, env: NOW });
      expect(r.status).toBe(64);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('2026-12-02 没有正在执行的预警（最近一次预警已于 2026-12-01 18:00 解除），不知道按哪个预警级别');
      expect(r.stderr).toContain(
        '提示: 用 --level 指定级别（如 --level orange 或 --level 橙色）；或先记录预警：haze alert issue orange --at "2026-12-02 08:00"',
      );
    }
  });

  test('demo in a real workspace still shows the sample town, and creates no store there', () => {
    const dir = tempDir();
    expect(haze(['init'], { cwd: dir }).status).toBe(0);
    const before = readdirSync(dir).sort();
    const r = haze(['demo'], { cwd: dir, env: NOW });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('常州市金坛区薛埠镇');
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
