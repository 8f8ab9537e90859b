/**
 * The town's evidence and the clues it gives: the one place every command (evidence check, plan, checklist,
 * record, report, demo) asks "what does the data suggest about this enterprise, as of now?".
 */
import type { EvidenceCheck, EvidenceInput } from '../core/evidence/checkEvidence.js';
import type { AlertSpan, GateMovement, MeterPoint, PointSeries } from '../core/evidence/model.js';
import type { WallTime } from '../core/time.js';
import type { Town } from './town.js';

/** Everything the town has: what the store holds plus the files haze.yaml names under `evidence:`. */
export interface TownEvidence {
  points: MeterPoint[];
  series: Map<string, PointSeries>;
  gate: GateMovement[];
}

/** The town's evidence; empty (no points, no readings, no gate) when it has none. */
export async function townEvidence(_town: Town): Promise<TownEvidence> {
  return { points: [], series: new Map(), gate: [] }; // stub until the store lands (issue 16: workflow)
}

/** The alert's stretches up to `upTo`, each level with its measures (from the store's history or the sample's alert). */
export function alertSpans(_town: Town, _upTo: WallTime): AlertSpan[] {
  throw new Error('not implemented yet (issue 16: workflow)');
}

/** The clues known at `upTo`, with what they were checked from (for charts). */
export function townClues(_town: Town, _evidence: TownEvidence, _upTo: WallTime): { input: EvidenceInput; check: EvidenceCheck } {
  throw new Error('not implemented yet (issue 16: workflow)');
}
