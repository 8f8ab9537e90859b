/** What every check reads: the input, the baselines found, and the points by enterprise and by id. */
import type { EvidenceInput } from './checkEvidence.js';
import type { Baseline, MeterPoint } from './model.js';

export interface CheckContext {
  input: EvidenceInput;
  baselines: ReadonlyMap<string, Baseline>;
  /** Points of each enterprise, in the points file's order. */
  pointsOf: ReadonlyMap<string, readonly MeterPoint[]>;
  point: ReadonlyMap<string, MeterPoint>;
}

export function checkContext(input: EvidenceInput, baselines: ReadonlyMap<string, Baseline>): CheckContext {
  const pointsOf = new Map<string, MeterPoint[]>();
  for (const p of input.points) {
    const list = pointsOf.get(p.creditCode);
    if (list) list.push(p);
    else pointsOf.set(p.creditCode, [p]);
  }
  return { input, baselines, pointsOf, point: new Map(input.points.map((p) => [p.id, p])) };
}
