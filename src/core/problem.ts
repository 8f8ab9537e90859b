/**
 * A problem found in the input: a bad list reports every problem at once, each with where it is,
 * what was found, what was expected and a hint, in Chinese and English (GUIDE §3.8).
 */
import { CODES, type ProblemCode } from '../errorCodes.js';
import type { Text, Where } from '../errors.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable code for scripts, from the registry (errorCodes.ts), e.g. HAZE_ROW_GRADE_UNKNOWN. */
  code: ProblemCode;
  where: Where;
  /** The cell's value as found, when there is one. */
  value?: string;
  message: Text;
  hint?: Text;
}

/** A problem as found; its hint is the code's own (the registry's) unless the finder gives one. */
export function newProblem(p: Omit<Problem, 'hint'> & { hint?: Text | undefined }): Problem {
  return { ...p, hint: p.hint ?? CODES[p.code].hint };
}

export type Lang = 'zh' | 'en';

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
