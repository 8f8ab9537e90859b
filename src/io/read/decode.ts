/**
 * Bytes → text. A BOM decides; otherwise strict UTF-8; otherwise GB18030 (a superset of GBK), which is
 * what Chinese Excel writes when it saves "CSV" without a BOM. `--encoding` overrides all of it.
 * A file that is none of these (binary, UTF-16 without a BOM, bytes that are not GB18030 either) is bad
 * data (exit 65), and the message says what the bytes look like.
 */
import { isUtf8 } from 'node:buffer';
import { CODE, HazeError, type Text } from '../../errors.js';
import { sniffBytes } from './sniff.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** A forced GB18030 not used: the text is evidently UTF-8 (chooseEncoding). */
  forcedIgnored?: true;
}

const ENCODING_NAMES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  ansi: 'gb18030',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
};

/** `--encoding` as people write it (GBK and GB2312 read as GB18030, their superset); undefined when unknown. */
export function encodingNamed(name: string): Encoding | undefined {
  return ENCODING_NAMES[name.trim().toLowerCase()];
}

export const ENCODING_CHOICES = 'utf-8, gb18030 (gbk, gb2312), utf-16le, utf-16be';

const BOMS: { enc: Encoding; bytes: number[] }[] = [
  { enc: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { enc: 'utf-16le', bytes: [0xff, 0xfe] },
  { enc: 'utf-16be', bytes: [0xfe, 0xff] },
];

function bomOf(bytes: Uint8Array): { enc: Encoding; length: number } | null {
  for (const b of BOMS) if (b.bytes.every((x, i) => bytes[i] === x)) return { enc: b.enc, length: b.bytes.length };
  return null;
}

/** Throws the exit-65 error for bytes that are not a text list. */
export function refuseNonText(head: Uint8Array, file: string): void {
  const s = sniffBytes(head);
  if (s.kind === 'binary') {
    throw new HazeError(CODE.HAZE_FILE_NOT_TEXT, {
      where: { file },
      message: { zh: `不是文本清单：看起来是${s.what.zh}`, en: `not a text list: it looks like ${s.what.en}` },
    });
  }
}

/**
 * How the text of a file is decoded, chosen from its first bytes: the BOM, else strict UTF-8 over the
 * head (a sequence cut at the end of the head is fine), else strict GB18030, else exit 65.
 *
 * A forced encoding wins, but for one case: GB18030 forced on a list that is evidently UTF-8 (a UTF-8 BOM,
 * or Chinese text that is valid UTF-8, which GBK text never is for long). `--encoding gb18030` is also
 * how people ask for output for old software (issue 6), and reading a UTF-8 list as GBK would only garble
 * it. `forcedIgnored` says so, for a note.
 */
export function chooseEncoding(head: Uint8Array, file: string, forced?: Encoding): { encoding: Encoding; bomLength: number; forcedIgnored?: true } {
  const bom = bomOf(head);
  if (forced === 'gb18030' && isEvidentlyUtf8(head, bom)) return { encoding: 'utf-8', bomLength: bom ? bom.length : 0, forcedIgnored: true };
  if (forced) return { encoding: forced, bomLength: bom && bom.enc === forced ? bom.length : 0 };
  if (bom) return { encoding: bom.enc, bomLength: bom.length };
  refuseNonText(head, file);
  if (decodesStrictly('utf-8', head)) return { encoding: 'utf-8', bomLength: 0 };
  if (decodesStrictly('gb18030', head)) return { encoding: 'gb18030', bomLength: 0 };
  throw new HazeError(CODE.HAZE_FILE_ENCODING, {
    where: { file },
    message: { zh: '无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030', en: 'unknown text encoding: neither UTF-8 nor GBK/GB18030' },
  });
}

/** A UTF-8 BOM, or bytes beyond ASCII that are all valid UTF-8. */
function isEvidentlyUtf8(head: Uint8Array, bom: { enc: Encoding; length: number } | null): boolean {
  if (bom) return bom.enc === 'utf-8' && decodesStrictly('utf-8', head.subarray(bom.length));
  return head.some((b) => b >= 0x80) && decodesStrictly('utf-8', head);
}

function decodesStrictly(enc: Encoding, bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a character cut in two at the end of the head.
    new TextDecoder(enc, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Whole bytes → text (the sync face, for small files and tests). */
export function decodeBytes(bytes: Uint8Array, file: string, forced?: Encoding): Decoded {
  const { encoding, bomLength, forcedIgnored } = chooseEncoding(bytes.subarray(0, 65536), file, forced);
  const decoder = new TextChunkDecoder(encoding, file, forced !== undefined && !forcedIgnored);
  const text = decoder.decode(bytes.subarray(bomLength)) + decoder.end();
  return { text, encoding, bom: bomLength > 0, ...(forcedIgnored ? { forcedIgnored } : {}) };
}

/**
 * Decodes a file chunk by chunk. Detected encodings are decoded strictly: a byte that does not fit later
 * in the file is an error naming how far in it is, not a silent U+FFFD. A forced encoding is the user's
 * word and decodes leniently.
 */
export class TextChunkDecoder {
  private readonly decoder: TextDecoder;
  private bytesSeen = 0;
  /** UTF-8 read strictly: forBytes hands the bytes on, checked. */
  private readonly checkOnly: boolean;
  /** The start of a UTF-8 character cut at the end of the last chunk (forBytes). */
  private carry: Uint8Array | null = null;

  constructor(
    readonly encoding: Encoding,
    private readonly file: string,
    lenient: boolean,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: !lenient, ignoreBOM: true });
    this.checkOnly = encoding === 'utf-8' && !lenient;
  }

  /**
   * The chunk for a reader that works on UTF-8 bytes (csv-parse): a UTF-8 file read strictly is handed on
   * as its own bytes, checked as `decode` checks them but never made a string (csv-parse would only turn
   * the string back into bytes); any other is decoded to text. A character cut by the chunk's end waits
   * for the next chunk.
   */
  forBytes(chunk: Uint8Array, where?: () => number): Uint8Array | string {
    if (!this.checkOnly) return this.decode(chunk, where);
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = wholeCharacters(bytes);
    const whole = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    if (!isUtf8(whole)) throw this.invalid(where?.());
    this.carry = cut === bytes.length ? null : new Uint8Array(bytes.subarray(cut)); // a copy: at most 3 bytes
    this.bytesSeen += chunk.length;
    return whole;
  }

  /** The end of the text for forBytes: a character still cut is an error, as `end` says. */
  endForBytes(where?: () => number): Uint8Array | string {
    if (!this.checkOnly) return this.end(where);
    if (this.carry !== null) throw this.invalid(where?.());
    return '';
  }

  decode(chunk: Uint8Array, where?: () => number): string {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.bytesSeen += chunk.length;
      return text;
    } catch {
      throw this.invalid(where?.());
    }
  }

  end(where?: () => number): string {
    try {
      return this.decoder.decode();
    } catch {
      throw this.invalid(where?.());
    }
  }

  private invalid(row: number | undefined): HazeError {
    const name: Text = this.encoding === 'utf-8' ? { zh: 'UTF-8', en: 'UTF-8' } : { zh: this.encoding.toUpperCase(), en: this.encoding.toUpperCase() };
    const other = this.encoding === 'utf-8' ? 'gb18030' : 'utf-8';
    return new HazeError(CODE.HAZE_FILE_ENCODING, {
      where: row === undefined ? { file: this.file } : { file: this.file, row },
      message: {
        zh: `文件开头是 ${name.zh}，但第 ${this.bytesSeen + 1} 字节之后的内容不是有效的 ${name.zh}（文件混用了编码？）`,
        en: `the file starts as ${name.en}, but the bytes after byte ${this.bytesSeen + 1} are not valid ${name.en} (mixed encodings?)`,
      },
      hint: {
        zh: `在 Excel 中重新另存为"CSV UTF-8"，或用 --encoding ${other} 指定编码`,
        en: `save it again from Excel as "CSV UTF-8", or give --encoding ${other}`,
      },
    });
  }
}

/** How many of the bytes end on a whole UTF-8 character: all of them, or up to a character cut at the end. */
function wholeCharacters(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: the character starts further back
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + length > n ? i : n;
  }
  return n; // continuation bytes only: not UTF-8, as the check will say
}
