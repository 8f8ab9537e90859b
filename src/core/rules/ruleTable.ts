/**
 * Rule tables: for an alert level, grade and (where the guidance is known) industry, what an enterprise must
 * do when its own measure text is silent. Files are read in order; a later file (the town's own) wins.
 */
import { mergeEvidenceRules, UNSET_EVIDENCE_RULES, type EvidenceRulesPart } from '../evidence/evidenceRules.js';
import type { EvidenceRules } from '../evidence/model.js';
import type { AlertLevel, Enterprise, Grade, LevelRule } from '../model.js';

export type { LevelRule };

export interface Rule {
  id: string;
  /** Empty: any industry. An industry matches when the enterprise's industry contains it. */
  industries: string[];
  /** Empty: any grade. */
  grades: Grade[];
  levels: Partial<Record<AlertLevel, LevelRule>>;
  /**
   * How a list's own measure is held against this rule: 'full' (kind, share, truck ban — national guidance),
   * 'action' (the kind of measure only: the rule's shares are haze's defaults), 'none' (not compared).
   */
  guidance: 'full' | 'action' | 'none';
  source: string;
  /** Index of the file it came from: higher wins. */
  fileIndex: number;
  file: string;
}

/**
 * A measure that applies across grades at some levels to enterprises of a kind (domain.md §4): heavy-truck
 * users, VOC plants, every plant's non-road machinery.
 */
export interface CrossCuttingRule {
  id: string;
  levels: AlertLevel[];
  when: { minTruckTrips: number | null; minVocsT: number | null; industries: string[] };
  /** It bans 国四-and-below heavy diesel trucks. */
  truckBan: boolean;
  /** The requirement as written for people and checked on site. */
  text: string;
  /** The same in English (`text_en`, --lang en); absent → the Chinese text is quoted. */
  textEn?: string | null;
  source: string;
  fileIndex: number;
}

export interface RuleTable {
  /** Reduction targets per level, in percent. */
  targets: Record<AlertLevel, number>;
  targetsSource: string;
  rules: Rule[];
  crossCutting: CrossCuttingRule[];
  /** The rules evidence is read by (分表计电, 门禁), each overridable key by key in a town's file. */
  evidence: EvidenceRules;
}

/** The cross-cutting measures of a level that apply to an enterprise. */
export function crossCuttingFor(e: Pick<Enterprise, 'truckTrips' | 'emissions' | 'industry'>, level: AlertLevel, table: RuleTable): CrossCuttingRule[] {
  return table.crossCutting.filter((r) => crossCuttingApplies(r, e, level));
}

/** Whether a cross-cutting measure applies to an enterprise at a level. */
export function crossCuttingApplies(r: CrossCuttingRule, e: Pick<Enterprise, 'truckTrips' | 'emissions' | 'industry'>, level: AlertLevel): boolean {
  if (!r.levels.includes(level)) return false;
  if (r.when.minTruckTrips !== null && (e.truckTrips ?? 0) < r.when.minTruckTrips) return false;
  if (r.when.minVocsT !== null && (e.emissions.vocs ?? 0) < r.when.minVocsT) return false;
  if (r.when.industries.length > 0 && !r.when.industries.some((i) => e.industry.includes(i))) return false;
  return true;
}

/** Merge rule files in order: a rule with an id already seen replaces it; targets are overridden level by level. */
export function mergeRuleTables(
  tables: readonly {
    targets: Partial<Record<AlertLevel, number>>;
    targetsSource?: string;
    rules: Rule[];
    crossCutting: CrossCuttingRule[];
    evidence?: EvidenceRulesPart;
  }[],
): RuleTable {
  const merged: RuleTable = { targets: { yellow: 10, orange: 20, red: 30 }, targetsSource: '', rules: [], crossCutting: [], evidence: UNSET_EVIDENCE_RULES };
  const replaceById = <T extends { id: string }>(list: T[], item: T) => {
    const i = list.findIndex((x) => x.id === item.id);
    if (i >= 0) list.splice(i, 1);
    list.push(item);
  };
  for (const t of tables) {
    merged.targets = { ...merged.targets, ...t.targets };
    if (t.targetsSource) merged.targetsSource = t.targetsSource;
    for (const r of t.rules) replaceById(merged.rules, r);
    for (const r of t.crossCutting) replaceById(merged.crossCutting, r);
    if (t.evidence) merged.evidence = mergeEvidenceRules(merged.evidence, t.evidence);
  }
  return merged;
}

/**
 * The rule that applies: the town's files before the defaults, an industry rule before a grade default,
 * and within that the file's own order.
 */
export function ruleFor(
  e: Pick<Enterprise, 'grade' | 'industry'>,
  level: AlertLevel,
  table: RuleTable,
): (LevelRule & { ruleId: string; source: string; guidance: Rule['guidance'] }) | null {
  let best: { r: Rule; rank: number[] } | null = null;
  table.rules.forEach((r, order) => {
    const level_ = r.levels[level];
    if (!level_) return;
    if (r.grades.length > 0 && !r.grades.includes(e.grade)) return;
    if (r.industries.length > 0 && !r.industries.some((i) => e.industry.includes(i))) return;
    const rank = [r.fileIndex, r.industries.length > 0 ? 1 : 0, -order];
    if (!best || compareRank(rank, best.rank) > 0) best = { r, rank };
  });
  if (!best) return null;
  const r = (best as { r: Rule }).r;
  return { ...r.levels[level]!, ruleId: r.id, source: r.source, guidance: r.guidance };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
