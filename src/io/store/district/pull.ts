/**
 * Bringing down what the district holds for a town and the town's store lacks: findings (the district's or the
 * province's, entered at the district) and alert events (the district's decisions). Matched by uid, as push
 * matches: a row the store already has (it computes the same uid from the same natural key) is not brought
 * again, so a second pull brings nothing. Written locally through the store's own paths (findings.ts,
 * alerts.ts), in one transaction, so `haze findings list` and `haze alert status` see them as if recorded here.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseWallTime } from '../../../core/time.js';
import { appendAlertEvent } from '../alerts.js';
import type { Store } from '../db.js';
import { closeFinding, importFindings } from '../findings.js';
import { alertEventUid, findingUid } from './localRows.js';
import type { AlertEventsTable, DistrictDB, FindingsTable, ImportsTable } from './schema.js';

type Held<T> = Omit<T, 'pushed_by'>;

export interface Pulled {
  findings: Held<FindingsTable>[];
  alertEvents: Held<AlertEventsTable>[];
  /** The district's imports the findings came with (by uid), so the store's import says which file it was. */
  imports: Map<string, Pick<ImportsTable, 'file_name' | 'sha256' | 'imported_at'>>;
}

export interface PullOutcome {
  findings: number;
  alertEvents: number;
}

/** The uids the store holds of the tables pull brings: what not to bring again. */
export function storeUids(db: Store, town: string): { findings: Set<string>; alertEvents: Set<string> } {
  const findings = db.prepare('SELECT date, credit_code, problem, source FROM findings').all() as Parameters<typeof findingUid>[1][];
  const events = db.prepare('SELECT kind, level, at, recorded_at FROM alert_events').all() as Parameters<typeof alertEventUid>[1][];
  return { findings: new Set(findings.map((f) => findingUid(town, f))), alertEvents: new Set(events.map((e) => alertEventUid(town, e))) };
}

/** What the district holds for the town that the store does not. */
export async function districtHolds(db: Kysely<DistrictDB>, town: string, known: ReturnType<typeof storeUids>): Promise<Pulled> {
  const findings = (
    await db
      .selectFrom('findings')
      .select([
        'uid',
        'town',
        'date',
        'credit_code',
        'name',
        'bulletin_name',
        'problem',
        'source',
        'import_uid',
        'status',
        'closed_at',
        'close_note',
        'closed_by_inspection_uid',
      ])
      .where('town', '=', town)
      .orderBy('date')
      .orderBy('uid')
      .execute()
  ).filter((f) => !known.findings.has(f.uid));
  const alertEvents = (
    await db
      .selectFrom('alert_events')
      .select(['uid', 'town', 'kind', 'level', 'at', 'until', 'doc', 'note', 'recorded_at'])
      .where('town', '=', town)
      .orderBy('at')
      .orderBy('recorded_at')
      .execute()
  ).filter((e) => !known.alertEvents.has(e.uid));
  const importUids = [...new Set(findings.flatMap((f) => (f.import_uid ? [f.import_uid] : [])))];
  const imports = new Map<string, Pick<ImportsTable, 'file_name' | 'sha256' | 'imported_at'>>();
  if (importUids.length > 0) {
    for (const i of await db.selectFrom('imports').select(['uid', 'file_name', 'sha256', 'imported_at']).where('uid', 'in', importUids).execute()) {
      imports.set(i.uid, i);
    }
  }
  return { findings, alertEvents, imports };
}

/** Write what was pulled into the store, all of it or none. `at`: now, UTC ISO (the import of findings with no file). */
export function storePulled(db: Store, pulled: Pulled, at: string): PullOutcome {
  return db
    .transaction((): PullOutcome => {
      let alertEvents = 0;
      for (const e of pulled.alertEvents) {
        const when = parseWallTime(e.at);
        if (!when) continue;
        const until = e.until ? parseWallTime(e.until) : null;
        // The district's decision stands as it was made: the store's sequence check is the town's own entries'.
        appendAlertEvent(db, { kind: e.kind, level: e.level, at: when, until, doc: e.doc, note: e.note }, e.recorded_at, () => undefined);
        alertEvents++;
      }

      // One store import per district import (its file's name and bytes); findings entered with no file, one together.
      const byImport = new Map<string | null, Held<FindingsTable>[]>();
      for (const f of pulled.findings) byImport.set(f.import_uid, [...(byImport.get(f.import_uid) ?? []), f]);
      let findings = 0;
      for (const [importUid, group] of byImport) {
        const held = importUid ? pulled.imports.get(importUid) : undefined;
        const bring = (fileName: string, sha256: string, importedAt: string) =>
          importFindings(db, {
            fileName,
            sha256,
            importedAt,
            findings: group.map((f) => ({
              date: f.date,
              creditCode: f.credit_code,
              name: f.name,
              bulletinName: f.bulletin_name,
              problem: f.problem,
              source: f.source,
              row: undefined,
            })),
          });
        // A file the store imported already, or none: the import is named by what it brings, from the district.
        const own = () =>
          bring(
            '区级数据库 / district database',
            createHash('sha256')
              .update(group.map((f) => f.uid).join('\n'))
              .digest('hex'),
            at,
          );
        const outcome = held ? bring(held.file_name, held.sha256, held.imported_at) : own();
        const done = outcome.kind === 'done' ? outcome : own();
        if (done.kind === 'done') findings += done.added;
      }
      // A finding the district closed is closed here too (one the store's own rule closed on the way stays so).
      const find = db.prepare("SELECT id FROM findings WHERE date = ? AND credit_code = ? AND problem = ? AND source = ? AND status = 'open'");
      for (const f of pulled.findings) {
        if (f.status !== 'closed') continue;
        const local = find.get(f.date, f.credit_code, f.problem, f.source) as { id: number } | undefined;
        if (local) closeFinding(db, local.id, f.close_note ?? '', f.closed_at ?? f.date);
      }
      return { findings, alertEvents };
    })
    .immediate();
}
