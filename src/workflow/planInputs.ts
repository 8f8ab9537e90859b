/**
 * Fingerprints of what a plan is made from: the basis kept with a plan of record (to say later what has
 * changed), and one hash of everything the planner was given (the same hash is the same plan, stored once).
 */
import { createHash } from 'node:crypto';
import type { AlertLevel, Enterprise } from '../core/model.js';
import type { PlanBasis } from '../core/planBasis.js';
import type { Shift } from '../core/routing/planCalendar.js';
import type { InspectionHistory } from '../core/routing/priority.js';
import type { Town } from './town.js';

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** What planning reads of an enterprise's row: a change to anything else (a phone number) changes no plan. */
function enterpriseFingerprint(e: Enterprise): string {
  return sha([e.village, e.grade, e.industry, e.location, e.emissions, e.truckTrips, e.measureText]).slice(0, 16);
}

export function planBasis(
  town: Town,
  ask: { level: AlertLevel; seed: number; shift: Shift },
  history: ReadonlyMap<string, InspectionHistory>,
  clueIds: readonly string[] = [],
): PlanBasis {
  const codes = (pick: (h: InspectionHistory) => boolean) =>
    [...history]
      .filter(([, h]) => pick(h))
      .map(([c]) => c)
      .sort();
  return {
    level: ask.level,
    seed: ask.seed,
    shift: ask.shift,
    areas: town.autoAreas ? 'auto' : 'groups',
    enterprises: Object.fromEntries(town.list.enterprises.map((e) => [e.creditCode, enterpriseFingerprint(e)])),
    groups: sha(town.setup).slice(0, 16),
    rules: sha(town.rules).slice(0, 16),
    violations: codes((h) => h.violationOnLastVisit),
    findings: codes((h) => h.openProvincialFinding),
    inspections: [...history.values()].reduce((n, h) => n + h.visitsThisAlert, 0),
    // Kept only when there are clues, so plans of a town without evidence keep the basis they always had.
    ...(clueIds.length > 0 ? { clues: [...clueIds] } : {}),
  };
}

/** One hash of everything the planner was given: basis, the history in full, the days, the fixed days it took as done. */
export function planInputsHash(
  basis: PlanBasis,
  history: ReadonlyMap<string, InspectionHistory>,
  days: readonly unknown[],
  fixedPlans: readonly number[],
): string {
  return sha([basis, [...history].sort(([a], [b]) => (a < b ? -1 : 1)), days, fixedPlans]);
}
