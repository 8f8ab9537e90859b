/**
 * A town's SQLite store read as district rows (schema.ts): each row keyed by its uid, computed from its natural
 * key and its parents' uids (never a local id: ids differ between a town's PCs and after a restore). Read only,
 * in one read transaction, so a push sees the store as it was at one moment while others keep writing.
 *
 * Why each natural key names one row (the local schema: ../migrations.ts):
 * - alert_events (kind, level, at, recorded_at): no constraint; recorded_at is the UTC instant to the
 *   millisecond the event was appended, under the store's write lock (alerts.ts): two events never share it.
 * - imports (kind, sha256, imported_at): UNIQUE (kind, sha256) went in migration 3 (the same file may be
 *   imported again as a correction); a second import of the same bytes is written at a later imported_at
 *   (UTC ISO to the millisecond, each import its own write transaction).
 * - inspections (date, group_id, credit_code): UNIQUE in migration 2.
 * - inspection_versions (inspection, superseding import): one --replace import corrects a visit once
 *   (records.ts writes one version per corrected visit per import).
 * - results (inspection, item_id, import): results_current allows one current row per (inspection, item);
 *   an import writes an item of a visit once (a file with a repeated item is refused), so every version of
 *   an item comes from a different import.
 * - findings (date, credit_code, problem, source): UNIQUE in migration 2.
 * - plans (start_date, days, level, shift, seed, inputs): UNIQUE in migration 2.
 * - planned_visits (plan, date, group_id, seq): the PRIMARY KEY.
 * - planned_routes (plan, date, group_id): the PRIMARY KEY.
 * - plan_of_record (date, shift, fixed_at, place): one current record per (date, shift) (plan_of_record_current);
 *   a replan retires the current one and writes the next. fixed_at alone does not tell them apart: it is the
 *   command's "now", and under a fixed clock (HAZE_NOW, replays and tests) a replan is fixed at the same instant
 *   as the record it replaces. So the key adds the record's place in its day's chain of replans (1 for the
 *   first fixed, 2 for the one that replaced it, …): the same in every copy of the store, unlike its id.
 */
import type { Insertable } from 'kysely';
import type { Store } from '../db.js';
import {
  rowUid,
  type StoreTable,
  type AlertEventsTable,
  type FindingsTable,
  type ImportsTable,
  type InspectionsTable,
  type InspectionVersionsTable,
  type PlannedRoutesTable,
  type PlannedVisitsTable,
  type PlanOfRecordTable,
  type PlansTable,
  type ResultsTable,
} from './schema.js';

export { STORE_TABLES, type StoreTable } from './schema.js';

export interface TownRows {
  imports: Insertable<ImportsTable>[];
  alert_events: Insertable<AlertEventsTable>[];
  inspections: Insertable<InspectionsTable>[];
  inspection_versions: Insertable<InspectionVersionsTable>[];
  results: Insertable<ResultsTable>[];
  findings: Insertable<FindingsTable>[];
  plans: Insertable<PlansTable>[];
  planned_visits: Insertable<PlannedVisitsTable>[];
  planned_routes: Insertable<PlannedRoutesTable>[];
  plan_of_record: Insertable<PlanOfRecordTable>[];
}

export const noRows = (): TownRows => ({
  imports: [],
  alert_events: [],
  inspections: [],
  inspection_versions: [],
  results: [],
  findings: [],
  plans: [],
  planned_visits: [],
  planned_routes: [],
  plan_of_record: [],
});

/** The uid a local finding has at the district (pull matches the district's findings by it). */
export const findingUid = (town: string, f: { date: string; credit_code: string; problem: string; source: string }): string =>
  rowUid(town, 'findings', f.date, f.credit_code, f.problem, f.source);

/** The uid a local alert event has at the district. */
export const alertEventUid = (town: string, e: { kind: string; level: string | null; at: string; recorded_at: string }): string =>
  rowUid(town, 'alert_events', e.kind, e.level, e.at, e.recorded_at);

/** A local id → its uid; a dangling id is a broken store (foreign keys are on), so it is haze's bug to say. */
function uidOf(map: ReadonlyMap<number, string>, id: number, what: string): string {
  const uid = map.get(id);
  if (uid === undefined) throw new Error(`internal: ${what} ${id} is not in the store`);
  return uid;
}

export function localRows(db: Store, town: string): TownRows {
  return db.transaction(() => readRows(db, town, noIds()))();
}

/** Each uid's local id, by table (planned_visits and planned_routes have none: their key is their parent's). */
export type LocalIds = Record<Exclude<StoreTable, 'planned_visits' | 'planned_routes'>, Map<string, number>>;
const noIds = (): LocalIds => ({
  imports: new Map(),
  alert_events: new Map(),
  inspections: new Map(),
  inspection_versions: new Map(),
  results: new Map(),
  findings: new Map(),
  plans: new Map(),
  plan_of_record: new Map(),
});

/** The rows, and each uid's local id: what the replica (replicaRows.ts) matches the district's rows with. Read in the caller's transaction. */
export function localRowsWithIds(db: Store, town: string): { rows: TownRows; ids: LocalIds } {
  const ids = noIds();
  return { rows: readRows(db, town, ids), ids };
}

function readRows(db: Store, town: string, ids: LocalIds): TownRows {
  const all = <R>(sql: string) => db.prepare(sql).all() as R[];
  const out = noRows();

  const importUid = new Map<number, string>();
  for (const r of all<{
    id: number;
    kind: 'results' | 'findings';
    file_name: string;
    sha256: string;
    imported_at: string;
    rows: number;
    replace: number;
    fingerprint: string | null;
  }>('SELECT id, kind, file_name, sha256, imported_at, rows, replace, fingerprint FROM imports ORDER BY id')) {
    const uid = rowUid(town, 'imports', r.kind, r.sha256, r.imported_at);
    importUid.set(r.id, uid);
    ids.imports.set(uid, r.id);
    out.imports.push({
      uid,
      town,
      kind: r.kind,
      file_name: r.file_name,
      sha256: r.sha256,
      imported_at: r.imported_at,
      rows: r.rows,
      replace: r.replace !== 0,
      fingerprint: r.fingerprint,
    });
  }

  for (const { id, ...r } of all<{ id: number } & Omit<AlertEventsTable, 'uid' | 'town' | 'pushed_by'>>(
    'SELECT id, kind, level, at, until, doc, note, recorded_at FROM alert_events ORDER BY id',
  )) {
    const uid = alertEventUid(town, r);
    ids.alert_events.set(uid, id);
    out.alert_events.push({ uid, town, ...r });
  }

  const inspectionUid = new Map<number, string>();
  for (const r of all<{
    id: number;
    date: string;
    group_id: string;
    credit_code: string;
    name: string;
    seq: number | null;
    inspectors: string;
    checked_at: string | null;
    planned: number;
    import_id: number;
  }>('SELECT id, date, group_id, credit_code, name, seq, inspectors, checked_at, planned, import_id FROM inspections ORDER BY id')) {
    const uid = rowUid(town, 'inspections', r.date, r.group_id, r.credit_code);
    inspectionUid.set(r.id, uid);
    ids.inspections.set(uid, r.id);
    out.inspections.push({
      uid,
      town,
      date: r.date,
      group_id: r.group_id,
      credit_code: r.credit_code,
      name: r.name,
      seq: r.seq,
      inspectors: r.inspectors,
      checked_at: r.checked_at,
      planned: r.planned !== 0,
      import_uid: uidOf(importUid, r.import_id, 'import'),
    });
  }

  for (const r of all<{ id: number; inspection_id: number; inspectors: string; checked_at: string | null; superseded_by: number }>(
    'SELECT id, inspection_id, inspectors, checked_at, superseded_by FROM inspection_versions ORDER BY id',
  )) {
    const inspection = uidOf(inspectionUid, r.inspection_id, 'inspection');
    const by = uidOf(importUid, r.superseded_by, 'import');
    const uid = rowUid(town, 'inspection_versions', inspection, by);
    ids.inspection_versions.set(uid, r.id);
    out.inspection_versions.push({
      uid,
      town,
      inspection_uid: inspection,
      inspectors: r.inspectors,
      checked_at: r.checked_at,
      superseded_by_uid: by,
    });
  }

  const resultsSeen = new Map<number, number>();
  for (const r of all<{
    id: number;
    inspection_id: number;
    item_id: string;
    item: string;
    result: 'ok' | 'violation' | 'na';
    note: string;
    import_id: number;
    superseded_by: number | null;
  }>('SELECT id, inspection_id, item_id, item, result, note, import_id, superseded_by FROM results ORDER BY id')) {
    const inspection = uidOf(inspectionUid, r.inspection_id, 'inspection');
    const ord = resultsSeen.get(r.inspection_id) ?? 0;
    resultsSeen.set(r.inspection_id, ord + 1);
    const from = uidOf(importUid, r.import_id, 'import');
    const uid = rowUid(town, 'results', inspection, r.item_id, from);
    ids.results.set(uid, r.id);
    out.results.push({
      uid,
      town,
      inspection_uid: inspection,
      item_id: r.item_id,
      item: r.item,
      result: r.result,
      note: r.note,
      import_uid: from,
      superseded_by_uid: r.superseded_by === null ? null : uidOf(importUid, r.superseded_by, 'import'),
      ord,
    });
  }

  for (const r of all<{
    id: number;
    date: string;
    credit_code: string;
    name: string;
    bulletin_name: string | null;
    problem: string;
    source: string;
    import_id: number | null;
    status: 'open' | 'closed';
    closed_at: string | null;
    close_note: string | null;
    closed_by_inspection: number | null;
  }>(
    'SELECT id, date, credit_code, name, bulletin_name, problem, source, import_id, status, closed_at, close_note, closed_by_inspection FROM findings ORDER BY id',
  )) {
    const uid = findingUid(town, r);
    ids.findings.set(uid, r.id);
    out.findings.push({
      uid,
      town,
      date: r.date,
      credit_code: r.credit_code,
      name: r.name,
      bulletin_name: r.bulletin_name,
      problem: r.problem,
      source: r.source,
      import_uid: r.import_id === null ? null : uidOf(importUid, r.import_id, 'import'),
      status: r.status,
      closed_at: r.closed_at,
      close_note: r.close_note,
      closed_by_inspection_uid: r.closed_by_inspection === null ? null : uidOf(inspectionUid, r.closed_by_inspection, 'inspection'),
    });
  }

  const planUid = new Map<number, string>();
  for (const r of all<{ id: number } & Omit<PlansTable, 'uid' | 'town' | 'pushed_by'>>(
    'SELECT id, created_at, start_date, days, level, shift, seed, inputs, basis FROM plans ORDER BY id',
  )) {
    const uid = rowUid(town, 'plans', r.start_date, r.days, r.level, r.shift, r.seed, r.inputs);
    planUid.set(r.id, uid);
    ids.plans.set(uid, r.id);
    const { id: _id, ...rest } = r;
    out.plans.push({ uid, town, ...rest });
  }

  for (const r of all<{ plan_id: number } & Omit<PlannedVisitsTable, 'uid' | 'town' | 'pushed_by' | 'plan_uid'>>(
    'SELECT plan_id, date, group_id, seq, credit_code, arrive, depart, action, reason, leg_km FROM planned_visits ORDER BY plan_id, date, group_id, seq',
  )) {
    const { plan_id, ...rest } = r;
    const plan = uidOf(planUid, plan_id, 'plan');
    out.planned_visits.push({ uid: rowUid(town, 'planned_visits', plan, r.date, r.group_id, r.seq), town, plan_uid: plan, ...rest });
  }

  for (const r of all<{ plan_id: number } & Omit<PlannedRoutesTable, 'uid' | 'town' | 'pushed_by' | 'plan_uid'>>(
    'SELECT plan_id, date, group_id, total_km, return_at FROM planned_routes ORDER BY plan_id, date, group_id',
  )) {
    const { plan_id, ...rest } = r;
    const plan = uidOf(planUid, plan_id, 'plan');
    out.planned_routes.push({ uid: rowUid(town, 'planned_routes', plan, r.date, r.group_id), town, plan_uid: plan, ...rest });
  }

  const records = all<{
    id: number;
    date: string;
    shift: 'day' | 'night';
    plan_id: number;
    fixed_at: string;
    fixed_by: PlanOfRecordTable['fixed_by'];
    replaced_by: number | null;
    replaced_at: string | null;
  }>('SELECT id, date, shift, plan_id, fixed_at, fixed_by, replaced_by, replaced_at FROM plan_of_record ORDER BY id');
  // Read in id order: each (date, shift)'s records in the order they were fixed.
  const place = new Map<string, number>();
  const recordUid = new Map(
    records.map((r) => {
      const day = `${r.date}\u0000${r.shift}`;
      const n = (place.get(day) ?? 0) + 1;
      place.set(day, n);
      return [r.id, rowUid(town, 'plan_of_record', r.date, r.shift, r.fixed_at, n)];
    }),
  );
  for (const [id, uid] of recordUid) ids.plan_of_record.set(uid, id);
  // Newest first: a replaced record points at a later one (replaced_by), which must be at the district first.
  for (const r of [...records].reverse()) {
    out.plan_of_record.push({
      uid: recordUid.get(r.id)!,
      town,
      date: r.date,
      shift: r.shift,
      plan_uid: uidOf(planUid, r.plan_id, 'plan'),
      fixed_at: r.fixed_at,
      fixed_by: r.fixed_by,
      replaced_by_uid: r.replaced_by === null ? null : uidOf(recordUid, r.replaced_by, 'plan of record'),
      replaced_at: r.replaced_at,
    });
  }
  return out;
}
