/**
 * A visit the office already has from paper (`haze record`), no phone having sent it: the day gives the page
 * what the store holds (`recorded`), the page shows it as 办公室已有记录 with its results filled in, and says
 * before sending that a phone's entry corrects the office's record. And a visit a phone sent with a photo,
 * reopened on another phone: the office's photos shown as thumbnails, fetched through the link.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DayView } from '../../src/serve/inspector/api.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { browserSuite } from '../helpers/browser.js';
import { haze } from '../helpers/runHaze.js';
import { serveTown, type ServedTown } from '../helpers/serve.js';
import { tinyPng } from '../helpers/tinyPng.js';

const { suite, phone } = browserSuite('inspector-recorded.test.ts', [], 'chromium');

let served: ServedTown;
let token: string;
let day: DayView;
let code: string;
let badItem: string;
beforeAll(async () => {
  served = await serveTown({ now: '2019-12-08 15:00' });
  token = served.token('1');
  const env = { HAZE_NOW: '2019-12-08 15:00' };
  const list = haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: served.dir, env });
  expect(list.status).toBe(0);
  const rows = parse(list.stdout, { columns: true }) as Record<string, string>[];
  code = rows[0]!.credit_code!;
  const mine = rows.filter((r) => r.credit_code === code);
  badItem = mine[0]!.item_id!;
  const filled = mine.map((r) => ({
    ...r,
    result: r.item_id === badItem ? 'violation' : 'ok',
    note: r.item_id === badItem ? '纸质记录：未停产' : '',
    inspectors: '史晓东',
    checked_at: '2019-12-08 14:40',
  }));
  writeFileSync(join(served.dir, 'paper.csv'), stringify(filled, { header: true }));
  const rec = haze(['record', 'paper.csv'], { cwd: served.dir, env });
  expect([rec.status, rec.stderr]).toEqual([0, expect.any(String)]);
  const r = await served.app.inject({ method: 'GET', url: `/api/g/${token}/day?date=2019-12-08` });
  expect(r.statusCode).toBe(200);
  day = r.json<DayView>();
}, 60_000);
afterAll(() => served?.close());

test("the day: a visit recorded from paper has no phone's word but the store's record; the others neither", () => {
  const v = day.visits.find((x) => x.creditCode === code)!;
  expect(v.sent).toBeNull();
  expect(v.recorded).not.toBeNull();
  expect(v.recorded!.inspectors).toBe('史晓东');
  expect(v.recorded!.checkedAt).toBe('2019-12-08 14:40');
  expect(Object.keys(v.recorded!.results).sort()).toEqual(v.items.map((i) => i.id).sort());
  expect(v.recorded!.results[badItem]).toEqual({ result: 'violation', note: '纸质记录：未停产' });
  const others = day.visits.filter((x) => x.creditCode !== code);
  expect(others.length).toBeGreaterThan(0);
  expect(others.map((x) => x.recorded)).toEqual(others.map(() => null));
});

suite('the page of a day the office already has some of', () => {
  test('shows 办公室已有记录 with the results, says a phone entry corrects it, and the entry lands as a correction', async () => {
    if (!day.group.members.concat(day.group.leader).includes('史晓东')) throw new Error(`史晓东 is not of group 1: ${day.group.leader}`);
    const ctx = await phone();
    try {
      const page = await ctx.newPage();
      await page.goto(`${served.url}/g/${token}?date=2019-12-08`);
      const card = page.locator(`section.visit[data-code="${code}"]`);
      await card.waitFor();
      expect(await card.locator(`[data-status="${code}"]`).textContent()).toBe('办公室已有记录');
      expect(await card.locator('p.correction').textContent()).toContain('将更正办公室的记录');
      expect(await card.locator(`[data-item="${badItem}"] button[aria-pressed="true"]`).getAttribute('data-result')).toBe('violation');
      expect(await card.locator(`[data-item="${badItem}"] textarea`).inputValue()).toBe('纸质记录：未停产');
      expect(await card.locator('input.checked').inputValue()).toBe('2019-12-08 14:40');
      // Another visit has no record: no such line.
      const other = day.visits.find((x) => x.creditCode !== code)!;
      expect(await page.locator(`[data-status="${other.creditCode}"]`).textContent()).toBe('未录入');
      expect(await page.locator(`section.visit[data-code="${other.creditCode}"] p.correction`).count()).toBe(0);

      // The inspector changes the violation to ok and sends: the office's record is corrected.
      await card.locator(`[data-item="${badItem}"] button[data-result="ok"]`).tap();
      await card.locator('button.save').tap();
      await page.waitForFunction((c) => document.querySelector(`[data-status="${c}"]`)?.textContent === '已送达办公室', code, { timeout: 15_000 });
      const outcome = readStore(
        served.ctx.town.ws,
        (db) => db.prepare("SELECT outcome FROM phone_entries WHERE credit_code = ? AND date = '2019-12-08'").all(code) as { outcome: string }[],
        [],
      );
      expect(outcome).toEqual([{ outcome: 'correction' }]);
      const after = (await served.app.inject({ method: 'GET', url: `/api/g/${token}/day?date=2019-12-08` })).json<DayView>();
      expect(after.visits.find((x) => x.creditCode === code)!.recorded!.results[badItem]!.result).toBe('ok');
    } finally {
      await ctx.close();
    }
  }, 60_000);

  test("a visit sent with photos, reopened on another phone: the office's photos as thumbnails, loaded through the link", async () => {
    const v = day.visits.find((x) => x.creditCode !== code)!;
    const png = tinyPng(7);
    const photo = await served.app.inject({ method: 'POST', url: `/api/g/${token}/photos`, payload: png, headers: { 'content-type': 'image/png' } });
    expect(photo.statusCode).toBe(201);
    const sha256 = photo.json<{ sha256: string }>().sha256;
    const item = v.items[1]!.id;
    const entry = {
      entryId: 'recorded-test-photos-1',
      date: '2019-12-08',
      creditCode: v.creditCode,
      items: v.items.map((it) => ({ itemId: it.id, result: 'ok', note: '' })),
      inspectors: day.group.leader,
      arrivedAt: null,
      checkedAt: '2019-12-08 15:20',
      position: null,
      photos: [
        { itemId: '', sha256 },
        { itemId: item, sha256 },
      ],
    };
    expect((await served.app.inject({ method: 'POST', url: `/api/g/${token}/entries`, payload: entry })).statusCode).toBe(201);
    const now = (await served.app.inject({ method: 'GET', url: `/api/g/${token}/day?date=2019-12-08` })).json<DayView>();
    const sent = now.visits.find((x) => x.creditCode === v.creditCode)!.sent!;
    expect(sent.photos).toEqual([
      { itemId: '', sha256 },
      { itemId: item, sha256 },
    ]);
    expect(now.visits.find((x) => x.creditCode === code)!.sent!.photos).toEqual([]); // the correction above took none

    const ctx = await phone();
    try {
      const page = await ctx.newPage();
      await page.goto(`${served.url}/g/${token}?date=2019-12-08`);
      const card = page.locator(`section.visit[data-code="${v.creditCode}"]`);
      await card.waitFor();
      const imgs = card.locator('.office-photos img');
      expect(await imgs.count()).toBe(2);
      expect(await card.locator('.office-photos .caption').allTextContents()).toEqual(['整体', '第 2 项']);
      expect(await card.locator('.office-photos-label').textContent()).toBe('办公室已收到的照片（2 张）');
      // Loaded from the server (the CSP allows 'self'): the PNG's own size, not a broken image.
      await page.waitForFunction(
        (c) =>
          Array.from(document.querySelectorAll(`section.visit[data-code="${c}"] .office-photos img`)).every((i) => (i as HTMLImageElement).naturalWidth > 0),
        v.creditCode,
        { timeout: 5_000 },
      );
      expect(await imgs.first().getAttribute('src')).toBe(`/api/g/${token}/photos/${sha256}`);
      expect(await page.locator(`section.visit[data-code="${code}"] .office-photos`).count()).toBe(0);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
