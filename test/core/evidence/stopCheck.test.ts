import { checkEvidence } from '../../../src/core/evidence/checkEvidence.js';
import type { Clue } from '../../../src/core/evidence/model.js';
import { at, flat, inputOf, measure, point, seriesOf, span } from '../../helpers/evidenceSeries.js';

const from = at('2019-12-09');
const to = at('2019-12-10');
const day = 96;
const stop = span(from, to, measure('stop'));
const line = point('P2', 'production', { device: '生产线 2#', ratedKw: 48 });

/** A day of 0 kW with `kw` from 02:15 for `n` intervals. */
function dayWith(kw: number, n: number, start = 9): (number | null)[] {
  const v: (number | null)[] = flat(0, day);
  for (let i = start; i < start + n; i++) v[i] = kw;
  return v;
}
const stopClues = (clues: Clue[]) => clues.filter((c) => c.kind === 'production_during_stop');

describe('production during a stop', () => {
  test('a run one interval longer than the hold is a clue, with its figures in words', () => {
    const input = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 13))], spans: [stop] });
    const [c, ...rest] = stopClues(checkEvidence(input).clues);
    expect(rest).toEqual([]);
    expect(c!.says.zh).toBe('生产线 2# 12-09 02:15–05:30 平均 41 kW，基准 48 kW；停产令下应为 0');
    expect(c!.figures).toMatchObject({ average_kw: 41, baseline_kw: 48, baseline_by: 'rated', minutes: 195, threshold_kw: 9.6 });
    expect(c!.id).toBe('production_during_stop:91320000MA1AAAAA0A:P2:2019-12-09T02:15');
    expect(c!.items.map((i) => i.id)).toEqual([expect.stringMatching(/^clue_[0-9a-f]{8}_1$/), expect.stringMatching(/^clue_[0-9a-f]{8}_2$/)]);
    expect(c!.rule).toBe('stop');
    expect(c!.source).toContain('0.2');
  });

  test('a run exactly the hold minutes long is not; one interval more is', () => {
    const exactly = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 2))], spans: [stop] });
    expect(stopClues(checkEvidence(exactly).clues)).toEqual([]);
    const longer = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 3))], spans: [stop] });
    expect(stopClues(checkEvidence(longer).clues).map((c) => c.figures.minutes)).toEqual([45]);
  });

  test('just below the threshold (0.2 × 48 = 9.6 kW) is no clue; just above is', () => {
    const below = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(9.6, 20))], spans: [stop] });
    expect(stopClues(checkEvidence(below).clues)).toEqual([]);
    const above = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(9.7, 20))], spans: [stop] });
    expect(stopClues(checkEvidence(above).clues)).toHaveLength(1);
  });

  test("the point's own threshold and hold win over the rule's", () => {
    const own = { ...line, onKw: 45, holdMinutes: 60 };
    const input = inputOf({ points: [own], series: [seriesOf('P2', from, dayWith(41, 20))], spans: [stop] });
    expect(stopClues(checkEvidence(input).clues)).toEqual([]);
    const longEnough = inputOf({ points: [own], series: [seriesOf('P2', from, dayWith(46, 5))], spans: [stop] });
    expect(stopClues(checkEvidence(longEnough).clues).map((c) => c.figures.threshold_kw)).toEqual([45]);
  });

  test('upTo cuts a run: what is not yet known is not read', () => {
    const input = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 13))], spans: [stop], upTo: at('2019-12-09', '02:45') });
    expect(stopClues(checkEvidence(input).clues)).toEqual([]);
    const later = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 13))], spans: [stop], upTo: at('2019-12-09', '03:00') });
    expect(stopClues(checkEvidence(later).clues).map((c) => [c.figures.minutes, c.to])).toEqual([[45, at('2019-12-09', '03:00')]]);
  });

  test('a gap breaks a run (a counter reset reaches the check as a gap)', () => {
    const v = dayWith(41, 4);
    v[11] = null; // 02:15, 02:30 | gap | 03:00: two runs of 30 minutes
    const input = inputOf({ points: [line], series: [seriesOf('P2', from, v)], spans: [stop] });
    expect(stopClues(checkEvidence(input).clues)).toEqual([]);
  });

  test('a partial stop checks only the lines it names (NFKC, spaces, either way round)', () => {
    const other = point('P1', 'production', { device: '生产线 1#', ratedKw: 48 });
    const part = span(from, to, measure('stop_part', { processes: ['２#生产线'] }));
    const named = { ...line, device: '2#生产线' };
    const input = inputOf({ points: [other, named], series: [seriesOf('P1', from, dayWith(41, 20)), seriesOf('P2', from, dayWith(41, 20))], spans: [part] });
    expect(stopClues(checkEvidence(input).clues).map((c) => c.pointIds)).toEqual([['P2']]);
  });

  test('a limit is not a stop', () => {
    const input = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 20))], spans: [span(from, to, measure('limit', { limitPct: 100 }))] });
    expect(stopClues(checkEvidence(input).clues)).toEqual([]);
  });

  test('a run across a change of level that keeps the stop is one run', () => {
    const split = at('2019-12-09', '02:30');
    const spans = [span(from, split, measure('stop'), 'orange'), span(split, to, measure('stop', { level: 'red' }), 'red')];
    const input = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 3))], spans });
    expect(stopClues(checkEvidence(input).clues).map((c) => c.figures.minutes)).toEqual([45]);
  });

  test('same input, same output', () => {
    const make = () =>
      inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 13))], spans: [stop], nightRound: { start: 19 * 60, end: 25 * 60 } });
    expect(JSON.stringify(checkEvidence(make()).clues)).toBe(JSON.stringify(checkEvidence(make()).clues));
    expect(checkEvidence(make()).clues[0]!.atNight).toBe(false);
    const night = inputOf({ points: [line], series: [seriesOf('P2', from, dayWith(41, 13))], spans: [stop], nightRound: { start: 22 * 60, end: 27 * 60 } });
    expect(stopClues(checkEvidence(night).clues)[0]!.atNight).toBe(true);
  });
});

describe('the clues in order', () => {
  test('by enterprise, then the window start, then kind; item ids unique', () => {
    const codeB = '91320000MA1BBBBB0B';
    const b = point('B1', 'production', { creditCode: codeB, ratedKw: 48 });
    const v = dayWith(41, 13);
    v[9] = null; // 02:15 missing: a silence from 02:15 is not 60 minutes; the run starts at 02:30
    const gappy: (number | null)[] = dayWith(41, 13);
    for (let i = 0; i < 4; i++) gappy[i] = null; // 00:00–01:00 silent
    const spans = [
      {
        level: 'orange' as const,
        from,
        to,
        measures: new Map([
          [line.creditCode, measure('stop')],
          [codeB, { ...measure('stop'), creditCode: codeB }],
        ]),
      },
    ];
    const input = inputOf({ points: [b, line], series: [seriesOf('B1', from, v), seriesOf('P2', from, gappy)], spans });
    const clues = checkEvidence(input).clues;
    expect(clues.map((c) => [c.creditCode.slice(-4), c.kind, c.from - from])).toEqual([
      ['AA0A', 'meter_silent', 0],
      ['AA0A', 'production_during_stop', 135],
      ['BB0B', 'production_during_stop', 150],
    ]);
    const ids = clues.flatMap((c) => c.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
