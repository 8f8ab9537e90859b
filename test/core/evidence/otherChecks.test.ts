import { checkEvidence } from '../../../src/core/evidence/checkEvidence.js';
import type { Clue, ClueKind } from '../../../src/core/evidence/model.js';
import { at, CODE_A, evidenceRules, flat, inputOf, measure, movement, point, seriesOf, span } from '../../helpers/evidenceSeries.js';

const from = at('2019-12-09');
const to = at('2019-12-10');
const of = (kind: ClueKind) => (clues: Clue[]) => clues.filter((c) => c.kind === kind);

describe('limit not reached', () => {
  const line = point('P1', 'production', { ratedKw: 100 });
  const limit30 = span(from, to, measure('limit', { limitPct: 30 }));
  // Allowed: (1 − 0.30 + 0.10) × 100 kW = 80 kW on average over the day.
  test('just above the allowed share is a clue with the share reached; at it, none', () => {
    const over = inputOf({ points: [line], series: [seriesOf('P1', from, flat(92, 96))], spans: [limit30] });
    const [c] = of('limit_not_reached')(checkEvidence(over).clues);
    expect(c!.figures).toMatchObject({ share_reached_pct: 8, required_pct: 30, energy_kwh: 2208, baseline_kwh: 2400 });
    expect(c!.says.zh).toContain('压减 8%，要求 30%');
    const at80 = inputOf({ points: [line], series: [seriesOf('P1', from, flat(80, 96))], spans: [limit30] });
    expect(of('limit_not_reached')(checkEvidence(at80).clues)).toEqual([]);
    const just = inputOf({ points: [line], series: [seriesOf('P1', from, flat(80.1, 96))], spans: [limit30] });
    expect(of('limit_not_reached')(checkEvidence(just).clues)).toHaveLength(1);
  });

  test('each alert day on its own; a partial stop whose lines match no point is read as a limit', () => {
    const two = span(from, at('2019-12-11'), measure('stop_part', { limitPct: 50, processes: ['9号窑'] }));
    const v = [...flat(40, 96), ...flat(70, 96)];
    const clues = of('limit_not_reached')(checkEvidence(inputOf({ points: [line], series: [seriesOf('P1', from, v)], spans: [two] })).clues);
    expect(clues.map((c) => [c.from, c.figures.share_reached_pct])).toEqual([[at('2019-12-10'), 30]]);
  });
});

describe('treatment off while producing', () => {
  const prod = point('P1', 'production', { ratedKw: 100, servedBy: ['T1'] });
  const treat = point('T1', 'treatment', { ratedKw: 20, device: '布袋除尘' });
  const any = span(from, to, measure('self'));
  const withTreatment = (tKw: number, n: number) => {
    const t = flat(20, 96);
    for (let i = 8; i < 8 + n; i++) t[i] = tKw;
    return t;
  };
  test('treatment below 0.1 × its baseline for longer than the hold is a clue; at 0.1 × it is not', () => {
    const off = inputOf({ points: [prod, treat], series: [seriesOf('P1', from, flat(50, 96)), seriesOf('T1', from, withTreatment(1.9, 14))], spans: [any] });
    const [c] = of('treatment_off')(checkEvidence(off).clues);
    expect(c!.figures).toMatchObject({ treatment_kw: 1.9, production_kw: 50, minutes: 210 });
    expect(c!.items[0]!.text).toBe('核查 P1 是否运行；治污设施 布袋除尘 用电 12-09 02:00–05:30 平均 1.9 kW，低于基准的 10%');
    const atShare = inputOf({ points: [prod, treat], series: [seriesOf('P1', from, flat(50, 96)), seriesOf('T1', from, withTreatment(2, 14))], spans: [any] });
    expect(of('treatment_off')(checkEvidence(atShare).clues)).toEqual([]);
  });
  test('production below 0.2 × its baseline is not producing; a run of exactly the hold is not enough', () => {
    const idle = inputOf({ points: [prod, treat], series: [seriesOf('P1', from, flat(19.9, 96)), seriesOf('T1', from, withTreatment(0, 14))], spans: [any] });
    expect(of('treatment_off')(checkEvidence(idle).clues)).toEqual([]);
    const short = inputOf({ points: [prod, treat], series: [seriesOf('P1', from, flat(20, 96)), seriesOf('T1', from, withTreatment(0, 2))], spans: [any] });
    expect(of('treatment_off')(checkEvidence(short).clues)).toEqual([]);
  });
  test('series on different grids are compared where both have a reading', () => {
    const hourly = seriesOf('T1', from, [...flat(20, 2), 0, 0, ...flat(20, 20)], 60);
    const input = inputOf({ points: [prod, treat], series: [seriesOf('P1', from, flat(50, 96)), hourly], spans: [any] });
    expect(of('treatment_off')(checkEvidence(input).clues).map((c) => [c.from, c.to])).toEqual([[at('2019-12-09', '02:00'), at('2019-12-09', '04:00')]]);
  });
});

describe('night use', () => {
  const main = point('M', 'main', { device: '总表', ratedKw: 100 });
  const stop = span(from, at('2019-12-10', '06:00'), measure('stop'));
  // A day from 06:00: 16 hours of day, then 8 hours of night (22:00–06:00).
  const cycle = (day: number, night: number) => [...flat(night, 24), ...flat(day, 64), ...flat(night, 32)];
  test('night average power above 1.5 × day is a clue; at 1.5 × it is not (average power, not energy)', () => {
    const over = inputOf({ points: [main], series: [seriesOf('M', from, cycle(10, 15.1))], spans: [stop] });
    const clues = of('night_use')(checkEvidence(over).clues);
    expect(clues.map((c) => [c.from, c.to, c.figures.night_kw, c.figures.day_kw])).toEqual([[at('2019-12-09', '22:00'), at('2019-12-10', '06:00'), 15, 10]]);
    const at15 = inputOf({ points: [main], series: [seriesOf('M', from, cycle(10, 15))], spans: [stop] });
    expect(of('night_use')(checkEvidence(at15).clues)).toEqual([]);
  });
  test('without a main meter the production points are summed; an enterprise under no order is not read', () => {
    const a = point('A', 'production', { ratedKw: 10 });
    const b = point('B', 'production', { ratedKw: 10 });
    const input = inputOf({ points: [a, b], series: [seriesOf('A', from, cycle(5, 10)), seriesOf('B', from, cycle(5, 10))], spans: [stop] });
    expect(of('night_use')(checkEvidence(input).clues).map((c) => [c.figures.night_kw, c.figures.day_kw])).toEqual([[20, 10]]);
    const free = inputOf({
      points: [a, b],
      series: [seriesOf('A', from, cycle(5, 10)), seriesOf('B', from, cycle(5, 10))],
      spans: [span(from, at('2019-12-10', '06:00'), measure('self'))],
    });
    expect(of('night_use')(checkEvidence(free).clues)).toEqual([]);
  });
});

describe('meter silent', () => {
  const line = point('P1', 'production', { ratedKw: 10 });
  const any = span(from, to, measure('none'));
  test('a gap of min_minutes is a clue, one interval shorter is not; never called a violation', () => {
    const v: (number | null)[] = flat(1, 96);
    for (let i = 40; i < 44; i++) v[i] = null;
    const [c, ...rest] = of('meter_silent')(checkEvidence(inputOf({ points: [line], series: [seriesOf('P1', from, v)], spans: [any] })).clues);
    expect(rest).toEqual([]);
    expect(c!.figures.minutes).toBe(60);
    expect(c!.says.zh).toContain('不是违法事实');
    v[43] = 1;
    expect(of('meter_silent')(checkEvidence(inputOf({ points: [line], series: [seriesOf('P1', from, v)], spans: [any] })).clues)).toEqual([]);
  });
  test("gaps across the window's edges are clipped to it", () => {
    // Readings stop at 23:30 the day before and start again at 01:00; the alert runs 00:00–23:00.
    const s = seriesOf('P1', at('2019-12-08', '23:00'), [1, 1, null, null, null, null, null, null, ...flat(1, 100)]);
    const clues = of('meter_silent')(
      checkEvidence(inputOf({ points: [line], series: [s], spans: [span(from, at('2019-12-09', '23:00'), measure('none'))] })).clues,
    );
    expect(clues.map((c) => [c.from, c.to, c.figures.minutes])).toEqual([[from, at('2019-12-09', '01:00'), 60]]);
  });
  test('a point with no readings and no rated value is a warning and a silence, nothing else', () => {
    const bare = point('X', 'production');
    const check = checkEvidence(inputOf({ points: [bare], series: [], spans: [span(from, to, measure('stop'))] }));
    expect(check.problems.map((p) => [p.code, p.severity, p.value])).toEqual([['HAZE_EVIDENCE_NO_BASELINE', 'warning', 'X']]);
    expect(check.clues.map((c) => [c.kind, c.figures.minutes])).toEqual([['meter_silent', 1440]]);
  });
});

describe('banned trucks', () => {
  const ban = span(from, to, measure('limit', { limitPct: 20, truckBan: true }));
  const input = (gate: ReturnType<typeof movement>[], s = ban) => inputOf({ points: [], series: [], spans: [s], gate, truckTrips: new Map([[CODE_A, 12]]) });
  test('国四 diesel in the alert is a clue with plate, time, direction and goods; 国五, d, x and gas are not', () => {
    const gate = [
      movement(at('2019-12-09', '10:42'), '苏D·12345', '4'),
      movement(at('2019-12-09', '11:00'), '苏D·55555', '5'),
      movement(at('2019-12-09', '11:10'), '苏D·EEEEE', 'd', 'electric'),
      movement(at('2019-12-09', '11:20'), '苏D·XXXXX', 'x'),
      movement(at('2019-12-09', '11:30'), '苏D·GGGGG', '3', 'gas'),
      movement(at('2019-12-09', '12:00'), '苏D·NNNNN', '3', null, { direction: 'out', goods: '' }),
    ];
    const [c, ...rest] = checkEvidence(input(gate)).clues;
    expect(rest).toEqual([]);
    expect(c!.items.map((i) => i.text)).toEqual([
      '核查门禁记录：苏D·12345 国四柴油车 12-09 10:42 进厂（水泥）',
      '核查门禁记录：苏D·NNNNN 国三柴油车 12-09 12:00 出厂',
    ]);
    expect(c!.figures).toMatchObject({ movements: 2, trips: 5, daily_trips: 12 });
  });
  test('gas counts when the rule says so; outside the alert or without the ban nothing counts', () => {
    const gas = [movement(at('2019-12-09', '11:30'), '苏D·GGGGG', '3', 'gas')];
    const both = inputOf({ points: [], series: [], spans: [ban], gate: gas, rules: evidenceRules({ truck: { fuels: ['diesel', 'gas'] } }) });
    expect(checkEvidence(both).clues).toHaveLength(1);
    expect(checkEvidence(input([movement(at('2019-12-10', '00:00'), 'A', '4')])).clues).toEqual([]);
    expect(checkEvidence(input([movement(at('2019-12-09', '10:00'), 'A', '4')], span(from, to, measure('limit', { limitPct: 20 })))).clues).toEqual([]);
  });
  test('one clue per day', () => {
    const gate = [movement(at('2019-12-09', '10:00'), 'A', '4'), movement(at('2019-12-10', '10:00'), 'B', '2')];
    const two = span(from, at('2019-12-11'), measure('stop', { truckBan: true }));
    expect(checkEvidence(input(gate, two)).clues.map((c) => c.figures.plates)).toEqual(['A', 'B']);
  });
});
