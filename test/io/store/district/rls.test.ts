/**
 * Row-level security through raw SQL, logged in as each role: a town sees and writes only its own rows, the
 * district reads every town and writes only findings and alert events, and the table owner (not a superuser)
 * sees no town's rows at all — the database keeps the towns apart, not haze's queries.
 * Town codes 100100001–100100009 (this file's own range: roles are the cluster's).
 */
import pg from 'pg';
import { districtError, openDistrict } from '../../../../src/io/store/district/connect.js';
import { runRolesSql, townRole } from '../../../../src/io/store/district/roles.js';
import { TOWN_TABLES } from '../../../../src/io/store/district/schema.js';
import { adminQuery, freshDatabase, pgSuite, pgUrl } from '../../../helpers/postgres.js';

const A = '100100001';
const B = '100100002';
const DISTRICT = 'haze_t100100003_district';
const OWNER = 'haze_t100100004_owner';
const PASSWORD = 'rls-test-pw-7f3a';

/** Run SQL logged in as `user`; the driver's error is returned, not thrown. */
async function as<R extends pg.QueryResultRow>(user: string, database: string, text: string, params: unknown[] = []): Promise<pg.QueryResult<R> | Error> {
  const client = new pg.Client({ connectionString: pgUrl({ user, password: PASSWORD, database }) });
  await client.connect();
  try {
    return await client.query<R>(text, params);
  } catch (err) {
    return err as Error;
  } finally {
    await client.end();
  }
}

const rows = <R extends pg.QueryResultRow>(r: pg.QueryResult<R> | Error): R[] => {
  if (r instanceof Error) throw r;
  return r.rows;
};
const sqlState = (r: unknown): string | undefined => (r instanceof Error ? (r as Error & { code?: string }).code : undefined);

/** One import, one inspection with one result, one finding and one alert for the town. */
async function seed(database: string, town: string): Promise<void> {
  await adminQuery(
    `INSERT INTO towns (code, name) VALUES ($1, 'T' || $1);
     INSERT INTO imports (uid, town, kind, file_name, sha256, imported_at, rows) VALUES ('imp-' || $1, $1, 'results', 'r.csv', 'x', '2019-12-08', 1);
     INSERT INTO inspections (uid, town, date, group_id, credit_code, name, inspectors, planned, import_uid)
       VALUES ('ins-' || $1, $1, '2019-12-08', '1', 'C', 'N', 'I', true, 'imp-' || $1);
     INSERT INTO results (uid, town, inspection_uid, item_id, item, result, import_uid) VALUES ('res-' || $1, $1, 'ins-' || $1, 'stop', 'stop', 'ok', 'imp-' || $1);
     INSERT INTO findings (uid, town, date, credit_code, problem, source) VALUES ('fin-' || $1, $1, '2019-12-08', 'C', 'P', 'town');
     INSERT INTO alert_events (uid, town, kind, level, at, recorded_at) VALUES ('ale-' || $1, $1, 'issue', 'orange', '2019-12-08 12:00', 'now')`.replace(
      /\$1/g,
      `'${town}'`,
    ),
    [],
    database,
  );
}

pgSuite('rls.test.ts')('row-level security, through raw SQL', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase('rls');
    const d = await openDistrict(fresh.url, { migrate: true });
    try {
      await runRolesSql(d, { towns: [A, B], districtRole: DISTRICT });
    } finally {
      await d.close();
    }
    for (const r of [townRole(A), townRole(B), DISTRICT]) await adminQuery(`ALTER ROLE ${r} PASSWORD '${PASSWORD}'`);
    await seed(fresh.name, A);
    await seed(fresh.name, B);
  });
  afterAll(async () => {
    await fresh.drop();
    for (const r of [townRole(A), townRole(B), DISTRICT]) await adminQuery(`DROP ROLE IF EXISTS ${r}`);
  });

  test("haze_town() is the logged-in town's code; haze_is_district() is true for the district only", async () => {
    expect(rows(await as(townRole(A), fresh.name, 'SELECT haze_town() AS t, haze_is_district() AS d'))).toEqual([{ t: A, d: false }]);
    expect(rows(await as(DISTRICT, fresh.name, 'SELECT haze_town() AS t, haze_is_district() AS d'))).toEqual([{ t: null, d: true }]);
  });

  test("town A sees none of town B's rows, in any table", async () => {
    for (const t of [...TOWN_TABLES, 'town_lists', 'pushes', 'sync_conflicts']) {
      expect(rows(await as(townRole(A), fresh.name, `SELECT count(*)::int AS n FROM ${t} WHERE town = $1`, [B]))).toEqual([{ n: 0 }]);
    }
    expect(rows(await as<{ code: string }>(townRole(A), fresh.name, 'SELECT code FROM towns'))).toEqual([{ code: A }]);
    expect(rows(await as<{ uid: string }>(townRole(A), fresh.name, 'SELECT uid FROM results'))).toEqual([{ uid: `res-${A}` }]);
  });

  test('town A may write its own rows', async () => {
    const r = await as(townRole(A), fresh.name, `UPDATE findings SET status = 'closed', closed_at = '2019-12-09' WHERE uid = $1`, [`fin-${A}`]);
    expect(r instanceof Error ? r.message : r.rowCount).toBe(1);
  });

  test('town A cannot insert a row of town B: 42501, which haze calls 77', async () => {
    const r = await as(
      townRole(A),
      fresh.name,
      `INSERT INTO imports (uid, town, kind, file_name, sha256, imported_at, rows) VALUES ('imp-x', $1, 'results', 'r.csv', 'x', 'now', 1)`,
      [B],
    );
    expect(sqlState(r)).toBe('42501');
    expect(districtError(r, 'postgres://…').exitCode).toBe(77);
  });

  test("town A cannot update town B's rows: they are not there for it, and its own cannot be moved to B", async () => {
    const touched = await as(townRole(A), fresh.name, `UPDATE results SET note = 'A was here' WHERE uid = $1`, [`res-${B}`]);
    expect(touched instanceof Error ? touched.message : touched.rowCount).toBe(0);
    expect(await adminQuery('SELECT note FROM results WHERE uid = $1', [`res-${B}`], fresh.name)).toEqual([{ note: '' }]);
    const moved = await as(townRole(A), fresh.name, `UPDATE results SET town = $1 WHERE uid = $2`, [B, `res-${A}`]);
    expect(sqlState(moved)).toBe('42501');
    expect(districtError(moved, 'postgres://…').exitCode).toBe(77);
  });

  test('town A cannot change who is which town, nor the schema version', async () => {
    const r = await as(townRole(A), fresh.name, `INSERT INTO town_roles (role_name, town) VALUES ('x', $1)`, [B]);
    expect(sqlState(r)).toBe('42501');
    expect(sqlState(await as(townRole(A), fresh.name, 'UPDATE haze_schema SET version = 99'))).toBe('42501');
    expect(rows(await as(townRole(A), fresh.name, 'SELECT count(*)::int AS n FROM town_roles'))).toEqual([{ n: 2 }]);
  });

  test('the district reads both towns, and writes findings and alerts but not results', async () => {
    expect(rows(await as(DISTRICT, fresh.name, 'SELECT town FROM results ORDER BY town'))).toEqual([{ town: A }, { town: B }]);
    expect(rows(await as(DISTRICT, fresh.name, 'SELECT code FROM towns ORDER BY code'))).toEqual([{ code: A }, { code: B }]);
    const finding = await as(
      DISTRICT,
      fresh.name,
      `INSERT INTO findings (uid, town, date, credit_code, problem, source) VALUES ('fin-prov', $1, '2019-12-09', 'C', 'P', 'province')`,
      [B],
    );
    expect(finding instanceof Error ? finding.message : finding.rowCount).toBe(1);
    expect(await adminQuery('SELECT pushed_by FROM findings WHERE uid = $1', ['fin-prov'], fresh.name)).toEqual([{ pushed_by: DISTRICT }]);
    const result = await as(
      DISTRICT,
      fresh.name,
      `INSERT INTO results (uid, town, inspection_uid, item_id, item, result, import_uid) VALUES ('res-d', $1, $2, 'i', 'i', 'ok', $3)`,
      [B, `ins-${B}`, `imp-${B}`],
    );
    expect(sqlState(result)).toBe('42501');
    expect(sqlState(await as(DISTRICT, fresh.name, `UPDATE results SET note = 'd' WHERE town = $1`, [B]))).toBe('42501');
    // Town B sees the district's finding for it; town A does not.
    expect(rows(await as(townRole(B), fresh.name, `SELECT uid FROM findings WHERE source = 'province'`))).toEqual([{ uid: 'fin-prov' }]);
    expect(rows(await as(townRole(A), fresh.name, `SELECT uid FROM findings WHERE source = 'province'`))).toEqual([]);
  });

  test('row-level security is on and forced on every table of a town, on but not forced on the two shared ones', async () => {
    const flags = await adminQuery<{ relname: string; on: boolean; forced: boolean }>(
      `SELECT relname, relrowsecurity AS on, relforcerowsecurity AS forced FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname`,
      [],
      fresh.name,
    );
    const expected = [...TOWN_TABLES, 'towns', 'town_lists', 'pushes', 'sync_conflicts'];
    expect(flags.filter((f) => f.on && f.forced).map((f) => f.relname)).toEqual([...expected].sort());
    expect(flags.filter((f) => f.on && !f.forced).map((f) => f.relname)).toEqual(['haze_schema', 'town_roles']);
    expect(flags.filter((f) => !f.on)).toEqual([]);
  });
});

pgSuite('rls.test.ts')('the owner of the tables, not a superuser', () => {
  let name: string;
  beforeAll(async () => {
    await adminQuery(`DROP ROLE IF EXISTS ${OWNER}`);
    await adminQuery(`CREATE ROLE ${OWNER} LOGIN PASSWORD '${PASSWORD}'`);
    name = `haze_t_rls_owner_${process.pid}`;
    await adminQuery(`CREATE DATABASE ${name} OWNER ${OWNER}`);
  });
  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`DROP ROLE IF EXISTS ${OWNER}`);
  });

  test('migrates its own database, and then sees no town’s rows, nor may write one', async () => {
    const d = await openDistrict(pgUrl({ user: OWNER, password: PASSWORD, database: name }), { migrate: true });
    await d.close();
    expect(await adminQuery('SELECT tableowner FROM pg_tables WHERE tablename = $1', ['results'], name)).toEqual([{ tableowner: OWNER }]);
    await seed(name, A);
    expect(rows(await as(OWNER, name, 'SELECT count(*)::int AS n FROM results'))).toEqual([{ n: 0 }]);
    expect(rows(await as(OWNER, name, 'SELECT count(*)::int AS n FROM towns'))).toEqual([{ n: 0 }]);
    expect(sqlState(await as(OWNER, name, `INSERT INTO towns (code, name) VALUES ('${B}', 'B')`))).toBe('42501');
    // The shared tables are its own to keep: the version a migration writes.
    expect(rows(await as(OWNER, name, 'SELECT count(*)::int AS n FROM haze_schema'))).toEqual([{ n: 1 }]);
  });
});
