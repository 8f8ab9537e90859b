/**
 * The one door to a workspace's store: open, use, close — the store is always closed again, whatever
 * happens inside. Reading a store that does not exist gives the caller's fallback (read-only commands never
 * create one); the embedded sample town without a store is left without one (printing a plan does not litter).
 *
 * A town's store is always a file (SQLite, haze.db). When the store is given as the district's database
 * (postgres://… in --db, HAZE_DB or haze.yaml db:), the file is the town's replica of it, brought up to date
 * before the command and sent after it by the CLI (src/cli/replica.ts, workflow/replica.ts): this door, and
 * everything behind it, works on the file either way.
 */
import { existsSync } from 'node:fs';
import { isStoreFault, openStore, storeError, type Store } from '../io/store/db.js';
import type { Workspace } from '../io/read/workspace.js';

type StoreOf = Pick<Workspace, 'dbFile' | 'noStore'>;

/** Stores held open by a long-running process (haze serve), by file: every use goes through the one connection. */
const held = new Map<string, Store>();

/**
 * Keep the workspace's store open until the returned function is called: a server answering many requests a
 * second would otherwise open it, set it up and close it (a WAL checkpoint, an fsync) for each read and write.
 * Commands stay as they are: open, use, close.
 */
export function holdStore(ws: StoreOf): () => void {
  if (ws.noStore || held.has(ws.dbFile)) return () => undefined;
  const db = openStore(ws.dbFile, { create: true })!;
  held.set(ws.dbFile, db);
  return () => {
    if (held.get(ws.dbFile) !== db) return;
    held.delete(ws.dbFile);
    db.close();
  };
}

function heldUse<T>(db: Store, file: string, use: (db: Store) => T): T {
  try {
    return use(db);
  } catch (err) {
    throw isStoreFault(err) ? storeError(file, err) : err;
  }
}

/** Use the store if there is one; `orElse` when the file does not exist. */
export function readStore<T>(ws: StoreOf, use: (db: Store) => T, orElse: T): T {
  if (ws.noStore) return orElse;
  const open = held.get(ws.dbFile);
  if (open) return heldUse(open, ws.dbFile, use);
  const db = openStore(ws.dbFile, { create: false });
  return db ? useThenClose(db, ws.dbFile, use) : orElse;
}

/** Use the store, creating it if needed. */
export function writeStore<T>(ws: StoreOf, use: (db: Store) => T): T {
  // A workspace without a store writing to one is haze's mistake, not the user's: never touch the file.
  if (ws.noStore) throw new Error(`internal: a write to the store of a workspace without one (${ws.dbFile})`);
  const open = held.get(ws.dbFile);
  if (open) return heldUse(open, ws.dbFile, use);
  return useThenClose(openStore(ws.dbFile, { create: true })!, ws.dbFile, use);
}

function useThenClose<T>(db: Store, file: string, use: (db: Store) => T): T {
  try {
    return use(db);
  } catch (err) {
    // The machine's faults (read-only, disk full) in the user's words; the transaction changed nothing.
    throw isStoreFault(err) ? storeError(file, err) : err;
  } finally {
    db.close();
  }
}

/**
 * Whether the workspace keeps plans: an existing store, or a real workspace (haze.yaml) where one may be
 * created. The embedded sample town with no store keeps none.
 */
export function keepsPlans(ws: Pick<Workspace, 'dbFile' | 'fromSample' | 'noStore'>): boolean {
  if (ws.noStore) return false;
  return !ws.fromSample.all || existsSync(ws.dbFile);
}
