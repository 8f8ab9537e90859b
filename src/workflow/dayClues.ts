/**
 * The clues a day works from: what the evidence suggests, as known when the day's round begins (or now, on
 * the day itself after it began), less the clues inspectors have already checked on an earlier day. The plan
 * ranks by them, the checklist adds their items, record accepts those items, and the plan of record names
 * them, so all four agree on one set (GUIDE §1).
 */
import type { EvidenceCheck, EvidenceInput } from '../core/evidence/checkEvidence.js';
import { clueChart } from '../core/evidence/clueChart.js';
import type { Clue, ClueChart } from '../core/evidence/model.js';
import { clueOutcome } from '../core/evidence/clueOutcome.js';
import type { ClueAccount } from '../core/evidence/clueReport.js';
import type { InspectionHistory } from '../core/routing/priority.js';
import type { Shift } from '../core/routing/planCalendar.js';
import { compareWallTime, fromInstant, type WallTime } from '../core/time.js';
import { daysOfRecord } from '../io/store/plans.js';
import { clueItemResults, type ClueItemResult } from '../io/store/clueResults.js';
import { noEvidence, townClues, type TownEvidence } from './evidence.js';
import { clueSections } from './inspectionReport.js';
import { readStore } from './storeDoor.js';
import type { Town } from './town.js';

export interface DayClues {
  /** The open clues by enterprise, each in the check's order. */
  byCode: ReadonlyMap<string, readonly Clue[]>;
  /** Every open clue's id, sorted: what a plan of record keeps to say later which clues are new. */
  ids: string[];
  /** The moment the evidence was read up to. */
  upTo: WallTime;
  /** What the clues were checked from, for their charts; absent when the town has no evidence. */
  checked?: { input: EvidenceInput; check: EvidenceCheck };
}

const NONE = (upTo: WallTime): DayClues => ({ byCode: new Map(), ids: [], upTo });

/** When the day's evidence is read up to: the round's start, or now when now falls on the day after it began. */
export function evidenceCutoff(town: Town, date: string, shift: Shift, now: WallTime | null): WallTime {
  const hours = shift === 'night' && town.setup.night ? town.setup.night : town.setup.workingDay;
  const start: WallTime = { date, minutes: hours.start };
  if (!now) return start;
  if (compareWallTime(now, start) < 0) return now;
  return now.date === date ? now : start;
}

export function dayClues(town: Town, evidence: TownEvidence | null | undefined, date: string, shift: Shift, now: WallTime | null): DayClues {
  const upTo = evidenceCutoff(town, date, shift, now);
  if (!evidence || noEvidence(evidence)) return NONE(upTo);
  const checked = townClues(town, evidence, upTo);
  const { check } = checked;
  const recorded = readStore(town.ws, (db) => clueItemResults(db, date), new Map<string, ClueItemResult[]>());
  const byCode = new Map<string, Clue[]>();
  for (const clue of check.clues) {
    const results = clue.items.flatMap((i) => recorded.get(i.id) ?? []);
    if (clueOutcome(results).status !== 'open') continue;
    const list = byCode.get(clue.creditCode);
    if (list) list.push(clue);
    else byCode.set(clue.creditCode, [clue]);
  }
  const ids = [...byCode.values()].flatMap((cs) => cs.map((c) => c.id)).sort();
  return { byCode, ids, upTo, checked };
}

/** A visit's open clues, each with its small chart (null for a gate clue). */
export function cluesWithCharts(clues: DayClues | null, code: string): { clue: Clue; chart: ClueChart | null }[] {
  const list = clues?.byCode.get(code) ?? [];
  return list.map((clue) => ({ clue, chart: clues?.checked ? clueChart(clue, clues.checked.input, clues.checked.check) : null }));
}

/** The history a plan ranks by, with each enterprise's open clues folded in. */
export function withClues(history: ReadonlyMap<string, InspectionHistory>, clues: DayClues): Map<string, InspectionHistory> {
  const out = new Map(history);
  for (const [code, list] of clues.byCode) {
    const h = out.get(code) ?? { violationOnLastVisit: false, openProvincialFinding: false, visitsThisAlert: 0, lastVisit: null };
    out.set(code, { ...h, clues: { kinds: [...new Set(list.map((c) => c.kind))].sort(), atNight: list.some((c) => c.atNight) } });
  }
  return out;
}

/**
 * The clues whose items a day's results may carry, date by date (record): as known when the day's last round
 * began (the night round when the town has one), so a night visit's clue items are accepted too.
 */
export function recordedClues(town: Town): (date: string) => DayClues {
  const seen = new Map<string, DayClues>();
  const shift: Shift = town.setup.night ? 'night' : 'day';
  return (date) => {
    let d = seen.get(date);
    if (!d) seen.set(date, (d = withPrinted(dayClues(town, town.evidence, date, shift, null), printedClues(town, date))));
    return d;
  };
}

/** The clues the day's checklists were printed with (known when each shift's plan of record was fixed). */
function printedClues(town: Town, date: string): DayClues[] {
  if (!town.evidence || noEvidence(town.evidence)) return [];
  const fixed = readStore(
    town.ws,
    (db) => (['day', 'night'] as const).flatMap((shift) => [...daysOfRecord(db, shift, date, date).values()].map((r) => ({ shift, at: r.fixedAt }))),
    [] as { shift: Shift; at: string }[],
  );
  return fixed.map((f) => dayClues(town, town.evidence, date, f.shift, fromInstant(Date.parse(f.at))));
}

/** One set of clues with those of the printed days added (a clue printed then is accepted even if gone since). */
function withPrinted(now: DayClues, printed: readonly DayClues[]): DayClues {
  if (printed.length === 0) return now;
  const byCode = new Map([...now.byCode].map(([c, l]) => [c, [...l]]));
  for (const p of printed)
    for (const [code, list] of p.byCode) {
      const mine = byCode.get(code) ?? [];
      for (const clue of list) if (!mine.some((c) => c.items.some((i) => clue.items.some((j) => j.id === i.id)))) mine.push(clue);
      byCode.set(code, mine);
    }
  return { byCode, ids: [...byCode.values()].flatMap((l) => l.map((c) => c.id)).sort(), upTo: now.upTo };
}

/**
 * The clues of a report's range and what the record made of them: as known at the range's end (or now, when
 * that is earlier); null when the town has no evidence.
 */
export function reportClues(town: Town, range: { from: string; to: string }, now: WallTime): ClueAccount | null {
  const evidence = town.evidence;
  if (!evidence || noEvidence(evidence)) return null;
  const end: WallTime = { date: range.to, minutes: 24 * 60 - 1 };
  const upTo = compareWallTime(now, end) < 0 ? now : end;
  const { check } = townClues(town, evidence, upTo);
  const results = readStore(town.ws, (db) => clueItemResults(db), new Map<string, ClueItemResult[]>());
  return clueSections(check.clues, results, town.list.enterprises, range);
}
