import { creditCodeCheckChar, creditCodeFault } from '../../src/core/creditCode.js';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of well-known companies, check characters as printed on their licences.
  test.each([
    ['91350100M000100Y43', null],
    ['91110000802100433B', null],
    ['91320413MA36HN011B', null],
  ])('%s is valid', (code, fault) => {
    expect(creditCodeFault(code)).toBe(fault);
  });

  test('the check character is computed from the first 17', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000802100433')).toBe('B');
  });

  test.each([
    ['91350100M000100Y44', 'check'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100I43', 'charset'],
    ['9.13204E+17', 'scientific'],
    ['9.13204e17', 'scientific'],
  ])('%s → %s', (code, fault) => {
    expect(creditCodeFault(code)).toBe(fault);
  });
});
