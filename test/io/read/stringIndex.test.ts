/** StringIndex (the list reader's duplicate checks) holds what a Map would, through its growth and its collisions. */
import fc from 'fast-check';
import { StringIndex } from '../../../src/io/read/stringIndex.js';

test('getOrSet and get agree with a Map, whatever the keys', () => {
  const key = fc.string({ unit: fc.constantFrom('9', '1', 'A', 'M', '中', '常', ' ', '\uD83D\uDE00'), maxLength: 6 });
  fc.assert(
    fc.property(fc.array(fc.tuple(key, fc.nat({ max: 1000 })), { maxLength: 300 }), fc.array(key, { maxLength: 50 }), (ops, probes) => {
      const index = new StringIndex(4);
      const map = new Map<string, number>();
      for (const [k, v] of ops) {
        const had = map.get(k);
        expect(index.getOrSet(k, v)).toBe(had);
        if (had === undefined) map.set(k, v);
      }
      expect(index.size).toBe(map.size);
      for (const k of [...probes, ...map.keys()]) expect(index.get(k)).toBe(map.get(k));
    }),
    { numRuns: 300 },
  );
});

test('a province list of credit codes: every one found again, none confused', () => {
  const index = new StringIndex();
  const codes = Array.from({ length: 100_000 }, (_, i) => `91320413MA${String(i).padStart(7, '0')}X`);
  codes.forEach((c, i) => expect(index.getOrSet(c, i)).toBeUndefined());
  expect(index.size).toBe(codes.length);
  for (let i = 0; i < codes.length; i += 997) expect(index.getOrSet(codes[i]!, -0)).toBe(i);
  expect(index.get('91320413MA0100000X')).toBeUndefined();
});

test('only whole numbers from 0 are held', () => {
  expect(() => new StringIndex().getOrSet('a', -1)).toThrow(RangeError);
  expect(() => new StringIndex().getOrSet('a', 0.5)).toThrow(RangeError);
});
