/**
 * The parts of an .xlsx/.xlsm around its sheets (ECMA-376 / ISO 29500): which sheets there are, in order,
 * with their names, whether hidden, and their zip entries; the shared strings; each cell style's number
 * format; and the date system. Read from a checked zip (zipCheck.ts), by the relationships that tie the
 * parts together rather than by the file names one writer happens to use.
 */
import { entryChunks, inflateEntry, type ZipEntry } from './zipCheck.js';
import { attribute, ElementScanner, elementPattern, firstElement, runText, xmlAttributes } from './xmlScan.js';

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

/** Why a workbook cannot be read, in words for the message. */
export class WorkbookFault extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

type Entries = ReadonlyMap<string, ZipEntry>;

function partText(bytes: Buffer, entries: Entries, name: string): string | undefined {
  const e = entries.get(name);
  return e ? inflateEntry(bytes, e).toString('utf8') : undefined;
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

/** A part's relationships: id → { type (its last word: worksheet, sharedStrings …), target part }. */
function relationships(bytes: Buffer, entries: Entries, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = partText(bytes, entries, relsName) ?? '';
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(elementPattern('Relationship'))) {
    const a = xmlAttributes(m[1]!);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id === undefined || target === undefined || a.get('TargetMode') === 'External') continue;
    out.set(id, { type: (a.get('Type') ?? '').split('/').pop()!, target: resolveTarget(part, target) });
  }
  return out;
}

export function readWorkbook(bytes: Buffer, entries: Entries): Workbook {
  const root = [...relationships(bytes, entries, '').values()].find((r) => r.type === 'officeDocument');
  const part = root?.target ?? 'xl/workbook.xml';
  const xml = partText(bytes, entries, part);
  if (xml === undefined) throw new WorkbookFault('这是 zip 压缩文件，但不是 Excel 工作簿', 'this is a zip archive, not an Excel workbook');
  const rels = relationships(bytes, entries, part);
  const sheets: SheetInfo[] = [];
  for (const m of (firstElement(xml, 'sheets')?.content ?? '').matchAll(elementPattern('sheet'))) {
    const a = xmlAttributes(m[1]!);
    const rel = rels.get(attribute(a, 'id') ?? '');
    if (rel && rel.type !== 'worksheet') continue; // chart sheets and dialog sheets hold no rows
    const state = a.get('state');
    sheets.push({
      name: a.get('name') ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
      entry: rel && entries.has(rel.target) ? rel.target : undefined,
    });
  }
  const pr = firstElement(xml, 'workbookPr');
  const date1904 = pr !== undefined && /^(1|true)$/.test(xmlAttributes(pr.attrs).get('date1904') ?? '');
  const target = (type: string) => [...rels.values()].find((r) => r.type === type && entries.has(r.target))?.target;
  return { sheets, date1904, sharedStrings: target('sharedStrings'), styles: target('styles') };
}

/** The shared strings, in order: the text of every <si>, read as it is inflated (it can be the largest part). */
export async function readSharedStrings(bytes: Buffer, entries: Entries, part: string | undefined): Promise<string[]> {
  const out: string[] = [];
  const e = part === undefined ? undefined : entries.get(part);
  if (!e) return out;
  const scanner = new ElementScanner('si', (_attrs, content) => out.push(content === undefined ? '' : detached(runText(content))));
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(bytes, e)) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  scanner.end();
  return out;
}

/** Each cell style's number format (by the style's index, the cell's s="…"), as a format code. */
export function readCellFormats(bytes: Buffer, entries: Entries, part: string | undefined): string[] {
  const xml = part === undefined ? undefined : partText(bytes, entries, part);
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  for (const m of (firstElement(xml, 'numFmts')?.content ?? '').matchAll(elementPattern('numFmt'))) {
    const a = xmlAttributes(m[1]!);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const formats: string[] = [];
  // An <xf> may have children (<alignment/>): its start tag is what matters.
  for (const m of (firstElement(xml, 'cellXfs')?.content ?? '').matchAll(/<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(xmlAttributes(m[1]!).get('numFmtId') ?? 0);
    formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General');
  }
  return formats;
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
function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
