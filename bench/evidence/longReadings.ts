/**
 * The evidence bench's input: N meter points on the sample town's plants and D days of their 15-minute readings
 * in the LONG layout vendor exports use (点位编号, 时间, 正向有功电能(kWh): one row per point and reading,
 * cumulative kWh, one point after another). Seeded: the same arguments write the same bytes. Written in chunks,
 * never held whole: 500 points × 60 days is 2.9 million rows, about 110 MB.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Action, Enterprise } from '../../src/core/model.js';
import { mulberry32 } from './prng.js';

/** The last day of the readings by default: the sample alert's third day (orange from 2019-12-08 14:00). */
const LAST_DAY = '2019-12-10';
const ALERT_START = '2019-12-08 14:00';
const STEP = 15;

/** Where the readings sit: bench:evidence takes the defaults; bench:district its own days and town prefixes. */
export interface ReadingsOptions {
  /** The start of every point id ("B" by default: B0001-P1 …); towns of one district give theirs apart. */
  prefix?: string;
  /** The readings' last day, 'YYYY-MM-DD'. */
  lastDay?: string;
  /** When the alert began, 'YYYY-MM-DD HH:mm' Beijing wall time: plants obey (or break) their orders from then. */
  alertStart?: string;
  /** Every n-th plant breaks its stop order at night (25 by default), so that the check has clues to give. */
  breakEvery?: number;
}

/** A wall time as wall minutes (UTC arithmetic on Beijing wall time). */
const wallMinutes = (t: string) => Date.parse(`${t.replace(' ', 'T')}:00Z`) / 60_000;

export interface BenchPlant {
  e: Enterprise;
  action: Action;
  limitPct: number | null;
}

interface BenchPoint {
  id: string;
  /** The plant's number among the points' plants, from 1. */
  plantNo: number;
  plant: BenchPlant;
  kind: '生产' | '治污' | '总表';
  device: string;
  kw: number;
  servedBy: string;
  shift: 'day' | 'continuous';
}

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(minute: number): string {
  const d = new Date(minute * 60_000);
  return `${d.toISOString().slice(0, 10)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Five points a plant (three production lines, a treatment point, the main meter), plants in the order given. */
function benchPoints(plants: readonly BenchPlant[], n: number, rand: () => number, prefix: string): BenchPoint[] {
  const out: BenchPoint[] = [];
  for (let i = 0; out.length < n; i++) {
    const plant = plants[i % plants.length]!;
    const pre = `${prefix}${String(i + 1).padStart(4, '0')}`;
    const shift = rand() < 0.5 ? 'day' : 'continuous';
    const t = `${pre}-T1`;
    for (let k = 1; k <= 3; k++)
      out.push({ id: `${pre}-P${k}`, plantNo: i + 1, plant, kind: '生产', device: `${k}#生产线`, kw: 30 + rand() * 200, servedBy: t, shift });
    out.push({ id: t, plantNo: i + 1, plant, kind: '治污', device: '废气处理装置', kw: 10 + rand() * 40, servedBy: '', shift });
    out.push({ id: `${pre}-M`, plantNo: i + 1, plant, kind: '总表', device: '总进线柜', kw: 300 + rand() * 400, servedBy: '', shift });
  }
  return out.slice(0, n);
}

/** The points file (UTF-8 with BOM) as a string: 500 rows are small. */
export function benchPointsCsv(plants: readonly BenchPlant[], n: number, seed: number, opts: ReadingsOptions = {}): string {
  const rand = mulberry32(seed);
  const rows = benchPoints(plants, n, rand, opts.prefix ?? 'B').map((p) =>
    [p.id, p.plant.e.creditCode, p.plant.e.name, '生产车间', p.device, p.kind, p.servedBy, '', '', ''].join(','),
  );
  return (
    '\uFEFF' + ['点位编号,统一社会信用代码,企业名称,车间,设备名称,点位类型,对应治污点位,额定功率(kW),启停阈值(kW),持续时间(分钟)', ...rows].join('\n') + '\n'
  );
}

/** Writes the readings file; returns the number of rows after the header. */
export function writeLongReadings(file: string, plants: readonly BenchPlant[], n: number, days: number, seed: number, opts: ReadingsOptions = {}): number {
  const rand = mulberry32(seed);
  const points = benchPoints(plants, n, rand, opts.prefix ?? 'B');
  const alertStart = wallMinutes(opts.alertStart ?? ALERT_START);
  const first = wallMinutes(`${opts.lastDay ?? LAST_DAY} 00:00`) - (days - 1) * 1440;
  const slots = (days * 1440) / STEP;
  const fd = openSync(file, 'w');
  let chunk = '\uFEFF点位编号,时间,正向有功电能(kWh)\n';
  let rows = 0;
  try {
    for (const p of points) {
      let counter = 1000 + rand() * 50_000;
      // Every 25th plant (or breakEvery-th) breaks a stop order at night, so that the check has clues to write as well.
      const breaks = p.kind === '生产' && p.plantNo % (opts.breakEvery ?? 25) === 0;
      for (let s = 0; s < slots; s++) {
        const minute = first + s * STEP;
        const mod = minute % 1440;
        const dow = new Date(minute * 60_000).getUTCDay();
        let level = p.shift === 'continuous' ? 0.93 : dow !== 0 && mod >= 8 * 60 && mod < 17 * 60 ? 0.9 : 0.03;
        if (minute >= alertStart && p.kind === '生产') {
          const night = mod >= 22 * 60 || mod < 5 * 60 + 30;
          if (p.plant.action === 'stop' || p.plant.action === 'stop_part') level = breaks && night ? 0.9 : 0.004;
          else if (p.plant.action === 'limit') level *= 1 - (p.plant.limitPct ?? 0) / 100 - 0.05;
        }
        counter += p.kw * level * (0.95 + rand() * 0.1) * (STEP / 60);
        chunk += `${p.id},${stamp(minute + STEP)},${counter.toFixed(2)}\n`;
        rows++;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return rows;
}
