/** The district report's days: each town's range as its own report chooses it, from the earliest to the end. */
import type { AlertEvent } from '../../src/core/alert.js';
import { districtRange } from '../../src/core/reportRange.js';

const at = (date: string, hhmm: string) => ({ date, minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });
const issue = (date: string, level: 'yellow' | 'orange' | 'red' = 'orange'): AlertEvent => ({ kind: 'issue', level, at: at(date, '08:00') });
const lift = (date: string): AlertEvent => ({ kind: 'lift', level: null, at: at(date, '12:00') });

test('without flags: from the earliest first day of any town’s latest alert to today', () => {
  expect(districtRange({}, '2019-12-10', [[issue('2019-12-08')], [issue('2019-12-07', 'red'), lift('2019-12-09')], []])).toEqual({
    range: { from: '2019-12-07', to: '2019-12-10' },
    basis: 'alert',
  });
});

test('a town’s earlier, finished alert does not stretch the range: its latest one counts, as in its own report', () => {
  expect(districtRange({}, '2019-12-20', [[issue('2019-12-01'), lift('2019-12-03'), issue('2019-12-18')], [issue('2019-12-19')]])).toEqual({
    range: { from: '2019-12-18', to: '2019-12-20' },
    basis: 'alert',
  });
});

test('no town with an alert: today alone; no town at all: the same', () => {
  expect(districtRange({}, '2019-12-10', [[], []])).toEqual({ range: { from: '2019-12-10', to: '2019-12-10' }, basis: 'end_day' });
  expect(districtRange({}, '2019-12-10', [])).toEqual({ range: { from: '2019-12-10', to: '2019-12-10' }, basis: 'end_day' });
});

test('--date, --from/--to as the local report takes them; a wrong pair is the local report’s error', () => {
  const towns = [[issue('2019-12-08')], [issue('2019-12-07')]];
  expect(districtRange({ date: '2019-12-09' }, '2019-12-10', towns)).toEqual({ range: { from: '2019-12-09', to: '2019-12-09' }, basis: 'date' });
  expect(districtRange({ to: '2019-12-09' }, '2019-12-10', towns)).toEqual({ range: { from: '2019-12-07', to: '2019-12-09' }, basis: 'from_to' });
  expect(districtRange({ from: '2019-12-11', to: '2019-12-09' }, '2019-12-10', towns)).toHaveProperty('error');
});
