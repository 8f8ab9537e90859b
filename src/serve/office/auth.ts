/**
 * Who may see the office view and who may change anything through it. A page or API call needs a live session
 * (the haze_session cookie); a change (POST, DELETE) needs besides the session's CSRF token (x-csrf-token
 * header, or the form's _csrf field) and a request from the office's own origin: Origin, when the browser
 * sends it, must be this server's, and Sec-Fetch-Site, when sent, must be same-origin. Either failing → 403,
 * before the route does anything.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieHeader, cookieValue, type CookieOptions } from './cookies.js';
import { csrfMatches, SESSION_COOKIE, type Session, type Sessions } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the office's session hook. */
    officeSession: Session | null;
  }
}

export function sessionOf(sessions: Sessions, req: FastifyRequest): Session | null {
  return sessions.find(cookieValue(req.headers.cookie, SESSION_COOKIE));
}

/** The cookie of a session: never readable by scripts, never sent by another site, Secure under TLS. */
export function sessionCookie(id: string, secure: boolean): string {
  const o: CookieOptions = { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: 12 * 60 * 60 };
  return cookieHeader(SESSION_COOKIE, id, o);
}

/** The cookie that removes the session's. */
export function noSessionCookie(secure: boolean): string {
  return cookieHeader(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: 0 });
}

/** onRequest: a page without a session goes to the login; an API call gets 401 and one word. */
export function requireSession(sessions: Sessions, kind: 'page' | 'api') {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const s = sessionOf(sessions, req);
    if (!s) {
      reply.header('cache-control', 'no-store');
      if (kind === 'page') await reply.redirect('/office/login', 302);
      else await reply.code(401).send({ error: 'unauthorized' });
      return;
    }
    req.officeSession = s;
  };
}

/** Whether the request comes from the office's own pages (when the browser says where it comes from). */
export function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `${req.protocol}://${req.host}`;
}

/** preHandler of a change: the session's CSRF token and the same origin, else 403 and nothing done. */
export function requireChange() {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const s = req.officeSession;
    const body = req.body as Record<string, unknown> | undefined;
    const presented = req.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
    if (!s || !sameOrigin(req) || !csrfMatches(s, presented)) {
      await reply.code(403).header('cache-control', 'no-store').send({ error: 'forbidden' });
    }
  };
}
