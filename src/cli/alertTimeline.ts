/**
 * The alert as a timeline the record commands can ask about any moment: the store's recorded alerts, or —
 * while the store records none — the sample town's own. Silent: it does not announce a level.
 */
import { alertAt, type AlertEvent } from '../core/alert.js';
import type { AlertLevel } from '../core/model.js';
import { compareWallTime, formatWallTime, parseWallTime, type WallTime } from '../core/time.js';
import { readAlertEvents } from '../io/store/alerts.js';
import { openStore } from '../io/store/db.js';
import type { Text } from '../errors.js';
import type { Town } from './context.js';

export interface AlertTimeline {
  /** The level in force at a moment, or null. */
  levelAt(t: WallTime): AlertLevel | null;
  /** When the alert in force at `t` began (its first day), or null. */
  startedAt(t: WallTime): WallTime | null;
  /** Why `t` lies outside any alert, or null when one is in force (or nothing is known, with a fixed level). */
  outside(t: WallTime): Text | null;
}

export function alertTimeline(town: Town, fixedLevel?: AlertLevel): AlertTimeline {
  const db = openStore(town.ws.dbFile, { create: false });
  let events: AlertEvent[] = [];
  if (db) {
    try { events = readAlertEvents(db); } finally { db.close(); }
  }
  if (events.length === 0 && town.ws.sampleAlert) {
    const from = parseWallTime(town.ws.sampleAlert.from)!;
    events = [{ kind: 'issue', level: town.ws.sampleAlert.level, at: from }];
  }
  if (events.length === 0) {
    // Nothing recorded: with --level the level is known and any time is accepted; without, nothing is.
    return {
      levelAt: () => fixedLevel ?? null,
      startedAt: () => null,
      outside: () => (fixedLevel ? null : { zh: '没有记录任何预警（用 haze alert issue 记录，或给 --level）', en: 'no alert is recorded (record it with haze alert issue, or give --level)' }),
    };
  }
  return {
    levelAt: (t) => fixedLevel ?? alertAt(events, t)?.level ?? null,
    startedAt: (t) => alertAt(events, t)?.issuedAt ?? null,
    outside: (t) => {
      if (alertAt(events, t)) return null;
      const first = events[0]!;
      return compareWallTime(t, first.at) < 0
        ? { zh: `${formatWallTime(t)} 早于预警开始（${formatWallTime(first.at)}）`, en: `${formatWallTime(t)} is before the alert began (${formatWallTime(first.at)})` }
        : { zh: `${formatWallTime(t)} 没有正在执行的预警`, en: `no alert was in force at ${formatWallTime(t)}` };
    },
  };
}
