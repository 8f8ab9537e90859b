/**
 * Provincial findings in the store. One file is one transaction: all of it or none of it. The same file twice
 * records nothing new; a finding another file already brought (same date, enterprise, problem and source) is
 * counted as known, never duplicated. A finding stays open until a later clean inspection of the enterprise
 * closes it (here when the inspection is already recorded, in records.ts when it comes later) or an officer
 * closes it by hand.
 */
import type { Finding, FindingFacts } from '../../core/findings.js';
import type { Store } from './db.js';

export type FindingStatus = 'open' | 'closed';

/** A finding as stored; `bulletinName` is null too for findings imported before schema 5. */
export interface StoredFinding extends FindingFacts {
  id: number;
  status: FindingStatus;
  closedAt: string | null;
  closeNote: string | null;
  closedByInspection: number | null;
}

export type FindingImportOutcome =
  | { kind: 'already'; importedAt: string }
  | {
      kind: 'done';
      importId: number;
      added: number;
      /** Already recorded from another file: not added again. */
      known: number;
      /** New findings closed at once by a clean inspection already recorded on a day after their date. */
      closedByInspection: number;
    };

export interface FindingImportRequest {
  fileName: string;
  sha256: string;
  findings: readonly Finding[];
  importedAt: string;
}

interface CleanInspection {
  id: number;
  date: string;
  group_id: string;
  checked_at: string | null;
}

export function importFindings(db: Store, req: FindingImportRequest): FindingImportOutcome {
  return db
    .transaction((): FindingImportOutcome => {
      const already = db.prepare("SELECT imported_at FROM imports WHERE kind = 'findings' AND sha256 = ?").get(req.sha256) as
        { imported_at: string } | undefined;
      if (already) return { kind: 'already', importedAt: already.imported_at };

      const importId = Number(
        db
          .prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows) VALUES ('findings', ?, ?, ?, ?)")
          .run(req.fileName, req.sha256, req.importedAt, req.findings.length).lastInsertRowid,
      );
      const insert = db.prepare(
        'INSERT INTO findings (date, credit_code, name, bulletin_name, problem, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (date, credit_code, problem, source) DO NOTHING',
      );
      // The same rule as records.ts, so the outcome does not depend on which file arrived first: the earliest
      // inspection on a day after the finding's date with no current violation closes it.
      const clean = db.prepare(
        `SELECT i.id, i.date, i.group_id, i.checked_at FROM inspections i
        WHERE i.credit_code = ? AND i.date > ?
          AND NOT EXISTS (SELECT 1 FROM results r WHERE r.inspection_id = i.id AND r.superseded_by IS NULL AND r.result = 'violation')
        ORDER BY i.date, COALESCE(i.checked_at, i.date), i.id LIMIT 1`,
      );
      const close = db.prepare("UPDATE findings SET status = 'closed', closed_at = ?, close_note = ?, closed_by_inspection = ? WHERE id = ?");
      let added = 0;
      let known = 0;
      let closedByInspection = 0;
      for (const f of req.findings) {
        const r = insert.run(f.date, f.creditCode, f.name, f.bulletinName, f.problem, f.source, importId);
        if (r.changes === 0) {
          known++;
          continue;
        }
        added++;
        const i = clean.get(f.creditCode, f.date) as CleanInspection | undefined;
        if (i) {
          close.run(i.checked_at ?? i.date, `${i.date} 第 ${i.group_id} 组检查未发现问题`, i.id, Number(r.lastInsertRowid));
          closedByInspection++;
        }
      }
      // Even when nothing is new, the file's fingerprint is kept, so a second import is recognised at once.
      return { kind: 'done', importId, added, known, closedByInspection };
    })
    .immediate();
}

export interface FindingFilter {
  status: FindingStatus | 'all';
  creditCode?: string;
}

const SELECT = 'SELECT id, date, credit_code, name, bulletin_name, problem, source, status, closed_at, close_note, closed_by_inspection FROM findings';

interface FindingRecord {
  id: number;
  date: string;
  credit_code: string;
  name: string;
  bulletin_name: string | null;
  problem: string;
  source: string;
  status: FindingStatus;
  closed_at: string | null;
  close_note: string | null;
  closed_by_inspection: number | null;
}

function toFinding(r: FindingRecord): StoredFinding {
  return {
    id: r.id,
    date: r.date,
    creditCode: r.credit_code,
    name: r.name,
    bulletinName: r.bulletin_name,
    problem: r.problem,
    source: r.source,
    status: r.status,
    closedAt: r.closed_at,
    closeNote: r.close_note,
    closedByInspection: r.closed_by_inspection,
  };
}

export function listFindings(db: Store, filter: FindingFilter): StoredFinding[] {
  const where: string[] = [];
  const args: string[] = [];
  if (filter.status !== 'all') {
    where.push('status = ?');
    args.push(filter.status);
  }
  if (filter.creditCode) {
    where.push('credit_code = ?');
    args.push(filter.creditCode);
  }
  const rows = db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date, id`).all(...args) as FindingRecord[];
  return rows.map(toFinding);
}

export type CloseOutcome =
  | { kind: 'closed'; finding: StoredFinding }
  | { kind: 'unknown' }
  | { kind: 'already_closed'; finding: StoredFinding }
  | { kind: 'before_finding'; finding: StoredFinding };

/** Close one finding by hand. `at` is Beijing wall-clock 'YYYY-MM-DD HH:mm'; it may not precede the finding's date. */
export function closeFinding(db: Store, id: number, note: string, at: string): CloseOutcome {
  const byId = db.prepare(`${SELECT} WHERE id = ?`);
  return db
    .transaction((): CloseOutcome => {
      const r = byId.get(id) as FindingRecord | undefined;
      if (!r) return { kind: 'unknown' };
      const f = toFinding(r);
      if (f.status === 'closed') return { kind: 'already_closed', finding: f };
      if (at.slice(0, 10) < f.date) return { kind: 'before_finding', finding: f };
      db.prepare("UPDATE findings SET status = 'closed', closed_at = ?, close_note = ? WHERE id = ?").run(at, note, id);
      return { kind: 'closed', finding: toFinding(byId.get(id) as FindingRecord) };
    })
    .immediate();
}
