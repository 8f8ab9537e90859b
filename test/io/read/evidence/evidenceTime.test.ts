import { numberOf, wallMinuteOf } from '../../../../src/io/read/evidence/evidenceTime.js';
import { emissionStageOf } from '../../../../src/io/read/evidence/gateFile.js';
import { toWallMinute } from '../../../../src/core/time.js';

const at = (date: string, minutes: number) => toWallMinute({ date, minutes });

test.each([
  ['20191208 141500', at('2019-12-08', 855)],
  ['20191208141500', at('2019-12-08', 855)],
  ['201912081415', at('2019-12-08', 855)],
  ['2019-12-08 14:15', at('2019-12-08', 855)],
  ['2019-12-08T14:15:00', at('2019-12-08', 855)],
  ['2019/12/8 14:15', at('2019-12-08', 855)],
  ['2019-12-08 14:14:59', at('2019-12-08', 855)],
  ['2019-12-08 24:00', at('2019-12-09', 0)],
  ['2019-12-08T06:15:00Z', at('2019-12-08', 855)],
  ['2019年12月8日14时15分', at('2019-12-08', 855)],
  ['43807.59375', at('2019-12-08', 855)],
  ['2020-02-29 00:00', at('2020-02-29', 0)],
])('%s', (cell, minute) => expect(wallMinuteOf(cell)).toBe(minute));

test.each(['2019-02-29 00:00', '2019-13-01 00:00', '2019-12-08 25:00', '昨天', '', '2019-12-08 14'])('%s is no moment', (cell) =>
  expect(wallMinuteOf(cell)).toBeNaN(),
);

test('numbers', () => {
  expect([numberOf(' 12.5 '), numberOf(''), numberOf('1,234.5'), numberOf('abc')]).toEqual([12.5, null, 1234.5, NaN]);
});

test.each([
  ['4', '4', null],
  ['国四', '4', null],
  ['国Ⅳ', '4', null],
  ['国IV', '4', null],
  ['国4', '4', null],
  ['国五燃油', '5', 'diesel'],
  ['国六燃气', '6', 'gas'],
  ['电动', 'd', 'electric'],
  ['新能源', 'd', 'electric'],
  ['x', 'x', null],
  ['国Ⅵ', '6', null],
])('stage %s', (cell, stage, fuel) => expect(emissionStageOf(cell)).toEqual({ stage, fuel }));

test.each(['老车', '不详', '国七'])('stage %s is free text', (cell) => expect(emissionStageOf(cell)).toBeNull());
