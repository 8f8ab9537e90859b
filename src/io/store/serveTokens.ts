/**
 * The links printed on the covers and opened on phones: a token for one group and a span of dates. A token is
 * `<id>.<secret>`: the id is public (listed, revoked by it), the secret is 32 random bytes and never stored —
 * the store keeps the sha256 of the whole token, compared in constant time. A revoked or unknown token and a
 * wrong secret all look the same to the caller: null.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from './db.js';

export interface ServeToken {
  id: string;
  groupId: string;
  fromDate: string;
  toDate: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

interface TokenRow {
  id: string;
  secret_hash: string;
  group_id: string;
  from_date: string;
  to_date: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

const TOKEN_FORM = /^([a-z0-9]{8})\.([A-Za-z0-9_-]{43})$/;

const hashOf = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

const fromRow = (r: TokenRow): ServeToken => ({
  id: r.id,
  groupId: r.group_id,
  fromDate: r.from_date,
  toDate: r.to_date,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** A new token; the whole token (to print, to put in a link) is returned once and kept nowhere. */
export function makeToken(
  db: Store,
  t: { groupId: string; fromDate: string; toDate: string; label?: string; createdAt: string },
): { token: string; row: ServeToken } {
  for (;;) {
    // Lower-case letters and digits: an id read aloud or typed from a list survives it.
    const id = randomBytes(8)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 8);
    if (db.prepare('SELECT 1 FROM serve_tokens WHERE id = ?').get(id)) continue;
    const token = `${id}.${randomBytes(32).toString('base64url')}`;
    db.prepare('INSERT INTO serve_tokens (id, secret_hash, group_id, from_date, to_date, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      hashOf(token).toString('hex'),
      t.groupId,
      t.fromDate,
      t.toDate,
      t.label ?? '',
      t.createdAt,
    );
    return { token, row: { id, groupId: t.groupId, fromDate: t.fromDate, toDate: t.toDate, label: t.label ?? '', createdAt: t.createdAt, revokedAt: null } };
  }
}

/** The token a request presents, when it is one of ours and not revoked; null for anything else. */
export function findToken(db: Store, presented: string): ServeToken | null {
  const m = TOKEN_FORM.exec(presented);
  if (!m) return null;
  const row = db.prepare('SELECT * FROM serve_tokens WHERE id = ?').get(m[1]) as TokenRow | undefined;
  if (!row || row.revoked_at !== null) return null;
  const want = Buffer.from(row.secret_hash, 'hex');
  const got = hashOf(presented);
  return want.length === got.length && timingSafeEqual(want, got) ? fromRow(row) : null;
}

export function listTokens(db: Store): ServeToken[] {
  return (db.prepare('SELECT * FROM serve_tokens ORDER BY created_at, id').all() as TokenRow[]).map(fromRow);
}

/** Revoke by id; false when there is no such token (revoking twice is harmless and keeps the first time). */
export function revokeToken(db: Store, id: string, at: string): boolean {
  const row = db.prepare('SELECT revoked_at FROM serve_tokens WHERE id = ?').get(id) as { revoked_at: string | null } | undefined;
  if (!row) return false;
  if (row.revoked_at === null) db.prepare('UPDATE serve_tokens SET revoked_at = ? WHERE id = ?').run(at, id);
  return true;
}
