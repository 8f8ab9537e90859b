/**
 * The district database as the store of record (--db / HAZE_DB / haze.yaml db: postgres://…), the town still
 * working offline: the ODK Collect model, one sync path with `haze db push` and `haze db pull`.
 *
 * The town keeps a replica, the workspace's own SQLite store (Workspace.dbFile). Before a command that uses
 * the store, replicaBefore brings it up to date from the district (replicaRows.ts); the command runs on it with
 * the ordinary SQLite engine, as on any town's store; after it, replicaAfter pushes (pushTown) when the command
 * wrote, or when the store held what the district lacked (work done offline). The district out of reach: the
 * command runs on the replica as of the last sync, and what it writes goes at the next command that reaches
 * the district, or at `haze db push`. A refused login, a refused permission or a newer schema stop the
 * command: the setup is wrong, and working on silently would hide it.
 */
import { createHash } from 'node:crypto';
import type { WallTime } from '../core/time.js';
import { CODE, HazeError } from '../errors.js';
import type { TownIdentity, Workspace } from '../io/read/workspace.js';
import { maskUrl, withDistrict } from '../io/store/district/connect.js';
import { localRows } from '../io/store/district/localRows.js';
import { districtTownRows, replicaAhead, storeReplica, type ReplicaOutcome } from '../io/store/district/replicaRows.js';
import { lastSynced, markSynced } from '../io/store/district/replicaStamp.js';
import type { Store } from '../io/store/db.js';
import { pushTown, type PushDone } from './districtSync.js';
import { readStore, writeStore } from './storeDoor.js';
import type { Town } from './town.js';

export type ReplicaWs = Pick<Workspace, 'dbFile' | 'noStore'>;

export type ReplicaBefore =
  | {
      online: true;
      shownUrl: string;
      outcome: ReplicaOutcome;
      /** The store held what the district lacked (written offline, or a conflict): push after, whatever the command does. */
      ahead: boolean;
      mark: string;
    }
  | {
      online: false;
      shownUrl: string;
      /** When the replica was last brought up to date (UTC ISO), or null: never. */
      copyOf: string | null;
      mark: string;
    };

/** What the store holds of what push sends, as one digest: a command that changes it wrote to the store. */
function storeMark(db: Store, town: string): string {
  const evidence = db.prepare('SELECT count(*) AS n, max(id) AS last FROM evidence_imports').get();
  return createHash('sha256')
    .update(JSON.stringify([localRows(db, town), evidence]))
    .digest('hex');
}

const markOf = (ws: ReplicaWs, town: string): string => readStore(ws, (db) => storeMark(db, town), '');

const unreachable = (err: unknown): boolean => err instanceof HazeError && err.code === CODE.HAZE_DISTRICT_UNAVAILABLE;

/** Bring the replica up to date from the district. `at`: now, UTC ISO (the stamp of the copy). */
export async function replicaBefore(ws: ReplicaWs, identity: TownIdentity, url: string, at: string): Promise<ReplicaBefore> {
  try {
    return await withDistrict(url, { migrate: true }, async (d) => {
      const district = await districtTownRows(d.db, identity.code);
      const { outcome, ahead, mark } = writeStore(ws, (db) => {
        const outcome = storeReplica(db, identity.code, district);
        return { outcome, ahead: replicaAhead(localRows(db, identity.code), district), mark: storeMark(db, identity.code) };
      });
      markSynced(ws.dbFile, at);
      return { online: true as const, shownUrl: d.shownUrl, outcome, ahead, mark };
    });
  } catch (err) {
    if (!unreachable(err)) throw err;
    return { online: false, shownUrl: maskUrl(url), copyOf: lastSynced(ws.dbFile), mark: markOf(ws, identity.code) };
  }
}

/** Whether the command that ran after `before` leaves anything to send. */
export function replicaToSend(ws: ReplicaWs, identity: TownIdentity, before: ReplicaBefore): boolean {
  if (!before.online) return false;
  return before.ahead || markOf(ws, identity.code) !== before.mark;
}

export type ReplicaAfter = { sent: PushDone } | { offline: true };

/** Push what the command wrote. The district gone since the command began: sent at the next command. */
export async function replicaAfter(town: Town, identity: TownIdentity, url: string, now: WallTime, startedAt: string): Promise<ReplicaAfter> {
  try {
    return { sent: await pushTown(town, identity, url, now, startedAt) };
  } catch (err) {
    if (!unreachable(err)) throw err;
    return { offline: true };
  }
}
