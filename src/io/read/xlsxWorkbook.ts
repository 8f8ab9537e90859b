/**
 * The parts of an .xlsx/.xlsm around its sheets (ECMA-376 / ISO 29500): which sheets there are, in order,
 * with their names, whether hidden, and their zip entries; the shared strings; each cell style's number
 * format; and the date system. Read from the zip (zipArchive.ts) with saxes (xmlParts.ts), by the
 * relationships that tie the parts together rather than by the file names one writer happens to use.
 */
import { damaged, unclosed } from './workbookFault.js';
import { attribute, MAX_ELEMENT_CHARS, ooxmlText, readPart, type Attributes, type PartReader } from './xmlParts.js';
import type { ZipArchive } from './zipArchive.js';

export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** The sheet's zip entry, e.g. xl/worksheets/sheet1.xml (undefined when the workbook names none). */
  entry: string | undefined;
}

export interface Workbook {
  sheets: SheetInfo[];
  /** Serial 0 is 1904-01-01 instead of 1900-01-00 (workbooks from old Mac Excel). */
  date1904: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

/** Reads a part by its entry name; false when the archive has no such entry. */
async function readEntry(zip: ZipArchive, name: string, reader: PartReader): Promise<boolean> {
  const e = zip.entries.get(name);
  if (!e) return false;
  await readPart(name, zip.chunks(e), reader);
  return true;
}

/** A relationship target, resolved against the folder of the part that names it. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

type Relationships = Map<string, { type: string; target: string }>;

/** A part's relationships: id → { type (its last word: worksheet, sharedStrings …), target part }. */
async function relationships(zip: ZipArchive, part: string): Promise<Relationships> {
  const slash = part.lastIndexOf('/');
  const out: Relationships = new Map();
  await readEntry(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.Id;
      const target = a.Target;
      if (id === undefined || target === undefined || a.TargetMode === 'External') return;
      out.set(id, { type: (a.Type ?? '').split('/').pop()!, target: resolveTarget(part, target) });
    },
  });
  return out;
}

export async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  const root = [...(await relationships(zip, '')).values()].find((r) => r.type === 'officeDocument');
  const part = root?.target ?? 'xl/workbook.xml';
  const listed: Attributes[] = [];
  let pr: Attributes | undefined;
  // <sheet> elements of the first <sheets> only, and the first <workbookPr>.
  let sheetsSeen = 0;
  let inSheets = false;
  const found = await readEntry(zip, part, {
    open(name, a) {
      if (name === 'sheets') inSheets = sheetsSeen++ === 0;
      else if (name === 'sheet' && inSheets) listed.push(a);
      else if (name === 'workbookPr') pr ??= a;
    },
    close(name) {
      if (name === 'sheets') inSheets = false;
    },
  });
  if (!found) throw damaged('这是 zip 压缩文件，但不是 Excel 工作簿', 'this is a zip archive, not an Excel workbook');
  const rels = await relationships(zip, part);
  const sheets: SheetInfo[] = [];
  for (const a of listed) {
    const rel = rels.get(attribute(a, 'id') ?? '');
    if (rel && rel.type !== 'worksheet') continue; // chart sheets and dialog sheets hold no rows
    const state = a.state;
    sheets.push({
      name: a.name ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
      entry: rel && zip.entries.has(rel.target) ? rel.target : undefined,
    });
  }
  const date1904 = pr !== undefined && /^(1|true)$/.test(pr.date1904 ?? '');
  const target = (type: string) => [...rels.values()].find((r) => r.type === type && zip.entries.has(r.target))?.target;
  return { sheets, date1904, sharedStrings: target('sharedStrings'), styles: target('styles') };
}

/**
 * The text of a string item (<si> in the shared strings, <is> in a cell): its <t> runs joined, phonetic
 * guides (<rPh>) left out. Fed the events inside the item; `take` hands over the text and starts anew.
 */
export class RunText {
  private inT = false;
  private phonetic = 0;
  private text = '';

  open(name: string): void {
    if (name === 't') this.inT = this.phonetic === 0;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic = Math.max(0, this.phonetic - 1);
  }

  add(t: string): void {
    if (this.inT) this.text += t;
  }

  take(): string {
    const t = detached(ooxmlText(this.text));
    this.text = '';
    this.inT = false;
    this.phonetic = 0;
    return t;
  }
}

/** The shared strings, in order: the text of every <si>, read as it is inflated (it can be the largest part). */
export async function readSharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  const out: string[] = [];
  if (part === undefined) return out;
  const run = new RunText();
  let inSi = false;
  let start = 0;
  let chunkEnd = 0;
  await readEntry(zip, part, {
    open(name) {
      if (name === 'si') {
        if (inSi) throw unclosed('si');
        inSi = true;
        start = chunkEnd;
      } else if (inSi) run.open(name);
    },
    close(name) {
      if (!inSi) return;
      if (name === 'si') {
        out.push(run.take());
        inSi = false;
      } else run.close(name);
    },
    text(t) {
      if (inSi) run.add(t);
    },
    chunkEnd(at) {
      if (inSi && at - start > MAX_ELEMENT_CHARS) throw unclosed('si');
      chunkEnd = at;
    },
    end() {
      if (inSi) throw unclosed('si');
    },
  });
  return out;
}

/** Each cell style's number format (by the style's index, the cell's s="…"), as a format code. */
export async function readCellFormats(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  if (part === undefined) return [];
  // The first <numFmts> and the first <cellXfs> (not <cellStyleXfs>, whose <xf> are the named styles).
  let numFmts = 0;
  let cellXfs = 0;
  let inNumFmts = false;
  let inCellXfs = false;
  await readEntry(zip, part, {
    open(name, a) {
      if (name === 'numFmts') inNumFmts = numFmts++ === 0;
      else if (name === 'cellXfs') inCellXfs = cellXfs++ === 0;
      else if (name === 'numFmt' && inNumFmts) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return ids.map((id) => custom.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General');
}

/**
 * The number formats every Excel knows by id alone (ECMA-376 Part 1, 18.8.30), with the Chinese (zh-CN)
 * codes for the locale-dependent ids: a date typed into Chinese Excel is often stored as id 31 or 57
 * with no format code in the file.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * A copy of the string that does not hold on to the chunk of XML it was cut from: V8 keeps a slice of a
 * long string as a view of it, and the shared strings live as long as the sheet is read.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
