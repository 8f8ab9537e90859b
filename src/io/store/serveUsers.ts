/**
 * The office's passwords (haze serve --set-password): kept as scrypt hashes with a salt of their own, checked
 * in constant time. A wrong name and a wrong password are the same refusal.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Store } from './db.js';

/** scrypt's cost: N = 2^15, r = 8, p = 1 (about 50 ms and 32 MB here: slow for a guesser, quick for a login). */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY = 32;
const MAXMEM = 64 * 1024 * 1024;

export const OFFICE_USER = 'office';

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function passwordMatches(stored: string, password: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64url');
  const got = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64url'), want.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM });
  return timingSafeEqual(want, got);
}

export function setPassword(db: Store, name: string, password: string, at: string): void {
  db.prepare(
    'INSERT INTO serve_users (name, password_hash, set_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, set_at = excluded.set_at',
  ).run(name, hashPassword(password), at);
}

/** Whether the name and password are the office's; a name with no password set is refused like a wrong one. */
export function checkPassword(db: Store, name: string, password: string): boolean {
  const row = db.prepare('SELECT password_hash FROM serve_users WHERE name = ?').get(name) as { password_hash: string } | undefined;
  // A hash is computed either way, so an unknown name takes as long as a wrong password.
  const stored = row?.password_hash ?? hashPassword('');
  return passwordMatches(stored, password) && row !== undefined;
}

export function hasOfficeUsers(db: Store): boolean {
  return db.prepare('SELECT 1 FROM serve_users LIMIT 1').get() !== undefined;
}
