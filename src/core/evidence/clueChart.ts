/** The small chart of a clue: its points' use over the alert window, with the baseline and the ordered level. */
import type { EvidenceCheck, EvidenceInput } from './checkEvidence.js';
import type { Clue, ClueChart } from './model.js';

export function clueChart(_clue: Clue, _input: EvidenceInput, _check: EvidenceCheck): ClueChart | null {
  throw new Error('not implemented yet (issue 16: chart)');
}
