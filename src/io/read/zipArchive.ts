/**
 * A workbook's zip, read with yauzl (its central directory, local headers and entry names) and inflated by
 * zlib a chunk at a time, each entry checked against its CRC-32 and size as it is read. Before any entry is
 * inflated, the directory is held to what a spreadsheet program writes, and an archive that is not is
 * refused rather than read:
 *  - a path that is absolute or climbs out with `..` (yauzl's validateFileName), or two entries of one name;
 *  - an archive that would inflate past MAX_INFLATED_BYTES in all, or an entry past MAX_RATIO times its
 *    compressed size (a zip bomb); an entry that inflates past the size its directory gives is damaged, so
 *    no more than the bound is ever inflated;
 *  - encrypted entries (a zip with a password), and compression other than stored or deflated.
 * A damaged or cut-off file is a clear "re-save it" (exit 65), never rows read from half a sheet.
 */
import { crc32, createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { damaged, unsafe, WorkbookFault } from './workbookFault.js';

/** What a town's list inflates to is some 80 MB for 100,000 rows: a workbook past this is not a list. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
/**
 * Sheet XML deflates some 5–20 times, and a sheet of one cell over and over some 400 times; deflate cannot
 * pass about 1,030 (runs of one byte), where bombs sit. A part is held to this ratio once it is large
 * enough to cost time (RATIO_FLOOR): 8 MB of any XML is parsed in well under a second, where 60 MB of
 * empty cells from a 100 KB workbook took 3.5 s (npm run bench:hostile).
 */
export const MAX_RATIO = 200;
export const RATIO_FLOOR = 8 * 1024 * 1024;
/** A workbook has tens of parts, hundreds with pictures. */
export const MAX_ENTRIES = 10_000;

/**
 * Inflated bytes per chunk. zlib's default, 16 KB, made inflating a 68 MB sheet take 410 ms of hops
 * between threads; 256 KB takes 170 ms and is still small beside the sheet.
 */
const INFLATE_CHUNK = 256 * 1024;

export interface ZipEntry {
  readonly name: string;
  /** Inflated size, as the directory gives it. */
  readonly size: number;
  readonly raw: yauzl.Entry;
}

const MB = (n: number) => Math.ceil(n / (1024 * 1024)).toLocaleString('en-US');

export class ZipArchive {
  private readonly checked = new Set<string>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** The archive's directory, held to the rules above (throws WorkbookFault). */
  static async open(bytes: Buffer): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      // Names are decoded and checked here, not by yauzl, so that a bad one gets its own message.
      zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
    } catch (err) {
      throw directoryFault(err);
    }
    const entries = new Map<string, ZipEntry>();
    let total = 0;
    try {
      for await (const raw of zip.eachEntry()) {
        if (entries.size >= MAX_ENTRIES) {
          throw unsafe(
            `压缩包中的条目超过 ${MAX_ENTRIES.toLocaleString('en-US')} 个`,
            `the archive has more than ${MAX_ENTRIES.toLocaleString('en-US')} entries`,
          );
        }
        const name = yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, raw.fileNameRaw, raw.extraFields, false);
        const bad = yauzl.validateFileName(name);
        if (bad !== null) {
          throw bad.startsWith('absolute')
            ? unsafe(`条目"${name}"是绝对路径`, `the entry "${name}" has an absolute path`)
            : unsafe(`条目"${name}"的路径指向压缩包之外`, `the entry "${name}" has a path that leads out of the archive`);
        }
        if (entries.has(name)) throw unsafe(`压缩包中有两个名为"${name}"的条目`, `the archive has two entries named "${name}"`);
        if (raw.isEncrypted()) throw encryptedEntry(name);
        if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
          throw damaged(
            `文件已损坏（${name}：不支持的压缩方式 ${raw.compressionMethod}）`,
            `the file is damaged (${name}: unsupported compression method ${raw.compressionMethod})`,
          );
        }
        const size = raw.uncompressedSize;
        if (size > RATIO_FLOOR && size > MAX_RATIO * Math.max(1, raw.compressedSize)) {
          const ratio = Math.floor(size / Math.max(1, raw.compressedSize)).toLocaleString('en-US');
          throw unsafe(
            `${name} 解压后 ${MB(size)} MB，是压缩数据的 ${ratio} 倍（上限 ${MAX_RATIO} 倍），疑似 zip 炸弹`,
            `${name} inflates to ${MB(size)} MB, ${ratio} times its compressed size (the bound is ${MAX_RATIO}): a zip bomb?`,
          );
        }
        total += size;
        if (total > MAX_INFLATED_BYTES) {
          throw unsafe(
            `解压后超过 ${MB(MAX_INFLATED_BYTES)} MB（清单不会这么大），疑似 zip 炸弹`,
            `it inflates to more than ${MB(MAX_INFLATED_BYTES)} MB (no list is that large): a zip bomb?`,
          );
        }
        entries.set(name, { name, size, raw });
      }
    } catch (err) {
      zip.close();
      throw err instanceof WorkbookFault ? err : directoryFault(err);
    }
    return new ZipArchive(zip, entries);
  }

  /**
   * An entry's inflated bytes, chunk by chunk. Past the size the directory gives, or at the end with a
   * CRC-32 or size that does not match it, the entry is damaged (WorkbookFault): a reader of the chunks
   * knows the bytes it was handed were the writer's once the last one has come.
   */
  async *chunks(e: ZipEntry): AsyncGenerator<Buffer> {
    const fault = (zh: string, en: string) => damaged(`文件已损坏（${e.name}：${zh}）`, `the file is damaged (${e.name}: ${en})`);
    let stored: Readable;
    try {
      // yauzl finds the data by the central directory; the local header must name the same entry.
      const local = await this.zip.readLocalFileHeaderPromise(e.raw);
      if (!local.fileName.equals(e.raw.fileNameRaw)) throw fault('条目名不符', 'entry name mismatch');
      if (local.compressionMethod !== e.raw.compressionMethod) throw fault('压缩方式不符', 'compression method mismatch');
      stored = await this.zip.openReadStreamPromise(e.raw, { decodeFileData: false });
    } catch (err) {
      if (err instanceof WorkbookFault) throw err;
      throw /overflows/.test(String(err)) ? fault('数据越界', 'data out of range') : fault('条目头损坏', 'bad entry header');
    }
    let source: Readable = stored;
    if (e.raw.compressionMethod === 8) {
      const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
      stored.on('error', (err) => inflate.destroy(err));
      source = stored.pipe(inflate);
    }
    let size = 0;
    let crc = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > e.size) throw fault('条目大小不符', 'entry sizes mismatch');
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof WorkbookFault) throw err;
      throw fault('无法解压', 'cannot be inflated');
    } finally {
      source.destroy();
      stored.destroy();
    }
    if (size !== e.size) throw fault('条目大小不符', 'entry sizes mismatch');
    if (crc !== e.raw.crc32) throw fault('校验和不符', 'checksum mismatch');
    this.checked.add(e.name);
  }

  /**
   * Inflates every entry not yet read whole, against its CRC-32, so that damage anywhere is found before
   * a row is read. `watch` may return a function that sees an entry's bytes as they go by.
   */
  async checkRest(watch?: (e: ZipEntry) => ((chunk: Buffer) => void) | undefined): Promise<void> {
    for (const e of this.entries.values()) {
      if (this.checked.has(e.name)) continue;
      const see = watch?.(e);
      for await (const chunk of this.chunks(e)) see?.(chunk);
    }
  }

  close(): void {
    this.zip.close();
  }
}

/** A zip with a password (on one entry, or strong encryption on its directory): not something haze can open. */
function encryptedEntry(name: string | undefined): WorkbookFault {
  return new WorkbookFault(
    'encrypted',
    name === undefined ? '工作簿设有密码（压缩包已加密），无法读取' : `工作簿设有密码（压缩包中的 ${name} 已加密），无法读取`,
    name === undefined
      ? 'the workbook is encrypted (its zip has a password) and cannot be read'
      : `the workbook is encrypted (${name} in its zip has a password) and cannot be read`,
  );
}

/** yauzl's word on a directory it cannot read, as the message a person can act on. */
function directoryFault(err: unknown): WorkbookFault {
  const text = String(err);
  if (/End of central directory record signature not found/i.test(text)) {
    return damaged('文件不完整（找不到 zip 目录，可能下载或复制时被截断）', 'the file is incomplete (no zip directory: cut off while copying?)');
  }
  if (/strong encryption/i.test(text)) return encryptedEntry(undefined);
  return damaged('zip 目录损坏', 'the zip directory is damaged');
}
