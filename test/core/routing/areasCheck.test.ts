/**
 * What becomes of villages no group names — the one answer plan acts on and validate promises: the nearest
 * group, unless groups.yaml names none of the list's villages (the template's 甲村 left in), when plans refuse.
 */
import { villagesWithoutGroupOutcome } from '../../../src/core/routing/areas.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const { list, setup } = sampleTown();

describe('villagesWithoutGroupOutcome', () => {
  test("the sample's groups name every village of its list", () => {
    expect(villagesWithoutGroupOutcome(list.enterprises, setup.groups)).toEqual({ outcome: 'all_in_groups' });
  });
  test('template groups: refused, both sides named', () => {
    const template = setup.groups.map((g, i) => ({ ...g, villages: [`甲村${i}`] }));
    const r = villagesWithoutGroupOutcome(list.enterprises, template);
    if (r.outcome !== 'refused') throw new Error(`expected refused, got ${r.outcome}`);
    expect(r.named).toEqual(['甲村0', '甲村1', '甲村2']);
    expect(r.villages.map((v) => v.village)).toEqual([...new Set(list.enterprises.map((e) => e.village))]);
    expect(r.villages.reduce((n, v) => n + v.enterprises, 0)).toBe(list.enterprises.length);
  });
  test('one village in common is enough to plan: the rest go to the nearest group', () => {
    const first = list.enterprises[0]!.village;
    const one = setup.groups.map((g, i) => ({ ...g, villages: i === 0 ? [first] : ['甲村'] }));
    const r = villagesWithoutGroupOutcome(list.enterprises, one);
    if (r.outcome !== 'to_nearest_group') throw new Error(`expected to_nearest_group, got ${r.outcome}`);
    expect(r.villages.map((v) => v.village)).not.toContain(first);
    expect(r.villages.length).toBe(new Set(list.enterprises.map((e) => e.village)).size - 1);
  });
  test('an empty list refuses nothing', () => {
    expect(villagesWithoutGroupOutcome([], setup.groups)).toEqual({ outcome: 'all_in_groups' });
  });
});
