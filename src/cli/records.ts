/**
 * The store as the planning commands use it: which plan was printed, what the records say, and a
 * fingerprint of the inputs so a saved plan is matched only to the list, groups and rules it came from.
 */
import { createHash } from 'node:crypto';
import type { AlertLevel } from '../core/model.js';
import type { InspectionHistory } from '../core/routing/priority.js';
import type { PlanResult } from '../core/routing/planPatrols.js';
import { openStore, type Store } from '../io/store/db.js';
import { readHistory } from '../io/store/history.js';
import { savePlan } from '../io/store/plans.js';
import type { Town } from './context.js';
import type { Shift } from './planning.js';

export function inputsFingerprint(town: Town): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(town.list.enterprises.map((e) => [e.creditCode, e.village, e.grade, e.industry, e.location, e.emissions, e.truckTrips, e.measureText])));
  h.update(JSON.stringify(town.setup));
  h.update(JSON.stringify(town.rules));
  return h.digest('hex');
}

/**
 * The store, when the workspace has one: an existing haze.db, or a real workspace (haze.yaml) where one may
 * be created. The embedded sample without a store is left without one: printing a plan does not litter.
 */
export function workspaceStore(town: Town, create: boolean): Store | null {
  return openStore(town.ws.dbFile, { create: create && !town.ws.fromSample.all });
}

/** What the records say before `start`, counting visits since `since` (the alert's first day). */
export function historyBefore(town: Town, since: string, start: string): Map<string, InspectionHistory> | undefined {
  const db = openStore(town.ws.dbFile, { create: false });
  if (!db) return undefined;
  try {
    return readHistory(db, since, start);
  } finally {
    db.close();
  }
}

/** Save the plan as printed, so that its checklists and the results that answer it can be tied to it. */
export function rememberPlan(town: Town, plan: PlanResult, meta: { start: string; level: AlertLevel; shift: Shift; seed: number }): void {
  const db = workspaceStore(town, true);
  if (!db) return;
  try {
    const days = new Set(plan.routes.map((r) => r.date)).size;
    savePlan(db, { startDate: meta.start, days, level: meta.level, shift: meta.shift, seed: meta.seed, inputs: inputsFingerprint(town) }, plan.routes.flatMap((r) => r.visits), new Date().toISOString());
  } finally {
    db.close();
  }
}
