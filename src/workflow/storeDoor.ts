/**
 * The one door to a workspace's store: open, use, close — the store is always closed again, whatever
 * happens inside. Reading a store that does not exist gives the caller's fallback (read-only commands never
 * create one); the embedded sample town without a store is left without one (printing a plan does not litter).
 *
 * A town's store is a file (SQLite, haze.db). A postgres:// string given as the store (--db, HAZE_DB, haze.yaml
 * db:) is refused here, at the one door, before anything is opened or created: the district's database is
 * reached by `haze db push`/`pull` and the `--district` views, never as a town's working store.
 */
import { existsSync } from 'node:fs';
import { CODE, HazeError } from '../errors.js';
import { maskUrl } from '../io/store/district/connect.js';
import { isStoreFault, openStore, storeError, type Store } from '../io/store/db.js';
import type { Workspace } from '../io/read/workspace.js';

type StoreOf = Pick<Workspace, 'dbFile' | 'noStore' | 'dbUrl'>;

/** The town's store file; a PostgreSQL connection string in its place is refused (78). */
export function townStoreFile(ws: Pick<Workspace, 'dbFile' | 'dbUrl'>): string {
  if (ws.dbUrl) {
    throw new HazeError(CODE.HAZE_DISTRICT_NOT_TOWN_STORE, {
      where: { file: maskUrl(ws.dbUrl) },
      message: {
        zh: '这是区级数据库（PostgreSQL）的连接串，不能当作乡镇的数据库：乡镇的工作在本机的数据库文件（haze.db，SQLite）上进行，区级数据库用 haze db push 上报、用 --district 查看',
        en: "that is the district's database (PostgreSQL), not a town's store: a town's work runs on its own store file (haze.db, SQLite); the district's database is reached by haze db push and the --district views",
      },
    });
  }
  return ws.dbFile;
}

/**
 * The workspace as a district command (push, pull) sees it: a postgres:// string from --db / HAZE_DB named the
 * district's database (districtUrl), and the town's own store is the file beside it, opened through this door.
 */
export function townSideOf<W extends Pick<Workspace, 'dbUrl'>>(ws: W): W {
  return { ...ws, dbUrl: null };
}

/** Use the store if there is one; `orElse` when the file does not exist. */
export function readStore<T>(ws: StoreOf, use: (db: Store) => T, orElse: T): T {
  if (ws.noStore) return orElse;
  const file = townStoreFile(ws);
  const db = openStore(file, { create: false });
  return db ? useThenClose(db, file, use) : orElse;
}

/** Use the store, creating it if needed. */
export function writeStore<T>(ws: StoreOf, use: (db: Store) => T): T {
  // A workspace without a store writing to one is haze's mistake, not the user's: never touch the file.
  if (ws.noStore) throw new Error(`internal: a write to the store of a workspace without one (${ws.dbFile})`);
  const file = townStoreFile(ws);
  return useThenClose(openStore(file, { create: true })!, file, use);
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
export function keepsPlans(ws: Pick<Workspace, 'dbFile' | 'fromSample' | 'noStore' | 'dbUrl'>): boolean {
  if (ws.noStore) return false;
  return !ws.fromSample.all || existsSync(townStoreFile(ws));
}
