/**
 * Planning as the commands use it: the days from the start date, each day's window (the first day of an
 * alert starts when the alert does), and — unless --days was given — as many days as coverage needs.
 */
import { INSPECTED_ACTIONS, type AlertLevel, type RequiredMeasure } from '../core/model.js';
import { villagesWithoutGroup } from '../core/routing/areas.js';
import { autoAreas, villageUnits } from '../core/routing/autoAreas.js';
import { largeEmitterThreshold, emissionTotal } from '../core/routing/priority.js';
import { travelModel } from '../core/routing/travel.js';
import type { InspectionHistory } from '../core/routing/priority.js';
import { planPatrols, type PlanDay, type PlanResult } from '../core/routing/planPatrols.js';
import { addDays, compareWallTime, type WallTime } from '../core/time.js';
import { EXIT, HazeError } from '../errors.js';
import { usage, type Context, type Town } from './context.js';

/** Never plan further ahead than this without being asked: an alert rarely lasts longer. */
export const MAX_AUTO_DAYS = 14;

export type Shift = 'day' | 'night';

/** Day i of the plan: the working day (or the evening round), starting no earlier than the alert. */
export function planDay(town: Town, start: string, i: number, since: WallTime | null, shift: Shift): PlanDay {
  const date = addDays(start, i);
  const hours = shift === 'night' ? town.setup.night! : town.setup.workingDay;
  const lunch = shift === 'night' ? null : town.setup.workingDay.lunch;
  let from = hours.start;
  // Nothing to check before the measures apply: the alert's first day starts at the alert's time.
  if (since && compareWallTime({ date, minutes: Math.min(hours.end, 24 * 60 - 1) }, since) <= 0) from = hours.end;
  else if (since && since.date === date) from = Math.max(hours.start, since.minutes);
  return { date, window: { start: from, end: hours.end, lunch } };
}

export interface PlanInput {
  town: Town;
  level: AlertLevel;
  since: WallTime | null;
  measures: Map<string, RequiredMeasure>;
  start: string;
  /** Days asked for with --days; undefined → the alert's expected length, at least the coverage days, more when coverage needs them. */
  days: number | undefined;
  /** The alert's expected end (预计持续至), when recorded: the plan runs to it by default. */
  until?: WallTime | null;
  seed: number;
  shift?: Shift;
  history?: ReadonlyMap<string, InspectionHistory>;
}

export function makePlan(input: PlanInput): PlanResult {
  const shift = input.shift ?? 'day';
  if (shift === 'night' && !input.town.setup.night) {
    throw usage(
      { zh: 'groups.yaml 没有设置夜查时间 night', en: 'groups.yaml sets no evening hours (night)' },
      { zh: '在 groups.yaml 中加入 night: { start: "19:00", end: "23:00" }', en: 'add night: { start: "19:00", end: "23:00" } to groups.yaml' },
    );
  }
  refuseUnmatchedVillages(input.town);
  const day = (i: number) => planDay(input.town, input.start, i, input.since, shift);
  // By default: as far as the alert is expected to last, and at least the coverage days.
  const toUntil = input.until && input.until.date >= input.start
    ? Math.round((Date.parse(input.until.date) - Date.parse(input.start)) / 86_400_000) + (input.until.minutes > input.town.setup.workingDay.start ? 1 : 0)
    : 0;
  const count = input.days ?? Math.min(MAX_AUTO_DAYS, Math.max(input.town.setup.coverageDays, toUntil));
  return planPatrols({
    level: input.level,
    enterprises: input.town.list.enterprises,
    measures: input.measures,
    setup: input.town.setup,
    days: Array.from({ length: count }, (_, i) => day(i)),
    ...(input.days === undefined ? { extend: { maxDays: MAX_AUTO_DAYS, day } } : {}),
    seed: input.seed,
    ...(input.history ? { history: input.history } : {}),
    ...(shift === 'night' ? { actions: ['stop'] as const } : {}),
  });
}

/**
 * groups.yaml and the list share no village at all (the template's 甲村 and 乙村 left in, or another
 * town's file): splitting by the nearest group would hand every enterprise to one group. Say so instead.
 */
function refuseUnmatchedVillages(town: Town): void {
  const enterprises = town.list.enterprises;
  const missing = villagesWithoutGroup(enterprises, town.setup.groups);
  if (enterprises.length === 0 || missing.reduce((n, v) => n + v.enterprises, 0) < enterprises.length) return;
  const some = (xs: readonly string[], sep: string) => xs.slice(0, 6).join(sep) + (xs.length > 6 ? '…' : '');
  const listed = missing.map((v) => v.village);
  const named = town.setup.groups.flatMap((g) => g.villages);
  throw new HazeError({
    code: 'HAZE_GROUPS_NO_VILLAGE', exitCode: EXIT.config, where: { file: town.ws.groupsFile },
    message: {
      zh: `groups.yaml 各组的村（${some(named, '、') || '无'}）与清单的村社区（${some(listed, '、')}，共 ${listed.length} 个）没有一个相同，无法按组划分片区`,
      en: `no village in groups.yaml (${some(named, ', ') || 'none'}) is a village of the list (${some(listed, ', ')}: ${listed.length} in all), so the areas cannot be split by group`,
    },
    hint: {
      zh: '在 groups.yaml 每组的 villages 中写清单"村社区"列里的村名；或加 --auto-areas，由 haze 自动划分片区',
      en: 'list the villages of the list\'s 村社区 column under each group in groups.yaml, or add --auto-areas to let haze split the areas',
    },
  });
}

/**
 * --auto-areas: the town with its villages split among the groups by haze (compact, balanced by hours of
 * work), in place of groups.yaml's villages. The split is said on stderr, so an officer can copy it back.
 */
export function withAutoAreas(ctx: Context, town: Town, measures: ReadonlyMap<string, RequiredMeasure>): Town {
  const setup = town.setup;
  const required = new Set([...measures.values()].filter((m) => INSPECTED_ACTIONS.includes(m.action)).map((m) => m.creditCode));
  const largeAt = largeEmitterThreshold(town.list.enterprises);
  const service = (e: Parameters<typeof emissionTotal>[0]) => (setup.serviceMinutesLarge && emissionTotal(e) >= largeAt && emissionTotal(e) > 0 ? setup.serviceMinutesLarge : setup.serviceMinutes);
  const units = villageUnits(town.list.enterprises, required, service, travelModel(setup));
  const areas = autoAreas(setup.base, units, setup.groups);
  for (const g of areas.groups) {
    ctx.say({
      zh: `自动片区 ${g.name}：约 ${((areas.minutes.get(g.id) ?? 0) / 60).toFixed(1)} 小时工作量；${g.villages.join('、')}`,
      en: `auto area ${g.name}: about ${((areas.minutes.get(g.id) ?? 0) / 60).toFixed(1)} h of work; ${g.villages.join(', ')}`,
    });
  }
  return { ...town, setup: { ...setup, groups: areas.groups } };
}

/**
 * The plan haze would have printed on the alert's first day (or on `from`), carried through `date`: what a
 * checklist or an import falls back on when no plan for that day was printed.
 */
export function planThrough(input: Omit<PlanInput, 'start' | 'days'> & { date: string; from?: string }): PlanResult {
  const from = input.from ?? (input.since && input.since.date <= input.date ? input.since.date : input.date);
  const days = Math.round((Date.parse(input.date) - Date.parse(from)) / 86_400_000) + 1;
  return makePlan({ ...input, start: from, days });
}
