/** The plan's calendar, moved from the command line into core: each day's window and the default length. */
import { clockEffect, defaultDayCount, MAX_AUTO_DAYS, planDay, planDayOn } from '../../../src/core/routing/planCalendar.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const { setup } = sampleTown();
const day = setup.workingDay;
const at = (date: string, hh: number, mm = 0) => ({ date, minutes: hh * 60 + mm });

describe('planDayOn: a day starts no earlier than the alert', () => {
  test('the alert began that afternoon: the day starts then', () => {
    expect(planDayOn(setup, '2019-12-08', at('2019-12-08', 14), 'day').window).toEqual({ start: 14 * 60, end: day.end, lunch: day.lunch });
  });
  test('a day after the alert began: the whole working day', () => {
    expect(planDayOn(setup, '2019-12-09', at('2019-12-08', 14), 'day').window.start).toBe(day.start);
  });
  test('an alert from before the working day: the working day', () => {
    expect(planDayOn(setup, '2019-12-08', at('2019-12-08', 6), 'day').window.start).toBe(day.start);
  });
  test('an alert from after the working day, or a day before it: nothing to check (start = end)', () => {
    expect(planDayOn(setup, '2019-12-08', at('2019-12-08', 20), 'day').window.start).toBe(day.end);
    expect(planDayOn(setup, '2019-12-07', at('2019-12-08', 14), 'day').window.start).toBe(day.end);
  });
  test('the evening round uses the night hours and has no lunch', () => {
    expect(planDayOn(setup, '2019-12-09', null, 'night').window).toEqual({ start: setup.night!.start, end: setup.night!.end, lunch: null });
  });
  test('planDay counts days from the start', () => {
    expect(planDay(setup, '2019-12-08', 2, null, 'day').date).toBe('2019-12-10');
  });
});

describe('defaultDayCount: the alert expected length, at least the coverage days, at most MAX_AUTO_DAYS', () => {
  test('no expected end: the coverage days', () => {
    expect(defaultDayCount(setup, '2019-12-08', null)).toBe(setup.coverageDays);
  });
  test('an end during the working day counts that day', () => {
    expect(defaultDayCount({ ...setup, coverageDays: 1 }, '2019-12-08', at('2019-12-12', 12))).toBe(5);
    expect(defaultDayCount({ ...setup, coverageDays: 1 }, '2019-12-08', at('2019-12-12', 0))).toBe(4);
  });
  test('never more than MAX_AUTO_DAYS', () => {
    expect(defaultDayCount(setup, '2019-12-08', at('2020-03-01', 12))).toBe(MAX_AUTO_DAYS);
  });
});

describe('planDayOn: today starts no earlier than now', () => {
  const now = at('2019-12-09', 15, 10);
  test('printed at 15:10: the day starts then, and the clock is named as the reason', () => {
    expect(planDayOn(setup, '2019-12-09', at('2019-12-08', 14), 'day', now).window).toEqual({ start: 15 * 60 + 10, end: day.end, lunch: day.lunch });
    expect(clockEffect(setup, '2019-12-09', at('2019-12-08', 14), 'day', now)).toEqual({ kind: 'from', minutes: 15 * 60 + 10 });
  });
  test('now is rounded up to the next five minutes, and past the lunch break', () => {
    expect(planDayOn(setup, '2019-12-09', null, 'day', at('2019-12-09', 9, 1)).window.start).toBe(9 * 60 + 5);
    expect(planDayOn(setup, '2019-12-09', null, 'day', at('2019-12-09', 12, 20)).window.start).toBe(day.lunch!.end);
  });
  test('before the working day, or on another day: the clock changes nothing', () => {
    expect(clockEffect(setup, '2019-12-09', null, 'day', at('2019-12-09', 7, 50))).toBeNull();
    expect(clockEffect(setup, '2019-12-10', null, 'day', now)).toBeNull();
    expect(clockEffect(setup, '2019-12-08', null, 'day', now)).toBeNull();
    expect(planDayOn(setup, '2019-12-08', null, 'day', now).window.start).toBe(day.start);
  });
  test('an alert that begins after now: the alert sets the start, not the clock', () => {
    expect(clockEffect(setup, '2019-12-09', at('2019-12-09', 16), 'day', now)).toBeNull();
  });
  test('after the working day: no time left', () => {
    expect(clockEffect(setup, '2019-12-09', null, 'day', at('2019-12-09', 17, 40))).toEqual({ kind: 'over', end: day.end });
    expect(planDayOn(setup, '2019-12-09', null, 'day', at('2019-12-09', 17, 40)).window.start).toBe(day.end);
  });
});
