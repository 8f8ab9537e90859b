/** A plan refuses groups that name none of the list's villages (the template's 甲村 left in). */
import { noVillageInCommon } from '../../../src/core/routing/areas.js';
import { sampleTown } from '../../helpers/sampleTown.js';

const { list, setup } = sampleTown();

describe('noVillageInCommon', () => {
  test("the sample's groups and list share villages: nothing to refuse", () => {
    expect(noVillageInCommon(list.enterprises, setup.groups)).toBeNull();
  });
  test('template groups: both sides named', () => {
    const template = setup.groups.map((g, i) => ({ ...g, villages: [`甲村${i}`] }));
    const none = noVillageInCommon(list.enterprises, template)!;
    expect(none.named).toEqual(['甲村0', '甲村1', '甲村2']);
    expect(none.listed).toEqual([...new Set(list.enterprises.map((e) => e.village))]);
  });
  test('one village in common is enough to plan (the rest go to the nearest group)', () => {
    const one = setup.groups.map((g, i) => ({ ...g, villages: i === 0 ? [list.enterprises[0]!.village] : ['甲村'] }));
    expect(noVillageInCommon(list.enterprises, one)).toBeNull();
  });
  test('an empty list refuses nothing', () => {
    expect(noVillageInCommon([], setup.groups)).toBeNull();
  });
});
