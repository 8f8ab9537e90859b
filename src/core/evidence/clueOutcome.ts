/** A clue as the inspector's record left it (stub until the checks land). */
import type { ClueOutcome } from './model.js';

export function clueOutcome(_results: readonly { result: 'ok' | 'violation' | 'na'; note: string }[]): ClueOutcome {
  throw new Error('not implemented yet (issue 16: checks)');
}
