/**
 * What the store says now of a group's visits on a day: each inspection with its current results (those no
 * later import superseded), by credit code. The office's word, whoever wrote it (a phone, a file, the terminal).
 */
import type { Store } from '../../io/store/db.js';

export interface CurrentVisit {
  seq: number | null;
  inspectors: string;
  checkedAt: string | null;
  results: Record<string, { result: 'ok' | 'violation' | 'na'; note: string }>;
}

interface Row {
  credit_code: string;
  seq: number | null;
  inspectors: string;
  checked_at: string | null;
  item_id: string | null;
  result: 'ok' | 'violation' | 'na' | null;
  note: string | null;
}

export function currentResults(db: Store, date: string, groupId: string): Map<string, CurrentVisit> {
  const rows = db
    .prepare(
      `SELECT i.credit_code, i.seq, i.inspectors, i.checked_at, r.item_id, r.result, r.note
         FROM inspections i LEFT JOIN results r ON r.inspection_id = i.id AND r.superseded_by IS NULL
        WHERE i.date = ? AND i.group_id = ?
        ORDER BY i.id, r.id`,
    )
    .all(date, groupId) as Row[];
  const out = new Map<string, CurrentVisit>();
  for (const r of rows) {
    let v = out.get(r.credit_code);
    if (!v) out.set(r.credit_code, (v = { seq: r.seq, inspectors: r.inspectors, checkedAt: r.checked_at, results: {} }));
    if (r.item_id !== null && r.result !== null) v.results[r.item_id] = { result: r.result, note: r.note ?? '' };
  }
  return out;
}
