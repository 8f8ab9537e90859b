/**
 * A town and the district's database: push (what the town did offline goes up) and pull (what the district
 * holds for the town comes down). The town comes in loaded, with its evidence; its list as the report reads
 * it (townSnapshot) and the clues its evidence gives go up with the store's rows. Push only reads the store:
 * the uids are all the bookkeeping there is.
 */
import type { WallTime } from '../core/time.js';
import type { TownIdentity } from '../io/read/workspace.js';
import { openConflicts, type ConflictListed } from '../io/store/district/conflicts.js';
import { withDistrict } from '../io/store/district/connect.js';
import { localRows, noRows } from '../io/store/district/localRows.js';
import { districtHolds, storePulled, storeUids, type PullOutcome } from '../io/store/district/pull.js';
import { pushRows, type PushOutcome } from '../io/store/district/push.js';
import type { Clue } from '../core/evidence/model.js';
import { noEvidence, townClues } from './evidence.js';
import { readStore, writeStore } from './storeDoor.js';
import type { Town } from './town.js';
import { townSnapshot } from './townSnapshot.js';

/**
 * The clues the town's evidence gives over the alert's days, as known now: every span of the alert (from the
 * store's history) up to now. None when the town has no evidence.
 */
export function cluesToSend(town: Town, now: WallTime): Clue[] {
  if (!town.evidence || noEvidence(town.evidence)) return [];
  return townClues(town, town.evidence, now).check.clues;
}

export interface PushDone extends PushOutcome {
  shownUrl: string;
}

/** Send the town to the district: one transaction there, the store only read. `startedAt`: UTC ISO. */
export async function pushTown(town: Town, identity: TownIdentity, url: string, now: WallTime, startedAt: string): Promise<PushDone> {
  const snapshot = townSnapshot(town, identity);
  const clues = cluesToSend(town, now);
  const rows = readStore(town.ws, (db) => localRows(db, identity.code), noRows());
  return withDistrict(url, { migrate: true }, async (d) => ({
    ...(await pushRows(d.db, { town: identity, rows, snapshot, clues, startedAt })),
    shownUrl: d.shownUrl,
  }));
}

export interface PullDone extends PullOutcome {
  shownUrl: string;
}

/** Bring down the district's findings and alert events the store lacks. `at`: UTC ISO, now. */
export async function pullTown(town: Town, identity: TownIdentity, url: string, at: string): Promise<PullDone> {
  const known = readStore(town.ws, (db) => storeUids(db, identity.code), { findings: new Set<string>(), alertEvents: new Set<string>() });
  return withDistrict(url, { migrate: false }, async (d) => {
    const pulled = await districtHolds(d.db, identity.code, known);
    if (pulled.findings.length === 0 && pulled.alertEvents.length === 0) return { findings: 0, alertEvents: 0, shownUrl: d.shownUrl };
    return { ...writeStore(town.ws, (db) => storePulled(db, pulled, at)), shownUrl: d.shownUrl };
  });
}

/** The town's conflicts not yet settled, oldest first. */
export async function townConflicts(identity: TownIdentity, url: string): Promise<{ conflicts: ConflictListed[]; shownUrl: string }> {
  return withDistrict(url, { migrate: false }, async (d) => ({ conflicts: await openConflicts(d.db, identity.code), shownUrl: d.shownUrl }));
}
