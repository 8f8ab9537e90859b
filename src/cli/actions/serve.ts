/**
 * The action of `haze serve`: load the town once, start the server on the address given, say where to open it,
 * and run until stopped (Ctrl-C). With the district's database as the store, what phones write is sent to it
 * as it comes (workflow/districtSender.ts).
 */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { Command } from 'commander';
import { CODE, HazeError } from '../../errors.js';
import { faultWords } from '../../io/faultWords.js';
import { hasOfficeUsers } from '../../io/store/serveUsers.js';
import { alertTimeline } from '../../workflow/alertInForce.js';
import { groupDay } from '../../workflow/groupDay.js';
import { collectingVoice } from '../../workflow/voice.js';
import { makeGroupLinks } from '../../workflow/groupLinks.js';
import { readStore } from '../../workflow/storeDoor.js';
import { serveContext } from '../../serve/context.js';
import { buildServer } from '../../serve/server.js';
import { districtSender, type DistrictSender } from '../../workflow/districtSender.js';
import { townIdentity } from '../../workflow/districtUrl.js';
import { now, nowInstant } from '../clock.js';
import { readGlobals, usage } from '../globals.js';
import { openTownWithEvidence } from '../town.js';
import { openWorkspace, type Town } from '../../workflow/town.js';
import { OFFICE_USER } from '../../io/store/serveUsers.js';
import { cliVoice } from '../voice.js';

export interface ServeOpts {
  host: string;
  port: string;
  /** --tls CERT KEY */
  tls?: string[];
  setPassword?: boolean;
  user?: string;
}

/** --tls CERT KEY, read: missing → 66 naming the file; unreadable or not PEM → 78. */
export function readTls(files: readonly string[]): { cert: Buffer; key: Buffer } {
  if (files.length !== 2)
    throw usage(
      { zh: `--tls 要两个文件：证书和私钥（给了 ${files.length} 个）`, en: `--tls takes two files, the certificate and its key (${files.length} given)` },
      { zh: '例如 --tls cert.pem key.pem', en: 'e.g. --tls cert.pem key.pem' },
    );
  const [cert, key] = files.map((file, i) => {
    const what = i === 0 ? { zh: '证书', en: 'certificate' } : { zh: '私钥', en: 'key' };
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      const why = faultWords(err as NodeJS.ErrnoException, file, 'read');
      const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? CODE.HAZE_SERVE_TLS_MISSING : CODE.HAZE_SERVE_TLS_INVALID;
      throw new HazeError(code, { where: { file }, message: { zh: `--tls 的${what.zh}：${why.zh}`, en: `--tls ${what.en}: ${why.en}` } });
    }
    if (!bytes.toString('latin1').includes('-----BEGIN '))
      throw new HazeError(CODE.HAZE_SERVE_TLS_INVALID, {
        where: { file },
        message: { zh: `--tls 的${what.zh}不是 PEM 文件`, en: `--tls ${what.en}: not a PEM file` },
      });
    return bytes;
  }) as [Buffer, Buffer];
  return { cert, key };
}

/** This PC's first LAN (non-internal IPv4) address, for the hint to phones; null when it has none. */
export function lanAddress(): string | null {
  const all = Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => a !== undefined && a.family === 'IPv4' && !a.internal);
  return all[0]?.address ?? null;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

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
  if (opts.setPassword) {
    const ws = openWorkspace(g, voice);
    if (ws.noStore || ws.fromSample.all) throw noWorkspace();
    return (await import('./servePassword.js')).setPasswordAction(ws, opts.user ?? OFFICE_USER, voice);
  }
  const port = parsePort(opts.port);
  const tls = opts.tls ? readTls(opts.tls) : undefined;
  const town = await openTownWithEvidence(g, voice, null);
  if (town.ws.noStore || town.ws.fromSample.all) throw noWorkspace();
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
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    app = await buildServer(ctx, tls ? { tls } : {});
  } catch (err) {
    // A certificate and key that do not go together, or a PEM that is not a certificate: Node's TLS refuses them.
    if (tls && !(err instanceof HazeError))
      throw new HazeError(CODE.HAZE_SERVE_TLS_INVALID, {
        where: { file: opts.tls![0]! },
        message: { zh: `--tls 的证书和私钥不能用：${(err as Error).message}`, en: `--tls: the certificate and key cannot be used: ${(err as Error).message}` },
      });
    throw err;
  }
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
  await sayWhereToOpen(town, opts.host, port, tls !== undefined, voice);
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

/**
 * Each group's visits today in the day's plan of record — what its phones will open (workflow/groupDay.ts; the
 * day is fixed now if it was not yet, as the first phone or a printed checklist would fix it). Null when the day
 * has no plan to give (the town's words, a HazeError): the links are printed without the counts.
 */
function visitCounts(town: Town, groupIds: readonly string[], at: ReturnType<typeof now>): Map<string, number> | null {
  const instant = nowInstant();
  try {
    return new Map(
      groupIds.map((groupId) => [
        groupId,
        groupDay(town, { date: at.date, groupId, now: at, nowInstant: instant }, collectingVoice()).checklist.pages[0]?.visits.length ?? 0,
      ]),
    );
  } catch (err) {
    if (err instanceof HazeError) return null;
    throw err;
  }
}

function noWorkspace(): HazeError {
  return new HazeError(CODE.HAZE_SERVE_NO_WORKSPACE, {
    message: { zh: '这里没有工作区（haze.yaml），没有可以录入的数据库', en: 'there is no workspace here (haze.yaml): no store to enter results into' },
  });
}

/**
 * What `haze serve` says once it listens: on stdout the office view's address(es) and each group's link for
 * today (a new token, label 'serve'), with its QR code when stdout is a terminal; on stderr what the office
 * should know (phones cannot reach a loopback address, no password yet, what needs HTTPS).
 */
async function sayWhereToOpen(town: Town, host: string, port: number, https: boolean, voice: ReturnType<typeof cliVoice>): Promise<void> {
  const scheme = https ? 'https' : 'http';
  const addresses = openAddresses(host);
  const hostPart = (a: string) => (a.includes(':') ? `[${a}]` : a);
  const base = `${scheme}://${hostPart(addresses.find((a) => !isLoopback(a)) ?? addresses[0] ?? host)}:${port}`;
  const tty = process.stdout.isTTY === true;
  for (const a of addresses) process.stdout.write(`${scheme}://${hostPart(a)}:${port}/office\n`);

  const at = now();
  const timeline = alertTimeline(town.ws);
  const inForce = timeline.levelAt(at) ?? timeline.levelAt({ date: at.date, minutes: 24 * 60 - 1 });
  if (inForce === null) {
    voice.say({
      zh: `今天（${at.date}）没有正在执行的预警，没有生成巡查组的链接；需要时用 haze serve tokens make --group all --date 日期 --url ${base} 生成`,
      en: `no alert is in force today (${at.date}): no group links were made; make them with haze serve tokens make --group all --date DATE --url ${base}`,
    });
  } else {
    const links = makeGroupLinks(town.ws, town.setup.groups, { fromDate: at.date, toDate: at.date, label: 'serve', createdAt: new Date().toISOString(), base });
    const visits = visitCounts(
      town,
      links.map((l) => l.group.id),
      at,
    );
    for (const l of links) {
      if (tty) {
        const { terminalQr } = await import('./serveTokens.js');
        const n = visits?.get(l.group.id);
        process.stdout.write(`\n${l.group.name}（${at.date}${n === undefined ? '' : `，${n} 处`}）\n${await terminalQr(l.url)}`);
      }
      process.stdout.write(`${l.url}\n`);
    }
    const counts = visits ? links.map((l) => ({ name: l.group.name, n: visits.get(l.group.id) ?? 0 })) : null;
    voice.say({
      zh: `以上为各组今天（${at.date}）的链接${counts ? `（${counts.map((c) => `${c.name} ${c.n} 处`).join('、')}）` : ''}：手机连办公室 Wi-Fi 扫码或打开；作废用 haze serve tokens revoke 编号`,
      en: `above: each group's link for today (${at.date}${counts ? `; visits: ${counts.map((c) => `${c.name} ${c.n}`).join(', ')}` : ''}), to scan or open on a phone on the office Wi-Fi; revoke with haze serve tokens revoke ID`,
    });
  }

  if (isLoopback(host)) {
    const lan = lanAddress();
    voice.warn({
      zh: `只在 ${host} 上监听：手机连不上本机的这个地址。让手机能打开：haze serve --host ${lan ?? '<本机局域网地址>'}${port !== 8080 ? ` --port ${port}` : ''}`,
      en: `listening on ${host} only: phones cannot reach it. For phones: haze serve --host ${lan ?? "<this PC's LAN address>"}${port !== 8080 ? ` --port ${port}` : ''}`,
    });
  }
  if (!readStore(town.ws, hasOfficeUsers, false))
    voice.warn({
      zh: '还没有设置办公室密码，办公室页面无法登录：先运行 haze serve --set-password',
      en: 'no office password is set, so the office view cannot be signed in to: run haze serve --set-password first',
    });
  if (!https)
    voice.warn({
      zh: '未用 HTTPS：手机不能取定位，断网时也不能重新打开页面（已打开的页面照常录入、联网后再发送）。需要时用 --tls 证书.pem 私钥.pem',
      en: 'not HTTPS: phones cannot give their position, nor reopen the page offline (a page already open keeps entries and sends them later). For those: --tls CERT.pem KEY.pem',
    });
  voice.say({ zh: '按 Ctrl-C 停止', en: 'Ctrl-C stops it' });
}
