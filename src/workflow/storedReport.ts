/**
 * A town's inspection report from its own store: the records of the range read, the core report over them with
 * the clue sections — the one answer `haze report` prints and the office view shows (the district's view reads
 * the district's tables instead, through townReport the same way).
 */
import type { AlertLevel } from '../core/model.js';
import type { ReportPlanDay, ReportRange } from '../core/report.js';
import { assignAreas } from '../core/routing/areas.js';
import type { WallTime } from '../core/time.js';
import { visitPhotos, type VisitPhoto } from '../io/store/officeQueries.js';
import { recordsInRange } from '../io/store/plans.js';
import { readReportFindings, readReportVisits } from '../io/store/reportQueries.js';
import { reportClues } from './dayClues.js';
import { reportPlanDay, townReport, type TownReport } from './inspectionReport.js';
import { readStore } from './storeDoor.js';
import { measuresAt, type Town } from './town.js';

export interface StoredReport extends TownReport {
  /** The days of the range with a plan of record, the plan the results are held against. */
  plans: ReportPlanDay[];
  /** The photos phones linked to the range's visits (only when asked: a table has nowhere to show them). */
  photos: VisitPhoto[];
  /** Whether the store exists at all (a town with no records yet). */
  storeExists: boolean;
  /** The visits recorded in the range, of every group. */
  recordedVisits: number;
}

export function storedReport(
  town: Town,
  ask: { range: ReportRange; level: AlertLevel | null; group: string | null; now: WallTime; photos: boolean },
): StoredReport {
  const { range } = ask;
  const stored = readStore(
    town.ws,
    (db) => ({
      visits: readReportVisits(db, range),
      findings: readReportFindings(db, range.to),
      plans: recordsInRange(db, range.from, range.to).map(reportPlanDay),
      photos: ask.photos ? visitPhotos(db, range) : [],
      storeExists: true,
    }),
    { visits: [], findings: [], plans: [], photos: [], storeExists: false },
  );
  const groups = town.setup.groups;
  const { report, itemIn } = townReport(
    {
      enterprises: town.list.enterprises,
      groups: groups.map((x) => ({ id: x.id, name: x.name })),
      groupOf: assignAreas(town.list.enterprises, groups).groupOf,
      measuresAt: (l) => measuresAt(town, l),
    },
    stored,
    { range, level: ask.level, group: ask.group },
    reportClues(town, range, ask.now),
  );
  return { report, itemIn, plans: stored.plans, photos: stored.photos, storeExists: stored.storeExists, recordedVisits: stored.visits.length };
}
