/**
 * Every failure a user can cause is a HazeError: a stable code from the registry (errorCodes.ts), the exit
 * code the registry gives it (GUIDE §3.6), a message for people, where it happened and a hint (the code's
 * own unless the call site knows better). The CLI maps it to stderr and an exit code once.
 */
import { CODES, type ErrorCode, type ExitCode } from './errorCodes.js';

export { CODE, EXIT, type ErrorCode, type ExitCode, type ProblemCode } from './errorCodes.js';

/** A place in an input file. Rows are numbered as Excel shows them (the header is row 1). */
export interface Where {
  file: string;
  row?: number;
  column?: string;
  line?: number;
}

/** A message in both languages; the CLI shows one (Chinese by default, --lang en). */
export interface Text {
  zh: string;
  en: string;
}

export class HazeError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  readonly where: Where | undefined;
  readonly text: Text;
  readonly hint: Text;

  constructor(code: ErrorCode, opts: { message: Text; where?: Where | undefined; hint?: Text | undefined }) {
    super(opts.message.en);
    this.name = 'HazeError';
    this.code = code;
    this.exitCode = CODES[code].exit;
    this.where = opts.where;
    this.text = opts.message;
    this.hint = opts.hint ?? CODES[code].hint;
  }
}

export function formatWhere(w: Where): string {
  let s = w.file;
  if (w.line !== undefined) s += `:${w.line}`;
  if (w.row !== undefined) s += `:${w.row}`;
  if (w.column !== undefined) s += `:${w.column}`;
  return s;
}
