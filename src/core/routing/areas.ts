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
 * What becomes of the list's villages that no group in groups.yaml names: the one answer `plan` (and every
 * command that plans) acts on and `validate` promises. Each such village's enterprises go to the nearest
 * group (assignAreas) — unless groups.yaml and the list share no village at all (the template's 甲村 and 乙村
 * left in, or another town's file): splitting by the nearest group would then hand every enterprise to one
 * group, so planning is refused.
 */
export type VillagesWithoutGroupOutcome =
  | { outcome: 'all_in_groups' }
  | { outcome: 'to_nearest_group'; villages: VillageWithoutGroup[] }
  | { outcome: 'refused'; villages: VillageWithoutGroup[]; named: string[] };

export function villagesWithoutGroupOutcome(enterprises: readonly Enterprise[], groups: readonly Group[]): VillagesWithoutGroupOutcome {
  const villages = villagesWithoutGroup(enterprises, groups);
  if (villages.length === 0) return { outcome: 'all_in_groups' };
  const homeless = villages.reduce((n, v) => n + v.enterprises, 0);
  if (homeless < enterprises.length) return { outcome: 'to_nearest_group', villages };
  return { outcome: 'refused', villages, named: groups.flatMap((g) => g.villages) };
}
