/**
 * What the district's views read from the district database: the towns, each town's list as its report reads
 * it (its TownSnapshot), its alert's events, and for a range of days the rows `haze report` reads from a
 * town's own store — in exactly the shapes ../reportQueries.ts, ../plans.ts and ../clueResults.ts give, so a
 * district report of a town is computed by the same code as the town's own (workflow/inspectionReport.ts).
 *
 * Rows point at their parents by uid (schema.ts). What the district cannot know is each row's local id; where
 * the town's store orders by it, the district orders by what stands in for it (the import's time, the plan's
 * creation), which gives the same order for rows one PC wrote.
 */
import type { Kysely } from 'kysely';
import type { AlertEvent } from '../../../core/alert.js';
import { clueOrder } from '../../../core/evidence/checkEvidence.js';
import type { Clue } from '../../../core/evidence/model.js';
import type { ReportFinding, ReportPlanDay, ReportRange, ReportVisit } from '../../../core/report.js';
import { parseWallTime, type WallTime } from '../../../core/time.js';
import type { ClueItemResult } from '../clueResults.js';
import { reportFinding, visitsWithResults } from '../reportQueries.js';
import type { DistrictDB } from './schema.js';

type Db = Kysely<DistrictDB>;

export interface DistrictTown {
  code: string;
  name: string;
}

/**
 * The schema's version, 0 when haze has never set up this database (no haze_schema): a view does not migrate,
 * so an empty database is said plainly rather than as a missing table.
 */
export async function districtSchemaVersion(db: Db): Promise<number> {
  try {
    const row = await db.selectFrom('haze_schema').select('version').executeTakeFirst();
    return row?.version ?? 0;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return 0;
    throw err;
  }
}

/** The towns the district holds (every town that pushed, or whose list is held), by code. */
export async function districtTowns(db: Db): Promise<DistrictTown[]> {
  const towns = await db.selectFrom('towns').select(['code', 'name']).orderBy('code').execute();
  const lists = await db.selectFrom('town_lists').select(['town', 'snapshot']).orderBy('town').execute();
  const out = new Map(towns.map((t) => [t.code, t]));
  for (const l of lists) if (!out.has(l.town)) out.set(l.town, { code: l.town, name: (l.snapshot as { town?: { name?: string } }).town?.name ?? l.town });
  return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The town's list as its last push sent it (a workflow TownSnapshot, as JSON); null when no list was sent. */
export async function townListSnapshot(db: Db, town: string): Promise<unknown> {
  const row = await db.selectFrom('town_lists').select('snapshot').where('town', '=', town).executeTakeFirst();
  return row ? row.snapshot : null;
}

const wall = (s: string): WallTime => parseWallTime(s)!;

/**
 * A town's alert events as ../alerts.ts gives them. The local id that breaks a tie of two events at the same
 * minute is the order they were entered in: here, when they were recorded.
 */
export async function districtAlertEvents(db: Db, town: string): Promise<AlertEvent[]> {
  const rows = await db
    .selectFrom('alert_events')
    .select(['kind', 'level', 'at', 'until', 'doc', 'note'])
    .where('town', '=', town)
    .orderBy('at')
    .orderBy('recorded_at')
    .orderBy('uid')
    .execute();
  return rows.map((r, i) => ({ id: i + 1, kind: r.kind, level: r.level, at: wall(r.at), until: r.until ? wall(r.until) : null, doc: r.doc, note: r.note }));
}

/** A town's visits of the range with their current results (a result superseded is history), as readReportVisits. */
export async function districtReportVisits(db: Db, town: string, range: ReportRange): Promise<ReportVisit[]> {
  const visits = await db
    .selectFrom('inspections')
    .select(['uid', 'date', 'group_id', 'credit_code', 'name', 'seq', 'inspectors', 'checked_at', 'planned'])
    .where('town', '=', town)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .orderBy('date')
    .orderBy('uid')
    .execute();
  const results = await db
    .selectFrom('results as r')
    .innerJoin('inspections as i', 'i.uid', 'r.inspection_uid')
    .innerJoin('imports as m', 'm.uid', 'r.import_uid')
    .select(['r.inspection_uid', 'r.item_id', 'r.item', 'r.result', 'r.note'])
    .where('r.town', '=', town)
    .where('i.date', '>=', range.from)
    .where('i.date', '<=', range.to)
    .where('r.superseded_by_uid', 'is', null)
    .orderBy('r.inspection_uid')
    .orderBy('r.ord')
    .orderBy('m.imported_at')
    .orderBy('r.item_id')
    .execute();
  return visitsWithResults(
    visits,
    results,
    (v) => v.uid,
    (r) => r.inspection_uid,
  );
}

/** A town's findings reported on or before `to`, as readReportFindings. */
export async function districtReportFindings(db: Db, town: string, to: string): Promise<ReportFinding[]> {
  const rows = await db
    .selectFrom('findings')
    .select(['date', 'credit_code', 'name', 'problem', 'source', 'status', 'closed_at'])
    .where('town', '=', town)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('credit_code')
    .orderBy('problem')
    .orderBy('source')
    .execute();
  return rows.map(reportFinding);
}

/**
 * A town's plans of record over the range, both shifts, as recordsInRange gives them (`fixedAt` still the
 * stored UTC instant). A plan's number is the town's: its plans counted in the order they were made, which is
 * the order the town's store numbered them in.
 */
export async function districtPlanDays(db: Db, town: string, range: ReportRange): Promise<(Omit<ReportPlanDay, 'fixedAt'> & { fixedAt: string })[]> {
  const records = await db
    .selectFrom('plan_of_record')
    .select(['date', 'shift', 'plan_uid', 'fixed_at', 'fixed_by'])
    .where('town', '=', town)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .where('replaced_at', 'is', null)
    .orderBy('date')
    .orderBy('shift')
    .orderBy('fixed_at')
    .execute();
  if (records.length === 0) return [];
  const plans = await db.selectFrom('plans').select('uid').where('town', '=', town).orderBy('created_at').orderBy('uid').execute();
  const number = new Map(plans.map((p, i) => [p.uid, i + 1]));
  const planUids = [...new Set(records.map((r) => r.plan_uid))];
  const visits = await db
    .selectFrom('planned_visits as v')
    .innerJoin('planned_routes as r', (j) => j.onRef('r.plan_uid', '=', 'v.plan_uid').onRef('r.date', '=', 'v.date').onRef('r.group_id', '=', 'v.group_id'))
    .select(['v.plan_uid', 'v.date', 'v.group_id', 'v.credit_code'])
    .where('v.plan_uid', 'in', planUids)
    .where('v.date', '>=', range.from)
    .where('v.date', '<=', range.to)
    .orderBy('v.plan_uid')
    .orderBy('v.date')
    .orderBy('v.group_id')
    .orderBy('v.seq')
    .execute();
  const held = new Map<string, { groupId: string; creditCode: string }[]>();
  for (const v of visits) {
    const key = `${v.plan_uid}\u001f${v.date}`;
    let list = held.get(key);
    if (!list) held.set(key, (list = []));
    list.push({ groupId: v.group_id, creditCode: v.credit_code });
  }
  // One current record a day and shift: were two PCs to fix a day differently, the later one stands.
  const current = new Map<string, (typeof records)[number]>();
  for (const r of records) current.set(`${r.date}\u001f${r.shift}`, r);
  return [...current.values()].map((r) => ({
    date: r.date,
    shift: r.shift,
    planId: number.get(r.plan_uid) ?? 0,
    fixedAt: r.fixed_at,
    fixedBy: r.fixed_by,
    visits: held.get(`${r.plan_uid}\u001f${r.date}`) ?? [],
  }));
}

/** Every clue the town's evidence gave, in the order the check gives them. */
export async function districtClues(db: Db, town: string): Promise<Clue[]> {
  const rows = await db.selectFrom('clues').select('clue').where('town', '=', town).execute();
  return rows.map((r) => r.clue as Clue).sort(clueOrder);
}

/** Every current result on a clue's item, by item id, as clueItemResults (all dates). */
export async function districtClueItemResults(db: Db, town: string): Promise<Map<string, ClueItemResult[]>> {
  const rows = await db
    .selectFrom('results as r')
    .innerJoin('inspections as i', 'i.uid', 'r.inspection_uid')
    .innerJoin('imports as m', 'm.uid', 'r.import_uid')
    .select(['r.item_id', 'i.date', 'i.credit_code', 'r.result', 'r.note'])
    .where('r.town', '=', town)
    .where('r.superseded_by_uid', 'is', null)
    .where('r.item_id', 'like', 'clue\\_%')
    .orderBy('i.date')
    .orderBy('m.imported_at')
    .orderBy('r.item_id')
    .execute();
  const out = new Map<string, ClueItemResult[]>();
  for (const r of rows) {
    const one: ClueItemResult = { date: r.date, creditCode: r.credit_code, result: r.result, note: r.note };
    const list = out.get(r.item_id);
    if (list) list.push(one);
    else out.set(r.item_id, [one]);
  }
  return out;
}
