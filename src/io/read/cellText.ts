/**
 * A spreadsheet cell as the person sees it in Excel: haze reads what the cell shows, not the number behind
 * it. An 18-digit credit code that Excel turned into a number shows as 9.13204E+17 (and is reported as
 * such); 1.5 formatted "0.00" shows as 1.50; a date shows as a Beijing wall-clock date. The serial number
 * of an Excel date has no time zone: its wall-clock reading is the one shown, whatever the machine's zone.
 */

/** A cell's value as the workbook stores it (xlsxRows.ts reads the type and the style). */
export type SheetValue = null | undefined | string | number | boolean | Date;

export function cellText(value: SheetValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return formatWallClock(value, numFmt);
}

/** Quoted text, escaped characters, [Red] and [$-804] sections, padding and fill: none of it is a placeholder. */
function placeholdersOf(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const p = placeholdersOf(numFmt.split(';')[0]!);
  return /[ymdhs]/i.test(p) && !/[0#?]/.test(p.replace(/[ymdhs]+/gi, '').replace(/\.0+/g, ''));
}

export function formatNumber(v: number, numFmt: string | undefined): string {
  if (!Number.isFinite(v)) return String(v);
  const fmt = numFmt?.trim() ?? '';
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return general(v);
  if (isDateFormat(fmt)) return formatWallClock(excelSerialToDate(v), fmt);
  const sections = fmt.split(';');
  const negative = v < 0 && sections.length > 1;
  const section = placeholdersOf(negative ? sections[1]! : sections[0]!);
  if (!/[0#?]/.test(section)) return general(v);
  const x = negative ? -v : v;
  if (/E[+-]/i.test(section)) return excelExponential(x, decimalsOf(section.split(/E/i)[0]!));
  const scaled = section.includes('%') ? x * 100 : x;
  const decimals = decimalsOf(section);
  let text = fixed(Math.abs(scaled), decimals);
  if (/[0#?],[0#?]/.test(section)) text = withThousands(text);
  const sign = scaled < 0 ? '-' : '';
  return `${sign}${text}${section.includes('%') ? '%' : ''}`;
}

/** toFixed, but past 15 significant digits zeros, as Excel shows them (913204131234567890 → …568000). */
function fixed(a: number, decimals: number): string {
  if (a < 1e15) return a.toFixed(decimals);
  const [mantissa, exp] = a.toPrecision(15).split('e+');
  const digits = mantissa!.replace('.', '');
  return digits.padEnd(Number(exp) + 1, '0') + (decimals > 0 ? `.${'0'.repeat(decimals)}` : '');
}

function decimalsOf(section: string): number {
  const dot = section.indexOf('.');
  if (dot < 0) return 0;
  return (section.slice(dot + 1).match(/[0#?]/g) ?? []).length;
}

function withThousands(text: string): string {
  const [int, frac] = text.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * Excel's General format in a standard-width column: at most 11 characters, so an integer of 12 digits
 * or more shows in scientific notation (the credit code 913204… becomes 9.13204E+17); otherwise the
 * 15 significant digits Excel keeps.
 */
export function general(v: number): string {
  const a = Math.abs(v);
  if ((a >= 1e11 && Number.isInteger(v)) || a >= 1e15 || (a !== 0 && a < 1e-9)) return excelExponential(v, 5, true);
  const shortest = String(v);
  // 15 characters hold at most 15 significant digits: nothing to round (most cells; toPrecision is slow).
  if (shortest.length <= 15) return shortest;
  return String(Number(v.toPrecision(15)));
}

/** 1.23E+05, as Excel writes it (two exponent digits at least); `trim` drops trailing zeros as General does. */
function excelExponential(v: number, decimals: number, trim = false): string {
  const [mantissa, exp] = v.toExponential(decimals).split('e');
  let m = mantissa!;
  if (trim && m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  const e = Number(exp);
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01; the fraction is the time of day. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/**
 * The date's wall-clock reading (read in UTC, where a serial or a zoneless ISO date puts it), as haze
 * prints times: YYYY-MM-DD, YYYY-MM-DD HH:mm, or HH:mm for a time-only format.
 */
export function formatWallClock(d: Date, numFmt: string | undefined): string {
  if (Number.isNaN(d.getTime())) return '';
  const p = numFmt ? placeholdersOf(numFmt.split(';')[0]!) : 'yyyy-mm-dd';
  const hasDate = /[yd]/i.test(p) || (/m/i.test(p) && !/[hs]/i.test(p));
  const hasTime = /[hs]/i.test(p);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  if (hasDate && hasTime) return `${date} ${time}`;
  if (hasTime) return time;
  return date;
}
