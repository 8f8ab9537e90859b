/**
 * The district database's roles and grants (`haze db roles`): the SQL text, built by a pure function, that a
 * superuser runs once after the schema (migrations.ts) and again for each new town — every statement may run
 * twice without harm. The policies are the schema's (row-level security in migrations.ts); what a role may do
 * at all is granted here:
 * - haze_towns: a group holding what every town's login needs; haze_town_<code> (LOGIN) one per town, a member
 *   of it, recorded in town_roles so that haze_town() knows whose rows it may see.
 * - haze_district: the group haze_is_district() asks about; the district's login is haze_district itself, or
 *   a role of the district's own name made a member of it (--district-role).
 * No password is ever written here (the SQL is printed, kept, mailed): the comment says how to set one.
 * rolesSql is pure; runRolesSql runs it.
 */
import { sql } from 'kysely';
import { CODE, HazeError } from '../../../errors.js';
import type { District } from './connect.js';
import { TOWN_TABLES } from './schema.js';

export const TOWNS_GROUP = 'haze_towns';
export const DISTRICT_GROUP = 'haze_district';

/** A town's login role: haze_town_<code>. */
export const townRole = (code: string): string => `haze_town_${code}`;

/** A role name haze writes into SQL unquoted-safe: lower-case letters, digits and _, at most 63 long. */
export const isRoleName = (s: string): boolean => /^[a-z_][a-z0-9_]{0,62}$/.test(s);
/** A town's administrative code (haze.yaml town.code). */
export const isTownCode = (s: string): boolean => /^\d{6,12}$/.test(s);

export interface RolesRequest {
  towns: readonly string[];
  /** The district's login role (haze_district unless told). */
  districtRole: string;
}

/** What each kind of role may do on which tables; row-level security narrows it to rows. */
const TOWN_WRITES = ['towns', 'town_lists', 'pushes', 'sync_conflicts', ...TOWN_TABLES] as const;
const READ_BY_ALL = ['haze_schema', 'town_roles'] as const;
const DISTRICT_INSERTS = ['findings', 'alert_events'] as const;
/** The BIGSERIAL tables' sequences, which an INSERT by a town draws on. */
const SEQUENCES = ['pushes_id_seq', 'sync_conflicts_id_seq'] as const;

/** CREATE ROLE when there is none of the name; a second haze running it at the same moment is no error. */
function createRole(name: string, attrs: string): string {
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${name}') THEN
    CREATE ROLE ${name} ${attrs};
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;`;
}

/**
 * The SQL, without BEGIN/COMMIT (`--apply` runs it in one transaction; the printed text adds them). Throws
 * nothing: the caller checks the names (isTownCode, isRoleName).
 */
export function rolesSql(req: RolesRequest): string {
  const towns = [...new Set(req.towns)].sort();
  const district = req.districtRole;
  const all = [...new Set([...TOWN_WRITES, ...READ_BY_ALL])].join(', ');
  const lines: string[] = [
    `-- haze db roles: the district database's roles and grants. Run as a superuser (or the owner of the`,
    `-- tables with CREATEROLE), after haze has set up the schema; safe to run again, e.g. for a new town.`,
    `-- No passwords here. Set each login's password once, in psql:`,
    ...[...towns.map(townRole), district].map((r) => `--   ${`\\password ${r}`.padEnd(32)} (or: ALTER ROLE ${r} PASSWORD '…';)`),
    `-- and give it to the town (or district) to keep in PGPASSWORD or ~/.pgpass, never in haze.yaml.`,
    '',
    `-- The groups: what every town's login may do, and the district's.`,
    createRole(TOWNS_GROUP, 'NOLOGIN'),
    createRole(DISTRICT_GROUP, district === DISTRICT_GROUP ? 'LOGIN' : 'NOLOGIN'),
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${TOWNS_GROUP}, ${DISTRICT_GROUP}', current_database()); END $$;`,
    `GRANT USAGE ON SCHEMA public TO ${TOWNS_GROUP}, ${DISTRICT_GROUP};`,
    `GRANT SELECT ON ${READ_BY_ALL.join(', ')} TO ${TOWNS_GROUP}, ${DISTRICT_GROUP};`,
    `-- A town reads and writes its own rows only (row-level security); it never deletes.`,
    `GRANT SELECT, INSERT, UPDATE ON ${TOWN_WRITES.join(', ')} TO ${TOWNS_GROUP};`,
    `GRANT USAGE ON SEQUENCE ${SEQUENCES.join(', ')} TO ${TOWNS_GROUP};`,
    `-- The district reads every town, and writes provincial findings and its alert decisions for towns to pull.`,
    `GRANT SELECT ON ${all} TO ${DISTRICT_GROUP};`,
    `GRANT INSERT ON ${DISTRICT_INSERTS.join(', ')} TO ${DISTRICT_GROUP};`,
  ];
  if (district !== DISTRICT_GROUP) {
    lines.push('', `-- The district's login.`, createRole(district, 'LOGIN'), `GRANT ${DISTRICT_GROUP} TO ${district};`);
  }
  for (const code of towns) {
    const role = townRole(code);
    lines.push(
      '',
      `-- Town ${code}.`,
      createRole(role, 'LOGIN'),
      `GRANT ${TOWNS_GROUP} TO ${role};`,
      `INSERT INTO town_roles (role_name, town) VALUES ('${role}', '${code}') ON CONFLICT DO NOTHING;`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The text `haze db roles` prints: the SQL in one transaction, for psql -f. */
export function printedRolesSql(req: RolesRequest): string {
  return `BEGIN;\n\n${rolesSql(req)}\nCOMMIT;\n`;
}

/** Run the roles SQL in one transaction; an account without the right to make roles or grants is told so (77). */
export async function runRolesSql(district: District, req: RolesRequest): Promise<void> {
  try {
    await district.db.transaction().execute(async (trx) => {
      await sql.raw(rolesSql(req)).execute(trx);
    });
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') throw err;
    const said = String((err as Error).message);
    throw new HazeError(CODE.HAZE_DISTRICT_ROLES_DENIED, {
      where: { file: district.shownUrl },
      message: {
        zh: `${district.shownUrl} 的这个账号不能建立账号或授权（${said}）；没有做任何改动`,
        en: `the account of ${district.shownUrl} may not make roles or grants (${said}); nothing was changed`,
      },
    });
  }
}
