/** What every request meets before its route: headers, the 404, the error handler, the token's 401. */
import { serveTown, type ServedTown } from '../helpers/serve.js';

let served: ServedTown;
beforeAll(async () => {
  served = await serveTown({ listen: false });
}, 60_000);
afterAll(() => served.close());

test('an unknown path: 404 and one word, with the security headers', async () => {
  const r = await served.app.inject({ method: 'GET', url: '/etc/passwd' });
  expect(r.statusCode).toBe(404);
  expect(r.json()).toEqual({ error: 'not_found' });
  expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  expect(r.headers['referrer-policy']).toBe('no-referrer');
  expect(r.headers['x-content-type-options']).toBe('nosniff');
});

test('the token of a link: ours opens, a wrong or revoked one does not, in constant form', async () => {
  const token = served.token('1');
  const { findToken, revokeToken } = await import('../../src/io/store/serveTokens.js');
  const { readStore, writeStore } = await import('../../src/workflow/storeDoor.js');
  const ws = served.ctx.town.ws;
  expect(readStore(ws, (db) => findToken(db, token)?.groupId, null)).toBe('1');
  const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  expect(readStore(ws, (db) => findToken(db, wrong), null)).toBeNull();
  expect(readStore(ws, (db) => findToken(db, 'not-a-token'), null)).toBeNull();
  writeStore(ws, (db) => revokeToken(db, token.slice(0, 8), new Date().toISOString()));
  expect(readStore(ws, (db) => findToken(db, token), null)).toBeNull();
});
