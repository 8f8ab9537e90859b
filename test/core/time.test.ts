import fc from 'fast-check';
import {
  addDays,
  compareWallTime,
  formatClock,
  formatDayClock,
  fromExcelSerial,
  fromInstant,
  parseClock,
  parseDate,
  parseWallTime,
  ZONE,
} from '../../src/core/time.js';

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

describe('check times as Excel and WPS write them and people type them', () => {
  const t = (date: string, hh: number, mm: number) => ({ date, minutes: hh * 60 + mm });
  test.each([
    // Excel's and WPS's own display of a date-time cell, saved into CSV as shown
    ['2026/12/1 13:05', t('2026-12-01', 13, 5)],
    ['2026/12/1 13:05:00', t('2026-12-01', 13, 5)],
    ['2026/12/1 下午 1:05', t('2026-12-01', 13, 5)],
    ['2026/12/1 1:05 PM', t('2026-12-01', 13, 5)],
    ['2026/12/1 12:10 AM', t('2026-12-01', 0, 10)],
    // typed: single-digit months, days and hours, dots, 年月日时
    ['2026-12-2 9:00', t('2026-12-02', 9, 0)],
    ['2026.12.2 9:00', t('2026-12-02', 9, 0)],
    ['2026年12月2日9时', t('2026-12-02', 9, 0)],
    ['2026年12月2日 9时30分', t('2026-12-02', 9, 30)],
    ['2026年12月2日9点30', t('2026-12-02', 9, 30)],
    ['2026年12月2日下午3点', t('2026-12-02', 15, 0)],
    ['2026/12/1\u00a013:05', t('2026-12-01', 13, 5)],
    ['２０２６／１２／１　１３：０５', t('2026-12-01', 13, 5)],
  ])('%s', (input, expected) => {
    expect(parseWallTime(input)).toEqual(expected);
  });

  test.each([
    // the year, or the whole date, from the date the row belongs to
    ['12月2日9时30分', t('2026-12-02', 9, 30)],
    ['12月2日 9:30', t('2026-12-02', 9, 30)],
    ['09:00', t('2026-12-02', 9, 0)],
    ['9:00', t('2026-12-02', 9, 0)],
    ['9时', t('2026-12-02', 9, 0)],
    ['9时5分', t('2026-12-02', 9, 5)],
    ['13:05:00', t('2026-12-02', 13, 5)],
    ['下午1:05', t('2026-12-02', 13, 5)],
    ['24:00', t('2026-12-03', 0, 0)],
    // a full date still says its own date
    ['2026/12/1 13:05', t('2026-12-01', 13, 5)],
  ])('%s on 2026-12-02', (input, expected) => {
    expect(parseWallTime(input, '2026-12-02')).toEqual(expected);
  });

  test.each(['9:00', '9时', '12月2日9时'])('%s without a date to go with it is refused', (input) => {
    expect(parseWallTime(input)).toBeNull();
  });

  test.each(['25:00', '9:60', '上午 14:00', '13:05 PM0', '2026/13/1 13:05', '2026/2/30 9:00', '2月30日9时', '', 'soon', '9', '13.05'])(
    '%s is refused even with a date',
    (input) => {
      expect(parseWallTime(input, '2026-12-02')).toBeNull();
    },
  );

  test('a clock alone', () => {
    expect(parseClock('14:00')).toBe(840);
    expect(parseClock('14时30分')).toBe(870);
    expect(parseClock('下午 14:05')).toBe(14 * 60 + 5); // what was meant
    expect(parseClock('中午12点')).toBe(12 * 60);
    expect(parseClock('12:30 AM')).toBe(30);
    expect(parseClock('上午 14:05')).toBeNull();
  });

  test('Excel serial numbers (the 1900 system): days since 1899-12-30, the fraction the time of day', () => {
    expect(fromExcelSerial(43807)).toEqual(t('2019-12-08', 0, 0));
    expect(fromExcelSerial(43807 + (15 * 60 + 5) / 1440)).toEqual(t('2019-12-08', 15, 5));
    expect(fromExcelSerial(43807.628472222)).toEqual(t('2019-12-08', 15, 5)); // as a General cell shows it
    expect(fromExcelSerial(0)).toBeNull();
  });
});
