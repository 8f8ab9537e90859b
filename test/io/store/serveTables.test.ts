/**
 * haze serve's tables (schema 7): an older store upgrades with its data intact; tokens are kept as hashes and
 * open only their own group; photos are known by their bytes, whatever they are called; passwords are hashes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HAZE_APPLICATION_ID, openStore, type Store } from '../../../src/io/store/db.js';
import { MIGRATIONS } from '../../../src/io/store/migrations.js';
import { backupStore } from '../../../src/io/store/backup.js';
import { keepPhoto, photoKind, photosDirOf, readPhoto } from '../../../src/io/store/photos.js';
import { checkPassword, hasOfficeUsers, setPassword } from '../../../src/io/store/serveUsers.js';
import { findToken, listTokens, makeToken, revokeToken } from '../../../src/io/store/serveTokens.js';
import { tempDir } from '../../helpers/runHaze.js';

const fresh = (): Store => openStore(join(tempDir(), 'haze.db'), { create: true })!;

test('a version-6 store upgrades to 7 with its records intact and the serve tables empty', () => {
  const file = join(tempDir(), 'haze.db');
  const v6 = new Database(file);
  v6.pragma(`application_id = ${HAZE_APPLICATION_ID}`);
  for (const m of MIGRATIONS.slice(0, 6)) v6.exec(m);
  v6.pragma('user_version = 6');
  v6.exec(`INSERT INTO imports (id, kind, file_name, sha256, imported_at, rows, replace, fingerprint) VALUES (1, 'results', 'a.csv', 'x', 'y', 1, 0, 'f');
    INSERT INTO inspections (date, group_id, credit_code, name, seq, inspectors, checked_at, planned, import_id) VALUES ('2019-12-08', '1', '91320413MA36HN011B', '某公司', 1, '王', NULL, 1, 1);`);
  v6.close();
  const db = openStore(file, { create: false })!;
  expect(db.pragma('user_version', { simple: true })).toBe(7);
  expect(db.prepare('SELECT name, seq FROM inspections').all()).toEqual([{ name: '某公司', seq: 1 }]);
  for (const t of ['serve_tokens', 'serve_users', 'phone_entries', 'photos', 'visit_photos'])
    expect([t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]).toEqual([t, 0]);
  db.close();
});

test('a token opens its own row only; the store keeps its hash, never the token; revoked is closed', () => {
  const db = fresh();
  const a = makeToken(db, { groupId: '1', fromDate: '2019-12-08', toDate: '2019-12-09', createdAt: '2019-12-08T06:00:00Z' });
  const b = makeToken(db, { groupId: '2', fromDate: '2019-12-08', toDate: '2019-12-08', createdAt: '2019-12-08T06:01:00Z' });
  expect(a.token).toMatch(/^[a-z0-9]{8}\.[A-Za-z0-9_-]{43}$/);
  expect(findToken(db, a.token)).toMatchObject({ groupId: '1', fromDate: '2019-12-08', toDate: '2019-12-09' });
  expect(findToken(db, b.token)?.groupId).toBe('2');
  // Another token's secret under this one's id: no.
  expect(findToken(db, `${a.row.id}.${b.token.split('.')[1]}`)).toBeNull();
  const stored = JSON.stringify(db.prepare('SELECT * FROM serve_tokens').all());
  expect(stored).not.toContain(a.token.split('.')[1]);
  expect(revokeToken(db, a.row.id, '2019-12-08T07:00:00Z')).toBe(true);
  expect(revokeToken(db, a.row.id, '2019-12-08T08:00:00Z')).toBe(true);
  expect(revokeToken(db, 'nosuchid', '2019-12-08T08:00:00Z')).toBe(false);
  expect(findToken(db, a.token)).toBeNull();
  expect(listTokens(db).map((t) => [t.groupId, t.revokedAt])).toEqual([
    ['1', '2019-12-08T07:00:00Z'],
    ['2', null],
  ]);
  db.close();
});

test('photos: known by their first bytes; kept once under their hash; nothing half-written left', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
  const heic = new TextEncoder().encode('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000');
  expect([jpeg, png, webp, heic].map(photoKind)).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);
  expect(photoKind(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
  expect(photoKind(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
  expect(photoKind(new Uint8Array())).toBeNull();

  const db = fresh();
  const dir = join(tempDir(), 'photos');
  const one = keepPhoto(db, dir, jpeg, 'image/jpeg', 'x');
  const again = keepPhoto(db, dir, jpeg, 'image/jpeg', 'y');
  expect(again).toEqual(one);
  expect((db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n).toBe(1);
  const files = readdirSync(join(dir, one.sha256.slice(0, 2)));
  expect(files).toEqual([`${one.sha256}.jpg`]);
  expect(readFileSync(join(dir, one.sha256.slice(0, 2), files[0]!))).toEqual(Buffer.from(jpeg));
  expect(readPhoto(db, dir, one.sha256)?.mime).toBe('image/jpeg');
  expect(readPhoto(db, dir, 'f'.repeat(64))).toBeNull();
  expect(existsSync(join(dir, '..', 'photos'))).toBe(true);
  db.close();
});

test('the office password: a hash, right and wrong told apart, an unknown name refused like a wrong password', () => {
  const db = fresh();
  expect(hasOfficeUsers(db)).toBe(false);
  setPassword(db, 'office', '巡查2019-secret', 'x');
  expect(hasOfficeUsers(db)).toBe(true);
  expect(checkPassword(db, 'office', '巡查2019-secret')).toBe(true);
  expect(checkPassword(db, 'office', '巡查2019-Secret')).toBe(false);
  expect(checkPassword(db, 'nobody', '巡查2019-secret')).toBe(false);
  expect(JSON.stringify(db.prepare('SELECT * FROM serve_users').all())).not.toContain('secret');
  setPassword(db, 'office', 'another-one', 'y');
  expect(checkPassword(db, 'office', '巡查2019-secret')).toBe(false);
  expect(checkPassword(db, 'office', 'another-one')).toBe(true);
  db.close();
});

test('a backup takes the photos along, into photos/ beside the copy; a second backup copies none again', async () => {
  const file = join(tempDir(), 'haze.db');
  const db = openStore(file, { create: true })!;
  const a = keepPhoto(db, photosDirOf(file), Uint8Array.from([0xff, 0xd8, 0xff, 1]), 'image/jpeg', 'x');
  const b = keepPhoto(db, photosDirOf(file), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 2]), 'image/png', 'x');
  const to = join(tempDir(), 'copy.db');
  expect((await backupStore(db, file, to)).photosCopied).toBe(2);
  expect(existsSync(join(photosDirOf(to), a.sha256.slice(0, 2), `${a.sha256}.jpg`))).toBe(true);
  expect(existsSync(join(photosDirOf(to), b.sha256.slice(0, 2), `${b.sha256}.png`))).toBe(true);
  expect((await backupStore(db, file, to)).photosCopied).toBe(0);
  db.close();
});
