/** The machine vocabulary (src/core/vocabulary.ts): no word a common reader takes for a missing value. */
import { ACTIONS } from '../../src/core/model.js';
import { ACTION_WORD, actionOfWord, becauseWord, sourceWord } from '../../src/core/vocabulary.js';
import { readResult } from '../../src/core/records.js';
import { READ_AS_MISSING } from '../helpers/readAsMissing.js';

test('no action word is read as missing; each is snake_case and its own', () => {
  const words = ACTIONS.map((a) => ACTION_WORD[a]);
  expect(words.filter((w) => READ_AS_MISSING.has(w.toLowerCase()))).toEqual([]);
  for (const w of words) expect(w).toMatch(/^[a-z]+(_[a-z]+)*$/);
  expect(new Set(words).size).toBe(ACTIONS.length);
  expect(ACTION_WORD.none).toBe('no_measure');
});

test('every word reads back to its action, and the old `none` too', () => {
  for (const a of ACTIONS) expect(actionOfWord(ACTION_WORD[a])).toBe(a);
  expect(actionOfWord('none')).toBe('none');
  expect(actionOfWord('None')).toBeNull();
  expect(actionOfWord('停产')).toBeNull();
});

test('a source and a reason: none is written as no_rule and nothing', () => {
  expect([sourceWord('none'), sourceWord('enterprise'), sourceWord('grade-D')]).toEqual(['no_rule', 'enterprise', 'grade-D']);
  expect([becauseWord('none'), becauseWord('text'), becauseWord('rule')]).toEqual(['nothing', 'text', 'rule']);
});

test('a result "not applicable" can be written in full (csvkit reads `na` as empty); na, n/a and 不适用 still read', () => {
  expect(['not_applicable', 'na', 'N/A', '不适用'].map(readResult)).toEqual(['na', 'na', 'na', 'na']);
});
