/**
 * A synthetic town for benchmarks: villages scattered around a base, enterprises clustered in villages,
 * the sample's mix of grades and actions, and groups whose areas are split by haze's own --auto-areas.
 * Seeded: the same size and seed give the same town.
 */
import type { Enterprise, Grade, RequiredMeasure, TownSetup } from '../src/core/model.js';
import { createRandom } from '../src/core/routing/random.js';

export interface BenchTown {
  enterprises: Enterprise[];
  measures: Map<string, RequiredMeasure>;
  setup: TownSetup;
}

const GRADES: [Grade, number][] = [
  ['A', 6],
  ['B', 25],
  ['B-', 12],
  ['C', 35],
  ['D', 25],
  ['非分级', 30],
  ['保障类', 8],
  ['引领性', 3],
];

export function generateTown(n: number, groups: number, seed: number): BenchTown {
  const rnd = createRandom(seed);
  const base = { name: '镇政府', lon: 119.37, lat: 31.72 };
  // Area grows with the list: about 1.5 enterprises per km² as in the sample, villages of ~7 enterprises.
  const radiusKm = Math.sqrt(n / 1.5 / Math.PI);
  const villages = Math.max(groups * 3, Math.round(n / 7));
  const centres = Array.from({ length: villages }, () => {
    const r = radiusKm * Math.sqrt(rnd.next());
    const a = 2 * Math.PI * rnd.next();
    return { lon: base.lon + (r * Math.cos(a)) / (111.32 * Math.cos((base.lat * Math.PI) / 180)), lat: base.lat + (r * Math.sin(a)) / 110.57 };
  });
  const totalWeight = GRADES.reduce((s, [, w]) => s + w, 0);
  const enterprises: Enterprise[] = [];
  const measures = new Map<string, RequiredMeasure>();
  for (let i = 0; i < n; i++) {
    const v = rnd.int(villages);
    const c = centres[v]!;
    let pick = rnd.next() * totalWeight;
    let grade: Grade = 'C';
    for (const [g, w] of GRADES) {
      if ((pick -= w) <= 0) {
        grade = g;
        break;
      }
    }
    const code = `B${String(i).padStart(17, '0')}`;
    const action =
      grade === 'D'
        ? 'stop'
        : grade === 'C'
          ? rnd.next() < 0.5
            ? 'stop'
            : 'stop_part'
          : grade === 'B' || grade === 'B-' || grade === '非分级'
            ? rnd.next() < 0.7
              ? 'limit'
              : 'self'
            : grade === '保障类'
              ? 'exempt'
              : 'self';
    const so2 = rnd.next() < 0.1 ? 20 + rnd.next() * 60 : rnd.next() * 2;
    enterprises.push({
      creditCode: code,
      name: `企业${i}`,
      town: '镇',
      village: `村${v}`,
      address: '',
      industry: '机械加工',
      grade,
      gradeTags: [],
      contact: '',
      phone: '',
      location: { lon: c.lon + (rnd.next() - 0.5) * 0.012, lat: c.lat + (rnd.next() - 0.5) * 0.012 },
      emissions: { so2, nox: so2 * 3, pm: so2, vocs: rnd.next() * 5 },
      truckTrips: rnd.int(20),
      measureText: { yellow: '', orange: '', red: '' },
      row: i + 2,
    });
    measures.set(code, {
      creditCode: code,
      level: 'orange',
      action,
      limitPct: action === 'stop' ? 100 : 20,
      processes: [],
      truckBan: false,
      text: '',
      source: 'bench',
      uninterpreted: [],
      bans: [],
      because: {
        action: { by: 'rule', words: null, rule: 'generated' },
        share: { by: 'none', words: null, rule: null },
        truckBan: { by: 'none', words: null, rule: null },
      },
      warnings: [],
      extra: [],
    });
  }
  const setup: TownSetup = {
    town: '镇',
    county: '',
    city: '',
    base,
    coordSystem: 'wgs84',
    workingDay: { start: 8 * 60 + 30, end: 17 * 60 + 30, lunch: { start: 12 * 60, end: 13 * 60 } },
    speedKmh: 30,
    detourFactor: 1.35,
    serviceMinutes: 20,
    serviceMinutesLarge: null,
    night: null,
    coverageDays: 1,
    groups: Array.from({ length: groups }, (_, g) => ({ id: String(g + 1), name: `第${g + 1}组`, leader: '', phone: '', members: [], villages: [] })),
  };
  return { enterprises, measures, setup };
}
