/**
 * Where output goes: stdout, or a file written to a temporary name, flushed to disk and renamed, so that a
 * crash or a power cut never leaves half a file and an existing file is replaced only when the new one is
 * complete on disk (GUIDE §3.11).
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CODE, HazeError } from '../../errors.js';

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeDurably(tmp, content);
    renameSync(tmp, file);
    syncFolder(dirname(file));
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

/** Write the whole content and flush it to disk before anyone may rename it into place. */
function writeDurably(file: string, content: string | Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Make a rename itself durable; not every platform can open a folder, and then there is nothing to do. */
export function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* e.g. Windows */
  }
}
