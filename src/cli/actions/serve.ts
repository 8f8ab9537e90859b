/**
 * The action of `haze serve`: load the town once, start the server on the address given, say where to open it,
 * and run until stopped (Ctrl-C). With the district's database as the store, what phones write is sent to it
 * as it comes (workflow/districtSender.ts).
 */
import { networkInterfaces } from 'node:os';
import type { Command } from 'commander';
import { CODE, HazeError } from '../../errors.js';
import { serveContext } from '../../serve/context.js';
import { buildServer } from '../../serve/server.js';
import { districtSender, type DistrictSender } from '../../workflow/districtSender.js';
import { townIdentity } from '../../workflow/districtUrl.js';
import { now, nowInstant } from '../clock.js';
import { readGlobals, usage } from '../globals.js';
import { openTownWithEvidence } from '../town.js';
import { cliVoice } from '../voice.js';

export interface ServeOpts {
  host: string;
  port: string;
}

function parsePort(raw: string): number {
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= 65535))
    throw usage({ zh: `--port 的值"${raw}"不是端口号`, en: `--port: "${raw}" is not a port` }, { zh: '1 到 65535，例如 8080', en: '1 to 65535, e.g. 8080' });
  return n;
}

/** The addresses a phone can open: the one given, or each of this PC's IPv4 addresses for 0.0.0.0. */
export function openAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const all = Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => a !== undefined && a.family === 'IPv4');
  return all.map((a) => a.address);
}

export async function serveAction(opts: ServeOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const port = parsePort(opts.port);
  const town = await openTownWithEvidence(g, voice, null);
  if (town.ws.noStore || town.ws.fromSample.all)
    throw new HazeError(CODE.HAZE_SERVE_NO_WORKSPACE, {
      message: { zh: '这里没有工作区（haze.yaml），没有可以录入的数据库', en: 'there is no workspace here (haze.yaml): no store to enter results into' },
    });
  const clock = { now: () => now(), instant: () => nowInstant() };
  let sender: DistrictSender | null = null;
  if (town.ws.dbUrl) {
    sender = districtSender(town, townIdentity(town.ws), town.ws.dbUrl, clock, {
      sent: (done) => {
        if ('offline' in done)
          voice.warn({
            zh: '连不上区级数据库：手机录入的内容先存在本机，稍后报送',
            en: 'cannot reach the district database: entries are kept here and sent later',
          });
      },
      failed: (err) => voice.warn(err instanceof HazeError ? err.text : { zh: `报送失败：${String(err)}`, en: `sending failed: ${String(err)}` }),
    });
  }
  const ctx = serveContext(town, clock, sender ? sender.afterWrite : undefined);
  const app = await buildServer(ctx);
  try {
    await app.listen({ host: opts.host, port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new HazeError(CODE.HAZE_SERVE_ADDRESS_IN_USE, {
        message: { zh: `端口 ${port} 已被占用`, en: `port ${port} is in use` },
        hint: { zh: '换一个端口：--port 8081；或先停掉另一个 haze serve', en: 'use another port (--port 8081), or stop the other haze serve' },
      });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES')
      throw new HazeError(CODE.HAZE_SERVE_ADDRESS, {
        message: { zh: `不能在 ${opts.host}:${port} 上监听（${code}）`, en: `cannot listen on ${opts.host}:${port} (${code})` },
      });
    throw err;
  }
  for (const a of openAddresses(opts.host)) process.stdout.write(`http://${a}:${port}/office\n`);
  voice.say({ zh: '按 Ctrl-C 停止', en: 'Ctrl-C stops it' });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app
        .close()
        .then(() => sender?.flush())
        .then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
