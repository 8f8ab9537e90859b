/**
 * The evidence rules as rule files give them: data/rules/default.yaml names every parameter with its source;
 * a town's own file overrides them key by key (`evidence: { stop: { hold_minutes: 45 } }`).
 */
import type { EvidenceRules } from './model.js';

/** Part of the rules, as one file gives them. */
export type EvidenceRulesPart = { [K in keyof EvidenceRules]?: Partial<EvidenceRules[K]> };

/**
 * Before any file is read. The default rule file sets every value; these only stand when no file gave one
 * (a test's hand-made table), and say so in their source.
 */
export const UNSET_EVIDENCE_RULES: EvidenceRules = {
  baseline: { windowDays: 60, floorKw: 0.2, source: 'unset' },
  stop: { onShare: 0.2, holdMinutes: 30, source: 'unset' },
  limit: { tolerance: 0.1, source: 'unset' },
  treatmentOff: { productionShare: 0.2, treatmentShare: 0.1, holdMinutes: 30, source: 'unset' },
  night: { ratio: 1.5, from: 22 * 60, to: 6 * 60, source: 'unset' },
  silent: { minMinutes: 60, source: 'unset' },
  truck: { maxStage: 4, fuels: ['diesel'], source: 'unset' },
};

export function mergeEvidenceRules(base: EvidenceRules, part: EvidenceRulesPart): EvidenceRules {
  const out = { ...base } as Record<keyof EvidenceRules, unknown>;
  for (const k of Object.keys(part) as (keyof EvidenceRules)[]) out[k] = { ...base[k], ...part[k] };
  return out as EvidenceRules;
}
