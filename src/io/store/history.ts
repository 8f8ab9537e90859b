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
