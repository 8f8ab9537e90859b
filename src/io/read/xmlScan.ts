/**
 * Just enough XML for the parts of a workbook: elements found by name in text that arrives in chunks,
 * their attributes, and their text with entities decoded. The parts are written by programs (Excel, WPS,
 * exceljs, openpyxl, .NET), never by hand: no comments, CDATA or DTDs inside the elements read, and a name
 * may carry any namespace prefix (`<x:row>`).
 */

/** Element text → the characters: the five entities, character references, and OOXML's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));|_x([0-9A-Fa-f]{4})_/g, (m, hex?: string, dec?: string, name?: string, esc?: string) => {
    if (hex !== undefined) return codePoint(parseInt(hex, 16), m);
    if (dec !== undefined) return codePoint(parseInt(dec, 10), m);
    if (name !== undefined) return ENTITIES[name]!;
    // Excel writes a carriage return in a cell as _x000D_, and a literal "_x" as _x005F_x.
    return String.fromCharCode(parseInt(esc!, 16));
  });
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number, asWritten: string): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : asWritten;
}

/** The attributes of a start tag (the text between the name and `>`), names with their prefix. */
export function xmlAttributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of attrs.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, xmlText(m[2] ?? m[3] ?? ''));
  return out;
}

/** One attribute by its local name (any prefix), or undefined. */
export function attribute(attrs: Map<string, string>, local: string): string | undefined {
  const plain = attrs.get(local);
  if (plain !== undefined) return plain;
  for (const [name, value] of attrs) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

/** Matches element `name`: group 1 its attributes, group 2 its content (undefined when it is `<name/>`). */
export function elementPattern(name: string, flags = 'g'): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`, flags);
}

/** The content of the first element `name` in `xml` (undefined when absent or empty). */
export function firstElement(xml: string, name: string): { attrs: string; content: string | undefined } | undefined {
  const m = elementPattern(name, '').exec(xml);
  return m ? { attrs: m[1]!, content: m[2] } : undefined;
}

/** The text of a string item (<si>, <is>): its <t> runs joined, phonetic guides (<rPh>) left out. */
export function runText(content: string): string {
  const plain = /^<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>$/.exec(content);
  if (plain) return xmlText(plain[1]!); // the usual case: one run
  let text = '';
  for (const m of content.replace(elementPattern('rPh'), '').matchAll(elementPattern('t'))) text += m[2] ?? '';
  return xmlText(text);
}

/** Longest tail kept when no element is under way: enough for a start tag cut in two. */
const TAIL = 64;

/**
 * No row or string of a real sheet comes near this (a cell holds at most 32,767 characters): an element
 * still open past it is damaged XML, and reading on would scan the growing rest again at every chunk.
 */
export const MAX_ELEMENT_CHARS = 8_000_000;

/** An element that does not end: not by the end of the text, or not within MAX_ELEMENT_CHARS. */
export class UnclosedElement extends Error {
  constructor(readonly element: string) {
    super(`a <${element}> element never ends`);
  }
}

/**
 * Finds every element `name` in XML that arrives in chunks, in document order. Keeps only the text of
 * the element under way between chunks, so a 100 MB sheet is read in the memory of one row.
 */
export class ElementScanner {
  private carry = '';
  private readonly whole: RegExp;
  private readonly start: RegExp;

  constructor(
    private readonly name: string,
    private readonly onElement: (attrs: string, content: string | undefined) => void,
  ) {
    this.whole = elementPattern(name);
    this.start = new RegExp(`<(?:[\\w.-]+:)?${name}\\b`, 'g');
  }

  push(chunk: string): void {
    const text = this.carry === '' ? chunk : this.carry + chunk;
    const whole = this.whole;
    whole.lastIndex = 0;
    let end = 0;
    for (let m: RegExpExecArray | null; (m = whole.exec(text)) !== null;) {
      // A start tag passed over on the way here opened an element that never closed.
      this.start.lastIndex = end;
      if (this.start.exec(text)!.index < m.index) throw new UnclosedElement(this.name);
      this.onElement(m[1]!, m[2]);
      end = whole.lastIndex;
    }
    // What is left holds no whole element: keep it from an element's start tag, else a short tail.
    this.start.lastIndex = end;
    const open = this.start.exec(text);
    this.carry = open ? text.slice(open.index) : text.slice(Math.max(end, text.length - TAIL));
    if (this.carry.length > MAX_ELEMENT_CHARS) throw new UnclosedElement(this.name);
  }

  /** The end of the text: an element still open there is damaged XML, not a row to drop unsaid. */
  end(): void {
    this.start.lastIndex = 0;
    if (this.start.test(this.carry)) throw new UnclosedElement(this.name);
    this.carry = '';
  }
}
