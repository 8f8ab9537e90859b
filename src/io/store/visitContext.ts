/** What an inspector should know before a visit: the last inspection's outcome and the open provincial findings. */
import type { Store } from './db.js';

/** The facts only: the page words them in its reader's language. */
export interface VisitContext {
  /** The last inspection before the day, with the items found wrong (none: it was clean). */
  lastInspection: { date: string; violations: { id: string; text: string }[] } | null;
  openFindings: { date: string; problem: string; source: string }[];
}

/** For each enterprise: its last inspection before `date` (合格, or the items found wrong) and its open findings. */
export function visitContexts(db: Store, codes: readonly string[], date: string): Map<string, VisitContext> {
  const last = db.prepare(
    `SELECT i.id, i.date FROM inspections i WHERE i.credit_code = ? AND i.date < ? ORDER BY i.date DESC, COALESCE(i.checked_at, '') DESC, i.id DESC LIMIT 1`,
  );
  const wrong = db.prepare("SELECT item_id, item FROM results WHERE inspection_id = ? AND superseded_by IS NULL AND result = 'violation' ORDER BY id");
  const findings = db.prepare("SELECT date, problem, source FROM findings WHERE credit_code = ? AND status = 'open' AND date <= ? ORDER BY date, id");
  const out = new Map<string, VisitContext>();
  for (const code of codes) {
    const l = last.get(code, date) as { id: number; date: string } | undefined;
    const violations = l ? (wrong.all(l.id) as { item_id: string; item: string }[]).map((x) => ({ id: x.item_id, text: x.item })) : [];
    out.set(code, {
      lastInspection: l ? { date: l.date, violations } : null,
      openFindings: findings.all(code, date) as { date: string; problem: string; source: string }[],
    });
  }
  return out;
}
