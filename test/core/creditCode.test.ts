import { codeAsNumber, creditCodeCheckChar, creditCodeFault } from '../../src/core/creditCode.js';

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

describe('what Excel leaves of an all-digit code it took for a number', () => {
  test.each([
    // General format in a standard column: six significant digits, rounded half up
    ['9.13204E+17', '913204137876638439', true],
    ['9.13204E+17', '913204135551904858', true],
    ['9.13205E+17', '913204537876638439', true], // …045 rounds up to …05
    ['9.13205E+17', '913204137876638439', false],
    ['9.1E+17', '913204137876638439', true], // a narrow column shows fewer digits
    ['9.13204e17', '913204137876638439', true],
    // a Number format shows all of it, but only 15 digits are kept
    ['913204137876638000', '913204137876638439', true],
    ['913204137876639000', '913204137876638439', false],
    // a code with letters was never a number
    ['9.13204E+17', '91320413MA36HN011B', false],
  ])('%s could be %s: %s', (text, code, fits) => {
    expect(codeAsNumber(text)!.fits(code)).toBe(fits);
  });

  test.each(['91320413MA36HN011B', '913204137876638439', '9132041', '', 'E+17', '9.13204E-17'])('%s is not a code turned into a number', (text) => {
    expect(codeAsNumber(text)).toBeNull();
  });

  test('the digits kept', () => {
    expect(codeAsNumber('9.13204E+17')!.digits).toBe(6);
    expect(codeAsNumber('913204137876638000')!.digits).toBe(15);
  });
});
