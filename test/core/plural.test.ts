import { countOf, nounFor, verbFor } from '../../src/core/plural.js';

describe('English counts', () => {
  test.each([
    [0, '0 days'],
    [1, '1 day'],
    [2, '2 days'],
    [21, '21 days'],
  ])('%i day(s) → %s', (n, said) => {
    expect(countOf(n, 'day')).toBe(said);
  });

  test('an irregular plural is given once, where it is said', () => {
    expect(countOf(1, "enterprise's measure has", "enterprises' measures have")).toBe("1 enterprise's measure has");
    expect(countOf(3, "enterprise's measure has", "enterprises' measures have")).toBe("3 enterprises' measures have");
    expect(nounFor(1, 'enterprise')).toBe('enterprise');
    expect(nounFor(2, 'enterprise')).toBe('enterprises');
  });

  test('1 enterprise is not, 2 are not', () => {
    expect(`${countOf(1, 'enterprise')} ${verbFor(1, 'is', 'are')} not`).toBe('1 enterprise is not');
    expect(`2 ${verbFor(2, 'is', 'are')} not`).toBe('2 are not');
  });
});
