/**
 * The patrol plan over the days of an alert: each group, only in its own area, visits every enterprise that
 * must stop or limit production at least once, as early as the days allow (each day of the first round takes
 * as many as fit, the most important first; `coverage_days` is the deadline the first round is measured
 * against, not a ration), then keeps going round its area, the least recently checked first.
 * Nothing is dropped silently: whatever does not fit is returned as `unplanned`.
 */
import {
  INSPECTED_ACTIONS,
  type Action,
  type AlertLevel,
  type DayRoute,
  type Enterprise,
  type Plan,
  type RequiredMeasure,
  type TownSetup,
  type Visit,
} from '../model.js';
import { assignAreas } from './areas.js';
import type { DayWindow } from './daySchedule.js';
import { buildDayRoute, type DayCandidate } from './dayRoute.js';
import { largeEmitterThreshold, priorityOf, suggestsBreach, type InspectionHistory, type Priority, type Reason } from './priority.js';
import { serviceMinutes } from './serviceTime.js';
import { travelModel } from './travel.js';
import { daysBetween } from '../time.js';

export interface PlanDay {
  date: string;
  window: DayWindow;
}

export interface PlanRequest {
  level: AlertLevel;
  enterprises: readonly Enterprise[];
  measures: ReadonlyMap<string, RequiredMeasure>;
  setup: TownSetup;
  /** The days to plan at least. */
  days: readonly PlanDay[];
  /**
   * Plan further days, up to `maxDays` in all, while some required enterprise has not been visited:
   * "the fewest days that do". `day(i)` gives day i (0-based).
   */
  extend?: { maxDays: number; day: (index: number) => PlanDay };
  seed: number;
  history?: ReadonlyMap<string, InspectionHistory>;
  /** Which actions need a visit: by day every stop, stop_part and limit; the night round only stops. */
  actions?: readonly Action[];
  /** The evening round: evidence sends it only the plants whose clues reach into the night. */
  night?: boolean;
  /**
   * The first day (0-based) on which the history is known — the records before the plan and the evidence's
   * clues: days before it (a lead-in of days nobody printed) cannot re-check what they say, and are ranked
   * without the evidence. 0 when absent.
   */
  cluesFrom?: number;
}

export interface GroupCoverage {
  groupId: string;
  /** Enterprises in the group's area that must be checked on site. */
  required: number;
  /** How many of them the plan visits at least once. */
  covered: number;
  /** The 1-based day on which the last of them is first visited; null when some never are. */
  coveredByDay: number | null;
  /** Minutes of work (on site + travel) the first round needs, and minutes the coverage days offer. */
  minutesNeeded: number;
  minutesAvailable: number;
  /** Minutes all the planned days offer (the days given, or as many as the plan took). */
  minutesPlanned: number;
}

export interface PlanResult extends Plan {
  coverage: GroupCoverage[];
}

interface Target {
  e: Enterprise;
  m: RequiredMeasure;
  priority: Priority;
  visits: number;
  lastDay: number;
  /** Visits in this plan (as opposed to recorded before it). */
  planned: number;
  /** A violation on the last visit or an open provincial finding: re-checked on the plan's first day. */
  urgent: boolean;
  /** The ranking without the evidence (before its clues are known) and with it. */
  basePriority: Priority;
  cluePriority: Priority;
  /** A clue that suggests a breach: re-checked on the first day the clue is known. */
  clueUrgent: boolean;
  /** In the plan only for what the records or the evidence say (under no order): not visited before that is known. */
  onlyByClue: boolean;
  /** Visits planned on days the clue was known. */
  plannedSinceClues: number;
}

export function windowMinutes(w: DayWindow): number {
  const lunch = w.lunch && w.lunch.start >= w.start && w.lunch.end <= w.end ? w.lunch.end - w.lunch.start : 0;
  return Math.max(0, w.end - w.start - lunch);
}

interface GroupState {
  groupId: string;
  seedBase: number;
  targets: Target[];
  byId: Map<string, Target>;
  steadyLoad: number;
  coveredByDay: number | null;
  routes: DayRoute[];
}

export function planPatrols(req: PlanRequest): PlanResult {
  const { setup } = req;
  const travel = travelModel(setup);
  const areas = assignAreas(req.enterprises, setup.groups);
  const largeAt = largeEmitterThreshold(req.enterprises);
  const actions = req.actions ?? INSPECTED_ACTIONS;
  const night = req.night === true;
  const cluesFrom = req.cluesFrom ?? 0;
  const dayAt = (i: number): PlanDay => (i < req.days.length ? req.days[i]! : req.extend!.day(i));
  // The minutes each coverage day offers, whether or not the plan reaches that far: what the first round is
  // measured against (the summary's "needs … h, the coverage days offer … h").
  const fullDay = windowMinutes({ start: setup.workingDay.start, end: setup.workingDay.end, lunch: setup.workingDay.lunch });
  const coverageMinutes = Array.from({ length: setup.coverageDays }, (_, i) => (i < req.days.length || req.extend ? windowMinutes(dayAt(i).window) : fullDay));
  const serviceOf = (t: Target) => serviceMinutes(setup, t.e, largeAt);

  const groups: GroupState[] = setup.groups.map((group) => {
    const targets: Target[] = req.enterprises
      .filter((e) => areas.groupOf.get(e.creditCode) === group.id)
      .map((e) => ({ e, m: req.measures.get(e.creditCode)! }))
      .filter(
        ({ e, m }) =>
          m !== undefined && (actions.includes(m.action) || isUrgent(req.history?.get(e.creditCode)) || clueUrgent(req.history?.get(e.creditCode), night)),
      )
      .map(({ e, m }): Target => {
        const h = req.history?.get(e.creditCode);
        const without = h && h.clues ? { ...h, clues: undefined } : h;
        // Visits already recorded in this alert count: the plan carries on from where the groups are.
        const lastDay = h?.lastVisit ? -daysBetween(h.lastVisit, dayAt(0).date) : -1;
        const basePriority = priorityOf(e, m, largeAt, without);
        const byClue = clueUrgent(h, night);
        return {
          e,
          m,
          priority: cluesFrom === 0 ? priorityOf(e, m, largeAt, h) : basePriority,
          basePriority,
          cluePriority: priorityOf(e, m, largeAt, h),
          visits: h?.visitsThisAlert ?? 0,
          lastDay,
          planned: 0,
          urgent: isUrgent(h),
          clueUrgent: byClue,
          onlyByClue: !actions.includes(m.action),
          plannedSinceClues: 0,
        };
      })
      .sort(byImportance);
    return {
      groupId: group.id,
      seedBase: req.seed + Number(group.id.replace(/\D/g, '') || 0) * 104729,
      targets,
      byId: new Map(targets.map((t) => [t.e.creditCode, t])),
      // Even daily load once everyone has been seen: the first round's size spread over the coverage days.
      steadyLoad: Math.max(1, Math.ceil(targets.length / Math.max(1, setup.coverageDays))),
      coveredByDay: targets.length === 0 ? 0 : null,
      routes: [],
    };
  });

  const planDay = (g: GroupState, d: number): void => {
    const day = dayAt(d);
    // The evidence counts from the day its clues are known; a lead-in before it is planned without them.
    const known = d >= cluesFrom;
    for (const t of g.targets) t.priority = known ? t.cluePriority : t.basePriority;
    const open = g.targets.filter((t) => known || !t.onlyByClue);
    const unvisited = open.filter((t) => t.visits === 0);
    // Repeat offenders, provincial findings and clues are re-checked first, on top of the day's share of the round.
    // What the records and the evidence say is known from `cluesFrom` on: a lead-in day before it cannot re-check it.
    const urgent = open.filter((t) => known && t.visits > 0 && (t.urgent || t.clueUrgent) && t.plannedSinceClues === 0);
    let candidates: Target[];
    let maxVisits: number;
    if (unvisited.length + urgent.length > 0) {
      // A day of the first round takes every enterprise not yet seen that fits in it: a day with time to spare
      // never leaves a required enterprise for later (an officer checks a must-stop plant today if today has
      // the time), and day k stays the same however many days are asked for.
      candidates = [...urgent, ...unvisited].sort(byImportance);
      maxVisits = urgent.length + unvisited.length;
    } else {
      candidates = [...open].sort((a, b) => a.visits - b.visits || a.lastDay - b.lastDay || byImportance(a, b));
      maxVisits = g.steadyLoad;
    }
    const built = buildDayRoute({
      base: setup.base,
      window: day.window,
      travel,
      candidates: candidates.map((t): DayCandidate => ({
        id: t.e.creditCode,
        location: t.e.location,
        serviceMinutes: serviceOf(t),
        priority: t.priority.score,
      })),
      maxVisits,
      seed: g.seedBase + d * 7919,
    });
    const visits: Visit[] = built.stops.map((stop, i) => {
      const t = g.byId.get(stop.id)!;
      const s = built.schedule.stops[i]!;
      // Once re-checked in this plan, the old violation or finding is no longer the reason for a visit.
      const carried =
        t.plannedSinceClues > 0
          ? t.priority.reasons.filter((x) => x !== 'violation_last_visit' && x !== 'provincial_finding' && x !== 'evidence_clue')
          : t.priority.reasons;
      const reason: Reason[] = [...carried, t.visits === 0 ? 'not_yet_checked' : 'recheck'];
      t.visits += 1;
      t.planned += 1;
      if (known) t.plannedSinceClues += 1;
      t.lastDay = d;
      return {
        date: day.date,
        groupId: g.groupId,
        seq: i + 1,
        creditCode: stop.id,
        arrive: s.arrive,
        depart: s.depart,
        legKm: s.legKm,
        action: t.m.action,
        reason,
      };
    });
    if (g.coveredByDay === null && g.targets.every((t) => t.visits > 0 && (!(t.urgent || t.clueUrgent) || t.plannedSinceClues > 0))) g.coveredByDay = d + 1;
    g.routes.push({
      date: day.date,
      groupId: g.groupId,
      visits,
      totalKm: built.schedule.totalKm,
      returnAt: visits.length > 0 ? built.schedule.returnAt : day.window.start,
    });
  };

  // Each group goes as far as the days asked for, and further (when allowed) until its first round is done;
  // then every group is brought to the same number of days, so that the plan has one calendar.
  let dayCount = req.days.length;
  for (const g of groups) {
    let d = 0;
    while (d < req.days.length || (req.extend && g.coveredByDay === null && d < req.extend.maxDays)) planDay(g, d++);
    dayCount = Math.max(dayCount, d);
  }
  for (const g of groups) for (let d = g.routes.length; d < dayCount; d++) planDay(g, d);

  const unplanned: Plan['unplanned'] = [];
  const coverage: GroupCoverage[] = [];
  for (const g of groups) {
    for (const t of g.targets)
      if (t.visits === 0 || ((t.urgent || t.clueUrgent) && t.plannedSinceClues === 0)) unplanned.push({ creditCode: t.e.creditCode, groupId: g.groupId });
    coverage.push({
      groupId: g.groupId,
      required: g.targets.length,
      covered: g.targets.filter((t) => t.visits > 0).length,
      coveredByDay: g.coveredByDay,
      minutesNeeded: firstRoundMinutes(g.targets, setup, travel, serviceOf),
      minutesAvailable: coverageMinutes.reduce((sum, m) => sum + m, 0),
      minutesPlanned: Array.from({ length: dayCount }, (_, d) => windowMinutes(dayAt(d).window)).reduce((a, b) => a + b, 0),
    });
  }
  // One calendar: the routes ordered by day, then group, as people read a plan.
  const routes = groups.flatMap((g) => g.routes).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { level: req.level, seed: req.seed, routes, unplanned, reassigned: areas.reassigned, coverage };
}

/** Most important first; the credit code breaks ties so the plan never depends on input order. */
function byImportance(a: Target, b: Target): number {
  return b.priority.score - a.priority.score || (a.e.creditCode < b.e.creditCode ? -1 : a.e.creditCode > b.e.creditCode ? 1 : 0);
}

/**
 * A fair estimate of the first round's work: on-site minutes plus, per visit, the travel to its nearest
 * neighbour in the area (a lower bound on any route's travel), plus one trip out and back.
 */
function firstRoundMinutes(targets: readonly Target[], setup: TownSetup, travel: ReturnType<typeof travelModel>, serviceOf: (t: Target) => number): number {
  if (targets.length === 0) return 0;
  let minutes = targets.reduce((sum, t) => sum + serviceOf(t), 0);
  for (const t of targets) {
    let nearest = Infinity;
    for (const o of targets) if (o !== t) nearest = Math.min(nearest, travel.minutes(t.e.location, o.e.location));
    minutes += Number.isFinite(nearest) ? nearest : 0;
  }
  const far = Math.max(...targets.map((t) => travel.minutes(setup.base, t.e.location)));
  return minutes + 2 * far;
}

/**
 * Re-checked on the plan's first day, whatever the measure: a violation on the last visit or an open provincial
 * finding. Evidence that suggests a breach does the same from the day it is known (clueUrgent): a plant under no
 * order whose treatment was off is visited too.
 */
function isUrgent(h: InspectionHistory | undefined): boolean {
  return h !== undefined && (h.violationOnLastVisit || h.openProvincialFinding);
}

/** Evidence that suggests a breach (on the evening round, one that reaches into the night). */
function clueUrgent(h: InspectionHistory | undefined, night: boolean): boolean {
  return h !== undefined && suggestsBreach(h.clues?.kinds ?? []) && (!night || h.clues!.atNight);
}
