/** A series that obeys its order never yields a clue of that kind, whatever its shape. */
import fc from 'fast-check';
import { checkEvidence } from '../../../src/core/evidence/checkEvidence.js';
import { at, inputOf, measure, movement, point, seriesOf, span } from '../../helpers/evidenceSeries.js';

const from = at('2019-12-09');
const days = 2;
const to = from + days * 1440;
const n = days * 96;
const kinds = (input: Parameters<typeof checkEvidence>[0]) => new Set(checkEvidence(input).clues.map((c) => c.kind));
/** kW per interval, gaps allowed. */
const readings = (max: number) => fc.array(fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: null, freq: 10 }), { minLength: n, maxLength: n });

describe('an obeyed order gives no clue of its kind', () => {
  test('stop: every reading at or below the threshold', () => {
    fc.assert(
      fc.property(readings(0.2 * 48), (kw) => {
        const input = inputOf({
          points: [point('P', 'production', { ratedKw: 48 })],
          series: [seriesOf('P', from, kw)],
          spans: [span(from, to, measure('stop'))],
        });
        return !kinds(input).has('production_during_stop');
      }),
      { numRuns: 60 },
    );
  });

  test('limit of r %: every day at or below (1 − r) × baseline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), (r, shares) => {
        const kw = shares.map((s) => s * (1 - r / 100) * 100);
        const input = inputOf({
          points: [point('P', 'production', { ratedKw: 100 })],
          series: [seriesOf('P', from, kw)],
          spans: [span(from, to, measure('limit', { limitPct: r }))],
        });
        return !kinds(input).has('limit_not_reached');
      }),
      { numRuns: 60 },
    );
  });

  test('treatment: always at or above its share while producing', () => {
    fc.assert(
      fc.property(readings(100), fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: n, maxLength: n }), (prod, share) => {
        const treat = share.map((s) => s * 20);
        const input = inputOf({
          points: [point('P', 'production', { ratedKw: 100, servedBy: ['T'] }), point('T', 'treatment', { ratedKw: 20 })],
          series: [seriesOf('P', from, prod), seriesOf('T', from, treat)],
          spans: [span(from, to, measure('self'))],
        });
        return !kinds(input).has('treatment_off');
      }),
      { numRuns: 60 },
    );
  });

  test('trucks: all 国五 and above, or electric', () => {
    const stage = fc.constantFrom('5', '6', 'd', 'x', null);
    const fuel = fc.constantFrom('diesel', 'gas', 'electric', null);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: from, max: to - 1 }), stage, fuel), { maxLength: 30 }), (moves) => {
        const gate = moves.map(([t, s, f], i) => movement(t, `苏D·${i}`, s as never, f as never));
        const input = inputOf({ points: [], series: [], spans: [span(from, to, measure('stop', { truckBan: true }))], gate });
        return !kinds(input).has('banned_truck');
      }),
      { numRuns: 100 },
    );
  });

  test('the same input gives the same clues, in the same order', () => {
    fc.assert(
      fc.property(readings(60), (kw) => {
        const make = () =>
          inputOf({ points: [point('P', 'production', { ratedKw: 48 })], series: [seriesOf('P', from, kw)], spans: [span(from, to, measure('stop'))] });
        return JSON.stringify(checkEvidence(make())) === JSON.stringify(checkEvidence(make()));
      }),
      { numRuns: 30 },
    );
  });
});
