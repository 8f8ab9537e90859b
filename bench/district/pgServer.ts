/**
 * The bench's PostgreSQL: HAZE_BENCH_PG (a superuser's connection string) when set, else a throwaway cluster
 * started with scripts/pg-cluster.sh and stopped at the end. The bench's databases are made fresh and dropped
 * after (kept with --keep, when the server is the caller's).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

export interface BenchServer {
  /** The superuser's connection string (never printed: maskUrl). */
  adminUrl: string;
  /** Whether the bench started the cluster itself (then stop() removes it whole). */
  throwaway: boolean;
  /** A new empty database; its connection string. */
  freshDatabase(label: string): Promise<string>;
  /** Drops the bench's databases (unless kept) and stops a throwaway cluster. */
  stop(keep: boolean): Promise<void>;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function benchServer(repoRoot: string, given: string | undefined): Promise<BenchServer> {
  let adminUrl = given ?? '';
  let clusterDir: string | null = null;
  if (!given) {
    const out = execFileSync(path.join(repoRoot, 'scripts/pg-cluster.sh'), ['start'], { encoding: 'utf8' });
    adminUrl = /HAZE_TEST_PG='([^']+)'/.exec(out)?.[1] ?? '';
    clusterDir = /HAZE_TEST_PG_DIR='([^']+)'/.exec(out)?.[1] ?? null;
    if (!adminUrl || !clusterDir) throw new Error('scripts/pg-cluster.sh start printed no connection string');
  }
  // The caller's server is asked once here, so that one that does not answer is said before anything is timed.
  if (given) await admin(adminUrl, 'SELECT 1');
  const made: string[] = [];
  return {
    adminUrl,
    throwaway: clusterDir !== null,
    async freshDatabase(label) {
      const name = `haze_bench_${label}_${randomBytes(3).toString('hex')}`;
      await admin(adminUrl, `CREATE DATABASE ${name}`);
      made.push(name);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async stop(keep) {
      if (clusterDir) {
        execFileSync(path.join(repoRoot, 'scripts/pg-cluster.sh'), ['stop', clusterDir]);
        return;
      }
      if (!keep) for (const name of made) await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
