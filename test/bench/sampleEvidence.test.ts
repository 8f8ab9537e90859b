/**
 * The sample town's evidence (data/xuebu/evidence) is what bench/evidence/sampleEvidence.ts writes, byte for
 * byte: nobody edits the committed files by hand unnoticed, and a change to the generator is committed with its
 * output. The planted cases the README lists name points and enterprises that are in the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sampleEvidence, type SampleEvidence } from '../../bench/evidence/sampleEvidence.js';
import { sampleTown } from '../helpers/sampleTown.js';

const DIR = join(process.cwd(), 'data/xuebu/evidence');
let made: SampleEvidence;
beforeAll(() => {
  made = sampleEvidence(process.cwd());
});

test.each(['points.csv', 'readings.csv', 'gate.csv', 'README.md'] as const)('%s is exactly what the generator writes', (name) => {
  const committed = readFileSync(join(DIR, name));
  const generated = Buffer.from(made.files[name], 'utf8');
  // On a difference, say where, not the whole 1.7 MB.
  const at = committed.findIndex((b, i) => b !== generated[i]);
  expect({
    name,
    length: committed.length,
    firstDifference: at === -1 && committed.length !== generated.length ? Math.min(committed.length, generated.length) : at,
  }).toEqual({
    name,
    length: generated.length,
    firstDifference: -1,
  });
});

test('the generator is deterministic: a second run gives the same files', () => {
  expect(sampleEvidence(process.cwd()).files).toEqual(made.files);
});

test('every planted case names an enterprise of the points or gate file, and a point or plate that is in them', () => {
  const points = made.files['points.csv'];
  const gate = made.files['gate.csv'];
  expect(made.planted.length).toBeGreaterThanOrEqual(15);
  for (const p of made.planted) {
    const ids = p.subject.match(/XB\d{3}-[PTM]\d*/g) ?? [];
    if (p.clue === 'banned_truck' || ids.length === 0) {
      expect([p.subject, gate.includes(`${p.creditCode},`) && gate.includes(`,${p.subject},`)]).toEqual([p.subject, true]);
    } else {
      for (const id of ids) expect([id, points.includes(`\n${id},${p.creditCode},`)]).toEqual([id, true]);
    }
  }
  const kinds = new Set(made.planted.map((p) => p.clue));
  expect([...kinds].sort()).toEqual(['banned_truck', 'limit_not_reached', 'meter_silent', 'night_use', 'none', 'production_during_stop', 'treatment_off']);
});

/**
 * Every plant obeys its order except those planted to break it, so a clue elsewhere is the checks' false alarm.
 * Checked on the files themselves with the plainest arithmetic (kW per slot from the differences of the
 * readings): what it finds is exactly the planted stops, limits and treatment cases, and nothing else.
 */
describe('the readings break the orders exactly where the README says', () => {
  const ALERT_SLOT = 14 * 96 + 14 * 4; // 2019-12-08 14:00, in slots since 2019-11-24 00:00
  let kw: Map<string, (number | null)[]>;
  let points: Record<string, string>[];
  const plantedAs = (...kinds: string[]) =>
    made.planted
      .filter((p) => kinds.includes(p.clue))
      .map((p) => `${p.clue} ${p.creditCode}`)
      .filter((x, i, xs) => xs.indexOf(x) === i)
      .sort();
  beforeAll(() => {
    points = parse(made.files['points.csv'], { bom: true, columns: true }) as Record<string, string>[];
    const rows = parse(made.files['readings.csv'], { bom: true, from_line: 2 }) as string[][];
    const cumulative = new Map<string, (number | null)[]>();
    for (const r of rows) cumulative.set(r[0]!, [...(cumulative.get(r[0]!) ?? []), ...r.slice(3).map((c) => (c === '' ? null : Number(c)))]);
    // kW of each slot; null where either end is missing or the counter went back (a meter change).
    kw = new Map(
      [...cumulative].map(([id, c]) => [id, c.map((v, i) => (i === 0 || v === null || c[i - 1] == null || v < c[i - 1]! ? null : (v - c[i - 1]!) * 4))]),
    );
  });
  const slots = (id: string, from: number, to?: number) => kw.get(id)!.slice(from, to);
  const peakBefore = (id: string) => Math.max(...slots(id, 0, ALERT_SLOT).map((v) => v ?? 0));
  const found = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i).sort();

  test('stopped lines run above 5 % of their peak, or limited ones use more than (1 − r) of the same hours a week before, only where planted', () => {
    const measures = sampleTown().measuresAt('orange');
    const breaks: string[] = [];
    for (const p of points.filter((x) => x['点位类型'] === '生产')) {
      const id = p['点位编号']!;
      const code = p['统一社会信用代码']!;
      const m = measures.get(code)!;
      const stopped =
        m.action === 'stop' || (m.action === 'stop_part' && m.processes.some((pr) => p['设备名称']!.includes(pr.replace(/工序$/, '')) || p['车间'] === pr));
      if (stopped && Math.max(...slots(id, ALERT_SLOT).map((v) => v ?? 0)) > 0.05 * peakBefore(id)) breaks.push(`production_during_stop ${code}`);
      if (m.action === 'limit') {
        const a = slots(id, ALERT_SLOT);
        const b = slots(id, ALERT_SLOT - 7 * 96, ALERT_SLOT - 7 * 96 + a.length);
        const sum = (xs: (number | null)[]) => xs.reduce<number>((s, v) => s + (v ?? 0), 0);
        if (sum(a) > (1 - m.limitPct! / 100) * sum(b)) breaks.push(`limit_not_reached ${code}`);
      }
    }
    expect(found(breaks)).toEqual(plantedAs('production_during_stop', 'limit_not_reached'));
  });

  test('treatment under 10 % of its peak while the production it serves runs above 20 %: only where planted', () => {
    const breaks: string[] = [];
    for (const p of points.filter((x) => x['点位类型'] === '生产' && x['对应治污点位'])) {
      const prod = kw.get(p['点位编号']!)!;
      const pPeak = peakBefore(p['点位编号']!);
      for (const t of p['对应治污点位']!.split('；')) {
        const tr = kw.get(t)!;
        const tPeak = peakBefore(t);
        if (prod.some((v, i) => v !== null && v >= 0.2 * pPeak && tr[i] != null && tr[i]! < 0.1 * tPeak)) breaks.push(`treatment_off ${p['统一社会信用代码']}`);
      }
    }
    expect(found(breaks)).toEqual(plantedAs('treatment_off'));
  });

  test('night use above 1.5 × day use on an alert day (00:00–06:00 and 22:00–24:00 against the rest): only where planted', () => {
    const breaks: string[] = [];
    const byPlant = new Map<string, string[]>();
    for (const p of points) byPlant.set(p['统一社会信用代码']!, [...(byPlant.get(p['统一社会信用代码']!) ?? []), p['点位编号']!]);
    for (const [code, ids] of byPlant)
      for (const day of [15, 16]) {
        let night = 0;
        let dayUse = 0;
        for (const id of ids)
          slots(id, day * 96, (day + 1) * 96).forEach((v, k) => {
            if (k < 24 || k >= 88) night += v ?? 0;
            else dayUse += v ?? 0;
          });
        if (night > 1.5 * dayUse) breaks.push(`night_use ${code}`);
      }
    // The plants planted to run production at night under a stop show night use as well.
    const stopAtNight = made.planted.filter((p) => p.clue === 'production_during_stop' && p.when.includes('22:00')).map((p) => `night_use ${p.creditCode}`);
    expect(found(breaks)).toEqual(found([...plantedAs('night_use'), ...stopAtNight]));
  });

  test('a diesel truck of stage 4 or below at a plant under the truck ban, within the alert: only the planted plates', () => {
    const measures = sampleTown().measuresAt('orange');
    const rows = parse(made.files['gate.csv'], { bom: true, columns: true }) as Record<string, string>[];
    const old = new Set(['0', '1', '2', '3', '4', '国Ⅲ', '国Ⅳ', '国IV']);
    const plates = rows
      .filter(
        (r) => r['进出厂时间']! >= '20191208 140000' && measures.get(r['统一社会信用代码']!)!.truckBan && old.has(r['排放阶段']!) && r['燃料类型'] === '柴油',
      )
      .map((r) => r['车牌号码']!);
    expect(found(plates)).toEqual(found(made.planted.filter((p) => p.clue === 'banned_truck').map((p) => p.subject)));
  });

  test('the silent points have 20 empty readings each (5 hours), and no other reading is empty', () => {
    const empty = [...kw.keys()]
      .map(
        (id) =>
          [
            id,
            made.files['readings.csv']
              .split('\n')
              .filter((l) => l.startsWith(`${id},`))
              .reduce((n, l) => n + l.split(',').filter((c) => c === '').length, 0),
          ] as const,
      )
      .filter(([, n]) => n > 0);
    expect(empty.sort()).toEqual(
      made.planted
        .filter((p) => p.clue === 'meter_silent')
        .map((p) => [p.subject, 20])
        .sort(),
    );
  });
});
