/**
 * A day's checklists: what each group checks at each visit of the day's plan of record (fixed now if the day
 * was not yet), with each visit's last inspection and open provincial findings from the store. The checklist
 * and the route sheet of a day are one plan, so they cannot disagree.
 */
import { visitItems } from '../core/checklist.js';
import { cluesWithCharts, dayClues, type DayClues } from './dayClues.js';
import type { AlertLevel, RequiredMeasure } from '../core/model.js';
import type { Shift } from '../core/routing/planCalendar.js';
import { fromInstant, type WallTime } from '../core/time.js';
import type { ChecklistPage } from '../io/write/checklistText.js';
import { visitContexts } from '../io/store/visitContext.js';
import { patrolPlan, type PatrolPlan, type PlanUse } from './patrolPlan.js';
import { readStore } from './storeDoor.js';
import { measuresAt, type Town } from './town.js';
import type { Voice } from './voice.js';

export interface ChecklistAsk {
  town: Town;
  date: string;
  groupIds: readonly string[];
  level: AlertLevel;
  since: WallTime | null;
  until: WallTime | null;
  measures: ReadonlyMap<string, RequiredMeasure>;
  shift: Shift;
  seed: number;
  /** The clock: a day not yet of record starts from it (see PlanAsk.now). */
  now?: WallTime | null;
}

export interface DayChecklist {
  pages: ChecklistPage[];
  plan: PatrolPlan;
  /** The level the day's plan was made at: its measures are the ones checked. */
  level: AlertLevel;
}

export function dayChecklist(ask: ChecklistAsk, use: Omit<PlanUse, 'fix' | 'by' | 'replan'>, voice: Voice): DayChecklist {
  const plan = patrolPlan(
    {
      town: ask.town,
      level: ask.level,
      since: ask.since,
      until: ask.until,
      measures: ask.measures,
      start: ask.date,
      days: undefined,
      shift: ask.shift,
      seed: ask.seed,
      now: ask.now ?? null,
    },
    { ...use, fix: 'first', by: 'checklist', replan: false },
    voice,
  );
  const level = plan.fixed.get(ask.date)?.level ?? ask.level;
  const measures = level === ask.level ? ask.measures : measuresAt(ask.town, level);
  // A day of record keeps the clues known when it was fixed: the checklist printed again says what the first said.
  const record = plan.fixed.get(ask.date);
  const clues = dayClues(ask.town, ask.town.evidence, ask.date, ask.shift, record ? fromInstant(Date.parse(record.fixedAt)) : (ask.now ?? null));
  const pages = withRecords(ask.town, checklistPages(ask.town, plan, ask.date, ask.groupIds, level, measures, clues), ask.date);
  return { pages, plan, level };
}

export function checklistPages(
  town: Town,
  plan: PatrolPlan | { routes: PatrolPlan['routes'] },
  date: string,
  groupIds: readonly string[],
  level: AlertLevel,
  measures: ReadonlyMap<string, RequiredMeasure>,
  clues: DayClues | null = null,
): ChecklistPage[] {
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const day = plan.routes.filter((r) => r.date === date);
  return groupIds.map((id) => {
    const group = town.setup.groups.find((g) => g.id === id)!;
    const route = day.find((r) => r.groupId === id);
    const visits = (route?.visits ?? []).map((v) => {
      const e = byCode.get(v.creditCode)!;
      const m = measures.get(v.creditCode)!;
      const withCharts = cluesWithCharts(clues, v.creditCode);
      return { v, e, m, items: visitItems(e, m, clues?.byCode.get(v.creditCode) ?? []), ...(withCharts.length > 0 ? { clues: withCharts } : {}) };
    });
    return { date, group, level, visits, fromNow: 'startsFromNow' in plan ? (plan.startsFromNow.get(date) ?? null) : null };
  });
}

/** Each visit's last inspection and open provincial findings, from the store when there is one. */
function withRecords(town: Town, pages: ChecklistPage[], date: string): ChecklistPage[] {
  return readStore(
    town.ws,
    (db) => {
      const known = visitContexts(
        db,
        pages.flatMap((p) => p.visits.map((v) => v.e.creditCode)),
        date,
      );
      return pages.map((p) => ({ ...p, visits: p.visits.map((v) => ({ ...v, ...known.get(v.e.creditCode) })) }));
    },
    pages,
  );
}
