/**
 * What the district database says of the account a connection logs in as: its role, its town (haze_town()),
 * whether it is the district's, and how many rows of each table row-level security lets it see. The check a
 * town runs once its password is set (`haze db account`), and the proof, through haze, that a town sees only
 * its own rows.
 */
import { sql } from 'kysely';
import type { District } from './connect.js';
import { TOWN_TABLES, type DistrictDB } from './schema.js';

export interface DistrictAccount {
  shownUrl: string;
  role: string;
  town: string | null;
  district: boolean;
  schemaVersion: number;
  /** Rows this account sees, per table. */
  rows: Record<string, number>;
}

const SEEN: readonly (keyof DistrictDB)[] = ['towns', 'town_lists', ...TOWN_TABLES, 'pushes', 'sync_conflicts'];

export async function accountOf(district: District): Promise<DistrictAccount> {
  const { db } = district;
  const who = await db
    .selectNoFrom([sql<string>`current_user`.as('role'), sql<string | null>`haze_town()`.as('town'), sql<boolean>`haze_is_district()`.as('district')])
    .executeTakeFirstOrThrow();
  const version = await db.selectFrom('haze_schema').select('version').executeTakeFirst();
  const rows: Record<string, number> = {};
  for (const t of SEEN) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    rows[t] = Number(r.n);
  }
  return { shownUrl: district.shownUrl, role: who.role, town: who.town, district: who.district, schemaVersion: version?.version ?? 0, rows };
}
