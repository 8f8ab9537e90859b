/**
 * Evidence × measures × the alert's hours → clues (GUIDE §1 core/evidence). Pure: the readings, the points,
 * the gate ledger, the alert's spans with their measures, and the rules come in; clues and the baselines
 * they were measured against come out. Same input, same clues, in the same order.
 */
import type { Problem } from '../problem.js';
import { pointBaseline } from './baseline.js';
import { checkContext } from './checkContext.js';
import { unsetEvidenceRules } from './evidenceRules.js';
import { limitClues } from './limitCheck.js';
import {
  CLUE_KINDS,
  type AlertSpan,
  type Baseline,
  type Clue,
  type EvidenceRules,
  type GateMovement,
  type MeterPoint,
  type PointSeries,
  type WallMinute,
} from './model.js';
import { nightUseClues } from './nightUseCheck.js';
import { silentClues } from './silentCheck.js';
import { stopClues } from './stopCheck.js';
import { treatmentOffClues } from './treatmentOffCheck.js';
import { truckClues } from './truckCheck.js';

export interface EvidenceInput {
  points: readonly MeterPoint[];
  series: ReadonlyMap<string, PointSeries>;
  gate: readonly GateMovement[];
  /** The alert's stretches, oldest first; a change of level starts a new span. */
  spans: readonly AlertSpan[];
  /** 日均货车车次 of each enterprise, as context for gate clues. */
  truckTrips: ReadonlyMap<string, number | null>;
  rules: EvidenceRules;
  /** Nothing after this is read: the evidence known when the day is planned or the check is asked. */
  upTo: WallMinute;
  /** The night round's hours (minutes after midnight), for `atNight`; null when the town has none. */
  nightRound: { start: number; end: number } | null;
}

export interface EvidenceCheck {
  /** Ordered by enterprise, then the window's start, then kind. */
  clues: Clue[];
  baselines: ReadonlyMap<string, Baseline>;
  /** Points that could not be checked (no baseline), as warnings. */
  problems: Problem[];
}

export function checkEvidence(input: EvidenceInput): EvidenceCheck {
  const unset = unsetEvidenceRules(input.rules);
  // A bug, not bad data: every workspace reads data/rules/default.yaml first, which sets them all.
  if (unset.length > 0) throw new Error(`evidence rules not set (data/rules/default.yaml not read?): ${unset.join(', ')}`);
  const baselines = new Map<string, Baseline>();
  const problems: Problem[] = [];
  const before = input.spans[0]?.from ?? input.upTo;
  for (const p of input.points) {
    const b = pointBaseline(p, input.series.get(p.id), before, input.rules.baseline);
    if ('severity' in b) problems.push(b);
    else baselines.set(p.id, b);
  }
  const ctx = checkContext(input, baselines);
  const clues = [stopClues, limitClues, treatmentOffClues, nightUseClues, silentClues, truckClues].flatMap((check) => check(ctx));
  clues.sort(clueOrder);
  return { clues, baselines, problems };
}

/** The order clues are given in: by enterprise, then time, then kind, then id (the district's copy is put back in it). */
export function clueOrder(a: Clue, b: Clue): number {
  const rank = (c: Clue) => CLUE_KINDS.indexOf(c.kind);
  return a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : a.from - b.from || rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
