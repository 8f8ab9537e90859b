/**
 * A stand-in for the inspector API's three routes the load bench speaks (src/serve/inspector/api.ts), written
 * over the workflow directly while the real routes are being written on another branch: GET …/day (a minimal
 * DayView: the visits with their items), POST …/photos (keepPhoto), POST …/entries (recordPhoneEntry). Bench
 * only — never served to a phone. `npm run bench:serve -- --stand-in` runs the bench against it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ENTRY_BODY, TOKEN_PARAM, type DayView, type EntrySaved, type PhotoSaved } from '../../src/serve/inspector/api.js';
import { storeChanged, type ServeContext } from '../../src/serve/context.js';
import { requireGroupToken } from '../../src/serve/groupToken.js';
import { LIMITS } from '../../src/serve/limits.js';
import { keepPhoto, photoKind } from '../../src/io/store/photos.js';
import { groupDay } from '../../src/workflow/groupDay.js';
import { recordPhoneEntry, type PhoneEntry } from '../../src/workflow/phoneEntry.js';
import { writeStore } from '../../src/workflow/storeDoor.js';
import { formatWallTime } from '../../src/core/time.js';
import type { Voice } from '../../src/workflow/voice.js';

const QUIET: Voice = { say: () => {}, warn: () => {}, problems: () => {} };

export function standInRoutes(ctx: ServeContext) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'image/heic'], { parseAs: 'buffer', bodyLimit: LIMITS.photoBytes }, (_req, body, done) =>
      done(null, body),
    );
    const onRequest = requireGroupToken(ctx);

    app.get('/api/g/:token/day', { schema: { params: TOKEN_PARAM }, onRequest }, async (req: FastifyRequest, reply: FastifyReply) => {
      const token = req.groupToken!;
      const now = ctx.clock.now();
      const asked = (req.query as { date?: string }).date ?? now.date;
      const day = groupDay(ctx.town, { date: asked, groupId: token.groupId, now, nowInstant: ctx.clock.instant() }, QUIET);
      const page = day.checklist.pages.find((p) => p.group.id === token.groupId);
      const g = ctx.town.setup.groups.find((x) => x.id === token.groupId)!;
      const view: Pick<DayView, 'date' | 'now' | 'fromDate' | 'toDate' | 'level' | 'group'> & {
        visits: { seq: number; creditCode: string; items: { id: string; text: string }[] }[];
      } = {
        date: day.date,
        now: formatWallTime(now),
        fromDate: token.fromDate,
        toDate: token.toDate,
        level: day.checklist.level,
        group: { id: g.id, name: g.name, leader: g.leader, members: [...g.members] },
        visits: (page?.visits ?? []).map((v) => ({ seq: v.v.seq, creditCode: v.e.creditCode, items: v.items.map((it) => ({ id: it.id, text: it.text })) })),
      };
      return reply.header('cache-control', 'no-store').send(view);
    });

    app.post('/api/g/:token/photos', { schema: { params: TOKEN_PARAM }, onRequest }, async (req: FastifyRequest, reply: FastifyReply) => {
      const bytes = req.body as Buffer;
      const mime = Buffer.isBuffer(bytes) ? photoKind(bytes) : null;
      if (!mime) return reply.code(415).send({ error: 'unsupported_media_type' });
      const kept = writeStore(ctx.town.ws, (db) => keepPhoto(db, ctx.photosDir, bytes, mime, new Date(ctx.clock.instant()).toISOString()));
      storeChanged(ctx, { kind: 'photo', groupId: req.groupToken!.groupId });
      const saved: PhotoSaved = { sha256: kept.sha256, mime: kept.mime, bytes: kept.bytes };
      return reply.code(201).send(saved);
    });

    app.post('/api/g/:token/entries', { schema: { params: TOKEN_PARAM, body: ENTRY_BODY }, onRequest }, async (req: FastifyRequest, reply: FastifyReply) => {
      const entry = req.body as PhoneEntry;
      const out = recordPhoneEntry(ctx.town, req.groupToken!, entry, { instant: ctx.clock.instant() });
      if (out.kind === 'refused')
        return reply
          .code(out.status)
          .send({ error: 'refused', message: out.message, problems: out.problems.map((p) => ({ field: p.code, message: p.message })) });
      if (!out.resent) storeChanged(ctx, { kind: 'entry', date: entry.date, groupId: req.groupToken!.groupId, creditCode: entry.creditCode });
      const saved: EntrySaved = { entryId: out.entry.entryId, outcome: out.entry.outcome, receivedAt: out.entry.receivedAt, resent: out.resent };
      return reply.code(201).send(saved);
    });
  };
}
