/**
 * Timestamps and numbers of meter exports, read by a scan over the characters (2.9 million rows: no regex per
 * cell). The forms meters and platforms write — `20191208 141500`, `20191208141500`, `2019-12-08 14:15`,
 * `2019/12/8 14:15`, ISO `2019-12-08T14:15:00`, an Excel serial `43807.59375` — are read here; anything else
 * (an offset, 2019年12月8日14时, 下午 2:15) goes to time.ts's parseWallTime, the one reader of people's forms.
 * Seconds round to the nearest minute (a meter stamping 14:14:59 means 14:15).
 */
import { fromExcelSerial, parseWallTime, toWallMinute } from '../../../core/time.js';

const MINUTES_A_DAY = 1440;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil); NaN when the date does not exist. */
function dayNumber(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return NaN;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function clock(day: number, h: number, mi: number, s: number): number {
  if (Number.isNaN(day) || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return NaN;
  return day * MINUTES_A_DAY + h * 60 + mi + (s >= 30 ? 1 : 0);
}

// The numeric groups of one cell (at most 8 are looked at), reused from call to call.
const value = new Float64Array(8);
const length = new Int8Array(8);

/** A cell's moment as a wall minute (model.ts), or NaN when it is no moment. */
export function wallMinuteOf(cell: string): number {
  let groups = 0;
  let inGroup = false;
  let dotAfterFirst = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!inGroup) {
        if (groups === 8) return slow(cell);
        value[groups] = 0;
        length[groups] = 0;
        groups++;
        inGroup = true;
      }
      const g = groups - 1;
      value[g] = value[g]! * 10 + (c - 48);
      length[g] = length[g]! + 1;
    } else if (c === 45 || c === 47 || c === 32 || c === 58 || c === 84 || c === 46 || c === 9) {
      // - / space : T . tab
      if (c === 46 && groups === 1) dotAfterFirst = true;
      inGroup = false;
    } else return slow(cell);
  }
  if (groups === 0) return NaN;
  const l0 = length[0]!;
  const v0 = value[0]!;
  // An Excel serial: 43807 or 43807.59375 (dates from 1954 to 2173).
  if (l0 === 5 && (groups === 1 || (groups === 2 && dotAfterFirst))) {
    const serial = Number(cell.trim());
    const t = fromExcelSerial(serial);
    return t === null ? NaN : toWallMinute(t);
  }
  if (l0 === 14 && groups === 1) return compact(v0, 14);
  if (l0 === 12 && groups === 1) return compact(v0, 12);
  if (l0 === 8) {
    const day = dayNumber(Math.floor(v0 / 10000), Math.floor(v0 / 100) % 100, v0 % 100);
    if (groups === 1) return clock(day, 0, 0, 0);
    if (groups === 2 && length[1] === 6) return clock(day, Math.floor(value[1]! / 10000), Math.floor(value[1]! / 100) % 100, value[1]! % 100);
    if (groups === 2 && length[1] === 4) return clock(day, Math.floor(value[1]! / 100), value[1]! % 100, 0);
    if (groups >= 3 && length[1]! <= 2 && length[2]! <= 2) return clock(day, value[1]!, value[2]!, groups >= 4 ? value[3]! : 0);
    return NaN;
  }
  if (l0 === 4 && groups >= 3 && length[1]! <= 2 && length[2]! <= 2) {
    const day = dayNumber(v0, value[1]!, value[2]!);
    if (groups === 3) return clock(day, 0, 0, 0);
    if (groups === 4 || length[3]! > 2 || length[4]! > 2) return NaN; // an hour without minutes
    return clock(day, value[3]!, value[4]!, groups >= 6 && length[5]! <= 2 ? value[5]! : 0);
  }
  return slow(cell);
}

/** yyyymmddhhmm(ss) as one number (exact: below 2^53). */
function compact(v: number, digits: 12 | 14): number {
  const s = digits === 14 ? v % 100 : 0;
  const rest = digits === 14 ? Math.floor(v / 100) : v;
  const mi = rest % 100;
  const h = Math.floor(rest / 100) % 100;
  const ymd = Math.floor(rest / 10000);
  return clock(dayNumber(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100), h, mi, s);
}

function slow(cell: string): number {
  const t = parseWallTime(cell);
  return t === null ? NaN : toWallMinute(t);
}

/**
 * A number cell: NaN when it is not a number, null when it is empty. Thousands separators (1,234.5), which
 * Excel shows and exports, are dropped.
 */
export function numberOf(cell: string): number | null {
  const s = cell.trim();
  if (s === '') return null;
  const n = Number(s);
  if (!Number.isNaN(n)) return n;
  if (s.includes(',')) {
    const m = Number(s.replace(/,/g, ''));
    if (!Number.isNaN(m)) return m;
  }
  return NaN;
}
