/**
 * The patrol plan every command agrees on. A day's plan becomes its plan of record the first time it is
 * printed (the first day of any plan written out, any checklist of that day, plan --save, record
 * --interactive); from then on every command about that day uses the stored plan, whatever it would compute
 * now, and says when what the plan was made from has changed since. Days after the first of a longer plan are
 * provisional until their own day is printed: they are planned again each time, taking the fixed days as done.
 * `replan` makes new plans of record for the days it covers, keeping the old ones in history.
 */
import { type AlertLevel, type DayRoute, type RequiredMeasure } from '../core/model.js';
import { basisChanges, routeChanges, type PlanBasis } from '../core/planBasis.js';
import { villagesWithoutGroupOutcome } from '../core/routing/areas.js';
import { clockEffect, defaultDayCount, MAX_AUTO_DAYS, planDayOn, type Shift } from '../core/routing/planCalendar.js';
import { planPatrols, type PlanDay, type PlanResult } from '../core/routing/planPatrols.js';
import type { InspectionHistory } from '../core/routing/priority.js';
import { addDays, formatDayClock, formatWallTime, fromInstant, type WallTime } from '../core/time.js';
import { CODE, HazeError, type Text } from '../errors.js';
import type { Store } from '../io/store/db.js';
import { inspectedOn, inspectionDates, readHistory } from '../io/store/history.js';
import { daysOfRecord, fixDays, savePlan, type DayOfRecord, type FixedBy } from '../io/store/plans.js';
import { planBasis, planInputsHash } from './planInputs.js';
import { dayClues, withClues } from './dayClues.js';
import { NEW_CLUES_HEAD, newClueMoves } from './newClueMoves.js';
import { keepsPlans, readStore, writeStore } from './storeDoor.js';
import type { Town } from './town.js';
import type { Voice } from './voice.js';

export interface PlanAsk {
  /** The town, with --auto-areas already applied when asked. */
  town: Town;
  level: AlertLevel;
  /** When the alert began: the first day's routes start then, and visits count from its date. */
  since: WallTime | null;
  /** The alert's expected end: by default the plan runs to it. */
  until: WallTime | null;
  measures: ReadonlyMap<string, RequiredMeasure>;
  start: string;
  /** --days; undefined → the alert's expected length, at least the coverage days, more while coverage needs them. */
  days: number | undefined;
  shift: Shift;
  seed: number;
  /**
   * The clock on Beijing's wall, for a plan being printed: today's routes start no earlier than this. Absent
   * for a look at what was planned (record, report), which the hour of asking must not change.
   */
  now?: WallTime | null;
  /**
   * When the start is today (by the clock) and today's hours are over, plan from the next day instead and say
   * so (plan); otherwise today is planned empty and the warning names the next day (checklist of today).
   */
  nextDayWhenOver?: boolean;
}

export interface PlanUse {
  /** Which days this makes the plan of record: the first (printing), all (plan --save), none (a look only). */
  fix: 'first' | 'all' | 'none';
  by: FixedBy;
  replan: boolean;
  /** Now, as an instant (ms since the epoch): when a day is fixed. */
  now: number;
}

export interface PatrolPlan extends PlanResult {
  start: string;
  /** The days of the plan that were plans of record already, as stored. */
  fixed: ReadonlyMap<string, DayOfRecord>;
  /** Days that are not (yet) plans of record: marked 暂定 / provisional wherever people read them. */
  provisional: ReadonlySet<string>;
  /**
   * Days whose routes start from the clock rather than the working day or the alert (printed after their hours
   * began): the minute they start, to be said "从 15:10 起排（当前时间）". A day of record keeps what it was fixed
   * with (the clock when it was fixed), so the plan, the checklists and the saved plan say the same.
   */
  startsFromNow: ReadonlyMap<string, number>;
  /** Store what this asking fixes (after the paper is out); says what a replan changed. */
  commit(): void;
}

export function patrolPlan(asked: PlanAsk, use: PlanUse, voice: Voice): PatrolPlan {
  const { town, shift } = asked;
  refuseUnplannable(town, shift);
  const keep = keepsPlans(town.ws);
  const clock = asked.now ?? null;
  const ask = { ...asked, start: clock ? startByClock(asked, clock, keep, voice, use.replan) : asked.start };
  const alertStart = ask.since && ask.since.date <= ask.start ? ask.since.date : ask.start;
  const count = ask.days ?? defaultDayCount(town.setup, ask.start, ask.until);
  const horizon = addDays(ask.start, Math.max(count, MAX_AUTO_DAYS) + MAX_AUTO_DAYS);
  const onRecord = keep
    ? readStore(town.ws, (db) => daysOfRecord(db, shift, alertStart, horizon), new Map<string, DayOfRecord>())
    : new Map<string, DayOfRecord>();
  // Fixed days before the start are what the groups already hold on paper: done, as far as this plan goes.
  const earlier = [...onRecord.values()].filter((r) => r.date < ask.start);
  const stored = new Map([...onRecord].filter(([d]) => d >= ask.start));
  const taken = use.replan ? new Map<string, DayOfRecord>() : stored;

  // Days of the alert before the start that were neither printed nor inspected are planned as haze would
  // have printed them (a lead-in, not shown): the plan for a day is the same whichever day it is asked from.
  const inspectedDays = keep ? readStore(town.ws, (db) => inspectionDates(db, alertStart, addDays(ask.start, -1)), new Set<string>()) : new Set<string>();
  const leadIn: string[] = [];
  for (let d = maxDate(alertStart, addDays(ask.start, -MAX_AUTO_DAYS)); d < ask.start; d = addDays(d, 1)) {
    if (!onRecord.has(d) && !inspectedDays.has(d)) leadIn.push(d);
  }
  // The free days: the lead-in, then the calendar from the start, skipping the days already fixed.
  const freeDates: string[] = [...leadIn];
  let next = ask.start;
  const freeDay = (i: number): PlanDay => {
    for (; freeDates.length <= i; next = addDays(next, 1)) if (!taken.has(next)) freeDates.push(next);
    // The clock shapes today whether it is shown or a lead-in: a day nobody printed by now had nothing done
    // before now, and a plan asked at one moment is the same whichever day it starts on.
    return planDayOn(town.setup, freeDates[i]!, ask.since, shift, clock);
  };
  const baseDates = Array.from({ length: count }, (_, i) => addDays(ask.start, i));
  const freeInBase = baseDates.filter((d) => !taken.has(d)).length;

  const computed =
    freeInBase === 0 ? null : planFreeDays(ask, [...earlier, ...taken.values()], freeDay, leadIn.length + freeInBase, alertStart, keep, leadIn.length);
  const plannedDates = new Set(computed?.result.routes.map((r) => r.date) ?? []);
  const last = [...baseDates, ...plannedDates].sort().at(-1)!;
  const fixedInPlan = new Map([...taken].filter(([d]) => d >= ask.start && d <= last));

  // What this asking fixes, and the days a replan replaces.
  const toFix = new Set<string>();
  if (use.fix === 'first' && plannedDates.has(ask.start)) toFix.add(ask.start);
  if (use.fix === 'all') for (const d of plannedDates) toFix.add(d);
  if (use.replan) for (const d of stored.keys()) if (plannedDates.has(d)) toFix.add(d);
  const fixing = keep && computed !== null && toFix.size > 0 && use.fix !== 'none';
  // Fixed only once the paper is out (commit): a plan that failed to print is no plan of record.
  const commit = (): void => {
    if (!fixing || !computed) return;
    const at = new Date(use.now).toISOString();
    const records = writeStore(town.ws, (db) => {
      const planId = savePlan(db, computed.meta, computed.result.routes, at);
      fixDays(db, planId, [...toFix].sort(), shift, use.by, at, use.replan);
      return daysOfRecord(db, shift, ask.start, last);
    });
    if (use.replan) sayReplanned(town, stored, records, toFix, voice);
  };
  if (!use.replan) sayChangedSince(town, ask, fixedInPlan, alertStart, voice);

  const routes = [...[...fixedInPlan.values()].flatMap((r) => r.routes), ...(computed?.result.routes ?? [])].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const dates = [...new Set(routes.map((r) => r.date))];
  // Without a store nothing is of record; the first day is still the one the paper in hand shows.
  const provisional = new Set(dates.filter((d) => !fixedInPlan.has(d) && !(fixing && toFix.has(d)) && !(d === ask.start && (!keep || use.fix !== 'none'))));
  // The clock each day was planned with: when it was fixed for a day of record, now for the others.
  const startsFromNow = new Map<string, number>();
  for (const d of dates) {
    const r = fixedInPlan.get(d);
    const effect = clockEffect(town.setup, d, ask.since, shift, r ? fromInstant(Date.parse(r.fixedAt)) : clock);
    if (effect?.kind === 'from') startsFromNow.set(d, effect.minutes);
  }
  return {
    level: ask.level,
    seed: ask.seed,
    routes,
    startsFromNow,
    unplanned: computed?.result.unplanned ?? [],
    reassigned: computed?.result.reassigned ?? [],
    coverage: computed?.result.coverage ?? [],
    start: ask.start,
    fixed: fixedInPlan,
    provisional,
    commit,
  };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * The first day, as the clock leaves it: today with its hours over (and not already a day of record) is
 * said, and for plan moved on to the next day — an officer printing at 18:00 wants tomorrow's routes.
 */
function startByClock(ask: PlanAsk, clock: WallTime, keep: boolean, voice: Voice, replan: boolean): string {
  const effect = clockEffect(ask.town.setup, ask.start, ask.since, ask.shift, clock);
  if (effect?.kind !== 'over') return ask.start;
  const fixed = keep && readStore(ask.town.ws, (db) => daysOfRecord(db, ask.shift, ask.start, ask.start).size > 0, false);
  const next = addDays(ask.start, 1);
  const end = formatDayClock(effect.end);
  const at = formatDayClock(clock.minutes);
  // A day of record whose hours are over is what the groups were sent out with: a replan now would leave it
  // empty and lose it. It stands as printed, and the replan starts the next day.
  if (fixed && replan) {
    voice.say({
      zh: `${ask.start} 的巡查时间已过（${end} 结束，现在 ${at}）：当天的执行计划保持原样，从 ${next} 起重新安排`,
      en: `the hours of ${ask.start} are over (they end at ${end}; it is ${at}): its plan of record stands as printed; replanning from ${next}`,
    });
    return next;
  }
  if (fixed) return ask.start;
  if (ask.nextDayWhenOver) {
    voice.say({
      zh: `${ask.start} 的巡查时间已过（${end} 结束，现在 ${at}）：从 ${next} 起排`,
      en: `the hours of ${ask.start} are over (they end at ${end}; it is ${at}): planning from ${next}`,
    });
    return next;
  }
  voice.warn({
    zh: `${ask.start} 的巡查时间已过（${end} 结束，现在 ${at}），当天没有可排的路线；下一天：--date ${next}`,
    en: `the hours of ${ask.start} are over (they end at ${end}; it is ${at}), so the day has no routes; the next day: --date ${next}`,
  });
  return ask.start;
}

/** A plan the town cannot have: an evening round without night hours, or groups that name none of the list's villages. */
function refuseUnplannable(town: Town, shift: Shift): void {
  if (shift === 'night' && !town.setup.night) {
    throw new HazeError(CODE.HAZE_USAGE, {
      message: { zh: 'groups.yaml 没有设置夜查时间 night', en: 'groups.yaml sets no evening hours (night)' },
      hint: { zh: '在 groups.yaml 中加入 night: { start: "19:00", end: "23:00" }', en: 'add night: { start: "19:00", end: "23:00" } to groups.yaml' },
    });
  }
  const homeless = villagesWithoutGroupOutcome(town.list.enterprises, town.setup.groups);
  if (homeless.outcome !== 'refused') return;
  const none = { named: homeless.named, listed: homeless.villages.map((v) => v.village) };
  const some = (xs: readonly string[], sep: string) => xs.slice(0, 6).join(sep) + (xs.length > 6 ? '…' : '');
  throw new HazeError(CODE.HAZE_GROUPS_NO_VILLAGE, {
    where: { file: town.ws.groupsFile },
    message: {
      zh: `groups.yaml 各组的村（${some(none.named, '、') || '无'}）与清单的村社区（${some(none.listed, '、')}，共 ${none.listed.length} 个）没有一个相同，无法按组划分片区`,
      en: `no village in groups.yaml (${some(none.named, ', ') || 'none'}) is a village of the list (${some(none.listed, ', ')}: ${none.listed.length} in all), so the areas cannot be split by group`,
    },
  });
}

interface Computed {
  result: PlanResult;
  meta: Parameters<typeof savePlan>[1];
}

/** Plan the days not fixed, the records before them and the fixed days' visits taken as done. */
function planFreeDays(
  ask: PlanAsk,
  fixedDays: readonly DayOfRecord[],
  freeDay: (i: number) => PlanDay,
  freeCount: number,
  alertStart: string,
  keep: boolean,
  leadInDays: number,
): Computed {
  const recorded = keep
    ? readStore(ask.town.ws, (db) => readHistory(db, alertStart, ask.start), new Map<string, InspectionHistory>())
    : new Map<string, InspectionHistory>();
  const inspected =
    keep && fixedDays.length > 0
      ? readStore(
          ask.town.ws,
          (db: Store) =>
            inspectedOn(
              db,
              fixedDays.map((d) => d.date),
            ),
          new Set<string>(),
        )
      : new Set<string>();
  const clues = dayClues(ask.town, ask.town.evidence, ask.start, ask.shift, ask.now ?? null);
  const history = withClues(withFixedVisits(recorded, fixedDays, inspected), clues);
  const days = Array.from({ length: freeCount }, (_, i) => freeDay(i));
  const planned = planPatrols({
    level: ask.level,
    enterprises: ask.town.list.enterprises,
    measures: ask.measures,
    setup: ask.town.setup,
    days,
    ...(ask.days === undefined ? { extend: { maxDays: MAX_AUTO_DAYS, day: freeDay } } : {}),
    seed: ask.seed,
    history,
    ...(ask.shift === 'night' ? { actions: ['stop'] as const, night: true } : {}),
    // The clues are known from the start: the lead-in is what haze would have printed before them.
    cluesFrom: leadInDays,
  });
  // The lead-in is not the plan's: only the days from the start are shown and kept.
  const result = { ...planned, routes: planned.routes.filter((r) => r.date >= ask.start) };
  const basis = planBasis(ask.town, ask, recorded, clues.ids);
  const dates = [...new Set(result.routes.map((r) => r.date))];
  const meta = {
    startDate: dates[0] ?? ask.start,
    days: dates.length,
    level: ask.level,
    shift: ask.shift,
    seed: ask.seed,
    basis,
    inputs: planInputsHash(
      basis,
      history,
      [ask.start, ...Array.from({ length: freeCount }, (_, i) => freeDay(i))],
      fixedDays.map((d) => d.planId),
    ),
  };
  return { result, meta };
}

/**
 * The fixed days' visits not yet recorded count as done: the free days carry on from them, as they carry on
 * from recorded inspections (a re-check planned on a fixed day is the re-check).
 */
function withFixedVisits(
  recorded: ReadonlyMap<string, InspectionHistory>,
  fixedDays: readonly DayOfRecord[],
  inspected: ReadonlySet<string>,
): Map<string, InspectionHistory> {
  const out = new Map([...recorded].map(([c, h]) => [c, { ...h }]));
  for (const day of fixedDays) {
    for (const v of day.routes.flatMap((r) => r.visits)) {
      if (inspected.has(`${day.date}\u0000${v.creditCode}`)) continue;
      const h = out.get(v.creditCode) ?? { violationOnLastVisit: false, openProvincialFinding: false, visitsThisAlert: 0, lastVisit: null };
      out.set(v.creditCode, {
        violationOnLastVisit: false,
        openProvincialFinding: false,
        visitsThisAlert: h.visitsThisAlert + 1,
        lastVisit: h.lastVisit && h.lastVisit > day.date ? h.lastVisit : day.date,
      });
    }
  }
  return out;
}

function fixedWhen(r: DayOfRecord): string {
  return formatWallTime(fromInstant(Date.parse(r.fixedAt)));
}

/** For each fixed day used, one line when what its plan was made from has changed since it was fixed. */
function sayChangedSince(town: Town, ask: PlanAsk, fixed: ReadonlyMap<string, DayOfRecord>, alertStart: string, voice: Voice): void {
  for (const [date, r] of fixed) {
    const history = readStore(town.ws, (db) => readHistory(db, alertStart, date), new Map<string, InspectionHistory>());
    const clues = dayClues(town, town.evidence, date, ask.shift, ask.now ?? null);
    const now: PlanBasis = planBasis(town, ask, history, clues.ids);
    const changes = basisChanges(r.basis, now);
    if (changes.length === 0) continue;
    voice.warn({
      zh: `${date} 按 ${fixedWhen(r)} 定下的执行计划（第 ${r.planId} 号）；此后${changes.map((c) => c.zh).join('，')}；要重新安排：haze plan --date ${date} --replan`,
      en: `${date} follows the plan of record fixed at ${fixedWhen(r)} (plan ${r.planId}); since then ${changes.map((c) => c.en).join(', ')}; to plan it again: haze plan --date ${date} --replan`,
    });
    const moved = newClueMoves(town, r, clues);
    if (moved.length > 0) voice.warn(moved.reduce((a, m) => ({ zh: `${a.zh}\n  ${m.zh}`, en: `${a.en}\n  ${m.en}` }), NEW_CLUES_HEAD));
  }
}

/** What a replan changed, day by day and group by group. */
function sayReplanned(
  town: Town,
  before: ReadonlyMap<string, DayOfRecord>,
  after: ReadonlyMap<string, DayOfRecord>,
  replaced: ReadonlySet<string>,
  voice: Voice,
): void {
  const names = new Map(town.setup.groups.map((g) => [g.id, g.name]));
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e.name]));
  for (const date of [...replaced].sort()) {
    const old = before.get(date);
    const now = after.get(date);
    if (!now) continue;
    if (!old) {
      voice.say({ zh: `${date}：定为执行计划（第 ${now.planId} 号）`, en: `${date}: now the plan of record (plan ${now.planId})` });
      continue;
    }
    const changes: Text[] = routeChanges(old.routes, now.routes, names, (c) => byCode.get(c) ?? c);
    voice.say(
      changes.length === 0
        ? {
            zh: `${date}：重新安排，路线没有变化（执行计划第 ${old.planId} 号 → 第 ${now.planId} 号）`,
            en: `${date}: replanned; the routes are unchanged (plan ${old.planId} → ${now.planId})`,
          }
        : {
            zh: `${date}：重新安排（执行计划第 ${old.planId} 号 → 第 ${now.planId} 号）：${changes.map((c) => c.zh).join('；')}`,
            en: `${date}: replanned (plan ${old.planId} → ${now.planId}): ${changes.map((c) => c.en).join('; ')}`,
          },
    );
  }
}

/** Only the day's routes of a plan: what a checklist, an import or an inspector's phone needs. */
export function routesOn(plan: PatrolPlan, date: string): DayRoute[] {
  return plan.routes.filter((r) => r.date === date);
}
