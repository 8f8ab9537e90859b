/**
 * Inspection records in the store. One file is one transaction: all of it or none of it. The same file twice
 * records nothing new; a result that differs from one already recorded is a conflict, refused unless
 * --replace, which keeps the old result (superseded_by) so that history is never lost.
 */
import type { RecordedVisit, Result } from '../../core/records.js';
import { formatWallTime } from '../../core/time.js';
import type { Store } from './db.js';

export interface Conflict {
  date: string;
  groupId: string;
  creditCode: string;
  name: string;
  itemId: string;
  was: Result;
  now: Result;
  row: number | undefined;
}

export type ImportOutcome =
  | { kind: 'already'; importedAt: string }
  | { kind: 'conflicts'; conflicts: Conflict[] }
  | { kind: 'done'; importId: number; newVisits: number; newResults: number; unchanged: number; replaced: number; findingsClosed: number };

export interface ImportRequest {
  fileName: string;
  sha256: string;
  visits: readonly RecordedVisit[];
  replace: boolean;
  recordedAt: string;
  /** Test hook: called inside the transaction after the rows are written (the crash-safety test kills here). */
  afterWrite?: () => void;
}

interface CurrentResult {
  id: number;
  result: Result;
  note: string;
}

export function importResults(db: Store, req: ImportRequest): ImportOutcome {
  return db.transaction((): ImportOutcome => {
    const already = db.prepare("SELECT imported_at FROM imports WHERE kind = 'results' AND sha256 = ?").get(req.sha256) as { imported_at: string } | undefined;
    if (already) return { kind: 'already', importedAt: already.imported_at };

    const findVisit = db.prepare('SELECT id FROM inspections WHERE date = ? AND group_id = ? AND credit_code = ?');
    const findResult = db.prepare('SELECT id, result, note FROM results WHERE inspection_id = ? AND item_id = ? AND superseded_by IS NULL');
    // Conflicts first, before anything is written: a refused file leaves no trace at all.
    const conflicts: Conflict[] = [];
    for (const v of req.visits) {
      const existing = findVisit.get(v.date, v.groupId, v.creditCode) as { id: number } | undefined;
      if (!existing) continue;
      for (const it of v.items) {
        const cur = findResult.get(existing.id, it.itemId) as CurrentResult | undefined;
        if (cur && (cur.result !== it.result || cur.note !== it.note)) {
          conflicts.push({ date: v.date, groupId: v.groupId, creditCode: v.creditCode, name: v.name, itemId: it.itemId, was: cur.result, now: it.result, row: it.row });
        }
      }
    }
    if (conflicts.length > 0 && !req.replace) return { kind: 'conflicts', conflicts };

    const rows = req.visits.reduce((n, v) => n + v.items.length, 0);
    const importId = Number(
      db.prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows, replace) VALUES ('results', ?, ?, ?, ?, ?)")
        .run(req.fileName, req.sha256, req.recordedAt, rows, req.replace ? 1 : 0).lastInsertRowid,
    );
    const insertVisit = db.prepare(
      'INSERT INTO inspections (date, group_id, credit_code, name, seq, inspectors, checked_at, planned, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertResult = db.prepare('INSERT INTO results (inspection_id, item_id, item, result, note, import_id) VALUES (?, ?, ?, ?, ?, ?)');
    const supersede = db.prepare('UPDATE results SET superseded_by = ? WHERE id = ?');
    const closeFindings = db.prepare(
      "UPDATE findings SET status = 'closed', closed_at = ?, close_note = ?, closed_by_inspection = ? WHERE credit_code = ? AND status = 'open' AND date < ?",
    );
    let newVisits = 0;
    let newResults = 0;
    let unchanged = 0;
    let replaced = 0;
    let findingsClosed = 0;
    for (const v of req.visits) {
      let visitId = (findVisit.get(v.date, v.groupId, v.creditCode) as { id: number } | undefined)?.id;
      if (visitId === undefined) {
        visitId = Number(insertVisit.run(v.date, v.groupId, v.creditCode, v.name, v.seq, v.inspectors, v.checkedAt ? formatWallTime(v.checkedAt) : null, v.planned ? 1 : 0, importId).lastInsertRowid);
        newVisits++;
      }
      for (const it of v.items) {
        const cur = findResult.get(visitId, it.itemId) as CurrentResult | undefined;
        if (cur && cur.result === it.result && cur.note === it.note) { unchanged++; continue; }
        if (cur) { supersede.run(importId, cur.id); replaced++; } else newResults++;
        insertResult.run(visitId, it.itemId, it.item, it.result, it.note, importId);
      }
      // A later inspection that finds nothing wrong closes the enterprise's open provincial findings: one on a
      // later day only. A finding carries only its date, and the town's check that same day may well have come
      // before the province's visit, so it says nothing of whether the problem was put right.
      const clean = (db.prepare("SELECT count(*) AS n FROM results WHERE inspection_id = ? AND superseded_by IS NULL AND result = 'violation'").get(visitId) as { n: number }).n === 0;
      if (clean) findingsClosed += closeFindings.run(v.checkedAt ? formatWallTime(v.checkedAt) : v.date, `${v.date} 第 ${v.groupId} 组检查未发现问题`, visitId, v.creditCode, v.date).changes;
    }
    req.afterWrite?.();
    // Even when nothing is new, the file's fingerprint is kept, so a second import is recognised at once.
    return { kind: 'done', importId, newVisits, newResults, unchanged, replaced, findingsClosed };
  }).immediate();
}
