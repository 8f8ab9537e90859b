/**
 * One parser per command-line flag that several commands share. Each is a pure `(raw) => value` that
 * refuses a bad value with a HazeError (HAZE_USAGE, exit 64) naming the flag, the value found and the forms
 * accepted, in both languages, plus a hint — so every command words the same mistake the same way.
 *
 * Where the parsing happens: in the command's action, not in commander. The option helpers in options.ts
 * register the option as a plain string (`levelOption(cmd)`), and the action calls `parseLevelFlag(opts.level)`.
 * Why (commander 14.0.3, lib/command.js `_callParseArg`): an option's parser that throws
 * InvalidArgumentError is turned into `this.error("error: option '--level <level>' argument 'x' is
 * invalid. …")` — English-only framing, the whole help printed after it, and a CommanderError (exitCode 1,
 * mapped to 64 by main.ts); any other error, a HazeError included, is rethrown unchanged out of parseAsync.
 * That rethrow is undocumented (the docs say parsers throw InvalidArgumentError), it fires while options
 * are still being read (before --help is looked at), and defaults never pass through a parser at all.
 * Parsing in the action relies on none of that, and the group parser needs the loaded town anyway.
 */
import { LEVEL_FORMS, parseAlertLevel } from '../core/alertLevel.js';
import type { AlertLevel } from '../core/model.js';
import { parseClock, parseDate, parseWallTime, type WallTime } from '../core/time.js';
import { CODE, HazeError, type Text } from '../errors.js';

function refused(flag: string, raw: string, what: Text, forms: Text, hint: Text): HazeError {
  return new HazeError(CODE.HAZE_USAGE, {
    message: { zh: `${flag} 的值"${raw}"不是${what.zh}；可用：${forms.zh}`, en: `${flag}: "${raw}" is not ${what.en}; accepted: ${forms.en}` },
    hint,
  });
}

export function parseLevelFlag(raw: string, flag = '--level'): AlertLevel {
  const level = parseAlertLevel(raw);
  if (level) return level;
  throw refused(flag, raw, { zh: '预警级别', en: 'an alert level' }, LEVEL_FORMS, { zh: `例如 ${flag} orange 或 ${flag} 橙色`, en: `e.g. ${flag} orange` });
}

const DATE_FORMS: Text = { zh: '2019-12-08、2019/12/8、2019年12月8日', en: '2019-12-08, 2019/12/8, 2019年12月8日' };

/** A calendar date → 'YYYY-MM-DD'. */
/** The years a date given on the command line may fall in: outside, it is a typo (9999-12-31), not an alert. */
export const DATE_YEARS = { from: 1900, to: 2200 } as const;

export function parseDateFlag(raw: string, flag = '--date'): string {
  const date = parseDate(raw);
  const year = date ? Number(date.slice(0, 4)) : NaN;
  if (date && (year < DATE_YEARS.from || year > DATE_YEARS.to)) {
    throw refused(flag, raw, { zh: `${DATE_YEARS.from}–${DATE_YEARS.to} 年间的日期`, en: `a date from ${DATE_YEARS.from} to ${DATE_YEARS.to}` }, DATE_FORMS, {
      zh: '核对年份',
      en: 'check the year',
    });
  }
  if (date) return date;
  throw refused(flag, raw, { zh: '日期', en: 'a date' }, DATE_FORMS, {
    zh: '日期须在日历上存在（例如没有 2 月 30 日）',
    en: 'the day must exist on the calendar (there is no 30 February)',
  });
}

const TIME_FORMS: Text = {
  zh: '2019-12-08 14:00、2019/12/8 14:00、2019-12-08T14:00+08:00、2019年12月8日14时',
  en: '2019-12-08 14:00, 2019/12/8 14:00, 2019-12-08T14:00+08:00, 2019年12月8日14时',
};

/** A moment, Beijing wall-clock (an ISO time with Z or an offset is converted). */
export function parseTimeFlag(raw: string, flag: string): WallTime {
  const t = parseWallTime(raw);
  if (t) return t;
  throw refused(flag, raw, { zh: '时间', en: 'a time' }, TIME_FORMS, {
    zh: '按北京时间填写；带 Z 或 +08:00 等时区的 ISO 时间会换算成北京时间',
    en: 'Beijing time; an ISO time with Z or an offset is converted to it',
  });
}

const CLOCK_FORMS: Text = { zh: '08:30、14:00、14时、14时30分', en: '08:30, 14:00, 14时, 14时30分' };

/** A time of day → minutes after midnight (00:00–23:59), read as every time of day is read (core/time.ts). */
export function parseClockFlag(raw: string, flag: string): number {
  const minutes = parseClock(raw); // full-width "１４：３０" too
  if (minutes !== null && minutes < 24 * 60) return minutes;
  throw refused(flag, raw, { zh: '钟点', en: 'a time of day' }, CLOCK_FORMS, { zh: '24 小时制，00:00–23:59', en: '24-hour clock, 00:00–23:59' });
}

const keyOf = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * A patrol group → its id: the id ("1") or the name ("第一组"), compared after NFKC, trim and case;
 * with `all`, also all / 全部 → 'all'.
 */
export function parseGroupFlag(raw: string, groups: readonly { id: string; name: string }[], opts: { all?: boolean; flag?: string } = {}): string {
  const key = keyOf(raw);
  const hit = groups.find((g) => keyOf(g.id) === key) ?? groups.find((g) => keyOf(g.name) === key);
  if (hit) return hit.id;
  if (opts.all && (key === 'all' || key === '全部')) return 'all';
  const flag = opts.flag ?? '--group';
  const listed = groups.map((g) => ({ zh: `${g.id}（${g.name}）`, en: `${g.id} (${g.name})` }));
  const forms: Text = {
    zh: [...listed.map((g) => g.zh), ...(opts.all ? ['all（全部组）'] : [])].join('、'),
    en: [...listed.map((g) => g.en), ...(opts.all ? ['all (every group)'] : [])].join(', '),
  };
  throw refused(flag, raw, { zh: '巡查组', en: 'a patrol group' }, forms, {
    zh: `巡查组见 groups.yaml；例如 ${flag} ${groups[0]?.id ?? '1'}`,
    en: `the groups are in groups.yaml; e.g. ${flag} ${groups[0]?.id ?? '1'}`,
  });
}

/** A whole number written in digits only: "" " 5" "1e2" "0x10" are refused (Number() takes them). */
function wholeNumber(raw: string): number | null {
  const s = raw.normalize('NFKC').trim();
  return /^\d{1,10}$/.test(s) ? Number(s) : null;
}

/** A count of days: a whole number from 1 to `max`. */
export function parseCountFlag(raw: string, flag = '--days', max = 366): number {
  const n = wholeNumber(raw);
  if (n !== null && n >= 1 && n <= max) return n;
  throw refused(
    flag,
    raw,
    { zh: `1–${max} 的整数`, en: `a whole number from 1 to ${max}` },
    { zh: `1、2 … ${max}`, en: `1, 2 … ${max}` },
    { zh: `例如 ${flag} 3`, en: `e.g. ${flag} 3` },
  );
}

/** A random seed: a whole number from 0 to 2³¹. */
export function parseSeedFlag(raw: string, flag = '--seed'): number {
  const n = wholeNumber(raw);
  if (n !== null && n <= 2 ** 31) return n;
  throw refused(
    flag,
    raw,
    { zh: '非负整数', en: 'a whole number ≥ 0' },
    { zh: `0–${2 ** 31} 的整数`, en: `whole numbers 0 to ${2 ** 31}` },
    { zh: '同样的输入和种子得到同样的计划', en: 'the same inputs and seed give the same plan' },
  );
}

/** --level and --date as most commands take them: each parsed when given, undefined when not. */
export function parseLevelAndDate(opts: { level?: string | undefined; date?: string | undefined }): {
  level: AlertLevel | undefined;
  date: string | undefined;
} {
  return {
    level: opts.level === undefined ? undefined : parseLevelFlag(opts.level),
    date: opts.date === undefined ? undefined : parseDateFlag(opts.date),
  };
}
