/**
 * The store's schema, one migration per version. A migration is never edited once released: a change is a
 * new migration. PRAGMA user_version holds how many have run.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the alert's history.
  `CREATE TABLE alert_events (
     id          INTEGER PRIMARY KEY,
     kind        TEXT NOT NULL CHECK (kind IN ('issue', 'change', 'lift')),
     level       TEXT CHECK (level IN ('yellow', 'orange', 'red')),
     at          TEXT NOT NULL,   -- Beijing wall-clock, 'YYYY-MM-DD HH:mm'
     until       TEXT,            -- expected end, same form
     doc         TEXT,            -- the notice's number (文号)
     note        TEXT,
     recorded_at TEXT NOT NULL,   -- when it was entered, UTC ISO 8601
     CHECK ((kind = 'lift') = (level IS NULL))
   );
   CREATE INDEX alert_events_at ON alert_events (at, id);`,
  // 2: plans as printed, inspection records with their history, provincial findings.
  `CREATE TABLE plans (
     id          INTEGER PRIMARY KEY,
     created_at  TEXT NOT NULL,   -- UTC ISO 8601
     start_date  TEXT NOT NULL,
     days        INTEGER NOT NULL,
     level       TEXT NOT NULL CHECK (level IN ('yellow', 'orange', 'red')),
     shift       TEXT NOT NULL CHECK (shift IN ('day', 'night')),
     seed        INTEGER NOT NULL,
     inputs      TEXT NOT NULL,   -- sha256 of the list, groups and rules it was made from
     UNIQUE (start_date, days, level, shift, seed, inputs)
   );
   CREATE TABLE planned_visits (
     plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
     date        TEXT NOT NULL,
     group_id    TEXT NOT NULL,
     seq         INTEGER NOT NULL,
     credit_code TEXT NOT NULL,
     arrive      TEXT NOT NULL,
     depart      TEXT NOT NULL,
     action      TEXT NOT NULL,
     reason      TEXT NOT NULL,
     PRIMARY KEY (plan_id, date, group_id, seq)
   );
   CREATE INDEX planned_visits_day ON planned_visits (date, group_id, credit_code);
   CREATE TABLE imports (
     id          INTEGER PRIMARY KEY,
     kind        TEXT NOT NULL CHECK (kind IN ('results', 'findings')),
     file_name   TEXT NOT NULL,
     sha256      TEXT NOT NULL,
     imported_at TEXT NOT NULL,   -- UTC ISO 8601
     rows        INTEGER NOT NULL,
     replace     INTEGER NOT NULL DEFAULT 0,
     UNIQUE (kind, sha256)
   );
   CREATE TABLE inspections (
     id          INTEGER PRIMARY KEY,
     date        TEXT NOT NULL,
     group_id    TEXT NOT NULL,
     credit_code TEXT NOT NULL,
     name        TEXT NOT NULL,
     seq         INTEGER,
     inspectors  TEXT NOT NULL,
     checked_at  TEXT,            -- Beijing wall-clock, 'YYYY-MM-DD HH:mm'
     planned     INTEGER NOT NULL,
     import_id   INTEGER NOT NULL REFERENCES imports (id),
     UNIQUE (date, group_id, credit_code)
   );
   CREATE INDEX inspections_enterprise ON inspections (credit_code, date);
   CREATE TABLE results (
     id            INTEGER PRIMARY KEY,
     inspection_id INTEGER NOT NULL REFERENCES inspections (id),
     item_id       TEXT NOT NULL,
     item          TEXT NOT NULL,
     result        TEXT NOT NULL CHECK (result IN ('ok', 'violation', 'na')),
     note          TEXT NOT NULL DEFAULT '',
     import_id     INTEGER NOT NULL REFERENCES imports (id),
     superseded_by INTEGER REFERENCES imports (id)   -- set when --replace changed it: history is kept
   );
   CREATE UNIQUE INDEX results_current ON results (inspection_id, item_id) WHERE superseded_by IS NULL;
   CREATE TABLE findings (
     id          INTEGER PRIMARY KEY,
     date        TEXT NOT NULL,
     credit_code TEXT NOT NULL,
     name        TEXT NOT NULL DEFAULT '',
     problem     TEXT NOT NULL,
     source      TEXT NOT NULL,   -- the notice that reported it
     import_id   INTEGER REFERENCES imports (id),
     status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
     closed_at   TEXT,
     close_note  TEXT,
     closed_by_inspection INTEGER REFERENCES inspections (id),
     UNIQUE (date, credit_code, problem, source)
   );`,
];
