/**
 * Every failure a user can cause is a HazeError: a stable code, the exit code it maps to (GUIDE §3.6),
 * a message for people, where it happened and a hint. The CLI maps it to stderr and an exit code once.
 */

export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 64,
  dataErr: 65,
  noInput: 66,
  unavailable: 69,
  software: 70,
  cantCreate: 73,
  ioErr: 74,
  config: 78,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

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
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly where: Where | undefined;
  readonly text: Text;
  readonly hint: Text | undefined;

  constructor(opts: { code: string; exitCode: ExitCode; message: Text; where?: Where; hint?: Text }) {
    super(opts.message.en);
    this.name = 'HazeError';
    this.code = opts.code;
    this.exitCode = opts.exitCode;
    this.where = opts.where;
    this.text = opts.message;
    this.hint = opts.hint;
  }
}

export function formatWhere(w: Where): string {
  let s = w.file;
  if (w.line !== undefined) s += `:${w.line}`;
  if (w.row !== undefined) s += `:${w.row}`;
  if (w.column !== undefined) s += `:${w.column}`;
  return s;
}
