/** groups.yaml → TownSetup: where the day starts, the working day, travel, and who covers which villages. */
import { z } from 'zod';
import { toWgs84 } from '../../core/datum.js';
import type { TownSetup } from '../../core/model.js';
import { CODE, HazeError } from '../../errors.js';
import { loadYamlConfig } from './yamlConfig.js';

const clock = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time like "08:30"');

const groupsSchema = z.object({
  town: z.string().min(1),
  county: z.string().default(''),
  city: z.string().default(''),
  coord_system: z.enum(['wgs84', 'gcj02', 'bd09']).default('wgs84'),
  base: z.object({ name: z.string().min(1), lon: z.number().min(73).max(136), lat: z.number().min(3).max(54) }),
  working_day: z.object({
    start: clock,
    end: clock,
    lunch: z
      .string()
      .regex(/^\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}$/, 'expected a span like "12:00-13:00"')
      .nullable()
      .default(null),
  }),
  travel: z.object({ speed_kmh: z.number().positive().max(120), detour_factor: z.number().min(1).max(3).default(1.3) }),
  service_minutes: z.number().int().positive().max(240),
  service_minutes_large: z.number().int().positive().max(480).optional(),
  night: z.object({ start: clock, end: clock }).optional(),
  coverage_days: z.number().int().positive().max(30).default(2),
  groups: z
    .array(
      z.object({
        id: z.union([z.string().min(1), z.number().int()]).transform(String),
        name: z.string().min(1),
        leader: z.string().default(''),
        phone: z.union([z.string(), z.number()]).transform(String).default(''),
        members: z.array(z.string()).default([]),
        villages: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.trim().split(':').map(Number);
  return h! * 60 + m!;
}

export function loadTownSetup(file: string): TownSetup {
  const g = loadYamlConfig(file, groupsSchema, { zh: '巡查组配置', en: 'the groups file' });
  const start = minutesOf(g.working_day.start);
  const end = minutesOf(g.working_day.end);
  const lunch = g.working_day.lunch ? g.working_day.lunch.split('-').map(minutesOf) : null;
  const bad = (zh: string, en: string) => new HazeError(CODE.HAZE_CONFIG_INVALID, { where: { file }, message: { zh, en } });
  if (end <= start) throw bad('working_day：结束时间应晚于开始时间', 'working_day: end must be after start');
  if (lunch && !(lunch[0]! >= start && lunch[1]! > lunch[0]! && lunch[1]! <= end)) {
    throw bad('working_day.lunch 应在工作时间之内', 'working_day.lunch must lie inside the working day');
  }
  const seen = new Map<string, string>();
  for (const grp of g.groups) {
    for (const v of grp.villages) {
      const other = seen.get(v);
      if (other && other !== grp.id)
        throw bad(`村社区"${v}"同时属于第 ${other} 组和第 ${grp.id} 组`, `village "${v}" belongs to both group ${other} and group ${grp.id}`);
      seen.set(v, grp.id);
    }
  }
  if (new Set(g.groups.map((x) => x.id)).size !== g.groups.length) throw bad('巡查组 id 重复', 'group ids must be unique');
  return {
    town: g.town,
    county: g.county,
    city: g.city,
    coordSystem: g.coord_system,
    // The plan runs on WGS-84: a base copied from an Amap or Baidu map is converted here.
    base: { name: g.base.name, ...toWgs84({ lon: g.base.lon, lat: g.base.lat }, g.coord_system) },
    workingDay: { start, end, lunch: lunch ? { start: lunch[0]!, end: lunch[1]! } : null },
    speedKmh: g.travel.speed_kmh,
    detourFactor: g.travel.detour_factor,
    serviceMinutes: g.service_minutes,
    serviceMinutesLarge: g.service_minutes_large ?? null,
    // An evening round may run past midnight ("19:00"–"01:00"): its end is then on the next day's clock.
    night: g.night
      ? { start: minutesOf(g.night.start), end: minutesOf(g.night.end) + (minutesOf(g.night.end) <= minutesOf(g.night.start) ? 24 * 60 : 0) }
      : null,
    coverageDays: g.coverage_days,
    groups: g.groups.map((x) => ({ id: x.id, name: x.name, leader: x.leader, phone: x.phone, members: x.members, villages: x.villages })),
  };
}
