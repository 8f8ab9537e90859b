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

/**
 * The day's checklists of all groups, kept per town and day while the store says the same of that day: its plan
 * of record, the alert, the records and findings the pages show. Every group's phone opens its day in the morning
 * and the office view redraws every group at each entry: one plan read for all of them, not one each. A day not
 * yet of record is not kept (the first opening fixes it, and the next one reads it back as of record).
 */
const kept = new WeakMap<Town, Map<string, { stamp: string; checklist: DayChecklist }>>();

function dayStamp(town: Town, date: string): string | null {
  return readStore(
    town.ws,
    (db) => {
      const record = db
        .prepare(
          "SELECT group_concat(id || ':' || plan_id || ':' || fixed_at, ',') AS r FROM plan_of_record WHERE date = ? AND replaced_at IS NULL AND shift = 'day'",
        )
        .get(date) as { r: string | null };
      if (!record.r) return null;
      const marks = db
        .prepare(
          `SELECT (SELECT max(id) FROM imports) AS imports, (SELECT max(id) FROM alert_events) AS alerts,
                  (SELECT count(*) FROM findings WHERE status = 'open') AS open, (SELECT max(id) FROM findings) AS findings`,
        )
        .get();
      return `${record.r}|${JSON.stringify(marks)}`;
    },
    null,
  );
}

/** `now`: the wall clock; `nowInstant`: the same moment as epoch ms (when a day is fixed). */
export function groupDay(town: Town, ask: { date: string; groupId: string; now: WallTime; nowInstant: number }, voice: Voice): GroupDay {
  const { date, choice } = dayAndLevel(town.ws, { date: ask.date }, ask.now.date, voice);
  const memo = kept.get(town) ?? new Map<string, { stamp: string; checklist: DayChecklist }>();
  kept.set(town, memo);
  const before = dayStamp(town, date);
  let all = before !== null && memo.get(date)?.stamp === before ? memo.get(date)!.checklist : null;
  if (!all) {
    all = dayChecklist(
      {
        town,
        date,
        groupIds: town.setup.groups.map((g) => g.id),
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
    all.plan.commit();
    const after = dayStamp(town, date);
    if (after !== null) memo.set(date, { stamp: after, checklist: all });
  }
  const checklist = { ...all, pages: all.pages.filter((p) => p.group.id === ask.groupId) };
  const sent = new Map(readStore(town.ws, (db) => phoneVisits(db, date, ask.groupId), []).map((v) => [v.creditCode, v]));
  return { date, checklist, sent };
}
