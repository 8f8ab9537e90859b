/**
 * Who is checked first, and why. An officer must be able to defend the order, so every point of
 * priority comes with a reason: the action the enterprise must take, its grade, its size, and (from the
 * records) what earlier checks found.
 */
import type { ClueKind } from '../evidence/model.js';
import type { Enterprise, RequiredMeasure } from '../model.js';

export const REASONS = {
  violation_last_visit: { zh: '上次检查发现违规', en: 'violation on the last visit' },
  provincial_finding: { zh: '省级暗查通报', en: 'provincial covert-inspection finding' },
  evidence_clue: { zh: '用电或门禁数据提示', en: 'power or gate records suggest a breach' },
  data_missing: { zh: '电表数据缺失', en: 'meter data missing' },
  must_stop: { zh: '停产企业', en: 'must stop' },
  must_stop_part: { zh: '部分停产', en: 'must stop named lines' },
  must_limit: { zh: '限产企业', en: 'must limit output' },
  grade_d: { zh: 'D级', en: 'grade D' },
  grade_c: { zh: 'C级', en: 'grade C' },
  large_emitter: { zh: '排放量大', en: 'large emitter' },
  not_yet_checked: { zh: '尚未检查', en: 'not yet checked' },
  recheck: { zh: '复查', en: 'repeat check' },
} as const;

export type Reason = keyof typeof REASONS;

/** A reason code in words, for tables; an unknown code is shown as it is. */
export function reasonText(code: string, lang: 'zh' | 'en'): string {
  return (REASONS as Record<string, { zh: string; en: string }>)[code]?.[lang] ?? code;
}

/**
 * What the records say about an enterprise (empty until inspections are recorded), and what the evidence
 * suggests before the day (power meters, the gate ledger): clues not yet checked on site.
 */
export interface InspectionHistory {
  violationOnLastVisit: boolean;
  openProvincialFinding: boolean;
  /** Visits recorded since the alert began, before the plan's first day. */
  visitsThisAlert: number;
  /** The date of the last recorded visit, or null. */
  lastVisit: string | null;
  /** Open clues from the evidence: the kinds of what the data suggests, and whether any reaches into the night. */
  clues?: { kinds: readonly ClueKind[]; atNight: boolean };
}

/** A clue that suggests a breach (every kind but a silent meter, which says only that data is missing). */
export function suggestsBreach(kinds: readonly ClueKind[]): boolean {
  return kinds.some((k) => k !== 'meter_silent');
}

export interface Priority {
  score: number;
  reasons: Reason[];
}

/** Total annual emissions in tonnes (unknown counted as 0 here: size only orders, it never excludes). */
export function emissionTotal(e: Enterprise): number {
  return (e.emissions.so2 ?? 0) + (e.emissions.nox ?? 0) + (e.emissions.pm ?? 0) + (e.emissions.vocs ?? 0);
}

/** The emission total at or above which an enterprise counts as a large emitter: the top fifth of the list. */
export function largeEmitterThreshold(enterprises: readonly Enterprise[]): number {
  const totals = enterprises
    .map(emissionTotal)
    .filter((t) => t > 0)
    .sort((a, b) => b - a);
  if (totals.length === 0) return Infinity;
  return totals[Math.max(0, Math.ceil(totals.length / 5) - 1)]!;
}

/** A large emitter: at or above the threshold, and emitting at all. */
export function isLargeEmitter(e: Enterprise, largeAt: number): boolean {
  const total = emissionTotal(e);
  return total > 0 && total >= largeAt;
}

export function priorityOf(e: Enterprise, m: RequiredMeasure, largeAt: number, history?: InspectionHistory): Priority {
  const reasons: Reason[] = [];
  let score = 0;
  if (history?.violationOnLastVisit) {
    score += 1000;
    reasons.push('violation_last_visit');
  }
  if (history?.openProvincialFinding) {
    score += 800;
    reasons.push('provincial_finding');
  }
  // Evidence comes after what inspectors and the province found, and before everything the list alone says:
  // the data points at this plant today. A silent meter only asks for a look at the meter.
  const clueKinds = history?.clues?.kinds ?? [];
  if (suggestsBreach(clueKinds)) {
    score += 600;
    reasons.push('evidence_clue');
  } else if (clueKinds.length > 0) {
    score += 25;
    reasons.push('data_missing');
  }
  if (m.action === 'stop') {
    score += 40;
    reasons.push('must_stop');
  } else if (m.action === 'stop_part') {
    score += 30;
    reasons.push('must_stop_part');
  } else if (m.action === 'limit') {
    score += 20;
    reasons.push('must_limit');
  }
  if (e.grade === 'D') {
    score += 20;
    reasons.push('grade_d');
  } else if (e.grade === 'C') {
    score += 10;
    reasons.push('grade_c');
  }
  const total = emissionTotal(e);
  if (isLargeEmitter(e, largeAt)) {
    score += 15;
    reasons.push('large_emitter');
  }
  // Within the same class, the larger emitter first: a fraction that never outweighs a class step.
  score += Math.min(total, 10_000) / 10_000;
  return { score, reasons };
}
