/**
 * The group's link: /g/<token>/… and /api/g/<token>/…. A token that is not one of ours, revoked, or malformed
 * gets 401 and one word, nothing about why: a guesser learns nothing. Checked before any other work of the
 * request (an onRequest hook), so a refused request reads and writes nothing else.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findToken, type ServeToken } from '../io/store/serveTokens.js';
import { readStore } from '../workflow/storeDoor.js';
import type { ServeContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireGroupToken: the token the link carries. */
    groupToken: ServeToken | null;
  }
}

export const tokenOf = (req: FastifyRequest): string | undefined => (req.params as { token?: unknown } | undefined)?.token as string | undefined;

export function requireGroupToken(ctx: ServeContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const presented = tokenOf(req);
    const token = typeof presented === 'string' ? readStore(ctx.town.ws, (db) => findToken(db, presented), null) : null;
    if (!token) {
      await reply.code(401).header('cache-control', 'no-store').send({ error: 'unauthorized' });
      return;
    }
    req.groupToken = token;
  };
}
