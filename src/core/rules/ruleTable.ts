/**
 * Rule tables: for an alert level, grade and (where the guidance is known) industry, what an enterprise must
 * do when its own measure text is silent. Files are read in order; a later file (the town's own) wins.
 */
import type { AlertLevel, Enterprise, Grade, LevelRule } from '../model.js';

export type { LevelRule };

export interface Rule {
  id: string;
  /** Empty: any industry. An industry matches when the enterprise's industry contains it. */
  industries: string[];
  /** Empty: any grade. */
  grades: Grade[];
  levels: Partial<Record<AlertLevel, LevelRule>>;
  source: string;
  /** Index of the file it came from: higher wins. */
  fileIndex: number;
  file: string;
}

export interface RuleTable {
  /** Reduction targets per level, in percent. */
  targets: Record<AlertLevel, number>;
  targetsSource: string;
  rules: Rule[];
}

/** Merge rule files in order: a rule with an id already seen replaces it; targets are overridden level by level. */
export function mergeRuleTables(tables: readonly { targets: Partial<Record<AlertLevel, number>>; targetsSource?: string; rules: Rule[] }[]): RuleTable {
  const merged: RuleTable = { targets: { yellow: 10, orange: 20, red: 30 }, targetsSource: '', rules: [] };
  for (const t of tables) {
    merged.targets = { ...merged.targets, ...t.targets };
    if (t.targetsSource) merged.targetsSource = t.targetsSource;
    for (const r of t.rules) {
      const i = merged.rules.findIndex((x) => x.id === r.id);
      if (i >= 0) merged.rules.splice(i, 1);
      merged.rules.push(r);
    }
  }
  return merged;
}

/**
 * The rule that applies: the town's files before the defaults, an industry rule before a grade default,
 * and within that the file's own order.
 */
export function ruleFor(e: Pick<Enterprise, 'grade' | 'industry'>, level: AlertLevel, table: RuleTable): (LevelRule & { ruleId: string; source: string }) | null {
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
  return { ...r.levels[level]!, ruleId: r.id, source: r.source };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
