/**
 * A fast path for "was this visit planned?" on a day of record (issue 18: haze serve under load). A day whose
 * plan is of record (printed, fixed) keeps its routes as stored — patrolPlan gives them back unchanged, with no
 * replan — so the visits planned that day are the stored routes' visits, instead of the whole plan (the day and
 * the days after it, their fingerprints and stored routes) recomputed for each entry a phone sends. The set is
 * kept per store and date while the day's rows of record stay the same (id, plan, when fixed: a replan or
 * an evening printed adds a row), so a busy day reads one small row per entry, not its routes. A day not of record (or no
 * alert that day) gives null: the caller plans it as before.
 */
import type { Visit } from '../core/model.js';
import { daysOfRecord } from '../io/store/plans.js';
import type { AlertTimeline } from './alertInForce.js';
import { keepsPlans, readStore } from './storeDoor.js';
import type { Town } from './town.js';

const KEPT = 64;
export interface VisitsOfRecord {
  /** The day's planned visits (the day's round, then an evening's printed) by `${group}\u0000${code}`. */
  visits: ReadonlyMap<string, Visit>;
  /** When the day's round was fixed (UTC ISO): its checklist's clues are those known then. */
  fixedAt: string;
}

const kept = new Map<string, { stamp: string; found: VisitsOfRecord }>();

/** The day's planned visits of record, or null (not of record, no alert then: the caller plans it as before). */
export function plannedOfRecord(town: Town, timeline: AlertTimeline, date: string): VisitsOfRecord | null {
  if (!keepsPlans(town.ws) || !timeline.levelAt({ date, minutes: 24 * 60 - 1 })) return null;
  const key = `${town.ws.dbFile}\u0000${date}`;
  return readStore(
    town.ws,
    (db) => {
      const rows = db
        .prepare(
          "SELECT id, shift, plan_id, fixed_at FROM plan_of_record WHERE date = ? AND replaced_at IS NULL AND shift IN ('day', 'night') ORDER BY shift, id",
        )
        .all(date) as { id: number; shift: string; plan_id: number; fixed_at: string }[];
      if (!rows.some((r) => r.shift === 'day')) return null;
      const stamp = rows.map((r) => `${r.shift}:${r.id}:${r.plan_id}:${r.fixed_at}`).join(',');
      const hit = kept.get(key);
      if (hit && hit.stamp === stamp) return hit.found;
      const record = daysOfRecord(db, 'day', date, date).get(date);
      const day = record?.routes ?? [];
      const night = daysOfRecord(db, 'night', date, date).get(date)?.routes ?? [];
      const visits = new Map<string, Visit>();
      for (const v of [...day.filter((r) => r.date === date), ...night].flatMap((r) => r.visits)) {
        const k = `${v.groupId}\u0000${v.creditCode}`;
        if (!visits.has(k)) visits.set(k, v);
      }
      const found = { visits, fixedAt: record?.fixedAt ?? rows.find((r) => r.shift === 'day')!.fixed_at };
      kept.delete(key);
      kept.set(key, { stamp, found });
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      return found;
    },
    null,
  );
}
