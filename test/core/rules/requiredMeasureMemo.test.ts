/** The memo gives what requiredMeasure gives, enterprise by enterprise, and works each input out once. */
import { ALERT_LEVELS } from '../../../src/core/model.js';
import { requiredMeasure, requiredMeasureMemo } from '../../../src/core/rules/requiredMeasure.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const { list, rules } = sampleTown();

test('equal to requiredMeasure for every enterprise of the sample town at every level', () => {
  const memo = requiredMeasureMemo(rules);
  for (const level of ALERT_LEVELS) {
    for (const e of list.enterprises) expect(memo(e, level)).toEqual(requiredMeasure(e, level, rules));
  }
});

test('one result per distinct input: shared when the caller needs no credit code', () => {
  const memo = requiredMeasureMemo(rules, { sharedCode: true });
  const [a] = list.enterprises;
  const twin = { ...a!, creditCode: '91320413MA1MXK7Q09', name: '另一家', row: 999, emissions: { ...a!.emissions } };
  expect(memo(twin, 'orange')).toBe(memo(a!, 'orange'));
  const copying = requiredMeasureMemo(rules);
  expect(copying(twin, 'orange').creditCode).toBe('91320413MA1MXK7Q09');
  expect(copying(a!, 'orange').creditCode).toBe(a!.creditCode);
  // A different text for the level is a different input.
  expect(memo({ ...twin, measureText: { ...twin.measureText, orange: '停产' } }, 'orange').action).toBe('stop');
});
