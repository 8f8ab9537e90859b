/**
 * One group's day as its inspectors see it on the phone: the day's checklist page from the plan of record —
 * the very page `haze checklist --date D --group G` prints (opening it fixes the day, as printing does) — with
 * what the phones have sent for each visit so far.
 */
import type { WallTime } from '../core/time.js';
import { readStore } from './storeDoor.js';
import { dayAndLevel } from './alertInForce.js';
import { dayChecklist, type DayChecklist } from './dayChecklist.js';
import { measuresAt, type Town } from './town.js';
import type { Voice } from './voice.js';
import { phoneVisits, type PhoneVisit } from '../io/store/phoneEntries.js';

/** The seed of a plan nobody asked otherwise for: the command line's default (--seed 1). */
export const DEFAULT_SEED = 1;

export interface GroupDay {
  date: string;
  checklist: DayChecklist;
  /** What phones have sent, by credit code. */
  sent: ReadonlyMap<string, PhoneVisit>;
}

/** `now`: the wall clock; `nowInstant`: the same moment as epoch ms (when a day is fixed). */
export function groupDay(town: Town, ask: { date: string; groupId: string; now: WallTime; nowInstant: number }, voice: Voice): GroupDay {
  const { date, choice } = dayAndLevel(town.ws, { date: ask.date }, ask.now.date, voice);
  const checklist = dayChecklist(
    {
      town,
      date,
      groupIds: [ask.groupId],
      level: choice.level,
      since: choice.issuedAt,
      until: choice.until,
      measures: measuresAt(town, choice.level),
      shift: 'day',
      seed: DEFAULT_SEED,
      now: ask.now,
    },
    { now: ask.nowInstant },
    voice,
  );
  checklist.plan.commit();
  const sent = new Map(readStore(town.ws, (db) => phoneVisits(db, date, ask.groupId), []).map((v) => [v.creditCode, v]));
  return { date, checklist, sent };
}
