/**
 * Photos taken on site, kept beside the store (photos/ next to haze.db), each file named by the sha256 of its
 * bytes: the same photo sent twice is one file, and no name from a phone ever reaches the file system. A
 * photo's kind is read from its first bytes, never from what the upload says it is.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Store } from './db.js';

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

const EXT: Record<PhotoMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic' };

/**
 * What the bytes are, by their signature; null for anything else. Four formats, fixed signatures: a dozen
 * lines here rather than a dependency (file-type, the usual library, needs Node 22 since version 20).
 */
export function photoKind(b: Uint8Array): PhotoMime | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  const ascii = (i: number, s: string) => at(i, ...[...s].map((c) => c.charCodeAt(0)));
  if (b.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (b.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (b.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  // ISO base media: a box of type ftyp whose brand is one of HEIF's (iPhones and many Android phones).
  if (b.length >= 12 && ascii(4, 'ftyp') && ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].some((brand) => ascii(8, brand)))
    return 'image/heic';
  return null;
}

/** photos/ beside the store file. */
export const photosDirOf = (dbFile: string): string => join(dirname(dbFile), 'photos');

export const photoFile = (dir: string, sha256: string, mime: PhotoMime): string => join(dir, sha256.slice(0, 2), `${sha256}.${EXT[mime]}`);

export interface StoredPhoto {
  sha256: string;
  mime: PhotoMime;
  bytes: number;
}

/**
 * Keep a photo: the file first (written to a temporary name, flushed, renamed: a crash leaves no half photo
 * under a real name), then its row. The caller has checked its kind; the same bytes again change nothing.
 */
export function keepPhoto(db: Store, dir: string, bytes: Uint8Array, mime: PhotoMime, at: string): StoredPhoto {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = photoFile(dir, sha256, mime);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.part`;
    try {
      const fd = openSync(tmp, 'wx');
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }
  return photoRowOf(db, sha256, mime, bytes.length, at);
}

/**
 * keepPhoto for a server: the file is written and flushed off the main thread (a disk's flush takes
 * milliseconds in which other phones' requests are answered), then its row, as keepPhoto does.
 */
export async function keepPhotoFile(dir: string, bytes: Uint8Array, mime: PhotoMime): Promise<{ sha256: string; file: string }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = photoFile(dir, sha256, mime);
  if (existsSync(file)) return { sha256, file };
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.part`;
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { sha256, file };
}

/** The row of a photo whose file is kept (keepPhotoFile): the same bytes again change nothing. */
export function photoRowOf(db: Store, sha256: string, mime: PhotoMime, bytes: number, at: string): StoredPhoto {
  db.prepare('INSERT OR IGNORE INTO photos (sha256, mime, bytes, stored_at) VALUES (?, ?, ?, ?)').run(sha256, mime, bytes, at);
  return { sha256, mime, bytes };
}

export function photoRow(db: Store, sha256: string): StoredPhoto | null {
  const r = db.prepare('SELECT sha256, mime, bytes FROM photos WHERE sha256 = ?').get(sha256) as StoredPhoto | undefined;
  return r ?? null;
}

/** A kept photo's bytes, or null when the store does not know it (or its file is gone). */
export function readPhoto(db: Store, dir: string, sha256: string): { mime: PhotoMime; bytes: Buffer } | null {
  const row = photoRow(db, sha256);
  if (!row) return null;
  const file = photoFile(dir, row.sha256, row.mime);
  return existsSync(file) ? { mime: row.mime, bytes: readFileSync(file) } : null;
}
