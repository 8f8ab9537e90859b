/**
 * The login form's body (application/x-www-form-urlencoded), parsed here with URLSearchParams and bounded,
 * rather than by a plugin for one form. Registered inside the office's plugin only.
 */
import type { FastifyInstance } from 'fastify';

/** A login form is a name, a password and a CSRF token: a few hundred bytes. */
export const FORM_BODY_LIMIT = 8 * 1024;

export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
    const params = new URLSearchParams(body as string);
    const out: Record<string, string> = {};
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
    done(null, out);
  });
}
