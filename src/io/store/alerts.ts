/** The alert's history in the store: read every event, append one. */
import type { AlertEvent, AlertEventKind } from '../../core/alert.js';
import type { AlertLevel } from '../../core/model.js';
import { formatWallTime, parseWallTime, type WallTime } from '../../core/time.js';
import type { Store } from './db.js';

interface Row {
  id: number;
  kind: AlertEventKind;
  level: AlertLevel | null;
  at: string;
  until: string | null;
  doc: string | null;
  note: string | null;
}

const wall = (s: string): WallTime => parseWallTime(s)!;

export function readAlertEvents(db: Store): AlertEvent[] {
  const rows = db.prepare('SELECT id, kind, level, at, until, doc, note FROM alert_events ORDER BY at, id').all() as Row[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, level: r.level, at: wall(r.at), until: r.until ? wall(r.until) : null, doc: r.doc, note: r.note }));
}

/**
 * Append an event after checking it against the history in the same write transaction, so that two officers
 * recording at once cannot both issue an alert.
 */
export function appendAlertEvent(db: Store, e: AlertEvent, recordedAt: string, check: (history: AlertEvent[]) => void): number {
  return db
    .transaction(() => {
      check(readAlertEvents(db));
      const r = db
        .prepare('INSERT INTO alert_events (kind, level, at, until, doc, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(e.kind, e.level, formatWallTime(e.at), e.until ? formatWallTime(e.until) : null, e.doc ?? null, e.note ?? null, recordedAt);
      return Number(r.lastInsertRowid);
    })
    .immediate();
}
