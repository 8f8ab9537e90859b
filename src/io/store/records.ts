/**
 * Inspection records in the store. One file is one transaction: all of it or none of it. A file is compared
 * with what the store says now: what differs — a result or note, or a visit's inspectors or check time — is
 * a conflict, refused unless --replace, which keeps the earlier values (results.superseded_by,
 * inspection_versions) so that history is never lost. The same content twice records nothing new; with
 * --replace, the store ends up saying what the file says, whether or not the file was imported before.
 */
import { createHash } from 'node:crypto';
import type { RecordedVisit } from '../../core/records.js';
import { formatWallTime } from '../../core/time.js';
import type { Store } from './db.js';

export interface Conflict {
  date: string;
  groupId: string;
  creditCode: string;
  name: string;
  /** The check item; or 'inspectors' / 'checked_at' when the visit itself was recorded differently. */
  itemId: string;
  /** A result (ok / violation / na); for 'inspectors' / 'checked_at' the value itself ('' when none). */
  was: string;
  now: string;
  row: number | undefined;
}

export type ImportOutcome =
  | { kind: 'already'; importedAt: string }
  | { kind: 'conflicts'; conflicts: Conflict[] }
  | {
      kind: 'done';
      /** null when nothing differed from the store: then no import is written at all. */
      importId: number | null;
      newVisits: number;
      newResults: number;
      unchanged: number;
      /** Corrections written: superseded results, and visits whose inspectors or check time changed. */
      replaced: number;
      /** Of `replaced`, the visits whose inspectors or check time were corrected. */
      visitsCorrected: number;
      findingsClosed: number;
    };

export interface ImportRequest {
  fileName: string;
  /** The file's bytes (kept on the import); "imported before" goes by the content recorded instead. */
  sha256: string;
  visits: readonly RecordedVisit[];
  replace: boolean;
  recordedAt: string;
  /** Test hook: called inside the transaction after the rows are written (the crash-safety test kills here). */
  afterWrite?: () => void;
}

interface CurrentResult {
  id: number;
  result: string;
  note: string;
}

interface CurrentVisit {
  id: number;
  inspectors: string;
  checked_at: string | null;
}

const checkedAtText = (v: RecordedVisit): string | null => (v.checkedAt ? formatWallTime(v.checkedAt) : null);

/**
 * What a file records, independent of its bytes, column order, row order and of values given by flags
 * (--inspectors, --checked-at) rather than cells: the same visits with the same items give the same print.
 */
export function contentFingerprint(visits: readonly RecordedVisit[]): string {
  const byText = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const canon = visits
    .map((v) => ({
      key: `${v.date}\u0000${v.groupId}\u0000${v.creditCode}`,
      visit: [
        v.date,
        v.groupId,
        v.creditCode,
        v.inspectors,
        checkedAtText(v),
        v.items
          .map((i) => ({ key: i.itemId, item: [i.itemId, i.result, i.note] }))
          .sort(byText)
          .map((i) => i.item),
      ],
    }))
    .sort(byText)
    .map((v) => v.visit);
  return createHash('sha256').update(JSON.stringify(canon)).digest('hex');
}

export function importResults(db: Store, req: ImportRequest): ImportOutcome {
  return db
    .transaction((): ImportOutcome => {
      const fingerprint = contentFingerprint(req.visits);
      // Without --replace the same content is "already imported", even when a later correction changed the store
      // since: nothing is written either way. With --replace the file is compared with the store as it is now,
      // so that going back to an earlier file restores what it says.
      if (!req.replace) {
        const already = db.prepare("SELECT imported_at FROM imports WHERE kind = 'results' AND fingerprint = ? ORDER BY id DESC LIMIT 1").get(fingerprint) as
          { imported_at: string } | undefined;
        if (already) return { kind: 'already', importedAt: already.imported_at };
      }

      const findVisit = db.prepare('SELECT id, inspectors, checked_at FROM inspections WHERE date = ? AND group_id = ? AND credit_code = ?');
      const findResult = db.prepare('SELECT id, result, note FROM results WHERE inspection_id = ? AND item_id = ? AND superseded_by IS NULL');
      // Compare everything before anything is written: a refused file leaves no trace at all.
      const conflicts: Conflict[] = [];
      const differs = (v: RecordedVisit, existing: CurrentVisit | undefined) => ({
        inspectors: existing !== undefined && existing.inspectors !== v.inspectors,
        checkedAt: existing !== undefined && existing.checked_at !== checkedAtText(v),
      });
      let anythingNew = false;
      for (const v of req.visits) {
        const existing = findVisit.get(v.date, v.groupId, v.creditCode) as CurrentVisit | undefined;
        if (!existing) {
          anythingNew = true;
          continue;
        }
        const conflict = (itemId: string, was: string, now: string, row: number | undefined) =>
          conflicts.push({ date: v.date, groupId: v.groupId, creditCode: v.creditCode, name: v.name, itemId, was, now, row });
        const d = differs(v, existing);
        if (d.inspectors) conflict('inspectors', existing.inspectors, v.inspectors, v.items[0]?.row);
        if (d.checkedAt) conflict('checked_at', existing.checked_at ?? '', checkedAtText(v) ?? '', v.items[0]?.row);
        for (const it of v.items) {
          const cur = findResult.get(existing.id, it.itemId) as CurrentResult | undefined;
          if (!cur) anythingNew = true;
          else if (cur.result !== it.result || cur.note !== it.note) conflict(it.itemId, cur.result, it.result, it.row);
        }
      }
      if (conflicts.length > 0 && !req.replace) return { kind: 'conflicts', conflicts };
      const rows = req.visits.reduce((n, v) => n + v.items.length, 0);
      // The store already says all of it: no import is written, so history shows only imports that changed something.
      if (!anythingNew && conflicts.length === 0) {
        return { kind: 'done', importId: null, newVisits: 0, newResults: 0, unchanged: rows, replaced: 0, visitsCorrected: 0, findingsClosed: 0 };
      }

      const importId = Number(
        db
          .prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows, replace, fingerprint) VALUES ('results', ?, ?, ?, ?, ?, ?)")
          .run(req.fileName, req.sha256, req.recordedAt, rows, req.replace ? 1 : 0, fingerprint).lastInsertRowid,
      );
      const insertVisit = db.prepare(
        'INSERT INTO inspections (date, group_id, credit_code, name, seq, inspectors, checked_at, planned, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const keepVisitVersion = db.prepare('INSERT INTO inspection_versions (inspection_id, inspectors, checked_at, superseded_by) VALUES (?, ?, ?, ?)');
      const correctVisit = db.prepare('UPDATE inspections SET inspectors = ?, checked_at = ? WHERE id = ?');
      const insertResult = db.prepare('INSERT INTO results (inspection_id, item_id, item, result, note, import_id) VALUES (?, ?, ?, ?, ?, ?)');
      const supersede = db.prepare('UPDATE results SET superseded_by = ? WHERE id = ?');
      const closeFindings = db.prepare(
        "UPDATE findings SET status = 'closed', closed_at = ?, close_note = ?, closed_by_inspection = ? WHERE credit_code = ? AND status = 'open' AND date < ?",
      );
      let newVisits = 0;
      let newResults = 0;
      let unchanged = 0;
      let replaced = 0;
      let visitsCorrected = 0;
      let findingsClosed = 0;
      for (const v of req.visits) {
        const existing = findVisit.get(v.date, v.groupId, v.creditCode) as CurrentVisit | undefined;
        let visitId: number;
        if (existing) {
          visitId = existing.id;
          const d = differs(v, existing);
          if (d.inspectors || d.checkedAt) {
            keepVisitVersion.run(visitId, existing.inspectors, existing.checked_at, importId);
            correctVisit.run(v.inspectors, checkedAtText(v), visitId);
            visitsCorrected++;
          }
        } else {
          visitId = Number(
            insertVisit.run(v.date, v.groupId, v.creditCode, v.name, v.seq, v.inspectors, checkedAtText(v), v.planned ? 1 : 0, importId).lastInsertRowid,
          );
          newVisits++;
        }
        for (const it of v.items) {
          const cur = findResult.get(visitId, it.itemId) as CurrentResult | undefined;
          if (cur && cur.result === it.result && cur.note === it.note) {
            unchanged++;
            continue;
          }
          if (cur) {
            supersede.run(importId, cur.id);
            replaced++;
          } else newResults++;
          insertResult.run(visitId, it.itemId, it.item, it.result, it.note, importId);
        }
        // A later inspection that finds nothing wrong closes the enterprise's open provincial findings: one on a
        // later day only. A finding carries only its date, and the town's check that same day may well have come
        // before the province's visit, so it says nothing of whether the problem was put right. A correction
        // that turns a violation into ok closes them the same way; one that turns ok back into a violation does
        // not reopen what it closed (closing is a decision on record, and reopening is left to people).
        const clean =
          (
            db.prepare("SELECT count(*) AS n FROM results WHERE inspection_id = ? AND superseded_by IS NULL AND result = 'violation'").get(visitId) as {
              n: number;
            }
          ).n === 0;
        if (clean)
          findingsClosed += closeFindings.run(checkedAtText(v) ?? v.date, `${v.date} 第 ${v.groupId} 组检查未发现问题`, visitId, v.creditCode, v.date).changes;
      }
      req.afterWrite?.();
      // The content's fingerprint is kept with the import, so the same content a second time is recognised at once.
      return { kind: 'done', importId, newVisits, newResults, unchanged, replaced: replaced + visitsCorrected, visitsCorrected, findingsClosed };
    })
    .immediate();
}
