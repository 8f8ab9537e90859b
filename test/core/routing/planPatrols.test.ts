import { INSPECTED_ACTIONS, type Enterprise, type TownSetup } from '../../../src/core/model.js';
import { planPatrols, type PlanDay } from '../../../src/core/routing/planPatrols.js';
import { villagesWithoutGroup } from '../../../src/core/routing/areas.js';
import { scheduleDay } from '../../../src/core/routing/daySchedule.js';
import { travelModel } from '../../../src/core/routing/travel.js';
import { addDays } from '../../../src/core/time.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const town = sampleTown();
const measures = town.measuresAt('orange');
const days = (n: number, firstStart = town.setup.workingDay.start): PlanDay[] =>
  Array.from({ length: n }, (_, i) => ({
    date: addDays('2019-12-08', i),
    window: { start: i === 0 ? firstStart : town.setup.workingDay.start, end: town.setup.workingDay.end, lunch: town.setup.workingDay.lunch },
  }));
const plan = (n: number, seed = 1, firstStart?: number) =>
  planPatrols({ level: 'orange', enterprises: town.list.enterprises, measures, setup: town.setup, days: days(n, firstStart), seed });

const required = town.list.enterprises.filter((e) => INSPECTED_ACTIONS.includes(measures.get(e.creditCode)!.action));
const groupOfVillage = new Map(town.setup.groups.flatMap((g) => g.villages.map((v) => [v, g.id] as const)));

describe('patrol plan on the sample town at orange', () => {
  const p = plan(3);

  test('the sample has enterprises to check in every group', () => {
    expect(required.length).toBeGreaterThan(60);
    for (const g of town.setup.groups) expect(required.some((e) => groupOfVillage.get(e.village) === g.id)).toBe(true);
  });

  test('every enterprise that must stop or limit is visited at least once', () => {
    const visited = new Set(p.routes.flatMap((r) => r.visits.map((v) => v.creditCode)));
    expect(required.filter((e) => !visited.has(e.creditCode)).map((e) => e.name)).toEqual([]);
    expect(p.unplanned).toEqual([]);
  });

  test('each group visits only its own villages', () => {
    const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
    for (const r of p.routes) for (const v of r.visits) expect(groupOfVillage.get(byCode.get(v.creditCode)!.village)).toBe(r.groupId);
  });

  test('every day starts and ends at the base within the working day, and its times add up', () => {
    const travel = travelModel(town.setup);
    const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
    for (const r of p.routes) {
      expect(r.returnAt).toBeLessThanOrEqual(town.setup.workingDay.end);
      if (r.visits.length === 0) continue;
      expect(r.visits[0]!.arrive).toBeGreaterThanOrEqual(town.setup.workingDay.start);
      // Recompute the day from scratch: the plan's own times must agree.
      const service = (i: number) => r.visits[i]!.depart - r.visits[i]!.arrive;
      const again = scheduleDay(
        town.setup.base,
        r.visits.map((v) => byCode.get(v.creditCode)!.location),
        service,
        { start: town.setup.workingDay.start, end: town.setup.workingDay.end, lunch: town.setup.workingDay.lunch },
        travel,
      );
      expect(again.returnAt).toBeCloseTo(r.returnAt, 6);
      r.visits.forEach((v, i) => {
        expect(v.seq).toBe(i + 1);
        // Large emitters take longer on site (service_minutes_large); everyone else the standard time.
        expect(service(i)).toBeCloseTo(v.reason.includes('large_emitter') ? (town.setup.serviceMinutesLarge ?? 0) : town.setup.serviceMinutes, 6);
        expect(v.arrive).toBeCloseTo(again.stops[i]!.arrive, 6);
      });
    }
  });

  test('no visit overlaps the lunch break', () => {
    const lunch = town.setup.workingDay.lunch!;
    for (const r of p.routes) for (const v of r.visits) expect(v.arrive < lunch.start || v.arrive >= lunch.end).toBe(true);
  });

  test('the first round is done within the coverage days and spread over them', () => {
    for (const c of p.coverage) {
      expect(c.covered).toBe(c.required);
      expect(c.coveredByDay).toBeLessThanOrEqual(town.setup.coverageDays);
    }
    for (const g of town.setup.groups) {
      const [d1, d2] = p.routes.filter((r) => r.groupId === g.id).map((r) => r.visits.length);
      expect(Math.abs(d1! - d2!)).toBeLessThanOrEqual(Math.ceil((d1! + d2!) * 0.25));
    }
  });

  test('the riskiest come first: every must-stop D-grade enterprise is visited on day 1 or 2, before any recheck', () => {
    const day3 = p.routes.filter((r) => r.date === '2019-12-10').flatMap((r) => r.visits);
    expect(day3.every((v) => v.reason.includes('recheck'))).toBe(true);
  });

  test('same inputs and seed → the same plan; the plan does not depend on the input order', () => {
    expect(plan(3)).toEqual(p);
    const shuffled = [...town.list.enterprises].reverse();
    const q = planPatrols({ level: 'orange', enterprises: shuffled, measures, setup: town.setup, days: days(3), seed: 1 });
    expect(q.routes).toEqual(p.routes);
  });

  test('day k is the same whether 2 or 5 days are planned', () => {
    const two = plan(2);
    const five = plan(5);
    expect(five.routes.filter((r) => r.date <= '2019-12-09')).toEqual(two.routes);
  });

  test('an alert that starts at 14:00 leaves the first afternoon only, and coverage still completes', () => {
    const q = plan(3, 1, 14 * 60);
    for (const r of q.routes.filter((x) => x.date === '2019-12-08')) {
      for (const v of r.visits) expect(v.arrive).toBeGreaterThanOrEqual(14 * 60);
      expect(r.returnAt).toBeLessThanOrEqual(town.setup.workingDay.end);
    }
    expect(q.unplanned).toEqual([]);
  });

  test('what does not fit is reported, never dropped', () => {
    const tight: TownSetup = { ...town.setup, serviceMinutes: 120 };
    const q = planPatrols({ level: 'orange', enterprises: town.list.enterprises, measures, setup: tight, days: days(1), seed: 1 });
    const visited = q.routes.flatMap((r) => r.visits.map((v) => v.creditCode));
    expect(visited.length + q.unplanned.length).toBe(required.length);
    expect(q.unplanned.length).toBeGreaterThan(0);
  });
});

describe('areas', () => {
  test('an enterprise in a village of no group goes to the nearest group and is reported', () => {
    const stray: Enterprise = {
      ...town.list.enterprises.find((e) => measures.get(e.creditCode)!.action === 'stop')!,
      creditCode: 'X-STRAY',
      village: '不存在村',
    };
    const nearest = town.list.enterprises
      .filter((e) => e.creditCode !== stray.creditCode)
      .map((e) => ({ g: groupOfVillage.get(e.village)!, d: Math.hypot(e.location.lon - stray.location.lon, e.location.lat - stray.location.lat) }))
      .sort((a, b) => a.d - b.d)[0]!.g;
    const m = new Map(measures);
    m.set('X-STRAY', { ...measures.get(town.list.enterprises.find((e) => e.location === stray.location)!.creditCode)!, creditCode: 'X-STRAY' });
    const q = planPatrols({ level: 'orange', enterprises: [...town.list.enterprises, stray], measures: m, setup: town.setup, days: days(3), seed: 1 });
    expect(q.reassigned).toEqual([{ creditCode: 'X-STRAY', village: '不存在村', groupId: nearest }]);
    expect(q.routes.some((r) => r.groupId === nearest && r.visits.some((v) => v.creditCode === 'X-STRAY'))).toBe(true);
  });

  test("the list's villages that no group names, each once, with its enterprises and first row", () => {
    expect(villagesWithoutGroup(town.list.enterprises, town.setup.groups)).toEqual([]);
    const [a, b] = town.list.enterprises;
    const strays: Enterprise[] = [
      { ...a!, village: '甲村', row: 7 },
      { ...b!, village: '乙村', row: 9 },
      { ...a!, village: '甲村', row: 12 },
    ];
    expect(villagesWithoutGroup([...town.list.enterprises, ...strays], town.setup.groups)).toEqual([
      { village: '甲村', enterprises: 2, firstRow: 7 },
      { village: '乙村', enterprises: 1, firstRow: 9 },
    ]);
  });
});
