/**
 * The district's rows of a town brought into the town's SQLite store, its replica: the inverse of localRows.
 * When the district database is the store of record (--db postgres://…), each command first brings the replica
 * up to date with this, then runs on it with the ordinary SQLite engine, then pushes what it wrote (push.ts).
 *
 * Every row the store lacks (by uid, computed as localRows computes it) goes in under a fresh local id, its
 * parents' uids turned into the local ids they have here. The forward moves the district made and the store did
 * not (a result superseded, a visit's inspectors or check time corrected, a finding closed, a plan of record
 * replaced) are made here. Nothing here is ever overwritten: where the store holds a different later state, or a
 * different current version (results_current, plan_of_record_current), the district's row stays out and is
 * counted; the next push lists it in sync_conflicts (or already has). What the store holds and the district
 * lacks stays, for the push after the command.
 *
 * One write transaction: a replica is brought up to date whole or not at all.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../db.js';
import { localRowsWithIds, noRows, STORE_TABLES, type LocalIds, type StoreTable, type TownRows } from './localRows.js';
import type { DistrictDB } from './schema.js';

export interface ReplicaCount {
  /** Rows the store did not have, written now. */
  new: number;
  /** Rows the store had whose later state it gets now. */
  moved: number;
  /** The district's rows or moves that cannot go in: the store holds a different version (or lacks the parent). */
  keptOut: number;
}

export type ReplicaOutcome = Record<StoreTable, ReplicaCount>;

/**
 * The order rows go into the store, which their local ids then follow: the store's readers order by id where
 * the natural key does not (a visit's items in the checklist's order, the groups' routes of a day, the visits
 * of a day as recorded). The district keeps no sequence of its own, so the rows come in the order push wrote
 * them, as PostgreSQL holds them (ctid: a push writes a town's rows in its store's id order, in one statement a
 * chunk). That is the push's order as long as the table's pages are filled in turn; a district whose pages were
 * freed by updates and reused may give another order of the same rows (a sequence column at the district,
 * a migration of its own, would make it exact). Imports, alert events and plans of record go by time, a visit's
 * results by their place in it (ord).
 */
const BY_TIME: Partial<Record<StoreTable, readonly string[]>> = {
  imports: ['imported_at', 'uid'],
  alert_events: ['recorded_at', 'uid'],
  plan_of_record: ['fixed_at', 'uid'],
  // A visit's results in the order it recorded them: ord rises within each visit, so local ids do too.
  results: ['ord', 'uid'],
};

/** Every row the district holds for the town, of every table push sends from the store. */
export async function districtTownRows(db: Kysely<DistrictDB>, town: string): Promise<TownRows> {
  const out = noRows();
  for (const t of STORE_TABLES) {
    let q = db
      .selectFrom(t as 'imports')
      .selectAll()
      .where('town', '=', town);
    const byTime = BY_TIME[t];
    if (byTime) for (const col of byTime) q = q.orderBy(col as 'uid');
    else q = q.orderBy(sql`ctid`);
    const rows = (await q.execute()) as unknown as Record<string, unknown>[];
    for (const r of rows) delete r.pushed_by;
    (out[t] as unknown[]).push(...rows);
  }
  // BIGINT comes back from node-postgres as text.
  for (const p of out.plans) p.seed = Number(p.seed);
  return out;
}

const zero = (): ReplicaCount => ({ new: 0, moved: 0, keptOut: 0 });
const b = (v: boolean | undefined): number => (v ? 1 : 0);

/** Bring the district's rows into the store, in one write transaction. */
export function storeReplica(db: Store, town: string, district: TownRows): ReplicaOutcome {
  return db.transaction(() => replicate(db, town, district)).immediate();
}

function replicate(db: Store, town: string, d: TownRows): ReplicaOutcome {
  const { rows: local, ids } = localRowsWithIds(db, town);
  const out = Object.fromEntries(STORE_TABLES.map((t) => [t, zero()])) as ReplicaOutcome;
  const byUid = <R extends { uid: string }>(rows: readonly R[]) => new Map(rows.map((r) => [r.uid, r]));
  const idOf = (table: keyof LocalIds, uid: string | null | undefined): number | null | undefined => (uid ? ids[table].get(uid) : null);
  const put = (table: keyof LocalIds, uid: string, id: number | bigint) => ids[table].set(uid, Number(id));

  const addImport = db.prepare(
    'INSERT INTO imports (kind, file_name, sha256, imported_at, rows, replace, fingerprint) VALUES (@kind, @file_name, @sha256, @imported_at, @rows, @replace, @fingerprint)',
  );
  for (const r of d.imports) {
    if (ids.imports.has(r.uid)) continue;
    put('imports', r.uid, addImport.run({ ...r, replace: b(r.replace), fingerprint: r.fingerprint ?? null }).lastInsertRowid);
    out.imports.new++;
  }

  const addEvent = db.prepare(
    'INSERT INTO alert_events (kind, level, at, until, doc, note, recorded_at) VALUES (@kind, @level, @at, @until, @doc, @note, @recorded_at)',
  );
  for (const r of d.alert_events) {
    if (ids.alert_events.has(r.uid)) continue;
    put(
      'alert_events',
      r.uid,
      addEvent.run({ ...r, level: r.level ?? null, until: r.until ?? null, doc: r.doc ?? null, note: r.note ?? null }).lastInsertRowid,
    );
    out.alert_events.new++;
  }

  // Inspections: new visits in; a visit whose inspectors or check time the district corrected is corrected here,
  // when the store's values are among the district's earlier ones (inspection_versions).
  const addVisit = db.prepare(
    'INSERT INTO inspections (date, group_id, credit_code, name, seq, inspectors, checked_at, planned, import_id) VALUES (@date, @group_id, @credit_code, @name, @seq, @inspectors, @checked_at, @planned, @import_id)',
  );
  const correctVisit = db.prepare('UPDATE inspections SET inspectors = ?, checked_at = ? WHERE id = ?');
  const localVisits = byUid(local.inspections);
  const sameVisit = (a: { inspectors: string; checked_at?: string | null }, z: { inspectors: string; checked_at?: string | null }) =>
    a.inspectors === z.inspectors && (a.checked_at ?? null) === (z.checked_at ?? null);
  for (const r of d.inspections) {
    const here = localVisits.get(r.uid);
    if (here) {
      if (sameVisit(here, r)) continue;
      const districtEarlier = d.inspection_versions.filter((v) => v.inspection_uid === r.uid);
      const storeEarlier = local.inspection_versions.filter((v) => v.inspection_uid === r.uid);
      if (districtEarlier.some((v) => sameVisit(v, here))) {
        correctVisit.run(r.inspectors, r.checked_at ?? null, ids.inspections.get(r.uid));
        out.inspections.moved++;
      } else if (!storeEarlier.some((v) => sameVisit(v, r))) out.inspections.keptOut++;
      continue;
    }
    const importId = idOf('imports', r.import_uid);
    if (importId == null) {
      out.inspections.keptOut++;
      continue;
    }
    put(
      'inspections',
      r.uid,
      addVisit.run({ ...r, seq: r.seq ?? null, checked_at: r.checked_at ?? null, planned: b(r.planned), import_id: importId }).lastInsertRowid,
    );
    out.inspections.new++;
  }

  const addVersion = db.prepare('INSERT INTO inspection_versions (inspection_id, inspectors, checked_at, superseded_by) VALUES (?, ?, ?, ?)');
  for (const r of d.inspection_versions) {
    if (ids.inspection_versions.has(r.uid)) continue;
    const visit = idOf('inspections', r.inspection_uid);
    const by = idOf('imports', r.superseded_by_uid);
    if (visit == null || by == null) {
      out.inspection_versions.keptOut++;
      continue;
    }
    put('inspection_versions', r.uid, addVersion.run(visit, r.inspectors, r.checked_at ?? null, by).lastInsertRowid);
    out.inspection_versions.new++;
  }

  // Results: supersede first (a correction's new current row needs the old one retired), then the new rows; a
  // current row where the store holds another current one for the item (results_current) stays out.
  const localResults = byUid(local.results);
  const supersede = db.prepare('UPDATE results SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL');
  for (const r of d.results) {
    const here = localResults.get(r.uid);
    if (!here || !r.superseded_by_uid || here.superseded_by_uid === r.superseded_by_uid) continue;
    const by = idOf('imports', r.superseded_by_uid);
    if (here.superseded_by_uid || by == null) {
      out.results.keptOut++;
      continue;
    }
    supersede.run(by, ids.results.get(r.uid));
    out.results.moved++;
  }
  const addResult = db.prepare(
    'INSERT INTO results (inspection_id, item_id, item, result, note, import_id, superseded_by) VALUES (@inspection_id, @item_id, @item, @result, @note, @import_id, @superseded_by)',
  );
  const currentHeld = db.prepare('SELECT 1 FROM results WHERE inspection_id = ? AND item_id = ? AND superseded_by IS NULL');
  for (const r of d.results) {
    if (localResults.has(r.uid)) continue;
    const visit = idOf('inspections', r.inspection_uid);
    const from = idOf('imports', r.import_uid);
    const by = idOf('imports', r.superseded_by_uid);
    if (visit == null || from == null || by === undefined || (by === null && currentHeld.get(visit, r.item_id))) {
      out.results.keptOut++;
      continue;
    }
    put('results', r.uid, addResult.run({ ...r, note: r.note ?? '', inspection_id: visit, import_id: from, superseded_by: by }).lastInsertRowid);
    out.results.new++;
  }

  // Findings: new ones in; one the district closed is closed here (one closed here and open there: the town is ahead).
  const localFindings = byUid(local.findings);
  const closeFinding = db.prepare(
    "UPDATE findings SET status = 'closed', closed_at = ?, close_note = ?, closed_by_inspection = ? WHERE id = ? AND status = 'open'",
  );
  const addFinding = db.prepare(
    'INSERT INTO findings (date, credit_code, name, bulletin_name, problem, source, import_id, status, closed_at, close_note, closed_by_inspection) VALUES (@date, @credit_code, @name, @bulletin_name, @problem, @source, @import_id, @status, @closed_at, @close_note, @closed_by_inspection)',
  );
  for (const r of d.findings) {
    const by = idOf('inspections', r.closed_by_inspection_uid);
    const here = localFindings.get(r.uid);
    if (here) {
      if (r.status !== 'closed') continue;
      if (here.status === 'open') {
        closeFinding.run(r.closed_at ?? null, r.close_note ?? null, by ?? null, ids.findings.get(r.uid));
        out.findings.moved++;
      } else if (
        (here.closed_at ?? null) !== (r.closed_at ?? null) ||
        (here.close_note ?? null) !== (r.close_note ?? null) ||
        (here.closed_by_inspection_uid ?? null) !== (r.closed_by_inspection_uid ?? null)
      )
        out.findings.keptOut++;
      continue;
    }
    const importId = idOf('imports', r.import_uid);
    if (importId === undefined || by === undefined) {
      out.findings.keptOut++;
      continue;
    }
    put(
      'findings',
      r.uid,
      addFinding.run({
        ...r,
        bulletin_name: r.bulletin_name ?? null,
        import_id: importId,
        status: r.status ?? 'open',
        closed_at: r.closed_at ?? null,
        close_note: r.close_note ?? null,
        closed_by_inspection: by,
      }).lastInsertRowid,
    );
    out.findings.new++;
  }

  const addPlan = db.prepare(
    'INSERT INTO plans (created_at, start_date, days, level, shift, seed, inputs, basis) VALUES (@created_at, @start_date, @days, @level, @shift, @seed, @inputs, @basis)',
  );
  for (const r of d.plans) {
    if (ids.plans.has(r.uid)) continue;
    put('plans', r.uid, addPlan.run({ ...r, basis: r.basis ?? null }).lastInsertRowid);
    out.plans.new++;
  }
  const heldVisits = new Set(local.planned_visits.map((r) => r.uid));
  const addPlannedVisit = db.prepare(
    'INSERT INTO planned_visits (plan_id, date, group_id, seq, credit_code, arrive, depart, action, reason, leg_km) VALUES (@plan_id, @date, @group_id, @seq, @credit_code, @arrive, @depart, @action, @reason, @leg_km)',
  );
  for (const r of d.planned_visits) {
    if (heldVisits.has(r.uid)) continue;
    const plan = idOf('plans', r.plan_uid);
    if (plan == null) {
      out.planned_visits.keptOut++;
      continue;
    }
    addPlannedVisit.run({ ...r, plan_id: plan, leg_km: r.leg_km ?? null });
    out.planned_visits.new++;
  }
  const heldRoutes = new Set(local.planned_routes.map((r) => r.uid));
  const addRoute = db.prepare(
    'INSERT INTO planned_routes (plan_id, date, group_id, total_km, return_at) VALUES (@plan_id, @date, @group_id, @total_km, @return_at)',
  );
  for (const r of d.planned_routes) {
    if (heldRoutes.has(r.uid)) continue;
    const plan = idOf('plans', r.plan_uid);
    if (plan == null) {
      out.planned_routes.keptOut++;
      continue;
    }
    addRoute.run({ ...r, plan_id: plan });
    out.planned_routes.new++;
  }

  replicateRecords(db, local, d, ids, out.plan_of_record);
  return out;
}

/**
 * Plans of record: the replaced ones in first (plan_of_record_current does not bind them), then the store's
 * current records the district replaced retired, then the district's current ones, each where the store holds no
 * other current record for its day and shift; last, every replaced_by pointed at the local id of its record.
 */
function replicateRecords(db: Store, local: TownRows, d: TownRows, ids: LocalIds, count: ReplicaCount): void {
  const localRecords = new Map(local.plan_of_record.map((r) => [r.uid, r]));
  const addRecord = db.prepare(
    'INSERT INTO plan_of_record (date, shift, plan_id, fixed_at, fixed_by, replaced_by, replaced_at) VALUES (@date, @shift, @plan_id, @fixed_at, @fixed_by, NULL, @replaced_at)',
  );
  const retire = db.prepare('UPDATE plan_of_record SET replaced_at = ? WHERE id = ? AND replaced_at IS NULL');
  const currentHeld = db.prepare('SELECT 1 FROM plan_of_record WHERE date = ? AND shift = ? AND replaced_at IS NULL');
  const pointed: { id: number; to: string }[] = [];
  const add = (r: TownRows['plan_of_record'][number]) => {
    const plan = ids.plans.get(r.plan_uid);
    if (plan === undefined || (!r.replaced_at && currentHeld.get(r.date, r.shift))) {
      count.keptOut++;
      return;
    }
    const id = Number(addRecord.run({ ...r, plan_id: plan, replaced_at: r.replaced_at ?? null }).lastInsertRowid);
    ids.plan_of_record.set(r.uid, id);
    if (r.replaced_by_uid) pointed.push({ id, to: r.replaced_by_uid });
    count.new++;
  };
  for (const r of d.plan_of_record) if (r.replaced_at && !localRecords.has(r.uid)) add(r);
  for (const r of d.plan_of_record) {
    const here = localRecords.get(r.uid);
    if (!here || !r.replaced_at || (here.replaced_at ?? null) === r.replaced_at) continue;
    if (here.replaced_at) {
      count.keptOut++;
      continue;
    }
    retire.run(r.replaced_at, ids.plan_of_record.get(r.uid));
    if (r.replaced_by_uid) pointed.push({ id: ids.plan_of_record.get(r.uid)!, to: r.replaced_by_uid });
    count.moved++;
  }
  for (const r of d.plan_of_record) if (!r.replaced_at && !localRecords.has(r.uid)) add(r);
  const point = db.prepare('UPDATE plan_of_record SET replaced_by = ? WHERE id = ?');
  // A record whose successor stayed out (a conflict) keeps replaced_by empty: its replaced_at still says when.
  for (const p of pointed) {
    const to = ids.plan_of_record.get(p.to);
    if (to !== undefined) point.run(to, p.id);
  }
}

/** A row the same in both: every column the store's row has (the district's may carry more, e.g. town). */
const sameRow = (here: Record<string, unknown>, there: Record<string, unknown>): boolean =>
  Object.keys(here).every((k) => (here[k] ?? null) === (there[k] ?? null));

/**
 * Whether the store holds what the district does not: a row it lacks, or a row in another state (a move it
 * lacks, or a conflict, which the next push lists). After a command run offline, this is what the next
 * command sends.
 */
export function replicaAhead(local: TownRows, district: TownRows): boolean {
  return STORE_TABLES.some((t) => {
    const there = new Map((district[t] as { uid: string }[]).map((r) => [r.uid, r as Record<string, unknown>]));
    return (local[t] as { uid: string }[]).some((r) => {
      const d = there.get(r.uid);
      return !d || !sameRow(r as Record<string, unknown>, d);
    });
  });
}
