/**
 * A town's inspection report from what it holds, wherever it is held: the town's own store (`haze report`) or
 * the district database (`haze report --district`). Both read their rows into the same shapes and hand them
 * here, so a town's report is computed once, one way, and the district's view of a town is the town's own.
 */
import { checkItems, recordedItemText } from '../core/checklist.js';
import { clueAccount, type ClueAccount } from '../core/evidence/clueReport.js';
import type { Clue } from '../core/evidence/model.js';
import type { AlertLevel, Enterprise, RequiredMeasure } from '../core/model.js';
import type { Lang } from '../core/problem.js';
import {
  buildReport,
  type InspectionReport,
  type ReportFinding,
  type ReportPlanDay,
  type ReportRange,
  type ReportVisit,
  type ViolationRow,
} from '../core/report.js';
import { formatWallTime, fromInstant } from '../core/time.js';
import type { ClueItemResult } from '../io/store/clueResults.js';
import type { DayOfRecord } from '../io/store/plans.js';

/** The town's list as a report reads it: the town's loaded list, or its snapshot in the district database. */
export interface ReportList {
  enterprises: readonly Enterprise[];
  groups: readonly { id: string; name: string }[];
  groupOf: ReadonlyMap<string, string>;
  /** Every enterprise's measure at a level. */
  measuresAt(level: AlertLevel): ReadonlyMap<string, RequiredMeasure>;
}

/** What the records say over the range. */
export interface ReportRecords {
  visits: readonly ReportVisit[];
  findings: readonly ReportFinding[];
  plans: readonly ReportPlanDay[];
}

export interface TownReport {
  report: InspectionReport;
  /** A violation's item in the reader's language: the enterprise's items at the level, matched by id and words. */
  itemIn: (v: ViolationRow, lang: Lang) => string;
}

/**
 * The report: the core report over the records, and the clue sections when the town has clues (the clues of the
 * range and the recorded results of their items, computed by `clueAccount`); null clues leave them out.
 */
export function townReport(
  list: ReportList,
  records: ReportRecords,
  ask: { range: ReportRange; level: AlertLevel | null; group: string | null },
  clues: ClueAccount | null,
): TownReport {
  const measures = ask.level ? list.measuresAt(ask.level) : null;
  const report = buildReport({
    enterprises: list.enterprises,
    measures,
    groupOf: list.groupOf,
    groups: list.groups,
    visits: records.visits,
    findings: records.findings,
    plans: records.plans,
    range: ask.range,
    group: ask.group,
  });
  if (clues) Object.assign(report, { clues: clues.rows, clueTally: clues.tally });
  const byCode = new Map(list.enterprises.map((e) => [e.creditCode, e]));
  const itemIn = (v: ViolationRow, lang: Lang): string => {
    const e = byCode.get(v.creditCode);
    const m = measures?.get(v.creditCode);
    return recordedItemText({ id: v.itemId, text: v.item }, e && m ? checkItems(e, m) : [], lang);
  };
  return { report, itemIn };
}

/** The clue sections from the clues and the results recorded on their items. */
export function clueSections(
  clues: readonly Clue[],
  results: ReadonlyMap<string, readonly ClueItemResult[]>,
  enterprises: readonly Pick<Enterprise, 'creditCode' | 'name'>[],
  range: ReportRange,
): ClueAccount {
  return clueAccount(clues, results, new Map(enterprises.map((e) => [e.creditCode, e.name])), range);
}

/** When a day's plan was fixed, as the report shows it: Beijing wall clock from the stored UTC instant. */
export function fixedAtShown(fixedAt: string): string {
  return formatWallTime(fromInstant(Date.parse(fixedAt)));
}

/** A day's plan of record as the report holds results against it. */
export function reportPlanDay(r: Pick<DayOfRecord, 'date' | 'shift' | 'planId' | 'fixedAt' | 'fixedBy' | 'routes'>): ReportPlanDay {
  return {
    date: r.date,
    shift: r.shift,
    planId: r.planId,
    fixedAt: fixedAtShown(r.fixedAt),
    fixedBy: r.fixedBy,
    visits: r.routes.flatMap((x) => x.visits.map((v) => ({ groupId: v.groupId, creditCode: v.creditCode }))),
  };
}
