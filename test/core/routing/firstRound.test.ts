/**
 * The first round of a plan on a small hand-made town: a day with time to spare takes every required
 * enterprise that fits, whatever coverage_days says; what does not fit waits for the next day.
 */
import type { Action, Enterprise, Grade, RequiredMeasure, TownSetup } from '../../../src/core/model.js';
import { planPatrols, type PlanDay } from '../../../src/core/routing/planPatrols.js';
import { addDays } from '../../../src/core/time.js';

const base = { name: '镇政府', lon: 119.0, lat: 31.0 };

/** Five plants of one village, 1–6 km from the base; the D-grade must-stop plant is the farthest. */
const plants: { code: string; grade: Grade; action: Action; dLon: number }[] = [
  { code: 'P1', grade: 'B', action: 'limit', dLon: 0.01 },
  { code: 'P2', grade: 'B', action: 'limit', dLon: 0.012 },
  { code: 'P3', grade: 'C', action: 'limit', dLon: 0.015 },
  { code: 'P4', grade: 'C', action: 'stop_part', dLon: 0.02 },
  { code: 'P5', grade: 'D', action: 'stop', dLon: 0.06 },
];

const enterprise = (p: (typeof plants)[number], i: number): Enterprise => ({
  creditCode: p.code,
  name: `企业${p.code}`,
  town: '甲镇',
  village: '甲村',
  address: '',
  industry: '建材',
  grade: p.grade,
  gradeTags: [],
  contact: '',
  phone: '',
  location: { lon: base.lon + p.dLon, lat: base.lat },
  emissions: { so2: null, nox: null, pm: null, vocs: null },
  truckTrips: null,
  measureText: { yellow: '', orange: '', red: '' },
  row: i + 2,
});

const measure = (p: (typeof plants)[number]): RequiredMeasure => ({
  creditCode: p.code,
  level: 'orange',
  action: p.action,
  limitPct: null,
  processes: [],
  truckBan: false,
  text: '',
  source: 'test',
  uninterpreted: [],
  bans: [],
  because: {
    action: { by: 'none', words: null, rule: null },
    share: { by: 'none', words: null, rule: null },
    truckBan: { by: 'none', words: null, rule: null },
  },
  warnings: [],
  extra: [],
});

const enterprises = plants.map(enterprise);
const measures = new Map(plants.map((p) => [p.code, measure(p)]));

/** 08:30–17:30 with an hour for lunch: 8 hours on offer; 30 minutes on site makes the round about 3 hours. */
const setup = (coverageDays: number): TownSetup => ({
  town: '甲镇',
  county: '',
  city: '',
  base,
  workingDay: { start: 8 * 60 + 30, end: 17 * 60 + 30, lunch: { start: 12 * 60, end: 13 * 60 } },
  speedKmh: 30,
  detourFactor: 1.35,
  serviceMinutes: 30,
  serviceMinutesLarge: null,
  night: null,
  coverageDays,
  coordSystem: 'wgs84',
  groups: [{ id: '1', name: '第一组', leader: '', phone: '', members: [], villages: ['甲村'] }],
});

const days = (s: TownSetup, n: number, firstStart = s.workingDay.start): PlanDay[] =>
  Array.from({ length: n }, (_, i) => ({
    date: addDays('2026-12-01', i),
    window: { start: i === 0 ? firstStart : s.workingDay.start, end: s.workingDay.end, lunch: s.workingDay.lunch },
  }));

const plan = (coverageDays: number, n: number, firstStart?: number) => {
  const s = setup(coverageDays);
  return planPatrols({ level: 'orange', enterprises, measures, setup: s, days: days(s, n, firstStart), seed: 1 });
};
const visitedOn = (p: ReturnType<typeof plan>, date: string) =>
  p.routes
    .filter((r) => r.date === date)
    .flatMap((r) => r.visits.map((v) => v.creditCode))
    .sort();

describe('the first round takes every enterprise a day has time for', () => {
  test.each([1, 2, 3, 5])('coverage_days %i, one day planned: all five on day one, nothing unplanned', (coverageDays) => {
    const p = plan(coverageDays, 1);
    expect(visitedOn(p, '2026-12-01')).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(p.unplanned).toEqual([]);
    expect(p.coverage[0]!.coveredByDay).toBe(1);
    // The hours are what the summary reports: about 3 hours needed, 8 on offer each day.
    expect(p.coverage[0]!.minutesNeeded).toBeLessThan(4 * 60);
    expect(p.coverage[0]!.minutesPlanned).toBe(8 * 60);
  });

  test('day one is the same whether 1 or 3 days are planned; later days go round again', () => {
    const one = plan(3, 1);
    const three = plan(3, 3);
    expect(three.routes.filter((r) => r.date === '2026-12-01')).toEqual(one.routes);
    const later = three.routes.filter((r) => r.date > '2026-12-01').flatMap((r) => r.visits);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((v) => v.reason.includes('recheck'))).toBe(true);
  });

  test('a short first day (the alert from 16:00) takes what fits; the rest follow the next day', () => {
    const p = plan(2, 2, 16 * 60);
    const first = visitedOn(p, '2026-12-01');
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(5);
    expect([...first, ...visitedOn(p, '2026-12-02')].sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(p.unplanned).toEqual([]);
  });

  test('a short day is the same in a plan of one day and of two: what is left out is named, never dropped', () => {
    const one = plan(2, 1, 16 * 60);
    const two = plan(2, 2, 16 * 60);
    expect(two.routes.filter((r) => r.date === '2026-12-01')).toEqual(one.routes);
    expect([...visitedOn(one, '2026-12-01'), ...one.unplanned.map((u) => u.creditCode)].sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(one.unplanned.length).toBeGreaterThan(0);
  });

  test('a day with no time at all leaves everyone for later, and says so as unplanned when no day follows', () => {
    const p = plan(2, 1, 17 * 60 + 30);
    expect(visitedOn(p, '2026-12-01')).toEqual([]);
    expect(p.unplanned.map((u) => u.creditCode).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
  });
});
