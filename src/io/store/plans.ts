/**
 * Plans as they were printed. A checklist printed later, or a result imported later, is tied to the plan
 * that was actually handed out — not to one recomputed after the records changed the priorities.
 */
import type { AlertLevel, Visit } from '../../core/model.js';
import { formatWallTime, wallAt } from '../../core/time.js';
import type { Store } from './db.js';

export interface PlanMeta {
  startDate: string;
  days: number;
  level: AlertLevel;
  shift: 'day' | 'night';
  seed: number;
  /** sha256 of the inputs (list, groups, rules): a plan from other inputs is another plan. */
  inputs: string;
}

export interface StoredVisit {
  date: string;
  groupId: string;
  seq: number;
  creditCode: string;
  arrive: string;
  depart: string;
  action: string;
  reason: string;
}

/** Save a plan (once: the same plan printed twice is one plan). Returns its id. */
export function savePlan(db: Store, meta: PlanMeta, visits: readonly Visit[], createdAt: string): number {
  return db.transaction(() => {
    const found = db
      .prepare('SELECT id FROM plans WHERE start_date = ? AND days = ? AND level = ? AND shift = ? AND seed = ? AND inputs = ?')
      .get(meta.startDate, meta.days, meta.level, meta.shift, meta.seed, meta.inputs) as { id: number } | undefined;
    if (found) return found.id;
    const id = Number(
      db.prepare('INSERT INTO plans (created_at, start_date, days, level, shift, seed, inputs) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(createdAt, meta.startDate, meta.days, meta.level, meta.shift, meta.seed, meta.inputs).lastInsertRowid,
    );
    const insert = db.prepare('INSERT INTO planned_visits (plan_id, date, group_id, seq, credit_code, arrive, depart, action, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const v of visits) {
      insert.run(id, v.date, v.groupId, v.seq, v.creditCode, formatWallTime(wallAt(v.date, v.arrive)), formatWallTime(wallAt(v.date, v.depart)), v.action, v.reason.join(';'));
    }
    return id;
  }).immediate();
}

/** Was this enterprise in any plan printed for that group and day? */
export function wasPlanned(db: Store, date: string, groupId: string, creditCode: string): boolean {
  return db.prepare('SELECT 1 FROM planned_visits WHERE date = ? AND group_id = ? AND credit_code = ? LIMIT 1').get(date, groupId, creditCode) !== undefined;
}

/** Whether any plan covering that day was saved at all (without one, "unplanned" cannot be judged). */
export function anyPlanFor(db: Store, date: string): boolean {
  return db.prepare('SELECT 1 FROM planned_visits WHERE date = ? LIMIT 1').get(date) !== undefined;
}

/**
 * The visits of the latest saved plan that covers `date` for this shift, level and inputs — what was
 * printed and handed out — as the plan's own Visit records; null when none was saved.
 */
export function savedVisitsOn(db: Store, date: string, shift: 'day' | 'night', inputs: string, level: AlertLevel): Visit[] | null {
  const plan = db
    .prepare(
      `SELECT p.id FROM plans p WHERE p.shift = ? AND p.inputs = ? AND p.level = ?
         AND EXISTS (SELECT 1 FROM planned_visits v WHERE v.plan_id = p.id AND v.date = ?)
       ORDER BY p.id DESC LIMIT 1`,
    )
    .get(shift, inputs, level, date) as { id: number } | undefined;
  if (!plan) return null;
  const rows = db.prepare('SELECT * FROM planned_visits WHERE plan_id = ? AND date = ? ORDER BY group_id, seq').all(plan.id, date) as {
    date: string; group_id: string; seq: number; credit_code: string; arrive: string; depart: string; action: string; reason: string;
  }[];
  const minutes = (t: string) => {
    const [d, hm] = t.split(' ');
    const [h, m] = hm!.split(':').map(Number);
    return h! * 60 + m! + (d === date ? 0 : 24 * 60); // an evening round may end after midnight
  };
  return rows.map((r) => ({
    date: r.date, groupId: r.group_id, seq: r.seq, creditCode: r.credit_code, arrive: minutes(r.arrive), depart: minutes(r.depart),
    legKm: 0, action: r.action as Visit['action'], reason: r.reason ? r.reason.split(';') : [],
  }));
}
