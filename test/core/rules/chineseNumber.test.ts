import { parseChineseNumber, parseShare, roundOne } from '../../../src/core/rules/chineseNumber.js';

describe('parseChineseNumber', () => {
  test.each([
    ['30', 30],
    ['30.5', 30.5],
    ['1,200', 1200],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十五', 35],
    ['一百', 100],
    ['一百零五', 105],
    ['二二', null],
    ['三x', null],
    ['', null],
  ] as const)('%j → %j', (text, expected) => {
    expect(parseChineseNumber(text)).toBe(expected);
  });
});

describe('parseShare', () => {
  test.each([
    ['30%', 30],
    ['30.5%', 30.5],
    ['百分之二十', 20],
    ['百分之三十五', 35],
    ['三成', 30],
    ['两成', 20],
    ['3成', 30],
    ['三成半', 35],
    ['一半', 50],
    ['半数', 50],
    ['120%', null],
    ['三', null],
    ['百分之', null],
  ] as const)('%j → %j', (text, expected) => {
    expect(parseShare(text)).toBe(expected);
  });

  test('roundOne keeps one decimal place', () => {
    expect(roundOne(((300 - 200) / 300) * 100)).toBe(33.3);
    expect(roundOne((2 / 3) * 100)).toBe(66.7);
  });
});
