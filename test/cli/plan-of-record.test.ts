/**
 * The plan of record, replayed as the township office lives it: the route sheet for tomorrow printed today,
 * today's results recorded tonight, and tomorrow every paper — checklists in four formats, the route sheet,
 * the phone-less entry at a terminal, the report — names the same enterprises in the same order at the same
 * times. Then --replan changes them, says so, and every paper follows.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haze, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];
const D = '2019-12-08';
const D1 = '2019-12-09';
const onDay = (date: string, clock: string) => ({ HAZE_NOW: `${date} ${clock}` });

interface Stop {
  name: string;
  arrive: string;
}

/** Group 1's stops as the route sheet (plan --format json) lists them. */
function routeSheet(dir: string, extra: string[] = [], env = onDay(D1, '07:30')): { stops: Stop[]; stderr: string } {
  const r = haze(['plan', '--date', D1, '--days', '1', '--format', 'json', ...extra], { cwd: dir, env });
  expect(r.status).toBe(0);
  const rows = JSON.parse(r.stdout) as { group: string; name: string; arrive: string; provisional: boolean }[];
  return { stops: rows.filter((x) => x.group === '1').map((x) => ({ name: x.name, arrive: x.arrive.slice(11) })), stderr: r.stderr };
}

function checklist(dir: string, format: string): { stdout: string; stderr: string } {
  const r = haze(['checklist', '--date', D1, '--group', '1', '--format', format], { cwd: dir, env: onDay(D1, '07:40') });
  expect(r.status).toBe(0);
  return r;
}

/** The stops each checklist format shows, in its own words. */
function checklistStops(dir: string): Record<string, Stop[]> {
  const text = checklist(dir, 'text').stdout;
  const md = checklist(dir, 'md').stdout;
  const html = checklist(dir, 'html').stdout;
  const items = csv(checklist(dir, 'csv').stdout);
  const fromText = (t: string, name: RegExp, time: RegExp) => {
    const names = [...t.matchAll(name)].map((m) => m[1]!.trim());
    const times = [...t.matchAll(time)].map((m) => m[1]!);
    return names.map((n, i) => ({ name: n, arrive: times[i] ?? '' }));
  };
  const seen = new Set<string>();
  const fromCsv = items.filter((r) => !seen.has(r.seq!) && seen.add(r.seq!)).map((r) => r.name!);
  return {
    text: fromText(text, /^\d+\. (.+)$/gm, /计划到达：(\d\d:\d\d)/g),
    md: fromText(md, /^## \d+\. (.+)$/gm, /计划到达\*\*：(\d\d:\d\d)/g),
    // The route table on the cover: seq, name, arrival.
    html: fromText(
      html,
      /<tr data-code="[^"]+"><td class="c">\d+<\/td><td>([^<]+)<\/td>/g,
      /<tr data-code="[^"]+"><td class="c">\d+<\/td><td>[^<]+<\/td><td>[^<]*<\/td><td class="c">(\d\d:\d\d)<\/td>/g,
    ),
    csv: fromCsv.map((name) => ({ name, arrive: '' })),
  };
}

/** What an inspector sees listed at the terminal before choosing a visit. */
function interactiveList(dir: string): string[] {
  const r = haze(['record', '--interactive', '--date', D1, '--group', '1'], { cwd: dir, input: '', env: onDay(D1, '12:00') });
  return [...r.stderr.matchAll(/^ {2}\d+\. (.+)$/gm)].map((m) => m[1]!);
}

describe('one plan of record: paper that never contradicts itself', () => {
  const dir = tempDir();
  let printed: Stop[] = [];

  beforeAll(() => {
    // A store, so plans can be kept: the alert as the district issued it.
    expect(haze(['alert', 'issue', '橙色', '--at', `${D} 14:00`], { cwd: dir }).status).toBe(0);
  });

  test('day D: the route sheet for D+1 is printed, and day D is inspected and recorded', () => {
    printed = routeSheet(dir, [], onDay(D, '17:30')).stops;
    expect(printed.length).toBeGreaterThan(3);
    // Day D's own checklists, filled in: the first visit of every group found a violation.
    const r = haze(['checklist', '--date', D, '--group', 'all', '--format', 'csv'], { cwd: dir, env: onDay(D, '14:10') });
    expect(r.status).toBe(0);
    const rows = csv(r.stdout).map((x) => ({
      ...x,
      result: x.seq === '1' && x.item_id === 'board' ? 'violation' : 'ok',
      note: x.seq === '1' ? '设备运行' : '',
    }));
    expect(rows.some((x) => x.result === 'violation')).toBe(true);
    writeFileSync(join(dir, 'day-d.csv'), stringify(rows, { header: true, columns: Object.keys(rows[0]!) }));
    const rec = haze(['record', 'day-d.csv', '--inspectors', '王建国', '--checked-at', `${D} 16:00`], { cwd: dir, env: onDay(D, '18:00') });
    expect(rec.status).toBe(0);
  });

  test('day D+1: every checklist format, the route sheet and the terminal entry name the same stops at the same times', () => {
    const again = routeSheet(dir);
    expect(again.stops).toEqual(printed);
    // What the plan was made from has changed (day D's violations): said once, with what differs.
    expect(again.stderr).toMatch(/2019-12-09 按 .* 定下的执行计划（第 \d+ 号）；此后\d+ 家企业新记有违规/);
    const formats = checklistStops(dir);
    const names = printed.map((s) => s.name);
    expect(formats.text).toEqual(printed);
    expect(formats.md).toEqual(printed);
    expect(formats.html).toEqual(printed);
    expect(formats.csv!.map((s) => s.name)).toEqual(names);
    expect(interactiveList(dir)).toEqual(names);
    // `plan --date D` (a longer plan starting the day before) shows the same D+1 for group 1.
    const longer = haze(['plan', '--date', D, '--days', '3', '--format', 'json'], { cwd: dir, env: onDay(D1, '07:50') });
    const d1 = (JSON.parse(longer.stdout) as { date: string; group: string; name: string; provisional: boolean }[]).filter(
      (x) => x.date === D1 && x.group === '1',
    );
    expect(d1.map((x) => x.name)).toEqual(names);
    expect(d1.every((x) => !x.provisional)).toBe(true);
  });

  test('the checklist cover gives the same return time as the plan', () => {
    const plan = haze(['plan', '--date', D1, '--days', '1', '--format', 'csv'], { cwd: dir, env: onDay(D1, '07:55') });
    const back = /2019-12-09 第一巡查组：\d+ 家，[\d.]+ km，(\d\d:\d\d) 返回/.exec(plan.stderr)![1];
    const html = checklist(dir, 'html').stdout;
    expect(html).toContain(`预计 ${back} 返回`);
  });

  test('report holds D+1 results against the plan of record and says which', () => {
    const first = csv(checklist(dir, 'csv').stdout)
      .filter((r) => r.seq === '1')
      .map((r) => ({ ...r, result: 'ok' }));
    writeFileSync(join(dir, 'd1.csv'), stringify(first, { header: true, columns: Object.keys(first[0]!) }));
    expect(haze(['record', 'd1.csv', '--inspectors', '汤建华', '--checked-at', `${D1} 09:00`], { cwd: dir, env: onDay(D1, '12:00') }).status).toBe(0);
    const r = haze(['report', '--date', D1, '--format', 'json'], { cwd: dir, env: onDay(D1, '18:00') });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      visits: { name: string; planned: boolean }[];
      plans: { date: string; plan_id: number; planned: number; checked: number }[];
    };
    expect(report.visits.map((v) => [v.name, v.planned])).toEqual([[printed[0]!.name, true]]);
    expect(report.plans).toHaveLength(1);
    expect(report.plans[0]!).toMatchObject({ date: D1, checked: 1 });
    expect(r.stderr).toMatch(new RegExp(`2019-12-09：结果按执行计划第 ${report.plans[0]!.plan_id} 号`));
  });

  test('--replan makes a new plan of record, says what changed, and every paper follows it', () => {
    const r = haze(['plan', '--date', D1, '--days', '1', '--replan', '--format', 'json'], { cwd: dir, env: onDay(D1, '13:00') });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/2019-12-09：重新安排（执行计划第 \d+ 号 → 第 \d+ 号）：.*第一巡查组：/);
    const replanned = (JSON.parse(r.stdout) as { group: string; name: string }[]).filter((x) => x.group === '1').map((x) => x.name);
    expect(replanned).not.toEqual(printed.map((s) => s.name));
    expect(checklistStops(dir).text!.map((s) => s.name)).toEqual(replanned);
    expect(routeSheet(dir, [], onDay(D1, '13:10')).stops.map((s) => s.name)).toEqual(replanned);
  });
});

describe('the later days of a plan are provisional', () => {
  test('only the first day is fixed; the rest are marked 暂定 / provisional in every format', () => {
    const dir = tempDir();
    expect(haze(['alert', 'issue', 'orange', '--at', `${D} 14:00`], { cwd: dir }).status).toBe(0);
    const json = haze(['plan', '--date', D, '--days', '3', '--format', 'json'], { cwd: dir });
    const rows = JSON.parse(json.stdout) as { date: string; provisional: boolean }[];
    expect([...new Set(rows.filter((x) => x.provisional).map((x) => x.date))]).toEqual(['2019-12-09', '2019-12-10']);
    expect(rows.filter((x) => x.date === D).every((x) => !x.provisional)).toBe(true);
    const table = haze(['plan', '--date', D, '--days', '2'], { cwd: dir });
    expect(table.stdout).toContain('暂定');
    expect(table.stderr).toContain('2019-12-09（暂定） 第一巡查组');
    const html = haze(['plan', '--date', D, '--days', '2', '--format', 'html'], { cwd: dir });
    expect((html.stdout.match(/class="provisional">暂定/g) ?? []).length).toBe(1);
  });

  test('plan --save fixes every day it covers', () => {
    const dir = tempDir();
    expect(haze(['alert', 'issue', 'orange', '--at', `${D} 14:00`], { cwd: dir }).status).toBe(0);
    const saved = haze(['plan', '--date', D, '--days', '2', '--save', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(saved.stdout) as { provisional: boolean }[]).some((x) => x.provisional)).toBe(false);
    const later = haze(['plan', '--date', '2019-12-09', '--days', '1', '--format', 'json'], { cwd: dir });
    const first = (JSON.parse(saved.stdout) as { date: string; name: string }[]).filter((x) => x.date === '2019-12-09').map((x) => x.name);
    expect((JSON.parse(later.stdout) as { name: string }[]).map((x) => x.name)).toEqual(first);
  });
});

describe('--auto-areas and record --interactive agree', () => {
  test('the interactive entry lists the visits of the auto-area plan printed for the day', () => {
    const dir = tempDir();
    expect(haze(['alert', 'issue', 'orange', '--at', `${D} 14:00`], { cwd: dir }).status).toBe(0);
    const plan = haze(['plan', '--auto-areas', '--date', D1, '--days', '1', '--format', 'json'], { cwd: dir });
    const planned = (JSON.parse(plan.stdout) as { group: string; name: string }[]).filter((x) => x.group === '1').map((x) => x.name);
    expect(interactiveList(dir)).toEqual(planned);
  });
});
