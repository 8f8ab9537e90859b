/**
 * The alert in force: one source for every command. The store's recorded alerts decide; on the embedded
 * sample town, for a time before anything the store records (no store, an empty one, or alerts recorded
 * later, such as a practice run today), the sample's own alert (the seed story: orange from 2019-12-08 14:00)
 * stands in, and haze says so — here, and nowhere else. Once the store has spoken (an alert recorded and
 * lifted), its word stands. So the sample town always works, whatever store sits in the folder; a time with
 * no alert in force asks for --level or `haze alert issue` (exit 64).
 */
import { alertAt, inOrder, type AlertEvent, type AlertInForce } from '../core/alert.js';
import { LEVEL_RESPONSE_ZH, LEVEL_ZH, type AlertLevel } from '../core/model.js';
import { compareWallTime, formatWallTime, parseWallTime, type WallTime } from '../core/time.js';
import { CODE, HazeError, type Text } from '../errors.js';
import { readAlertEvents } from '../io/store/alerts.js';
import type { Workspace } from '../io/read/workspace.js';
import { readStore } from './storeDoor.js';
import type { Voice } from './voice.js';

type AlertWorkspace = Pick<Workspace, 'dbFile' | 'dbUrl' | 'sampleAlert' | 'noStore'>;

export interface TownAlert {
  events: AlertEvent[];
  /** The events are the sample town's own story, not recorded ones. */
  fromSample: boolean;
}

/** The alert's history: recorded, or the sample's own while nothing is recorded. */
export function townAlert(ws: AlertWorkspace): TownAlert {
  const recorded = readStore(ws, readAlertEvents, []);
  if (recorded.length > 0 || !ws.sampleAlert) return { events: recorded, fromSample: false };
  return { events: sampleEvents(ws)!, fromSample: true };
}

/** The sample town's own alert as events; null for any other workspace. */
export function sampleEvents(ws: AlertWorkspace): AlertEvent[] | null {
  if (!ws.sampleAlert) return null;
  const at = parseWallTime(ws.sampleAlert.from)!;
  return [{ kind: 'issue', level: ws.sampleAlert.level, at, until: null, doc: ws.sampleAlert.doc ?? null, note: ws.sampleAlert.note ?? null }];
}

interface InForce {
  alert: AlertInForce;
  source: 'store' | 'sample';
  /** What the store records (empty without a store). */
  recorded: AlertEvent[];
}

type Found = InForce | { alert: null; recorded: AlertEvent[] };

/**
 * The alert in force at any time: the store's; on the sample town, before anything the store records, the
 * sample's own. The store is read once.
 */
function alertLookup(ws: AlertWorkspace): { recorded: AlertEvent[]; sample: AlertEvent[] | null; at: (t: WallTime) => Found } {
  const recorded = readStore(ws, readAlertEvents, []);
  const sample = sampleEvents(ws);
  const at = (t: WallTime): Found => {
    const stored = alertAt(recorded, t);
    if (stored) return { alert: stored, source: 'store', recorded };
    const storeSilent = recorded.every((e) => compareWallTime(e.at, t) > 0);
    const own = sample && storeSilent ? alertAt(sample, t) : null;
    return own ? { alert: own, source: 'sample', recorded } : { alert: null, recorded };
  };
  return { recorded, sample, at };
}

function inForceAt(ws: AlertWorkspace, t: WallTime): Found {
  return alertLookup(ws).at(t);
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
export function chooseLevel(ws: AlertWorkspace, ask: { level?: AlertLevel | undefined; date: string }, voice: Voice): LevelChoice {
  if (ask.level) return { level: ask.level, issuedAt: null, levelSince: null, doc: null, until: null, source: 'flag' };
  const found = inForceAt(ws, { date: ask.date, minutes: 24 * 60 - 1 });
  const inForce = found.alert;
  if (inForce && 'source' in found) {
    const doc = inForce.doc ? `，${inForce.doc}` : '';
    // On the sample town with a store whose alerts begin later, say why the sample's own is used.
    const firstRecorded = found.source === 'sample' ? inOrder(found.recorded)[0] : undefined;
    voice.say(
      found.source === 'sample'
        ? {
            zh: `预警级别：${levelName(inForce.level)}（示例乡镇自带的预警，自 ${formatWallTime(inForce.levelSince)} 起${firstRecorded ? `；${ws.dbFile} 记录的预警自 ${formatWallTime(firstRecorded.at)} 起，${ask.date} 在此之前` : ''}；要换级别用 --level）`,
            en: `alert level: ${inForce.level} (the sample town's own alert, from ${formatWallTime(inForce.levelSince)}${firstRecorded ? `; the alerts recorded in ${ws.dbFile} begin at ${formatWallTime(firstRecorded.at)}, after ${ask.date}` : ''}; another level: --level)`,
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
      source: found.source,
    };
  }
  throw noAlertInForce(ws, ask.date, found.recorded);
}

/** Exit 64 with what the store says and the two ways on: name the level, or record the alert. */
function noAlertInForce(ws: AlertWorkspace, date: string, recorded: readonly AlertEvent[]): HazeError {
  const last = inOrder(recorded).at(-1);
  const said: Text =
    recorded.length === 0
      ? { zh: `${ws.dbFile} 没有记录任何预警`, en: `${ws.dbFile} records no alert` }
      : last!.kind === 'lift' && compareWallTime(last!.at, { date, minutes: 24 * 60 - 1 }) <= 0
        ? { zh: `最近一次预警已于 ${formatWallTime(last!.at)} 解除`, en: `the last alert was lifted at ${formatWallTime(last!.at)}` }
        : { zh: `${ws.dbFile} 记录的预警 ${date} 不在执行中`, en: `the alerts recorded in ${ws.dbFile} are not in force on ${date}` };
  return new HazeError(CODE.HAZE_USAGE, {
    message: {
      zh: `${date} 没有正在执行的预警（${said.zh}），不知道按哪个预警级别`,
      en: `no alert is in force on ${date} (${said.en}), so the level is unknown`,
    },
    hint: {
      zh: `用 --level 指定级别（如 --level orange 或 --level 橙色）；或先记录预警：haze alert issue orange --at "${date} 08:00"`,
      en: `give the level with --level (e.g. --level orange); or record the alert first: haze alert issue orange --at "${date} 08:00"`,
    },
  });
}

/**
 * The day a command is about when --date is not given: on the sample town the day its alert began (the seed
 * story is in 2019); otherwise today.
 */
export function defaultDate(ws: AlertWorkspace, today: string): string {
  const sample = sampleEvents(ws);
  if (!sample) return today;
  // The sample town: today while the store has an alert in force today, else the day its own alert began.
  const atToday = inForceAt(ws, { date: today, minutes: 24 * 60 - 1 });
  return atToday.alert && 'source' in atToday && atToday.source === 'store' ? today : sample[0]!.at.date;
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

export function alertTimeline(ws: AlertWorkspace, fixedLevel?: AlertLevel): AlertTimeline {
  const lookup = alertLookup(ws);
  const events = inOrder([...(lookup.sample ?? []), ...lookup.recorded]);
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
    levelAt: (t) => fixedLevel ?? lookup.at(t).alert?.level ?? null,
    startedAt: (t) => lookup.at(t).alert?.issuedAt ?? null,
    untilAt: (t) => lookup.at(t).alert?.until ?? null,
    outside: (t) => {
      if (lookup.at(t).alert) return null;
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
  ws: AlertWorkspace,
  ask: { date?: string | undefined; level?: AlertLevel | undefined },
  today: string,
  voice: Voice,
): { date: string; choice: LevelChoice } {
  const date = ask.date ?? defaultDate(ws, today);
  return { date, choice: chooseLevel(ws, { level: ask.level, date }, voice) };
}
