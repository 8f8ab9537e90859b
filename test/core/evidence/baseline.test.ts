import { modeOf, pointBaseline, twoFigures } from '../../../src/core/evidence/baseline.js';
import { checkEvidence } from '../../../src/core/evidence/checkEvidence.js';
import { at, evidenceRules, flat, inputOf, measure, point, seriesOf, span } from '../../helpers/evidenceSeries.js';

const alert = at('2019-12-09');
const rules = evidenceRules().baseline;

describe('baseline per point', () => {
  test('the rated value when the points file gives one', () => {
    expect(pointBaseline(point('P', 'production', { ratedKw: 48 }), undefined, alert, rules)).toEqual({ pointId: 'P', kw: 48, by: 'rated' });
  });

  test('learnt: drop readings below the floor, take the mean, the mode of those above it (2 significant figures)', () => {
    // Two days before the alert: 100 readings at 0 (dropped), 60 at 10, 20 at 48.2 and 48.4 (bin 48),
    // 12 at 51 — mean of the kept is about 23, the mode above it is the bin 48.
    const kw = [...flat(0, 100), ...flat(10, 60), ...flat(48.2, 10), ...flat(48.4, 10), ...flat(51, 12)];
    const start = alert - kw.length * 15;
    const b = pointBaseline(point('P', 'production'), seriesOf('P', start, kw), alert, rules);
    expect(b).toEqual({ pointId: 'P', kw: 48, by: 'learnt', readings: 92 });
  });

  test('readings after the alert starts or before the window are not learnt from', () => {
    const s = seriesOf('P', alert - 61 * 1440, flat(30, (61 + 2) * 96));
    const b = pointBaseline(point('P', 'production'), s, alert, rules);
    expect(b).toMatchObject({ kw: 30, readings: 60 * 96 });
  });

  test('ties go to the larger bin; bins are two significant figures', () => {
    expect(modeOf([1, 1, 2, 2])).toBe(2);
    expect(modeOf([123, 124, 130])).toBe(120);
    expect([twoFigures(0.0456), twoFigures(999.6), twoFigures(1000), twoFigures(0.2), twoFigures(48.4), twoFigures(9.96)]).toEqual([
      0.046, 1000, 1000, 0.2, 48, 10,
    ]);
    expect(modeOf([0, 0])).toBe(0);
  });

  test('less than a day of readings: no baseline, a warning, and only the silence check', () => {
    const s = seriesOf('P', alert - 95 * 15, flat(40, 95));
    const b = pointBaseline(point('P', 'production'), s, alert, rules);
    expect(b).toMatchObject({ code: 'HAZE_EVIDENCE_NO_BASELINE', severity: 'warning' });
    const full = seriesOf('P', alert - 96 * 15, flat(40, 96));
    expect(pointBaseline(point('P', 'production'), full, alert, rules)).toMatchObject({ kw: 40, by: 'learnt' });
  });

  test('the checks measure against the learnt baseline and say so', () => {
    const kw = [...flat(50, 96), ...flat(0, 8), ...flat(45, 20), ...flat(0, 68)];
    const input = inputOf({
      points: [point('P', 'production')],
      series: [seriesOf('P', alert - 96 * 15, kw)],
      spans: [span(alert, alert + 1440, measure('stop'))],
    });
    const check = checkEvidence(input);
    expect(check.baselines.get('P')).toMatchObject({ kw: 50, by: 'learnt' });
    expect(check.clues.map((c) => [c.kind, c.figures.baseline_by, c.figures.average_kw])).toEqual([['production_during_stop', 'learnt', 45]]);
  });
});
