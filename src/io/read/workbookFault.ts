/**
 * Why a workbook is not read, in words for the message, and of which kind: damaged (re-save it), refused
 * as built the way no spreadsheet program writes one (a zip bomb, a path out of the archive, a DOCTYPE), or
 * encrypted. The zip and XML layers throw it without knowing the file's name; xlsxRows.ts turns it into a
 * HazeError with the code of its kind.
 */
export type FaultKind = 'damaged' | 'unsafe' | 'encrypted';

export class WorkbookFault extends Error {
  constructor(
    readonly kind: FaultKind,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export const damaged = (zh: string, en: string) => new WorkbookFault('damaged', zh, en);
export const unsafe = (zh: string, en: string) => new WorkbookFault('unsafe', zh, en);

/** A <row> or <si> still open past the end of its part, or past what any real one holds. */
export const unclosed = (element: string) => damaged(`XML 损坏（<${element}> 没有结束）`, `damaged XML (a <${element}> that never ends)`);
