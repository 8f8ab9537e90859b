/**
 * The stable English words haze writes for its own values in machine formats (CSV, JSON, GeoJSON, the store),
 * and reads back. The internal names stay as they are in core/; only where a word would be read as missing
 * does the written word differ: csvkit (agate) reads `none`, `na`, `n/a`, `null` and `.` as NULL whatever
 * their case, pandas reads `None`, `NA`, `N/A`, `NULL`, `nan`, so `none` is written `no_measure` (an action)
 * and `no_rule` (a measure's source). Files and stores written before keep their `none`: the reader takes both.
 */
import { ACTIONS, type Action, type Because } from './model.js';

export const ACTION_WORD: Record<Action, string> = {
  stop: 'stop',
  stop_part: 'stop_part',
  limit: 'limit',
  self: 'self',
  exempt: 'exempt',
  none: 'no_measure',
};

const ACTION_OF_WORD = new Map<string, Action>([...ACTIONS.map((a) => [ACTION_WORD[a], a] as const), ['none', 'none']]);

/** An action as written by this version or an earlier one (`none`); null for anything else. */
export function actionOfWord(word: string): Action | null {
  return ACTION_OF_WORD.get(word) ?? null;
}

/** A measure's source as written: `enterprise`, a rule id, or `no_rule` where neither the text nor a rule applied. */
export function sourceWord(source: string): string {
  return source === 'none' ? 'no_rule' : source;
}

/** What gave a part of a measure (measures --explain): `nothing` where the core says `none`. */
export function becauseWord(by: Because['by']): string {
  return by === 'none' ? 'nothing' : by;
}
