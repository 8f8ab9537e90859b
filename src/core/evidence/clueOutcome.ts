/**
 * What the inspector's record makes of a clue: a violation on any of its items confirms it, all items ok
 * refutes it (with the cause the notes give), nothing recorded or only 不适用 leaves it open.
 */
import type { Result } from '../records.js';
import type { ClueOutcome, RefuteCause } from './model.js';

/** Words an inspector writes for why the data was wrong; the first cause whose words appear wins. */
const CAUSE_WORDS: [RefuteCause, RegExp][] = [
  ['meter_fault', /电表故障|计量故障|表坏|线路/],
  ['maintenance', /检修|维修|维护|保养/],
  ['data_error', /数据错误|数据有误|重复/],
];

export function refuteCause(note: string): RefuteCause {
  const s = note.normalize('NFKC');
  return CAUSE_WORDS.find(([, re]) => re.test(s))?.[0] ?? 'other';
}

export function clueOutcome(results: readonly { result: Result; note: string }[]): ClueOutcome {
  if (results.some((r) => r.result === 'violation')) return { status: 'confirmed' };
  const checked = results.filter((r) => r.result === 'ok');
  if (checked.length === 0 || checked.length < results.filter((r) => r.result !== 'na').length) return { status: 'open' };
  const notes = results.map((r) => r.note).join('；');
  return { status: 'refuted', cause: refuteCause(notes) };
}
