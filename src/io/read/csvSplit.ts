/**
 * CSV text → records, as Excel reads a CSV: fields split at commas, records at any line break (CRLF, LF
 * or a lone CR, mixed in one file as files edited by two programs are), a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). Written for the list loader, where a province list of
 * 100,000 rows made csv-parse the largest cost of a run: it works on the decoded string with indexOf and
 * charCodeAt, and never turns text back into bytes.
 *
 * Lenient where Excel is, like csv-parse with relax_quotes: a quote inside an unquoted field is text
 * (`a "b" c`), and a quoted field followed by more text before the comma (`"a"b`) is read as written,
 * quotes and all. Only a quote that opens a field and never closes is an error: everything after it would
 * be one field.
 *
 * Text may arrive in chunks: `push` keeps the unfinished record and reads it again with the next chunk.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/**
 * An Excel cell holds at most 32,767 characters, so a list's record is never near this long: a record
 * still open past it is a quote that never closes. Stopping here keeps a bad file from being read again
 * and again, chunk after chunk, as one ever-growing field.
 */
export const MAX_RECORD_CHARS = 2_000_000;

/**
 * Text that cannot be split: 'quote' when a field's opening quote never closes, 'length' when a record
 * runs past MAX_RECORD_CHARS (an unclosed quote far from the end, or a file that is not a list).
 */
export class CsvSplitError extends Error {
  /** @param record the record (1-based) where the trouble starts */
  constructor(
    readonly kind: 'quote' | 'length',
    readonly record: number,
  ) {
    super(kind === 'quote' ? `an opening quote in record ${record} is never closed` : `record ${record} is longer than ${MAX_RECORD_CHARS} characters`);
  }
}

export class CsvSplitter {
  /** Text of a record not yet complete, kept until the next chunk. */
  private rest = '';
  private records = 0;
  private started = false;

  constructor(private readonly onRecord: (cells: string[], record: number) => void) {}

  push(chunk: string): void {
    let text = this.rest === '' ? chunk : this.rest + chunk;
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM the decoder left in
    }
    this.rest = text.slice(this.split(text, false));
    if (this.rest.length > MAX_RECORD_CHARS) throw new CsvSplitError('length', this.records + 1);
  }

  /** The end of the text: the last record may lack its line break; an unclosed quote throws. */
  end(): void {
    const text = this.rest;
    this.rest = '';
    if (text !== '') this.split(text, true);
  }

  /**
   * Hands on every complete record in `text`; returns where the first incomplete one starts (text.length
   * when none is). With `final`, the end of the text ends the last record.
   */
  private split(text: string, final: boolean): number {
    const n = text.length;
    let i = 0;
    let recordStart = 0;
    let cells: string[] = [];
    while (i < n) {
      // i is at the start of a field.
      const start = i;
      let value: string;
      let end: number; // where the field's text ends: a comma, a line break or the end of the text
      if (text.charCodeAt(i) === QUOTE) {
        const closed = quotedField(text, i);
        if (closed === null) {
          if (final) throw new CsvSplitError('quote', this.records + 1);
          return recordStart;
        }
        // A doubled quote cut by the chunk's end reads as a closing one: wait for more text.
        if (closed.next >= n && !final) return recordStart;
        end = closed.next;
        value = closed.value;
        if (end < n && !isFieldEnd(text.charCodeAt(end))) {
          end = unquotedEnd(text, end);
          value = text.slice(start, end); // "a"b: as written, quotes and all
        }
      } else {
        end = unquotedEnd(text, i);
        value = text.slice(start, end);
      }
      if (end >= n && !final) return recordStart;
      cells.push(value);
      if (end >= n) {
        this.emit(cells);
        return n;
      }
      const c = text.charCodeAt(end);
      if (c === COMMA) {
        i = end + 1;
        if (i >= n && !final) return recordStart;
        if (i >= n) {
          cells.push(''); // "a," at the very end: a last, empty field
          this.emit(cells);
          return n;
        }
        continue;
      }
      // A line break: CR may be the first half of CRLF in the next chunk.
      if (c === CR && end + 1 >= n && !final) return recordStart;
      i = c === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      this.emit(cells);
      cells = [];
      recordStart = i;
    }
    return n;
  }

  private emit(cells: string[]): void {
    this.onRecord(cells, ++this.records);
  }
}

/** The quoted field opening at `open`: its value and the position after its closing quote; null when it never closes. */
function quotedField(text: string, open: number): { value: string; next: number } | null {
  let from = open + 1;
  let value = '';
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return null;
    if (text.charCodeAt(q + 1) === QUOTE) {
      value += text.slice(from, q + 1); // "" is one quote
      from = q + 2;
      continue;
    }
    return { value: value + text.slice(from, q), next: q + 1 };
  }
}

function isFieldEnd(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}

/** The first comma or line break at or after `from` (text.length when none). */
function unquotedEnd(text: string, from: number): number {
  const n = text.length;
  let j = from;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === LF || c === CR) return j;
    j++;
  }
  return n;
}
