/**
 * The problems an evidence file has, gathered while it is read, and the one refusal when any is an error:
 * nothing of a file with errors is imported (HAZE_EVIDENCE_INVALID carries every problem, as a results file's
 * do, for the command to list). A file of three million bad rows does not make three million messages: past
 * MAX_LISTED the rest are counted in one.
 */
import { CODE, HazeError, type ProblemCode, type Text, type Where } from '../../../errors.js';
import { newProblem, type Problem, type Severity } from '../../../core/problem.js';

export const MAX_LISTED = 500;

export class EvidenceProblems {
  readonly list: Problem[] = [];
  errors = 0;
  private unlisted = 0;

  constructor(readonly file: string) {}

  add(severity: Severity, code: ProblemCode, where: Omit<Where, 'file'>, message: Text, value?: string, hint?: Text): void {
    if (severity === 'error') this.errors++;
    if (this.list.length >= MAX_LISTED) {
      this.unlisted++;
      return;
    }
    this.list.push(newProblem({ severity, code, where: { file: this.file, ...where }, message, hint, ...(value !== undefined ? { value } : {}) }));
  }

  error(code: ProblemCode, where: Omit<Where, 'file'>, message: Text, value?: string, hint?: Text): void {
    this.add('error', code, where, message, value, hint);
  }

  warning(code: ProblemCode, where: Omit<Where, 'file'>, message: Text, value?: string, hint?: Text): void {
    this.add('warning', code, where, message, value, hint);
  }

  /** Every problem, with one more saying how many were not listed. */
  all(): Problem[] {
    if (this.unlisted === 0) return this.list;
    return [
      ...this.list,
      newProblem({
        severity: 'warning',
        code: CODE.HAZE_EVIDENCE_MORE_PROBLEMS,
        where: { file: this.file },
        message: { zh: `另有 ${this.unlisted} 处问题未列出`, en: `${this.unlisted} more problems not listed` },
      }),
    ];
  }

  /** Throws HAZE_EVIDENCE_INVALID when any problem is an error. */
  refuseIfErrors(): void {
    if (this.errors > 0) throw evidenceInvalid(this.file, this.all(), this.errors);
  }
}

/** The refusal of a whole file, with its problems (the command lists them, then exits 65). */
export class EvidenceInvalidError extends HazeError {
  constructor(
    file: string,
    readonly problems: readonly Problem[],
    message: Text,
  ) {
    super(CODE.HAZE_EVIDENCE_INVALID, { where: { file }, message });
  }
}

export function evidenceInvalid(file: string, problems: readonly Problem[], errors: number, why?: Text): EvidenceInvalidError {
  return new EvidenceInvalidError(
    file,
    problems,
    why ?? { zh: `${errors} 处错误，整个文件未导入`, en: `${errors} error${errors === 1 ? '' : 's'}; nothing from the file was imported` },
  );
}
