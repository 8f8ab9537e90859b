/** What the records say about each enterprise, for the next plan: visits this alert, the last result, open findings. */
import type { InspectionHistory } from '../../core/routing/priority.js';
import type { Store } from './db.js';

/**
 * History as of the start of `before` (records on that day and later are not yet known to a plan for it),
 * counting visits since `since` (the alert's first day).
 */
export function readHistory(db: Store, since: string, before: string): Map<string, InspectionHistory> {
  const out = new Map<string, InspectionHistory>();
  const get = (code: string) => {
    let h = out.get(code);
    if (!h) out.set(code, (h = { violationOnLastVisit: false, openProvincialFinding: false, visitsThisAlert: 0, lastVisit: null }));
    return h;
  };
  const visits = db
    .prepare(
      `SELECT i.credit_code AS code, i.date AS date,
              EXISTS (SELECT 1 FROM results r WHERE r.inspection_id = i.id AND r.superseded_by IS NULL AND r.result = 'violation') AS violation
         FROM inspections i WHERE i.date >= ? AND i.date < ? ORDER BY i.date, COALESCE(i.checked_at, i.date), i.id`,
    )
    .all(since, before) as { code: string; date: string; violation: number }[];
  for (const v of visits) {
    const h = get(v.code);
    h.visitsThisAlert += 1;
    h.lastVisit = v.date;
    h.violationOnLastVisit = v.violation === 1; // the last visit decides: a clean re-check clears it
  }
  const findings = db.prepare("SELECT DISTINCT credit_code AS code FROM findings WHERE status = 'open' AND date < ?").all(before) as { code: string }[];
  for (const f of findings) get(f.code).openProvincialFinding = true;
  return out;
}

/** Which (date, enterprise) pairs have an inspection recorded, among `dates`: "date\u0000code". */
export function inspectedOn(db: Store, dates: readonly string[]): Set<string> {
  const out = new Set<string>();
  const q = db.prepare('SELECT date, credit_code AS code FROM inspections WHERE date = ?');
  for (const d of dates) for (const r of q.all(d) as { date: string; code: string }[]) out.add(`${r.date}\u0000${r.code}`);
  return out;
}

/** The dates from `from` to `to` (inclusive) on which any inspection is recorded. */
export function inspectionDates(db: Store, from: string, to: string): Set<string> {
  const rows = db.prepare('SELECT DISTINCT date FROM inspections WHERE date >= ? AND date <= ?').all(from, to) as { date: string }[];
  return new Set(rows.map((r) => r.date));
}
