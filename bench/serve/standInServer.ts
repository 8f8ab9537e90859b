/**
 * The stand-in server as its own process, started as `haze serve` is (--host, --port, HAZE_NOW, --db for the
 * district's database) and printing the same `http://HOST:PORT/office` line, so that the bench measures it the
 * same way (its own memory, its own CPU). The frame is bare Fastify with the token hook: no helmet, no rate limit.
 */
import Fastify from 'fastify';
import { parseWallTime } from '../../src/core/time.js';
import { serveContext } from '../../src/serve/context.js';
import { LIMITS } from '../../src/serve/limits.js';
import { districtSender } from '../../src/workflow/districtSender.js';
import { townIdentity } from '../../src/workflow/districtUrl.js';
import { townEvidence } from '../../src/workflow/evidence.js';
import { loadTownIn } from '../../src/workflow/town.js';
import { resolveWorkspace } from '../../src/io/read/workspace.js';
import { join } from 'node:path';
import { repoRoot } from './generate.js';
import { standInRoutes } from './standIn.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quiet = { say: () => {}, warn: () => {}, problems: () => {} };

const fixed = process.env.HAZE_NOW ?? '';
const wall = parseWallTime(fixed);
if (!wall) throw new Error('HAZE_NOW is needed');
const instant = Date.parse(`${fixed.replace(' ', 'T')}:00+08:00`);
const clock = { now: () => wall, instant: () => instant };
const ws0 = resolveWorkspace({ cwd: process.cwd(), db: arg('--db') });
const ws = { ...ws0, ruleFiles: [join(repoRoot(), 'data/rules/default.yaml'), ...ws0.ruleFiles.slice(1)] };
const town0 = await loadTownIn(ws, {}, quiet);
const town = { ...town0, evidence: await townEvidence(town0) };
const sender = ws.dbUrl
  ? districtSender(town, townIdentity(ws), ws.dbUrl, clock, {
      sent: () => {},
      failed: (err) => process.stderr.write(`stand-in: sending failed: ${String(err)}\n`),
    })
  : null;
const ctx = serveContext(town, clock, sender ? sender.afterWrite : undefined);
const app = Fastify({ logger: false, bodyLimit: LIMITS.jsonBody, routerOptions: { maxParamLength: 128 } });
app.decorateRequest('groupToken', null);
await app.register(standInRoutes(ctx));
const host = arg('--host') ?? '127.0.0.1';
await app.listen({ host, port: Number(arg('--port') ?? '0') });
const port = (app.server.address() as { port: number }).port;
process.stdout.write(`http://${host}:${port}/office\n`);
const stop = () => {
  void app
    .close()
    .then(() => sender?.flush())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
