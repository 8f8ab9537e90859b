/**
 * What `haze report` reads from the store: the inspections of a range with their current results (a result
 * replaced with --replace is history, not the record), the provincial findings, and the last day with records.
 */
import type { ReportFinding, ReportRange, ReportVisit } from '../../core/report.js';
import type { Result } from '../../core/records.js';
import type { Store } from './db.js';

interface VisitRow extends StoredVisit {
  id: number;
}

interface ResultRow {
  inspection_id: number;
  item_id: string;
  item: string;
  result: Result;
  note: string;
}

/** A visit's row as either store holds it: `planned` is SQLite's 0/1 or PostgreSQL's boolean. */
export interface StoredVisit {
  date: string;
  group_id: string;
  credit_code: string;
  name: string;
  seq: number | null;
  inspectors: string;
  checked_at: string | null;
  planned: number | boolean;
}

/**
 * Visits with their current results in the report's shape: the one assembly the town's store and the district's
 * share (districtQueries.ts), each keying a result to its visit its own way (a local id, a uid).
 */
export function visitsWithResults<V extends StoredVisit, R extends Omit<ResultRow, 'inspection_id'>, K>(
  visits: readonly V[],
  results: readonly R[],
  visitKey: (v: V) => K,
  resultKey: (r: R) => K,
): ReportVisit[] {
  const byVisit = new Map<K, ReportVisit['results'][number][]>();
  for (const r of results) {
    const key = resultKey(r);
    let list = byVisit.get(key);
    if (!list) byVisit.set(key, (list = []));
    list.push({ itemId: r.item_id, item: r.item, result: r.result, note: r.note });
  }
  return visits.map((v) => ({
    date: v.date,
    groupId: v.group_id,
    creditCode: v.credit_code,
    name: v.name,
    seq: v.seq,
    inspectors: v.inspectors,
    checkedAt: v.checked_at,
    planned: v.planned === true || v.planned === 1,
    results: byVisit.get(visitKey(v)) ?? [],
  }));
}

export function readReportVisits(db: Store, range: ReportRange): ReportVisit[] {
  const visits = db
    .prepare(
      'SELECT id, date, group_id, credit_code, name, seq, inspectors, checked_at, planned FROM inspections WHERE date >= ? AND date <= ? ORDER BY date, id',
    )
    .all(range.from, range.to) as VisitRow[];
  const results = db
    .prepare(
      `SELECT r.inspection_id, r.item_id, r.item, r.result, r.note
         FROM results r JOIN inspections i ON i.id = r.inspection_id
        WHERE i.date >= ? AND i.date <= ? AND r.superseded_by IS NULL
        ORDER BY r.inspection_id, r.id`,
    )
    .all(range.from, range.to) as ResultRow[];
  return visitsWithResults(
    visits,
    results,
    (v) => v.id,
    (r) => r.inspection_id,
  );
}

/** A finding's row as either store holds it. */
export interface ReportFindingRow {
  date: string;
  credit_code: string;
  name: string;
  problem: string;
  source: string;
  status: 'open' | 'closed';
  closed_at: string | null;
}

/** A finding in the report's shape, from either store's row. */
export const reportFinding = (f: ReportFindingRow): ReportFinding => ({
  date: f.date,
  creditCode: f.credit_code,
  name: f.name,
  problem: f.problem,
  source: f.source,
  status: f.status,
  closedAt: f.closed_at,
});

/** Findings reported on or before `to`; whether each was still open then is the report's to decide. */
export function readReportFindings(db: Store, to: string): ReportFinding[] {
  const rows = db
    .prepare('SELECT date, credit_code, name, problem, source, status, closed_at FROM findings WHERE date <= ? ORDER BY date, credit_code, id')
    .all(to) as ReportFindingRow[];
  return rows.map(reportFinding);
}

export function lastRecordDate(db: Store): string | null {
  return (db.prepare('SELECT max(date) AS d FROM inspections').get() as { d: string | null }).d;
}
