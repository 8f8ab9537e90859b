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

export interface VillageWithoutGroup {
  village: string;
  enterprises: number;
  /** The list row of its first enterprise. */
  firstRow: number;
}

/** The list's villages that no group in groups.yaml names, in the list's order, with how many enterprises each has. */
export function villagesWithoutGroup(enterprises: readonly Enterprise[], groups: readonly Group[]): VillageWithoutGroup[] {
  const named = new Set(groups.flatMap((g) => g.villages));
  const out = new Map<string, VillageWithoutGroup>();
  for (const e of enterprises) {
    if (named.has(e.village)) continue;
    const v = out.get(e.village);
    if (v) v.enterprises++;
    else out.set(e.village, { village: e.village, enterprises: 1, firstRow: e.row });
  }
  return [...out.values()];
}

/**
 * groups.yaml and the list share no village at all (the template's 甲村 and 乙村 left in, or another town's
 * file): splitting by the nearest group would hand every enterprise to one group, so a plan must refuse.
 * Returns the villages on each side, or null when at least one enterprise's village belongs to a group.
 */
export function noVillageInCommon(enterprises: readonly Enterprise[], groups: readonly Group[]): { named: string[]; listed: string[] } | null {
  const missing = villagesWithoutGroup(enterprises, groups);
  if (enterprises.length === 0 || missing.reduce((n, v) => n + v.enterprises, 0) < enterprises.length) return null;
  return { named: groups.flatMap((g) => g.villages), listed: missing.map((v) => v.village) };
}
