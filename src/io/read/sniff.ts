/**
 * What a list file is, by its first bytes rather than its name: offices rename files freely (an .xlsx
 * saved as "清单.csv", a web page saved as "清单.xls"), and a wrong guess makes a worse message than
 * "this is a PNG picture".
 */
import type { Text } from '../../errors.js';

export type Sniffed =
  | { kind: 'text' }
  | { kind: 'zip' }
  /** Legacy .xls (and .doc): an OLE2 compound file. */
  | { kind: 'ole2' }
  /** A web page or XML spreadsheet that Excel would open as ".xls". */
  | { kind: 'markup' }
  | { kind: 'binary'; what: Text };

const MAGIC: { bytes: number[]; what: Text }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: { zh: 'PDF 文件', en: 'a PDF file' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: { zh: 'PNG 图片', en: 'a PNG picture' } },
  { bytes: [0xff, 0xd8, 0xff], what: { zh: 'JPEG 图片', en: 'a JPEG picture' } },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: { zh: 'GIF 图片', en: 'a GIF picture' } },
  { bytes: [0x1f, 0x8b], what: { zh: 'gzip 压缩文件', en: 'a gzip archive' } },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: { zh: 'RAR 压缩文件', en: 'a RAR archive' } },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: { zh: '7z 压缩文件', en: 'a 7z archive' } },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: { zh: '可执行程序', en: 'an executable' } },
  { bytes: [0x4d, 0x5a], what: { zh: 'Windows 可执行程序', en: 'a Windows executable' } },
];

const startsWith = (b: Uint8Array, magic: readonly number[]) => magic.every((x, i) => b[i] === x);

/**
 * Excel's "Encrypt with Password" (and WPS's) saves an .xlsx as an OLE2 file, the same kind as a legacy
 * .xls, holding the encrypted zip in a stream named EncryptedPackage: its name, in UTF-16LE as the OLE2
 * directory writes names, tells the two apart. The whole file is searched (the directory may lie anywhere
 * in it); nothing else of it is read.
 */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function namesEncryptedPackage(bytes: Buffer): boolean {
  return bytes.includes(ENCRYPTED_PACKAGE);
}

/** The same for a file that arrives in chunks (its first bytes, then the rest). */
export async function isEncryptedWorkbook(head: Buffer, rest: AsyncIterable<Buffer>): Promise<boolean> {
  if (namesEncryptedPackage(head)) return true;
  const overlap = ENCRYPTED_PACKAGE.length - 1;
  let tail = head.subarray(Math.max(0, head.length - overlap));
  for await (const chunk of rest) {
    // A name cut in two between chunks: the end of the last one and the start of this one.
    if (namesEncryptedPackage(Buffer.concat([tail, chunk.subarray(0, overlap)])) || namesEncryptedPackage(chunk)) return true;
    tail = chunk.subarray(Math.max(0, chunk.length - overlap));
  }
  return false;
}

export function sniffBytes(head: Uint8Array): Sniffed {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole2' };
  const hasBom = startsWith(head, [0xef, 0xbb, 0xbf]) || startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!hasBom) {
    for (const m of MAGIC) if (startsWith(head, m.bytes)) return { kind: 'binary', what: m.what };
    const nul = nulPattern(head);
    if (nul === 'utf-16le') return { kind: 'binary', what: { zh: '无 BOM 的 UTF-16LE 文本', en: 'UTF-16LE text without a BOM' } };
    if (nul === 'utf-16be') return { kind: 'binary', what: { zh: '无 BOM 的 UTF-16BE 文本', en: 'UTF-16BE text without a BOM' } };
    if (nul === 'binary') return { kind: 'binary', what: { zh: '二进制文件（含 NUL 字节）', en: 'a binary file (it has NUL bytes)' } };
  }
  if (looksLikeMarkup(head)) return { kind: 'markup' };
  return { kind: 'text' };
}

/**
 * NUL bytes never occur in CSV text. UTF-16 without a BOM has them at every other position (ASCII
 * characters); anything else with NULs is binary.
 */
function nulPattern(head: Uint8Array): 'none' | 'utf-16le' | 'utf-16be' | 'binary' {
  const n = Math.min(head.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return 'none';
  // ASCII in UTF-16 puts its NUL on one side; CJK characters such as 一 (U+4E00) put a few on the other.
  if (odd >= 8 && odd > 9 * even) return 'utf-16le';
  if (even >= 8 && even > 9 * odd) return 'utf-16be';
  return 'binary';
}

/** "<html", "<!DOCTYPE", "<table", "<?xml": what "Save as web page" and old report systems write as .xls. */
function looksLikeMarkup(head: Uint8Array): boolean {
  let i = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] !== 0x3c) return false;
  const start = String.fromCharCode(...head.subarray(i, i + 16)).toLowerCase();
  return /^<(html|!doctype|table|\?xml|meta|head)/.test(start);
}
