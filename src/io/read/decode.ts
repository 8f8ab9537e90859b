/**
 * Bytes → text. A BOM decides; otherwise strict UTF-8; otherwise GB18030 (a superset of GBK), which is
 * what Chinese Excel writes when it saves "CSV" without a BOM.
 */
import { HazeError, EXIT } from '../../errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export function decodeBytes(bytes: Uint8Array, file: string, forced?: Encoding): Decoded {
  if (forced) return { text: new TextDecoder(forced).decode(stripBom(bytes, forced)), encoding: forced, bom: hasBom(bytes, forced) };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (looksBinary(bytes)) {
    throw new HazeError({
      code: 'HAZE_FILE_NOT_TEXT',
      exitCode: EXIT.dataErr,
      message: { zh: `不是文本文件（含有 NUL 字节，可能是二进制文件或无 BOM 的 UTF-16）`, en: `not a text file (it has NUL bytes: binary, or UTF-16 without a BOM)` },
      where: { file },
      hint: { zh: '请在 Excel 中另存为"CSV UTF-8（逗号分隔）"或 .xlsx', en: 'save it from Excel as "CSV UTF-8" or .xlsx' },
    });
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function hasBom(bytes: Uint8Array, enc: Encoding): boolean {
  if (enc === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (enc === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe;
  if (enc === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff;
  return false;
}

function stripBom(bytes: Uint8Array, enc: Encoding): Uint8Array {
  if (!hasBom(bytes, enc)) return bytes;
  return bytes.subarray(enc === 'utf-8' ? 3 : 2);
}
