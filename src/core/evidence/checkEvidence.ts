/**
 * Evidence × measures × the alert's hours → clues (GUIDE §1 core/evidence). Pure: the readings, the points,
 * the gate ledger, the alert's spans with their measures, and the rules come in; clues and the baselines
 * they were measured against come out. Same input, same clues, in the same order.
 */
import type { Problem } from '../problem.js';
import type { AlertSpan, Baseline, Clue, EvidenceRules, GateMovement, MeterPoint, PointSeries, WallMinute } from './model.js';

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

export function checkEvidence(_input: EvidenceInput): EvidenceCheck {
  throw new Error('not implemented yet (issue 16: core/evidence)');
}
