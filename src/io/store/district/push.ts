/**
 * Sending a town's rows to the district (the design: schema.ts's header). One transaction: a push killed
 * halfway leaves nothing, and the next one sends it all. Every row goes in by its uid with ON CONFLICT DO
 * NOTHING, so what the district already holds is counted "already there" and a second push sends nothing.
 * Then the forward moves (a result superseded, a visit's inspectors or check time corrected, a finding closed,
 * a plan of record replaced): applied where the district has not made them yet; where the district holds a
 * different move, a sync_conflicts row keeps both versions and nothing is overwritten.
 *
 * The town's own row is written first and locks it: pushes of one town (two PCs, a push run twice at once)
 * take turns, and never deadlock on each other's rows.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Clue } from '../../../core/evidence/model.js';
import { fromWallMinute } from '../../../core/time.js';
import type { TownIdentity } from '../../read/workspace.js';
import { STORE_TABLES, type TownRows } from './localRows.js';
import { rowUid, type CluesTable, type DistrictDB } from './schema.js';

/** PostgreSQL's limit on a statement's bind parameters (a 16-bit count in the protocol). */
export const MAX_PARAMETERS = 65535;
/** uids per `uid IN (…)` read: well under the limit, small enough for the planner. */
const UIDS_PER_READ = 5000;

export const PUSH_TABLES = [...STORE_TABLES, 'clues'] as const;
export type PushTable = (typeof PUSH_TABLES)[number];

export interface TableCount {
  /** Rows the district did not have, written now. */
  new: number;
  /** Rows the district had already (by uid). */
  already: number;
  /** Of `already`, the rows whose later state (superseded, corrected, closed, replaced) the district gets now. */
  moved: number;
  /** Of `already`, the rows the district holds with a different later state: kept both ways, in sync_conflicts. */
  conflicts: number;
}

export interface PushOutcome {
  tables: Record<PushTable, TableCount>;
  /** The town's list (town_lists): first sent, sent again because it changed, or the same as the district's. */
  list: 'new' | 'replaced' | 'same';
  /** Of the conflicts, the ones sync_conflicts did not list yet. */
  conflictsRecorded: number;
  /** When the town's previous push finished (ms since the epoch); null for its first. */
  lastPushAt: number | null;
}

export interface PushRequest {
  town: TownIdentity;
  rows: TownRows;
  /** The town's list as its report reads it (workflow/townSnapshot.ts), stored whole as JSON. */
  snapshot: { listSha: string };
  clues: readonly Clue[];
  /** When the push began, UTC ISO 8601 (pushes.started_at). */
  startedAt: string;
}

type Trx = Transaction<DistrictDB>;
type Version = Record<string, unknown>;
interface Found {
  tbl: PushTable;
  uid: string;
  subject: string;
  district: Version;
  town: Version;
}

const zero = (): TableCount => ({ new: 0, already: 0, moved: 0, conflicts: 0 });
const chunks = <T>(xs: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
};

/** The clues as district rows: keyed by the clue's stable id, dated by the day its window starts. */
export function clueRows(town: string, clues: readonly Clue[]): Insertable<CluesTable>[] {
  return clues.map((c) => ({
    uid: rowUid(town, 'clues', c.id),
    town,
    clue_id: c.id,
    date: fromWallMinute(c.from).date,
    credit_code: c.creditCode,
    kind: c.kind,
    clue: JSON.stringify(c),
  }));
}

export async function pushRows(db: Kysely<DistrictDB>, req: PushRequest): Promise<PushOutcome> {
  const code = req.town.code;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('towns')
      .values({ code, name: req.town.name, district_code: req.town.districtCode, district_name: req.town.districtName })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          district_code: eb.ref('excluded.district_code'),
          district_name: eb.ref('excluded.district_name'),
          last_push_at: new Date().toISOString(),
        })),
      )
      .execute();

    const last = await trx.selectFrom('pushes').select('finished_at').where('town', '=', code).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
    const lastPushAt = last ? new Date(last.finished_at).getTime() : null;
    const tables = Object.fromEntries(PUSH_TABLES.map((t) => [t, zero()])) as Record<PushTable, TableCount>;
    const sending: Record<PushTable, readonly { uid: string }[]> = { ...req.rows, clues: clueRows(code, req.clues) };
    for (const t of PUSH_TABLES) {
      const rows = sending[t];
      const added = await insertNew(trx, t, rows);
      tables[t].new = added;
      tables[t].already = rows.length - added;
    }

    const found = await forwardMoves(trx, req.rows, tables);
    let conflictsRecorded = 0;
    for (const f of found) {
      tables[f.tbl].conflicts++;
      const r = await trx
        .insertInto('sync_conflicts')
        .values({ town: code, tbl: f.tbl, uid: f.uid, subject: f.subject, district_version: JSON.stringify(f.district), town_version: JSON.stringify(f.town) })
        // The same conflict found again (sync_conflicts_once) is the one already listed.
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      conflictsRecorded += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }

    const list = await sendList(trx, code, req.snapshot, req.startedAt);
    await trx
      .insertInto('pushes')
      .values({ town: code, started_at: req.startedAt, finished_at: new Date().toISOString(), counts: JSON.stringify({ tables, list, conflictsRecorded }) })
      .execute();
    return { tables, list, conflictsRecorded, lastPushAt };
  });
}

/** Multi-row inserts, as many rows a statement as the parameter limit allows; the count actually written. */
async function insertNew(trx: Trx, table: PushTable, rows: readonly { uid: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const perRow = Object.keys(rows[0]!).length;
  let added = 0;
  for (const chunk of chunks(rows, Math.max(1, Math.floor(MAX_PARAMETERS / perRow)))) {
    const r = await trx
      .insertInto(table)
      .values(chunk as never)
      .onConflict((oc) => oc.column('uid').doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

/** The town's list, replaced whole when its content (list_sha) changed. */
async function sendList(trx: Trx, town: string, snapshot: { listSha: string }, at: string): Promise<PushOutcome['list']> {
  const held = await trx.selectFrom('town_lists').select('list_sha').where('town', '=', town).executeTakeFirst();
  if (held?.list_sha === snapshot.listSha) return 'same';
  const row = { town, list_sha: snapshot.listSha, pushed_at: at, snapshot: JSON.stringify(snapshot) };
  if (held) await trx.updateTable('town_lists').set(row).where('town', '=', town).execute();
  else await trx.insertInto('town_lists').values(row).execute();
  return held ? 'replaced' : 'new';
}

/** The district's rows of `table` among `uids`, by uid. */
async function districtRows<T extends 'results' | 'inspections' | 'findings' | 'plan_of_record'>(
  trx: Trx,
  table: T,
  uids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const part of chunks(uids, UIDS_PER_READ)) {
    const rows = (await trx
      .selectFrom(table as 'results')
      .selectAll()
      .where('uid', 'in', part)
      .execute()) as unknown as Record<string, unknown>[];
    for (const r of rows) out.set(r.uid as string, r);
  }
  return out;
}

const pick = (row: Record<string, unknown>, cols: readonly string[]): Version => Object.fromEntries(cols.map((c) => [c, row[c] ?? null]));
const same = (a: Version, b: Version): boolean => Object.keys(a).every((k) => a[k] === b[k]);

/**
 * Each row whose later state the town holds: applied where the district has none (the UPDATE says so again in
 * its WHERE, so a move is never made over another), a conflict where the district has a different one.
 */
async function forwardMoves(trx: Trx, rows: TownRows, tables: Record<PushTable, TableCount>): Promise<Found[]> {
  const found: Found[] = [];
  const visit = new Map(rows.inspections.map((i) => [i.uid, i]));
  const visitWords = (uid: string) => {
    const v = visit.get(uid);
    return v ? `${v.date} 第${v.group_id}组 ${v.name}` : uid;
  };

  // Results: superseded by a --replace import.
  const superseded = rows.results.filter((r) => r.superseded_by_uid);
  const heldResults = await districtRows(
    trx,
    'results',
    superseded.map((r) => r.uid),
  );
  for (const r of superseded) {
    const d = heldResults.get(r.uid)!;
    if (d.superseded_by_uid === r.superseded_by_uid) continue;
    if (d.superseded_by_uid === null) {
      const u = await trx
        .updateTable('results')
        .set({ superseded_by_uid: r.superseded_by_uid! })
        .where('uid', '=', r.uid)
        .where('superseded_by_uid', 'is', null)
        .executeTakeFirst();
      tables.results.moved += Number(u.numUpdatedRows);
    } else {
      const cols = ['superseded_by_uid', 'result', 'note'];
      found.push({ tbl: 'results', uid: r.uid, subject: `${visitWords(r.inspection_uid)} item ${r.item_id}`, district: pick(d, cols), town: pick(r, cols) });
    }
  }

  // Inspections: inspectors and check time corrected, the earlier values kept in inspection_versions.
  const cols = ['inspectors', 'checked_at'] as const;
  const heldVisits = await districtRows(
    trx,
    'inspections',
    rows.inspections.map((i) => i.uid),
  );
  const townVersions = new Map<string, Version[]>();
  for (const v of rows.inspection_versions) townVersions.set(v.inspection_uid, [...(townVersions.get(v.inspection_uid) ?? []), pick(v, cols)]);
  for (const i of rows.inspections) {
    const d = pick(heldVisits.get(i.uid)!, cols);
    const t = pick(i, cols);
    if (same(d, t)) continue;
    // The district holds a value the town has since corrected: the town is ahead.
    if ((townVersions.get(i.uid) ?? []).some((v) => same(v, d))) {
      const u = await trx
        .updateTable('inspections')
        .set({ inspectors: i.inspectors, checked_at: i.checked_at ?? null })
        .where('uid', '=', i.uid)
        .where('inspectors', '=', d.inspectors as string)
        .where('checked_at', 'is not distinct from', (d.checked_at as string | null) ?? null)
        .executeTakeFirst();
      tables.inspections.moved += Number(u.numUpdatedRows);
      continue;
    }
    // The town holds a value the district has since corrected: the district is ahead, nothing to send.
    const districtVersions = await trx.selectFrom('inspection_versions').select(['inspectors', 'checked_at']).where('inspection_uid', '=', i.uid).execute();
    if (districtVersions.some((v) => same(pick(v, cols), t))) continue;
    found.push({ tbl: 'inspections', uid: i.uid, subject: `${visitWords(i.uid)} inspectors/checked_at`, district: d, town: t });
  }

  // Findings: closed by a clean inspection or by hand.
  const closing = ['status', 'closed_at', 'close_note', 'closed_by_inspection_uid'] as const;
  const closed = rows.findings.filter((f) => f.status === 'closed');
  const heldFindings = await districtRows(
    trx,
    'findings',
    closed.map((f) => f.uid),
  );
  for (const f of closed) {
    const d = pick(heldFindings.get(f.uid)!, closing);
    const t = pick(f, closing);
    if (same(d, t)) continue;
    if (d.status === 'open') {
      const u = await trx
        .updateTable('findings')
        .set({
          status: 'closed',
          closed_at: f.closed_at ?? null,
          close_note: f.close_note ?? null,
          closed_by_inspection_uid: f.closed_by_inspection_uid ?? null,
        })
        .where('uid', '=', f.uid)
        .where('status', '=', 'open')
        .executeTakeFirst();
      tables.findings.moved += Number(u.numUpdatedRows);
    } else {
      found.push({ tbl: 'findings', uid: f.uid, subject: `${f.date} ${f.name || f.credit_code} finding ${f.problem}`, district: d, town: t });
    }
  }

  // Plans of record: replaced by a replan.
  const replacing = ['replaced_by_uid', 'replaced_at'] as const;
  const replaced = rows.plan_of_record.filter((r) => r.replaced_at);
  const heldRecords = await districtRows(
    trx,
    'plan_of_record',
    replaced.map((r) => r.uid),
  );
  for (const r of replaced) {
    const d = pick(heldRecords.get(r.uid)!, replacing);
    const t = pick(r, replacing);
    if (same(d, t)) continue;
    if (d.replaced_at === null) {
      const u = await trx
        .updateTable('plan_of_record')
        .set({ replaced_by_uid: r.replaced_by_uid ?? null, replaced_at: r.replaced_at ?? null })
        .where('uid', '=', r.uid)
        .where('replaced_at', 'is', null)
        .executeTakeFirst();
      tables.plan_of_record.moved += Number(u.numUpdatedRows);
    } else {
      found.push({ tbl: 'plan_of_record', uid: r.uid, subject: `${r.date} ${r.shift === 'night' ? '夜间' : '白天'} plan of record`, district: d, town: t });
    }
  }
  return found;
}
