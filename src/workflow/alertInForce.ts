/**
 * The alert in force: one source for every command. The store's recorded alerts decide; while the store
 * records none, the embedded sample town's own alert (the seed story: orange from 2019-12-08 14:00) stands
 * in — here, and nowhere else.
 */
import { alertAt, type AlertEvent } from '../core/alert.js';
import { LEVEL_RESPONSE_ZH, LEVEL_ZH, type AlertLevel } from '../core/model.js';
import { compareWallTime, formatWallTime, parseWallTime, type WallTime } from '../core/time.js';
import { CODE, HazeError, type Text } from '../errors.js';
import { readAlertEvents } from '../io/store/alerts.js';
import type { Workspace } from '../io/read/workspace.js';
import { readStore } from './storeDoor.js';
import type { Voice } from './voice.js';

export interface TownAlert {
  events: AlertEvent[];
  /** The events are the sample town's own story, not recorded ones. */
  fromSample: boolean;
}

/** The alert's history: recorded, or the sample's own while nothing is recorded. */
export function townAlert(ws: Pick<Workspace, 'dbFile' | 'sampleAlert'>): TownAlert {
  const recorded = readStore(ws, readAlertEvents, []);
  if (recorded.length > 0 || !ws.sampleAlert) return { events: recorded, fromSample: false };
  const at = parseWallTime(ws.sampleAlert.from)!;
  return {
    events: [{ kind: 'issue', level: ws.sampleAlert.level, at, until: null, doc: ws.sampleAlert.doc ?? null, note: ws.sampleAlert.note ?? null }],
    fromSample: true,
  };
}

export function levelName(level: AlertLevel): string {
  return `${LEVEL_ZH[level]}（${LEVEL_RESPONSE_ZH[level]}）`;
}

export interface LevelChoice {
  level: AlertLevel;
  /** When the alert began (the first day's routes start then); null when the level came from --level. */
  issuedAt: WallTime | null;
  /** When the current level took effect; null with --level. */
  levelSince: WallTime | null;
  /** The notice's number (文号), when recorded. */
  doc: string | null;
  /** The alert's expected end, when recorded. */
  until: WallTime | null;
  source: 'flag' | 'store' | 'sample';
}

/**
 * The level a command works at: --level; else the alert in force at the end of `date`. Says which level and
 * why; with neither, exit 64 and how to give one.
 */
export function chooseLevel(ws: Pick<Workspace, 'dbFile' | 'sampleAlert'>, ask: { level?: AlertLevel | undefined; date: string }, voice: Voice): LevelChoice {
  if (ask.level) return { level: ask.level, issuedAt: null, levelSince: null, doc: null, until: null, source: 'flag' };
  const alert = townAlert(ws);
  const inForce = alertAt(alert.events, { date: ask.date, minutes: 24 * 60 - 1 });
  if (inForce) {
    const doc = inForce.doc ? `，${inForce.doc}` : '';
    voice.say(
      alert.fromSample
        ? {
            zh: `预警级别：${levelName(inForce.level)}（示例乡镇自带的预警，自 ${formatWallTime(inForce.levelSince)} 起）`,
            en: `alert level: ${inForce.level} (the sample town's own alert, from ${formatWallTime(inForce.levelSince)})`,
          }
        : {
            zh: `预警级别：${levelName(inForce.level)}（${ws.dbFile} 记录，自 ${formatWallTime(inForce.levelSince)} 起${doc}）`,
            en: `alert level: ${inForce.level} (recorded in ${ws.dbFile}, since ${formatWallTime(inForce.levelSince)}${inForce.doc ? `, ${inForce.doc}` : ''})`,
          },
    );
    return {
      level: inForce.level,
      issuedAt: inForce.issuedAt,
      levelSince: inForce.levelSince,
      doc: inForce.doc,
      until: inForce.until ?? null,
      source: alert.fromSample ? 'sample' : 'store',
    };
  }
  throw new HazeError(CODE.HAZE_USAGE, {
    message: { zh: `${ask.date} 没有正在执行的预警，不知道预警级别`, en: `no alert is in force on ${ask.date}, so the level is unknown` },
    hint: {
      zh: '用 --level 指定（如 --level orange 或 --level 橙色），或先用 haze alert issue 记录预警',
      en: 'give it with --level (e.g. --level orange), or record the alert with haze alert issue',
    },
  });
}

/**
 * The day a command is about when --date is not given: on the sample town the day its alert began (the seed
 * story is in 2019); otherwise today.
 */
export function defaultDate(ws: Pick<Workspace, 'dbFile' | 'sampleAlert'>, today: string): string {
  const alert = townAlert(ws);
  return alert.fromSample ? alert.events[0]!.at.date : today;
}

/** The alert as a timeline the record commands ask about any moment. Silent: it announces no level. */
export interface AlertTimeline {
  /** The level in force at a moment (or --level's), or null. */
  levelAt(t: WallTime): AlertLevel | null;
  /** When the alert in force at `t` began, or null. */
  startedAt(t: WallTime): WallTime | null;
  /** The expected end of the alert in force at `t`, when recorded. */
  untilAt(t: WallTime): WallTime | null;
  /** Why `t` lies outside any alert, or null when one is in force (or, with --level and nothing recorded, always). */
  outside(t: WallTime): Text | null;
}

export function alertTimeline(ws: Pick<Workspace, 'dbFile' | 'sampleAlert'>, fixedLevel?: AlertLevel): AlertTimeline {
  const { events } = townAlert(ws);
  if (events.length === 0) {
    return {
      levelAt: () => fixedLevel ?? null,
      startedAt: () => null,
      untilAt: () => null,
      outside: () =>
        fixedLevel
          ? null
          : { zh: '没有记录任何预警（用 haze alert issue 记录，或给 --level）', en: 'no alert is recorded (record it with haze alert issue, or give --level)' },
    };
  }
  return {
    levelAt: (t) => fixedLevel ?? alertAt(events, t)?.level ?? null,
    startedAt: (t) => alertAt(events, t)?.issuedAt ?? null,
    untilAt: (t) => alertAt(events, t)?.until ?? null,
    outside: (t) => {
      if (alertAt(events, t)) return null;
      const first = events[0]!;
      // The moment itself is not named: the caller shows it as the value, and rows that share the reason are said once.
      return compareWallTime(t, first.at) < 0
        ? { zh: `早于预警开始（${formatWallTime(first.at)}）`, en: `before the alert began (${formatWallTime(first.at)})` }
        : { zh: '当时没有正在执行的预警', en: 'no alert was in force then' };
    },
  };
}

/** The day a command is about (--date, or the default day) and the level it works at then. */
export function dayAndLevel(
  ws: Pick<Workspace, 'dbFile' | 'sampleAlert'>,
  ask: { date?: string | undefined; level?: AlertLevel | undefined },
  today: string,
  voice: Voice,
): { date: string; choice: LevelChoice } {
  const date = ask.date ?? defaultDate(ws, today);
  return { date, choice: chooseLevel(ws, { level: ask.level, date }, voice) };
}
