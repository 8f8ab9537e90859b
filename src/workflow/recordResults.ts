/**
 * Results into the store, one path for every way they arrive: a filled-in file (`haze record`), the terminal
 * (`haze record --interactive`) and a phone (`haze serve`). The rows are checked against the town as it is —
 * the list, the check items of each enterprise's measure at the level then in force, the alert's hours, the
 * plan of record — and the visits that pass are written as one import (io/store/records.ts).
 */
import { visitItems } from '../core/checklist.js';
import type { AlertLevel } from '../core/model.js';
import { enterprisesByName } from '../core/mangledCode.js';
import { checkResultRows, type CheckedRecords, type ResultRow } from '../core/records.js';
import { requiredMeasure } from '../core/rules/requiredMeasure.js';
import { alertTimeline } from './alertInForce.js';
import { recordedClues } from './dayClues.js';
import { plannedLookup } from './dayVisits.js';
import type { Town } from './town.js';

export interface ResultDefaults {
  /** Who inspected, for rows that do not say (--inspectors). */
  inspectors?: string;
  /** When, for rows that do not say (--checked-at). */
  checkedAt?: string;
}

/** The list's lookups, made once per list: a server checks many entries against the same list. */
const listLookups = new WeakMap<Town['list'], { byCode: Map<string, Town['list']['enterprises'][number]>; named: ReturnType<typeof enterprisesByName> }>();

function lookupsOf(list: Town['list']) {
  let found = listLookups.get(list);
  if (!found) {
    found = { byCode: new Map(list.enterprises.map((e) => [e.creditCode, e])), named: enterprisesByName(list.enterprises) };
    listLookups.set(list, found);
  }
  return found;
}

/** Check result rows against the town. `now`: the clock (epoch ms), for the plan of record of a day not yet fixed. */
export function checkResults(town: Town, rows: readonly ResultRow[], defaults: ResultDefaults, level: AlertLevel | undefined, now: number): CheckedRecords {
  const timeline = alertTimeline(town.ws, level);
  const { byCode, named } = lookupsOf(town.list);
  const cluesOn = recordedClues(town);
  return checkResultRows(
    rows,
    {
      enterprise: (code) => byCode.get(code),
      named,
      groupExists: (id) => town.setup.groups.some((g) => g.id === id),
      itemsFor: (e, date) => {
        const at = timeline.levelAt({ date, minutes: 24 * 60 - 1 });
        return at ? visitItems(e, requiredMeasure(e, at, town.rules), cluesOn(date).byCode.get(e.creditCode) ?? []) : null;
      },
      outsideAlert: (t) => timeline.outside(t),
      planned: plannedLookup(town, timeline, now),
    },
    { ...(defaults.inspectors ? { inspectors: defaults.inspectors } : {}), ...(defaults.checkedAt ? { checkedAt: defaults.checkedAt } : {}) },
  );
}
