/**
 * The office view: /office… behind the password.
 *
 *   GET  /office/login            the form (POST: name + password → the session cookie; rate-limited per address)
 *   POST /office/logout           ends the session (CSRF)
 *   GET  /office                  the day: groups' visits and maps, the feed, the links, the report
 *   GET  /office/report?date=D    the day's report on a page of its own
 *   GET  /office/api/day?date=D   the day as JSON (dayView.ts)
 *   GET  /office/api/report?date=D  the report's HTML (escaped on the server) for the page
 *   POST /office/api/tokens/:id/revoke  revoke a group's link (CSRF)
 *   GET  /office/photos/:sha256   a photo the phones sent
 *   GET  /office/events           server-sent events: one line per change of the store
 *   GET  /office/static/:file     the page's script and style
 *
 * CSRF: a synchronizer token kept in the (server-side) session and compared in constant time, plus the Origin /
 * Sec-Fetch-Site check (auth.ts). Chosen over @fastify/csrf-protection because the session is already held on the
 * server: one more secret in it needs no second cookie and no signing secret to keep.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { readPhoto } from '../../io/store/photos.js';
import { OFFICE_USER, checkPassword, hasOfficeUsers } from '../../io/store/serveUsers.js';
import { revokeToken } from '../../io/store/serveTokens.js';
import { defaultDate } from '../../workflow/alertInForce.js';
import { readStore, writeStore } from '../../workflow/storeDoor.js';
import { storeChanged, type ServeContext } from '../context.js';
import { DATE_SCHEMA, SHA256_SCHEMA } from '../inspector/api.js';
import { LIMITS } from '../limits.js';
import { noSessionCookie, requireChange, requireSession, sessionCookie, sessionOf } from './auth.js';
import { officeDay } from './dayView.js';
import { liveEvents } from './events.js';
import { acceptForms } from './formBody.js';
import { officeReportHtml } from './officeReport.js';
import { loginPage, officePage, reportPage } from './pages.js';
import { Sessions } from './sessions.js';
import { CLIENT_FILES, clientFile } from './staticFiles.js';

export interface OfficeOptions {
  ctx: ServeContext;
  /** The server speaks TLS: the cookie is Secure. */
  tls?: boolean;
  /** The sessions (tests may hand in their own); a new store in memory by default. */
  sessions?: Sessions;
}

const DATE_QUERY = { type: 'object', properties: { date: DATE_SCHEMA }, additionalProperties: false } as const;

export const officeRoutes: FastifyPluginAsync<OfficeOptions> = async (app: FastifyInstance, opts) => {
  const { ctx } = opts;
  const sessions = opts.sessions ?? new Sessions();
  const secure = opts.tls === true;
  const townName = ctx.town.ws.town?.name ?? ctx.town.setup.town;
  app.decorateRequest('officeSession', null);
  acceptForms(app);
  const page = requireSession(sessions, 'page');
  const api = requireSession(sessions, 'api');
  const change = requireChange();
  // The server's today, as every command takes it (on the sample town, the day its alert began).
  const today = () => defaultDate(ctx.town.ws, ctx.clock.now().date);

  app.get('/office/login', async (req, reply) => {
    if (sessionOf(sessions, req)) return reply.redirect('/office', 302);
    const noUsers = !readStore(ctx.town.ws, (db) => hasOfficeUsers(db), false);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(loginPage({ town: townName, noUsers }));
  });

  app.post(
    '/office/login',
    {
      config: { rateLimit: { max: LIMITS.loginsPer15Minutes, timeWindow: '15 minutes', keyGenerator: (req) => `login:${req.ip}` } },
      schema: {
        body: {
          type: 'object',
          required: ['password'],
          properties: { name: { type: 'string', maxLength: 64 }, password: { type: 'string', maxLength: 256 }, _csrf: { type: 'string' } },
        },
      },
    },
    async (req, reply) => {
      const body = req.body as { name?: string; password: string };
      const name = body.name?.trim() || OFFICE_USER;
      if (!sameSiteLogin(req.headers)) return reply.code(403).send({ error: 'forbidden' });
      const ok = readStore(ctx.town.ws, (db) => checkPassword(db, name, body.password), false);
      if (!ok) {
        const noUsers = !readStore(ctx.town.ws, (db) => hasOfficeUsers(db), false);
        return reply
          .code(401)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(loginPage({ town: townName, name, wrong: true, noUsers }));
      }
      const old = sessionOf(sessions, req);
      if (old) sessions.close(old.id);
      const s = sessions.open(name);
      return reply.header('set-cookie', sessionCookie(s.id, secure)).redirect('/office', 303);
    },
  );

  app.post('/office/logout', { onRequest: api, preHandler: change }, async (req, reply) => {
    sessions.close(req.officeSession!.id);
    return reply.header('set-cookie', noSessionCookie(secure)).redirect('/office/login', 303);
  });

  app.get('/office', { onRequest: page, schema: { querystring: DATE_QUERY } }, async (req, reply) => {
    const date = (req.query as { date?: string }).date ?? today();
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(officePage({ town: townName, date, csrf: req.officeSession!.csrf }));
  });

  app.get('/office/report', { onRequest: page, schema: { querystring: DATE_QUERY } }, async (req, reply) => {
    const date = (req.query as { date?: string }).date ?? today();
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(reportPage(townName, date, officeReportHtml(ctx, date)));
  });

  app.get('/office/api/day', { onRequest: api, schema: { querystring: DATE_QUERY } }, async (req, reply) => {
    const date = (req.query as { date?: string }).date ?? today();
    return reply.header('cache-control', 'no-store').send(officeDay(ctx, date));
  });

  app.get('/office/api/report', { onRequest: api, schema: { querystring: DATE_QUERY } }, async (req, reply) => {
    const date = (req.query as { date?: string }).date ?? today();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(officeReportHtml(ctx, date));
  });

  app.post(
    '/office/api/tokens/:id/revoke',
    {
      onRequest: api,
      preHandler: change,
      schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z0-9]{8}$' } } } },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const found = writeStore(ctx.town.ws, (db) => revokeToken(db, id, new Date(ctx.clock.instant()).toISOString()));
      if (!found) return reply.code(404).send({ error: 'not_found' });
      storeChanged(ctx, { kind: 'token' });
      return reply.send({ revoked: id });
    },
  );

  app.get(
    '/office/photos/:sha256',
    { onRequest: api, schema: { params: { type: 'object', required: ['sha256'], properties: { sha256: SHA256_SCHEMA } } } },
    async (req, reply) => {
      const { sha256 } = req.params as { sha256: string };
      const photo = readStore(ctx.town.ws, (db) => readPhoto(db, ctx.photosDir, sha256), null);
      if (!photo) return reply.code(404).send({ error: 'not_found' });
      return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').send(photo.bytes);
    },
  );

  liveEvents(app, ctx, '/office/events', api);

  app.get('/office/static/:file', async (req, reply) => {
    const { file } = req.params as { file: string };
    const type = Object.hasOwn(CLIENT_FILES, file) ? CLIENT_FILES[file] : undefined;
    if (!type) return reply.code(404).send({ error: 'not_found' });
    return reply.type(type).header('cache-control', 'no-cache').send(clientFile(file));
  });
};

/** A login from another site's page is refused like any change (a login CSRF would put the office in the attacker's session). */
function sameSiteLogin(headers: Record<string, string | string[] | undefined>): boolean {
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}
