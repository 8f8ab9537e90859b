/** The conflicts pushes found for a town (sync_conflicts): both versions, until a person settles them. */
import type { Kysely } from 'kysely';
import type { DistrictDB } from './schema.js';

export interface ConflictListed {
  id: number;
  tbl: string;
  uid: string;
  /** What it is about, in words: the day, the group, the enterprise and the item. */
  subject: string;
  /** UTC ISO 8601. */
  foundAt: string;
  districtVersion: unknown;
  townVersion: unknown;
}

/** The town's conflicts not yet settled, oldest first. */
export async function openConflicts(db: Kysely<DistrictDB>, town: string): Promise<ConflictListed[]> {
  const rows = await db
    .selectFrom('sync_conflicts')
    .select(['id', 'tbl', 'uid', 'subject', 'found_at', 'district_version', 'town_version'])
    .where('town', '=', town)
    .where('settled_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    tbl: r.tbl,
    uid: r.uid,
    subject: r.subject,
    foundAt: new Date(r.found_at).toISOString(),
    districtVersion: r.district_version,
    townVersion: r.town_version,
  }));
}
