/**
 * Filled-in checklists coming back: every row checked before anything is written — the enterprise, the
 * item, the result, the time against the alert, duplicates in the file, and whether the visit was planned
 * (an unplanned check is allowed, with a warning). Pure: what is known about the town comes in as lookups.
 */
import { CODE, type ProblemCode, type Text, type Where } from '../errors.js';
import type { CheckItem } from './checklist.js';
import type { Enterprise } from './model.js';
import { newProblem, type Problem } from './problem.js';
import { formatWallTime, parseDate, parseWallTime, type WallTime } from './time.js';

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

export function checkResultRows(rows: readonly ResultRow[], look: RecordLookups, defaults: { inspectors?: string; checkedAt?: string }): CheckedRecords {
  const problems: Problem[] = [];
  const visits = new Map<string, RecordedVisit>();
  const seen = new Map<string, Where>();
  let blank = 0;
  const err = (where: Where, code: ProblemCode, value: string, zh: string, en: string, hint?: Text) =>
    problems.push(newProblem({ severity: 'error', code, where, value, message: { zh, en }, hint }));

  for (const r of rows) {
    if (r.result.trim() === '') {
      blank++;
      continue;
    }
    const before = problems.length;
    const date = parseDate(r.date);
    if (!date) err({ ...r.where, column: 'date' }, CODE.HAZE_RECORD_DATE, r.date, `日期无法识别："${r.date}"`, `not a date: "${r.date}"`);
    if (!look.groupExists(r.group))
      err({ ...r.where, column: 'group' }, CODE.HAZE_RECORD_GROUP, r.group, `没有这个巡查组："${r.group}"`, `no such group: "${r.group}"`);
    const e = look.enterprise(r.creditCode.toUpperCase());
    if (!e)
      err(
        { ...r.where, column: 'credit_code' },
        CODE.HAZE_RECORD_ENTERPRISE,
        r.creditCode,
        `清单中没有这家企业：${r.creditCode} ${r.name}`,
        `no enterprise with this code on the list: ${r.creditCode} ${r.name}`,
      );
    const result = readResult(r.result);
    if (!result)
      err(
        { ...r.where, column: 'result' },
        CODE.HAZE_RECORD_RESULT,
        r.result,
        `结果只能是 合格 / 不合格 / 不适用（ok / violation / na），而不是"${r.result}"`,
        `the result must be ok / violation / na (合格 / 不合格 / 不适用), not "${r.result}"`,
      );
    let items: ReturnType<RecordLookups['itemsFor']> = null;
    if (e && date) {
      items = look.itemsFor(e, date);
      if (items && !items.some((i) => i.id === r.itemId)) {
        err(
          { ...r.where, column: 'item_id' },
          CODE.HAZE_RECORD_ITEM,
          r.itemId,
          `${e.name} 没有检查项"${r.itemId}"`,
          `${e.name} has no check item "${r.itemId}"`,
          {
            zh: `可用：${items.map((i) => i.id).join('、')}`,
            en: `its items: ${items.map((i) => i.id).join(', ')}`,
          },
        );
      }
    }
    const inspectors = r.inspectors || defaults.inspectors || '';
    if (!inspectors) err({ ...r.where, column: 'inspectors' }, CODE.HAZE_RECORD_INSPECTORS, '', '没有写检查人', 'who inspected is missing');
    const checkedRaw = r.checkedAt || defaults.checkedAt || '';
    let checkedAt: WallTime | null = null;
    if (checkedRaw) {
      checkedAt = parseWallTime(checkedRaw);
      if (!checkedAt)
        err({ ...r.where, column: 'checked_at' }, CODE.HAZE_RECORD_TIME, checkedRaw, `检查时间无法识别："${checkedRaw}"`, `not a time: "${checkedRaw}"`);
      else if (date && checkedAt.date !== date)
        err(
          { ...r.where, column: 'checked_at' },
          CODE.HAZE_RECORD_TIME,
          checkedRaw,
          `检查时间 ${formatWallTime(checkedAt)} 不在 ${date} 这一天`,
          `checked at ${formatWallTime(checkedAt)}, not on ${date}`,
        );
    }
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
    const key = `${date}\u0000${r.group}\u0000${r.creditCode.toUpperCase()}\u0000${r.itemId}`;
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
    if (problems.length > before || !e || !date || !result) continue;

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
    }
    v.items.push({ itemId: r.itemId, item: r.item || items?.find((i) => i.id === r.itemId)?.text || r.itemId, result, note: r.note, row: r.where.row });
  }
  return { visits: [...visits.values()], problems, blank };
}
