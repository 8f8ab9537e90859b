/** groups.yaml → TownSetup: where the day starts, the working day, travel, and who covers which villages. */
import * as z from './schema.js';
import { toWgs84 } from '../../core/datum.js';
import type { TownSetup } from '../../core/model.js';
import { CODE, HazeError } from '../../errors.js';
import { readingInput } from './missingInput.js';
import { loadYamlConfig } from './yamlConfig.js';

const clock = z.string().check(z.regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time like "08:30"'));
const nonEmpty = z.string().check(z.minLength(1));
const datum = z._default(z.enum(['wgs84', 'gcj02', 'bd09']), 'wgs84');
/** An id or phone number written bare in YAML is a number: read as the text it was written as. */
const asText = <T extends z.ZodMiniType>(schema: T) => z.pipe(schema, z.transform(String));

const groupsSchema = z.object({
  town: nonEmpty,
  county: z._default(z.string(), ''),
  city: z._default(z.string(), ''),
  coord_system: datum,
  base: z.object({
    name: nonEmpty,
    lon: z.number().check(z.minimum(73), z.maximum(136)),
    lat: z.number().check(z.minimum(3), z.maximum(54)),
  }),
  working_day: z.object({
    start: clock,
    end: clock,
    lunch: z._default(z.nullable(z.string().check(z.regex(/^\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}$/, 'expected a span like "12:00-13:00"'))), null),
  }),
  travel: z.object({
    speed_kmh: z.number().check(z.positive(), z.maximum(120)),
    detour_factor: z._default(z.number().check(z.minimum(1), z.maximum(3)), 1.3),
  }),
  service_minutes: z.int().check(z.positive(), z.maximum(240)),
  service_minutes_large: z.optional(z.int().check(z.positive(), z.maximum(480))),
  night: z.optional(z.object({ start: clock, end: clock })),
  coverage_days: z._default(z.int().check(z.positive(), z.maximum(30)), 2),
  groups: z
    .array(
      z.object({
        id: asText(z.union([nonEmpty, z.int()])),
        name: nonEmpty,
        leader: z._default(z.string(), ''),
        phone: z._default(asText(z.union([z.string(), z.number()])), ''),
        members: z._default(z.array(z.string()), []),
        villages: z.array(nonEmpty).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
});

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.trim().split(':').map(Number);
  return h! * 60 + m!;
}

export function loadTownSetup(file: string): TownSetup {
  const g = readingInput('groups', file, () => loadYamlConfig(file, groupsSchema, { zh: '巡查组配置', en: 'the groups file' }));
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
