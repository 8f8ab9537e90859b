/** What an inspector should know before a visit: the last inspection's outcome and the open provincial findings. */
import type { Store } from './db.js';

export interface VisitContext {
  lastInspection: { date: string; result: string } | null;
  openFindings: string[];
}

/** For each enterprise: its last inspection before `date` (合格, or the items found wrong) and its open findings. */
export function visitContexts(db: Store, codes: readonly string[], date: string): Map<string, VisitContext> {
  const last = db.prepare(
    `SELECT i.id, i.date FROM inspections i WHERE i.credit_code = ? AND i.date < ? ORDER BY i.date DESC, COALESCE(i.checked_at, '') DESC, i.id DESC LIMIT 1`,
  );
  const wrong = db.prepare("SELECT item FROM results WHERE inspection_id = ? AND superseded_by IS NULL AND result = 'violation' ORDER BY id");
  const findings = db.prepare("SELECT date, problem, source FROM findings WHERE credit_code = ? AND status = 'open' AND date <= ? ORDER BY date, id");
  const out = new Map<string, VisitContext>();
  for (const code of codes) {
    const l = last.get(code, date) as { id: number; date: string } | undefined;
    const items = l ? (wrong.all(l.id) as { item: string }[]).map((x) => x.item) : [];
    out.set(code, {
      lastInspection: l ? { date: l.date, result: items.length === 0 ? '合格' : `不合格：${items.join('；')}` } : null,
      openFindings: (findings.all(code, date) as { date: string; problem: string; source: string }[]).map((f) => `${f.date} ${f.problem}（${f.source}）`),
    });
  }
  return out;
}
