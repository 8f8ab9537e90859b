/**
 * The town's list as its report reads it, for the district database (town_lists): the enterprises, the
 * groups and who is in whose area, and each level's required measures, so that a district report of the town
 * computes with the same core report and gives what `haze report` at the town gives.
 */
import { createHash } from 'node:crypto';
import { ALERT_LEVELS, type AlertLevel, type Enterprise, type RequiredMeasure } from '../core/model.js';
import { assignAreas } from '../core/routing/areas.js';
import type { TownIdentity } from '../io/read/workspace.js';
import { measuresAt, type Town } from './town.js';

export interface TownSnapshot {
  town: TownIdentity;
  /** sha256 of the snapshot's own content: a push sends the list again only when it changed. */
  listSha: string;
  enterprises: Enterprise[];
  groups: { id: string; name: string }[];
  /** credit code → group id. */
  groupOf: Record<string, string>;
  /** level → credit code → the measure required at that level. */
  measures: Record<AlertLevel, Record<string, RequiredMeasure>>;
}

export function townSnapshot(town: Town, identity: TownIdentity): TownSnapshot {
  const groups = town.setup.groups;
  const groupOf = Object.fromEntries(assignAreas(town.list.enterprises, groups).groupOf);
  const measures = Object.fromEntries(ALERT_LEVELS.map((level) => [level, Object.fromEntries(measuresAt(town, level))])) as TownSnapshot['measures'];
  const content = { town: identity, enterprises: town.list.enterprises, groups: groups.map((g) => ({ id: g.id, name: g.name })), groupOf, measures };
  const listSha = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return { ...content, listSha };
}
