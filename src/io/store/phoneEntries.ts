/**
 * What phones sent (haze serve): one row per entry, named by the id the phone made, so a resend finds its
 * first arrival; with what only a phone knows (arrival, position) and the photos it linked. The results
 * themselves are an import like a file's (records.ts): these rows say which phone entry made which import.
 */
import type { Store } from './db.js';

export type EntryOutcome = 'new' | 'correction' | 'unchanged';

export interface EntryRow {
  entryId: string;
  tokenId: string;
  date: string;
  groupId: string;
  creditCode: string;
  importId: number | null;
  outcome: EntryOutcome;
  arrivedAt: string | null;
  checkedAt: string | null;
  position: { lat: number; lng: number; accuracyM: number | null } | null;
  receivedAt: string;
  photos: { itemId: string; sha256: string }[];
}

interface Row {
  entry_id: string;
  token_id: string;
  date: string;
  group_id: string;
  credit_code: string;
  import_id: number | null;
  outcome: EntryOutcome;
  arrived_at: string | null;
  checked_at: string | null;
  lat: number | null;
  lng: number | null;
  accuracy_m: number | null;
  received_at: string;
}

function fromRow(db: Store, r: Row): EntryRow {
  const photos = db
    .prepare('SELECT item_id AS itemId, sha256 FROM visit_photos WHERE entry_id = ? ORDER BY item_id, sha256')
    .all(r.entry_id) as EntryRow['photos'];
  return {
    entryId: r.entry_id,
    tokenId: r.token_id,
    date: r.date,
    groupId: r.group_id,
    creditCode: r.credit_code,
    importId: r.import_id,
    outcome: r.outcome,
    arrivedAt: r.arrived_at,
    checkedAt: r.checked_at,
    position: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng, accuracyM: r.accuracy_m } : null,
    receivedAt: r.received_at,
    photos,
  };
}

export function entryById(db: Store, entryId: string): EntryRow | null {
  const r = db.prepare('SELECT * FROM phone_entries WHERE entry_id = ?').get(entryId) as Row | undefined;
  return r ? fromRow(db, r) : null;
}

export function insertEntry(db: Store, e: Omit<EntryRow, 'photos'>, photos: readonly { itemId: string; sha256: string }[]): void {
  db.prepare(
    `INSERT INTO phone_entries (entry_id, token_id, date, group_id, credit_code, import_id, outcome, arrived_at, checked_at, lat, lng, accuracy_m, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.entryId,
    e.tokenId,
    e.date,
    e.groupId,
    e.creditCode,
    e.importId,
    e.outcome,
    e.arrivedAt,
    e.checkedAt,
    e.position?.lat ?? null,
    e.position?.lng ?? null,
    e.position?.accuracyM ?? null,
    e.receivedAt,
  );
  const link = db.prepare('INSERT OR IGNORE INTO visit_photos (entry_id, item_id, sha256) VALUES (?, ?, ?)');
  for (const p of photos) link.run(e.entryId, p.itemId, p.sha256);
}

/** A visit as phones left it: its entries in the order they arrived (the last one is what the store says). */
export interface PhoneVisit {
  groupId: string;
  creditCode: string;
  entries: EntryRow[];
}

/** The phone entries of one day, of one group or of all (groupId null), a visit each, in order of first arrival. */
export function phoneVisits(db: Store, date: string, groupId: string | null): PhoneVisit[] {
  const rows = (
    groupId === null
      ? db.prepare('SELECT * FROM phone_entries WHERE date = ? ORDER BY received_at, rowid').all(date)
      : db.prepare('SELECT * FROM phone_entries WHERE date = ? AND group_id = ? ORDER BY received_at, rowid').all(date, groupId)
  ) as Row[];
  const out = new Map<string, PhoneVisit>();
  for (const r of rows) {
    const key = `${r.group_id}\u0000${r.credit_code}`;
    const v = out.get(key) ?? { groupId: r.group_id, creditCode: r.credit_code, entries: [] };
    v.entries.push(fromRow(db, r));
    out.set(key, v);
  }
  return [...out.values()];
}
