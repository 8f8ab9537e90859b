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
  // 3: an import is recognised by what it records, not by the file's bytes: the same content may be imported
  // again as a correction (record --replace back to an earlier file), so imports loses UNIQUE (kind, sha256)
  // and gains the content's fingerprint; an inspection's corrected inspectors / check time keep their earlier
  // values in inspection_versions, as results keep theirs through superseded_by.
  //
  // SQLite cannot drop a table constraint, so imports is rebuilt. Foreign keys are on (db.ts) and cannot be
  // switched off inside the migration's transaction, so they are deferred to the commit instead. The rows go
  // out to a temporary table and come back into the new imports under their own ids: dropping imports counts
  // every inspection, result and finding that points at it as a violation, and only putting those parents
  // back settles the count (creating imports_new and renaming it would leave the count standing, and the
  // commit would fail). A row lost on the way fails the whole migration, leaving the store at version 2.
  `PRAGMA defer_foreign_keys = ON;
   CREATE TEMP TABLE imports_v2 AS SELECT * FROM imports;
   DROP TABLE imports;
   CREATE TABLE imports (
     id          INTEGER PRIMARY KEY,
     kind        TEXT NOT NULL CHECK (kind IN ('results', 'findings')),
     file_name   TEXT NOT NULL,
     sha256      TEXT NOT NULL,   -- the file's bytes
     imported_at TEXT NOT NULL,   -- UTC ISO 8601
     rows        INTEGER NOT NULL,
     replace     INTEGER NOT NULL DEFAULT 0,
     fingerprint TEXT             -- results: sha256 of the visits recorded (NULL for imports made before version 3)
   );
   INSERT INTO imports (id, kind, file_name, sha256, imported_at, rows, replace)
     SELECT id, kind, file_name, sha256, imported_at, rows, replace FROM imports_v2;
   DROP TABLE temp.imports_v2;
   CREATE INDEX imports_sha256 ON imports (kind, sha256);   -- findings import: "this file was imported before"
   CREATE INDEX imports_fingerprint ON imports (kind, fingerprint);
   CREATE TABLE inspection_versions (
     id            INTEGER PRIMARY KEY,
     inspection_id INTEGER NOT NULL REFERENCES inspections (id),
     inspectors    TEXT NOT NULL,   -- the values before the correction
     checked_at    TEXT,
     superseded_by INTEGER NOT NULL REFERENCES imports (id)   -- the --replace import that corrected them
   );
   CREATE INDEX inspection_versions_inspection ON inspection_versions (inspection_id, id);`,
  // 4: the plan of record. A plan is stored whole (each leg's kilometres, each route's distance and return
  // time as computed, so paper printed later says what the first paper said) with what it was made from
  // (basis, JSON); plan_of_record names, for each day and shift, the plan every command uses for it. A replan
  // marks the earlier record replaced, never deletes it.
  `ALTER TABLE plans ADD COLUMN basis TEXT;   -- JSON PlanBasis; NULL for plans saved before version 4
   ALTER TABLE planned_visits ADD COLUMN leg_km REAL;
   CREATE TABLE planned_routes (
     plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
     date        TEXT NOT NULL,
     group_id    TEXT NOT NULL,
     total_km    REAL NOT NULL,
     return_at   TEXT NOT NULL,   -- Beijing wall-clock, 'YYYY-MM-DD HH:mm'
     PRIMARY KEY (plan_id, date, group_id)
   );
   CREATE TABLE plan_of_record (
     id          INTEGER PRIMARY KEY,
     date        TEXT NOT NULL,
     shift       TEXT NOT NULL CHECK (shift IN ('day', 'night')),
     plan_id     INTEGER NOT NULL REFERENCES plans (id),
     fixed_at    TEXT NOT NULL,   -- UTC ISO 8601
     fixed_by    TEXT NOT NULL CHECK (fixed_by IN ('plan', 'checklist', 'save', 'replan', 'record')),
     replaced_by INTEGER REFERENCES plan_of_record (id),
     replaced_at TEXT
   );
   CREATE UNIQUE INDEX plan_of_record_current ON plan_of_record (date, shift) WHERE replaced_at IS NULL;`,
  // 5: a finding keeps the enterprise's name as the province's notice spelled it, beside the list's name, so the
  // town's circular (haze findings circular) can print the notice's own words.
  `ALTER TABLE findings ADD COLUMN bulletin_name TEXT;   -- NULL when the file gave no name, or imported before version 5`,
  // 6: evidence before the visit (issue 16): meter points, their readings as intervals of energy, and the gate
  // ledger, each row with the import it came from; evidence_imports keeps each file's name, bytes and content.
  // Readings are keyed (point_id, start) WITHOUT ROWID: 2.9 million rows stored once, in the order they are
  // read back. A gate movement whose direction the ledger does not give has direction '' (NULL would make
  // the UNIQUE key never match, and the same file imported twice would double the ledger).
  `CREATE TABLE evidence_imports (
     id          INTEGER PRIMARY KEY,
     kind        TEXT NOT NULL CHECK (kind IN ('points', 'readings', 'gate')),
     file_name   TEXT NOT NULL,
     sha256      TEXT NOT NULL,   -- the file's bytes
     imported_at TEXT NOT NULL,   -- UTC ISO 8601
     rows        INTEGER NOT NULL,
     fingerprint TEXT NOT NULL    -- sha256 of the content read: the same content again is "already imported"
   );
   CREATE INDEX evidence_imports_fingerprint ON evidence_imports (kind, fingerprint);
   CREATE TABLE meter_points (
     point_id     TEXT PRIMARY KEY,
     credit_code  TEXT NOT NULL,
     workshop     TEXT NOT NULL DEFAULT '',
     device       TEXT NOT NULL DEFAULT '',
     kind         TEXT NOT NULL CHECK (kind IN ('production', 'treatment', 'main')),
     rated_kw     REAL,
     on_kw        REAL,
     hold_minutes INTEGER,
     source_row   INTEGER,   -- the row of the points file it was read from, for messages
     import_id    INTEGER NOT NULL REFERENCES evidence_imports (id)
   );
   CREATE INDEX meter_points_enterprise ON meter_points (credit_code);
   CREATE TABLE point_treatment (
     production_point TEXT NOT NULL,
     treatment_point  TEXT NOT NULL,
     PRIMARY KEY (production_point, treatment_point)
   ) WITHOUT ROWID;
   CREATE TABLE meter_readings (
     point_id  TEXT NOT NULL,
     start     INTEGER NOT NULL,   -- wall minute: minutes since 1970-01-01 00:00, Beijing wall clock
     minutes   INTEGER NOT NULL,
     kwh       REAL NOT NULL,
     import_id INTEGER NOT NULL,   -- evidence_imports (id); no foreign key: checked once per import, not per row
     PRIMARY KEY (point_id, start)
   ) WITHOUT ROWID;
   CREATE TABLE gate_movements (
     id          INTEGER PRIMARY KEY,
     credit_code TEXT NOT NULL,
     at          INTEGER NOT NULL,   -- wall minute
     direction   TEXT NOT NULL DEFAULT '' CHECK (direction IN ('in', 'out', '')),
     plate       TEXT NOT NULL,
     vin         TEXT NOT NULL DEFAULT '',
     stage       TEXT,
     fuel        TEXT,
     goods       TEXT NOT NULL DEFAULT '',
     tonnes      REAL,
     source_row  INTEGER,
     import_id   INTEGER NOT NULL REFERENCES evidence_imports (id),
     UNIQUE (credit_code, at, plate, direction)
   );`,
  // 7: phones over the office network (haze serve, issue 18). A phone's entry carries an id the phone made, so
  // a resend is the same entry; it becomes a results import like a file's (imports, inspections, results), and
  // what only a phone knows is kept beside it: arrival, position, photos. Visits are named by their natural key
  // (date, group, enterprise), never by an inspection's row id, which a district replica may renumber. A token
  // is kept as its hash: the store never holds what opens it. These tables stay on the town's PC (not pushed).
  `CREATE TABLE serve_tokens (
     id          TEXT PRIMARY KEY,   -- public: shown by \`haze serve tokens\`, names the token to revoke
     secret_hash TEXT NOT NULL,      -- sha256 (hex) of the whole token
     group_id    TEXT NOT NULL,
     from_date   TEXT NOT NULL,
     to_date     TEXT NOT NULL,
     label       TEXT NOT NULL DEFAULT '',
     created_at  TEXT NOT NULL,      -- UTC ISO 8601
     revoked_at  TEXT
   );
   CREATE TABLE serve_users (
     name          TEXT PRIMARY KEY,
     password_hash TEXT NOT NULL,    -- scrypt$N$r$p$salt$hash (base64url)
     set_at        TEXT NOT NULL
   );
   CREATE TABLE phone_entries (
     entry_id    TEXT PRIMARY KEY,   -- made by the phone
     token_id    TEXT NOT NULL,
     date        TEXT NOT NULL,
     group_id    TEXT NOT NULL,
     credit_code TEXT NOT NULL,
     import_id   INTEGER REFERENCES imports (id),   -- NULL: the entry changed nothing
     outcome     TEXT NOT NULL CHECK (outcome IN ('new', 'correction', 'unchanged')),
     arrived_at  TEXT,               -- wall time, as the phone took it (or the inspector corrected it)
     checked_at  TEXT,
     lat         REAL,
     lng         REAL,
     accuracy_m  REAL,
     received_at TEXT NOT NULL       -- UTC ISO 8601
   );
   CREATE INDEX phone_entries_visit ON phone_entries (date, group_id, credit_code);
   CREATE TABLE photos (
     sha256    TEXT PRIMARY KEY,     -- of the bytes; the file beside the store is named by it
     mime      TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic')),
     bytes     INTEGER NOT NULL,
     stored_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE visit_photos (
     entry_id TEXT NOT NULL REFERENCES phone_entries (entry_id),
     item_id  TEXT NOT NULL DEFAULT '',   -- '' for the visit as a whole
     sha256   TEXT NOT NULL REFERENCES photos (sha256),
     PRIMARY KEY (entry_id, item_id, sha256)
   ) WITHOUT ROWID;`,
];
