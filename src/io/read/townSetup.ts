/** groups.yaml → TownSetup: where the day starts, the working day, travel, and who covers which villages. */
import * as z from './schema.js';
import { toWgs84 } from '../../core/datum.js';
import type { TownSetup } from '../../core/model.js';
import { newProblem, type Problem } from '../../core/problem.js';
import { CODE, type Text } from '../../errors.js';
import { GROUPS_KIND } from './configFields.js';
import { templateLeftovers } from './templateLeftovers.js';
import { checkYamlConfig, noteConfigProblems, refusalOf, type ConfigCheck } from './yamlConfig.js';

const clock = z.string().check(z.regex(/^([01]?\d|2[0-3]):[0-5]\d$/));
const nonEmpty = z.string().check(z.minLength(1));
const datum = z._default(z.enum(['wgs84', 'gcj02', 'bd09']), 'wgs84');
/** An id or phone number written bare in YAML is a number: read as the text it was written as. */
const asText = <T extends z.ZodMiniType>(schema: T) => z.pipe(schema, z.transform(String));

export const groupsSchema = z.object({
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
    lunch: z._default(z.nullable(z.string().check(z.regex(/^\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}$/))), null),
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

export interface TownSetupCheck {
  setup: TownSetup | null;
  /** Every problem of the file: YAML, settings, their consistency (errors and warnings). */
  problems: Problem[];
  /** What init's template left in (HAZE_CONFIG_TEMPLATE_LEFTOVER): errors and warnings for validate. */
  leftovers: Problem[];
  /** What a command stops with. */
  refusal: ConfigCheck<unknown>['refusal'];
  /** The line of `groups:`, where a problem with the groups as a whole is shown. */
  groupsLine?: number | undefined;
}

/** groups.yaml, every problem at once (validate). */
export function checkTownSetup(file: string): TownSetupCheck {
  const check = checkYamlConfig(file, groupsSchema, GROUPS_KIND);
  const g = check.value;
  if (!g) return { setup: null, problems: check.problems, leftovers: [], refusal: check.refusal };
  const groupsLine = check.at(['groups']).line;
  const problems = [...check.problems, ...consistencyProblems(g, check)];
  const first = problems.find((p) => p.severity === 'error');
  return {
    // Set up from what could be read, for the checks of the list against it; a command never gets here with an error.
    setup: toTownSetup(g),
    problems,
    leftovers: templateLeftovers(g, check.at),
    refusal: check.refusal ?? (first ? refusalOf(first, GROUPS_KIND) : null),
    groupsLine,
  };
}

/** groups.yaml for a command: the first error stops it (78); warnings and template leftovers are noted. */
export function loadTownSetup(file: string): TownSetup {
  const c = checkTownSetup(file);
  if (c.refusal) throw c.refusal;
  noteConfigProblems(c.problems);
  // A command goes on with what the template left, and says so: validate calls the misleading ones errors.
  noteConfigProblems(c.leftovers.map((p) => ({ ...p, severity: 'warning' as const })));
  return c.setup!;
}

type Groups = z.infer<typeof groupsSchema>;

/** What the schema cannot see: times in order, each village in one group, each id once. */
function consistencyProblems(g: Groups, check: ConfigCheck<Groups>): Problem[] {
  const out: Problem[] = [];
  const bad = (path: (string | number)[], message: Text, hint: Text, value?: string) =>
    out.push(newProblem({ severity: 'error', code: CODE.HAZE_CONFIG_VALUE, where: check.at(path), message, hint, ...(value ? { value } : {}) }));
  const start = minutesOf(g.working_day.start);
  const end = minutesOf(g.working_day.end);
  if (end <= start)
    bad(
      ['working_day', 'end'],
      {
        zh: `working_day → end：下班时间 ${g.working_day.end} 应晚于上班时间 ${g.working_day.start}`,
        en: `working_day → end: ${g.working_day.end} must be after the start, ${g.working_day.start}`,
      },
      { zh: '例如 working_day: { start: "08:30", end: "17:30" }', en: 'for example working_day: { start: "08:30", end: "17:30" }' },
      g.working_day.end,
    );
  const lunch = g.working_day.lunch ? g.working_day.lunch.split('-').map(minutesOf) : null;
  if (end > start && lunch && !(lunch[0]! >= start && lunch[1]! > lunch[0]! && lunch[1]! <= end))
    bad(
      ['working_day', 'lunch'],
      {
        zh: `working_day → lunch：午休 ${g.working_day.lunch} 应在工作时间 ${g.working_day.start}–${g.working_day.end} 之内`,
        en: `working_day → lunch: ${g.working_day.lunch} must lie inside the working day ${g.working_day.start}–${g.working_day.end}`,
      },
      { zh: '例如 lunch: "12:00-13:00"；没有午休就删去这一项', en: 'for example lunch: "12:00-13:00"; remove it when there is no lunch break' },
      g.working_day.lunch!,
    );
  const seen = new Map<string, string>();
  g.groups.forEach((grp, i) => {
    grp.villages.forEach((v, j) => {
      const other = seen.get(v);
      if (other !== undefined && other !== grp.id)
        bad(
          ['groups', i, 'villages', j],
          { zh: `村社区"${v}"同时写在第 ${other} 组和第 ${grp.id} 组`, en: `village "${v}" is in both group ${other} and group ${grp.id}` },
          { zh: '每个村只属于一个组：从其中一组删去', en: 'each village belongs to one group: remove it from one of them' },
          v,
        );
      seen.set(v, grp.id);
    });
  });
  const ids = new Map<string, number>();
  g.groups.forEach((grp, i) => {
    if (ids.has(grp.id))
      bad(
        ['groups', i, 'id'],
        { zh: `巡查组 id "${grp.id}" 与第 ${ids.get(grp.id)! + 1} 组重复`, en: `group id "${grp.id}" is also the id of group ${ids.get(grp.id)! + 1}` },
        { zh: '每组用不同的 id，如 "1"、"2"、"3"', en: 'give each group its own id, such as "1", "2", "3"' },
        grp.id,
      );
    else ids.set(grp.id, i);
  });
  return out;
}

function toTownSetup(g: Groups): TownSetup {
  const start = minutesOf(g.working_day.start);
  const end = minutesOf(g.working_day.end);
  const lunch = g.working_day.lunch ? g.working_day.lunch.split('-').map(minutesOf) : null;
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
