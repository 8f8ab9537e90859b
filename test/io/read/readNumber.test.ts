/** Numbers as lists write them: the fast reading of plain decimals gives what Number() gives, to the last bit. */
import fc from 'fast-check';
import { plainDecimal, readNumber } from '../../../src/io/read/listRows.js';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });

test('plain decimals, up to 15 digits and past them: exactly Number()', () => {
  fc.assert(
    fc.property(digits(1, 12), fc.option(digits(1, 12)), (int, frac) => {
      const s = frac === null ? int : `${int}.${frac}`;
      expect(Object.is(plainDecimal(s), Number(s))).toBe(true);
      expect(Object.is(readNumber(s), Number(s))).toBe(true);
    }),
    { numRuns: 5000 },
  );
  // Coordinates and tonnages as they come, doubles of all kinds.
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 10 }), (x, places) => {
      const s = x.toFixed(places);
      expect(Object.is(plainDecimal(s), Number(s))).toBe(true);
    }),
    { numRuns: 5000 },
  );
  for (const s of ['119.372819', '31.72512', '0.1', '0.3', '9007199254740993', '123456789012345.6', '0.000000000000001', '007', '1.50']) {
    expect([s, plainDecimal(s)]).toEqual([s, Number(s)]);
  }
});

test('anything else is not a plain decimal; readNumber still reads separators and units', () => {
  for (const s of ['', '.5', '5.', '1.2.3', '-1', '+1', '1,234', '1e5', ' 1', '１２', 'abc']) expect([s, plainDecimal(s)]).toEqual([s, Number.NaN]);
  expect(['1,234', '12吨', '3.5 t/a', '-1', '+2', '.5', '5.', 'abc', ''].map(readNumber)).toEqual([1234, 12, 3.5, -1, 2, 0.5, 5, Number.NaN, Number.NaN]);
});
