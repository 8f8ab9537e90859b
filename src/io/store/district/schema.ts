/**
 * The district database (PostgreSQL): every town's alerts, plans of record, inspection results with their
 * history, findings, imports and clues, one row per fact, each row carrying its town.
 *
 * How a town's rows get here (push.ts) and back (pull.ts):
 * - A town works on its own SQLite store (../db.ts), offline. `haze db push` sends what the district lacks.
 * - Every district row has a stable id, `uid`: the first 32 hex digits of sha256 over the town's code, the
 *   table and the row's natural key (rowUid below). The same fact pushed twice, by a push killed halfway and
 *   run again, or by two PCs of one town, has one uid, so it lands once (INSERT … ON CONFLICT (uid)).
 *   A parent is referenced by its uid (`import_uid`, `inspection_uid`), never by a local row id: local ids
 *   differ between a town's PCs and after a restore.
 * - What changes after it is written only moves forward (a result superseded, a finding closed, a plan of
 *   record replaced). A push carrying a forward move the district lacks applies it; a push carrying a
 *   different move than the district already holds (the same visit corrected differently in two places) is a
 *   conflict: both versions are kept, and sync_conflicts lists it for a person to settle. Nothing is
 *   overwritten.
 * - Raw meter readings and the gate ledger stay on the town's PC (millions of rows the district does not
 *   read); the district gets the clues they gave (clues), and the town's list as the report reads it
 *   (town_lists), so a district report of a town gives what `haze report` at the town gives.
 *
 * Row-level security (migrations.ts, roles.ts): a town's role sees and writes only rows whose town is its own,
 * forced on the table owner too; the district role reads every town.
 */
import { createHash } from 'node:crypto';
import type { ColumnType, Generated } from 'kysely';

/** The stable id of a district row: sha256(town | table | natural key…), 32 hex digits. */
export function rowUid(town: string, table: string, ...key: readonly (string | number | null)[]): string {
  const h = createHash('sha256');
  h.update(`${town}\u001f${table}`);
  for (const k of key) h.update(`\u001f${k === null ? '\u0000' : String(k)}`);
  return h.digest('hex').slice(0, 32);
}

/** Every row of a town's facts. `pushed_by` is the database role that wrote it (an audit, set by the server). */
interface TownRow {
  uid: string;
  town: string;
  pushed_by: ColumnType<string, string | undefined, never>;
}

export interface TownsTable {
  code: string;
  name: string;
  district_code: string | null;
  district_name: string | null;
  first_push_at: ColumnType<Date, string | undefined, string>;
  last_push_at: ColumnType<Date, string | undefined, string>;
}

/** The town's list as its report reads it, replaced whole by each push (a TownSnapshot, JSON). */
export interface TownListsTable {
  town: string;
  list_sha: string;
  pushed_at: ColumnType<Date, string, string>;
  snapshot: ColumnType<unknown, string, string>;
}

export interface AlertEventsTable extends TownRow {
  kind: 'issue' | 'change' | 'lift';
  level: 'yellow' | 'orange' | 'red' | null;
  at: string;
  until: string | null;
  doc: string | null;
  note: string | null;
  recorded_at: string;
}

export interface ImportsTable extends TownRow {
  kind: 'results' | 'findings';
  file_name: string;
  sha256: string;
  imported_at: string;
  rows: number;
  replace: boolean;
  fingerprint: string | null;
}

export interface InspectionsTable extends TownRow {
  date: string;
  group_id: string;
  credit_code: string;
  name: string;
  seq: number | null;
  inspectors: string;
  checked_at: string | null;
  planned: boolean;
  import_uid: string;
}

export interface InspectionVersionsTable extends TownRow {
  inspection_uid: string;
  inspectors: string;
  checked_at: string | null;
  superseded_by_uid: string;
}

export interface ResultsTable extends TownRow {
  inspection_uid: string;
  item_id: string;
  item: string;
  result: 'ok' | 'violation' | 'na';
  note: string;
  import_uid: string;
  superseded_by_uid: string | null;
  /**
   * Its place among its visit's results in the store that recorded it (by local id: the checklist's order of
   * items, then each correction after): the order the town's report and a replica give them, which a uid does not.
   */
  ord: number;
}

export interface FindingsTable extends TownRow {
  date: string;
  credit_code: string;
  name: string;
  bulletin_name: string | null;
  problem: string;
  source: string;
  import_uid: string | null;
  status: 'open' | 'closed';
  closed_at: string | null;
  close_note: string | null;
  closed_by_inspection_uid: string | null;
}

export interface PlansTable extends TownRow {
  created_at: string;
  start_date: string;
  days: number;
  level: 'yellow' | 'orange' | 'red';
  shift: 'day' | 'night';
  seed: number;
  inputs: string;
  basis: string | null;
}

export interface PlannedVisitsTable extends TownRow {
  plan_uid: string;
  date: string;
  group_id: string;
  seq: number;
  credit_code: string;
  arrive: string;
  depart: string;
  action: string;
  reason: string;
  leg_km: number | null;
}

export interface PlannedRoutesTable extends TownRow {
  plan_uid: string;
  date: string;
  group_id: string;
  total_km: number;
  return_at: string;
}

export interface PlanOfRecordTable extends TownRow {
  date: string;
  shift: 'day' | 'night';
  plan_uid: string;
  fixed_at: string;
  fixed_by: 'plan' | 'checklist' | 'save' | 'replan' | 'record';
  replaced_by_uid: string | null;
  replaced_at: string | null;
}

/** A clue the town's evidence gave (core/evidence Clue, whole, as JSON), keyed by its stable id. */
export interface CluesTable extends TownRow {
  clue_id: string;
  date: string;
  credit_code: string;
  kind: string;
  clue: ColumnType<unknown, string, string>;
}

/** A fact pushed differently from what the district holds: both versions, until a person settles it. */
export interface SyncConflictsTable {
  id: Generated<number>;
  town: string;
  tbl: string;
  uid: string;
  /** What the conflict is about, for people: "2019-12-09 第1组 常州瑞祥塑胶制品有限公司 item stop_production". */
  subject: string;
  district_version: ColumnType<unknown, string, string>;
  town_version: ColumnType<unknown, string, string>;
  found_at: ColumnType<Date, string | undefined, never>;
  settled_at: ColumnType<Date | null, string | undefined, string | null>;
  settlement: 'district' | 'town' | null;
}

/** Each push, for the audit and for `haze db push`'s "last push" line. */
export interface PushesTable {
  id: Generated<number>;
  town: string;
  started_at: ColumnType<Date, string, never>;
  finished_at: ColumnType<Date, string, string>;
  counts: ColumnType<unknown, string, string>;
}

/** Which database role is which town's (roles.ts writes it). */
export interface TownRolesTable {
  role_name: string;
  town: string;
}

export interface HazeSchemaTable {
  version: number;
}

export interface DistrictDB {
  towns: TownsTable;
  town_lists: TownListsTable;
  alert_events: AlertEventsTable;
  imports: ImportsTable;
  inspections: InspectionsTable;
  inspection_versions: InspectionVersionsTable;
  results: ResultsTable;
  findings: FindingsTable;
  plans: PlansTable;
  planned_visits: PlannedVisitsTable;
  planned_routes: PlannedRoutesTable;
  plan_of_record: PlanOfRecordTable;
  clues: CluesTable;
  sync_conflicts: SyncConflictsTable;
  pushes: PushesTable;
  town_roles: TownRolesTable;
  haze_schema: HazeSchemaTable;
}

/** Every table a push sends from a town's store, parents before children (the order rows are inserted in). */
export const STORE_TABLES = [
  'imports',
  'alert_events',
  'inspections',
  'inspection_versions',
  'results',
  'findings',
  'plans',
  'planned_visits',
  'planned_routes',
  'plan_of_record',
] as const satisfies readonly (keyof DistrictDB)[];
export type StoreTable = (typeof STORE_TABLES)[number];

/** The tables that hold a town's facts: each has uid, town and pushed_by, and row-level security. */
export const TOWN_TABLES = [...STORE_TABLES, 'clues'] as const satisfies readonly (keyof DistrictDB)[];
