/**
 * District rows for the views' tests, written straight into the district tables (not through a push): a town,
 * its list (a TownSnapshot), and its facts, each row keyed by the uid rowUid gives from its natural key and
 * pointing at its parents by uid. `copyStore` writes a town's SQLite store as district rows the same way, so a
 * test can put the district's view of a town beside the town's own report of the same rows.
 */
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Clue } from '../../src/core/evidence/model.js';
import { fromWallMinute } from '../../src/core/time.js';
import type { TownIdentity } from '../../src/io/read/workspace.js';
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

export interface VisitRow {
  date: string;
  groupId: string;
  creditCode: string;
  name: string;
  seq: number | null;
  inspectors: string;
  checkedAt: string | null;
  planned: boolean;
}

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
  for (const r of results) {
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
 * A town's SQLite store as district rows: alerts, imports, visits with every result (current and superseded),
 * findings, plans with their visits and routes, and the plans of record (replaced ones too).
 */
export async function copyStore(db: Db, town: string, storeFile: string): Promise<void> {
  const local = new Database(storeFile, { readonly: true });
  try {
    const all = <T>(q: string) => local.prepare(q).all() as T[];
    for (const e of all<{
      kind: AlertRow['kind'];
      level: AlertRow['level'];
      at: string;
      until: string | null;
      doc: string | null;
      note: string | null;
      recorded_at: string;
    }>('SELECT * FROM alert_events ORDER BY id'))
      await putAlert(db, town, { ...e, recordedAt: e.recorded_at });

    const imports = new Map<number, string>();
    for (const m of all<{ id: number; kind: 'results' | 'findings'; file_name: string; imported_at: string; rows: number; replace: number }>(
      'SELECT * FROM imports ORDER BY id',
    ))
      imports.set(m.id, await putImport(db, town, m.kind, `${m.file_name}#${m.id}`, m.imported_at, m.rows, m.replace === 1));

    const visits = all<{
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
    }>('SELECT * FROM inspections ORDER BY id');
    const results = all<{
      inspection_id: number;
      item_id: string;
      item: string;
      result: ResultRow['result'];
      note: string;
      import_id: number;
      superseded_by: number | null;
    }>('SELECT * FROM results ORDER BY id');
    for (const v of visits) {
      await putVisit(
        db,
        town,
        imports.get(v.import_id)!,
        {
          date: v.date,
          groupId: v.group_id,
          creditCode: v.credit_code,
          name: v.name,
          seq: v.seq,
          inspectors: v.inspectors,
          checkedAt: v.checked_at,
          planned: v.planned === 1,
        },
        results
          .filter((r) => r.inspection_id === v.id)
          .map((r) => ({
            itemId: r.item_id,
            item: r.item,
            result: r.result,
            note: r.note,
            importUid: imports.get(r.import_id)!,
            supersededBy: r.superseded_by === null ? null : imports.get(r.superseded_by)!,
          })),
      );
    }

    for (const f of all<FindingRow & { credit_code: string; closed_at: string | null }>('SELECT * FROM findings ORDER BY id'))
      await putFinding(db, town, { ...f, creditCode: f.credit_code, closedAt: f.closed_at });

    const plans = new Map<number, string>();
    for (const p of all<{
      id: number;
      created_at: string;
      start_date: string;
      days: number;
      level: 'yellow' | 'orange' | 'red';
      shift: 'day' | 'night';
      seed: number;
      inputs: string;
      basis: string | null;
    }>('SELECT * FROM plans ORDER BY id')) {
      const uid = rowUid(town, 'plans', p.start_date, p.days, p.level, p.shift, p.seed, p.inputs);
      plans.set(p.id, uid);
      const { id: _id, ...row } = p;
      await db
        .insertInto('plans')
        .values({ uid, town, ...row })
        .execute();
    }
    for (const v of all<{
      plan_id: number;
      date: string;
      group_id: string;
      seq: number;
      credit_code: string;
      arrive: string;
      depart: string;
      action: string;
      reason: string;
      leg_km: number | null;
    }>('SELECT * FROM planned_visits')) {
      const { plan_id, ...row } = v;
      const plan_uid = plans.get(plan_id)!;
      await db
        .insertInto('planned_visits')
        .values({ uid: rowUid(town, 'planned_visits', plan_uid, v.date, v.group_id, v.seq), town, plan_uid, ...row })
        .execute();
    }
    for (const r of all<{ plan_id: number; date: string; group_id: string; total_km: number; return_at: string }>('SELECT * FROM planned_routes')) {
      const { plan_id, ...row } = r;
      const plan_uid = plans.get(plan_id)!;
      await db
        .insertInto('planned_routes')
        .values({ uid: rowUid(town, 'planned_routes', plan_uid, r.date, r.group_id), town, plan_uid, ...row })
        .execute();
    }
    const records = all<{
      id: number;
      date: string;
      shift: 'day' | 'night';
      plan_id: number;
      fixed_at: string;
      fixed_by: 'plan' | 'checklist' | 'save' | 'replan' | 'record';
      replaced_by: number | null;
      replaced_at: string | null;
    }>('SELECT * FROM plan_of_record ORDER BY id');
    const recordUid = (r: (typeof records)[number]) => rowUid(town, 'plan_of_record', r.date, r.shift, r.fixed_at);
    // Successors first: a replaced record points at the one that replaced it.
    for (const r of [...records].reverse()) {
      const next = r.replaced_by === null ? undefined : records.find((x) => x.id === r.replaced_by);
      await db
        .insertInto('plan_of_record')
        .values({
          uid: recordUid(r),
          town,
          date: r.date,
          shift: r.shift,
          plan_uid: plans.get(r.plan_id)!,
          fixed_at: r.fixed_at,
          fixed_by: r.fixed_by,
          replaced_by_uid: next ? recordUid(next) : null,
          replaced_at: r.replaced_at,
        })
        .execute();
    }
  } finally {
    local.close();
  }
}
