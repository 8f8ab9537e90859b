/**
 * Does the list reach the town's reduction target at a level? Per pollutant: the daily baseline is the
 * listed annual emissions ÷ 365; an enterprise's daily reduction is that times the share of production its
 * measure stops (domain.md §2). Enterprises without figures are named, never silently counted as zero.
 */
import { POLLUTANTS, type AlertLevel, type Enterprise, type Pollutant, type RequiredMeasure } from '../model.js';
import { reductionShare } from './strictness.js';

export interface PollutantReduction {
  pollutant: Pollutant;
  /** Tonnes a day, from the enterprises with a figure for this pollutant. */
  baselineTPerDay: number;
  reductionTPerDay: number;
  /** reduction ÷ baseline, percent; null when there is no baseline. */
  ratioPct: number | null;
  targetPct: number;
  met: boolean;
  /** Enterprises with no figure for this pollutant (credit codes). */
  missing: string[];
}

export interface ReductionSummary {
  level: AlertLevel;
  pollutants: PollutantReduction[];
  /** Enterprises with no emission figure at all. */
  noFigures: string[];
  /** Enterprises whose measure cuts production by a share the text does not state: counted as 0. */
  shareUnknown: string[];
}

export function reductionSummary(
  enterprises: readonly Enterprise[],
  measures: ReadonlyMap<string, RequiredMeasure>,
  level: AlertLevel,
  targetPct: number,
): ReductionSummary {
  const shareUnknown: string[] = [];
  const shareOf = new Map<string, number>();
  for (const e of enterprises) {
    const share = reductionShare(measures.get(e.creditCode)!);
    if (share === null) shareUnknown.push(e.creditCode);
    shareOf.set(e.creditCode, (share ?? 0) / 100);
  }
  const pollutants = POLLUTANTS.map((p): PollutantReduction => {
    let baseline = 0;
    let reduction = 0;
    const missing: string[] = [];
    for (const e of enterprises) {
      const annual = e.emissions[p];
      if (annual === null) {
        missing.push(e.creditCode);
        continue;
      }
      baseline += annual / 365;
      reduction += (annual / 365) * shareOf.get(e.creditCode)!;
    }
    const ratioPct = baseline > 0 ? (reduction / baseline) * 100 : null;
    // A pollutant nobody on the list emits has nothing to reduce: the target is met trivially.
    return {
      pollutant: p,
      baselineTPerDay: baseline,
      reductionTPerDay: reduction,
      ratioPct,
      targetPct,
      met: ratioPct === null || ratioPct + 1e-9 >= targetPct,
      missing,
    };
  });
  const noFigures = enterprises.filter((e) => POLLUTANTS.every((p) => e.emissions[p] === null)).map((e) => e.creditCode);
  return { level, pollutants, noFigures, shareUnknown };
}
