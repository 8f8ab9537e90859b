/**
 * A phone's entry for one visit into the store, by the same path as `haze record` (recordResults.ts): the
 * same checks, the same import with its history. An entry is the phone's word on the whole visit as it
 * stands, so a later one replaces what the store said (the earlier results kept as history): two phones of a group
 * entering the same visit both land, the later a correction. Its id, made on the phone, makes a resend the
 * same entry: answered with what the first arrival did, nothing written again.
 *
 * A token opens one group's visits on its dates, nothing else: a visit of another group, a day outside the
 * token's, an enterprise not in the group's plan of record that day — refused before anything is read.
 */
import { createHash } from 'node:crypto';
import { hasErrors, type Problem } from '../core/problem.js';
import type { ResultRow } from '../core/records.js';
import { itemText } from '../core/checklist.js';
import { fromInstant, parseWallTime, formatWallTime } from '../core/time.js';
import type { Text } from '../errors.js';
import { entryById, insertEntry, type EntryOutcome, type EntryRow } from '../io/store/phoneEntries.js';
import { photoRow } from '../io/store/photos.js';
import { daysOfRecord } from '../io/store/plans.js';
import { importResults } from '../io/store/records.js';
import type { ServeToken } from '../io/store/serveTokens.js';
import { alertTimeline, type AlertTimeline } from './alertInForce.js';
import { plannedVisitLookup } from './dayVisits.js';
import { plannedOfRecord } from './plannedOfRecord.js';
import { dayClues } from './dayClues.js';
import { checkResults } from './recordResults.js';
import { readStore, writeStore } from './storeDoor.js';
import type { Town } from './town.js';

export type PhoneResult = 'ok' | 'violation' | 'na';

/** One visit as a phone sends it (the request schema in src/serve/ checks its shape first). */
export interface PhoneEntry {
  /** Made on the phone when the visit was first saved there; 8–64 of A–Z a–z 0–9 _ -. */
  entryId: string;
  date: string;
  creditCode: string;
  items: { itemId: string; result: PhoneResult; note: string }[];
  /** The inspectors present, as one line (names separated by 、 or commas). */
  inspectors: string;
  /** Wall times (Beijing), YYYY-MM-DD HH:MM, as the phone took them (editable on it). */
  arrivedAt: string | null;
  checkedAt: string;
  position: { lat: number; lng: number; accuracyM: number | null } | null;
  /** Photos sent before the entry (POST …/photos), by hash; itemId '' for the visit as a whole. */
  photos: { itemId: string; sha256: string }[];
}

export type PhoneEntryOutcome =
  | { kind: 'stored'; entry: EntryRow; resent: boolean }
  /** 403: not this token's to enter; 409: a photo it names has not arrived; 422: the entry does not pass the checks. */
  | { kind: 'refused'; status: 403 | 409 | 422; message: Text; problems: Problem[] };

const refused = (status: 403 | 409 | 422, message: Text, problems: Problem[] = []): PhoneEntryOutcome => ({ kind: 'refused', status, message, problems });

export function recordPhoneEntry(town: Town, token: ServeToken, entry: PhoneEntry, now: { instant: number }): PhoneEntryOutcome {
  const groupId = token.groupId;
  if (entry.date < token.fromDate || entry.date > token.toDate)
    return refused(403, {
      zh: `此链接只能录入 ${token.fromDate} 至 ${token.toDate} 的检查`,
      en: `this link enters checks of ${token.fromDate} to ${token.toDate} only`,
    });
  const timeline = alertTimeline(town.ws);
  const planned = plannedVisitLookup(town, timeline, now.instant)(entry.date, groupId, entry.creditCode);
  if (!planned)
    return refused(403, {
      zh: `${entry.date} 第 ${groupId} 组的计划里没有这家企业`,
      en: `this enterprise is not in group ${groupId}'s plan for ${entry.date}`,
    });
  for (const t of [entry.arrivedAt, entry.checkedAt])
    if (t !== null && parseWallTime(t, entry.date)?.date !== entry.date)
      return refused(422, { zh: `时间"${t}"不在 ${entry.date} 这一天`, en: `the time "${t}" is not on ${entry.date}` });

  // The visit's number on the plan of record, as the checklist's seq column carries it into `haze record`.
  const seq = planned.seq;
  // A clue's item in the words the phone showed (the day's clues as of its plan of record), as the checklist's item column carries them.
  const shown = printedClueItems(town, timeline, entry.date, entry.creditCode);
  const where = { file: `phone:${entry.entryId}` };
  const rows: ResultRow[] = entry.items.map((it, i) => ({
    where: { ...where, row: i + 1 },
    date: entry.date,
    group: groupId,
    seq: seq === null ? '' : String(seq),
    creditCode: entry.creditCode,
    name: '',
    itemId: it.itemId,
    item: shown.get(it.itemId) ?? '',
    result: it.result,
    note: it.note,
    inspectors: entry.inspectors,
    checkedAt: entry.checkedAt,
  }));
  const checked = checkResults(town, rows, {}, undefined, now.instant);
  if (hasErrors(checked.problems) || checked.visits.length !== 1)
    return refused(422, { zh: '录入的内容未通过检查，未保存', en: 'the entry did not pass the checks; nothing was saved' }, checked.problems);

  const receivedAt = new Date(now.instant).toISOString();
  return writeStore(town.ws, (db) =>
    db
      .transaction((): PhoneEntryOutcome => {
        const earlier = entryById(db, entry.entryId);
        if (earlier) {
          // The same id from another token is not a resend: ids are the phone's, and only its own are its to repeat.
          if (earlier.tokenId !== token.id || earlier.groupId !== groupId)
            return refused(403, { zh: '这条记录不属于此链接', en: 'this entry is not this link’s' });
          return { kind: 'stored', entry: earlier, resent: true };
        }
        const missing = entry.photos.filter((p) => photoRow(db, p.sha256) === null);
        if (missing.length > 0)
          return refused(409, {
            zh: `${missing.length} 张照片还没有传到，请重新发送`,
            en: `${missing.length === 1 ? 'a photo has' : `${missing.length} photos have`} not arrived; send again`,
          });
        const v = checked.visits[0]!;
        // A first entry for the visit is written as a file's would be; a later one replaces, keeping the history.
        const known =
          db.prepare('SELECT 1 FROM inspections WHERE date = ? AND group_id = ? AND credit_code = ?').get(v.date, v.groupId, v.creditCode) !== undefined;
        const done = importResults(db, {
          fileName: `phone:${token.id}:${entry.entryId}`,
          sha256: createHash('sha256').update(JSON.stringify(entry)).digest('hex'),
          visits: checked.visits,
          replace: known,
          recordedAt: receivedAt,
        });
        // A conflict is impossible: a visit already recorded is replaced, one not yet has nothing to differ from.
        if (done.kind === 'conflicts') throw new Error('internal: a phone entry came back in conflict');
        const importId = done.kind === 'done' ? done.importId : null;
        const outcome: EntryOutcome = done.kind === 'done' && importId !== null ? (done.newVisits > 0 ? 'new' : 'correction') : 'unchanged';
        const row: Omit<EntryRow, 'photos'> = {
          entryId: entry.entryId,
          tokenId: token.id,
          date: entry.date,
          groupId,
          creditCode: v.creditCode,
          importId,
          outcome,
          arrivedAt: entry.arrivedAt === null ? null : formatWallTime(parseWallTime(entry.arrivedAt, entry.date)!),
          checkedAt: v.checkedAt ? formatWallTime(v.checkedAt) : null,
          position: entry.position,
          receivedAt,
        };
        insertEntry(db, row, entry.photos);
        return { kind: 'stored', entry: entryById(db, entry.entryId)!, resent: false };
      })
      .immediate(),
  );
}

/** The day's clues as of its plan of record, per town and day: the town's evidence is read once, at start. */
const cluesOfRecord = new WeakMap<Town, Map<string, ReturnType<typeof dayClues>>>();

/** The clue items of the enterprise's visit on the day's checklist of record (id → text); none before it was fixed. */
function printedClueItems(town: Town, timeline: AlertTimeline, date: string, code: string): Map<string, string> {
  const fixedAt =
    plannedOfRecord(town, timeline, date)?.fixedAt ?? readStore(town.ws, (db) => daysOfRecord(db, 'day', date, date).get(date)?.fixedAt ?? null, null);
  if (!fixedAt) return new Map();
  const memo = cluesOfRecord.get(town) ?? new Map<string, ReturnType<typeof dayClues>>();
  cluesOfRecord.set(town, memo);
  const key = `${date}\u0000${fixedAt}`;
  let day = memo.get(key);
  if (!day) {
    day = dayClues(town, town.evidence, date, 'day', fromInstant(Date.parse(fixedAt)));
    memo.set(key, day);
  }
  const clues = day.byCode.get(code) ?? [];
  return new Map(clues.flatMap((c) => c.items).map((i) => [i.id, itemText(i, 'zh')]));
}
