/**
 * What the office view and the report's HTML read about phone entries beyond phoneEntries.ts: the results an
 * entry's import wrote (kept as history once a later entry replaced them), and the photos linked to each visit.
 */
import type { Result } from '../../core/records.js';
import type { Store } from './db.js';
import type { PhotoMime } from './photos.js';

export interface EntryResult {
  itemId: string;
  item: string;
  result: Result;
  note: string;
}

/** The results one import wrote for one visit, current or superseded. */
export function resultsOfImport(db: Store, importId: number, visit: { date: string; groupId: string; creditCode: string }): EntryResult[] {
  return db
    .prepare(
      `SELECT r.item_id AS itemId, r.item, r.result, r.note
         FROM results r JOIN inspections i ON i.id = r.inspection_id
        WHERE r.import_id = ? AND i.date = ? AND i.group_id = ? AND i.credit_code = ?
        ORDER BY r.id`,
    )
    .all(importId, visit.date, visit.groupId, visit.creditCode) as EntryResult[];
}

export interface VisitPhoto {
  date: string;
  groupId: string;
  creditCode: string;
  itemId: string;
  sha256: string;
  mime: PhotoMime;
}

/** Every photo the phones linked to a visit in the range (each once per visit), in the order they arrived. */
export function visitPhotos(db: Store, range: { from: string; to: string }): VisitPhoto[] {
  return db
    .prepare(
      `SELECT e.date, e.group_id AS groupId, e.credit_code AS creditCode, MIN(vp.item_id) AS itemId, vp.sha256, p.mime
         FROM phone_entries e
         JOIN visit_photos vp ON vp.entry_id = e.entry_id
         JOIN photos p ON p.sha256 = vp.sha256
        WHERE e.date >= ? AND e.date <= ?
        GROUP BY e.date, e.group_id, e.credit_code, vp.sha256
        ORDER BY e.date, e.group_id, e.credit_code, MIN(e.received_at)`,
    )
    .all(range.from, range.to) as VisitPhoto[];
}
