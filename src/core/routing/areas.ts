/**
 * Who visits whom: the villages in groups.yaml decide. An enterprise whose village belongs to no group
 * goes to the group whose own enterprises lie nearest, and is reported, so no enterprise falls between areas.
 */
import { haversineKm } from '../geo.js';
import type { Enterprise, Group } from '../model.js';

export interface AreaAssignment {
  groupOf: Map<string, string>;
  reassigned: { creditCode: string; village: string; groupId: string }[];
}

export function assignAreas(enterprises: readonly Enterprise[], groups: readonly Group[]): AreaAssignment {
  const groupOfVillage = new Map<string, string>();
  for (const g of groups) for (const v of g.villages) groupOfVillage.set(v, g.id);
  const groupOf = new Map<string, string>();
  const homeless: Enterprise[] = [];
  for (const e of enterprises) {
    const g = groupOfVillage.get(e.village);
    if (g) groupOf.set(e.creditCode, g);
    else homeless.push(e);
  }
  const housed = enterprises.filter((e) => groupOf.has(e.creditCode));
  const reassigned: AreaAssignment['reassigned'] = [];
  for (const e of homeless) {
    let best: { groupId: string; km: number } | null = null;
    for (const other of housed) {
      const km = haversineKm(e.location, other.location);
      const groupId = groupOf.get(other.creditCode)!;
      if (!best || km < best.km || (km === best.km && groupId < best.groupId)) best = { groupId, km };
    }
    const groupId = best?.groupId ?? groups[0]!.id;
    groupOf.set(e.creditCode, groupId);
    reassigned.push({ creditCode: e.creditCode, village: e.village, groupId });
  }
  return { groupOf, reassigned };
}
