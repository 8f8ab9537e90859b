/**
 * Generates the sample town's evidence (issue 16), data/xuebu/evidence/: meter points (points.csv), a fortnight
 * of 15-minute readings before and during the seed's alert in the grid's wide 96点示值 layout (readings.csv),
 * a gate ledger (gate.csv) and the README that lists what was planted. Fixed-seed PRNG, no clock: re-running
 * writes the same bytes, and test/bench/sampleEvidence.test.ts fails when the committed files differ from them.
 * The output is committed; edit this file, not the CSVs, and rerun:
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/evidence/sampleEvidence.js        # writes data/xuebu/evidence/
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/evidence/sampleEvidence.js DIR    # writes into DIR
 *
 * Which plants obey and which break their orange measure is chosen here (plantedBreakers, listed in the README):
 * every other plant's series obeys its order, so a clue on it is a false alarm of the checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Enterprise, RequiredMeasure } from '../../src/core/model.js';
import { requiredMeasure } from '../../src/core/rules/requiredMeasure.js';
import { loadList } from '../../src/io/read/loadList.js';
import { loadRuleTable } from '../../src/io/read/ruleFile.js';
import { mulberry32 } from './prng.js';

const SEED = 20191208;
/** The readings' days: a fortnight before the alert and the alert's own days (orange from 2019-12-08 14:00, no end). */
const FIRST_DAY = '2019-11-24';
const DAYS = 17;
const ALERT_DAY = 14; // 2019-12-08 is day 14 of the series
const ALERT_START = ALERT_DAY * 1440 + 14 * 60; // minutes since FIRST_DAY 00:00
/** The gate ledger's days: the days before the alert and the alert's (a week, to keep the file small). */
const GATE_FIRST_DAY = 10; // 2019-12-04
const SLOTS = 96;
const STEP = 15;

/** The repository root, from bench/evidence (ts-jest) or dist-bench/bench/evidence (built). */
function repoRoot(): string {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return basename(up) === 'dist-bench' ? dirname(up) : up;
}

// ---------------------------------------------------------------------------------------------
// What each industry's plants have on their meters, how they work, what their trucks carry.

type Shift = 'day' | 'two' | 'continuous';
interface DeviceSpec {
  workshop: string;
  /** A leading # is numbered: "#注塑机" → "1#注塑机", "2#注塑机". */
  device: string;
  kw: [number, number];
}
interface Kit {
  shift: Shift;
  production: DeviceSpec[];
  treatment: DeviceSpec[];
  goodsIn: string[];
  goodsOut: string[];
}
const d = (workshop: string, device: string, lo: number, hi: number): DeviceSpec => ({ workshop, device, kw: [lo, hi] });

const KITS: Record<string, Kit> = {
  塑料制品: {
    shift: 'two',
    production: [d('注塑车间', '#注塑机', 45, 110), d('挤出车间', '#挤出生产线', 90, 200), d('造粒车间', '造粒机', 55, 132)],
    treatment: [d('环保设施', '活性炭吸附装置', 7.5, 22), d('环保设施', 'UV光氧催化装置', 5, 15)],
    goodsIn: ['聚丙烯颗粒', 'ABS塑料粒子'],
    goodsOut: ['注塑件', '塑料管材'],
  },
  纺织印染: {
    shift: 'continuous',
    production: [d('染色车间', '#染色机', 30, 75), d('定型车间', '#定型机', 90, 180), d('印花车间', '圆网印花机', 45, 90)],
    treatment: [d('环保设施', '静电油烟净化器', 11, 30), d('环保设施', '碱液喷淋塔', 7.5, 18.5)],
    goodsIn: ['坯布', '染料助剂'],
    goodsOut: ['印染布'],
  },
  水泥粉磨站: {
    shift: 'continuous',
    production: [d('粉磨车间', '#水泥磨', 800, 1600), d('粉磨车间', '辊压机', 400, 900)],
    treatment: [d('环保设施', '布袋除尘器', 75, 160)],
    goodsIn: ['水泥熟料', '石膏', '矿渣'],
    goodsOut: ['散装水泥', '袋装水泥'],
  },
  水泥熟料: {
    shift: 'continuous',
    production: [d('烧成车间', '回转窑', 1200, 2200), d('生料车间', '生料磨', 1500, 2800), d('煤粉车间', '煤磨', 300, 600)],
    treatment: [d('环保设施', '窑尾布袋除尘器', 160, 315), d('环保设施', 'SCR脱硝装置', 45, 110)],
    goodsIn: ['石灰石', '原煤', '砂岩'],
    goodsOut: ['水泥熟料'],
  },
  机械加工: {
    shift: 'day',
    production: [d('机加工车间', '#数控车床', 15, 37), d('焊接车间', '焊接生产线', 45, 110), d('涂装车间', '喷漆房', 30, 75), d('涂装车间', '烘干炉', 45, 90)],
    treatment: [d('环保设施', '焊烟布袋除尘器', 7.5, 18.5), d('环保设施', '活性炭吸附装置', 11, 22)],
    goodsIn: ['钢材', '铸件毛坯'],
    goodsOut: ['机械零部件'],
  },
  家具制造: {
    shift: 'day',
    production: [d('木工车间', '#生产线', 30, 75), d('打磨车间', '打磨线', 22, 45), d('涂装车间', '喷漆房', 30, 55), d('涂装车间', '烘干炉', 37, 75)],
    treatment: [d('环保设施', '布袋除尘器', 11, 30), d('环保设施', '水帘柜及活性炭吸附装置', 11, 22)],
    goodsIn: ['板材', '油漆'],
    goodsOut: ['成品家具'],
  },
  化工: {
    shift: 'continuous',
    production: [d('合成车间', '#反应釜', 37, 90), d('精馏车间', '精馏塔', 55, 132), d('干燥车间', '干燥机', 45, 110)],
    treatment: [d('环保设施', 'RTO焚烧炉', 55, 132), d('环保设施', '碱液喷淋塔', 11, 22)],
    goodsIn: ['液碱', '甲醇', '化工原料'],
    goodsOut: ['化工产品'],
  },
  化学药品原料药制造: {
    shift: 'continuous',
    production: [d('合成车间', '合成反应釜', 45, 110), d('精制车间', '精制结晶釜', 37, 75), d('干燥车间', '双锥干燥机', 30, 55)],
    treatment: [d('环保设施', 'RTO焚烧炉', 55, 110), d('环保设施', '活性炭吸附装置', 11, 22)],
    goodsIn: ['医药中间体', '溶剂'],
    goodsOut: ['原料药'],
  },
  木材加工: {
    shift: 'two',
    production: [d('热压车间', '#热压机', 55, 132), d('砂光车间', '砂光机', 45, 90), d('烘干车间', '烘干窑', 30, 75)],
    treatment: [d('环保设施', '布袋除尘器', 18.5, 45)],
    goodsIn: ['原木', '胶黏剂'],
    goodsOut: ['胶合板'],
  },
  铸造: {
    shift: 'day',
    production: [d('熔炼车间', '#中频感应电炉', 350, 750), d('造型车间', '造型线', 55, 132), d('清理车间', '抛丸机', 30, 75)],
    treatment: [d('环保设施', '布袋除尘器', 45, 110)],
    goodsIn: ['废钢', '生铁', '型砂'],
    goodsOut: ['铸件'],
  },
  石灰窑: {
    shift: 'continuous',
    production: [d('石灰窑车间', '1号石灰窑', 160, 315), d('石灰窑车间', '2号石灰窑', 160, 315), d('破碎车间', '破碎机', 90, 160)],
    treatment: [d('环保设施', '布袋除尘器', 55, 110)],
    goodsIn: ['石灰石', '焦炭'],
    goodsOut: ['生石灰'],
  },
  砖瓦窑: {
    shift: 'continuous',
    production: [d('焙烧车间', '隧道窑', 160, 315), d('成型车间', '制坯机', 110, 220)],
    treatment: [d('环保设施', '双碱法脱硫塔', 30, 75)],
    goodsIn: ['页岩', '煤矸石'],
    goodsOut: ['烧结砖'],
  },
  建筑陶瓷: {
    shift: 'continuous',
    production: [d('烧成车间', '辊道窑', 200, 400), d('原料车间', '#球磨机', 110, 250), d('压制车间', '压砖机', 75, 160)],
    treatment: [d('环保设施', '脱硫除尘塔', 45, 110)],
    goodsIn: ['陶瓷原料', '釉料'],
    goodsOut: ['瓷砖'],
  },
  涂料制造: {
    shift: 'day',
    production: [d('分散车间', '#高速分散机', 22, 55), d('研磨车间', '砂磨机', 30, 55)],
    treatment: [d('环保设施', '活性炭吸附装置', 11, 22)],
    goodsIn: ['树脂', '颜料', '溶剂'],
    goodsOut: ['涂料'],
  },
  包装印刷: {
    shift: 'two',
    production: [d('印刷车间', '#印刷机', 55, 132), d('复合车间', '复合机', 45, 90)],
    treatment: [d('环保设施', '活性炭吸附及催化燃烧装置', 18.5, 45)],
    goodsIn: ['纸张', '油墨'],
    goodsOut: ['包装制品'],
  },
  工业涂装: {
    shift: 'two',
    production: [d('前处理车间', '前处理线', 45, 90), d('涂装车间', '#喷涂线', 55, 110), d('涂装车间', '烘干炉', 55, 110)],
    treatment: [d('环保设施', 'RTO焚烧炉', 55, 110), d('环保设施', '活性炭吸附装置', 11, 30)],
    goodsIn: ['待涂装工件', '粉末涂料'],
    goodsOut: ['涂装件'],
  },
};
const FALLBACK: Kit = {
  shift: 'day',
  production: [d('生产车间', '#生产线', 30, 90)],
  treatment: [d('环保设施', '废气处理装置', 7.5, 22)],
  goodsIn: ['原材料'],
  goodsOut: ['产品'],
};

/** A named process of a stop_part measure → the device that carries it, so the partial stop check finds it. */
const PROCESS_DEVICE: Record<string, { workshop: string; device: string }> = {
  注塑: { workshop: '注塑车间', device: '1#注塑机' },
  焊接: { workshop: '焊接车间', device: '焊接生产线' },
  喷涂: { workshop: '涂装车间', device: '1#喷涂线' },
  打磨: { workshop: '打磨车间', device: '打磨线' },
  喷漆: { workshop: '涂装车间', device: '喷漆房' },
  烘干: { workshop: '涂装车间', device: '烘干炉' },
  合成: { workshop: '合成车间', device: '合成反应釜' },
  精制: { workshop: '精制车间', device: '精制结晶釜' },
  反应釜投料: { workshop: '合成车间', device: '反应釜投料系统' },
  '2号石灰窑': { workshop: '石灰窑车间', device: '2号石灰窑' },
  '2号车间': { workshop: '2号车间', device: '2号车间反应釜' },
};
const processCore = (p: string) => p.replace(/(工序|工段)$/, '');
/** stop_part plants whose measure names its lines (not "4条生产线中的2条"), each known here. */
const namesItsLines = (m: RequiredMeasure) => m.processes.length > 0 && m.processes.every((p) => PROCESS_DEVICE[processCore(p)]);

// ---------------------------------------------------------------------------------------------
// The plan of the sample: plants, their points, and who breaks what.

type Kind = 'production' | 'treatment' | 'main';
interface Point {
  id: string;
  kind: Kind;
  workshop: string;
  device: string;
  /** What it draws when running normally, kW. */
  nominalKw: number;
  ratedKw: number | null;
  onKw: number | null;
  holdMinutes: number | null;
  servedBy: string[];
  /** A production point the order stops: every one under stop, the named lines under stop_part. */
  stopped: boolean;
}
interface Plant {
  no: number;
  e: Enterprise;
  m: RequiredMeasure;
  kit: Kit;
  points: Point[];
}

/** One planted departure from the order (or a case that must NOT give a clue), as the README lists it. */
export interface Planted {
  /** The clue kind the checks should raise, or 'none' when the case must not give one. */
  clue: 'production_during_stop' | 'limit_not_reached' | 'treatment_off' | 'night_use' | 'meter_silent' | 'banned_truck' | 'none';
  creditCode: string;
  name: string;
  /** The meter point or the plate it concerns. */
  subject: string;
  /** When, Beijing wall clock. */
  when: string;
  what: string;
}

/**
 * A change to one point's load: its level (share of nominal) in a slot, or undefined to keep the plant's.
 * `shift` is the plant's usual level at that minute, before any order.
 */
type Override = (pointId: string, minute: number, shift: number) => number | undefined;

const STANDARD_KW = [5.5, 7.5, 11, 15, 18.5, 22, 30, 37, 45, 55, 75, 90, 110, 132, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150];

export interface SampleEvidence {
  files: { 'points.csv': string; 'readings.csv': string; 'gate.csv': string; 'README.md': string };
  planted: Planted[];
}

/** The sample's evidence files, as strings. Same bytes every run. */
export function sampleEvidence(root = repoRoot()): SampleEvidence {
  const rand = mulberry32(SEED);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const intBetween = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const noise = () => 1 + (rand() + rand() + rand() - 1.5) * 0.08;

  const list = loadList(join(root, 'data/xuebu/enterprises.csv'));
  const rules = loadRuleTable([join(root, 'data/rules/default.yaml')]);
  const candidates = list.enterprises
    .map((e) => ({ e, m: requiredMeasure(e, 'orange', rules) }))
    .filter(({ m }) => m.action === 'stop' || m.action === 'limit' || (m.action === 'stop_part' && namesItsLines(m)));
  // A seeded shuffle: which plants are metered is drawn, the breakers' kinds are chosen below.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const shiftOf = (e: Enterprise) => (KITS[e.industry] ?? FALLBACK).shift;
  const used = new Set<string>();
  const take = (ok: (c: (typeof candidates)[number]) => boolean) => {
    const c = candidates.find((x) => !used.has(x.e.creditCode) && ok(x));
    if (!c) throw new Error('the sample list has no plant for a planted role');
    used.add(c.e.creditCode);
    return c;
  };
  // The roles that need a particular kind of plant, taken first.
  const role = {
    stopNight1: take((c) => c.m.action === 'stop' && !c.m.truckBan),
    stopNight2: take((c) => c.m.action === 'stop' && c.m.truckBan),
    partDay: take((c) => c.m.action === 'stop_part'),
    limitShort30: take((c) => c.m.action === 'limit' && c.m.limitPct === 30 && shiftOf(c.e) === 'continuous'),
    limitShort20: take((c) => c.m.action === 'limit' && c.m.limitPct === 20 && shiftOf(c.e) === 'continuous'),
    night1: take((c) => c.m.action === 'limit' && c.m.limitPct === 20 && shiftOf(c.e) === 'day'),
    night2: take((c) => c.m.action === 'limit' && shiftOf(c.e) === 'day'),
    treatOff1: take((c) => c.m.action === 'limit' && shiftOf(c.e) !== 'day'),
    treatOff2: take((c) => c.m.action === 'stop_part'),
    silent1: take((c) => c.m.action === 'stop'),
    silent2: take((c) => c.m.action === 'limit'),
    reset: take((c) => c.m.action === 'limit'),
    truckLimit: take((c) => c.m.action === 'limit' && c.m.truckBan),
    truckPart: take((c) => c.m.action === 'stop_part' && c.m.truckBan),
  };
  // The rest, obeying, to about 40 plants: stop, stop_part and limit roughly as the list has them.
  const want = { stop: 15, stop_part: 8, limit: 17 } as Record<string, number>;
  for (const c of [...used].map((code) => candidates.find((x) => x.e.creditCode === code)!)) want[c.m.action]!--;
  for (const c of candidates) {
    if (used.has(c.e.creditCode) || (want[c.m.action] ?? 0) <= 0) continue;
    want[c.m.action]!--;
    used.add(c.e.creditCode);
  }
  // In the list's order: plant numbers and point ids follow it.
  const chosen = list.enterprises.filter((e) => used.has(e.creditCode)).map((e) => candidates.find((c) => c.e === e)!);
  const specialCodes = new Set(Object.values(role).map((c) => c.e.creditCode));

  const plants: Plant[] = chosen.map(({ e, m }, i) => {
    const kit = KITS[e.industry] ?? FALLBACK;
    const no = i + 1;
    const pid = (s: string) => `XB${String(no).padStart(3, '0')}-${s}`;
    const numbered = new Map<string, number>();
    const name = (spec: { device: string }) => {
      if (!spec.device.startsWith('#')) return spec.device;
      const n = (numbered.get(spec.device) ?? 0) + 1;
      numbered.set(spec.device, n);
      return `${n}${spec.device}`;
    };
    const prodSpecs: { spec: DeviceSpec; named?: { workshop: string; device: string } }[] = [];
    if (m.action === 'stop_part') {
      for (const p of m.processes) prodSpecs.push({ spec: pick(kit.production), named: PROCESS_DEVICE[processCore(p)]! });
      const names = new Set(prodSpecs.map((s) => s.named!.device));
      const rest = kit.production.filter((s) => !names.has(s.device) && !names.has(`1${s.device}`) && !s.workshop.includes('涂装'));
      prodSpecs.push({ spec: rest.length > 0 ? pick(rest) : d('成型车间', '成型线', 30, 75) });
    } else {
      const n = chance(0.6) ? 1 : chance(0.75) ? 2 : 3;
      // A third line of a two-device kit is another of its first (numbered) device, or none.
      for (let k = 0; k < n; k++) {
        const spec = k < kit.production.length ? kit.production[k]! : kit.production[0]!;
        if (k >= kit.production.length && !spec.device.startsWith('#')) break;
        prodSpecs.push({ spec });
      }
    }
    const special = specialCodes.has(e.creditCode);
    // Stop_part plants with a treatment-off breaker need one treatment per side; most plants have one.
    const nTreat = e.creditCode === role.treatOff2.e.creditCode ? 2 : special || chance(0.88) ? (chance(0.15) ? 2 : 1) : 0;
    const points: Point[] = [];
    const treatIds: string[] = [];
    for (let k = 0; k < nTreat; k++) {
      const spec = kit.treatment[k % kit.treatment.length]!;
      const id = pid(`T${k + 1}`);
      treatIds.push(id);
      points.push(point(id, 'treatment', spec.workshop, spec.device, between(spec.kw[0], spec.kw[1]) * 0.9));
    }
    prodSpecs.forEach((s, k) => {
      const id = pid(`P${k + 1}`);
      const workshop = s.named?.workshop ?? s.spec.workshop;
      const device = s.named?.device ?? name(s.spec);
      const p = point(id, 'production', workshop, device, between(s.spec.kw[0], s.spec.kw[1]) * 0.85);
      p.stopped = m.action === 'stop' || (m.action === 'stop_part' && s.named !== undefined);
      // Under stop_part with two treatment points, the stopped lines share T1 and the running line has T2.
      if (treatIds.length === 1) p.servedBy = [treatIds[0]!];
      else if (treatIds.length === 2)
        p.servedBy = m.action === 'stop_part' ? [p.stopped ? treatIds[0]! : treatIds[1]!] : k === 0 ? [...treatIds] : [treatIds[k % 2]!];
      points.push(p);
    });
    if (!special && chance(0.18)) points.push(point(pid('M'), 'main', '配电房', '总进线柜', between(8, 25)));
    // Production first, then treatment, then the main meter, as vendor exports list them.
    const order: Record<Kind, number> = { production: 0, treatment: 1, main: 2 };
    points.sort((a, b) => order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
    // Rated power for some points; the limit breakers' production points keep a learnt baseline.
    const learntOnly = e.creditCode === role.limitShort30.e.creditCode || e.creditCode === role.limitShort20.e.creditCode;
    for (const p of points) {
      if (p.kind === 'main' || (learntOnly && p.kind === 'production') || !chance(0.45)) continue;
      p.ratedKw = STANDARD_KW.find((k) => k >= p.nominalKw * 1.05) ?? Math.ceil(p.nominalKw * 1.1);
    }
    return { no, e, m, kit, points };
  });
  // A few points carry their own on/off threshold and hold time (vendor settings); most use the rule's.
  const obeyingPoints = plants.filter((p) => !specialCodes.has(p.e.creditCode)).flatMap((p) => p.points.filter((q) => q.kind === 'production'));
  for (let k = 0; k < 5 && obeyingPoints.length > 0; k++) {
    const p = obeyingPoints.splice(Math.floor(rand() * obeyingPoints.length), 1)[0]!;
    p.onKw = Math.round(p.nominalKw * 0.15);
    if (k < 3) p.holdMinutes = pick([15, 20, 45]);
  }

  function point(id: string, kind: Kind, workshop: string, device: string, nominalKw: number): Point {
    return {
      id,
      kind,
      workshop,
      device,
      nominalKw: Math.round(nominalKw * 10) / 10,
      ratedKw: null,
      onKw: null,
      holdMinutes: null,
      servedBy: [],
      stopped: false,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The breakers: overrides of the obeying load, and the cells left empty or reset.
  const planted: Planted[] = [];
  const overrides: Override[] = [];
  const plantOf = (c: { e: Enterprise }) => plants.find((p) => p.e.creditCode === c.e.creditCode)!;
  const prod = (p: Plant) => p.points.filter((q) => q.kind === 'production');
  const at = (day: number, hh: number, mm = 0) => day * 1440 + hh * 60 + mm;
  const inside = (m: number, from: number, to: number) => m >= from && m < to;
  const note = (c: Planted['clue'], p: Plant, subject: string, when: string, what: string) =>
    planted.push({ clue: c, creditCode: p.e.creditCode, name: p.e.name, subject, when, what });

  {
    const p = plantOf(role.stopNight1);
    const ids = prod(p).map((q) => q.id);
    overrides.push((id, m) => (ids.includes(id) && inside(m, at(14, 22), at(15, 5, 30)) ? 0.9 : undefined));
    note(
      'production_during_stop',
      p,
      ids.join('；'),
      '2019-12-08 22:00 – 12-09 05:30',
      '停产令下夜间生产：全部生产点位满负荷运行（治污设施同步开启）；同时应给出夜间用电线索',
    );
  }
  {
    const p = plantOf(role.stopNight2);
    const q = prod(p)[0]!;
    overrides.push((id, m) => (id === q.id && inside(m, at(15, 22), at(16, 5, 30)) ? 0.85 : undefined));
    note('production_during_stop', p, q.id, '2019-12-09 22:00 – 12-10 05:30', `停产令下夜间生产：${q.device} 以约 85 % 负荷运行；同时应给出夜间用电线索`);
  }
  {
    const p = plantOf(role.partDay);
    const q = prod(p).find((x) => x.stopped)!;
    overrides.push((id, m) => (id === q.id && inside(m, at(15, 13), at(15, 16, 30)) ? 0.85 : undefined));
    note(
      'production_during_stop',
      p,
      q.id,
      '2019-12-09 13:00 – 16:30',
      `应停工序「${p.m.processes.join('、')}」白天运行：${q.device} 约 85 % 负荷（其余生产线照常，不应报）`,
    );
  }
  for (const [c, cut] of [
    [role.limitShort30, 0.08],
    [role.limitShort20, 0.03],
  ] as const) {
    const p = plantOf(c);
    const ids = prod(p).map((q) => q.id);
    overrides.push((id, m, shift) => (ids.includes(id) && m >= ALERT_START ? shift * (1 - cut) : undefined));
    note(
      'limit_not_reached',
      p,
      ids.join('；'),
      '2019-12-08 14:00 起',
      `限产 ${p.m.limitPct} %，实际只压减约 ${Math.round(cut * 100)} %（生产点位额定功率留空，基准由读数学得）`,
    );
  }
  for (const c of [role.night1, role.night2]) {
    const p = plantOf(c);
    const ids = prod(p).map((q) => q.id);
    // Day shift moved to the night: from the alert's first working day (Monday 12-09) on, 00:00–06:00 and
    // 22:00–24:00 at 55 %, the day at standby. Each calendar day still uses 40 % less than a working day did.
    overrides.push((id, m) => {
      if (!ids.includes(id) || m < at(ALERT_DAY + 1, 0)) return undefined;
      const mod = m % 1440;
      return mod >= 22 * 60 || mod < 6 * 60 ? 0.55 : 0.02;
    });
    note(
      'night_use',
      p,
      ids.join('；'),
      '2019-12-09、12-10 两天的 00:00–06:00 与 22:00–24:00',
      `限产 ${p.m.limitPct} % 的白班企业改上夜班：夜间 55 % 负荷，白天待机；每天的电量仍比平日工作日少约 40 %（不应报限产未达标）`,
    );
  }
  const quiet = new Map<string, { from: number; to: number }>();
  {
    const p = plantOf(role.treatOff1);
    const q = prod(p).find((x) => x.servedBy.length > 0)!;
    const t = q.servedBy[0]!;
    quiet.set(t, { from: at(15, 9), to: at(15, 12) });
    note('treatment_off', p, `${t}（服务 ${q.id}）`, '2019-12-09 09:00 – 12:00', `生产按限产运行，治污点位 ${t} 约为 0 共 3 小时`);
  }
  {
    const p = plantOf(role.treatOff2);
    const q = prod(p).find((x) => !x.stopped)!;
    const t = q.servedBy[0]!;
    quiet.set(t, { from: at(16, 14), to: at(16, 17) });
    note(
      'treatment_off',
      p,
      `${t}（服务 ${q.id}）`,
      '2019-12-10 14:00 – 17:00',
      `部分停产企业：照常运行的 ${q.device} 的治污点位 ${t} 约为 0 共 3 小时（停用工序已停，不应报停产期间生产）`,
    );
  }
  for (const [id, w] of quiet) overrides.push((pid, m) => (pid === id && inside(m, w.from, w.to) ? 0.004 : undefined));
  /** Readings left empty: [first empty slot, last empty slot] in slots since FIRST_DAY (slot k ends at (k+1)×15 min). */
  const silent = new Map<string, [number, number]>();
  {
    const p = plantOf(role.silent1);
    const q = prod(p)[0]!;
    silent.set(q.id, [at(15, 1) / STEP, at(15, 6) / STEP - 1]);
    note(
      'meter_silent',
      p,
      q.id,
      '2019-12-09 01:00 – 06:00',
      '5 小时无读数（宽表 01:15–06:00 共 20 格为空；06:15 的示值含这 5 小时的电量）；停产令下本应为 0，不是违法线索',
    );
  }
  {
    const p = plantOf(role.silent2);
    const q = p.points.find((x) => x.kind === 'treatment') ?? prod(p)[0]!;
    silent.set(q.id, [at(15, 21) / STEP, at(16, 2) / STEP - 1]);
    note(
      'meter_silent',
      p,
      q.id,
      '2019-12-09 21:00 – 12-10 02:00',
      `5 小时无读数，跨越零点（12-09 行 21:15–24:00 与 12-10 行 00:15–02:00 为空）；${q.kind === 'treatment' ? '生产照常，缺数不是治污停运' : ''}`,
    );
  }
  /** Meter changes: the slot whose reading is the new meter's first, and the share of that slot it ran. */
  const resets = new Map<string, { slot: number; share: number }>();
  {
    const p = plantOf(role.reset);
    const q = prod(p)[0]!;
    resets.set(q.id, { slot: at(15, 10) / STEP, share: 0.4 });
    note('none', p, q.id, '2019-12-09 10:15', '换表：累计示值从数万 kWh 跌到约 0 后重新累计；生产照常按限产运行，不应当作负电量、巨大电量或违法');
  }

  // ---------------------------------------------------------------------------------------------
  // Load: each point's level (share of its nominal kW) in each slot, then kWh, then cumulative readings.
  const dayOfWeek = (day: number) => (new Date(`${FIRST_DAY}T00:00:00Z`).getUTCDay() + day) % 7; // 0 = Sunday
  function shiftLevel(shift: Shift, minute: number): number {
    const day = Math.floor(minute / 1440);
    const mod = minute % 1440;
    const dow = dayOfWeek(day);
    if (shift === 'continuous') return 0.93 + 0.04 * Math.sin((mod / 1440) * 2 * Math.PI);
    if (shift === 'two') {
      if (dow === 0) return mod >= 8 * 60 && mod < 17 * 60 ? 0.55 : 0.03;
      return mod >= 8 * 60 ? (mod >= 12 * 60 && mod < 12 * 60 + 30 ? 0.5 : 0.92) : 0.03;
    }
    if (dow === 0) return 0.02;
    const on = (mod >= 8 * 60 && mod < 12 * 60) || (mod >= 13 * 60 && mod < 17 * 60);
    const sat = dow === 6 ? 0.6 : 1;
    return on ? 0.92 * sat : mod >= 12 * 60 && mod < 13 * 60 ? 0.15 : 0.03;
  }
  /** The plant's own level for a production point, obeying its order. */
  function obeying(pl: Plant, q: Point, minute: number): number {
    const base = shiftLevel(pl.kit.shift, minute);
    if (minute < ALERT_START) return base;
    if (q.stopped) return 0.004;
    if (pl.m.action === 'limit') return base * (1 - (pl.m.limitPct ?? 0) / 100 - 0.05);
    return base;
  }
  const nSlots = DAYS * SLOTS;
  const kwhOf = new Map<string, Float64Array>();
  for (const pl of plants) {
    const level = new Map<string, Float64Array>();
    for (const q of prod(pl)) {
      const lv = new Float64Array(nSlots);
      for (let s = 0; s < nSlots; s++) {
        const minute = s * STEP;
        const shift = shiftLevel(pl.kit.shift, minute);
        let v = obeying(pl, q, minute);
        for (const o of overrides) v = o(q.id, minute, shift) ?? v;
        lv[s] = v;
      }
      level.set(q.id, lv);
    }
    for (const t of pl.points.filter((x) => x.kind === 'treatment')) {
      const served = prod(pl).filter((q) => q.servedBy.includes(t.id));
      const lv = new Float64Array(nSlots);
      for (let s = 0; s < nSlots; s++) {
        const minute = s * STEP;
        const f = Math.max(0, ...served.map((q) => level.get(q.id)![s]!));
        // Runs whenever what it serves runs; behind stopped lines, kept on (fans, adsorption) through the alert.
        let v = 0.02 + 0.9 * Math.min(1, f);
        if (minute >= ALERT_START && served.every((q) => q.stopped)) v = Math.max(v, 0.4);
        for (const o of overrides) v = o(t.id, minute, v) ?? v;
        lv[s] = v;
      }
      level.set(t.id, lv);
    }
    for (const q of pl.points) {
      if (q.kind === 'main') continue;
      const lv = level.get(q.id)!;
      const kwh = new Float64Array(nSlots);
      for (let s = 0; s < nSlots; s++) kwh[s] = Math.max(0, q.nominalKw * lv[s]! * noise() * (STEP / 60));
      kwhOf.set(q.id, kwh);
    }
    for (const q of pl.points.filter((x) => x.kind === 'main')) {
      // The incoming line: everything metered plus lighting, offices and what has no meter of its own.
      const others = pl.points.filter((x) => x.kind !== 'main').map((x) => kwhOf.get(x.id)!);
      const kwh = new Float64Array(nSlots);
      for (let s = 0; s < nSlots; s++) {
        const office = (s % SLOTS) * STEP >= 8 * 60 && (s % SLOTS) * STEP < 18 * 60 ? 1 : 0.35;
        kwh[s] = others.reduce((a, k) => a + k[s]!, 0) * 1.06 + q.nominalKw * office * noise() * (STEP / 60);
      }
      kwhOf.set(q.id, kwh);
      q.nominalKw = 0; // the main meter's nominal is not a device's: no rated power
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The files.
  const allPoints = plants.flatMap((p) => p.points.map((q) => ({ p, q })));
  const pointsCsv = csv(
    ['点位编号', '统一社会信用代码', '企业名称', '车间', '设备名称', '点位类型', '对应治污点位', '额定功率(kW)', '启停阈值(kW)', '持续时间(分钟)'],
    allPoints.map(({ p, q }) => [
      q.id,
      p.e.creditCode,
      p.e.name,
      q.workshop,
      q.device,
      { production: '生产', treatment: '治污', main: '总表' }[q.kind],
      q.servedBy.join('；'),
      q.ratedKw === null ? '' : String(q.ratedKw),
      q.onKw === null ? '' : String(q.onKw),
      q.holdMinutes === null ? '' : String(q.holdMinutes),
    ]),
  );

  const times = Array.from({ length: SLOTS }, (_, k) => hhmm((k + 1) * STEP));
  const readingRows: string[][] = [];
  for (const { q } of allPoints) {
    const kwh = kwhOf.get(q.id)!;
    let counter = q.kind === 'main' ? between(100_000, 900_000) : between(1_000, 90_000);
    const reset = resets.get(q.id);
    const gap = silent.get(q.id);
    const cells: string[] = [];
    for (let s = 0; s < nSlots; s++) {
      counter = reset?.slot === s ? kwh[s]! * reset.share : counter + kwh[s]!;
      cells.push(gap && s >= gap[0] && s <= gap[1] ? '' : counter.toFixed(2));
    }
    for (let day = 0; day < DAYS; day++) readingRows.push([q.id, dateOf(day), 'kWh', ...cells.slice(day * SLOTS, (day + 1) * SLOTS)]);
  }
  const readingsCsv = csv(['点位编号', '日期', '单位', ...times], readingRows);

  const gateCsv = gateLedger();

  function gateLedger(): string {
    const gatePlants = plants.filter((p) => p.m.truckBan);
    // Two plants without the ban, for context: a 国四 truck there is not a clue.
    const noBan = plants.filter((p) => !p.m.truckBan && (p.e.truckTrips ?? 0) >= 3 && p.m.action !== 'stop').slice(0, 2);
    interface Truck {
      plate: string;
      vin: string;
      stage: string;
      fuel: '柴油' | '天然气' | '电动';
      /** How the ledger writes its stage: mostly the one character, for some trucks the words (国五, 国Ⅳ). */
      written?: string;
    }
    const fleetOf = (n: number): Truck[] =>
      Array.from({ length: n }, (_, k) => {
        const r = rand();
        const [stage, fuel] =
          r < 0.38
            ? ['6', '柴油']
            : r < 0.72
              ? ['5', '柴油']
              : r < 0.86
                ? ['4', '柴油']
                : r < 0.9
                  ? ['3', '柴油']
                  : r < 0.94
                    ? ['5', '天然气']
                    : r < 0.97
                      ? ['6', '天然气']
                      : ['d', '电动'];
        // Every fleet has compliant trucks: the first two are 国六.
        const t: Truck = { plate: plate(), vin: vin(), stage: k < 2 ? '6' : stage!, fuel: (k < 2 ? '柴油' : fuel) as Truck['fuel'] };
        t.written = writtenStage(t);
        return t;
      });
    const rows: { at: number; cells: string[] }[] = [];
    const move = (p: Plant, t: Truck, minute: number, dir: '进厂' | '出厂', goods: string, tonnes: number, stageText = t.written ?? t.stage) =>
      rows.push({
        at: minute,
        cells: [p.e.creditCode, p.e.name, stamp(minute), dir, t.plate, t.vin, stageText, t.fuel, goods, tonnes === 0 ? '0' : tonnes.toFixed(2)],
      });
    // A truck is at one gate at a time: a trip starts only after its last one ended (a ledger never has the
    // same truck leaving twice in one minute).
    const busyUntil = new Map<string, number>();
    const trip = (p: Plant, t: Truck, minute: number, stay: number, stageText?: string) => {
      if ((busyUntil.get(t.plate) ?? -Infinity) >= minute) return;
      busyUntil.set(t.plate, minute + stay);
      const delivery = chance(0.55);
      const load = t.fuel === '电动' ? between(2, 6) : between(18, 36);
      move(p, t, minute, '进厂', delivery ? pick(p.kit.goodsIn) : '空车', delivery ? load : 0, stageText);
      move(p, t, minute + stay, '出厂', delivery ? '空车' : pick(p.kit.goodsOut), delivery ? 0 : load, stageText);
    };
    function writtenStage(t: Truck): string {
      // Older trucks' stages are written out more often, as vendor forms do (国Ⅳ, 国IV, 国三).
      if (t.stage === 'd' || !chance(t.stage === '3' || t.stage === '4' ? 0.4 : 0.12)) return t.stage;
      if (t.stage === '4' && chance(0.3)) return '国IV';
      return { '3': '国Ⅲ', '4': '国Ⅳ', '5': '国五', '6': '国六' }[t.stage]!;
    }
    for (const p of [...gatePlants, ...noBan]) {
      const perDay = Math.max(1, p.e.truckTrips ?? 2);
      const fleet = fleetOf(Math.min(40, Math.max(3, Math.ceil(perDay * 0.6))));
      const compliant = fleet.filter((t) => t.stage === '5' || t.stage === '6' || t.stage === 'd');
      for (let day = GATE_FIRST_DAY; day < DAYS; day++) {
        const dow = dayOfWeek(day);
        const weekScale = p.kit.shift === 'day' ? (dow === 0 ? 0.1 : dow === 6 ? 0.6 : 1) : dow === 0 ? 0.7 : 1;
        const n = Math.round(perDay * weekScale * between(0.8, 1.2));
        for (let k = 0; k < n; k++) {
          const mod = p.kit.shift === 'continuous' && chance(0.25) ? intBetween(0, 1439) : intBetween(7 * 60, 17 * 60 + 30);
          const minute = day * 1440 + mod;
          const stay = intBetween(20, 110);
          if (minute + stay >= DAYS * 1440) continue;
          const underAlert = minute + stay >= ALERT_START;
          // Under the alert: stop plants send no trucks, the others fewer; a banned plant uses its compliant trucks only.
          if (underAlert && p.m.action === 'stop') continue;
          if (underAlert && !chance(p.m.action === 'limit' ? 1 - (p.m.limitPct ?? 0) / 100 : 0.7)) continue;
          const t = underAlert && p.m.truckBan ? pick(compliant) : pick(fleet);
          trip(p, t, minute, stay);
        }
      }
    }
    // The planted gate cases: visiting trucks outside each fleet.
    const visitor = (stage: string, fuel: Truck['fuel']): Truck => ({ plate: plate(true), vin: vin(), stage, fuel });
    {
      const p = plantOf(role.truckLimit);
      const t = visitor('4', '柴油');
      trip(p, t, at(15, 10, 42), 38, '国Ⅳ');
      note('banned_truck', p, t.plate, '2019-12-09 10:42 进厂，11:20 出厂', '禁用国四及以下重型柴油车期间，国四柴油车（排放阶段写作「国Ⅳ」）进出厂');
    }
    {
      const p = plantOf(role.truckPart);
      const t = visitor('3', '柴油');
      trip(p, t, at(14, 19, 35), 40);
      note('banned_truck', p, t.plate, '2019-12-08 19:35 进厂，20:15 出厂', '国三柴油车在禁车期间进出厂（排放阶段 3）');
    }
    {
      const p = plantOf(role.stopNight2); // a stop plant under the truck ban
      const t = visitor('4', '柴油');
      trip(p, t, at(16, 6, 30), 45);
      note('banned_truck', p, t.plate, '2019-12-10 06:30 进厂，07:15 出厂', '停产且禁车的企业，清晨一辆国四柴油车进出厂（排放阶段 4）');
    }
    {
      const p = plantOf(role.truckLimit);
      const t = visitor('4', '天然气');
      trip(p, t, at(16, 9, 5), 50);
      note(
        'none',
        p,
        t.plate,
        '2019-12-10 09:05 进厂，09:55 出厂',
        '国四天然气车：默认规则只禁柴油车（truck.fuels: [diesel]），不应报；乡镇规则把 gas 加入 fuels 时应报',
      );
    }
    {
      const p = plantOf(role.truckLimit);
      const t = visitor('4', '柴油');
      trip(p, t, at(14, 13, 5), 40);
      note('none', p, t.plate, '2019-12-08 13:05 进厂，13:45 出厂', '国四柴油车在预警开始（14:00）之前出厂：不应报');
    }
    if (noBan[0]) {
      const p = noBan[0];
      const t = visitor('4', '柴油');
      trip(p, t, at(15, 14, 20), 35);
      note('none', p, t.plate, '2019-12-09 14:20 进厂，14:55 出厂', '国四柴油车进出不禁车的企业（橙色措施无禁车要求）：不应报');
    }
    rows.sort((a, b) => a.at - b.at || a.cells[0]!.localeCompare(b.cells[0]!) || a.cells[4]!.localeCompare(b.cells[4]!));
    return csv(
      ['统一社会信用代码', '企业名称', '进出厂时间', '进出方向', '车牌号码', '车辆识别代号', '排放阶段', '燃料类型', '运输货物名称', '运输量(吨)'],
      rows.map((r) => r.cells),
    );
  }

  function plate(visitor = false): string {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
    const alnum = '0123456789' + letters;
    const region = visitor && chance(0.5) ? pick(['苏A', '苏E', '皖B', '浙E']) : '苏D';
    let s = pick(letters.split(''));
    for (let k = 0; k < 4; k++) s += chance(0.7) ? String(intBetween(0, 9)) : pick(alnum.split(''));
    return `${region}·${s}`;
  }
  function vin(): string {
    const chars = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
    const wmi = pick(['LZZ', 'LFW', 'LGA', 'LFN', 'LRD']);
    let v = wmi;
    for (let k = 0; k < 5; k++) v += pick(chars.split(''));
    v += '0'; // check digit, filled below
    v += pick(['F', 'G', 'H', 'J', 'K']); // model year 2015–2019
    v += pick(chars.split(''));
    for (let k = 0; k < 6; k++) v += String(intBetween(0, 9));
    return withCheckDigit(v);
  }

  const readme = readmeText(plants, planted, { points: allPoints.length, readingRows: readingRows.length });
  return { files: { 'points.csv': pointsCsv, 'readings.csv': readingsCsv, 'gate.csv': gateCsv, 'README.md': readme }, planted };
}

// ---------------------------------------------------------------------------------------------
// Small writers.

const BOM = '\uFEFF';
/** UTF-8 with a BOM, LF, quoted only where a cell needs it (haze's readers use csv-parse with bom: true). */
function csv(header: string[], rows: string[][]): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
function dateOf(day: number): string {
  return new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}
/** HJ 1321's `yyyymmdd hhmmss`; the seconds are the minute's own (a fixed share of it), no PRNG. */
function stamp(minute: number): string {
  const day = Math.floor(minute / 1440);
  const mod = minute % 1440;
  return `${dateOf(day).replaceAll('-', '')} ${pad(Math.floor(mod / 60))}${pad(mod % 60)}${pad((minute * 37) % 60)}`;
}
/** ISO 3779 / GB 16735 check digit in position 9. */
function withCheckDigit(v: string): string {
  const value = (c: string) => {
    if (/\d/.test(c)) return Number(c);
    const map: Record<string, number> = {
      A: 1,
      B: 2,
      C: 3,
      D: 4,
      E: 5,
      F: 6,
      G: 7,
      H: 8,
      J: 1,
      K: 2,
      L: 3,
      M: 4,
      N: 5,
      P: 7,
      R: 9,
      S: 2,
      T: 3,
      U: 4,
      V: 5,
      W: 6,
      X: 7,
      Y: 8,
      Z: 9,
    };
    return map[c]!;
  };
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = [...v].reduce((a, c, i) => a + value(c) * weights[i]!, 0);
  const r = sum % 11;
  return v.slice(0, 8) + (r === 10 ? 'X' : String(r)) + v.slice(9);
}

function readmeText(plants: Plant[], planted: Planted[], n: { points: number; readingRows: number }): string {
  const kinds = (k: Kind) => plants.reduce((a, p) => a + p.points.filter((q) => q.kind === k).length, 0);
  const actions = (a: string) => plants.filter((p) => p.m.action === a).length;
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const table = planted.map(
    (x, i) =>
      `| ${i + 1} | ${x.clue === 'none' ? '不应有线索 none' : x.clue} | ${esc(x.name)}<br>${x.creditCode} | ${esc(x.subject)} | ${x.when} | ${esc(x.what)} |`,
  );
  return `# 示例乡镇的证据数据 · The sample town's evidence (issue 16)

由 \`bench/evidence/sampleEvidence.ts\` 生成（固定随机种子，重跑字节不变；本目录文件均为生成结果，**不要手改**，
改生成器后重跑，\`test/bench/sampleEvidence.test.ts\` 会检查两者一致）。Generated by \`bench/evidence/sampleEvidence.ts\`
(fixed seed; rerunning writes the same bytes). Do not edit these files by hand: change the generator and rerun

    npx tsc -p tsconfig.bench.json && node dist-bench/bench/evidence/sampleEvidence.js

全部数据虚构：企业取自示例清单（也是虚构的），点位、读数、车牌、车辆识别代号均为随机生成。All invented.

| 文件 File | 内容 Content |
|---|---|
| \`points.csv\` | ${plants.length} 家企业（停产 ${actions('stop')}、部分停产 ${actions('stop_part')}、限产 ${actions('limit')}）的 ${n.points} 个监测点位：生产 ${kinds('production')}、治污 ${kinds('treatment')}、总表 ${kinds('main')} |
| \`readings.csv\` | 宽表 96点示值：每点位每天一行（${n.readingRows} 行），${FIRST_DAY} 至 ${dateOf(DAYS - 1)}，列 00:15 … 24:00 为该时刻的正向有功电能累计示值（kWh，\`单位\` 列注明） |
| \`gate.csv\` | 门禁电子台账（HJ 1321 字段），${dateOf(GATE_FIRST_DAY)} 至 ${dateOf(DAYS - 1)}，橙色措施禁用国四及以下柴油货车的企业，另加两家不禁车的企业作对照 |

## 列 Columns

- \`points.csv\`：点位编号, 统一社会信用代码, 企业名称, 车间, 设备名称, 点位类型（生产 / 治污 / 总表）,
  对应治污点位（生产点位上填服务它的治污点位，多个用「；」分隔）, 额定功率(kW)（部分点位填写，其余留空，由读数学得基准）,
  启停阈值(kW)、持续时间(分钟)（少数点位填写，其余用规则默认值）。部分停产企业的应停工序各有一个点位，设备名或车间名含措施所列工序名。
- \`readings.csv\`：点位编号, 日期, 单位, 00:15, 00:30, …, 24:00。值是**示值**（累计电量），不是区间电量；
  24:00 即次日 00:00 的示值。空格表示该时刻没有读数。
- \`gate.csv\`：统一社会信用代码, 企业名称, 进出厂时间（\`yyyymmdd hhmmss\`）, 进出方向（进厂 / 出厂）, 车牌号码（苏D 为常州）,
  车辆识别代号（17 位，含校验位）, 排放阶段（多为 5 / 6 / d，少数写作 国五 / 国六 / 国Ⅳ）, 燃料类型（柴油 / 天然气 / 电动）,
  运输货物名称（空车写「空车」）, 运输量(吨)。

## 负荷 How the plants run

白班 08:00–12:00、13:00–17:00（周六六成、周日停）；两班 08:00–24:00（周日白天半负荷）；连续生产（窑炉、化工）全天。
治污设施随所服务的生产设施运行；预警期间，只服务已停生产线的治污设施保持开启（不低于四成）。预警自 2019-12-08 14:00 起（橙色，无结束时间）：
守规企业的生产点位在停产时降到约 0（额定的 0.4 %），限产 r % 时降到正常的 (1 − r − 5 %)，照常的生产线不变。
下表以外的企业全部守规：它们若出现线索，就是检查规则的误报。

## 埋设的违规与对照 Planted breakers (and cases that must give no clue)

| # | 应得线索 expected clue | 企业 enterprise | 点位 / 车牌 point / plate | 时间 when | 做了什么 what it does |
|---|---|---|---|---|---|
${table.join('\n')}
`;
}

// Run as a script: write the files (into data/xuebu/evidence, or the folder given).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : join(repoRoot(), 'data/xuebu/evidence');
  mkdirSync(out, { recursive: true });
  const { files } = sampleEvidence();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  process.stderr.write(`wrote ${Object.keys(files).join(', ')} into ${out}\n`);
}
