/** The inspector's API (src/serve/inspector/): a group's day, photos and entries through its link, and what a link may not do. */
import { existsSync, readdirSync } from 'node:fs';
import { revokeToken } from '../../src/io/store/serveTokens.js';
import type { DayView } from '../../src/serve/inspector/api.js';
import type { PhoneEntry } from '../../src/workflow/phoneEntry.js';
import { readStore, writeStore } from '../../src/workflow/storeDoor.js';
import { serveTown, type ServedTown } from '../helpers/serve.js';
import { tinyPng } from '../helpers/tinyPng.js';

let served: ServedTown;
let token1: string;
let day1: DayView;
beforeAll(async () => {
  served = await serveTown({ listen: false, now: '2019-12-08 15:00' });
  token1 = served.token('1', '2019-12-08', '2019-12-09');
  const r = await served.app.inject({ method: 'GET', url: `/api/g/${token1}/day?date=2019-12-08` });
  expect(r.statusCode).toBe(200);
  day1 = r.json<DayView>();
}, 60_000);
afterAll(() => served.close());

const count = (sql: string): number => readStore(served.ctx.town.ws, (db) => (db.prepare(sql).get() as { n: number }).n, 0);
const photoFiles = (): number => {
  const dir = served.ctx.photosDir;
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
};
let ids = 0;
const entryFor = (v: DayView['visits'][number], over: Partial<PhoneEntry> = {}): PhoneEntry => ({
  entryId: `api-test-${++ids}-abcdef`,
  date: '2019-12-08',
  creditCode: v.creditCode,
  items: v.items.map((it) => ({ itemId: it.id, result: 'ok', note: '' })),
  inspectors: '张三、李四',
  arrivedAt: '2019-12-08 15:10',
  checkedAt: '2019-12-08 15:30',
  position: null,
  photos: [],
  ...over,
});
const post = (url: string, payload: unknown) => served.app.inject({ method: 'POST', url, payload: payload as object });

test("the day of group 1's link: its visits in route order, in the checklist's words, with the server's clock", () => {
  expect(day1.date).toBe('2019-12-08');
  expect(day1.now).toMatch(/^2019-12-08 15:0\d$/);
  expect([day1.fromDate, day1.toDate]).toEqual(['2019-12-08', '2019-12-09']);
  expect(day1.group.id).toBe('1');
  expect(day1.visits.length).toBeGreaterThan(0);
  expect(day1.visits.map((v) => v.seq)).toEqual(day1.visits.map((_, i) => i + 1));
  const v = day1.visits[0]!;
  expect(v.creditCode).toBe('91320413MARE02522L');
  expect(v.navUrl).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?to=/);
  expect(v.measure).toContain('停产');
  expect(v.plannedArrival).toMatch(/^\d{2}:\d{2}$/);
  expect(v.items.map((i) => i.id)).toContain('board');
  expect(v.sent).toBeNull();
});

test('the page and its files: the shell without data, no-store; the script and style as files; no listing', async () => {
  const page = await served.app.inject({ method: 'GET', url: `/g/${token1}` });
  expect(page.statusCode).toBe(200);
  expect(page.headers['cache-control']).toBe('no-store');
  expect(page.body).toContain('<script src="/assets/inspector.js" defer></script>');
  expect(page.body).not.toMatch(/<script>|style="/);
  for (const [f, type] of [
    ['inspector.js', 'text/javascript'],
    ['inspector.css', 'text/css'],
    ['sw.js', 'text/javascript'],
  ] as const) {
    const r = await served.app.inject({ method: 'GET', url: `/assets/${f}` });
    expect([r.statusCode, String(r.headers['content-type']).split(';')[0]]).toEqual([200, type]);
  }
  expect((await served.app.inject({ method: 'GET', url: '/assets/' })).statusCode).toBe(404);
  expect((await served.app.inject({ method: 'GET', url: '/assets/..%2fapi.ts' })).statusCode).toBe(404);
});

test('a wrong token and a revoked one: 401 {error: unauthorized} and nothing else, on every route', async () => {
  const wrong = `${token1.slice(0, -1)}${token1.endsWith('A') ? 'B' : 'A'}`;
  const revoked = served.token('1');
  writeStore(served.ctx.town.ws, (db) => revokeToken(db, revoked.slice(0, 8), new Date().toISOString()));
  const before = count('SELECT COUNT(*) AS n FROM phone_entries');
  for (const t of [wrong, revoked, 'nonsense']) {
    for (const r of [
      await served.app.inject({ method: 'GET', url: `/g/${t}` }),
      await served.app.inject({ method: 'GET', url: `/api/g/${t}/day` }),
      await post(`/api/g/${t}/entries`, entryFor(day1.visits[0]!)),
      await served.app.inject({ method: 'POST', url: `/api/g/${t}/photos`, payload: tinyPng(1), headers: { 'content-type': 'image/png' } }),
      await served.app.inject({ method: 'GET', url: `/api/g/${t}/photos/${'a'.repeat(64)}` }),
    ]) {
      expect([r.statusCode, r.json()]).toEqual([401, { error: 'unauthorized' }]);
    }
  }
  expect(count('SELECT COUNT(*) AS n FROM phone_entries')).toBe(before);
  expect(count('SELECT COUNT(*) AS n FROM photos')).toBe(0);
});

test("another group's visit: 403, nothing stored; a date outside the link: 403", async () => {
  const t2 = served.token('2');
  const day2 = (await served.app.inject({ method: 'GET', url: `/api/g/${t2}/day` })).json<DayView>();
  const theirs = day2.visits.find((v) => !day1.visits.some((w) => w.creditCode === v.creditCode))!;
  const before = [count('SELECT COUNT(*) AS n FROM phone_entries'), count('SELECT COUNT(*) AS n FROM inspections')];
  const r = await post(`/api/g/${token1}/entries`, entryFor(theirs));
  expect(r.statusCode).toBe(403);
  expect(r.json().error).toBe('forbidden');
  expect([count('SELECT COUNT(*) AS n FROM phone_entries'), count('SELECT COUNT(*) AS n FROM inspections')]).toEqual(before);

  const outside = await served.app.inject({ method: 'GET', url: `/api/g/${token1}/day?date=2019-12-10` });
  expect(outside.statusCode).toBe(403);
  expect(outside.json().message.zh).toContain('2019-12-08 至 2019-12-09');
  const outsideEntry = await post(
    `/api/g/${token1}/entries`,
    entryFor(day1.visits[0]!, { date: '2019-12-07', checkedAt: '2019-12-07 15:30', arrivedAt: null }),
  );
  expect(outsideEntry.statusCode).toBe(403);
  expect(count('SELECT COUNT(*) AS n FROM phone_entries')).toBe(before[0]);
});

test('an oversized photo: 413, nothing stored; bytes that are not an image though named one: 415, nothing stored', async () => {
  const big = Buffer.concat([tinyPng(2), Buffer.alloc(4 * 1024 * 1024)]);
  const r = await served.app.inject({ method: 'POST', url: `/api/g/${token1}/photos`, payload: big, headers: { 'content-type': 'image/png' } });
  expect(r.statusCode).toBe(413);
  expect([count('SELECT COUNT(*) AS n FROM photos'), photoFiles()]).toEqual([0, 0]);
  for (const bytes of [Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n'), Buffer.from('just some text, named photo.jpg')]) {
    const n = await served.app.inject({ method: 'POST', url: `/api/g/${token1}/photos`, payload: bytes, headers: { 'content-type': 'image/jpeg' } });
    expect([n.statusCode, n.json()]).toEqual([415, { error: 'not_an_image' }]);
  }
  expect([count('SELECT COUNT(*) AS n FROM photos'), photoFiles()]).toEqual([0, 0]);
});

test('a photo, an entry naming it, the entry resent: 201 resent, one row; the photo only through its group', async () => {
  const png = tinyPng(3);
  const p = await served.app.inject({ method: 'POST', url: `/api/g/${token1}/photos`, payload: png, headers: { 'content-type': 'image/png' } });
  expect(p.statusCode).toBe(201);
  const saved = p.json();
  expect(saved).toMatchObject({ mime: 'image/png', bytes: png.length });
  expect([count('SELECT COUNT(*) AS n FROM photos'), photoFiles()]).toEqual([1, 1]);
  const v = day1.visits[0]!;
  // A photo not yet arrived: 409, nothing stored.
  const early = await post(`/api/g/${token1}/entries`, entryFor(v, { photos: [{ itemId: '', sha256: 'b'.repeat(64) }] }));
  expect([early.statusCode, early.json().error]).toEqual([409, 'missing_photo']);
  const entry = entryFor(v, { photos: [{ itemId: '', sha256: saved.sha256 }] });
  const first = await post(`/api/g/${token1}/entries`, entry);
  expect(first.statusCode).toBe(201);
  expect(first.json()).toMatchObject({ entryId: entry.entryId, outcome: 'new', resent: false });
  const again = await post(`/api/g/${token1}/entries`, entry);
  expect(again.statusCode).toBe(201);
  expect(again.json()).toMatchObject({ entryId: entry.entryId, outcome: 'new', resent: true });
  expect(count(`SELECT COUNT(*) AS n FROM phone_entries WHERE entry_id = '${entry.entryId}'`)).toBe(1);
  // The inspection carries the plan's seq, as `haze record` of the checklist would.
  expect(readStore(served.ctx.town.ws, (db) => db.prepare('SELECT seq FROM inspections WHERE credit_code = ?').get(v.creditCode), null)).toEqual({
    seq: v.seq,
  });

  const got = await served.app.inject({ method: 'GET', url: `/api/g/${token1}/photos/${saved.sha256}` });
  expect(got.statusCode).toBe(200);
  expect(got.headers['content-type']).toBe('image/png');
  expect(got.headers['cache-control']).toBe('private, max-age=86400');
  expect(got.headers['x-content-type-options']).toBe('nosniff');
  expect(Buffer.compare(got.rawPayload, png)).toBe(0);
  const t2 = served.token('2');
  expect((await served.app.inject({ method: 'GET', url: `/api/g/${t2}/photos/${saved.sha256}` })).statusCode).toBe(404);

  const day = (await served.app.inject({ method: 'GET', url: `/api/g/${token1}/day` })).json<DayView>();
  const sent = day.visits[0]!.sent!;
  expect(sent).toMatchObject({
    entries: 1,
    lastEntryId: entry.entryId,
    outcome: 'new',
    inspectors: '张三、李四',
    arrivedAt: '2019-12-08 15:10',
    checkedAt: '2019-12-08 15:30',
  });
  expect(Object.keys(sent.results).sort()).toEqual(v.items.map((i) => i.id).sort());
});

test('a note with a script in it is stored as text, exactly', async () => {
  const v = day1.visits[1]!;
  const note = '<script>alert(1)</script>';
  const items = v.items.map((it, i) => ({ itemId: it.id, result: (i === 0 ? 'violation' : 'ok') as 'violation' | 'ok', note: i === 0 ? note : '' }));
  const r = await post(`/api/g/${token1}/entries`, entryFor(v, { items }));
  expect(r.statusCode).toBe(201);
  const stored = readStore(
    served.ctx.town.ws,
    (db) =>
      db
        .prepare(
          'SELECT r.note FROM results r JOIN inspections i ON i.id = r.inspection_id WHERE i.credit_code = ? AND r.item_id = ? AND r.superseded_by IS NULL',
        )
        .get(v.creditCode, v.items[0]!.id) as { note: string },
    null,
  );
  expect(stored).toEqual({ note });
});

test('an entry that fails the checks: 422 with the problems by column; one not of the schema: 400', async () => {
  const v = day1.visits[2]!;
  const r = await post(`/api/g/${token1}/entries`, entryFor(v, { items: [{ itemId: 'no_such_item', result: 'ok', note: '' }] }));
  expect(r.statusCode).toBe(422);
  const body = r.json();
  expect(body.error).toBe('invalid');
  expect(body.problems.length).toBeGreaterThan(0);
  expect(body.problems[0]).toMatchObject({ field: expect.any(String), message: { zh: expect.any(String), en: expect.any(String) } });
  const bad = await post(`/api/g/${token1}/entries`, entryFor(v, { items: [{ itemId: 'board', result: 'maybe' as 'ok', note: '' }] }));
  expect([bad.statusCode, bad.json().error]).toEqual([400, 'bad_request']);
  // A field the schema does not name is refused, not trimmed away; so is a number sent as text.
  const extra = await post(`/api/g/${token1}/entries`, { ...entryFor(v), groupId: '2' });
  expect([extra.statusCode, extra.json().error]).toEqual([400, 'bad_request']);
  const text = await post(`/api/g/${token1}/entries`, entryFor(v, { position: { lat: '31.7' as unknown as number, lng: 119.3, accuracyM: null } }));
  expect(text.statusCode).toBe(400);
  expect(count(`SELECT COUNT(*) AS n FROM inspections WHERE credit_code = '${v.creditCode}'`)).toBe(0);
});

test('a day with no alert in force: a refusal in words (409), not a fault', async () => {
  const t = served.token('1', '2019-12-01');
  const r = await served.app.inject({ method: 'GET', url: `/api/g/${t}/day` });
  expect(r.statusCode).toBe(409);
  expect(r.json().error).toBe('no_day');
  expect(r.json().message.zh.length).toBeGreaterThan(0);
});
