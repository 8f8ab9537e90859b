/**
 * The alert's life: issued at a level, changed up or down, lifted — each at a Beijing wall-clock time.
 * Pure functions over the recorded events: which sequences are possible, and what is in force at a time.
 */
import type { Text } from '../errors.js';
import { LEVEL_ZH, type AlertLevel } from './model.js';
import { compareWallTime, formatWallTime, type WallTime } from './time.js';

export type AlertEventKind = 'issue' | 'change' | 'lift';

export interface AlertEvent {
  id?: number;
  kind: AlertEventKind;
  /** null for a lift. */
  level: AlertLevel | null;
  at: WallTime;
  /** The expected end given when the alert was issued (预计持续至). */
  until?: WallTime | null;
  /** The notice's number (文号), e.g. 常大气应急指办〔2022〕1号. */
  doc?: string | null;
  note?: string | null;
}

export interface AlertInForce {
  level: AlertLevel;
  /** When the current level began. */
  levelSince: WallTime;
  /** When the alert was issued: the episode's start, which a change of level does not move. */
  issuedAt: WallTime;
  until: WallTime | null;
  doc: string | null;
  /** The events of this episode so far, oldest first. */
  events: AlertEvent[];
}

/** Events in the order they happened (the id breaks ties: entered later, happened later). */
export function inOrder(events: readonly AlertEvent[]): AlertEvent[] {
  return [...events].sort((a, b) => compareWallTime(a.at, b.at) || (a.id ?? 0) - (b.id ?? 0));
}

/** The alert in force at a moment, or null when none is. */
export function alertAt(events: readonly AlertEvent[], t: WallTime): AlertInForce | null {
  let current = null as AlertInForce | null;
  for (const e of inOrder(events)) {
    if (compareWallTime(e.at, t) > 0) break;
    if (e.kind === 'issue') {
      current = { level: e.level!, levelSince: e.at, issuedAt: e.at, until: e.until ?? null, doc: e.doc ?? null, events: [e] };
    } else if (e.kind === 'change' && current) {
      current = { ...current, level: e.level!, levelSince: e.at, doc: e.doc ?? current.doc, until: e.until ?? current.until, events: [...current.events, e] };
    } else if (e.kind === 'lift') {
      current = null;
    }
  }
  return current;
}

/**
 * Why `next` cannot follow the recorded events, or null when it can. Events are entered in the order they
 * happen: nothing may be dated before the last one recorded.
 */
export function impossibleEvent(events: readonly AlertEvent[], next: AlertEvent): Text | null {
  const ordered = inOrder(events);
  const last = ordered[ordered.length - 1];
  const active = last !== undefined && last.kind !== 'lift';
  if (last && compareWallTime(next.at, last.at) < 0) {
    return {
      zh: `时间 ${formatWallTime(next.at)} 早于已记录的最后一次变动（${formatWallTime(last.at)} ${describe(last).zh}）`,
      en: `${formatWallTime(next.at)} is before the last recorded change (${formatWallTime(last.at)} ${describe(last).en})`,
    };
  }
  switch (next.kind) {
    case 'issue':
      if (active) {
        return {
          zh: `已有预警在执行（${LEVEL_ZH[last.level!]}，自 ${formatWallTime(last.at)} 起），不能再次发布；请用 haze alert change 调整级别`,
          en: `an alert is already in force (${last.level} since ${formatWallTime(last.at)}); use haze alert change to change its level`,
        };
      }
      return null;
    case 'change':
      if (!active)
        return { zh: '当前没有预警，无法调整级别；请先 haze alert issue', en: 'no alert is in force to change; issue one first with haze alert issue' };
      if (last.level === next.level) return { zh: `预警已是${LEVEL_ZH[next.level!]}，无需调整`, en: `the alert is already ${next.level}` };
      return null;
    case 'lift':
      if (!active) return { zh: '当前没有预警，无法解除', en: 'no alert is in force to lift' };
      return null;
  }
}

export function describe(e: AlertEvent): Text {
  switch (e.kind) {
    case 'issue':
      return { zh: `发布${LEVEL_ZH[e.level!]}预警`, en: `${e.level} alert issued` };
    case 'change':
      return { zh: `调整为${LEVEL_ZH[e.level!]}预警`, en: `changed to ${e.level}` };
    case 'lift':
      return { zh: '解除预警', en: 'alert lifted' };
  }
}
