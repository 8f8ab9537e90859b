/**
 * `haze serve`'s HTTP face: Fastify with a schema on every route, over the same workflow as the command line.
 * What every request meets before its route: a body limit, a rate limit per token (or per address), security
 * headers (a strict Content-Security-Policy: the pages load only their own scripts and styles, nothing from
 * another host), and one error handler that answers a short JSON word and never a stack trace.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { HazeError } from '../errors.js';
import { holdStore } from '../workflow/storeDoor.js';
import type { ServeContext } from './context.js';
import { tokenOf } from './groupToken.js';
import { inspectorRoutes } from './inspector/routes.js';
import { LIMITS } from './limits.js';
import { officeRoutes } from './office/routes.js';

export interface ServeOptions {
  /** --tls CERT KEY, read: the server speaks HTTPS only. */
  tls?: { cert: Buffer; key: Buffer };
  /** Where the server's own faults are logged (a line each); stderr by default. */
  log?: (line: string) => void;
  /** Requests per token (or per address) per minute; LIMITS.requestsPerMinute unless a test wants a small one. */
  requestsPerMinute?: number;
}

export async function buildServer(ctx: ServeContext, opts: ServeOptions = {}): Promise<FastifyInstance> {
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const app = Fastify({
    logger: false,
    bodyLimit: LIMITS.jsonBody,
    // A token is 52 characters; nothing haze serves has a longer path.
    routerOptions: { maxParamLength: 128 },
    // A body with a field the schema does not name is refused (400), not silently trimmed: a phone's page and haze
    // agree on every field, so anything else is not from them. No type coercion: "1" is not a number.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key } } : {}),
  }) as unknown as FastifyInstance;
  app.decorateRequest('groupToken', null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'blob:', 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The token is in the link: no page may hand it to another site (the Amap link, a photo viewer).
    referrerPolicy: { policy: 'no-referrer' },
    // Plain HTTP on the office network is the usual case: HSTS would lock phones out of it.
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });

  await app.register(rateLimit, {
    max: opts.requestsPerMinute ?? LIMITS.requestsPerMinute,
    timeWindow: '1 minute',
    // Per token for a group's link (the phones of a group share one); per address for everything else.
    keyGenerator: (req) => {
      const t = tokenOf(req);
      return typeof t === 'string' ? `t:${t.slice(0, 8)}` : `a:${req.ip}`;
    },
    errorResponseBuilder: (_req, c) => ({ statusCode: 429, error: 'too_many_requests', retryAfterSeconds: Math.ceil(c.ttl / 1000) }),
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) return reply.code(400).send({ error: 'bad_request', message: err.message });
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: 'too_large' });
    if (status === 429) return reply.code(429).send({ error: 'too_many_requests' });
    if (status === 415) return reply.code(415).send({ error: 'unsupported_media_type' });
    if (status >= 400 && status < 500) return reply.code(status).send({ error: 'bad_request' });
    // A fault of the store the workflow knows in words (a full disk, a read-only folder): the words, not the trace.
    if (err instanceof HazeError) {
      log(`haze serve: ${req.method} ${req.routeOptions.url ?? ''}: ${err.code}: ${err.message}`);
      return reply.code(503).send({ error: 'unavailable', code: err.code, message: err.text });
    }
    log(`haze serve: ${req.method} ${req.routeOptions.url ?? ''}: ${err.stack ?? String(err)}`);
    return reply.code(500).send({ error: 'internal' });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not_found' }));

  await app.register(inspectorRoutes, { ctx });
  await app.register(officeRoutes, { ctx, tls: opts.tls !== undefined });
  app.get('/', { schema: { response: { 302: { type: 'null' } } } }, (_req, reply) => reply.redirect('/office', 302));
  // One connection to the store for the server's life (storeDoor.holdStore), closed with the server.
  const release = holdStore(ctx.town.ws);
  app.addHook('onClose', async () => release());
  return app;
}
