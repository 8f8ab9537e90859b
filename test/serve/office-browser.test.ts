/**
 * The office view in a browser (a desktop's): the login form, the day, a phone's entry arriving without a reload,
 * a forged cross-site POST refused, a note with a script tag shown as text.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { findToken } from '../../src/io/store/serveTokens.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { join } from 'node:path';
import { OUT, browserSuite } from '../helpers/browser.js';
import { PASSWORD, phoneEntry, planVisits, setOfficePassword } from '../helpers/office.js';
import { serveTown, type ServedTown } from '../helpers/serve.js';

const b = browserSuite('test/serve/office-browser.test.ts', [], '');

b.suite('the office view in a browser', () => {
  let served: ServedTown;
  let context: BrowserContext;
  let page: Page;
  let dialogs = 0;
  let expectConfirm = false;
  const consoleErrors: string[] = [];
  let evil: Server;
  let evilUrl = '';
  let evilPage = '';

  beforeAll(async () => {
    served = await serveTown();
    setOfficePassword(served);
    context = await b.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    // A refusal of the CSP and an error of the page's script (the wrong password's 401 and the favicon's 404 are expected).
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('dialog', (d) => {
      // The office's own confirm before revoking a link is accepted when a test expects it; any other is a failure.
      if (d.type() === 'confirm' && expectConfirm) {
        expectConfirm = false;
        return void d.accept();
      }
      dialogs++;
      void d.dismiss();
    });
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(evilPage);
    });
    await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => evil?.close(ok));
    await served?.close();
  });

  test('log in through the form, and the page shows the day of every group', async () => {
    await page.goto(`${served.url}/office`);
    expect(new URL(page.url()).pathname).toBe('/office/login');
    await page.fill('input[name="password"]', 'wrong');
    await page.click('button[type="submit"]');
    await expect(page.locator('#login-error').textContent()).resolves.toBe('密码不对');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${served.url}/office`);
    await page.locator('#groups article.group').nth(2).waitFor({ timeout: 10_000 });
    const groups = await page.locator('#groups article.group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.group));
    expect(groups).toEqual(served.ctx.town.setup.groups.map((g) => g.id));
    const visits = planVisits(served, '1');
    const rows = page.locator('article.group[data-group="1"] tr.visit');
    expect(await rows.count()).toBe(visits.length);
    expect(await rows.first().locator('.badge').textContent()).toBe('待查');
    expect(await page.locator('article.group[data-group="1"] .map svg g.stop').count()).toBe(visits.length);
    expect(await page.locator('#live').textContent()).toBe('实时');
    // Nothing the page needs is blocked by the CSP (no inline script or style anywhere), nothing else went wrong.
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  test('a phone entry arrives and the page shows it within 5 s, without a reload; its note is text', async () => {
    const token = served.token('1');
    const [v] = planVisits(served, '1');
    const note = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const out = phoneEntry(served, token, v!, { violation: true, note });
    expect(out.kind).toBe('stored');
    const row = page.locator(`article.group[data-group="1"] tr.visit[data-code="${v!.creditCode}"] .badge`);
    await expect(row.filter({ hasText: '发现问题' }).waitFor({ timeout: 5000 })).resolves.toBeUndefined();
    const feedNote = page.locator('#feed li.feed-item .note').first();
    await feedNote.waitFor({ timeout: 5000 });
    expect(await feedNote.textContent()).toContain(note);
    expect(await page.locator('#report').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('#feed script, #report script, #feed img[src="x"]').count()).toBe(0);
    // No reload: the page's own state is still there.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.locator('article.group[data-group="1"] .map g.stop.st-violation').count()).toBe(1);
    expect(dialogs).toBe(0);
    await page.screenshot({ path: join(OUT, 'office-view.png'), fullPage: true });
  }, 30_000);

  test('without server-sent events the page polls every 5 s and still shows what arrives', async () => {
    const polling = await context.newPage();
    await polling.route('**/office/events', (r) => r.abort());
    await polling.goto(`${served.url}/office`);
    await polling.locator('#live').filter({ hasText: '每 5 秒刷新' }).waitFor({ timeout: 5000 });
    await polling.locator('article.group[data-group="2"] tr.visit').first().waitFor({ timeout: 5000 });
    const [v] = planVisits(served, '2');
    expect(phoneEntry(served, served.token('2'), v!).kind).toBe('stored');
    await polling
      .locator(`article.group[data-group="2"] tr.visit[data-code="${v!.creditCode}"] .badge`)
      .filter({ hasText: '已查合格' })
      .waitFor({ timeout: 7000 });
    await polling.close();
  }, 30_000);

  test('a forged cross-site POST (logout, revoking a link) from another origin: refused, nothing changed', async () => {
    const token = served.token('2');
    const id = token.slice(0, 8);
    const attacker = await context.newPage();
    for (const action of [`${served.url}/office/logout`, `${served.url}/office/api/tokens/${id}/revoke`]) {
      evilPage = `<!DOCTYPE html><html><body><form id="f" method="post" action="${action}"><input name="x" value="1"></form><script>document.getElementById('f').submit()</script></body></html>`;
      const answered = attacker.waitForResponse((r) => r.url() === action);
      await attacker.goto(evilUrl);
      const r = await answered;
      expect([action, r.status()]).toEqual([action, 403]);
    }
    await attacker.close();
    // The link still opens, and the office's session is still good.
    expect(readStore(served.ctx.town.ws, (db) => findToken(db, token)?.id, null)).toBe(id);
    const status = await page.evaluate(async () => (await fetch('/office/api/day')).status);
    expect(status).toBe(200);
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/office');
  }, 30_000);

  test('revoking a link from the office page works (its CSRF token, its origin)', async () => {
    const token = served.token('3');
    const id = token.slice(0, 8);
    await page.reload();
    await page.locator(`#tokens tr[data-token="${id}"] button.revoke`).waitFor({ timeout: 5000 });
    expectConfirm = true;
    await page.click(`#tokens tr[data-token="${id}"] button.revoke`);
    await page.locator(`#tokens tr[data-token="${id}"] .revoked`).waitFor({ timeout: 5000 });
    expect(readStore(served.ctx.town.ws, (db) => findToken(db, token), null)).toBeNull();
    expect(dialogs).toBe(0);
  }, 30_000);
});
