/**
 * The door to the district database: a connection string in, a Kysely over a node-postgres pool out, the schema
 * brought up to date (one transaction, under an advisory lock, so two towns connecting at once do not both
 * migrate), a database from a newer haze refused. Every fault of the server or the network comes out as a
 * HazeError in the user's words (69 unreachable, 77 refused, 78 set up wrong, 74 anything else), and the
 * password never appears: the URL is shown masked (`shownUrl`), and the driver's own messages never hold it.
 *
 * Every choice about the connection is haze's own, made here (poolSettings), not left to the driver's defaults,
 * so that the user sees no driver warning and the rules are the ones PostgreSQL documents (libpq's):
 * - The password: the connection string's, else PGPASSWORD, else the matching line of ~/.pgpass (PGPASSFILE;
 *   ignored, as libpq does, unless only its owner may read it). node-postgres would read ~/.pgpass itself, but
 *   prints a deprecation warning when it does; haze looks it up with the same library (pgpass) instead.
 * - sslmode (the string's, else PGSSLMODE): disable (the default: no SSL), require (encrypted; the certificate
 *   is checked only against sslrootcert when one is given), verify-ca, verify-full — libpq's meanings.
 *   node-postgres 8 would take require as verify-full and print a warning saying so. allow and prefer are
 *   refused: they fall back to an unencrypted connection, which node-postgres cannot do, and a user who
 *   wrote them should choose.
 */
import type { Kysely } from 'kysely';
import type { PoolConfig } from 'pg';
import { CODE, HazeError, type ErrorCode, type Text } from '../../../errors.js';
import { DISTRICT_MIGRATIONS } from './migrations.js';
import type { DistrictDB } from './schema.js';

export interface District {
  db: Kysely<DistrictDB>;
  /** The connection string with its password masked: what messages print. */
  shownUrl: string;
  close(): Promise<void>;
}

/** Any of the district's migrations at a time, across every haze connecting: pg_advisory_xact_lock's key. */
const MIGRATION_LOCK = 0x48415a45;

/** postgres://user:secret@host/db → postgres://user:***@host/db; a string that is not a URL is shown as its scheme. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const k of [...u.searchParams.keys()]) if (/^(password|sslpassword|sslkey)$/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return `${url.split(':')[0]}://…`;
  }
}

/** Connect, check the schema, migrate when asked (a read-only view does not change the schema). */
export async function openDistrict(url: string, opts: { migrate: boolean }): Promise<District> {
  const shownUrl = maskUrl(url);
  try {
    new URL(url);
  } catch {
    throw new HazeError(CODE.HAZE_DISTRICT_URL, {
      where: { file: shownUrl },
      message: { zh: `区级数据库的连接串不是有效的 URL：${shownUrl}`, en: `the district database's connection string is not a valid URL: ${shownUrl}` },
    });
  }
  const settings = await poolSettings(url, shownUrl);
  const [{ default: pg }, { Kysely: KyselyClass, PostgresDialect }] = await Promise.all([import('pg'), import('kysely')]);
  const pool = new pg.Pool({ ...settings, Client: closingClient(pg.Client), max: 4, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops must not end the process with an unhandled 'error'.
  pool.on('error', () => undefined);
  const db = new KyselyClass<DistrictDB>({ dialect: new PostgresDialect({ pool }) });
  const district: District = { db, shownUrl, close: () => db.destroy() };
  try {
    await bringUpToDate(district, opts.migrate);
    return district;
  } catch (err) {
    await district.close().catch(() => undefined);
    throw districtError(err, shownUrl);
  }
}

/** libpq's sslmode values haze takes; allow and prefer are refused (see the header). */
const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;

/** The connection's settings from the string and the environment (the header says each rule). */
export async function poolSettings(url: string, shownUrl = maskUrl(url), env: NodeJS.ProcessEnv = process.env): Promise<PoolConfig> {
  const u = new URL(url);
  // haze chooses libpq's meanings itself; the driver's switch for them, if written, would clash with that choice.
  u.searchParams.delete('uselibpqcompat');
  const mode = (u.searchParams.get('sslmode') ?? env.PGSSLMODE ?? 'disable').toLowerCase();
  if (!(SSL_MODES as readonly string[]).includes(mode)) {
    throw new HazeError(CODE.HAZE_DISTRICT_SSLMODE, {
      where: { file: shownUrl },
      message: {
        zh: `sslmode=${mode} 不可用：写 sslmode=require（加密）、verify-full（加密并核对服务器证书）或 disable（不加密）`,
        en: `sslmode=${mode} cannot be used: write sslmode=require (encrypted), verify-full (encrypted, the server's certificate checked) or disable (not encrypted)`,
      },
    });
  }
  u.searchParams.set('sslmode', mode);
  const { default: connectionString } = await import('pg-connection-string');
  let settings: PoolConfig;
  try {
    settings = connectionString.toClientConfig(connectionString.parse(u.toString(), { useLibpqCompat: true })) as PoolConfig;
  } catch (err) {
    // A certificate file that cannot be read, or verify-ca without the CA to verify against.
    const said =
      err instanceof Error && /verify-ca/.test(err.message) ? 'sslmode=verify-ca needs sslrootcert=<CA file>' : String((err as Error).message ?? err);
    throw new HazeError(CODE.HAZE_DISTRICT_SSLMODE, {
      where: { file: shownUrl },
      message: { zh: `连接串的 SSL 设置用不了：${said}`, en: `the connection string's SSL settings cannot be used: ${said}` },
    });
  }
  if (!settings.password) {
    const fromEnv = env.PGPASSWORD;
    delete settings.password;
    // Asked only when the server wants a password (a trust login never reads ~/.pgpass).
    settings.password = async function password(this: void, ...args: unknown[]): Promise<string> {
      if (fromEnv !== undefined) return fromEnv;
      const found = await fromPgpass(args[0] as PgpassQuery);
      if (found === undefined) throw Object.assign(new Error('no password'), { code: NO_PASSWORD });
      return found;
    } as PoolConfig['password'];
  }
  return settings;
}

/** The server asked for a password and none was to be found: the mark on the driver's error (districtError says where haze looked). */
const NO_PASSWORD = 'no password found';

interface PgpassQuery {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
}

/** The password ~/.pgpass (or PGPASSFILE) holds for this host, port, database and user, if any. */
async function fromPgpass(q: PgpassQuery): Promise<string | undefined> {
  const { default: pgpass } = await import('pgpass');
  return new Promise((done) => pgpass({ host: q.host, port: q.port, database: q.database, user: q.user }, done));
}

/**
 * node-postgres's client, which also closes its socket when the login fails on this side (no password to
 * give): the driver leaves it open, and the server would hold the process for its authentication_timeout
 * (a minute) before haze could say what went wrong and exit.
 */
function closingClient(Base: typeof import('pg').Client): typeof import('pg').Client {
  class ClosingClient extends Base {}
  type Connect = (this: unknown, callback?: (err: Error) => void) => unknown;
  const connect = Base.prototype.connect as Connect;
  const closing: Connect = function (callback) {
    if (!callback) return connect.call(this);
    return connect.call(this, (err: Error) => {
      if (err) (this as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      callback(err);
    });
  };
  (ClosingClient.prototype as unknown as { connect: Connect }).connect = closing;
  return ClosingClient;
}

async function bringUpToDate(district: District, migrate: boolean): Promise<void> {
  const { sql } = await import('kysely');
  const known = DISTRICT_MIGRATIONS.length;
  const version = await schemaVersion(district);
  if (version > known) throw newer(district.shownUrl, version, known);
  if (version === known || !migrate) return;
  await district.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    // Read again under the lock: another haze may have migrated while this one waited.
    const from = await schemaVersion({ ...district, db: trx });
    if (from > known) throw newer(district.shownUrl, from, known);
    for (let v = from; v < known; v++) await sql.raw(DISTRICT_MIGRATIONS[v]!).execute(trx);
    await sql`UPDATE haze_schema SET version = ${known}`.execute(trx);
  });
}

/** 0 for an empty database (no haze_schema yet). */
async function schemaVersion(district: Pick<District, 'db'>): Promise<number> {
  const { sql } = await import('kysely');
  const has = await sql<{ t: string | null }>`SELECT to_regclass('public.haze_schema')::text AS t`.execute(district.db);
  if (!has.rows[0]?.t) return 0;
  const row = await sql<{ version: number }>`SELECT version FROM haze_schema`.execute(district.db);
  return row.rows[0]?.version ?? 0;
}

function newer(shownUrl: string, version: number, known: number): HazeError {
  return new HazeError(CODE.HAZE_DISTRICT_NEWER, {
    where: { file: shownUrl },
    message: {
      zh: `区级数据库 ${shownUrl} 由更新版本的 haze 建立（结构版本 ${version}），本版本只认识到 ${known}；没有做任何改动`,
      en: `the district database ${shownUrl} was set up by a newer haze (schema ${version}; this one knows up to ${known}); nothing was changed`,
    },
  });
}

/** The driver's fault in the user's words. A HazeError passes through. */
export function districtError(err: unknown, shownUrl: string): HazeError {
  if (err instanceof HazeError) return err;
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  // An AggregateError (IPv4 and IPv6 both refused) carries the codes on its parts.
  const code = e.code ?? e.errors?.[0]?.code ?? '';
  const said = (e.message ?? String(err)).replaceAll(/:\/\/[^@\s]*@/g, '://***@');
  const where = { file: shownUrl };
  const as = (c: ErrorCode, message: Text) => new HazeError(c, { where, message });
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', '57P03'].includes(code) || /timeout/i.test(said)) {
    return as(CODE.HAZE_DISTRICT_UNAVAILABLE, {
      zh: `连不上区级数据库 ${shownUrl}（${said}）`,
      en: `cannot reach the district database ${shownUrl} (${said})`,
    });
  }
  if (/does not support SSL/i.test(said)) {
    return as(CODE.HAZE_DISTRICT_SSL, {
      zh: `区级数据库 ${shownUrl} 不提供 SSL，而连接串要求加密（sslmode）`,
      en: `the district database ${shownUrl} offers no SSL, and the connection string asks for it (sslmode)`,
    });
  }
  if (/certificate|CERT_|self[- ]signed/i.test(`${code} ${said}`)) {
    return as(CODE.HAZE_DISTRICT_SSL, {
      zh: `区级数据库 ${shownUrl} 的证书核对不通过（${said}）`,
      en: `the certificate of the district database ${shownUrl} did not verify (${said})`,
    });
  }
  if (code === NO_PASSWORD) {
    return as(CODE.HAZE_DISTRICT_AUTH, {
      zh: `区级数据库 ${shownUrl} 要密码，但连接串、PGPASSWORD 和 ~/.pgpass（须为 0600 权限）中都没有`,
      en: `the district database ${shownUrl} asks for a password, and there is none in the connection string, PGPASSWORD or ~/.pgpass (which must be mode 0600)`,
    });
  }
  if (code === '28P01' || code === '28000' || /password/i.test(said)) {
    return as(CODE.HAZE_DISTRICT_AUTH, {
      zh: `区级数据库 ${shownUrl} 拒绝登录：用户名或密码不对（${said}）`,
      en: `the district database ${shownUrl} refused the login: wrong user or password (${said})`,
    });
  }
  if (code === '42501') {
    return as(CODE.HAZE_DISTRICT_DENIED, { zh: `区级数据库 ${shownUrl} 不允许：${said}`, en: `the district database ${shownUrl} does not allow it: ${said}` });
  }
  if (code === '3D000') {
    return as(CODE.HAZE_DISTRICT_NO_DATABASE, { zh: `区级服务器上没有这个数据库：${shownUrl}`, en: `the district server has no such database: ${shownUrl}` });
  }
  return as(CODE.HAZE_DISTRICT_FAULT, { zh: `区级数据库 ${shownUrl} 出错：${said}`, en: `the district database ${shownUrl} failed: ${said}` });
}

/** Use the district database, closing it whatever happens; its faults in the user's words. */
export async function withDistrict<T>(url: string, opts: { migrate: boolean }, use: (d: District) => Promise<T>): Promise<T> {
  const district = await openDistrict(url, opts);
  try {
    return await use(district);
  } catch (err) {
    throw districtError(err, district.shownUrl);
  } finally {
    await district.close().catch(() => undefined);
  }
}
