/** What the bytes are, and how they are decoded. */
import iconv from 'iconv-lite';
import { chooseEncoding, decodeBytes, encodingNamed, TextChunkDecoder } from '../../../src/io/read/decode.js';
import { sniffBytes } from '../../../src/io/read/sniff.js';
import { progressLine } from '../../../src/io/read/loadProgress.js';
import { HazeError } from '../../../src/errors.js';

const HEADER = '统一社会信用代码,企业名称\n91320413MA1MXK7Q09,常州金坛茅山铸造有限公司\n';

function errorOf(f: () => unknown): { code: string; exitCode: number; zh: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof HazeError) return { code: err.code, exitCode: err.exitCode, zh: err.text.zh };
    throw err;
  }
  throw new Error('expected a HazeError');
}

test('a BOM decides; then strict UTF-8; then GB18030', () => {
  expect(chooseEncoding(Buffer.from(`\uFEFF${HEADER}`), 'f')).toEqual({ encoding: 'utf-8', bomLength: 3 });
  expect(chooseEncoding(iconv.encode(HEADER, 'utf-16le', { addBOM: true }), 'f')).toEqual({ encoding: 'utf-16le', bomLength: 2 });
  expect(chooseEncoding(Buffer.from(HEADER), 'f')).toEqual({ encoding: 'utf-8', bomLength: 0 });
  expect(chooseEncoding(iconv.encode(HEADER, 'gbk'), 'f')).toEqual({ encoding: 'gb18030', bomLength: 0 });
  // A UTF-8 character cut at the end of the head is not a reason to call the file GBK.
  expect(chooseEncoding(Buffer.from('企业名称').subarray(0, 10), 'f').encoding).toBe('utf-8');
  expect(decodeBytes(iconv.encode(HEADER, 'gbk'), 'f')).toEqual({ text: HEADER, encoding: 'gb18030', bom: false });
});

test('--encoding overrides, names as people write them', () => {
  expect(['GBK', 'gb2312', 'utf8', 'UTF-8', 'cp936', 'big5'].map(encodingNamed)).toEqual(['gb18030', 'gb18030', 'utf-8', 'utf-8', 'gb18030', undefined]);
  expect(chooseEncoding(iconv.encode(HEADER, 'gbk'), 'f', 'utf-8')).toEqual({ encoding: 'utf-8', bomLength: 0 });
  expect(chooseEncoding(Buffer.from(HEADER), 'f', 'utf-16le')).toEqual({ encoding: 'utf-16le', bomLength: 0 });
  // ASCII reads the same either way: the forced GB18030 stands (a file that turns GBK further down).
  expect(chooseEncoding(Buffer.from('credit_code,name\n'), 'f', 'gb18030')).toEqual({ encoding: 'gb18030', bomLength: 0 });
});

test('GB18030 forced on a list that is evidently UTF-8 (a BOM, or Chinese valid as UTF-8) is not used to read it', () => {
  expect(chooseEncoding(Buffer.from(`\uFEFF${HEADER}`), 'f', 'gb18030')).toEqual({ encoding: 'utf-8', bomLength: 3, forcedIgnored: true });
  expect(chooseEncoding(Buffer.from(HEADER), 'f', 'gb18030')).toEqual({ encoding: 'utf-8', bomLength: 0, forcedIgnored: true });
  expect(decodeBytes(Buffer.from(`\uFEFF${HEADER}`), 'f', 'gb18030')).toEqual({ text: HEADER, encoding: 'utf-8', bom: true, forcedIgnored: true });
  // A UTF-8 BOM over GBK text is not evidence: the forced GB18030 reads it.
  expect(chooseEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(HEADER, 'gbk')]), 'f', 'gb18030')).toEqual({
    encoding: 'gb18030',
    bomLength: 0,
  });
});

test('bytes that are neither: exit 65 saying so', () => {
  expect(errorOf(() => chooseEncoding(Buffer.from([0x81, 0x20, 0x81, 0x20, 0xff, 0xfe, 0x41]), 'f'))).toEqual({
    code: 'HAZE_FILE_ENCODING',
    exitCode: 65,
    zh: '无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030',
  });
});

test('a file that starts as UTF-8 and turns invalid later names how far in', () => {
  const d = new TextChunkDecoder('utf-8', 'f', false);
  expect(d.decode(Buffer.from('企业,'))).toBe('企业,');
  expect(errorOf(() => d.decode(iconv.encode('企业', 'gbk'), () => 7))).toEqual({
    code: 'HAZE_FILE_ENCODING',
    exitCode: 65,
    zh: '文件开头是 UTF-8，但第 8 字节之后的内容不是有效的 UTF-8（文件混用了编码？）',
  });
});

test('forBytes: a UTF-8 file read strictly stays bytes, a character cut by a chunk waits for the next; checked as decode checks', () => {
  const text = '企业名称,村\n常州金坛茅山铸造有限公司,东窑村\n';
  const bytes = Buffer.from(text);
  for (let a = 0; a <= bytes.length; a++) {
    for (const b of [a, Math.min(bytes.length, a + 1), Math.min(bytes.length, a + 2), bytes.length]) {
      const d = new TextChunkDecoder('utf-8', 'f', false);
      const parts = [d.forBytes(bytes.subarray(0, a)), d.forBytes(bytes.subarray(a, b)), d.forBytes(bytes.subarray(b)), d.endForBytes()];
      expect(parts.map((p) => typeof p)).toEqual(['object', 'object', 'object', 'string']); // bytes; '' at the end
      expect(parts[3]).toBe('');
      expect(Buffer.concat(parts.slice(0, 3) as Uint8Array[]).equals(bytes)).toBe(true);
      // Every piece handed on ends on a whole character: it decodes strictly on its own.
      for (const p of parts.slice(0, 3)) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p as Uint8Array)).not.toThrow();
    }
  }
  // Bytes that are not UTF-8 later in the file: the error decode gives, naming how far in.
  const d = new TextChunkDecoder('utf-8', 'f', false);
  expect(Buffer.from(d.forBytes(Buffer.from('企业,'))).toString()).toBe('企业,');
  expect(errorOf(() => d.forBytes(iconv.encode('企业', 'gbk'), () => 7))).toEqual({
    code: 'HAZE_FILE_ENCODING',
    exitCode: 65,
    zh: '文件开头是 UTF-8，但第 8 字节之后的内容不是有效的 UTF-8（文件混用了编码？）',
  });
  // A character still cut at the end of the file.
  const cut = new TextChunkDecoder('utf-8', 'f', false);
  cut.forBytes(Buffer.from('企业').subarray(0, 4));
  expect(errorOf(() => cut.endForBytes()).code).toBe('HAZE_FILE_ENCODING');
  // Any other encoding, or UTF-8 forced (decoded leniently), is text.
  const gbk = new TextChunkDecoder('gb18030', 'f', false);
  expect(gbk.forBytes(iconv.encode('企业,村', 'gbk'))).toBe('企业,村');
  const lenient = new TextChunkDecoder('utf-8', 'f', true);
  expect(lenient.forBytes(Buffer.from([0x61, 0xff, 0x62]))).toBe('a\uFFFDb');
});

test('what a file is, by its first bytes', () => {
  const kind = (b: number[] | Buffer) => {
    const s = sniffBytes(Buffer.from(b as number[]));
    return s.kind === 'binary' ? s.what.en : s.kind;
  };
  expect(kind([0x50, 0x4b, 0x03, 0x04, 0, 0])).toBe('zip');
  expect(kind([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).toBe('ole2');
  expect(kind(Buffer.from('<!DOCTYPE html><html>'))).toBe('markup');
  expect(kind(Buffer.from('  <table><tr>'))).toBe('markup');
  expect(kind([0x25, 0x50, 0x44, 0x46, 0x2d])).toBe('a PDF file');
  expect(kind(iconv.encode(HEADER, 'utf-16le'))).toBe('UTF-16LE text without a BOM');
  expect(kind(iconv.encode(HEADER, 'utf-16be'))).toBe('UTF-16BE text without a BOM');
  expect(kind([0x41, 0, 0, 0, 0x42, 0x43, 0, 0x44, 0, 0, 0x01, 0])).toBe('a binary file (it has NUL bytes)');
  expect(kind(Buffer.from(HEADER))).toBe('text');
});

test('the progress line: only after a second, at most five times a second, erased at the end', () => {
  let t = 0;
  let out = '';
  const p = progressLine({ write: (s: string) => (out += s) }, { total: 1000, lang: 'zh', now: () => t });
  p.update(100, 100);
  t = 999;
  p.update(200, 200);
  expect(out).toBe('');
  t = 1000;
  p.update(30000, 450);
  t = 1100;
  p.update(40000, 600);
  t = 1250;
  p.update(50000, 1000);
  p.done();
  expect(out).toBe('\r读取清单 45%，30,000 行…\r读取清单 100%，50,000 行…\r\x1b[2K');
});
