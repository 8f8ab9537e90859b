/**
 * The workspace store (haze.db): SQLite through better-sqlite3, WAL so readers never block the writer, a busy
 * timeout so concurrent commands wait instead of failing, foreign keys on, versioned migrations. A file that
 * is not a haze store (corrupt, or another program's database) is refused and never written to.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { CODE, HazeError } from '../../errors.js';
import { faultWords } from '../faultWords.js';
import { MIGRATIONS } from './migrations.js';

/** "HAZE" in ASCII: marks a SQLite file as ours (PRAGMA application_id). */
export const HAZE_APPLICATION_ID = 0x48415a45;
const SQLITE_HEADER = 'SQLite format 3\0';

export type Store = Database.Database;

/** better-sqlite3, loaded when a store is first opened: a command that finds none (the sample town) is spared it. */
let driver: typeof Database | undefined;
const sqlite = () => (driver ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);

/**
 * Open the store. With `create: false` a missing file is null (read-only commands do not create one).
 * `migrate: false` leaves an older store at its version (a backup copies the store as it is, before an upgrade).
 */
export function openStore(file: string, opts: { create: boolean; migrate?: boolean }): Store | null {
  const exists = existsSync(file);
  if (!exists && !opts.create) return null;
  if (exists) checkHeader(file);
  let db: Store;
  try {
    db = new (sqlite())(file);
  } catch (err) {
    throw storeError(file, err);
  }
  try {
    db.pragma('busy_timeout = 10000');
    // One read transaction: another command creating the store at this moment is seen wholly or not at all
    // (read one by one, its tables could appear before its application id, and the store look foreign).
    const { appId, version, tables } = db.transaction(() => ({
      appId: db.pragma('application_id', { simple: true }) as number,
      version: db.pragma('user_version', { simple: true }) as number,
      tables: db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number },
    }))();
    if (appId !== HAZE_APPLICATION_ID && (appId !== 0 || tables.n > 0 || version !== 0)) {
      db.close();
      throw new HazeError(CODE.HAZE_STORE_FOREIGN, {
        where: { file },
        message: {
          zh: `${file} 不是 haze 的数据库（是其他程序的 SQLite 文件），未做任何改动`,
          en: `${file} is not a haze store (another program's SQLite database); left untouched`,
        },
      });
    }
    if (version > MIGRATIONS.length) {
      db.close();
      throw new HazeError(CODE.HAZE_STORE_NEWER, {
        where: { file },
        message: {
          zh: `${file} 由更新版本的 haze 创建（结构版本 ${version}），本版本只认识到 ${MIGRATIONS.length}`,
          en: `${file} was made by a newer haze (schema ${version}; this one knows up to ${MIGRATIONS.length})`,
        },
      });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    if (opts.migrate !== false) migrate(db, version);
    return db;
  } catch (err) {
    if (err instanceof HazeError) throw err;
    try {
      db.close();
    } catch {
      /* already closed */
    }
    throw storeError(file, err);
  }
}

function migrate(db: Store, seen: number): void {
  if (seen === MIGRATIONS.length) return;
  // One transaction: a store is at one version or the next, never between. The version is read again under
  // the write lock: two commands opening a new store at once must not both run the same migration.
  db.transaction(() => {
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from === 0) db.pragma(`application_id = ${HAZE_APPLICATION_ID}`);
    for (let v = from; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** A file that does not start with SQLite's header is not opened at all: SQLite might otherwise "repair" it. */
function checkHeader(file: string): void {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(16);
  const n = readSync(fd, buf, 0, 16, 0);
  closeSync(fd);
  if (n === 0) return; // an empty file: SQLite treats it as a new database
  if (buf.toString('latin1', 0, n) !== SQLITE_HEADER) {
    throw new HazeError(CODE.HAZE_STORE_CORRUPT, {
      where: { file },
      message: {
        zh: `${file} 不是 SQLite 数据库（文件损坏或不是 haze.db），未做任何改动`,
        en: `${file} is not a SQLite database (corrupt, or not a haze.db); left untouched`,
      },
    });
  }
}

/**
 * A fault of the machine while the store was opened or written, in the user's words: read-only (73), disk full
 * (74), damaged (74), anything else the store could not do (74). A transaction that fails this way has
 * changed nothing: SQLite rolls it back.
 */
export function storeError(file: string, err: unknown): HazeError {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const detail = faultWords(err, file, 'write');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new HazeError(CODE.HAZE_STORE_CORRUPT, {
      where: { file },
      message: { zh: `无法打开数据库 ${file}：${detail.zh}`, en: `cannot open the store ${file}: ${detail.en}` },
      hint: { zh: '从备份恢复，或用 --db 指定另一个文件', en: 'restore it from a backup, or point --db at another file' },
    });
  }
  // better-sqlite3 says so in words only (a TypeError without a code) when the folder is missing.
  if (!existsSync(dirname(file))) {
    return new HazeError(CODE.HAZE_STORE_IO, {
      where: { file },
      message: {
        zh: `无法创建数据库 ${file}：文件夹 ${dirname(file)} 不存在`,
        en: `cannot create the store ${file}: the folder ${dirname(file)} does not exist`,
      },
      hint: { zh: '先建好文件夹，或用 --db 指定已有文件夹中的文件', en: 'make the folder first, or point --db into a folder that exists' },
    });
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_PERM' ||
    code === 'EACCES' ||
    code === 'EROFS' ||
    (code.startsWith('SQLITE_CANTOPEN') && !folderWritable(file))
  ) {
    return new HazeError(CODE.HAZE_STORE_READONLY, {
      where: { file },
      message: {
        zh: `无法写入数据库 ${file}：只读（${detail.zh}）；没有做任何改动`,
        en: `cannot write the store ${file}: read-only (${detail.en}); nothing was changed`,
      },
    });
  }
  // SQLite says SQLITE_FULL when the database grows past the space, but only "disk I/O error" when it cannot
  // extend its -wal or -shm file: the folder's free space tells the two apart.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code.startsWith('SQLITE_IOERR') && noSpaceLeft(file))) {
    return new HazeError(CODE.HAZE_DISK_FULL, {
      where: { file },
      message: { zh: `写入数据库 ${file} 时磁盘已满；没有做任何改动`, en: `disk full while writing the store ${file}; nothing was changed` },
    });
  }
  return new HazeError(CODE.HAZE_STORE_IO, {
    where: { file },
    message: { zh: `无法打开数据库 ${file}：${detail.zh}`, en: `cannot open the store ${file}: ${detail.en}` },
  });
}

/** A SQLite error, as opposed to a HazeError or a bug. */
export function isStoreFault(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_') || code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS');
}

function noSpaceLeft(file: string): boolean {
  try {
    return statfsSync(dirname(file)).bavail === 0;
  } catch {
    return false;
  }
}

function folderWritable(file: string): boolean {
  try {
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
