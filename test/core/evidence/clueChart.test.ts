/** A clue's chart data: its window, the gaps as nulls, downsampling by bucket averages, the ordered level per measure. */
import { bucketAverages, chartWindow, clueChart, MAX_SAMPLES } from '../../../src/core/evidence/clueChart.js';
import { at, checked, clue, input, measure, point, series, span } from '../../helpers/evidenceByHand.js';

const P1 = point('P1', 'production', '生产线 2#');
const T1 = point('T1', 'treatment', '布袋除尘器');
const P2 = point('P2', 'production', '生产线 3#', '二车间');
const alertFrom = at('2019-12-08', '14:00');
const alertTo = at('2019-12-10', '00:00');
const readFrom = at('2019-12-07', '00:00');
const upTo = at('2019-12-09', '12:00');
const gapFrom = at('2019-12-09', '00:00');
const gapTo = at('2019-12-09', '01:00');
// 40 kW all along, but nothing read for the first hour of the 9th.
const p1 = series('P1', readFrom, upTo, (t) => (t >= gapFrom && t < gapTo ? null : 40));
const t1 = series('T1', readFrom, upTo, () => 0.5);
const p2 = series('P2', readFrom, upTo, () => 20);
const stopAll = [span(alertFrom, alertTo, measure('stop'))];
const stopClue = clue('production_during_stop', ['P1'], at('2019-12-09', '02:15'), at('2019-12-09', '05:30'));

describe('the chart window', () => {
  test('12 hours before the clue, 6 hours after it', () => {
    expect(chartWindow(stopClue, stopAll, upTo)).toEqual({ from: at('2019-12-08', '14:15'), to: at('2019-12-09', '11:30') });
  });
  test('never earlier than 6 hours before the alert began', () => {
    const early = clue('production_during_stop', ['P1'], at('2019-12-08', '15:00'), at('2019-12-08', '17:00'));
    expect(chartWindow(early, stopAll, upTo).from).toBe(at('2019-12-08', '08:00'));
  });
  test('cut at upTo: nothing later is known', () => {
    const late = clue('production_during_stop', ['P1'], at('2019-12-09', '08:00'), at('2019-12-09', '10:00'));
    expect(chartWindow(late, stopAll, upTo).to).toBe(upTo);
  });
  test('a clue that starts before the context would is shown whole', () => {
    const silent = clue('meter_silent', ['P1'], at('2019-12-08', '01:00'), at('2019-12-08', '20:00'));
    expect(chartWindow(silent, stopAll, upTo).from).toBe(at('2019-12-08', '01:00'));
  });
});

describe('clueChart', () => {
  const ev = input([P1, T1, P2], [p1, t1, p2], stopAll, upTo);
  const chart = clueChart(stopClue, ev, checked({ P1: 48, T1: 12, P2: 30 }))!;

  test('the window, the alert band inside it, the clue window', () => {
    expect(chart.from).toBe(at('2019-12-08', '14:15'));
    expect(chart.to).toBe(at('2019-12-09', '11:30'));
    expect(chart.alert).toEqual([{ from: chart.from, to: chart.to }]);
    expect(chart.window).toEqual({ from: stopClue.from, to: stopClue.to });
    expect(chart.clueId).toBe(stopClue.id);
  });

  test('one sample per interval at its start, average kW (kwh ÷ hours)', () => {
    const s = chart.lines[0]!.samples;
    expect(s.length).toBe((21 * 60 + 15) / 15);
    expect(s[0]).toEqual({ at: chart.from, kw: 40 });
    expect(s[1]!.at - s[0]!.at).toBe(15);
  });

  test('a gap is null, not zero, and only where nothing was read', () => {
    const s = chart.lines[0]!.samples;
    const nulls = s.filter((x) => x.kw === null).map((x) => x.at);
    expect(nulls).toEqual([0, 15, 30, 45].map((m) => gapFrom + m));
    expect(s.filter((x) => x.kw !== null).every((x) => x.kw === 40)).toBe(true);
  });

  test('the baseline from the check, and 0 under a stop order for a production point', () => {
    expect(chart.lines).toHaveLength(1);
    expect(chart.lines[0]).toMatchObject({
      pointId: 'P1',
      label: '生产线 2#',
      kind: 'production',
      baselineKw: 48,
      orderedKw: 0,
      orderedBy: { action: 'stop' },
    });
  });

  test('treatment off: the production point and its treatment point, the treatment one has no ordered level', () => {
    const off = clueChart(clue('treatment_off', ['P1', 'T1'], stopClue.from, stopClue.to), ev, checked({ P1: 48, T1: 12 }))!;
    expect(off.lines.map((l) => [l.pointId, l.baselineKw, l.orderedKw])).toEqual([
      ['P1', 48, 0],
      ['T1', 12, null],
    ]);
    expect(off.lines[1]!.samples[0]!.kw).toBeCloseTo(0.5, 9);
  });

  test('no baseline known: null, not a made-up number', () => {
    const c = clueChart(stopClue, ev, checked({}))!;
    expect(c.lines[0]!.baselineKw).toBeNull();
  });

  test('a gate clue has no chart', () => {
    expect(clueChart(clue('banned_truck', [], stopClue.from, stopClue.from + 1), ev, checked({}))).toBeNull();
  });
});

describe('the ordered level per measure', () => {
  const night = clue('night_use', ['P1', 'T1', 'P2'], at('2019-12-09', '00:00'), at('2019-12-09', '06:00'));
  const ordered = (m: ReturnType<typeof measure>) =>
    clueChart(night, input([P1, T1, P2], [p1, t1, p2], [span(alertFrom, alertTo, m)], upTo), checked({ P1: 48, T1: 12, P2: 30 }))!.lines.map(
      (l) => l.orderedKw,
    );

  test('a limit of 30 %: 70 % of each production baseline', () => {
    const [a, b, c] = ordered(measure('limit', 30));
    expect(a).toBeCloseTo(33.6, 9);
    expect(b).toBeNull();
    expect(c).toBeCloseTo(21, 9);
  });
  test('a limit whose share is unknown, self-managed, exempt: none', () => {
    expect(ordered(measure('limit', null))).toEqual([null, null, null]);
    expect(ordered(measure('self'))).toEqual([null, null, null]);
    expect(ordered(measure('exempt'))).toEqual([null, null, null]);
  });
  test('a partial stop: 0 for the named line only', () => {
    expect(ordered(measure('stop_part', null, ['生产线 2#']))).toEqual([0, null, null]);
  });
  test('the measure of the span the clue is in', () => {
    const spans = [span(alertFrom, at('2019-12-09', '00:00'), measure('stop')), span(at('2019-12-09', '00:00'), alertTo, measure('limit', 50))];
    const c = clueChart(night, input([P1, T1, P2], [p1, t1, p2], spans, upTo), checked({ P1: 48, T1: 12, P2: 30 }))!;
    expect(c.lines[0]).toMatchObject({ orderedKw: 24, orderedBy: { action: 'limit', pct: 50 } });
    // The two spans are one alert: one shaded band.
    expect(c.alert).toHaveLength(1);
  });
});

describe('downsampling', () => {
  const from = at('2019-12-01', '00:00');
  const to = at('2019-12-08', '00:00');
  const peakAt = at('2019-12-04', '10:15');
  const holeFrom = at('2019-12-05', '00:00');
  const holeTo = at('2019-12-05', '03:00');
  const long = series('P1', from, to, (t) => (t >= holeFrom && t < holeTo ? null : t === peakAt ? 100 : 40));
  const silent = clue('meter_silent', ['P1'], at('2019-12-02', '00:00'), at('2019-12-07', '00:00'));
  const chart = clueChart(silent, input([P1], [long], [span(at('2019-12-02', '00:00'), to, measure('stop'))], to), checked({ P1: 48 }))!;
  const s = chart.lines[0]!.samples;

  test(`at most ${MAX_SAMPLES} samples, evenly spaced`, () => {
    expect(s.length).toBeLessThanOrEqual(MAX_SAMPLES);
    expect(s.length).toBeGreaterThan(MAX_SAMPLES / 2);
    const step = s[1]!.at - s[0]!.at;
    expect(step).toBe(30);
    expect(s.every((x, i) => x.at === s[0]!.at + i * step)).toBe(true);
  });

  test("a peak inside a bucket is kept in the bucket's average", () => {
    const top = s.reduce((a, b) => ((b.kw ?? 0) > (a.kw ?? 0) ? b : a));
    expect(top.at).toBe(at('2019-12-04', '10:00'));
    expect(top.kw).toBeCloseTo((100 + 40) / 2, 9);
  });

  test('a bucket that is all gap stays null', () => {
    const hole = s.filter((x) => x.at >= holeFrom && x.at < holeTo);
    expect(hole).toHaveLength(6);
    expect(hole.every((x) => x.kw === null)).toBe(true);
  });

  test('a bucket partly read averages what was read, not the gap as zero', () => {
    const part = series('P1', from, from + 60, (t) => (t === from ? 40 : null));
    expect(bucketAverages(part, from, from + 60, 30)).toEqual([
      { at: from, kw: 40 },
      { at: from + 30, kw: null },
    ]);
  });

  test('an interval across a bucket edge is shared by time', () => {
    // One 60-minute reading of 60 kWh from 00:00, buckets of 30 minutes from 00:15.
    const s60 = { pointId: 'X', nominalMinutes: 60, start: Int32Array.from([from]), minutes: Uint16Array.from([60]), kwh: Float64Array.from([60]) };
    expect(bucketAverages(s60, from + 15, from + 75, 30)).toEqual([
      { at: from + 15, kw: 60 },
      { at: from + 45, kw: 60 },
    ]);
  });
});
