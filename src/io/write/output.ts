/**
 * Where output goes: stdout, or a file written to a temporary name and renamed, so that a crash never
 * leaves half a file and an existing file is replaced only when the new one is complete (GUIDE §3.11).
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CODE, HazeError } from '../../errors.js';

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    const e = err as NodeJS.ErrnoException;
    throw new HazeError(CODE.HAZE_OUTPUT_CREATE, {
      where: { file },
      message: { zh: `无法写入 ${file}：${e.code ?? e.message}`, en: `cannot write ${file}: ${e.code ?? e.message}` },
    });
  }
}
