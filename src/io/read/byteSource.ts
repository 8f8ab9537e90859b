/**
 * A list file (or stdin for "-") as a stream of byte chunks, with its first bytes read ahead so that the
 * loader can tell what the file is and how it is encoded before parsing a single row.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CODE, HazeError } from '../../errors.js';

/** Enough to see a BOM, magic bytes, and a header row in any encoding. */
const HEAD_BYTES = 64 * 1024;

export interface ByteSource {
  /** The name shown in messages: the path, or <stdin>. */
  shown: string;
  /** The first bytes (at most HEAD_BYTES; fewer only when the file is shorter). */
  head: Buffer;
  /** Every chunk after the head, in order. */
  rest: AsyncIterable<Buffer>;
  /** The file's size in bytes; null for stdin. */
  size: number | null;
}

export async function openBytes(file: string): Promise<ByteSource> {
  const shown = file === '-' ? '<stdin>' : file;
  let size: number | null = null;
  if (file !== '-') {
    try {
      const st = statSync(file);
      if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      size = st.size;
    } catch (err) {
      throw readError(file, err);
    }
  }
  const stream: Readable = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: HEAD_BYTES });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const headParts: Buffer[] = [];
  let headLength = 0;
  try {
    while (headLength < HEAD_BYTES) {
      const next = await chunks.next();
      if (next.done) break;
      headParts.push(next.value);
      headLength += next.value.length;
    }
  } catch (err) {
    throw readError(file, err);
  }
  const joined = Buffer.concat(headParts);
  const head = joined.subarray(0, HEAD_BYTES);
  const spill = joined.subarray(HEAD_BYTES);
  async function* rest(): AsyncGenerator<Buffer> {
    if (spill.length > 0) yield spill;
    try {
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    } catch (err) {
      throw readError(file, err);
    }
  }
  return { shown, head, rest: rest(), size };
}

/** All the bytes of a file or stdin at once (the sync face); a missing file is exit 66, other failures 74. */
export function readInput(file: string): Buffer {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    throw readError(file, err);
  }
}

export function readError(file: string, err: unknown): HazeError {
  if (err instanceof HazeError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') {
    return new HazeError(CODE.HAZE_INPUT_MISSING, { where: { file }, message: { zh: `找不到文件：${file}`, en: `file not found: ${file}` } });
  }
  if (e.code === 'EISDIR') {
    return new HazeError(CODE.HAZE_INPUT_IS_DIR, {
      where: { file },
      message: { zh: `这是一个文件夹，不是文件：${file}`, en: `this is a folder, not a file: ${file}` },
    });
  }
  return new HazeError(CODE.HAZE_INPUT_READ, { where: { file }, message: { zh: `无法读取 ${file}：${e.message}`, en: `cannot read ${file}: ${e.message}` } });
}
