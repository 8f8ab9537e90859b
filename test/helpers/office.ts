/**
 * The office tests' helpers: the office password set in a served town's store, a phone's entry for a visit of a
 * group's plan (as the inspector routes will record it), and a JPEG small enough to write inline.
 */
import { randomBytes } from 'node:crypto';
import { keepPhoto } from '../../src/io/store/photos.js';
import { findToken } from '../../src/io/store/serveTokens.js';
import { setPassword } from '../../src/io/store/serveUsers.js';
import { storeChanged } from '../../src/serve/context.js';
import { groupDay } from '../../src/workflow/groupDay.js';
import { recordPhoneEntry, type PhoneEntryOutcome, type PhoneResult } from '../../src/workflow/phoneEntry.js';
import { readStore, writeStore } from '../../src/workflow/storeDoor.js';
import { collectingVoice } from '../../src/workflow/voice.js';
import type { ServedTown } from './serve.js';

export const PASSWORD = 'correct horse 电池';

export function setOfficePassword(served: ServedTown, password = PASSWORD): void {
  writeStore(served.ctx.town.ws, (db) => setPassword(db, 'office', password, new Date().toISOString()));
}

/** The plan's visits of a group's day, as the phones see them. */
export function planVisits(served: ServedTown, groupId: string, date = '2019-12-08') {
  const { ctx } = served;
  const day = groupDay(ctx.town, { date, groupId, now: ctx.clock.now(), nowInstant: ctx.clock.instant() }, collectingVoice());
  return day.checklist.pages[0]!.visits.map((cv) => ({ creditCode: cv.e.creditCode, name: cv.e.name, items: cv.items.map((i) => i.id) }));
}

/** A tiny JPEG (its magic bytes and some noise: haze reads the kind from the first bytes only). */
export const jpegBytes = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64), Buffer.from([0xff, 0xd9])]);

export function keepTestPhoto(served: ServedTown): string {
  return writeStore(served.ctx.town.ws, (db) => keepPhoto(db, served.ctx.photosDir, jpegBytes(), 'image/jpeg', new Date().toISOString())).sha256;
}

/** A phone's entry for a visit: every item `result` (the first `violation` when asked), the note on the first item. */
export function phoneEntry(
  served: ServedTown,
  token: string,
  visit: { creditCode: string; items: string[] },
  opts: { entryId?: string; violation?: boolean; note?: string; checkedAt?: string; photos?: string[]; date?: string } = {},
): PhoneEntryOutcome {
  const date = opts.date ?? '2019-12-08';
  const t = readStore(served.ctx.town.ws, (db) => findToken(db, token), null)!;
  const out = recordPhoneEntry(
    served.ctx.town,
    t,
    {
      entryId: opts.entryId ?? `e${randomBytes(6).toString('hex')}`,
      date,
      creditCode: visit.creditCode,
      items: visit.items.map((itemId, i) => ({
        itemId,
        result: (opts.violation && i === 0 ? 'violation' : 'ok') as PhoneResult,
        note: i === 0 ? (opts.note ?? '') : '',
      })),
      inspectors: '王明、李强',
      arrivedAt: null,
      checkedAt: opts.checkedAt ?? `${date} 15:10`,
      position: null,
      photos: (opts.photos ?? []).map((sha256) => ({ itemId: '', sha256 })),
    },
    { instant: served.ctx.clock.instant() },
  );
  if (out.kind === 'stored') storeChanged(served.ctx, { kind: 'entry', date, groupId: t.groupId, creditCode: visit.creditCode });
  return out;
}
