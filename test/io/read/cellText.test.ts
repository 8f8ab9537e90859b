/** Cells as Excel shows them. */
import fc from 'fast-check';
import { cellText, formatNumber, general, isDateFormat } from '../../../src/io/read/cellText.js';

test('General: 15 significant digits; 12 digits or more in scientific notation, as a standard column shows', () => {
  expect(general(913204131234567890)).toBe('9.13204E+17');
  expect(general(123456789012)).toBe('1.23457E+11');
  expect(general(13912345678)).toBe('13912345678');
  expect(general(119.372819)).toBe('119.372819');
  expect(general(0.1 + 0.2)).toBe('0.3');
  expect(general(-0.5)).toBe('-0.5');
  expect(general(1e-10)).toBe('1E-10');
});

test('General: the short form when it has 15 digits or fewer, else rounded to 15 significant digits', () => {
  const rounded = (v: number) => String(Number(v.toPrecision(15)));
  fc.assert(
    fc.property(
      fc.double({ min: -1e11, max: 1e11, noNaN: true }).filter((v) => Math.abs(v) < 1e11 && (v === 0 || Math.abs(v) >= 1e-9)),
      (v) => {
        expect(general(v)).toBe(rounded(v));
      },
    ),
    { numRuns: 5000 },
  );
});

test.each([
  [1.5, '0.00', '1.50'],
  [1234567.891, '#,##0.00', '1,234,567.89'],
  [0.305, '0%', '31%'],
  [0.3051, '0.00%', '30.51%'],
  [-2, '0.0;(0.0)', '2.0'], // the negative section's brackets are literal text, left out
  [913204131234567890, '0', '913204131234568000'],
  [12345, '0.00E+00', '1.23E+04'],
  [42, '@', '42'],
  [3.25, '0.00"吨"', '3.25'],
])('%p in format %p shows %p', (v, fmt, shown) => {
  expect(formatNumber(v, fmt)).toBe(shown);
});

test('date formats are told from number formats', () => {
  expect(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yy h:mm', '[$-F800]dddd, mmmm dd, yyyy', 'hh:mm:ss.000'].map(isDateFormat)).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);
  expect(['0.00', '#,##0', '0%', 'General', '0.00"吨"', '0.0E+00'].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
});

test('dates: the wall-clock reading, never shifted by the machine zone', () => {
  // In Beijing's zone, reading the dates with local getters would add 8 hours: they must not be.
  const zone = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  try {
    expect(cellText(new Date(Date.UTC(2019, 11, 8, 14, 0)), 'yyyy-mm-dd hh:mm')).toBe('2019-12-08 14:00');
    expect(cellText(new Date(Date.UTC(2019, 11, 8)), 'yyyy"年"m"月"d"日"')).toBe('2019-12-08');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 8, 30)), 'h:mm')).toBe('08:30');
    // A serial number behind a date format (a formula's result): 43807.5833… is 2019-12-08 14:00.
    expect(cellText(43807 + 14 / 24, 'yyyy-mm-dd hh:mm')).toBe('2019-12-08 14:00');
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test('booleans and empty cells (formulas, rich text and errors: the hand-written workbook in xlsx.test.ts)', () => {
  expect(cellText(true, undefined)).toBe('TRUE');
  expect(cellText(false, undefined)).toBe('FALSE');
  expect(cellText(null, '0.00')).toBe('');
});
