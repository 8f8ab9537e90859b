/**
 * The office's live feed: server-sent events, one line per change of the store (ctx.changes). Each open stream
 * is tracked so that closing the server ends them all (an open stream would otherwise keep app.close waiting).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServeContext, StoreChange } from '../context.js';

export function liveEvents(
  app: FastifyInstance,
  ctx: ServeContext,
  path: string,
  onRequest: NonNullable<Parameters<FastifyInstance['get']>[1]>['onRequest'],
): void {
  const open = new Set<() => void>();
  // preClose, not onClose: the server waits for its connections before onClose, and a stream never ends by itself.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.get(path, { onRequest }, (req, reply: FastifyReply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 3000\n\n');
    const send = (c: StoreChange) => {
      res.write(`event: change\ndata: ${JSON.stringify({ kind: c.kind, date: c.date ?? null, groupId: c.groupId ?? null })}\n\n`);
    };
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    ping.unref();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(ping);
      ctx.changes.off('change', send);
      open.delete(end);
      res.end();
      req.raw.socket?.destroy();
    };
    ctx.changes.on('change', send);
    open.add(end);
    req.raw.on('close', end);
  });
}
