/**
 * The XML of a workbook's parts, read with saxes (a strict, streaming XML parser) as it is inflated: bytes
 * are decoded as UTF-8 a chunk at a time (a character cut between two chunks is joined, never garbled),
 * and the reader of a part sees each element by its local name (`<x:row>` is `row`), its attributes as
 * written, and its text with entities decoded. Any fault of well-formedness is damaged XML.
 *
 * Workbook parts never carry a DOCTYPE: one is refused outright, before anything it declares could be used
 * (its entities can expand a few bytes into gigabytes, or name a file on this machine). saxes itself
 * knows only XML's five entities and character references, and reads nothing from outside.
 */
import { SaxesParser } from 'saxes';
import { damaged, unsafe } from './workbookFault.js';

/**
 * No real element comes near this (a cell holds at most 32,767 characters): a stretch of text or a tag
 * longer is damaged XML, and reading on would hold ever more of it in memory.
 */
export const MAX_ELEMENT_CHARS = 8_000_000;

export type Attributes = Readonly<Record<string, string>>;

export interface PartReader {
  open(name: string, attrs: Attributes): void;
  close?(name: string): void;
  /** Text, only when wanted: saxes gathers no text for a reader without this. */
  text?(text: string): void;
  /**
   * After each chunk, with the position reached (characters from the start): an element that opened since
   * the last call opened after the position given then.
   */
  chunkEnd?(at: number): void;
  /** At the end of the part, before the parser's own checks (an element still open is the reader's to name). */
  end?(): void;
}

/** `x:row` → `row`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** One attribute by its local name, whatever its prefix (`r:id`), or undefined. */
export function attribute(attrs: Attributes, local: string): string | undefined {
  const plain = attrs[local];
  if (plain !== undefined) return plain;
  for (const name in attrs) if (localName(name) === local) return attrs[name];
  return undefined;
}

/** OOXML's own escape for characters XML cannot hold: _x000D_ is a carriage return, _x005F_ an underscore. */
export function ooxmlText(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads one part, chunk by chunk, into `reader`. Throws WorkbookFault for damaged or refused XML. */
export async function readPart(part: string, chunks: AsyncIterable<Uint8Array>, reader: PartReader): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // Tags and text seen, and where the chunk that last brought one ended: a stretch past MAX_ELEMENT_CHARS
  // without one is not a workbook's XML.
  let events = 0;
  let seen = 0;
  let mark = 0;
  parser.on('doctype', () => {
    throw unsafe(
      `${part} 含有 DOCTYPE（文档类型声明）：工作簿的 XML 从不带它，其中的实体可能用来读取本机文件或耗尽内存`,
      `${part} has a DOCTYPE (a document type declaration): workbook XML never has one, and its entities can read local files or exhaust memory`,
    );
  });
  parser.on('error', (err) => {
    throw damaged(
      `XML 损坏（${part}，第 ${parser.position.toLocaleString('en-US')} 个字符附近）`,
      `damaged XML (${part}, near character ${parser.position}: ${err.message})`,
    );
  });
  parser.on('opentag', (tag) => {
    events++;
    reader.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag) => {
    events++;
    reader.close?.(localName(tag.name));
  });
  if (reader.text) {
    const onText = reader.text.bind(reader);
    parser.on('text', (t) => {
      events++;
      onText(t);
    });
  }
  const decoder = new TextDecoder('utf-8');
  const write = (text: string) => {
    parser.write(text);
    const at = parser.position;
    reader.chunkEnd?.(at);
    if (events !== seen) {
      seen = events;
      mark = at;
    } else if (at - mark > MAX_ELEMENT_CHARS) {
      throw damaged(
        `XML 损坏（${part}：超过 ${MAX_ELEMENT_CHARS.toLocaleString('en-US')} 个字符没有标签）`,
        `damaged XML (${part}: ${MAX_ELEMENT_CHARS} characters without a tag)`,
      );
    }
  };
  for await (const chunk of chunks) write(decoder.decode(chunk, { stream: true }));
  write(decoder.decode());
  reader.end?.();
  parser.close();
}

/**
 * Elements picked out of a piece of XML that starts anywhere (the tail of a sheet from its <mergeCells>):
 * what comes before the piece is unknown, so faults of form are let pass here. Whatever is read this way
 * is read again with the whole part by readPart, and must agree with it.
 */
export function scanFragment(text: string, open: (name: string, attrs: Attributes) => void): void {
  const parser = new SaxesParser({ xmlns: false, position: false, fragment: true });
  parser.on('error', () => {});
  parser.on('doctype', () => {});
  parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  parser.write(text).close();
}
