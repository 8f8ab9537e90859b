/**
 * How the workflow speaks to people without knowing where they are: the command line writes to stderr, a
 * server might log or collect. Everything said is in both languages; the face picks one.
 */
import type { Problem } from '../core/problem.js';
import type { Text } from '../errors.js';

export interface Voice {
  /** Something a person should know: which level, which plan, what was written. */
  say(text: Text): void;
  /** Something a person should look at: a plan that did not fit, inputs changed since a plan was fixed. */
  warn(text: Text): void;
  /** Problems found in an input (the list, a results file), each with its place. */
  problems(problems: readonly Problem[]): void;
}

/** A voice that keeps what it is told, for tests and for callers that show messages their own way. */
export function collectingVoice(): Voice & { said: Text[]; warned: Text[]; found: Problem[] } {
  const said: Text[] = [];
  const warned: Text[] = [];
  const found: Problem[] = [];
  return { said, warned, found, say: (t) => void said.push(t), warn: (t) => void warned.push(t), problems: (p) => void found.push(...p) };
}
