/**
 * What inspectors recorded on the check items that clues added (ids `clue_…`, core/evidence): the results that
 * confirm or refute a clue. Only current results count (a --replace correction supersedes the earlier one).
 */
import type { Result } from '../../core/records.js';
import type { Store } from './db.js';

export interface ClueItemResult {
  date: string;
  creditCode: string;
  result: Result;
  note: string;
}

/** Every current result on a clue's item, by item id, recorded on a date before `before` (all when absent). */
export function clueItemResults(db: Store, before?: string): Map<string, ClueItemResult[]> {
  const rows = db
    .prepare(
      `SELECT r.item_id AS itemId, i.date AS date, i.credit_code AS creditCode, r.result AS result, r.note AS note
         FROM results r JOIN inspections i ON i.id = r.inspection_id
        WHERE r.superseded_by IS NULL AND r.item_id LIKE 'clue\\_%' ESCAPE '\\' AND i.date < ?
        ORDER BY i.date, r.id`,
    )
    .all(before ?? '9999-12-31') as ({ itemId: string } & ClueItemResult)[];
  const out = new Map<string, ClueItemResult[]>();
  for (const { itemId, ...r } of rows) {
    const list = out.get(itemId);
    if (list) list.push(r);
    else out.set(itemId, [r]);
  }
  return out;
}
