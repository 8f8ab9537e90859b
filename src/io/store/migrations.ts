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
];
