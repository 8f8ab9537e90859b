/** Clues from the evidence steer the plan: they raise a visit, make it a must of the first day, and send night clues to the evening round. */
import type { InspectionHistory } from '../../../src/core/routing/priority.js';
import { priorityOf, largeEmitterThreshold } from '../../../src/core/routing/priority.js';
import { planPatrols, type PlanDay } from '../../../src/core/routing/planPatrols.js';
import { addDays } from '../../../src/core/time.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const town = sampleTown();
const measures = town.measuresAt('orange');
const largeAt = largeEmitterThreshold(town.list.enterprises);
const day = (date: string, window: { start: number; end: number } = town.setup.workingDay): PlanDay => ({
  date,
  window: { start: window.start, end: window.end, lunch: null },
});
const clean: InspectionHistory = { violationOnLastVisit: false, openProvincialFinding: false, visitsThisAlert: 1, lastVisit: '2019-12-08' };
const stopper = town.list.enterprises.find((e) => measures.get(e.creditCode)!.action === 'stop')!;
const selfManaged = town.list.enterprises.find((e) => ['self', 'exempt', 'none'].includes(measures.get(e.creditCode)!.action))!;

describe('a clue in the ranking', () => {
  test('a clue that suggests a breach outranks every reason the list alone gives, and says why', () => {
    const plain = priorityOf(stopper, measures.get(stopper.creditCode)!, largeAt, clean);
    const clued = priorityOf(stopper, measures.get(stopper.creditCode)!, largeAt, { ...clean, clues: { kinds: ['production_during_stop'], atNight: false } });
    expect(clued.score - plain.score).toBe(600);
    expect(clued.reasons[0]).toBe('evidence_clue');
    expect(plain.reasons).not.toContain('evidence_clue');
  });

  test('a silent meter raises a visit a little, as data missing, not as a breach', () => {
    const plain = priorityOf(stopper, measures.get(stopper.creditCode)!, largeAt, clean);
    const silent = priorityOf(stopper, measures.get(stopper.creditCode)!, largeAt, { ...clean, clues: { kinds: ['meter_silent'], atNight: false } });
    expect(silent.score - plain.score).toBe(25);
    expect(silent.reasons).toContain('data_missing');
    expect(silent.reasons).not.toContain('evidence_clue');
  });
});

describe('a clue in the plan', () => {
  const visitedOn = (history: Map<string, InspectionHistory>, code: string, shift: 'day' | 'night') => {
    const window = shift === 'night' ? town.setup.night! : town.setup.workingDay;
    const p = planPatrols({
      level: 'orange',
      enterprises: town.list.enterprises,
      measures,
      setup: town.setup,
      days: [day('2019-12-10', window), day(addDays('2019-12-10', 1), window)],
      seed: 1,
      history,
      ...(shift === 'night' ? { actions: ['stop'] as const, night: true } : {}),
    });
    return p.routes.filter((r) => r.visits.some((v) => v.creditCode === code)).map((r) => r.date);
  };
  // Everyone was seen already on the 8th and 9th: the 10th is a day of re-checks.
  const seen = new Map(town.list.enterprises.map((e) => [e.creditCode, { ...clean, visitsThisAlert: 2, lastVisit: '2019-12-09' }]));

  test('an enterprise under no order whose records suggest a breach is visited on the first day', () => {
    expect(visitedOn(seen, selfManaged.creditCode, 'day')).toEqual([]);
    const clued = new Map(seen).set(selfManaged.creditCode, { ...seen.get(selfManaged.creditCode)!, clues: { kinds: ['treatment_off'], atNight: false } });
    expect(visitedOn(clued, selfManaged.creditCode, 'day')[0]).toBe('2019-12-10');
  });

  test('the evening round takes a clue that reaches into the night, and leaves a daytime one to the day', () => {
    const withClue = (atNight: boolean) =>
      new Map(seen).set(selfManaged.creditCode, { ...seen.get(selfManaged.creditCode)!, clues: { kinds: ['night_use'] as const, atNight } });
    expect(visitedOn(withClue(true), selfManaged.creditCode, 'night')[0]).toBe('2019-12-10');
    expect(visitedOn(withClue(false), selfManaged.creditCode, 'night')).toEqual([]);
  });
});
