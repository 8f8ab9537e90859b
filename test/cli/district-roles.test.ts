/**
 * The district's accounts through haze, against the real server: `haze db roles --apply` makes them, a town's
 * login then sees only its own town (`haze db account`); the password comes from PGPASSWORD or ~/.pgpass and
 * never shows, whatever fails; sslmode is honoured without a driver warning.
 * Town codes 100100011–100100019 (this file's own range: roles are the cluster's).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminQuery, freshDatabase, pgSuite, pgUrl, PG_ADMIN } from '../helpers/postgres.js';
import { haze, tempDir, type Run } from '../helpers/runHaze.js';

const A = '100100011';
const B = '100100012';
const DISTRICT = 'haze_t100100013_district';
const PW_A = 'town-a-secret-91c2';
const PW_B = 'town-b-secret-5e07';

const roleOf = (code: string) => `haze_town_${code}`;
const both = (r: Run) => `${r.stdout}\n${r.stderr}`;
/** No driver's warning reached the user (node's "(node:123) Warning", a DeprecationWarning, a SECURITY WARNING). */
const noDriverWarning = (r: Run) => expect(r.stderr).not.toMatch(/Warning|WARNING|deprecat/);

pgSuite('district-roles.test.ts')('haze db roles and haze db account', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  const adminPassword = decodeURIComponent(new URL(PG_ADMIN ?? 'postgres://x').password);
  /** Town A's connection string, without a password. */
  let urlA: string;

  beforeAll(async () => {
    fresh = await freshDatabase('cli_roles');
    urlA = pgUrl({ user: roleOf(A), password: null, database: fresh.name });
  });
  afterAll(async () => {
    await fresh.drop();
    for (const r of [roleOf(A), roleOf(B), DISTRICT]) await adminQuery(`DROP ROLE IF EXISTS ${r}`);
  });

  test('--apply as a superuser sets up the schema and the roles; the superuser password never shows', async () => {
    const r = haze(['db', 'roles', fresh.url, '--town', A, '--town', B, '--district-role', DISTRICT, '--apply']);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toContain(roleOf(A));
    expect(both(r)).not.toContain(adminPassword);
    noDriverWarning(r);
    const made = await adminQuery<{ role_name: string; town: string }>('SELECT role_name, town FROM town_roles ORDER BY town', [], fresh.name);
    expect(made).toEqual([
      { role_name: roleOf(A), town: A },
      { role_name: roleOf(B), town: B },
    ]);
    // Run again: nothing new, nothing broken.
    expect(haze(['db', 'roles', fresh.url, '--town', A, '--town', B, '--district-role', DISTRICT, '--apply']).status).toBe(0);
    expect(await adminQuery('SELECT count(*)::int AS n FROM town_roles', [], fresh.name)).toEqual([{ n: 2 }]);
    await adminQuery(`ALTER ROLE ${roleOf(A)} PASSWORD '${PW_A}'`);
    await adminQuery(`ALTER ROLE ${roleOf(B)} PASSWORD '${PW_B}'`);
    await adminQuery(
      `INSERT INTO towns (code, name) VALUES ('${A}', 'A'), ('${B}', 'B');
       INSERT INTO findings (uid, town, date, credit_code, problem, source) VALUES ('fa', '${A}', '2019-12-08', 'C', 'P', 's'), ('fb1', '${B}', '2019-12-08', 'C', 'P', 's'), ('fb2', '${B}', '2019-12-08', 'C', 'P', 's')`,
      [],
      fresh.name,
    );
  });

  test("town A's login, its password in PGPASSWORD, sees its own town and none of B's", () => {
    const r = haze(['db', 'account', urlA, '--format', 'json'], { env: { PGPASSWORD: PW_A } });
    expect(r.status).toBe(0);
    const seen = JSON.parse(r.stdout) as { role: string; town: string; district: boolean; rows: Record<string, number> };
    expect([seen.role, seen.town, seen.district]).toEqual([roleOf(A), A, false]);
    expect([seen.rows.towns, seen.rows.findings]).toEqual([1, 1]);
    expect(both(r)).not.toContain(PW_A);
    noDriverWarning(r);
    const rb = haze(['db', 'account', pgUrl({ user: roleOf(B), password: null, database: fresh.name }), '--format', 'json'], { env: { PGPASSWORD: PW_B } });
    expect((JSON.parse(rb.stdout) as { rows: Record<string, number> }).rows.findings).toBe(2);
  });

  test('the password from ~/.pgpass (mode 0600), with no driver warning; a file others may read is ignored, as psql ignores it', () => {
    const home = tempDir();
    const port = new URL(PG_ADMIN!).port;
    const pgpass = join(home, '.pgpass');
    writeFileSync(pgpass, `# haze test\n127.0.0.1:${port}:${fresh.name}:${roleOf(A)}:${PW_A}\n`);
    chmodSync(pgpass, 0o600);
    const r = haze(['db', 'account', urlA], { env: { HOME: home } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${roleOf(A)} — 乡镇 ${A}`);
    expect(both(r)).not.toContain(PW_A);
    noDriverWarning(r);
    chmodSync(pgpass, 0o644);
    const open = haze(['db', 'account', urlA], { env: { HOME: home } });
    expect(open.status).toBe(77);
    // pgpass's own line, as psql's: the file was seen and set aside.
    expect(open.stderr).toContain('has group or world access');
    expect(both(open)).not.toContain(PW_A);
  });

  test('no password anywhere, or a wrong one, is 77 and prints no password', () => {
    const none = haze(['db', 'account', urlA, '--lang', 'en'], { env: { HOME: tempDir() } });
    expect(none.status).toBe(77);
    expect(none.stderr).toContain('there is none in the connection string, PGPASSWORD or ~/.pgpass');
    const wrong = haze(['db', 'account', pgUrl({ user: roleOf(A), password: 'wrong-pw-3141', database: fresh.name })]);
    expect(wrong.status).toBe(77);
    expect(both(wrong)).not.toContain('wrong-pw-3141');
    const wrongEnv = haze(['db', 'account', urlA], { env: { PGPASSWORD: 'wrong-pw-2718' } });
    expect(wrongEnv.status).toBe(77);
    expect(both(wrongEnv)).not.toContain('wrong-pw-2718');
  });

  test('a town cannot make roles: 77 in plain words, nothing changed', async () => {
    const r = haze(['db', 'roles', urlA, '--town', '100100014', '--apply', '--lang', 'en'], { env: { PGPASSWORD: PW_A } });
    expect(r.status).toBe(77);
    expect(r.stderr).toContain('may not make roles or grants');
    expect(both(r)).not.toContain(PW_A);
    expect(await adminQuery("SELECT rolname FROM pg_roles WHERE rolname = 'haze_town_100100014'")).toEqual([]);
  });

  test('a password in the connection string never shows, even when the server cannot be reached', () => {
    const url = pgUrl({ password: 'in-the-url-1618', database: fresh.name }).replace(/:\d+\//, ':1/');
    const r = haze(['db', 'account', url]);
    expect(r.status).toBe(69);
    expect(both(r)).not.toContain('in-the-url-1618');
    expect(r.stderr).toContain(':***@');
  });

  test('sslmode: require against a server without SSL is 78 and says so; disable connects; prefer is refused (78); no driver warning', () => {
    const withMode = (mode: string) => `${urlA}?sslmode=${mode}`;
    const env = { PGPASSWORD: PW_A };
    const require = haze(['db', 'account', withMode('require'), '--lang', 'en'], { env });
    expect(require.status).toBe(78);
    expect(require.stderr).toContain('offers no SSL, and the connection string asks for it');
    noDriverWarning(require);
    const full = haze(['db', 'account', withMode('verify-full'), '--lang', 'en'], { env });
    expect([full.status, full.stderr.includes('offers no SSL')]).toEqual([78, true]);
    const disable = haze(['db', 'account', withMode('disable')], { env });
    expect(disable.status).toBe(0);
    noDriverWarning(disable);
    const prefer = haze(['db', 'account', withMode('prefer'), '--lang', 'en'], { env });
    expect([prefer.status, prefer.stderr.includes('sslmode=prefer cannot be used')]).toEqual([78, true]);
    // PGSSLMODE stands in for a string without sslmode, as in libpq.
    const fromEnv = haze(['db', 'account', urlA], { env: { ...env, PGSSLMODE: 'require' } });
    expect(fromEnv.status).toBe(78);
  });
});
