/**
 * The visits planned for a day, as the record commands ask: the day's plan of record, or — when the day was
 * never printed — the plan haze plan --date would give for it. An import only looks (it fixes nothing); the
 * interactive entry shows the list on screen, which fixes it like any printed paper.
 */
import type { Visit } from '../core/model.js';
import type { Shift } from '../core/routing/planCalendar.js';
import { CODE, HazeError } from '../errors.js';
import type { AlertTimeline } from './alertInForce.js';
import { daysOfRecord } from '../io/store/plans.js';
import { patrolPlan, type PatrolPlan } from './patrolPlan.js';
import { plannedOfRecord } from './plannedOfRecord.js';
import { readStore } from './storeDoor.js';
import { measuresAt, type Town } from './town.js';
import { collectingVoice, type Voice } from './voice.js';

export function dayPlanFor(
  town: Town,
  timeline: AlertTimeline,
  date: string,
  shift: Shift,
  use: { fix: boolean; now: number },
  voice: Voice,
): PatrolPlan | null {
  const end = { date, minutes: 24 * 60 - 1 };
  const level = timeline.levelAt(end);
  if (!level) return null;
  try {
    return patrolPlan(
      {
        town,
        level,
        since: timeline.startedAt(end),
        until: timeline.untilAt(end),
        measures: measuresAt(town, level),
        start: date,
        days: undefined,
        shift,
        seed: 1,
      },
      { fix: use.fix ? 'first' : 'none', by: 'record', replan: false, now: use.now },
      voice,
    );
  } catch (err) {
    // A groups.yaml that names none of the list's villages plans nothing (plan and checklist refuse it):
    // that must not stop results from being recorded.
    if (err instanceof HazeError && err.code === CODE.HAZE_GROUPS_NO_VILLAGE) return null;
    throw err;
  }
}

/** Was a check planned? In the day's plan (the day's round or the evening's), for that group. */
export function plannedLookup(town: Town, timeline: AlertTimeline, now: number): (date: string, group: string, code: string) => boolean {
  const visit = plannedVisitLookup(town, timeline, now);
  return (date, group, code) => visit(date, group, code) !== undefined;
}

/** The planned visit (its seq, its arrival) of that group to that enterprise on the day, or undefined. */
export function plannedVisitLookup(town: Town, timeline: AlertTimeline, now: number): (date: string, group: string, code: string) => Visit | undefined {
  const byDate = new Map<string, ReadonlyMap<string, Visit>>();
  const quiet = collectingVoice();
  return (date, group, code) => {
    let visits = byDate.get(date);
    if (!visits) {
      // A day of record: its stored routes, not the whole plan again (workflow/plannedOfRecord.ts).
      visits = plannedOfRecord(town, timeline, date)?.visits;
      if (visits) byDate.set(date, visits);
    }
    if (!visits) {
      // The evening round counts only when one was printed: haze does not plan one unasked.
      const night = readStore(town.ws, (db) => daysOfRecord(db, 'night', date, date).get(date)?.routes ?? [], []);
      const day = dayPlanFor(town, timeline, date, 'day', { fix: false, now }, quiet)?.routes.filter((r) => r.date === date) ?? [];
      const found = new Map<string, Visit>();
      for (const v of [...day, ...night].flatMap((r) => r.visits))
        if (!found.has(`${v.groupId}\u0000${v.creditCode}`)) found.set(`${v.groupId}\u0000${v.creditCode}`, v);
      byDate.set(date, (visits = found));
    }
    return visits.get(`${group}\u0000${code}`);
  };
}
