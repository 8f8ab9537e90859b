/**
 * The inspector's page and its API: /g/<token> and /api/g/<token>/… (api.ts). Every route checks the token
 * first (requireGroupToken, an onRequest hook) and its input against a schema; a token opens its group's
 * visits on its dates and nothing else.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { HazeError } from '../../errors.js';
import { keepPhotoFile, photoKind, photoRowOf, readPhoto } from '../../io/store/photos.js';
import type { ServeToken } from '../../io/store/serveTokens.js';
import { groupDay } from '../../workflow/groupDay.js';
import { recordPhoneEntry, type PhoneEntry } from '../../workflow/phoneEntry.js';
import { readStore, writeStore } from '../../workflow/storeDoor.js';
import { collectingVoice } from '../../workflow/voice.js';
import { storeChanged, type ServeContext } from '../context.js';
import { requireGroupToken } from '../groupToken.js';
import { LIMITS } from '../limits.js';
import { DATE_SCHEMA, ENTRY_BODY, SHA256_SCHEMA, TOKEN_PARAM, type EntrySaved, type PhotoSaved, type Refusal } from './api.js';
import { inspectorAssets } from './assets.js';
import { currentResults } from './currentResults.js';
import { readReportVisits } from '../../io/store/reportQueries.js';
import { dayView } from './dayView.js';
import { INSPECTOR_PAGE } from './page.js';
import { photoBodyParser } from './photoBody.js';

const refuse = (reply: FastifyReply, status: number, r: Refusal) => reply.code(status).header('cache-control', 'no-store').send(r);

/** The token's dates hold `date`? */
const within = (t: ServeToken, date: string) => date >= t.fromDate && date <= t.toDate;
const outsideDates = (t: ServeToken): Refusal => ({
  error: 'forbidden',
  message: { zh: `此链接只能录入 ${t.fromDate} 至 ${t.toDate} 的检查`, en: `this link enters checks of ${t.fromDate} to ${t.toDate} only` },
});

export const inspectorRoutes: FastifyPluginAsync<{ ctx: ServeContext }> = async (app, { ctx }) => {
  inspectorAssets(app as FastifyInstance);
  photoBodyParser(app as FastifyInstance);
  const onRequest = requireGroupToken(ctx);
  const token = (req: { groupToken: ServeToken | null }) => req.groupToken!;

  app.get('/g/:token', { onRequest, schema: { params: TOKEN_PARAM } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(INSPECTOR_PAGE),
  );

  app.get(
    '/api/g/:token/day',
    {
      onRequest,
      schema: { params: TOKEN_PARAM, querystring: { type: 'object', additionalProperties: false, properties: { date: DATE_SCHEMA } } },
    },
    async (req, reply) => {
      const t = token(req);
      const now = ctx.clock.now();
      const asked = (req.query as { date?: string }).date;
      // Today by the server's clock, within the link's dates (a link for tomorrow opens on tomorrow).
      const date = asked ?? (now.date < t.fromDate ? t.fromDate : now.date > t.toDate ? t.toDate : now.date);
      if (!within(t, date)) return refuse(reply, 403, outsideDates(t));
      let day;
      try {
        day = groupDay(ctx.town, { date, groupId: t.groupId, now, nowInstant: ctx.clock.instant() }, collectingVoice());
      } catch (err) {
        // No alert in force that day, and the like: the town's words, not a fault of the server.
        if (err instanceof HazeError) return refuse(reply, 409, { error: 'no_day', message: err.text });
        throw err;
      }
      const current = currentResults(
        readStore(ctx.town.ws, (db) => readReportVisits(db, { from: day.date, to: day.date }), []),
        t.groupId,
      );
      return reply.header('cache-control', 'no-store').send(dayView(day, t, now, current));
    },
  );

  app.post('/api/g/:token/photos', { onRequest, bodyLimit: LIMITS.photoBytes, schema: { params: TOKEN_PARAM } }, async (req, reply) => {
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) return refuse(reply, 415, { error: 'not_an_image' });
    const mime = photoKind(body);
    if (!mime) return refuse(reply, 415, { error: 'not_an_image' });
    const at = new Date(ctx.clock.instant()).toISOString();
    const file = await keepPhotoFile(ctx.photosDir, body, mime);
    const kept = writeStore(ctx.town.ws, (db) => photoRowOf(db, file.sha256, mime, body.length, at));
    storeChanged(ctx, { kind: 'photo', groupId: token(req).groupId });
    const saved: PhotoSaved = { sha256: kept.sha256, mime: kept.mime, bytes: kept.bytes };
    return reply.code(201).send(saved);
  });

  app.post('/api/g/:token/entries', { onRequest, schema: { params: TOKEN_PARAM, body: ENTRY_BODY } }, async (req, reply) => {
    const t = token(req);
    const entry = req.body as PhoneEntry;
    const done = recordPhoneEntry(ctx.town, t, entry, { instant: ctx.clock.instant() });
    if (done.kind === 'refused')
      return refuse(reply, done.status, {
        error: done.status === 403 ? 'forbidden' : done.status === 409 ? 'missing_photo' : 'invalid',
        message: done.message,
        problems: done.problems.filter((p) => p.severity === 'error').map((p) => ({ field: p.where?.column ?? '', message: p.message })),
      });
    if (!done.resent) storeChanged(ctx, { kind: 'entry', date: done.entry.date, groupId: done.entry.groupId, creditCode: done.entry.creditCode });
    const saved: EntrySaved = { entryId: done.entry.entryId, outcome: done.entry.outcome, receivedAt: done.entry.receivedAt, resent: done.resent };
    return reply.code(201).send(saved);
  });

  app.get(
    '/api/g/:token/photos/:sha256',
    {
      onRequest,
      schema: {
        params: { type: 'object', required: ['token', 'sha256'], properties: { ...TOKEN_PARAM.properties, sha256: SHA256_SCHEMA } },
      },
    },
    async (req, reply) => {
      const t = token(req);
      const { sha256 } = req.params as { sha256: string };
      const photo = readStore(
        ctx.town.ws,
        (db) => {
          const linked = db
            .prepare('SELECT 1 FROM visit_photos vp JOIN phone_entries pe ON pe.entry_id = vp.entry_id WHERE vp.sha256 = ? AND pe.group_id = ? LIMIT 1')
            .get(sha256, t.groupId);
          return linked ? readPhoto(db, ctx.photosDir, sha256) : null;
        },
        null,
      );
      if (!photo) return reply.code(404).send({ error: 'not_found' });
      return reply.type(photo.mime).headers({ 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff' }).send(photo.bytes);
    },
  );
};
