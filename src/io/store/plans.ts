/**
 * Plans as they were printed, and the plan of record of each day. A plan is stored whole (routes, stops, legs
 * and return times exactly as computed) with what it was made from; a day's plan of record points at the
 * plan it was fixed from. Replanning a day keeps the earlier record in history (replaced_by), never deletes it.
 */
import type { AlertLevel, DayRoute, Visit } from '../../core/model.js';
import { ACTION_WORD, actionOfWord } from '../../core/vocabulary.js';
import type { PlanBasis } from '../../core/planBasis.js';
import type { Shift } from '../../core/routing/planCalendar.js';
import { daysBetween, formatWallTime, wallAt } from '../../core/time.js';
import type { Store } from './db.js';

export interface PlanMeta {
  startDate: string;
  days: number;
  level: AlertLevel;
  shift: Shift;
  seed: number;
  /** sha256 of everything the plan was computed from: the same inputs give the same plan, stored once. */
  inputs: string;
  basis: PlanBasis;
}

/** What fixed a day: printing a plan or a checklist, plan --save, plan --replan, or record --interactive. */
export type FixedBy = 'plan' | 'checklist' | 'save' | 'replan' | 'record';

/** A day's plan of record, as stored. */
export interface DayOfRecord {
  id: number;
  date: string;
  shift: Shift;
  planId: number;
  /** UTC ISO 8601. */
  fixedAt: string;
  fixedBy: FixedBy;
  level: AlertLevel;
  seed: number;
  basis: PlanBasis;
  routes: DayRoute[];
}

/** Save a plan (once: the same plan from the same inputs is one plan). Returns its id. */
export function savePlan(db: Store, meta: PlanMeta, routes: readonly DayRoute[], createdAt: string): number {
  return db
    .transaction(() => {
      const found = db
        .prepare('SELECT id FROM plans WHERE start_date = ? AND days = ? AND level = ? AND shift = ? AND seed = ? AND inputs = ?')
        .get(meta.startDate, meta.days, meta.level, meta.shift, meta.seed, meta.inputs) as { id: number } | undefined;
      if (found) return found.id;
      const id = Number(
        db
          .prepare('INSERT INTO plans (created_at, start_date, days, level, shift, seed, inputs, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(createdAt, meta.startDate, meta.days, meta.level, meta.shift, meta.seed, meta.inputs, JSON.stringify(meta.basis)).lastInsertRowid,
      );
      const route = db.prepare('INSERT INTO planned_routes (plan_id, date, group_id, total_km, return_at) VALUES (?, ?, ?, ?, ?)');
      const visit = db.prepare(
        'INSERT INTO planned_visits (plan_id, date, group_id, seq, credit_code, arrive, depart, action, reason, leg_km) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const r of routes) {
        route.run(id, r.date, r.groupId, r.totalKm, formatWallTime(wallAt(r.date, r.returnAt)));
        for (const v of r.visits) {
          visit.run(
            id,
            v.date,
            v.groupId,
            v.seq,
            v.creditCode,
            formatWallTime(wallAt(v.date, v.arrive)),
            formatWallTime(wallAt(v.date, v.depart)),
            ACTION_WORD[v.action],
            v.reason.join(';'),
            v.legKm,
          );
        }
      }
      return id;
    })
    .immediate();
}

/**
 * Make `planId` the plan of record of each date (for the shift). A date that already has one keeps it unless
 * `replace`, which marks the old record replaced (history) and points the date at the new plan. Returns the
 * dates whose record changed.
 */
export function fixDays(db: Store, planId: number, dates: readonly string[], shift: Shift, by: FixedBy, at: string, replace: boolean): string[] {
  return db
    .transaction(() => {
      const current = db.prepare('SELECT id, plan_id FROM plan_of_record WHERE date = ? AND shift = ? AND replaced_at IS NULL');
      const insert = db.prepare('INSERT INTO plan_of_record (date, shift, plan_id, fixed_at, fixed_by) VALUES (?, ?, ?, ?, ?)');
      // Retired first (one current record a day), then pointed at its successor.
      const retire = db.prepare('UPDATE plan_of_record SET replaced_at = ? WHERE id = ?');
      const succeed = db.prepare('UPDATE plan_of_record SET replaced_by = ? WHERE id = ?');
      const changed: string[] = [];
      for (const date of dates) {
        const old = current.get(date, shift) as { id: number; plan_id: number } | undefined;
        if (old && !replace) continue;
        if (old) retire.run(at, old.id);
        const id = Number(insert.run(date, shift, planId, at, by).lastInsertRowid);
        if (old) succeed.run(id, old.id);
        changed.push(date);
      }
      return changed;
    })
    .immediate();
}

/** The plans of record of the dates from `from` to `to` for a shift, by date. */
export function daysOfRecord(db: Store, shift: Shift, from: string, to: string): Map<string, DayOfRecord> {
  const rows = db
    .prepare(
      `SELECT r.id, r.date, r.shift, r.plan_id, r.fixed_at, r.fixed_by, p.level, p.seed, p.basis
         FROM plan_of_record r JOIN plans p ON p.id = r.plan_id
        WHERE r.shift = ? AND r.date >= ? AND r.date <= ? AND r.replaced_at IS NULL ORDER BY r.date`,
    )
    .all(shift, from, to) as {
    id: number;
    date: string;
    shift: Shift;
    plan_id: number;
    fixed_at: string;
    fixed_by: FixedBy;
    level: AlertLevel;
    seed: number;
    basis: string;
  }[];
  const out = new Map<string, DayOfRecord>();
  for (const r of rows) {
    out.set(r.date, {
      id: r.id,
      date: r.date,
      shift: r.shift,
      planId: r.plan_id,
      fixedAt: r.fixed_at,
      fixedBy: r.fixed_by,
      level: r.level,
      seed: r.seed,
      basis: JSON.parse(r.basis) as PlanBasis,
      routes: storedRoutes(db, r.plan_id, r.date),
    });
  }
  return out;
}

/** The plans of record over a range, both shifts, for a report: which plan each day's results are held against. */
export function recordsInRange(db: Store, from: string, to: string): DayOfRecord[] {
  return (['day', 'night'] as const)
    .flatMap((shift) => [...daysOfRecord(db, shift, from, to).values()])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.shift < b.shift ? -1 : 1));
}

function storedRoutes(db: Store, planId: number, date: string): DayRoute[] {
  const routes = db.prepare('SELECT group_id, total_km, return_at FROM planned_routes WHERE plan_id = ? AND date = ? ORDER BY rowid').all(planId, date) as {
    group_id: string;
    total_km: number;
    return_at: string;
  }[];
  const visits = db.prepare('SELECT * FROM planned_visits WHERE plan_id = ? AND date = ? ORDER BY group_id, seq').all(planId, date) as {
    group_id: string;
    seq: number;
    credit_code: string;
    arrive: string;
    depart: string;
    action: string;
    reason: string;
    leg_km: number;
  }[];
  return routes.map((r) => ({
    date,
    groupId: r.group_id,
    totalKm: r.total_km,
    returnAt: minutesOf(date, r.return_at),
    visits: visits
      .filter((v) => v.group_id === r.group_id)
      .map((v): Visit => ({
        date,
        groupId: v.group_id,
        seq: v.seq,
        creditCode: v.credit_code,
        arrive: minutesOf(date, v.arrive),
        depart: minutesOf(date, v.depart),
        legKm: v.leg_km,
        // A store written before no_measure holds `none`: both read as the one action.
        action: actionOfWord(v.action) ?? (v.action as Visit['action']),
        reason: v.reason ? v.reason.split(';') : [],
      })),
  }));
}

/** 'YYYY-MM-DD HH:mm' back to minutes after `date`'s midnight (an evening round may end after midnight). */
function minutesOf(date: string, t: string): number {
  const [d, hm] = t.split(' ');
  const [h, m] = hm!.split(':').map(Number);
  return daysBetween(date, d!) * 24 * 60 + h! * 60 + m!;
}
