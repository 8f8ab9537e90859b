/**
 * What a plan was made from, kept with the plan of record so that haze can say, when a day's plan is used
 * again, what has changed since it was printed ("2 enterprises now have a violation on record"), and, when a
 * day is replanned, how its routes changed. Pure: fingerprints come in as strings.
 */
import type { Text } from '../errors.js';
import { LEVEL_ZH, type AlertLevel, type DayRoute } from './model.js';
import type { Shift } from './routing/planCalendar.js';

export interface PlanBasis {
  level: AlertLevel;
  seed: number;
  shift: Shift;
  areas: 'groups' | 'auto';
  /** Each enterprise's credit code → a fingerprint of what planning reads of its row. */
  enterprises: Record<string, string>;
  /** Fingerprints of the groups file and the rule tables. */
  groups: string;
  rules: string;
  /** From the records before the day: enterprises whose last visit found a violation, with open provincial findings. */
  violations: string[];
  findings: string[];
  /** Inspections recorded in the alert before the day. */
  inspections: number;
  /** The open clues from the evidence it ranked by (ids, sorted); absent in plans made before evidence. */
  clues?: string[];
}

/** What differs between the basis a plan was made from and the basis now, one phrase each; empty when nothing. */
export function basisChanges(was: PlanBasis, now: PlanBasis): Text[] {
  const out: Text[] = [];
  if (was.level !== now.level)
    out.push({ zh: `预警级别现为${LEVEL_ZH[now.level]}（计划按${LEVEL_ZH[was.level]}制定）`, en: `the level is now ${now.level} (planned at ${was.level})` });
  if (was.seed !== now.seed) out.push({ zh: `种子现为 ${now.seed}（计划用 ${was.seed}）`, en: `the seed is now ${now.seed} (planned with ${was.seed})` });
  if (was.areas !== now.areas) {
    out.push(
      now.areas === 'auto'
        ? { zh: '片区现为自动划分（计划按 groups.yaml）', en: 'the areas are now split automatically (planned by groups.yaml)' }
        : { zh: '片区现按 groups.yaml（计划为自动划分）', en: 'the areas now follow groups.yaml (planned with --auto-areas)' },
    );
  }
  const codes = (r: Record<string, string>) => new Set(Object.keys(r));
  const before = codes(was.enterprises);
  const after = codes(now.enterprises);
  const added = [...after].filter((c) => !before.has(c)).length;
  const removed = [...before].filter((c) => !after.has(c)).length;
  const edited = [...after].filter((c) => before.has(c) && was.enterprises[c] !== now.enterprises[c]).length;
  if (added + removed + edited > 0) {
    const zh = [added && `新增 ${added} 家`, removed && `删去 ${removed} 家`, edited && `${edited} 家有改动`].filter(Boolean).join('、');
    const en = [added && `${added} added`, removed && `${removed} removed`, edited && `${edited} edited`].filter(Boolean).join(', ');
    out.push({ zh: `清单${zh}`, en: `the list has changed (${en})` });
  }
  if (was.groups !== now.groups) out.push({ zh: 'groups.yaml 已修改', en: 'groups.yaml has changed' });
  if (was.rules !== now.rules) out.push({ zh: '规则文件已修改', en: 'the rules have changed' });
  const newly = (a: string[], b: string[]) => b.filter((c) => !a.includes(c)).length;
  const violated = newly(was.violations, now.violations);
  const cleared = newly(now.violations, was.violations);
  if (violated)
    out.push({ zh: `${violated} 家企业新记有违规`, en: `${violated} ${violated === 1 ? 'enterprise now has' : 'enterprises now have'} a violation on record` });
  if (cleared) out.push({ zh: `${cleared} 家企业复查合格`, en: `${cleared} ${cleared === 1 ? 'enterprise was' : 'enterprises were'} found compliant again` });
  const found = newly(was.findings, now.findings);
  const closed = newly(now.findings, was.findings);
  if (found)
    out.push({ zh: `${found} 家企业新有省级暗查问题`, en: `${found} ${found === 1 ? 'enterprise has' : 'enterprises have'} a new provincial finding` });
  if (closed) out.push({ zh: `${closed} 家企业的省级暗查问题已关闭`, en: `${closed} provincial ${closed === 1 ? 'finding was' : 'findings were'} closed` });
  const newClues = newly(was.clues ?? [], now.clues ?? []);
  if (newClues) out.push({ zh: `有 ${newClues} 条新的用电或门禁线索`, en: `${newClues} new ${newClues === 1 ? 'clue' : 'clues'} from power or gate records` });
  const more = now.inspections - was.inspections;
  if (more > 0 && violated === 0) out.push({ zh: `新记录 ${more} 次检查`, en: `${more} more ${more === 1 ? 'inspection' : 'inspections'} recorded` });
  return out;
}

/**
 * How a replan changed a day's routes, group by group (the caller names the day): who was added, who was taken out, and whether the
 * order changed. Groups whose route is the same are left out.
 */
export function routeChanges(
  was: readonly DayRoute[],
  now: readonly DayRoute[],
  names: ReadonlyMap<string, string>,
  enterprise: (code: string) => string,
): Text[] {
  const out: Text[] = [];
  const groups = [...new Set([...was, ...now].map((r) => r.groupId))];
  for (const g of groups) {
    const a = was.find((r) => r.groupId === g)?.visits.map((v) => v.creditCode) ?? [];
    const b = now.find((r) => r.groupId === g)?.visits.map((v) => v.creditCode) ?? [];
    if (a.join() === b.join()) continue;
    const added = b.filter((c) => !a.includes(c)).map(enterprise);
    const removed = a.filter((c) => !b.includes(c)).map(enterprise);
    const zh = [added.length && `加入 ${added.join('、')}`, removed.length && `去掉 ${removed.join('、')}`].filter(Boolean).join('；') || '顺序调整';
    const en = [added.length && `added ${added.join(', ')}`, removed.length && `removed ${removed.join(', ')}`].filter(Boolean).join('; ') || 'order changed';
    const name = names.get(g) ?? g;
    out.push({ zh: `${name}：${zh}`, en: `${name}: ${en}` });
  }
  return out;
}
