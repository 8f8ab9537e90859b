import type { AlertEvent } from '../../src/core/alert.js';
import { buildCircular, circularLevel, circularRange, RECTIFY_DAYS, type CircularFinding } from '../../src/core/circular.js';
import { sampleTown } from '../helpers/sampleTown.js';

const at = (date: string, hour: number) => ({ date, minutes: hour * 60 });
const issued: AlertEvent = { kind: 'issue', level: 'orange', at: at('2019-12-08', 14) };
const raised: AlertEvent = { kind: 'change', level: 'red', at: at('2019-12-09', 8) };
const lifted: AlertEvent = { kind: 'lift', level: null, at: at('2019-12-10', 12) };

describe('the days a circular covers', () => {
  test('with an alert in force at the end: from the day it began', () => {
    expect(circularRange({}, '2019-12-10', [issued])).toEqual({ range: { from: '2019-12-08', to: '2019-12-10' }, basis: 'alert' });
  });
  test('with no alert in force (none recorded, or lifted before the end): the seven days up to the end', () => {
    expect(circularRange({}, '2019-12-10', [])).toEqual({ range: { from: '2019-12-04', to: '2019-12-10' }, basis: 'last_days' });
    expect(circularRange({}, '2019-12-12', [issued, lifted])).toEqual({ range: { from: '2019-12-06', to: '2019-12-12' }, basis: 'last_days' });
  });
  test('--to moves the end, and the alert is the one in force then', () => {
    expect(circularRange({ to: '2019-12-09' }, '2019-12-20', [issued, lifted])).toEqual({ range: { from: '2019-12-08', to: '2019-12-09' }, basis: 'alert' });
  });
  test('a start after the end is refused, saying the end was today when --to was not given', () => {
    expect(circularRange({ from: '2019-12-11' }, '2019-12-10', [])).toEqual({
      error: {
        zh: '开始日期 2019-12-11 晚于结束日期 2019-12-10（未给 --to，结束日期为今天）',
        en: 'the start 2019-12-11 is after the end 2019-12-10 (no --to given, so the end is today)',
      },
    });
  });
});

describe('the level a circular repeats', () => {
  const range = { from: '2019-12-08', to: '2019-12-12' };
  test('the alert in force at the end, since its level took effect', () => {
    expect(circularLevel(undefined, [issued, raised], range)).toEqual({ level: 'red', since: at('2019-12-09', 8), basis: 'in_force' });
  });
  test('lifted before the end: the strictest level of the range; no alert at all: none; --level wins', () => {
    expect(circularLevel(undefined, [issued, raised, lifted], range)).toEqual({ level: 'red', since: null, basis: 'strictest' });
    expect(circularLevel(undefined, [], range)).toBeNull();
    expect(circularLevel('yellow', [issued], range)).toEqual({ level: 'yellow', since: null, basis: 'flag' });
  });
});

describe('the circular itself', () => {
  const town = sampleTown();
  const [a, b] = town.list.enterprises;
  const finding = (over: Partial<CircularFinding>): CircularFinding => ({
    date: '2019-12-08',
    creditCode: a!.creditCode,
    name: a!.name,
    bulletinName: null,
    problem: '未落实停产措施',
    source: '苏大气办〔2019〕12号',
    status: 'open',
    closedAt: null,
    ...over,
  });
  const build = (findings: CircularFinding[]) =>
    buildCircular({
      town: '薛埠镇',
      issued: '2019-12-10',
      range: { from: '2019-12-08', to: '2019-12-10' },
      level: { level: 'orange', since: null, basis: 'flag' },
      enterprises: town.list.enterprises,
      measures: town.measuresAt('orange'),
      findings,
    });

  test(`an open finding is to be rectified ${RECTIFY_DAYS} days after the circular's date; a closed one has no deadline`, () => {
    const c = build([finding({}), finding({ creditCode: b!.creditCode, name: b!.name, status: 'closed', closedAt: '2019-12-09 16:00' })]);
    expect(c.rectifyBy).toBe('2019-12-13');
    expect(c.entries.find((x) => x.e === a)!.rectifyBy).toBe('2019-12-13');
    expect(c.entries.find((x) => x.e === b)!.rectifyBy).toBeNull();
    expect(c.entries.find((x) => x.e === b)!.message).toContain('经镇复查已整改到位');
  });

  test('findings outside the range are left out; one of an enterprise no longer on the list is kept aside, with no entry', () => {
    const c = build([finding({ date: '2019-12-07' }), finding({ creditCode: '91320413000000000X', name: '', bulletinName: '某已搬迁企业' })]);
    expect(c.findings.map((f) => f.bulletinName)).toEqual(['某已搬迁企业']);
    expect(c.offList.map((f) => f.bulletinName)).toEqual(['某已搬迁企业']);
    expect(c.entries).toHaveLength(town.list.enterprises.length);
    expect(c.entries.every((x) => x.findings.length === 0)).toBe(true);
  });

  test('nothing found and every finding closed: no deadline at all', () => {
    expect(build([]).rectifyBy).toBeNull();
    expect(build([finding({ status: 'closed', closedAt: '2019-12-09 16:00' })]).rectifyBy).toBeNull();
  });
});
