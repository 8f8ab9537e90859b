/**
 * The district database's schema (PostgreSQL), one migration per version, run in one transaction under an
 * advisory lock (connect.ts); haze_schema holds how many have run, and a database from a newer haze is refused.
 * A migration is never edited once released: a change is a new migration.
 *
 * The tables mirror the town's SQLite store (../migrations.ts) with three changes: every row carries its town;
 * rows are keyed by a stable uid (schema.ts) and point at their parents by uid; the raw evidence stays local,
 * the clues it gave come instead. Row-level security is on and forced on every table that holds a town's rows
 * (rowLevelSecurity below): the database, not haze's queries, keeps each town to its own rows. The roles and
 * their grants are not here but in roles.ts (`haze db roles`): a district decides its roles, the schema does not.
 */
import { TOWN_TABLES } from './schema.js';

/** The tables whose rows each belong to one town, with the column that names it. */
const TENANT_TABLES: readonly (readonly [table: string, townColumn: string])[] = [
  ...TOWN_TABLES.map((t) => [t, 'town'] as const),
  ['towns', 'code'],
  ['town_lists', 'town'],
  ['pushes', 'town'],
  ['sync_conflicts', 'town'],
];

/** What the district itself writes for any town, and towns pull (pull.ts): provincial findings, its alert decisions. */
const DISTRICT_WRITES = ['findings', 'alert_events'] as const;

/**
 * Row-level security, forced on the owner too (only a superuser, or a role with BYPASSRLS, passes it):
 * - haze_town(): the town of the role running the query, from town_roles. SECURITY DEFINER so that it reads
 *   town_roles whatever the caller was granted; the caller is its argument's default, which PostgreSQL
 *   evaluates where the function is called (inside a SECURITY DEFINER function current_user is the owner).
 * - haze_is_district(): whether the role running the query is a member of haze_district; false, not an error,
 *   when no role of that name exists yet.
 * - Each policy calls them in a sub-select, so they run once per query, not once per row.
 * - town_roles and haze_schema: readable by all; RLS on but not forced, with no policy to write, so nobody but
 *   the owner (who runs migrations and roles.ts's SQL) changes them, whatever a grant says.
 * A later migration that rewrites towns' rows runs as the owner and so sees none of them: it must lift FORCE for
 * the table inside its own transaction (ALTER TABLE … NO FORCE ROW LEVEL SECURITY, then FORCE again).
 */
function rowLevelSecurity(): string {
  const own = `(SELECT haze_town())`;
  const district = `(SELECT haze_is_district())`;
  const tenants = TENANT_TABLES.map(
    ([t, col]) => `
   ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;
   ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;
   CREATE POLICY town_own_rows ON ${t} USING (${col} = ${own}) WITH CHECK (${col} = ${own});
   CREATE POLICY district_reads ON ${t} FOR SELECT USING (${district});`,
  ).join('');
  const districtWrites = DISTRICT_WRITES.map(
    (t) => `
   CREATE POLICY district_writes ON ${t} FOR INSERT WITH CHECK (${district});`,
  ).join('');
  const readOnly = ['town_roles', 'haze_schema']
    .map(
      (t) => `
   ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;
   CREATE POLICY all_read ON ${t} FOR SELECT USING (true);`,
    )
    .join('');
  return `
   CREATE FUNCTION haze_town(who name DEFAULT current_user) RETURNS text
     LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
     AS $$ SELECT town FROM public.town_roles WHERE role_name = who $$;
   CREATE FUNCTION haze_is_district() RETURNS boolean
     LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
     AS $$ SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'haze_district' AND pg_has_role(current_user, r.oid, 'MEMBER')) $$;${tenants}${districtWrites}${readOnly}`;
}

export const DISTRICT_MIGRATIONS: readonly string[] = [
  // 1: the district's copy of every town's facts.
  `CREATE TABLE haze_schema (version INTEGER NOT NULL);
   INSERT INTO haze_schema (version) VALUES (0);
   CREATE TABLE town_roles (
     role_name   TEXT PRIMARY KEY,
     town        TEXT NOT NULL
   );
   CREATE TABLE towns (
     code          TEXT PRIMARY KEY,
     name          TEXT NOT NULL,
     district_code TEXT,
     district_name TEXT,
     first_push_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     last_push_at  TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE town_lists (
     town        TEXT PRIMARY KEY,
     list_sha    TEXT NOT NULL,
     pushed_at   TIMESTAMPTZ NOT NULL,
     snapshot    JSONB NOT NULL
   );
   CREATE TABLE alert_events (
     uid         TEXT PRIMARY KEY,
     town        TEXT NOT NULL,
     pushed_by   TEXT NOT NULL DEFAULT current_user,
     kind        TEXT NOT NULL CHECK (kind IN ('issue', 'change', 'lift')),
     level       TEXT CHECK (level IN ('yellow', 'orange', 'red')),
     at          TEXT NOT NULL,
     until       TEXT,
     doc         TEXT,
     note        TEXT,
     recorded_at TEXT NOT NULL
   );
   CREATE INDEX alert_events_town ON alert_events (town, at);
   CREATE TABLE imports (
     uid         TEXT PRIMARY KEY,
     town        TEXT NOT NULL,
     pushed_by   TEXT NOT NULL DEFAULT current_user,
     kind        TEXT NOT NULL CHECK (kind IN ('results', 'findings')),
     file_name   TEXT NOT NULL,
     sha256      TEXT NOT NULL,
     imported_at TEXT NOT NULL,
     rows        INTEGER NOT NULL,
     replace     BOOLEAN NOT NULL DEFAULT false,
     fingerprint TEXT
   );
   CREATE TABLE inspections (
     uid         TEXT PRIMARY KEY,
     town        TEXT NOT NULL,
     pushed_by   TEXT NOT NULL DEFAULT current_user,
     date        TEXT NOT NULL,
     group_id    TEXT NOT NULL,
     credit_code TEXT NOT NULL,
     name        TEXT NOT NULL,
     seq         INTEGER,
     inspectors  TEXT NOT NULL,
     checked_at  TEXT,
     planned     BOOLEAN NOT NULL,
     import_uid  TEXT NOT NULL REFERENCES imports (uid)
   );
   CREATE INDEX inspections_town_date ON inspections (town, date);
   CREATE TABLE inspection_versions (
     uid               TEXT PRIMARY KEY,
     town              TEXT NOT NULL,
     pushed_by         TEXT NOT NULL DEFAULT current_user,
     inspection_uid    TEXT NOT NULL REFERENCES inspections (uid),
     inspectors        TEXT NOT NULL,
     checked_at        TEXT,
     superseded_by_uid TEXT NOT NULL REFERENCES imports (uid)
   );
   CREATE TABLE results (
     uid               TEXT PRIMARY KEY,
     town              TEXT NOT NULL,
     pushed_by         TEXT NOT NULL DEFAULT current_user,
     inspection_uid    TEXT NOT NULL REFERENCES inspections (uid),
     item_id           TEXT NOT NULL,
     item              TEXT NOT NULL,
     result            TEXT NOT NULL CHECK (result IN ('ok', 'violation', 'na')),
     note              TEXT NOT NULL DEFAULT '',
     import_uid        TEXT NOT NULL REFERENCES imports (uid),
     superseded_by_uid TEXT REFERENCES imports (uid),
     ord               INTEGER NOT NULL DEFAULT 0   -- its place among its visit's results where it was recorded: the checklist's order
   );
   CREATE INDEX results_inspection ON results (inspection_uid, item_id);
   CREATE INDEX results_town ON results (town);
   CREATE TABLE findings (
     uid                      TEXT PRIMARY KEY,
     town                     TEXT NOT NULL,
     pushed_by                TEXT NOT NULL DEFAULT current_user,
     date                     TEXT NOT NULL,
     credit_code              TEXT NOT NULL,
     name                     TEXT NOT NULL DEFAULT '',
     bulletin_name            TEXT,
     problem                  TEXT NOT NULL,
     source                   TEXT NOT NULL,
     import_uid               TEXT REFERENCES imports (uid),
     status                   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
     closed_at                TEXT,
     close_note               TEXT,
     closed_by_inspection_uid TEXT REFERENCES inspections (uid)
   );
   CREATE INDEX findings_town_date ON findings (town, date);
   CREATE TABLE plans (
     uid         TEXT PRIMARY KEY,
     town        TEXT NOT NULL,
     pushed_by   TEXT NOT NULL DEFAULT current_user,
     created_at  TEXT NOT NULL,
     start_date  TEXT NOT NULL,
     days        INTEGER NOT NULL,
     level       TEXT NOT NULL CHECK (level IN ('yellow', 'orange', 'red')),
     shift       TEXT NOT NULL CHECK (shift IN ('day', 'night')),
     seed        BIGINT NOT NULL,
     inputs      TEXT NOT NULL,
     basis       TEXT
   );
   CREATE TABLE planned_visits (
     uid         TEXT PRIMARY KEY,
     town        TEXT NOT NULL,
     pushed_by   TEXT NOT NULL DEFAULT current_user,
     plan_uid    TEXT NOT NULL REFERENCES plans (uid),
     date        TEXT NOT NULL,
     group_id    TEXT NOT NULL,
     seq         INTEGER NOT NULL,
     credit_code TEXT NOT NULL,
     arrive      TEXT NOT NULL,
     depart      TEXT NOT NULL,
     action      TEXT NOT NULL,
     reason      TEXT NOT NULL,
     leg_km      DOUBLE PRECISION
   );
   CREATE INDEX planned_visits_plan ON planned_visits (plan_uid, date);
   CREATE TABLE planned_routes (
     uid         TEXT PRIMARY KEY,
     town        TEXT NOT NULL,
     pushed_by   TEXT NOT NULL DEFAULT current_user,
     plan_uid    TEXT NOT NULL REFERENCES plans (uid),
     date        TEXT NOT NULL,
     group_id    TEXT NOT NULL,
     total_km    DOUBLE PRECISION NOT NULL,
     return_at   TEXT NOT NULL
   );
   CREATE TABLE plan_of_record (
     uid             TEXT PRIMARY KEY,
     town            TEXT NOT NULL,
     pushed_by       TEXT NOT NULL DEFAULT current_user,
     date            TEXT NOT NULL,
     shift           TEXT NOT NULL CHECK (shift IN ('day', 'night')),
     plan_uid        TEXT NOT NULL REFERENCES plans (uid),
     fixed_at        TEXT NOT NULL,
     fixed_by        TEXT NOT NULL,
     replaced_by_uid TEXT REFERENCES plan_of_record (uid),
     replaced_at     TEXT
   );
   CREATE INDEX plan_of_record_town_date ON plan_of_record (town, date);
   CREATE TABLE clues (
     uid         TEXT PRIMARY KEY,
     town        TEXT NOT NULL,
     pushed_by   TEXT NOT NULL DEFAULT current_user,
     clue_id     TEXT NOT NULL,
     date        TEXT NOT NULL,
     credit_code TEXT NOT NULL,
     kind        TEXT NOT NULL,
     clue        JSONB NOT NULL
   );
   CREATE INDEX clues_town_date ON clues (town, date);
   CREATE TABLE sync_conflicts (
     id               BIGSERIAL PRIMARY KEY,
     town             TEXT NOT NULL,
     tbl              TEXT NOT NULL,
     uid              TEXT NOT NULL,
     subject          TEXT NOT NULL,
     district_version JSONB NOT NULL,
     town_version     JSONB NOT NULL,
     found_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
     settled_at       TIMESTAMPTZ,
     settlement       TEXT CHECK (settlement IN ('district', 'town'))
   );
   -- The same conflict found by a second push is the same conflict, not a second one.
   CREATE UNIQUE INDEX sync_conflicts_once ON sync_conflicts (tbl, uid, md5(town_version::text)) WHERE settled_at IS NULL;
   CREATE TABLE pushes (
     id          BIGSERIAL PRIMARY KEY,
     town        TEXT NOT NULL,
     started_at  TIMESTAMPTZ NOT NULL,
     finished_at TIMESTAMPTZ NOT NULL,
     counts      JSONB NOT NULL
   );${rowLevelSecurity()}`,
];
