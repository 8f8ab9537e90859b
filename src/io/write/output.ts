/**
 * Where output goes: stdout, or a file written to a temporary name, flushed to disk and renamed, so that a
 * crash or a power cut never leaves half a file and an existing file is replaced only when the new one is
 * complete on disk (GUIDE §3.11).
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CODE, HazeError } from '../../errors.js';
import { faultWords } from '../faultWords.js';

/**
 * Write an output file the user named (-o), never onto the store: `protect` are the store and its -wal and
 * -shm files, compared by identity (device and inode), so no path or link reaches them. A device or a FIFO
 * is written into directly (renaming over /dev/null would replace the device); a folder or a socket is refused.
 */
export function writeOutputFile(file: string, content: string | Uint8Array, protect: readonly string[]): void {
  const target = statOrNull(file);
  if (target?.isDirectory()) {
    throw new HazeError(CODE.HAZE_OUTPUT_IS_FOLDER, {
      where: { file },
      message: { zh: `${file} 是文件夹，不能作为输出文件`, en: `${file} is a folder, not a file to write` },
    });
  }
  if (target?.isSocket()) {
    // A socket cannot be opened for writing (ENXIO), and renaming over it would take it from its server.
    throw new HazeError(CODE.HAZE_OUTPUT_IS_SOCKET, {
      where: { file },
      message: {
        zh: `${file} 是套接字（某个程序的通信端点），不能作为输出文件；它未被改动`,
        en: `${file} is a socket (a program's endpoint), not a file to write; it is as it was`,
      },
    });
  }
  for (const p of protect) {
    // By identity when both exist (any path, any link); by place when the store's -wal or -shm is not there yet.
    const kept = statOrNull(p);
    const same = kept && target ? kept.dev === target.dev && kept.ino === target.ino : samePlace(file, p);
    if (same) {
      throw new HazeError(CODE.HAZE_OUTPUT_IS_STORE, {
        where: { file },
        message: {
          zh: `${file} 就是工作区数据库（${p}），不能写入；数据库未改动`,
          en: `${file} is the workspace store (${p}); nothing was written and the store is as it was`,
        },
      });
    }
  }
  if (target && !target.isFile()) return writeIntoDevice(file, content);
  writeFileAtomic(file, content);
}

/** The same directory entry: the real folder and the name. */
function samePlace(a: string, b: string): boolean {
  try {
    return join(realpathSync(dirname(a)), basename(a)) === join(realpathSync(dirname(b)), basename(b));
  } catch {
    return false;
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function writeIntoDevice(file: string, content: string | Uint8Array): void {
  try {
    writeFileSync(file, content);
  } catch (err) {
    throw cannotWrite(file, err);
  }
}

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
    throw cannotWrite(file, err);
  }
}

/** Why a file could not be written: a full disk (74: nothing was changed), or anything else (73). */
function cannotWrite(file: string, err: unknown): HazeError {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC') {
    return new HazeError(CODE.HAZE_DISK_FULL, {
      where: { file },
      message: { zh: `写入 ${file} 时磁盘已满；原有文件未改动`, en: `disk full while writing ${file}; any file there is as it was` },
    });
  }
  return new HazeError(CODE.HAZE_OUTPUT_CREATE, {
    where: { file },
    message: { zh: `无法写入 ${file}：${faultWords(e, file, 'write').zh}`, en: `cannot write ${file}: ${faultWords(e, file, 'write').en}` },
  });
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
