/**
 * Beijing wall-clock time, independent of the machine's time zone (GUIDE §3.9–10). A moment is a date
 * string plus minutes after midnight; input accepts "2019-12-08 14:00", ISO forms with an offset, and
 * "2019年12月8日14时".
 */
import { createRequire } from 'node:module';

export const ZONE = 'Asia/Shanghai';

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes after midnight. */
  minutes: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatClock(minutes: number): string {
  const m = Math.round(minutes);
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/**
 * A time of a patrol day, in minutes after that day's midnight, for people: an evening round that runs past
 * midnight says so ("次日 01:10", "01:10 next day") rather than 25:10 or a bare 01:10 under the day before.
 */
export function formatDayClock(minutes: number, lang: 'zh' | 'en' = 'zh'): string {
  const m = Math.round(minutes);
  const days = Math.floor(m / (24 * 60));
  if (days === 0) return formatClock(m);
  const clock = formatClock(m - days * 24 * 60);
  if (lang === 'en') return `${clock} ${days === 1 ? 'next day' : `+${days} days`}`;
  return `${days === 1 ? '次日' : `第 ${days} 天后`} ${clock}`;
}

export function formatWallTime(t: WallTime): string {
  return `${t.date} ${formatClock(t.minutes)}`;
}

/** The date `n` days after `date` (calendar arithmetic in UTC, so no zone can shift it). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Parse a date: 2019-12-08, 2019/12/8, 20191208, 2019年12月8日. Null when it is none of these. */
export function parseDate(input: string): string | null {
  const s = input.trim().normalize('NFKC');
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const date = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isValidDate(date) ? date : null;
}

/**
 * A time of day → minutes after midnight (0–1440, 24:00 being the end of the day). Forms: 14:00, 9:05,
 * 14:00:00, 14时, 14时30分, 14点, 14点30, and with 上午/下午 or AM/PM as Chinese Excel shows them
 * (下午 2:05, 2:05 PM). Null when it is none of these.
 */
export function parseClock(input: string): number | null {
  const s = input.trim().normalize('NFKC');
  const m = CLOCK.exec(s);
  if (!m) return null;
  const [, before, h1, m1, h2, m2, after] = m;
  let h = Number(h1 ?? h2);
  const min = Number(m1 ?? m2 ?? 0);
  const half = before ?? after;
  if (half !== undefined) {
    // A 12-hour clock: 12 AM is midnight, 12 PM noon, 下午 1:05 is 13:05; "下午 14:05" is taken as meant.
    const pm = AFTERNOON.test(half);
    if (h >= 1 && h <= 12) h = (h % 12) + (pm ? 12 : 0);
    else if (h === 0 ? pm : !pm) return null;
  }
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

const AFTERNOON = /^(下午|晚上|中午|p\.?m\.?)$/i;
// H:MM(:SS) or H时(MM分) / H点(MM(分)), with 上午/下午 before or AM/PM after.
const CLOCK = /^(?:(上午|下午|早上|晚上|中午)\s*)?(?:(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?|(\d{1,2})\s*[时点](?:\s*(\d{1,2})\s*分?)?)(?:\s*([ap]\.?m\.?))?$/i;

// A date the way people and spreadsheets write it, then the rest: 2019-12-08, 2019/12/8, 2019.12.8, 2019年12月8日.
const DATE_HEAD = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)(?=$|[\sT]|\d|[上下早晚中])/;
// A month and day with no year (12月8日): the year comes from the date it belongs to.
const MONTH_DAY_HEAD = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?=$|\s|\d|[上下早晚中])/;

/**
 * Parse a moment as Beijing wall-clock. Forms: "2019-12-08 14:00", "2019-12-08T14:00", "2019-12-08 14:00:00",
 * ISO with an offset or Z ("2019-12-08T06:00:00Z" → 14:00), the forms Excel and WPS write and people type —
 * "2019/12/8 14:05", "2019-12-8 9:00", "2019/12/8 14:05:00", "2019/12/8 下午 2:05" — "2019年12月8日14时",
 * "2019年12月8日14时30分", "2019年12月8日14:30", and a bare date (→ 00:00).
 *
 * `on` is the date the moment belongs to, when there is one (a results row's date column): with it, a
 * month and day without a year ("12月8日14时", the year taken from `on`) and a bare time of day ("14:00",
 * "9:05", "14时") are read too. Null when the input is none of these.
 */
export function parseWallTime(input: string, on?: string): WallTime | null {
  const s = input.trim().normalize('NFKC').replace(/\s+/g, ' ');
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/.exec(s);
  if (iso) {
    const instant = new Date(
      `${iso[1]}T${pad(Number(iso[2]))}:${iso[3]}:${iso[4] ?? '00'}${iso[5] === 'Z' ? 'Z' : iso[5]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
    );
    if (Number.isNaN(instant.getTime())) return null;
    return fromInstant(instant.getTime());
  }
  const bare = parseDate(s);
  if (bare) return { date: bare, minutes: 0 };
  const full = DATE_HEAD.exec(s);
  const monthDay = full || on === undefined ? null : MONTH_DAY_HEAD.exec(s);
  let date = on;
  if (full) date = `${full[1]}-${pad(Number(full[2] ?? full[4]))}-${pad(Number(full[3] ?? full[5]))}`;
  else if (monthDay) date = `${on!.slice(0, 4)}-${pad(Number(monthDay[1]))}-${pad(Number(monthDay[2]))}`;
  const head = full ?? monthDay;
  const rest = head ? s.slice(head[0].length).replace(/^[T ]/, '') : s;
  if (date === undefined || !isValidDate(date)) return null;
  if (rest === '') return head ? { date, minutes: 0 } : null;
  const minutes = parseClock(rest);
  if (minutes === null) return null;
  return minutes === 24 * 60 ? { date: addDays(date, 1), minutes: 0 } : { date, minutes };
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01, the fraction the time of day (to the nearest minute). */
export function fromExcelSerial(serial: number): WallTime | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const d = new Date(Math.round((serial - 25569) * 1440) * 60_000);
  return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

/**
 * China has kept UTC+8 all year since its last summer time ended, 1991-09-15 02:00 (+09:00). From then on
 * the wall clock is the instant plus eight hours: no time-zone lookup, whose first use loads the zone data
 * (tens of milliseconds of every command's start, for `now()`). Before it, the zone database decides
 * (@date-fns/tz, loaded only for such an instant).
 */
const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 14, 17);
const UTC8 = 8 * 60 * 60 * 1000;
let tz: typeof import('@date-fns/tz') | undefined;
const zoneDatabase = () => (tz ??= createRequire(import.meta.url)('@date-fns/tz') as typeof import('@date-fns/tz'));

/** The Beijing wall-clock of an instant (milliseconds since the epoch). */
export function fromInstant(ms: number): WallTime {
  if (ms >= FIXED_OFFSET_SINCE) {
    const d = new Date(ms + UTC8);
    return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
  }
  const z = new (zoneDatabase().TZDate)(ms, ZONE);
  return { date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`, minutes: z.getHours() * 60 + z.getMinutes() };
}

/** Compare two wall times: negative when a is earlier. */
export function compareWallTime(a: WallTime, b: WallTime): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.minutes - b.minutes;
}

/** A moment given as a date and minutes that may run past midnight (an evening round ending at 01:00). */
export function wallAt(date: string, minutes: number): WallTime {
  const m = Math.round(minutes);
  const days = Math.floor(m / (24 * 60));
  return { date: days === 0 ? date : addDays(date, days), minutes: m - days * 24 * 60 };
}

const MINUTES_A_DAY = 24 * 60;

/**
 * A wall time as minutes since 1970-01-01 00:00 on the same wall clock (evidence's time line, model.ts):
 * China has had no daylight saving since 1991, so these minutes are evenly spaced instants.
 */
export function toWallMinute(t: WallTime): number {
  return Date.parse(`${t.date}T00:00:00Z`) / 60_000 + t.minutes;
}

/** The wall time of a wall minute. */
export function fromWallMinute(m: number): WallTime {
  const days = Math.floor(m / MINUTES_A_DAY);
  return { date: new Date(days * MINUTES_A_DAY * 60_000).toISOString().slice(0, 10), minutes: m - days * MINUTES_A_DAY };
}
