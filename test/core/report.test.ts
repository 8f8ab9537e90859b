/**
 * The report over a small hand-made town, every number worked out by hand:
 * group 1 covers v1 (A stop, B stop_part), group 2 covers v2 and v3 (C limit, D self, E stop).
 */
import { buildReport, type ReportFinding, type ReportInput, type ReportVisit } from '../../src/core/report.js';
import { lastAlertStart, reportRange, strictestLevel } from '../../src/core/reportRange.js';
import type { AlertEvent } from '../../src/core/alert.js';
import type { Action, Grade } from '../../src/core/model.js';

const ent = (creditCode: string, village: string, grade: Grade) => ({ creditCode, name: `企业${creditCode}`, village, grade });
const enterprises = [ent('A', 'v1', 'D'), ent('B', 'v1', 'C'), ent('C', 'v2', 'B'), ent('D', 'v2', 'A'), ent('E', 'v3', 'D')];
const actions: Record<string, Action> = { A: 'stop', B: 'stop_part', C: 'limit', D: 'self', E: 'stop' };
const measures = new Map(Object.entries(actions).map(([k, action]) => [k, { action }]));
const groupOf = new Map([
  ['A', '1'],
  ['B', '1'],
  ['C', '2'],
  ['D', '2'],
  ['E', '2'],
]);
const groups = [
  { id: '1', name: '第一组' },
  { id: '2', name: '第二组' },
];

const ok = (itemId: string) => ({ itemId, item: itemId, result: 'ok' as const, note: '' });
const bad = (itemId: string, note = '') => ({ itemId, item: itemId, result: 'violation' as const, note });
const visit = (date: string, groupId: string, creditCode: string, seq: number | null, results: ReportVisit['results']): ReportVisit => ({
  date,
  groupId,
  creditCode,
  name: `企业${creditCode}`,
  seq,
  inspectors: '王,李',
  checkedAt: `${date} 16:00`,
  planned: seq !== null,
  results,
});

const visits: ReportVisit[] = [
  visit('2019-12-07', '2', 'E', 1, [ok('board')]), // before the range
  visit('2019-12-09', '1', 'B', 1, [bad('stopped', '炉温未降'), bad('power')]),
  visit('2019-12-08', '1', 'B', 2, [bad('board', '未上墙'), ok('stopped')]),
  visit('2019-12-08', '1', 'A', 1, [ok('board'), ok('stopped')]),
  visit('2019-12-09', '2', 'D', null, [ok('board')]), // not required (self), unplanned
  // The violation was corrected with --replace: only the current ok counts.
  visit('2019-12-09', '2', 'C', 1, [
    { ...bad('limit'), supersededBy: 7 },
    { ...ok('limit'), supersededBy: null },
  ]),
  visit('2019-12-10', '2', 'E', 1, [bad('stopped')]), // after the range
];

const finding = (date: string, creditCode: string, status: 'open' | 'closed', closedAt: string | null, name = `企业${creditCode}`): ReportFinding => ({
  date,
  creditCode,
  name,
  problem: `问题${creditCode}${date.slice(-2)}`,
  source: '省厅通报',
  status,
  closedAt,
});
const findings = [
  finding('2019-12-07', 'A', 'open', null),
  finding('2019-12-07', 'C', 'closed', '2019-12-09 16:00'), // closed within the range
  finding('2019-12-08', 'E', 'closed', '2019-12-10 10:00', ''), // closed only after the range: open at its end
  finding('2019-12-10', 'A', 'open', null), // reported after the range
];

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  enterprises,
  measures,
  groupOf,
  groups,
  visits,
  findings,
  range: { from: '2019-12-08', to: '2019-12-09' },
  ...over,
});

describe('buildReport', () => {
  const r = buildReport(input());

  test('coverage per group and in total: required = stop, stop_part, limit; visits in the range only', () => {
    expect(r.groups.map((g) => [g.groupId, g.required, g.visited, g.unvisited, g.coveragePct])).toEqual([
      ['1', 2, 2, 0, 100],
      ['2', 2, 1, 1, 50],
    ]);
    expect([r.total.required, r.total.visited, r.total.unvisited, r.total.coveragePct]).toEqual([4, 3, 1, 75]);
  });

  test('compliance: clean visits ÷ visits, by the group that visited; a superseded violation does not count', () => {
    expect(r.groups.map((g) => [g.visits, g.cleanVisits, g.violationVisits, g.compliancePct])).toEqual([
      [3, 1, 2, 33.3],
      [2, 2, 0, 100],
    ]);
    expect([r.total.visits, r.total.cleanVisits, r.total.violationVisits, r.total.compliancePct]).toEqual([5, 3, 2, 60]);
  });

  test('visits and violations in date, group and route order, with current results only', () => {
    expect(r.visits.map((v) => `${v.date} ${v.groupId} ${v.creditCode} ${v.items}/${v.violations} ${v.planned}`)).toEqual([
      '2019-12-08 1 A 2/0 true',
      '2019-12-08 1 B 2/1 true',
      '2019-12-09 1 B 2/2 true',
      '2019-12-09 2 C 1/0 true',
      '2019-12-09 2 D 1/0 false',
    ]);
    expect(r.violations.map((v) => [v.date, v.groupId, v.creditCode, v.village, v.itemId, v.note, v.inspectors, v.checkedAt])).toEqual([
      ['2019-12-08', '1', 'B', 'v1', 'board', '未上墙', '王,李', '2019-12-08 16:00'],
      ['2019-12-09', '1', 'B', 'v1', 'stopped', '炉温未降', '王,李', '2019-12-09 16:00'],
      ['2019-12-09', '1', 'B', 'v1', 'power', '', '王,李', '2019-12-09 16:00'],
    ]);
  });

  test('repeat offenders: violations on two or more visits in the range', () => {
    expect(r.repeatOffenders).toEqual([
      { creditCode: 'B', name: '企业B', groupId: '1', village: 'v1', visits: 2, violationVisits: 2, violationItems: 3, dates: ['2019-12-08', '2019-12-09'] },
    ]);
    // Only visits inside the range count: on 12-09 alone B has one.
    expect(buildReport(input({ range: { from: '2019-12-09', to: '2019-12-09' } })).repeatOffenders).toEqual([]);
    // E, over the wider range: one clean visit and one with a violation is not a repeat.
    const wide = buildReport(input({ range: { from: '2019-12-07', to: '2019-12-10' } }));
    expect(wide.repeatOffenders.map((o) => [o.creditCode, o.visits, o.violationVisits])).toEqual([['B', 2, 2]]);
  });

  test("open provincial findings as of the range's end", () => {
    expect(r.findings.map((f) => [f.date, f.creditCode, f.name, f.groupId, f.closedAt])).toEqual([
      ['2019-12-07', 'A', '企业A', '1', null],
      ['2019-12-08', 'E', '企业E', '2', '2019-12-10 10:00'],
    ]);
    // On 12-07 only the two reported by then, both still open; C's closed on 12-09.
    const early = buildReport(input({ range: { from: '2019-12-07', to: '2019-12-07' } }));
    expect(early.findings.map((f) => f.creditCode)).toEqual(['A', 'C']);
  });

  test('the unvisited list: required, no visit in the range', () => {
    expect(r.unvisited).toEqual([{ groupId: '2', creditCode: 'E', name: '企业E', village: 'v3', grade: 'D', action: 'stop' }]);
  });

  test('range filtering: a single day', () => {
    const day = buildReport(input({ range: { from: '2019-12-10', to: '2019-12-10' } }));
    expect(day.visits.map((v) => v.creditCode)).toEqual(['E']);
    expect([day.total.required, day.total.visited, day.total.visits, day.total.cleanVisits, day.total.compliancePct]).toEqual([4, 1, 1, 0, 0]);
    expect(day.unvisited.map((u) => u.creditCode)).toEqual(['A', 'B', 'C']);
  });

  test('--group: enterprises by their area, visits by the group that made them', () => {
    const g2 = buildReport(input({ group: '2' }));
    expect(g2.groups.map((g) => g.groupId)).toEqual(['2']);
    expect([g2.total.required, g2.total.visited, g2.total.visits, g2.total.compliancePct]).toEqual([2, 1, 2, 100]);
    expect(g2.visits.map((v) => v.creditCode)).toEqual(['C', 'D']);
    expect(g2.violations).toEqual([]);
    expect(g2.repeatOffenders).toEqual([]);
    expect(g2.findings.map((f) => f.creditCode)).toEqual(['E']);
    expect(g2.unvisited.map((u) => u.creditCode)).toEqual(['E']);
  });

  test("a visit to another group's enterprise covers it, and counts for the visiting group", () => {
    const cross = buildReport(input({ visits: [visit('2019-12-08', '1', 'E', null, [ok('board')])] }));
    expect(cross.groups.map((g) => [g.groupId, g.visited, g.visits])).toEqual([
      ['1', 0, 1],
      ['2', 1, 0],
    ]);
  });

  test('no level known: nothing required; no visits: no percentages', () => {
    const none = buildReport(input({ measures: null, visits: [] }));
    expect(none.total).toEqual({
      groupId: 'total',
      groupName: '合计',
      required: 0,
      visited: 0,
      unvisited: 0,
      coveragePct: null,
      visits: 0,
      cleanVisits: 0,
      violationVisits: 0,
      compliancePct: null,
    });
    expect(none.unvisited).toEqual([]);
  });
});

describe('the report range', () => {
  const at = (date: string, hh: number) => ({ date, minutes: hh * 60 });
  const events: AlertEvent[] = [
    { kind: 'issue', level: 'yellow', at: at('2019-11-20', 8) },
    { kind: 'lift', level: null, at: at('2019-11-22', 12) },
    { kind: 'issue', level: 'orange', at: at('2019-12-08', 14) },
    { kind: 'change', level: 'red', at: at('2019-12-09', 20) },
  ];
  const facts = { today: '2019-12-11', events, sampleStory: false, lastRecordDate: '2019-12-10' };

  test('--date is that day; --from/--to as given; --date with --from is refused', () => {
    expect(reportRange({ date: '2019-12-09' }, facts)).toEqual({ range: { from: '2019-12-09', to: '2019-12-09' }, basis: 'date' });
    expect(reportRange({ from: '2019-12-01', to: '2019-12-05' }, facts)).toEqual({ range: { from: '2019-12-01', to: '2019-12-05' }, basis: 'from_to' });
    expect(reportRange({ date: '2019-12-09', from: '2019-12-08' }, facts)).toHaveProperty('error');
    expect(reportRange({ from: '2019-12-12' }, facts)).toHaveProperty('error');
  });

  test("neither: from the start of the latest alert to today; --to alone starts at that alert's start", () => {
    expect(reportRange({}, facts)).toEqual({ range: { from: '2019-12-08', to: '2019-12-11' }, basis: 'alert' });
    expect(reportRange({ to: '2019-11-25' }, facts)).toEqual({ range: { from: '2019-11-20', to: '2019-11-25' }, basis: 'from_to' });
    expect(reportRange({ from: '2019-12-09' }, facts)).toEqual({ range: { from: '2019-12-09', to: '2019-12-11' }, basis: 'from_to' });
    expect(reportRange({}, { ...facts, events: [] })).toEqual({ range: { from: '2019-12-11', to: '2019-12-11' }, basis: 'end_day' });
  });

  test("the sample story ends on the last day with records, else on the alert's first day", () => {
    const sample = { today: '2026-03-01', events: [events[2]!], sampleStory: true };
    expect(reportRange({}, { ...sample, lastRecordDate: '2019-12-09' })).toEqual({ range: { from: '2019-12-08', to: '2019-12-09' }, basis: 'alert' });
    expect(reportRange({}, { ...sample, lastRecordDate: null })).toEqual({ range: { from: '2019-12-08', to: '2019-12-08' }, basis: 'alert' });
  });

  test("the latest alert's start and the strictest level in force during the range", () => {
    expect(lastAlertStart(events, at('2019-12-01', 0))).toBe('2019-11-20');
    expect(lastAlertStart(events, at('2019-11-01', 0))).toBeNull();
    expect(strictestLevel(events, { from: '2019-12-08', to: '2019-12-08' })).toBe('orange');
    expect(strictestLevel(events, { from: '2019-12-08', to: '2019-12-09' })).toBe('red');
    expect(strictestLevel(events, { from: '2019-12-10', to: '2019-12-10' })).toBe('red');
    expect(strictestLevel(events, { from: '2019-11-21', to: '2019-11-21' })).toBe('yellow');
    expect(strictestLevel(events, { from: '2019-11-23', to: '2019-12-01' })).toBeNull();
  });
});
