import type { Enterprise, RequiredMeasure } from '../../../src/core/model.js';
import { reductionSummary } from '../../../src/core/rules/reduction.js';

/** A small list computed by hand: four enterprises, one without figures, one with a share the text omits. */
function e(code: string, so2: number | null, nox: number | null, pm: number | null, vocs: number | null): Enterprise {
  return {
    creditCode: code,
    name: code,
    town: '',
    village: '',
    address: '',
    industry: '',
    grade: 'C',
    gradeTags: [],
    contact: '',
    phone: '',
    location: { lon: 119.4, lat: 31.7 },
    emissions: { so2, nox, pm, vocs },
    truckTrips: null,
    measureText: { yellow: '', orange: '', red: '' },
    row: 2,
  };
}
const m = (code: string, action: RequiredMeasure['action'], limitPct: number | null): RequiredMeasure => ({
  creditCode: code,
  level: 'orange',
  action,
  limitPct,
  processes: [],
  truckBan: false,
  text: '',
  source: 'test',
  uninterpreted: [],
  bans: [],
  because: {
    action: { by: 'rule', words: null, rule: 'test' },
    share: { by: 'none', words: null, rule: null },
    truckBan: { by: 'none', words: null, rule: null },
  },
  warnings: [],
  extra: [],
});

describe('reduction accounting against the target', () => {
  const list = [e('A', 365, 730, 36.5, 0), e('B', 0, 365, 73, 36.5), e('C', null, null, null, null), e('D', 36.5, 0, 0, 73)];
  const measures = new Map([
    ['A', m('A', 'stop', 100)], // stops: all of its 1 t/d SO2, 2 t/d NOx, 0.1 t/d PM
    ['B', m('B', 'limit', 20)], // 20 % of 1 t/d NOx, 0.2 t/d PM, 0.1 t/d VOCs
    ['C', m('C', 'stop', 100)], // no figures: named, not counted
    ['D', m('D', 'stop_part', null)], // share unknown: counted as 0, and named
  ]);
  const s = reductionSummary(list, measures, 'orange', 20);
  const by = Object.fromEntries(s.pollutants.map((p) => [p.pollutant, p]));

  test('SO2: baseline 1.1 t/d, reduction 1.0 t/d → 90.9 %', () => {
    expect(by.so2!.baselineTPerDay).toBeCloseTo(1.1, 10);
    expect(by.so2!.reductionTPerDay).toBeCloseTo(1.0, 10);
    expect(by.so2!.ratioPct).toBeCloseTo(90.909, 2);
    expect(by.so2!.met).toBe(true);
  });

  test('NOx: baseline 3 t/d, reduction 2.2 t/d', () => {
    expect(by.nox!.baselineTPerDay).toBeCloseTo(3, 10);
    expect(by.nox!.reductionTPerDay).toBeCloseTo(2.2, 10);
  });

  test('VOCs: baseline 0.3 t/d, reduction 0.02 t/d → 6.7 %, target 20 % not met', () => {
    expect(by.vocs!.baselineTPerDay).toBeCloseTo(0.3, 10);
    expect(by.vocs!.reductionTPerDay).toBeCloseTo(0.02, 10);
    expect(by.vocs!.ratioPct).toBeCloseTo(6.667, 2);
    expect(by.vocs!.met).toBe(false);
  });

  test('enterprises without figures or shares are named', () => {
    expect(s.noFigures).toEqual(['C']);
    expect(by.pm!.missing).toEqual(['C']);
    expect(s.shareUnknown).toEqual(['D']);
  });
});
