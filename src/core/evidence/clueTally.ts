/**
 * The figures a town tunes its thresholds by: clues raised, checked, confirmed, refuted and still open, by
 * kind and by rule, and the refuted ones by cause.
 */
import { CLUE_KINDS, REFUTE_CAUSES, type Clue, type ClueKind, type ClueOutcome, type EvidenceRules, type RefuteCause } from './model.js';

export interface ClueCounts {
  raised: number;
  checked: number;
  confirmed: number;
  refuted: number;
  open: number;
  refutedBy: Record<RefuteCause, number>;
}

export interface ClueTally {
  total: ClueCounts;
  byKind: Record<ClueKind, ClueCounts>;
  byRule: Partial<Record<keyof EvidenceRules, ClueCounts>>;
}

const empty = (): ClueCounts => ({
  raised: 0,
  checked: 0,
  confirmed: 0,
  refuted: 0,
  open: 0,
  refutedBy: Object.fromEntries(REFUTE_CAUSES.map((c) => [c, 0])) as Record<RefuteCause, number>,
});

/** `outcomes` by clue id; a clue with none is open. */
export function clueTally(clues: readonly Clue[], outcomes: ReadonlyMap<string, ClueOutcome>): ClueTally {
  const total = empty();
  const byKind = Object.fromEntries(CLUE_KINDS.map((k) => [k, empty()])) as Record<ClueKind, ClueCounts>;
  const byRule: ClueTally['byRule'] = {};
  for (const c of clues) {
    const o = outcomes.get(c.id) ?? { status: 'open' };
    for (const n of [total, byKind[c.kind], (byRule[c.rule] ??= empty())]) {
      n.raised++;
      if (o.status === 'open') n.open++;
      else {
        n.checked++;
        if (o.status === 'confirmed') n.confirmed++;
        else {
          n.refuted++;
          n.refutedBy[o.cause]++;
        }
      }
    }
  }
  return { total, byKind, byRule };
}
