/**
 * The evidence rules as rule files give them: data/rules/default.yaml names every parameter with its source;
 * a town's own file overrides them key by key (`evidence: { stop: { hold_minutes: 45 } }`).
 */
import type { EvidenceRules } from './model.js';

/** Part of the rules, as one file gives them. */
export type EvidenceRulesPart = { [K in keyof EvidenceRules]?: Partial<EvidenceRules[K]> };

/**
 * Before any file is read. The numbers have one home, data/rules/default.yaml, which every workspace reads
 * first: here each is NaN (no comparison with NaN is ever true) and each source 'unset', and checkEvidence
 * refuses rules that still hold one (unsetEvidenceRules), so a missing default can never pass as "no clues".
 */
export const UNSET_EVIDENCE_RULES: EvidenceRules = {
  baseline: { windowDays: NaN, floorKw: NaN, source: 'unset' },
  stop: { onShare: NaN, holdMinutes: NaN, source: 'unset' },
  limit: { tolerance: NaN, source: 'unset' },
  treatmentOff: { productionShare: NaN, treatmentShare: NaN, holdMinutes: NaN, source: 'unset' },
  night: { ratio: NaN, from: NaN, to: NaN, source: 'unset' },
  silent: { minMinutes: NaN, source: 'unset' },
  truck: { maxStage: NaN, fuels: [], source: 'unset' },
};

export function mergeEvidenceRules(base: EvidenceRules, part: EvidenceRulesPart): EvidenceRules {
  const out = { ...base } as Record<keyof EvidenceRules, unknown>;
  for (const k of Object.keys(part) as (keyof EvidenceRules)[]) {
    // A key the file leaves out keeps the value before it (zod leaves absent optional keys undefined).
    const given = Object.fromEntries(Object.entries(part[k] ?? {}).filter(([, v]) => v !== undefined));
    out[k] = { ...base[k], ...given };
  }
  return out as EvidenceRules;
}

/** The parameters no file has set (`stop.holdMinutes`, `truck.source` …): empty once default.yaml is read. */
export function unsetEvidenceRules(rules: EvidenceRules): string[] {
  const unset: string[] = [];
  for (const [rule, params] of Object.entries(rules) as [string, Record<string, unknown>][])
    for (const [k, v] of Object.entries(params)) if ((typeof v === 'number' && Number.isNaN(v)) || v === 'unset') unset.push(`${rule}.${k}`);
  return unset;
}
