/**
 * What every test against the district database shares: the throwaway server .ci/run starts
 * (scripts/pg-cluster.sh; HAZE_TEST_PG is its superuser's connection string), a fresh database per test file,
 * and the rule for a machine without one — under CI (CI=true) a failure; on a developer's machine one line
 * says how to start one and the file is skipped, so a fresh clone still passes.
 *
 * Roles are the cluster's, not a database's: test files running side by side must use town codes of their
 * own (each file its own range), or their roles would meet.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_ADMIN = process.env.HAZE_TEST_PG;

/** `describe`, or `describe.skip` with one line on stderr when there is no server outside CI. */
export function pgSuite(file: string): jest.Describe {
  if (PG_ADMIN) return describe;
  if (process.env.CI === 'true') {
    throw new Error(`${file}: HAZE_TEST_PG is not set under CI: .ci/run starts a PostgreSQL cluster (scripts/pg-cluster.sh) before the tests`);
  }
  process.stderr.write(`${file}: skipped: no PostgreSQL (eval "$(scripts/pg-cluster.sh start)" starts one and sets HAZE_TEST_PG)\n`);
  return describe.skip;
}

/** The connection string with other parts: another user, password or database. */
export function pgUrl(parts: { user?: string; password?: string | null; database?: string }, base = PG_ADMIN!): string {
  const u = new URL(base);
  if (parts.user !== undefined) u.username = encodeURIComponent(parts.user);
  if (parts.password === null) u.password = '';
  else if (parts.password !== undefined) u.password = encodeURIComponent(parts.password);
  if (parts.database !== undefined) u.pathname = `/${parts.database}`;
  return u.toString();
}

/** Run SQL as the superuser against one database (the cluster's `postgres` when not told). */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = [], database?: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: database ? pgUrl({ database }) : PG_ADMIN });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A new empty database for one test file; `drop` removes it (call it in afterAll). */
export async function freshDatabase(label: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `haze_t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    name,
    url: pgUrl({ database: name }),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
