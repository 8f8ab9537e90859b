/**
 * The inspector's page on a phone (Chromium, phone-sized, touch) against `haze serve` on a real port: every
 * visit of a day entered with a photo lands as `haze record` of the same results would; entries made offline
 * wait on the phone and arrive once; two phones on one visit both land, the later a correction; a script in a
 * note stays text.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DayView } from '../../src/serve/inspector/api.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { BROWSER_ARGS, CHROMIUM, OUT, browserSuite } from '../helpers/browser.js';
import { FIXTURES, haze } from '../helpers/runHaze.js';
import { serveTown, servedWorkspace, type ServedTown } from '../helpers/serve.js';
import { tinyPng } from '../helpers/tinyPng.js';

const { suite, phone } = browserSuite('inspector-browser.test.ts', [], 'chromium');

let served: ServedTown;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  served = await serveTown({ now: '2019-12-08 15:00' });
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await served?.close();
});

async function openPhone(token: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await phone();
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(`${served.url}/g/${token}?date=2019-12-08`);
  await page.locator('section.visit').first().waitFor();
  return { ctx, page };
}

const rows = <T>(sql: string, ...args: unknown[]): T[] => readStore(served.ctx.town.ws, (db) => db.prepare(sql).all(...args) as T[], []);
const count = (sql: string, ...args: unknown[]): number => (rows<{ n: number }>(sql, ...args)[0] ?? { n: 0 }).n;

/** The day as the server gives it to the group's link. */
async function dayOf(token: string): Promise<DayView> {
  return (await served.app.inject({ method: 'GET', url: `/api/g/${token}/day?date=2019-12-08` })).json<DayView>();
}

interface Visit {
  code: string;
  results: Record<string, { result: 'ok' | 'violation' | 'na'; note: string }>;
  inspectors: string[];
  checkedAt: string;
  photo?: Buffer;
  /** A photo of one item (its camera button beside the item). */
  itemPhoto?: { itemId: string; png: Buffer };
}

/** Enter one visit on the page as an inspector does (tap, type, take a photo), and save it. */
async function enter(page: Page, v: Visit): Promise<void> {
  const card = page.locator(`section.visit[data-code="${v.code}"]`);
  for (const [item, r] of Object.entries(v.results)) {
    const row = card.locator(`[data-item="${item}"]`);
    await row.locator(`button[data-result="${r.result}"]`).tap();
    if (r.note) await row.locator('textarea').fill(r.note);
  }
  for (const name of v.inspectors) await card.locator('label.person', { hasText: name }).locator('input').check();
  const photos = [v.photo, v.itemPhoto].filter(Boolean).length;
  if (v.photo) await card.locator('input[data-photo-item=""]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: v.photo });
  if (v.itemPhoto)
    await card
      .locator(`[data-item="${v.itemPhoto.itemId}"] input[type=file]`)
      .setInputFiles({ name: 'item.png', mimeType: 'image/png', buffer: v.itemPhoto.png });
  if (photos > 0)
    await card
      .locator('.thumb img')
      .nth(photos - 1)
      .waitFor();
  await card.locator('button.arrive').tap();
  await card.locator('input.checked').fill(v.checkedAt);
  await card.locator('button.save').tap();
}

/** Wait until the element's text is `text` (the page updates as the outbox sends). */
async function shows(page: Page, selector: string, text: string, timeout = 5_000): Promise<void> {
  try {
    await page.waitForFunction(([sel, want]) => document.querySelector(sel!)?.textContent === want, [selector, text] as const, { timeout, polling: 100 });
  } catch {
    const now = await page.locator(selector).textContent();
    throw new Error(`${selector} shows "${now}", not "${text}"`);
  }
}
const statusOf = (code: string) => `[data-status="${code}"]`;

suite('the inspector page on a phone', () => {
  test('a whole day entered on the phone, a photo each: the store holds what haze record of the same results holds', async () => {
    const token = served.token('1');
    const { page } = await openPhone(token);
    const day = await dayOf(token);
    expect(day.visits.length).toBeGreaterThan(1);
    await expect(page.locator('section.visit').count()).resolves.toBe(day.visits.length);
    const leader = day.group.leader;
    const member = day.group.members.find((m) => m !== leader)!;
    const visits: Visit[] = day.visits.map((v, i) => ({
      code: v.creditCode,
      results: Object.fromEntries(
        v.items.map((it, k) => [
          it.id,
          k === 1 && i % 2 === 0
            ? { result: 'violation' as const, note: `现场发现：${it.id} 未落实` }
            : { result: k === 2 ? ('na' as const) : ('ok' as const), note: k === 0 ? '已核实' : '' },
        ]),
      ),
      inspectors: i === 0 ? [leader] : [leader, member],
      checkedAt: `2019-12-08 15:${String(20 + i * 7).padStart(2, '0')}`,
      photo: tinyPng(i + 1),
      ...(i === 0 ? { itemPhoto: { itemId: v.items[1]!.id, png: tinyPng(50) } } : {}),
    }));
    for (const v of visits) await enter(page, v);
    for (const v of visits) await shows(page, statusOf(v.code), '已送达办公室', 15_000);
    await shows(page, '#outbox', '手机上待发送 0 条');
    await page.screenshot({ path: join(OUT, 'inspector-phone.png') }); // for a person to look at
    expect(count('SELECT COUNT(*) AS n FROM photos')).toBe(visits.length + 1);
    expect(count("SELECT COUNT(*) AS n FROM photos WHERE mime = 'image/jpeg'")).toBe(visits.length + 1); // shrunk on the phone
    // Each visit's photo linked to it, the item's to its item.
    const links = rows<{ credit_code: string; item_id: string }>(
      "SELECT pe.credit_code, vp.item_id FROM visit_photos vp JOIN phone_entries pe ON pe.entry_id = vp.entry_id WHERE pe.group_id = '1' ORDER BY pe.credit_code, vp.item_id",
    );
    expect(links).toEqual(
      visits
        .flatMap((v) => [{ credit_code: v.code, item_id: '' }, ...(v.itemPhoto ? [{ credit_code: v.code, item_id: v.itemPhoto.itemId }] : [])])
        .sort((a, b) => (a.credit_code < b.credit_code ? -1 : a.credit_code > b.credit_code ? 1 : a.item_id < b.item_id ? -1 : 1)),
    );

    // The same results as the checklist's CSV, recorded by `haze record` in a workspace of its own.
    const other = servedWorkspace();
    const env = { HAZE_NOW: '2019-12-08 15:00' };
    const list = haze(['checklist', '--date', '2019-12-08', '--group', '1', '--format', 'csv'], { cwd: other, env });
    expect(list.status).toBe(0);
    const csvRows = parse(list.stdout, { columns: true }) as Record<string, string>[];
    const filled = csvRows.map((r) => {
      const v = visits.find((x) => x.code === r.credit_code)!;
      return { ...r, result: v.results[r.item_id!]!.result, note: v.results[r.item_id!]!.note, inspectors: v.inspectors.join('、'), checked_at: v.checkedAt };
    });
    writeFileSync(join(other, 'results.csv'), stringify(filled, { header: true }));
    const rec = haze(['record', 'results.csv'], { cwd: other, env });
    expect([rec.status, rec.stderr]).toEqual([0, expect.any(String)]);

    const inspections = `SELECT date, group_id, credit_code, name, seq, inspectors, checked_at, planned FROM inspections WHERE date = '2019-12-08' AND group_id = '1' ORDER BY credit_code`;
    const results = `SELECT i.credit_code, r.item_id, r.item, r.result, r.note FROM results r JOIN inspections i ON i.id = r.inspection_id
      WHERE r.superseded_by IS NULL AND i.date = '2019-12-08' AND i.group_id = '1' ORDER BY i.credit_code, r.item_id`;
    const ws = { ...served.ctx.town.ws, dbFile: join(other, 'haze.db'), noStore: false };
    const recorded = (sql: string) => readStore(ws, (db) => db.prepare(sql).all(), []);
    const fromPhone = rows(inspections);
    expect(fromPhone).toHaveLength(visits.length);
    expect(fromPhone).toEqual(recorded(inspections));
    const phoneResults = rows(results);
    expect(phoneResults).toHaveLength(csvRows.length);
    expect(phoneResults).toEqual(recorded(results));
  }, 90_000);

  test('offline mid-day: two visits wait on the phone, nothing in the store; back online they arrive once', async () => {
    const token = served.token('2');
    const { ctx, page } = await openPhone(token);
    const day = await dayOf(token);
    const [a, b] = day.visits;
    await ctx.setOffline(true);
    const two: Visit[] = [a!, b!].map((v, i) => ({
      code: v.creditCode,
      results: Object.fromEntries(v.items.map((it) => [it.id, { result: 'ok' as const, note: '' }])),
      inspectors: [day.group.leader],
      checkedAt: `2019-12-08 16:0${i}`,
    }));
    for (const v of two) await enter(page, v);
    for (const v of two) await shows(page, statusOf(v.code), '已存手机，待发送 (1)');
    await shows(page, '#outbox', '手机上待发送 2 条');
    await page.waitForTimeout(300);
    expect(count("SELECT COUNT(*) AS n FROM phone_entries WHERE group_id = '2'")).toBe(0);

    await ctx.setOffline(false);
    for (const v of two) await shows(page, statusOf(v.code), '已送达办公室', 20_000);
    expect(count("SELECT COUNT(*) AS n FROM phone_entries WHERE group_id = '2'")).toBe(2);
    const items = a!.items.length + b!.items.length;
    expect(count("SELECT COUNT(*) AS n FROM results r JOIN inspections i ON i.id = r.inspection_id WHERE i.group_id = '2'")).toBe(items);

    await page.reload();
    await page.locator('section.visit').first().waitFor();
    for (const v of two) await shows(page, statusOf(v.code), '已送达办公室');
    await shows(page, statusOf(day.visits[2]!.creditCode), '未录入');
    expect(count("SELECT COUNT(*) AS n FROM phone_entries WHERE group_id = '2'")).toBe(2);
  }, 60_000);

  test('two phones of a group enter the same visit at once: both kept, the later a correction', async () => {
    const token = served.token('3');
    const [one, two] = [await openPhone(token), await openPhone(token)];
    const day = await dayOf(token);
    const v = day.visits[0]!;
    const says = (bad: boolean): Visit => ({
      code: v.creditCode,
      results: Object.fromEntries(
        v.items.map((it, k) => [it.id, k === 0 && bad ? { result: 'violation' as const, note: '第二部手机：未停产' } : { result: 'ok' as const, note: '' }]),
      ),
      inspectors: [day.group.leader],
      checkedAt: '2019-12-08 16:30',
    });
    await Promise.all([enter(one.page, says(false)), enter(two.page, says(true))]);
    for (const p of [one.page, two.page]) await shows(p, statusOf(v.creditCode), '已送达办公室', 15_000);
    const entries = rows<{ outcome: string }>(
      "SELECT outcome FROM phone_entries WHERE group_id = '3' AND credit_code = ? ORDER BY received_at, rowid",
      v.creditCode,
    );
    expect(entries.map((e) => e.outcome)).toEqual(['new', 'correction']);
    const superseded = count(
      'SELECT COUNT(*) AS n FROM results r JOIN inspections i ON i.id = r.inspection_id WHERE i.credit_code = ? AND r.superseded_by IS NOT NULL',
      v.creditCode,
    );
    expect(superseded).toBeGreaterThan(0);
    expect((await dayOf(token)).visits[0]!.sent!.entries).toBe(2);
  }, 60_000);

  test('a script in a note: stored as text and shown as text, never run', async () => {
    const token = served.token('3');
    const { page } = await openPhone(token);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const day = await dayOf(token);
    const v = day.visits[1]!;
    const note = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    await enter(page, {
      code: v.creditCode,
      results: Object.fromEntries(v.items.map((it, k) => [it.id, k === 0 ? { result: 'violation' as const, note } : { result: 'ok' as const, note: '' }])),
      inspectors: [day.group.leader],
      checkedAt: '2019-12-08 16:40',
    });
    await shows(page, statusOf(v.creditCode), '已送达办公室', 15_000);
    const stored = rows<{ note: string }>(
      'SELECT r.note FROM results r JOIN inspections i ON i.id = r.inspection_id WHERE i.credit_code = ? AND r.item_id = ? AND r.superseded_by IS NULL',
      v.creditCode,
      v.items[0]!.id,
    );
    expect(stored).toEqual([{ note }]);

    await page.reload();
    const shown = page.locator(`section.visit[data-code="${v.creditCode}"] [data-item="${v.items[0]!.id}"] textarea`);
    await shown.waitFor();
    expect(await shown.inputValue()).toBe(note);
    expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  }, 60_000);
});

suite('the inspector page over HTTPS (--tls)', () => {
  let browser: Browser | undefined;
  let tls: ServedTown | undefined;
  afterAll(async () => {
    await browser?.close();
    await tls?.close();
  });

  test('a service worker keeps the page and its day: it reopens with no network', async () => {
    const dir = join(FIXTURES, 'tls');
    tls = await serveTown({ now: '2019-12-09 09:00', server: { tls: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) } } });
    const url = tls.url.replace('http:', 'https:');
    // The test's certificate is its own: this browser (not the suite's) is told to accept it.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...BROWSER_ARGS, '--ignore-certificate-errors'] });
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    const link = `${url}/g/${tls.token('1', '2019-12-09')}`;
    await page.goto(link);
    await page.locator('section.visit').first().waitFor();
    const notes = await page.locator('#notes').textContent();
    expect(notes).not.toContain('HTTPS');
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), undefined, { timeout: 10_000 });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
    await page.locator('section.visit').first().waitFor();
    const visits = await page.locator('section.visit').count();
    expect(visits).toBeGreaterThan(0);

    await ctx.setOffline(true);
    await page.reload();
    await page.locator('section.visit').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('section.visit').count()).toBe(visits);
    await shows(page, '#outbox', '手机上待发送 0 条');
    await ctx.close();
  }, 60_000);
});
