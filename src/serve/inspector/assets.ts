/**
 * The page's own files, served as they are from src/serve/inspector/client/ (read at run time through
 * PACKAGE_ROOT, so the same from src/, dist/ or a bundle). A fixed map of names: nothing from the request
 * reaches the file system. The service worker may control the group's pages (/g/), not only /assets/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../../packageRoot.js';

export const CLIENT_DIR = join(PACKAGE_ROOT, 'src/serve/inspector/client');

const ASSETS: Record<string, { type: string; headers?: Record<string, string> }> = {
  'inspector.js': { type: 'text/javascript; charset=utf-8' },
  'inspector.css': { type: 'text/css; charset=utf-8' },
  'sw.js': { type: 'text/javascript; charset=utf-8', headers: { 'service-worker-allowed': '/' } },
};

export function inspectorAssets(app: FastifyInstance): void {
  for (const [name, a] of Object.entries(ASSETS))
    app.get(`/assets/${name}`, async (_req, reply) => {
      const body = readFileSync(join(CLIENT_DIR, name));
      // The worker and the page's script change with haze: revalidated each time (they are small).
      return reply
        .type(a.type)
        .headers({ 'cache-control': 'no-cache', ...a.headers })
        .send(body);
    });
}
