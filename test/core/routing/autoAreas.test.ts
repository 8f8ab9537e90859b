import { INSPECTED_ACTIONS } from '../../../src/core/model.js';
import { autoAreas, villageUnits } from '../../../src/core/routing/autoAreas.js';
import { travelModel } from '../../../src/core/routing/travel.js';
import { sampleTown } from '../../helpers/sampleTown.js';

describe('--auto-areas on the sample town', () => {
  const town = sampleTown();
  const measures = town.measuresAt('orange');
  const required = new Set([...measures.values()].filter((m) => INSPECTED_ACTIONS.includes(m.action)).map((m) => m.creditCode));
  const units = villageUnits(town.list.enterprises, required, () => town.setup.serviceMinutes, travelModel(town.setup));
  const result = autoAreas(town.setup.base, units, town.setup.groups);

  test('every village belongs to exactly one group, and no group is empty', () => {
    const all = result.groups.flatMap((g) => g.villages);
    expect(all.sort()).toEqual(units.map((u) => u.village).sort());
    expect(new Set(all).size).toBe(all.length);
    for (const g of result.groups) expect(g.villages.length).toBeGreaterThan(0);
  });

  test('balanced by hours of work: the heaviest area within 25 % of the mean', () => {
    const loads = [...result.minutes.values()];
    const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
    expect(Math.max(...loads) / mean).toBeLessThan(1.25);
    expect(loads.reduce((a, b) => a + b, 0)).toBeCloseTo(
      units.reduce((a, u) => a + u.minutes, 0),
      6,
    );
  });

  test('balanced by work, not by count: work counts travel, so a far village weighs more', () => {
    const park = units.find((u) => u.village === '薛埠现代产业园')!;
    const parkRequired = town.list.enterprises.filter((e) => e.village === park.village && required.has(e.creditCode)).length;
    // The park's enterprises are packed together: little travel on top of the on-site minutes.
    expect(park.minutes).toBeLessThan(parkRequired * (town.setup.serviceMinutes + 3));
  });

  test('compact: each area is a sector around the base, not a scatter', () => {
    // Every village's nearest village lies in the same area for most villages.
    let same = 0;
    const groupOf = new Map(result.groups.flatMap((g) => g.villages.map((v) => [v, g.id] as const)));
    for (const u of units) {
      const nearest = units
        .filter((v) => v !== u)
        .sort(
          (a, b) => Math.hypot(a.centre.lon - u.centre.lon, a.centre.lat - u.centre.lat) - Math.hypot(b.centre.lon - u.centre.lon, b.centre.lat - u.centre.lat),
        )[0]!;
      if (groupOf.get(nearest.village) === groupOf.get(u.village)) same++;
    }
    expect(same / units.length).toBeGreaterThan(0.7);
  });

  test('deterministic', () => {
    expect(autoAreas(town.setup.base, units, town.setup.groups)).toEqual(result);
  });
});
