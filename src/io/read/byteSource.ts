/**
 * A list file (or stdin for "-") as a stream of byte chunks, with its first bytes read ahead so that the
 * loader can tell what the file is and how it is encoded before parsing a single row.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CODE, HazeError } from '../../errors.js';
import { faultWords } from '../faultWords.js';

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
/** How much a whole-file read takes at most, by kind of input: past it, a clear refusal, never an exhausted machine. */
export const READ_LIMITS = {
  /** A results or findings file: a town's whole alert of filled-in checklists is a few MB. */
  import: 64 * 1024 * 1024,
  /** haze.yaml, groups.yaml, a rule file. */
  config: 1024 * 1024,
  /** A list read whole (loadList; the commands stream it instead). */
  list: 512 * 1024 * 1024,
} as const;

export type ReadKind = keyof typeof READ_LIMITS;

/**
 * A whole input file (or stdin for "-"), read a chunk at a time and refused once it passes the bound for its
 * kind — /dev/zero, a FIFO or a mistaken path stop within a second, with 65 (78 for config).
 */
export function readInput(file: string, kind: ReadKind = 'import'): Buffer {
  const limit = READ_LIMITS[kind];
  let fd: number | undefined;
  try {
    fd = file === '-' ? 0 : openSync(file, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue; // a non-blocking stdin not ready yet
        if ((err as NodeJS.ErrnoException).code === 'EOF') break;
        throw err;
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(file, kind, limit);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    throw readError(file, err);
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

function tooLarge(file: string, kind: ReadKind, limit: number): HazeError {
  const mb = `${Math.round(limit / (1024 * 1024))} MB`;
  const what = { import: { zh: '导入文件', en: 'an import file' }, config: { zh: '配置文件', en: 'a config file' }, list: { zh: '清单', en: 'a list' } }[kind];
  return new HazeError(kind === 'config' ? CODE.HAZE_CONFIG_TOO_LARGE : CODE.HAZE_INPUT_TOO_LARGE, {
    where: { file },
    message: { zh: `${file} 超过 ${mb}，不像${what.zh}，未读取`, en: `${file} is over ${mb}, too large for ${what.en}; not read` },
  });
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
  const why = faultWords(e, file, 'read');
  return new HazeError(CODE.HAZE_INPUT_READ, { where: { file }, message: { zh: `无法读取 ${file}：${why.zh}`, en: `cannot read ${file}: ${why.en}` } });
}
