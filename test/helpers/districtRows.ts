/**
 * District rows for the views' tests, written straight into the district tables (not through a push): a town,
 * its list (a TownSnapshot), and its facts, each row keyed by the uid rowUid gives from its natural key and
 * pointing at its parents by uid. `copyStore` writes a town's SQLite store as district rows as a push reads them, so a
 * test can put the district's view of a town beside the town's own report of the same rows.
 */
import Database from 'better-sqlite3';
import type { Insertable, Kysely } from 'kysely';
import type { Clue } from '../../src/core/evidence/model.js';
import { fromWallMinute } from '../../src/core/time.js';
import type { ReportVisit } from '../../src/core/report.js';
import type { TownIdentity } from '../../src/io/read/workspace.js';
import { localRows, STORE_TABLES } from '../../src/io/store/district/localRows.js';
import { rowUid, type DistrictDB } from '../../src/io/store/district/schema.js';
import type { TownSnapshot } from '../../src/workflow/townSnapshot.js';

type Db = Kysely<DistrictDB>;

export async function putTown(db: Db, town: TownIdentity, snapshot: TownSnapshot | null): Promise<void> {
  await db.insertInto('towns').values({ code: town.code, name: town.name, district_code: town.districtCode, district_name: town.districtName }).execute();
  if (snapshot)
    await db
      .insertInto('town_lists')
      .values({ town: town.code, list_sha: snapshot.listSha, pushed_at: '2019-12-10T12:00:00Z', snapshot: JSON.stringify(snapshot) })
      .execute();
}

export interface AlertRow {
  kind: 'issue' | 'change' | 'lift';
  level: 'yellow' | 'orange' | 'red' | null;
  at: string;
  until?: string | null;
  doc?: string | null;
  note?: string | null;
  recordedAt?: string;
}

export async function putAlert(db: Db, town: string, e: AlertRow): Promise<void> {
  const recorded = e.recordedAt ?? '2019-12-01T00:00:00Z';
  await db
    .insertInto('alert_events')
    .values({
      uid: rowUid(town, 'alert_events', e.at, e.kind, recorded),
      town,
      kind: e.kind,
      level: e.level,
      at: e.at,
      until: e.until ?? null,
      doc: e.doc ?? null,
      note: e.note ?? null,
      recorded_at: recorded,
    })
    .execute();
}

/** An import of results or findings; returns its uid. */
export async function putImport(db: Db, town: string, kind: 'results' | 'findings', name: string, at: string, rows: number, replace = false): Promise<string> {
  const uid = rowUid(town, 'imports', kind, name, at);
  await db.insertInto('imports').values({ uid, town, kind, file_name: name, sha256: uid, imported_at: at, rows, replace, fingerprint: uid }).execute();
  return uid;
}

/** A visit as the report reads it, without its results (they come apart, as ResultRow). */
export type VisitRow = Omit<ReportVisit, 'results'>;

export interface ResultRow {
  itemId: string;
  item: string;
  result: 'ok' | 'violation' | 'na';
  note: string;
  /** The import that superseded it (history), or null for the current result. */
  supersededBy?: string | null;
}

/** A visit and its results, all of one import; returns the visit's uid. */
export async function putVisit(
  db: Db,
  town: string,
  importUid: string,
  v: VisitRow,
  results: readonly (ResultRow & { importUid?: string })[],
): Promise<string> {
  const uid = rowUid(town, 'inspections', v.date, v.groupId, v.creditCode);
  await db
    .insertInto('inspections')
    .values({
      uid,
      town,
      date: v.date,
      group_id: v.groupId,
      credit_code: v.creditCode,
      name: v.name,
      seq: v.seq,
      inspectors: v.inspectors,
      checked_at: v.checkedAt,
      planned: v.planned,
      import_uid: importUid,
    })
    .execute();
  for (const [ord, r] of results.entries()) {
    const from = r.importUid ?? importUid;
    await db
      .insertInto('results')
      .values({
        uid: rowUid(town, 'results', uid, r.itemId, from),
        town,
        inspection_uid: uid,
        item_id: r.itemId,
        item: r.item,
        result: r.result,
        note: r.note,
        import_uid: from,
        superseded_by_uid: r.supersededBy ?? null,
        ord,
      })
      .execute();
  }
  return uid;
}

export interface FindingRow {
  date: string;
  creditCode: string;
  name: string;
  problem: string;
  source: string;
  status: 'open' | 'closed';
  closedAt: string | null;
}

export async function putFinding(db: Db, town: string, f: FindingRow): Promise<void> {
  await db
    .insertInto('findings')
    .values({
      uid: rowUid(town, 'findings', f.date, f.creditCode, f.problem, f.source),
      town,
      date: f.date,
      credit_code: f.creditCode,
      name: f.name,
      bulletin_name: null,
      problem: f.problem,
      source: f.source,
      import_uid: null,
      status: f.status,
      closed_at: f.closedAt,
      close_note: null,
      closed_by_inspection_uid: null,
    })
    .execute();
}

export async function putClues(db: Db, town: string, clues: readonly Clue[]): Promise<void> {
  for (const c of clues) {
    await db
      .insertInto('clues')
      .values({
        uid: rowUid(town, 'clues', c.id),
        town,
        clue_id: c.id,
        date: fromWallMinute(c.from).date,
        credit_code: c.creditCode,
        kind: c.kind,
        clue: JSON.stringify(c),
      })
      .execute();
  }
}

/**
 * A town's SQLite store as district rows, as a push sends them (localRows, the push's own reading), without the
 * rest of a push (the list, the clues, the towns row): the test puts those itself.
 */
export async function copyStore(db: Db, town: string, storeFile: string): Promise<void> {
  const local = new Database(storeFile, { readonly: true });
  try {
    const rows = localRows(local, town);
    for (const table of STORE_TABLES) {
      const all = rows[table] as Insertable<DistrictDB[typeof table]>[];
      for (let i = 0; i < all.length; i += 500)
        await db
          .insertInto(table)
          .values(all.slice(i, i + 500) as never)
          .execute();
    }
  } finally {
    local.close();
  }
}
