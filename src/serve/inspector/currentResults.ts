/**
 * What the store says now of a group's visits on a day: each inspection with its current results, by credit
 * code — the office's word, whoever wrote it (a phone, a file, the terminal). Read by the report's own query
 * (io/store/reportQueries.ts), so the page and the report cannot disagree on what is recorded.
 */
import type { ReportVisit } from '../../core/report.js';

export interface CurrentVisit {
  seq: number | null;
  inspectors: string;
  checkedAt: string | null;
  results: Record<string, { result: 'ok' | 'violation' | 'na'; note: string }>;
}

/** The day's recorded visits (readReportVisits) of one group, by credit code. */
export function currentResults(visits: readonly ReportVisit[], groupId: string): Map<string, CurrentVisit> {
  const out = new Map<string, CurrentVisit>();
  for (const v of visits) {
    if (v.groupId !== groupId) continue;
    const results: CurrentVisit['results'] = {};
    for (const r of v.results) results[r.itemId] = { result: r.result, note: r.note };
    out.set(v.creditCode, { seq: v.seq, inspectors: v.inspectors, checkedAt: v.checkedAt, results });
  }
  return out;
}
