import fc from 'fast-check';
import { addDays, compareWallTime, formatClock, formatDayClock, fromInstant, parseDate, parseWallTime, ZONE } from '../../src/core/time.js';

/** Beijing's wall clock by the zone database, as an independent check of fromInstant's fixed +8 since 1991. */
function byZoneDatabase(ms: number): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

describe('Beijing wall-clock times', () => {
  test.each([
    ['2019-12-08 14:00', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08T14:00', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08 14:00:00', { date: '2019-12-08', minutes: 840 }],
    ['2019年12月8日14时', { date: '2019-12-08', minutes: 840 }],
    ['2019年12月8日14时30分', { date: '2019-12-08', minutes: 870 }],
    ['２０１９年１２月８日１４时', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08T06:00:00Z', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08T14:00+08:00', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08T01:00:00-05:00', { date: '2019-12-08', minutes: 840 }],
    ['2019-12-08T20:00:00Z', { date: '2019-12-09', minutes: 240 }],
    ['2019-12-08', { date: '2019-12-08', minutes: 0 }],
  ])('%s', (input, expected) => {
    expect(parseWallTime(input)).toEqual(expected);
  });

  test.each(['2019-13-08 14:00', '2019-02-30', 'tomorrow', '2019-12-08 25:00', ''])('%s is refused', (input) => {
    expect(parseWallTime(input)).toBeNull();
  });

  test('dates', () => {
    expect(parseDate('2019/12/8')).toBe('2019-12-08');
    expect(parseDate('20191208')).toBe('2019-12-08');
    expect(parseDate('2019年12月8日')).toBe('2019-12-08');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(formatClock(8 * 60 + 5)).toBe('08:05');
    // A night round's clock past midnight is marked, never 25:10.
    expect(formatDayClock(23 * 60 + 59.6)).toBe('次日 00:00');
    expect(formatDayClock(22 * 60)).toBe('22:00');
    expect(formatDayClock(25 * 60 + 10)).toBe('次日 01:10');
    expect(formatDayClock(25 * 60 + 10, 'en')).toBe('01:10 next day');
    expect(compareWallTime({ date: '2019-12-08', minutes: 1 }, { date: '2019-12-07', minutes: 900 })).toBeGreaterThan(0);
  });

  test('an instant on the Beijing wall clock: as the zone database says, around the end of summer time in 1991 and since', () => {
    // Summer time (+09:00) ended 1991-09-15 02:00, the clocks going back to 01:00 (+08:00).
    expect(fromInstant(Date.parse('1991-09-14T16:59:00Z'))).toEqual({ date: '1991-09-15', minutes: 119 });
    expect(fromInstant(Date.parse('1991-09-14T17:00:00Z'))).toEqual({ date: '1991-09-15', minutes: 60 });
    expect(fromInstant(Date.parse('1991-07-01T00:00:00Z'))).toEqual({ date: '1991-07-01', minutes: 9 * 60 });
    expect(fromInstant(Date.parse('2019-12-08T06:00:00Z'))).toEqual({ date: '2019-12-08', minutes: 840 });
    expect(fromInstant(Date.parse('2019-12-31T16:30:00Z'))).toEqual({ date: '2020-01-01', minutes: 30 });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(fromInstant(ms)).toEqual(byZoneDatabase(ms));
      }),
      { numRuns: 2000 },
    );
  });
});
