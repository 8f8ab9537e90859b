/**
 * The report's account of the clues (issue 16): each clue raised in the range with what the record made of it,
 * and the counts a town tunes its thresholds by — raised, checked, confirmed, refuted (by cause), still open —
 * by kind and by rule. Pure: the clues and the recorded results of their items come in.
 */
import type { Result } from '../records.js';
import { fromWallMinute, formatWallTime } from '../time.js';
import { clueOutcome } from './clueOutcome.js';
import { clueTally, type ClueCounts } from './clueTally.js';
import { CLUE_KINDS, type Clue, type ClueKind, type ClueOutcome, type EvidenceRules, type RefuteCause } from './model.js';

export interface ClueRow {
  creditCode: string;
  name: string;
  kind: ClueKind;
  rule: keyof EvidenceRules;
  /** 'YYYY-MM-DD HH:mm', Beijing. */
  from: string;
  to: string;
  says: { zh: string; en: string };
  status: 'open' | 'confirmed' | 'refuted';
  cause: RefuteCause | null;
  /** The day its items were recorded, or null while open. */
  checkedOn: string | null;
}

export interface ClueTallyRow {
  by: 'kind' | 'rule';
  key: string;
  raised: number;
  checked: number;
  confirmed: number;
  refuted: number;
  open: number;
  /** Refuted, by the cause the inspector gave. */
  causes: Record<RefuteCause, number>;
}

export interface ClueAccount {
  rows: ClueRow[];
  tally: ClueTallyRow[];
}

type Recorded = { date: string; result: Result; note: string };

/** Clues whose window touches the range's days (both ends inclusive), with their outcomes. */
export function clueAccount(
  clues: readonly Clue[],
  results: ReadonlyMap<string, readonly Recorded[]>,
  names: ReadonlyMap<string, string>,
  range: { from: string; to: string },
): ClueAccount {
  const rows: ClueRow[] = [];
  const inRange: Clue[] = [];
  const outcomes = new Map<string, ClueOutcome>();
  for (const c of clues) {
    const from = fromWallMinute(c.from);
    const to = fromWallMinute(c.to);
    if (to.date < range.from || from.date > range.to) continue;
    const recorded = c.items.flatMap((i) => results.get(i.id) ?? []);
    const outcome = clueOutcome(recorded);
    inRange.push(c);
    outcomes.set(c.id, outcome);
    const decided = outcome.status === 'open' ? [] : recorded.filter((r) => r.result !== 'na');
    rows.push({
      creditCode: c.creditCode,
      name: names.get(c.creditCode) ?? c.creditCode,
      kind: c.kind,
      rule: c.rule,
      from: formatWallTime(from),
      to: formatWallTime(to),
      says: c.says,
      status: outcome.status,
      cause: outcome.status === 'refuted' ? outcome.cause : null,
      checkedOn: decided.length > 0 ? decided.map((r) => r.date).sort()[0]! : null,
    });
  }
  const tally = clueTally(inRange, outcomes);
  const row = (by: ClueTallyRow['by'], key: string, n: ClueCounts): ClueTallyRow => ({
    by,
    key,
    raised: n.raised,
    checked: n.checked,
    confirmed: n.confirmed,
    refuted: n.refuted,
    open: n.open,
    causes: n.refutedBy,
  });
  return {
    rows,
    tally: [
      ...CLUE_KINDS.filter((k) => tally.byKind[k].raised > 0).map((k) => row('kind', k, tally.byKind[k])),
      ...Object.entries(tally.byRule)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, n]) => row('rule', k, n)),
    ],
  };
}
