/**
 * A consistent copy of the store while others read and write it: SQLite's online backup API copies the pages
 * of one snapshot (in WAL mode writers go on meanwhile), into a temporary file beside the destination that is
 * checked, flushed to disk and only then renamed — a crash or a full disk never leaves half a backup under the
 * destination's name, and an earlier backup there is replaced only by a complete one.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { syncFolder } from '../write/output.js';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CODE, HazeError, type Text } from '../../errors.js';
import { faultWords } from '../faultWords.js';
import { HAZE_APPLICATION_ID, type Store } from './db.js';
import { tableCounts, type TableCount } from './info.js';
import { photoFile, photosDirOf, type PhotoMime } from './photos.js';

export interface BackupResult {
  /** Where the copy is (a folder as the destination gets the store's own file name). */
  file: string;
  /** An earlier file there was replaced. */
  replaced: boolean;
  schemaVersion: number;
  bytes: number;
  tables: TableCount[];
  /** Photos copied into photos/ beside the copy (haze serve's; those already there are named by the same bytes). */
  photosCopied: number;
}

/** SQLite's companions of a database file: writing over one of them would damage the store too. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

export async function backupStore(db: Store, storeFile: string, destination: string): Promise<BackupResult> {
  let dest = resolve(destination);
  if (existsSync(dest) && statSync(dest).isDirectory()) dest = join(dest, basename(storeFile));
  refuseStoreItself(storeFile, dest);
  const replaced = existsSync(dest);
  const tmp = join(dirname(dest), `.${basename(dest)}.${process.pid}.tmp`);
  removeWithCompanions(tmp); // a crashed earlier run with the same pid

  try {
    // One step for all pages: the copy is read from a single snapshot. In small steps SQLite restarts the
    // backup whenever another process writes between them, and with steady writers it might never finish.
    await db.backup(tmp, { progress: () => 0x7fffffff });
  } catch (err) {
    removeWithCompanions(tmp);
    throw cannotWrite(dest, err);
  }

  let schemaVersion: number;
  let tables: TableCount[];
  try {
    const copy = new Database(tmp);
    try {
      // The copy is one self-contained file: without WAL it opens even from read-only media.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') throw new CopyUnsound({ zh: '备份副本未通过完整性检查', en: 'the copy failed its integrity check' });
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      const appId = copy.pragma('application_id', { simple: true }) as number;
      // A store never written to has neither mark yet; any other copy must carry haze's.
      if (appId !== HAZE_APPLICATION_ID && !(appId === 0 && schemaVersion === 0))
        throw new CopyUnsound({ zh: '副本不是 haze 数据库', en: 'the copy is not marked as a haze store' });
      tables = tableCounts(copy);
    } finally {
      copy.close();
    }
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, dest);
  } catch (err) {
    removeWithCompanions(tmp);
    throw cannotWrite(dest, err);
  }
  syncFolder(dirname(dest));
  const photosCopied = copyPhotos(db, storeFile, dest);
  return { file: dest, replaced, schemaVersion, bytes: statSync(dest).size, tables, photosCopied };
}

/**
 * The photos the store knows, into photos/ beside the copy: each file is named by the hash of its bytes, so one
 * already there is the same photo and is left alone; each new one is written to a temporary name and renamed.
 */
function copyPhotos(db: Store, storeFile: string, dest: string): number {
  const from = photosDirOf(storeFile);
  const to = photosDirOf(dest);
  if (from === to || !existsSync(from)) return 0;
  const rows = db.prepare('SELECT sha256, mime FROM photos').all() as {
    sha256: string;
    mime: PhotoMime;
  }[];
  let copied = 0;
  for (const r of rows) {
    const src = photoFile(from, r.sha256, r.mime);
    const out = photoFile(to, r.sha256, r.mime);
    if (!existsSync(src) || existsSync(out)) continue;
    try {
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(src, `${out}.part`);
      renameSync(`${out}.part`, out);
    } catch (err) {
      throw cannotWrite(out, err);
    }
    copied++;
  }
  return copied;
}

/** The same file by any path: a symlink, a hard link, or one of the store's -wal/-shm/-journal files. */
function refuseStoreItself(storeFile: string, dest: string): void {
  const store = statSync(storeFile);
  const real = realpathSync(storeFile);
  const there = existsSync(dest) ? statSync(dest) : null;
  const destReal = there ? realpathSync(dest) : join(existsSync(dirname(dest)) ? realpathSync(dirname(dest)) : dirname(dest), basename(dest));
  const sameInode = there !== null && there.ino === store.ino && there.dev === store.dev;
  if (sameInode || COMPANIONS.some((c) => destReal === real + c)) {
    throw new HazeError(CODE.HAZE_BACKUP_ONTO_STORE, {
      where: { file: dest },
      message: { zh: `不能备份到数据库自身（${storeFile}），未做任何改动`, en: `cannot back up onto the store itself (${storeFile}); nothing was changed` },
    });
  }
}

function removeWithCompanions(file: string): void {
  for (const c of COMPANIONS) {
    try {
      unlinkSync(file + c);
    } catch {
      /* not there */
    }
  }
}

/** The copy was written but is not a sound haze store: said in our words, like any other failure. */
class CopyUnsound extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

function cannotWrite(dest: string, err: unknown): HazeError {
  const why = err instanceof CopyUnsound ? err.text : faultWords(err, dest, 'write');
  const folder = dirname(dest);
  return new HazeError(CODE.HAZE_BACKUP_CREATE, {
    where: { file: dest },
    message: { zh: `无法写入备份 ${dest}：${why.zh}`, en: `cannot write the backup ${dest}: ${why.en}` },
    // A folder that is not there is the usual slip: say which, and how to go on.
    ...(existsSync(folder)
      ? {}
      : {
          hint: {
            zh: `先建好文件夹 ${folder}（或写一个已有文件夹中的文件名），再运行 haze db backup`,
            en: `make the folder ${folder} first (or name a file in a folder that exists), then run haze db backup again`,
          },
        }),
  });
}
