/**
 * `haze alert status --district`: for each town the district database holds, the alert in force at a moment,
 * by the same core function the town's own `haze alert status` asks (core/alert.ts alertAt), over that town's
 * events as the district holds them.
 */
import { alertAt, type AlertInForce } from '../core/alert.js';
import type { WallTime } from '../core/time.js';
import type { District } from '../io/store/district/connect.js';
import { districtAlertEvents } from '../io/store/district/districtQueries.js';
import { chosenTowns, heldTowns } from './districtReport.js';

export interface TownAlertNow {
  code: string;
  name: string;
  /** null when no alert is in force in the town at the moment. */
  inForce: AlertInForce | null;
}

export async function districtAlerts(district: District, at: WallTime, town: string | null = null): Promise<TownAlertNow[]> {
  const towns = chosenTowns(await heldTowns(district), town, district.shownUrl);
  const out: TownAlertNow[] = [];
  for (const t of towns) out.push({ code: t.code, name: t.name, inForce: alertAt(await districtAlertEvents(district.db, t.code), at) });
  return out;
}
