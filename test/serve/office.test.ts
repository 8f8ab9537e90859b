/** The office view behind the password: the session, CSRF, the login's rate limit, the day's JSON, escaping. */
import { PASSWORD, keepTestPhoto, phoneEntry, planVisits, setOfficePassword } from '../helpers/office.js';
import { serveTown, type ServedTown } from '../helpers/serve.js';

let served: ServedTown;
let cookie = '';
let csrf = '';

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function login(name = 'office', password = PASSWORD, remoteAddress = '127.0.0.1') {
  return served.app.inject({ method: 'POST', url: '/office/login', headers: FORM, payload: form({ name, password }), remoteAddress });
}

async function newSession(): Promise<{ cookie: string; csrf: string }> {
  const r = await login();
  expect(r.statusCode).toBe(303);
  const c = String(r.headers['set-cookie']).split(';')[0]!;
  const page = await served.app.inject({ method: 'GET', url: '/office', headers: { cookie: c } });
  const m = /<meta name="csrf-token" content="([^"]+)">/.exec(page.body);
  return { cookie: c, csrf: m![1]! };
}

beforeAll(async () => {
  served = await serveTown({ listen: false });
  setOfficePassword(served);
  ({ cookie, csrf } = await newSession());
}, 60_000);
afterAll(() => served.close());

test('no session: pages go to the login, the API answers 401 and one word', async () => {
  const page = await served.app.inject({ method: 'GET', url: '/office' });
  expect(page.statusCode).toBe(302);
  expect(page.headers.location).toBe('/office/login');
  for (const url of ['/office/api/day', '/office/api/report', '/office/events', `/office/photos/${'a'.repeat(64)}`]) {
    const r = await served.app.inject({ method: 'GET', url });
    expect([url, r.statusCode, r.json()]).toEqual([url, 401, { error: 'unauthorized' }]);
  }
  const forged = await served.app.inject({ method: 'GET', url: '/office/api/day', headers: { cookie: 'haze_session=forged' } });
  expect(forged.statusCode).toBe(401);
});

test('the login form; before a password is set it says to set one', async () => {
  const r = await served.app.inject({ method: 'GET', url: '/office/login' });
  expect(r.statusCode).toBe(200);
  expect(r.body).toContain('name="password"');
  expect(r.body).toContain('value="office"');
  expect(r.body).not.toContain('haze serve --set-password');
  const bare = await serveTown({ listen: false });
  try {
    const b = await bare.app.inject({ method: 'GET', url: '/office/login' });
    expect(b.body).toContain('haze serve --set-password');
  } finally {
    await bare.close();
  }
});

test('a wrong password and an unknown name: the same 401 and the form again with 密码不对; no cookie', async () => {
  const wrong = await login('office', 'wrong');
  const unknown = await login('nobody', PASSWORD);
  for (const r of [wrong, unknown]) {
    expect(r.statusCode).toBe(401);
    expect(r.body).toContain('密码不对');
    expect(r.body).toContain('name="password"');
    expect(r.headers['set-cookie']).toBeUndefined();
  }
});

test('the right password: a session cookie, HttpOnly, SameSite=Strict, Path=/, not Secure over plain HTTP', async () => {
  const r = await login();
  expect(r.statusCode).toBe(303);
  expect(r.headers.location).toBe('/office');
  const set = String(r.headers['set-cookie']);
  expect(set).toMatch(/^haze_session=[A-Za-z0-9_-]{43};/);
  expect(set).toContain('HttpOnly');
  expect(set).toContain('SameSite=Strict');
  expect(set).toContain('Path=/');
  expect(set).not.toContain('Secure');
  const day = await served.app.inject({ method: 'GET', url: '/office/api/day?date=2019-12-08', headers: { cookie: set.split(';')[0]! } });
  expect(day.statusCode).toBe(200);
});

test('under TLS the cookie is Secure', async () => {
  const { officeRoutes } = await import('../../src/serve/office/routes.js');
  const Fastify = (await import('fastify')).default;
  const app = Fastify();
  await app.register(officeRoutes, { ctx: served.ctx, tls: true });
  const r = await app.inject({ method: 'POST', url: '/office/login', headers: FORM, payload: form({ name: 'office', password: PASSWORD }) });
  expect(String(r.headers['set-cookie'])).toContain('Secure');
  await app.close();
});

test('logout without the CSRF token → 403, and with an evil Origin → 403: the session still works', async () => {
  const s = await newSession();
  const none = await served.app.inject({ method: 'POST', url: '/office/logout', headers: { cookie: s.cookie, ...FORM }, payload: '' });
  expect(none.statusCode).toBe(403);
  const wrongToken = await served.app.inject({ method: 'POST', url: '/office/logout', headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` } });
  expect(wrongToken.statusCode).toBe(403);
  const evil = await served.app.inject({
    method: 'POST',
    url: '/office/logout',
    headers: { cookie: s.cookie, ...FORM, origin: 'http://evil.example' },
    payload: form({ _csrf: s.csrf }),
  });
  expect(evil.statusCode).toBe(403);
  const crossSite = await served.app.inject({
    method: 'POST',
    url: '/office/logout',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'sec-fetch-site': 'cross-site' },
  });
  expect(crossSite.statusCode).toBe(403);
  expect((await served.app.inject({ method: 'GET', url: '/office/api/day', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  // With the token, from the page's own origin: out, and the cookie no longer opens anything.
  const ok = await served.app.inject({
    method: 'POST',
    url: '/office/logout',
    headers: { cookie: s.cookie, ...FORM, origin: 'http://localhost:80', host: 'localhost:80' },
    payload: form({ _csrf: s.csrf }),
  });
  expect(ok.statusCode).toBe(303);
  expect((await served.app.inject({ method: 'GET', url: '/office/api/day', headers: { cookie: s.cookie } })).statusCode).toBe(401);
});

test('revoking a link: refused without the CSRF token (the link still opens), done with it', async () => {
  const token = served.token('2');
  const id = token.slice(0, 8);
  const { findToken } = await import('../../src/io/store/serveTokens.js');
  const { readStore } = await import('../../src/workflow/storeDoor.js');
  const alive = () => readStore(served.ctx.town.ws, (db) => findToken(db, token) !== null, false);
  const forged = await served.app.inject({
    method: 'POST',
    url: `/office/api/tokens/${id}/revoke`,
    headers: { cookie, origin: 'http://evil.example', 'x-csrf-token': csrf },
  });
  expect(forged.statusCode).toBe(403);
  const noToken = await served.app.inject({ method: 'POST', url: `/office/api/tokens/${id}/revoke`, headers: { cookie } });
  expect(noToken.statusCode).toBe(403);
  expect(alive()).toBe(true);
  const ok = await served.app.inject({ method: 'POST', url: `/office/api/tokens/${id}/revoke`, headers: { cookie, 'x-csrf-token': csrf } });
  expect(ok.statusCode).toBe(200);
  expect(alive()).toBe(false);
});

test('the day after phone entries: a visit done, one with a violation, one corrected with its history; the rest 待查', async () => {
  const token = served.token('1');
  const visits = planVisits(served, '1');
  expect(visits.length).toBeGreaterThanOrEqual(3);
  const [a, b, c] = visits as [(typeof visits)[0], (typeof visits)[0], (typeof visits)[0]];
  expect(phoneEntry(served, token, a).kind).toBe('stored');
  expect(phoneEntry(served, token, b, { violation: true, note: '喷淋未开' }).kind).toBe('stored');
  expect(phoneEntry(served, token, c, { violation: true, note: '先记违规', checkedAt: '2019-12-08 15:20' }).kind).toBe('stored');
  expect(phoneEntry(served, token, c, { note: '复核后合格', checkedAt: '2019-12-08 15:40' }).kind).toBe('stored');

  const r = await served.app.inject({ method: 'GET', url: '/office/api/day?date=2019-12-08', headers: { cookie } });
  expect(r.statusCode).toBe(200);
  const day = r.json();
  expect(day.date).toBe('2019-12-08');
  expect(day.groups.map((g: { id: string }) => g.id)).toEqual(served.ctx.town.setup.groups.map((g) => g.id));
  const g1 = day.groups.find((g: { id: string }) => g.id === '1');
  expect(g1.visits.map((v: { creditCode: string }) => v.creditCode)).toEqual(visits.map((v) => v.creditCode));
  expect(g1.visits.map((v: { seq: number }) => v.seq)).toEqual(visits.map((_, i) => i + 1));
  const byCode = new Map<string, any>(g1.visits.map((v: { creditCode: string }) => [v.creditCode, v]));
  expect([byCode.get(a.creditCode).status, byCode.get(a.creditCode).statusZh, byCode.get(a.creditCode).corrected]).toEqual(['done', '已查合格', false]);
  expect([byCode.get(b.creditCode).status, byCode.get(b.creditCode).statusZh]).toEqual(['violation', '发现问题']);
  const corrected = byCode.get(c.creditCode);
  expect([corrected.status, corrected.corrected, corrected.entries.length]).toEqual(['done', true, 2]);
  expect(corrected.entries.map((e: any) => [e.result, e.checkedAt, e.outcome])).toEqual([
    ['violation', '2019-12-08 15:20', 'new'],
    ['ok', '2019-12-08 15:40', 'correction'],
  ]);
  expect(corrected.entries[0].notes.join('')).toContain('先记违规');
  expect(corrected.inspectors).toBe('王明、李强');
  const rest = g1.visits.slice(3);
  expect(rest.every((v: { status: string }) => v.status === 'pending')).toBe(true);
  // The map: the group's stops, one per visit, marked with their codes for the page to colour.
  expect((g1.map.match(/<g class="stop"/g) ?? []).length).toBe(visits.length);
  // The feed: the latest first, all four entries.
  expect(day.feed).toHaveLength(4);
  expect(day.feed[0].notes.join('')).toContain('复核后合格');
});

test('a note with a script tag comes back escaped in the server-made report', async () => {
  const token = served.token('3');
  const [v] = planVisits(served, '3');
  expect(phoneEntry(served, token, v!, { violation: true, note: '<script>alert(1)</script>' }).kind).toBe('stored');
  const r = await served.app.inject({ method: 'GET', url: '/office/api/report?date=2019-12-08', headers: { cookie } });
  expect(r.statusCode).toBe(200);
  expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(r.body).not.toContain('<script>');
  const page = await served.app.inject({ method: 'GET', url: '/office/report?date=2019-12-08', headers: { cookie } });
  expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(page.body).not.toContain('<script>alert');
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");
});

test('a photo behind the session: its bytes and kind; an unknown one 404', async () => {
  const sha = keepTestPhoto(served);
  const r = await served.app.inject({ method: 'GET', url: `/office/photos/${sha}`, headers: { cookie } });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toBe('image/jpeg');
  const { createHash } = await import('node:crypto');
  expect(createHash('sha256').update(r.rawPayload).digest('hex')).toBe(sha);
  expect((await served.app.inject({ method: 'GET', url: `/office/photos/${'0'.repeat(64)}`, headers: { cookie } })).statusCode).toBe(404);
  expect((await served.app.inject({ method: 'GET', url: '/office/photos/..%2f..%2fhaze.db', headers: { cookie } })).statusCode).toBe(400);
});

test('the login is rate-limited per address: 429 after the limit, other addresses unaffected', async () => {
  const { LIMITS } = await import('../../src/serve/limits.js');
  for (let i = 0; i < LIMITS.loginsPer15Minutes; i++) expect((await login('office', 'guess', '10.9.9.9')).statusCode).toBe(401);
  const blocked = await login('office', PASSWORD, '10.9.9.9');
  expect(blocked.statusCode).toBe(429);
  expect(blocked.headers['set-cookie']).toBeUndefined();
  expect((await login('office', PASSWORD, '10.9.9.10')).statusCode).toBe(303);
});

test('the events stream: open with a session, a line per change, and app.close does not hang', async () => {
  const s2 = await serveTown({ listen: true });
  setOfficePassword(s2);
  const r = await s2.app.inject({ method: 'POST', url: '/office/login', headers: FORM, payload: form({ name: 'office', password: PASSWORD }) });
  const c = String(r.headers['set-cookie']).split(';')[0]!;
  const res = await fetch(`${s2.url}/office/events`, { headers: { cookie: c } });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  await reader.read(); // retry line
  s2.ctx.changes.emit('change', { kind: 'entry', date: '2019-12-08', groupId: '1' });
  let got = '';
  while (!got.includes('event: change')) got += new TextDecoder().decode((await reader.read()).value);
  expect(got).toContain('"groupId":"1"');
  const t0 = Date.now();
  await s2.close();
  expect(Date.now() - t0).toBeLessThan(3000);
  expect(s2.ctx.changes.listenerCount('change')).toBe(0);
}, 60_000);

test('a session idle for 12 hours is gone; one in use stays', async () => {
  const { Sessions, SESSION_IDLE_MS, csrfMatches } = await import('../../src/serve/office/sessions.js');
  let t = 1_000_000;
  const sessions = new Sessions(() => t);
  const a = sessions.open('office');
  const b = sessions.open('office');
  expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(a.id).not.toBe(b.id);
  t += SESSION_IDLE_MS - 1000;
  expect(sessions.find(a.id)?.id).toBe(a.id);
  t += 2000;
  expect(sessions.find(a.id)).not.toBeNull(); // seen a second ago
  expect(sessions.find(b.id)).toBeNull(); // idle past 12 h
  expect([csrfMatches(a, a.csrf), csrfMatches(a, b.csrf), csrfMatches(a, undefined)]).toEqual([true, false, false]);
});
