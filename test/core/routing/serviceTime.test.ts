/** One service-time rule for the route planner and the automatic area split. */
import { largeEmitterThreshold } from '../../../src/core/routing/priority.js';
import { serviceMinutes } from '../../../src/core/routing/serviceTime.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const { list, setup } = sampleTown();
const largeAt = largeEmitterThreshold(list.enterprises);
const total = (e: (typeof list.enterprises)[number]) => Object.values(e.emissions).reduce<number>((s, x) => s + (x ?? 0), 0);

describe('serviceMinutes', () => {
  const large = list.enterprises.find((e) => total(e) >= largeAt)!;
  const small = list.enterprises.find((e) => total(e) > 0 && total(e) < largeAt)!;
  const none = list.enterprises.find((e) => total(e) === 0);

  test('a large emitter takes the longer time the town sets', () => {
    expect(serviceMinutes({ serviceMinutes: 20, serviceMinutesLarge: 35 }, large, largeAt)).toBe(35);
  });
  test('any other enterprise takes the usual time', () => {
    expect(serviceMinutes({ serviceMinutes: 20, serviceMinutesLarge: 35 }, small, largeAt)).toBe(20);
    if (none) expect(serviceMinutes({ serviceMinutes: 20, serviceMinutesLarge: 35 }, none, 0)).toBe(20);
  });
  test('a town without a longer time: the usual time for everyone', () => {
    expect(serviceMinutes({ serviceMinutes: 20, serviceMinutesLarge: null }, large, largeAt)).toBe(20);
  });
  test('the sample sets a longer time for large emitters', () => {
    expect(setup.serviceMinutesLarge).toBeGreaterThan(setup.serviceMinutes);
  });
});
