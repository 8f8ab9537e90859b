/**
 * When the town's replica was last brought up to date from the district: a small file beside the store
 * (<store>.synced, one UTC ISO instant), read when the district cannot be reached to say how old the copy is.
 * Beside the store rather than in it: the store's schema is the town's, and a backup copies the store alone.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const stampFile = (dbFile: string): string => `${dbFile}.synced`;

/** UTC ISO 8601, or null when the replica was never synced (or the stamp is unreadable). */
export function lastSynced(dbFile: string): string | null {
  try {
    const at = readFileSync(stampFile(dbFile), 'utf8').trim();
    return Number.isNaN(Date.parse(at)) ? null : at;
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed: a crash never leaves half a stamp. */
export function markSynced(dbFile: string, at: string): void {
  const tmp = `${stampFile(dbFile)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${at}\n`);
  renameSync(tmp, stampFile(dbFile));
}
