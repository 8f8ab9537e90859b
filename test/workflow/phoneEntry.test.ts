/** A phone's entry by the same path as haze record: checked, stored once, a later one a correction with history. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { findToken } from '../../src/io/store/serveTokens.js';
import { groupDay } from '../../src/workflow/groupDay.js';
import { recordPhoneEntry, type PhoneEntry } from '../../src/workflow/phoneEntry.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { collectingVoice } from '../../src/workflow/voice.js';
import { serveTown, type ServedTown } from '../helpers/serve.js';

let served: ServedTown;
beforeAll(async () => {
  served = await serveTown({ listen: false });
}, 60_000);
afterAll(() => served.close());

const at = { instant: Date.parse('2019-12-08T16:00:00+08:00') };

test('an entry is stored once, a resend changes nothing, a later entry is a correction kept with history', () => {
  const { town } = served.ctx;
  const token = readStore(town.ws, (db) => findToken(db, served.token('1')), null)!;
  const day = groupDay(town, { date: '2019-12-08', groupId: '1', now: { date: '2019-12-08', minutes: 15 * 60 }, nowInstant: at.instant }, collectingVoice());
  const first = day.checklist.pages[0]!.visits[0]!;
  const entry: PhoneEntry = {
    entryId: 'phone-a-0001',
    date: '2019-12-08',
    creditCode: first.e.creditCode,
    items: first.items.map((i) => ({ itemId: i.id, result: 'ok', note: '' })),
    inspectors: '王建国、李明',
    arrivedAt: '2019-12-08 15:40',
    checkedAt: '2019-12-08 15:55',
    position: { lat: 31.7, lng: 119.3, accuracyM: 12 },
    photos: [],
  };
  const a = recordPhoneEntry(town, token, entry, at);
  expect(a).toMatchObject({ kind: 'stored', resent: false, entry: { outcome: 'new', arrivedAt: '2019-12-08 15:40', checkedAt: '2019-12-08 15:55' } });
  expect(recordPhoneEntry(town, token, entry, at)).toMatchObject({ kind: 'stored', resent: true, entry: { outcome: 'new' } });
  const b = recordPhoneEntry(
    town,
    token,
    { ...entry, entryId: 'phone-b-0001', items: entry.items.map((i, k) => (k === 0 ? { ...i, result: 'violation', note: '未停产' } : i)) },
    at,
  );
  expect(b).toMatchObject({ kind: 'stored', entry: { outcome: 'correction' } });
  const db = new Database(join(served.dir, 'haze.db'), { readonly: true });
  const rows = db.prepare('SELECT result, superseded_by IS NOT NULL AS old FROM results WHERE item_id = ? ORDER BY id').all(first.items[0]!.id);
  db.close();
  expect(rows).toEqual([
    { result: 'ok', old: 1 },
    { result: 'violation', old: 0 },
  ]);
});

test("another group's visit, a day outside the link's, an item the measure lacks: refused, nothing written", () => {
  const { town } = served.ctx;
  const token = readStore(town.ws, (db) => findToken(db, served.token('1')), null)!;
  const other = groupDay(town, { date: '2019-12-08', groupId: '2', now: { date: '2019-12-08', minutes: 15 * 60 }, nowInstant: at.instant }, collectingVoice());
  const v = other.checklist.pages[0]!.visits[0]!;
  const entry: PhoneEntry = {
    entryId: 'phone-c-0001',
    date: '2019-12-08',
    creditCode: v.e.creditCode,
    items: [{ itemId: v.items[0]!.id, result: 'ok', note: '' }],
    inspectors: '张三',
    arrivedAt: null,
    checkedAt: '2019-12-08 16:00',
    position: null,
    photos: [],
  };
  expect(recordPhoneEntry(town, token, entry, at)).toMatchObject({ kind: 'refused', status: 403 });
  expect(recordPhoneEntry(town, token, { ...entry, date: '2019-12-09' }, at)).toMatchObject({ kind: 'refused', status: 403 });
  const mine = groupDay(town, { date: '2019-12-08', groupId: '1', now: { date: '2019-12-08', minutes: 15 * 60 }, nowInstant: at.instant }, collectingVoice());
  const m = mine.checklist.pages[0]!.visits[1]!;
  expect(recordPhoneEntry(town, token, { ...entry, creditCode: m.e.creditCode, items: [{ itemId: 'X9', result: 'ok', note: '' }] }, at)).toMatchObject({
    kind: 'refused',
    status: 422,
  });
  expect(readStore(town.ws, (db) => db.prepare("SELECT count(*) AS n FROM phone_entries WHERE entry_id = 'phone-c-0001'").get(), null)).toEqual({ n: 0 });
});
