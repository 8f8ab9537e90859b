/**
 * Which days a report covers, and at which level its "required" enterprises are counted. Pure: today, the
 * alert's events and the last day with records come in as values.
 *
 * - `--date D`: that day alone.
 * - `--from A --to B`: A to B, both inclusive. Without `--to`, the default end (below); without `--from`, the
 *   day the latest alert issued on or before the end began (the episode's first day), else the end day alone.
 * - neither: from the day the latest alert began to the default end.
 * The default end is today; on the sample town, whose alert is a story from 2019 standing in while nothing is
 * recorded, it is the last day with records (else the alert's first day), so the report is about the story.
 */
import { alertAt, inOrder, type AlertEvent } from './alert.js';
import { ALERT_LEVELS, type AlertLevel } from './model.js';
import type { Text } from '../errors.js';
import { compareWallTime, type WallTime } from './time.js';
import type { ReportRange } from './report.js';

export interface RangeRequest {
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface RangeFacts {
  /** Today on Beijing's wall clock. */
  today: string;
  /** The alert's events: the store's, or the sample's own while the store records none. */
  events: readonly AlertEvent[];
  /** True when the events are the sample town's story rather than records. */
  sampleStory: boolean;
  /** The last day with an inspection recorded, or null. */
  lastRecordDate: string | null;
}

/** How the range was chosen: a day, given ends, from the alert's start, or (no alert known) the end day alone. */
export type RangeBasis = 'date' | 'from_to' | 'alert' | 'end_day';

export type RangeChoice = { range: ReportRange; basis: RangeBasis } | { error: Text };

const endOf = (date: string): WallTime => ({ date, minutes: 24 * 60 - 1 });

export function reportRange(req: RangeRequest, facts: RangeFacts): RangeChoice {
  if (req.date !== undefined) {
    if (req.from !== undefined || req.to !== undefined) {
      return { error: { zh: '--date 不能与 --from/--to 同用', en: '--date cannot be combined with --from/--to' } };
    }
    return { range: { from: req.date, to: req.date }, basis: 'date' };
  }
  const to = req.to ?? defaultEnd(facts);
  const start = lastAlertStart(facts.events, endOf(to));
  const from = req.from ?? start ?? to;
  if (from > to) {
    return { error: { zh: `开始日期 ${from} 晚于结束日期 ${to}`, en: `the start ${from} is after the end ${to}` } };
  }
  const basis: RangeBasis = req.from !== undefined || req.to !== undefined ? 'from_to' : start ? 'alert' : 'end_day';
  return { range: { from, to }, basis };
}

function defaultEnd(facts: RangeFacts): string {
  if (!facts.sampleStory) return facts.today;
  const start = facts.events.find((e) => e.kind === 'issue')?.at.date ?? facts.today;
  return facts.lastRecordDate !== null && facts.lastRecordDate > start ? facts.lastRecordDate : start;
}

/** The first day of the latest alert issued at or before `t` (in force then or lifted since), or null. */
export function lastAlertStart(events: readonly AlertEvent[], t: WallTime): string | null {
  let start: string | null = null;
  for (const e of inOrder(events)) {
    if (compareWallTime(e.at, t) > 0) break;
    if (e.kind === 'issue') start = e.at.date;
  }
  return start;
}

/**
 * The strictest level in force at any moment of the range: what was required of an enterprise on the range's
 * worst day. Null when no alert was in force at all.
 */
export function strictestLevel(events: readonly AlertEvent[], range: ReportRange): AlertLevel | null {
  const levels: AlertLevel[] = [];
  const atStart = alertAt(events, { date: range.from, minutes: 0 });
  if (atStart) levels.push(atStart.level);
  for (const e of events) {
    if (e.level !== null && (e.kind === 'issue' || e.kind === 'change') && e.at.date >= range.from && e.at.date <= range.to) levels.push(e.level);
  }
  if (levels.length === 0) return null;
  return levels.reduce((a, b) => (ALERT_LEVELS.indexOf(b) > ALERT_LEVELS.indexOf(a) ? b : a));
}

/**
 * The range of a district's report: each town's range as its own report would choose it (no sample story: the
 * district holds records only), from the earliest town's first day to the end — so without flags, every day
 * any town had its latest alert in force. No town with an alert: the end day alone.
 */
export function districtRange(req: RangeRequest, today: string, townEvents: readonly (readonly AlertEvent[])[]): RangeChoice {
  const choices = (townEvents.length > 0 ? townEvents : [[]]).map((events) => reportRange(req, { today, events, sampleStory: false, lastRecordDate: null }));
  const failed = choices.find((c) => 'error' in c);
  if (failed) return failed;
  const ok = choices as { range: ReportRange; basis: RangeBasis }[];
  const from = ok.map((c) => c.range.from).reduce((a, b) => (b < a ? b : a));
  const to = ok.map((c) => c.range.to).reduce((a, b) => (b > a ? b : a));
  const basis = ok.some((c) => c.basis === 'alert') ? 'alert' : ok[0]!.basis;
  return { range: { from, to }, basis };
}
