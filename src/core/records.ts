/**
 * Filled-in checklists coming back: every row checked before anything is written — the enterprise, the
 * item, the result, the time against the alert, duplicates in the file, and whether the visit was planned
 * (an unplanned check is allowed, with a warning). Pure: what is known about the town comes in as lookups.
 *
 * Files come back as Excel and WPS save them: check times in their forms and people's (time.ts reads them,
 * a bare time on the row's date), and credit codes Excel turned into numbers, recognised by the name
 * beside them when that name is the list's only one of its kind.
 */
import { CODE, type ProblemCode, type Text, type Where } from '../errors.js';
import type { CheckItem } from './checklist.js';
import type { Enterprise } from './model.js';
import { newProblem, type Problem } from './problem.js';
import { codeAsNumber } from './creditCode.js';
import { readMangledCode } from './mangledCode.js';
import { formatWallTime, fromExcelSerial, parseDate, parseWallTime, type WallTime } from './time.js';

export type Result = 'ok' | 'violation' | 'na';

/** What people write in the result column (GUIDE: Chinese 合格 / 不合格 / 不适用 too). */
const RESULT_WORDS: Record<string, Result> = {
  ok: 'ok',
  合格: 'ok',
  是: 'ok',
  '√': 'ok',
  '✓': 'ok',
  '✔': 'ok',
  y: 'ok',
  yes: 'ok',
  pass: 'ok',
  violation: 'violation',
  不合格: 'violation',
  违规: 'violation',
  '×': 'violation',
  '✗': 'violation',
  '✘': 'violation',
  x: 'violation',
  fail: 'violation',
  na: 'na',
  // csvkit and pandas read `na` as an empty cell: a results file meant for them can say it in full.
  not_applicable: 'na',
  'n/a': 'na',
  不适用: 'na',
  '/': 'na',
  '-': 'na',
};

export function readResult(cell: string): Result | null {
  return RESULT_WORDS[cell.trim().normalize('NFKC').toLowerCase()] ?? null;
}

/** One row of a filled-in checklist, as read from the file (cells trimmed). */
export interface ResultRow {
  where: Where;
  date: string;
  group: string;
  seq: string;
  creditCode: string;
  name: string;
  itemId: string;
  item: string;
  result: string;
  note: string;
  inspectors: string;
  checkedAt: string;
}

/** A checked visit, ready to be written. */
export interface RecordedVisit {
  date: string;
  groupId: string;
  seq: number | null;
  creditCode: string;
  name: string;
  inspectors: string;
  checkedAt: WallTime | null;
  planned: boolean;
  items: { itemId: string; item: string; result: Result; note: string; row: number | undefined }[];
}

export interface RecordLookups {
  enterprise(code: string): Enterprise | undefined;
  /** The enterprises of the list with this name (compared as enterpriseNameKey compares them). */
  named(name: string): readonly Enterprise[];
  groupExists(id: string): boolean;
  /** The check items this enterprise has on that date (its measure at the level then in force). */
  itemsFor(e: Enterprise, date: string): CheckItem[] | null;
  /** Why a moment lies outside the alert, or null when an alert is in force then. */
  outsideAlert(t: WallTime): Text | null;
  planned(date: string, group: string, code: string): boolean;
}

export interface CheckedRecords {
  visits: RecordedVisit[];
  problems: Problem[];
  /** Rows with an empty result: nothing was entered, nothing is recorded. */
  blank: number;
}

export { enterpriseNameKey } from './mangledCode.js';

/** A check time as written in the cell: a time, only a date (no time of day in it), or nothing readable. */
type CellTime = { time: WallTime } | { dateOnly: string } | null;

function readCheckTime(raw: string, date: string | undefined): CellTime {
  // A date cell whose format was cleared shows Excel's serial number (43807.63 is 2019-12-08 15:07).
  if (/^\d{5}(\.\d+)?$/.test(raw)) {
    const t = fromExcelSerial(Number(raw));
    if (!t) return null;
    return Number.isInteger(Number(raw)) ? { dateOnly: t.date } : { time: t };
  }
  const dateOnly = parseDate(raw);
  if (dateOnly) return { dateOnly };
  const time = parseWallTime(raw, date);
  return time ? { time } : null;
}

export function checkResultRows(rows: readonly ResultRow[], look: RecordLookups, defaults: { inspectors?: string; checkedAt?: string }): CheckedRecords {
  const problems: Problem[] = [];
  const visits = new Map<string, RecordedVisit>();
  const seen = new Map<string, Where>();
  let blank = 0;
  const err = (where: Where, code: ProblemCode, value: string, zh: string, en: string, hint?: Text) =>
    problems.push(newProblem({ severity: 'error', code, where, value, message: { zh, en }, hint }));

  // Rows of a visit with no time of check, and whether a date stood there instead: said once the file is read,
  // for the visits that have a time on none of their rows (people often write it on the first item only).
  const untimed = new Map<string, { where: Where; value: string; dateOnly: boolean }[]>();

  for (const r of rows) {
    if (r.result.trim() === '') {
      blank++;
      continue;
    }
    const before = problems.length;
    // A date cell Excel formats with a time shows one (2019-12-08 00:00): the date is still the date.
    const date = parseDate(r.date) ?? parseWallTime(r.date)?.date ?? null;
    if (!date) err({ ...r.where, column: 'date' }, CODE.HAZE_RECORD_DATE, r.date, '日期无法识别', 'not a date');
    if (!look.groupExists(r.group)) err({ ...r.where, column: 'group' }, CODE.HAZE_RECORD_GROUP, r.group, '没有这个巡查组', 'no such group');
    const e = enterpriseOf(r, look, problems);
    const result = readResult(r.result);
    if (!result)
      err(
        { ...r.where, column: 'result' },
        CODE.HAZE_RECORD_RESULT,
        r.result,
        '结果只能是 合格 / 不合格 / 不适用（ok / violation / na）',
        'the result must be ok / violation / na (合格 / 不合格 / 不适用)',
      );
    let items: ReturnType<RecordLookups['itemsFor']> = null;
    if (e && date) {
      items = look.itemsFor(e, date);
      if (items && !items.some((i) => i.id === r.itemId)) {
        err({ ...r.where, column: 'item_id' }, CODE.HAZE_RECORD_ITEM, r.itemId, `${e.name} 没有这个检查项`, `${e.name} has no such check item`, {
          zh: `可用：${items.map((i) => i.id).join('、')}`,
          en: `its items: ${items.map((i) => i.id).join(', ')}`,
        });
      }
    }
    const inspectors = r.inspectors || defaults.inspectors || '';
    if (!inspectors) err({ ...r.where, column: 'inspectors' }, CODE.HAZE_RECORD_INSPECTORS, '', '没有写检查人', 'who inspected is missing');
    const checkedRaw = r.checkedAt || defaults.checkedAt || '';
    const cell = checkedRaw ? readCheckTime(checkedRaw, date ?? undefined) : null;
    const checkedAt = cell && 'time' in cell ? cell.time : null;
    const on = cell === null ? null : 'time' in cell ? cell.time.date : cell.dateOnly;
    // A bare time on a row whose date is unreadable: the date's own error says what is wrong.
    const dateSaysIt = !date && parseWallTime(checkedRaw, '2000-01-01') !== null;
    if (checkedRaw && !cell && !dateSaysIt)
      err({ ...r.where, column: 'checked_at' }, CODE.HAZE_RECORD_TIME, checkedRaw, '检查时间无法识别', 'the time of the check cannot be read');
    else if (date && on && on !== date)
      err(
        { ...r.where, column: 'checked_at' },
        CODE.HAZE_RECORD_TIME,
        `${checkedRaw}（日期列 ${date}）`,
        '检查时间不在日期列的这一天',
        'the time of the check is not on the date in the date column',
      );
    const moment = checkedAt ?? (date ? { date, minutes: 23 * 60 + 59 } : null);
    if (moment) {
      const why = look.outsideAlert(moment);
      if (why)
        err(
          { ...r.where, column: checkedAt ? 'checked_at' : 'date' },
          CODE.HAZE_RECORD_OUTSIDE_ALERT,
          checkedAt ? formatWallTime(checkedAt) : r.date,
          `检查时间不在预警期间：${why.zh}`,
          `the check is outside the alert: ${why.en}`,
        );
    }
    const key = `${date}\u0000${r.group}\u0000${e?.creditCode ?? r.creditCode.toUpperCase()}\u0000${r.itemId}`;
    const dup = seen.get(key);
    if (dup)
      err(
        { ...r.where, column: 'item_id' },
        CODE.HAZE_RECORD_DUPLICATE,
        r.itemId,
        `与第 ${dup.row} 行重复（同一天、同一组、同一企业、同一检查项）`,
        `the same visit and item as row ${dup.row}`,
      );
    else seen.set(key, r.where);
    if (problems.slice(before).some((p) => p.severity === 'error') || !e || !date || !result) continue;

    const vkey = `${date}\u0000${r.group}\u0000${e.creditCode}`;
    let v = visits.get(vkey);
    if (!v) {
      const planned = look.planned(date, r.group, e.creditCode);
      v = {
        date,
        groupId: r.group,
        seq: /^\d+$/.test(r.seq) ? Number(r.seq) : null,
        creditCode: e.creditCode,
        name: e.name,
        inspectors,
        checkedAt,
        planned,
        items: [],
      };
      visits.set(vkey, v);
      if (!planned) {
        problems.push(
          newProblem({
            severity: 'warning',
            code: CODE.HAZE_RECORD_UNPLANNED,
            where: { ...r.where, column: 'credit_code' },
            value: e.creditCode,
            message: {
              zh: `${date} 第 ${r.group} 组的计划里没有 ${e.name}：按计划外检查记录`,
              en: `${e.name} was not in group ${r.group}'s plan for ${date}: recorded as an unplanned check`,
            },
          }),
        );
      }
    } else if (!v.checkedAt && checkedAt) v.checkedAt = checkedAt;
    if (!checkedAt) {
      const list = untimed.get(vkey) ?? [];
      list.push({ where: { ...r.where, column: 'checked_at' }, value: checkedRaw, dateOnly: cell !== null });
      untimed.set(vkey, list);
    }
    v.items.push({ itemId: r.itemId, item: r.item || items?.find((i) => i.id === r.itemId)?.text || r.itemId, result, note: r.note, row: r.where.row });
  }
  for (const [vkey, list] of untimed) {
    if (visits.get(vkey)?.checkedAt) continue;
    for (const u of list)
      problems.push(
        newProblem({
          severity: 'warning',
          code: CODE.HAZE_RECORD_NO_TIME,
          where: u.where,
          value: u.value,
          message: u.dateOnly
            ? { zh: '检查时间只有日期，没有钟点：按没有检查时间记录', en: 'the time of the check has a date but no time of day: recorded without a time' }
            : { zh: '没有填写检查时间：按没有检查时间记录', en: 'no time of check: recorded without one' },
        }),
      );
  }
  return { visits: [...visits.values()], problems, blank };
}

/**
 * The enterprise a row names by its credit code; an error when the list has none. A code Excel turned into a
 * number (9.13204E+17) names no enterprise by itself: the name beside it does, when it is the only one of
 * that name on the list and its code is one that shows as that number — recorded with a warning that names
 * Excel as the cause and the fix.
 */
function enterpriseOf(r: ResultRow, look: RecordLookups, problems: Problem[]): Enterprise | undefined {
  const where: Where = { ...r.where, column: 'credit_code' };
  const code = r.creditCode.trim();
  const e = look.enterprise(code.toUpperCase());
  if (e) return e;
  const asNumber = codeAsNumber(code);
  const mangled = (severity: 'error' | 'warning', zh: string, en: string, hint?: Text) =>
    problems.push(newProblem({ severity, code: CODE.HAZE_RECORD_CODE_MANGLED, where, value: code, message: { zh, en }, hint }));
  if (!asNumber) {
    problems.push(
      newProblem({
        severity: 'error',
        code: CODE.HAZE_RECORD_ENTERPRISE,
        where,
        value: code,
        message: { zh: `清单中没有这家企业：${code} ${r.name}`.trim(), en: `no enterprise with this code on the list: ${code} ${r.name}`.trim() },
      }),
    );
    return undefined;
  }
  const name = r.name.trim();
  const reading = readMangledCode(asNumber, name, name ? look.named(name) : []);
  if (reading.enterprise) {
    mangled('warning', reading.message.zh, reading.message.en);
    return reading.enterprise;
  }
  mangled('error', reading.message.zh, reading.message.en, reading.hint);
  return undefined;
}
