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
 * Parse a moment as Beijing wall-clock. Forms: "2019-12-08 14:00", "2019-12-08T14:00", "2019-12-08 14:00:00",
 * ISO with an offset or Z ("2019-12-08T06:00:00Z" → 14:00), "2019年12月8日14时", "2019年12月8日14时30分",
 * "2019年12月8日14:30", and a bare date (→ 00:00). Null when it is none of these.
 */
export function parseWallTime(input: string): WallTime | null {
  const s = input.trim().normalize('NFKC');
  const zh =
    /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(\d{1,2})(?:时|点)(?:(\d{1,2})分?)?$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(\d{1,2}):(\d{2})$/.exec(s);
  if (zh) return wall(`${zh[1]}-${pad(Number(zh[2]))}-${pad(Number(zh[3]))}`, Number(zh[4]), Number(zh[5] ?? 0));
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (iso) {
    if (!iso[5]) return wall(iso[1]!, Number(iso[2]), Number(iso[3]));
    const instant = new Date(
      `${iso[1]}T${pad(Number(iso[2]))}:${iso[3]}:${iso[4] ?? '00'}${iso[5] === 'Z' ? 'Z' : iso[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
    );
    if (Number.isNaN(instant.getTime())) return null;
    return fromInstant(instant.getTime());
  }
  const date = parseDate(s);
  return date ? { date, minutes: 0 } : null;
}

function wall(date: string, h: number, m: number): WallTime | null {
  if (!isValidDate(date) || h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return h === 24 ? { date: addDays(date, 1), minutes: 0 } : { date, minutes: h * 60 + m };
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
