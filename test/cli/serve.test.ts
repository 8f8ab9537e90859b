/**
 * `haze serve` as a user runs it: the built CLI spawned in a served workspace, its addresses and group links
 * read from stdout, the server asked over a socket, stopped with Ctrl-C; its TLS, its password and its tokens.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { findToken, listTokens } from '../../src/io/store/serveTokens.js';
import { checkPassword } from '../../src/io/store/serveUsers.js';
import { resolveWorkspace } from '../../src/io/read/workspace.js';
import { readStore } from '../../src/workflow/storeDoor.js';
import { servedWorkspace } from '../helpers/serve.js';
import { HAZE, haze, tempDir } from '../helpers/runHaze.js';

const NOW = '2019-12-08 15:00';
const env = { HAZE_NOW: NOW, HAZE_LANG: 'en' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(args: string[], cwd: string): Running {
  const child = spawn(process.execPath, [HAZE, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Wait until stdout holds what is wanted (or the process ended). */
async function until(r: Running, done: (out: string) => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  let ended = false;
  void r.exited.then(() => (ended = true));
  while (!done(r.stdout())) {
    if (ended) throw new Error(`haze serve ended early:\n${r.stdout()}\n${r.stderr()}`);
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting:\n${r.stdout()}\n${r.stderr()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

const linksIn = (out: string) => [...out.matchAll(/^(https?:\/\/\S+)\/g\/(\S+)$/gm)].map((m) => ({ base: m[1]!, token: m[2]! }));
const storeOf = (dir: string) => resolveWorkspace({ cwd: dir });

let dir: string;
beforeAll(() => {
  dir = servedWorkspace();
}, 60_000);

describe('haze serve', () => {
  test('prints the office address and a link per group for today; 404 JSON; Ctrl-C ends it with 0', async () => {
    const port = await freePort();
    const r = start(['serve', '--port', String(port)], dir);
    try {
      await until(r, (out) => linksIn(out).length === 3 && r.stderr().includes('Ctrl-C'));
      expect(r.stdout().split('\n')[0]).toBe(`http://127.0.0.1:${port}/office`);
      const nope = await fetch(`http://127.0.0.1:${port}/nope`);
      expect(nope.status).toBe(404);
      expect(await nope.json()).toEqual({ error: 'not_found' });
      // Not a terminal: the links without QR art (a script reads them).
      expect(r.stdout()).not.toMatch(/[▀▄█]/);
      const links = linksIn(r.stdout());
      expect(links.every((l) => l.base === `http://127.0.0.1:${port}`)).toBe(true);
      const found = readStore(storeOf(dir), (db) => links.map((l) => findToken(db, l.token)), []);
      expect(found.map((t) => [t?.groupId, t?.fromDate, t?.toDate, t?.label])).toEqual([
        ['1', '2019-12-08', '2019-12-08', 'serve'],
        ['2', '2019-12-08', '2019-12-08', 'serve'],
        ['3', '2019-12-08', '2019-12-08', 'serve'],
      ]);
      // The link opens the inspector's page: the token is good.
      const page = await fetch(`http://127.0.0.1:${port}/g/${links[0]!.token}`);
      expect(page.status).toBe(200);
      // Each group's visits today, said on stderr, are the ones its link's day holds (the plan of record).
      const said =
        /visits: (.+?)\), to scan/
          .exec(r.stderr())?.[1]
          ?.split(', ')
          .map((c) => Number(c.split(' ').pop())) ?? [];
      const days = await Promise.all(
        links.map(async (l) => ((await (await fetch(`http://127.0.0.1:${port}/api/g/${l.token}/day`)).json()) as { visits: unknown[] }).visits.length),
      );
      expect(days.every((n) => n > 0)).toBe(true);
      expect(said).toEqual(days);
      // What the office should know, on stderr.
      expect(r.stderr()).toContain('phones cannot reach it');
      expect(r.stderr()).toMatch(/haze serve --host \S+ --port \d+/);
      expect(r.stderr()).toContain('haze serve --set-password');
      expect(r.stderr()).toContain('--tls');
    } finally {
      r.child.kill('SIGINT');
    }
    expect(await r.exited).toBe(0);
  });

  test('a day with no alert in force: it still starts, and says how links are made', async () => {
    const port = await freePort();
    // The alert was issued 2019-12-08 14:00: on the 7th none is in force.
    const r2 = spawn(process.execPath, [HAZE, 'serve', '--port', String(port)], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HAZE_LANG: 'en', HAZE_NOW: '2019-12-07 09:00' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    r2.stdout.on('data', (d: Buffer) => (out += d.toString()));
    r2.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((res) => r2.on('exit', res));
    const t0 = Date.now();
    while (!err.includes('Ctrl-C') && Date.now() - t0 < 20_000) await new Promise((res) => setTimeout(res, 50));
    r2.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toBe(`http://127.0.0.1:${port}/office\n`);
    expect(err).toContain('no alert is in force today (2019-12-07)');
    expect(err).toContain('haze serve tokens make');
  });

  test('a port in use: exit 69 and the message', async () => {
    const blocker = createServer();
    await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', () => res()));
    const addr = blocker.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    try {
      const r = haze(['serve', '--port', String(port)], { cwd: dir, env });
      expect(r.status).toBe(69);
      expect(r.stderr).toContain(`port ${port} is in use`);
      expect(r.stdout).toBe('');
    } finally {
      blocker.close();
    }
  });

  test('no workspace: exit 66', () => {
    const r = haze(['serve', '--port', '1'], { cwd: tempDir(), env });
    expect(r.status).toBe(66);
    expect(r.stderr).toContain('no workspace');
  });

  test('--tls with a missing file: 66 naming it; a file that is not PEM: 78; one file only: 64', () => {
    const t = tempDir();
    const missing = haze(['serve', '--port', '1', '--tls', join(t, 'cert.pem'), join(t, 'key.pem')], { cwd: dir, env });
    expect(missing.status).toBe(66);
    expect(missing.stderr).toContain(join(t, 'cert.pem'));
    writeFileSync(join(t, 'junk.pem'), 'not a certificate');
    const junk = haze(['serve', '--port', '1', '--tls', join(t, 'junk.pem'), join(t, 'junk.pem')], { cwd: dir, env });
    expect(junk.status).toBe(78);
    expect(junk.stderr).toContain('not a PEM file');
    expect(haze(['serve', '--tls', join(t, 'junk.pem')], { cwd: dir, env }).status).toBe(64);
  });

  test('--tls with a self-signed certificate: HTTPS answers, and the links are https', async () => {
    const t = tempDir();
    const cert = join(t, 'cert.pem');
    const key = join(t, 'key.pem');
    const gen = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', key, '-out', cert], {
      encoding: 'utf8',
    });
    if (gen.status !== 0 || !existsSync(cert)) throw new Error(`openssl: ${gen.stderr}`);
    const port = await freePort();
    const r = start(['serve', '--port', String(port), '--tls', cert, key], dir);
    try {
      await until(r, (out) => linksIn(out).length === 3);
      expect(r.stdout().split('\n')[0]).toBe(`https://127.0.0.1:${port}/office`);
      expect(linksIn(r.stdout()).every((l) => l.base.startsWith('https://'))).toBe(true);
      expect(r.stderr()).not.toContain('not HTTPS');
      const got = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpsRequest({ host: '127.0.0.1', port, path: '/nope', rejectUnauthorized: false }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(got.status).toBe(404);
      expect(JSON.parse(got.body)).toEqual({ error: 'not_found' });
      // Plain HTTP to the HTTPS port is not served.
      await expect(fetch(`http://127.0.0.1:${port}/nope`).then((x) => x.status)).rejects.toThrow();
    } finally {
      r.child.kill('SIGINT');
    }
    expect(await r.exited).toBe(0);
  });
});

describe('haze serve --set-password', () => {
  test('piped: the first line is the password; nothing on stdout; it does not start the server', () => {
    const r = haze(['serve', '--set-password'], { cwd: dir, env, input: 'correct horse\nsecond line\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the password of office is set');
    const ws = storeOf(dir);
    expect(readStore(ws, (db) => checkPassword(db, 'office', 'correct horse'), false)).toBe(true);
    expect(readStore(ws, (db) => checkPassword(db, 'office', 'second line'), false)).toBe(false);
    const named = haze(['serve', '--set-password', '--user', 'zhang'], { cwd: dir, env, input: 'zhang-pass-1' });
    expect(named.status).toBe(0);
    expect(readStore(ws, (db) => checkPassword(db, 'zhang', 'zhang-pass-1'), false)).toBe(true);
  });

  test('too short: 64, and the password is unchanged', () => {
    const r = haze(['serve', '--set-password'], { cwd: dir, env, input: 'short\n' });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('at least 8');
    expect(readStore(storeOf(dir), (db) => checkPassword(db, 'office', 'short'), true)).toBe(false);
  });
});

describe('haze serve tokens', () => {
  test('make, list, revoke: a round trip', () => {
    const made = haze(
      ['serve', 'tokens', 'make', '--group', 'all', '--from', '2019-12-08', '--to', '2019-12-09', '--label', 'cover', '--url', 'http://192.168.1.20:8080/'],
      {
        cwd: dir,
        env,
      },
    );
    expect(made.status).toBe(0);
    const links = linksIn(made.stdout);
    expect(links).toHaveLength(3);
    expect(links.every((l) => l.base === 'http://192.168.1.20:8080')).toBe(true);
    const ws = storeOf(dir);
    const rows = readStore(ws, (db) => links.map((l) => findToken(db, l.token)), []);
    expect(rows.map((t) => [t?.groupId, t?.fromDate, t?.toDate, t?.label])).toEqual([
      ['1', '2019-12-08', '2019-12-09', 'cover'],
      ['2', '2019-12-08', '2019-12-09', 'cover'],
      ['3', '2019-12-08', '2019-12-09', 'cover'],
    ]);

    const one = haze(['serve', 'tokens', 'make', '--group', '2', '--date', '2019-12-09', '--url', 'http://10.0.0.5:8080'], { cwd: dir, env });
    expect(one.status).toBe(0);
    const [single] = linksIn(one.stdout);
    expect(readStore(ws, (db) => findToken(db, single!.token), null)).toMatchObject({ groupId: '2', fromDate: '2019-12-09', toDate: '2019-12-09' });

    const listed = haze(['serve', 'tokens', '--format', 'json'], { cwd: dir, env });
    expect(listed.status).toBe(0);
    const json = JSON.parse(listed.stdout) as { id: string; group: string; from: string; to: string; label: string; created: string; revoked: string | null }[];
    const ids = rows.map((t) => t!.id);
    expect(
      json
        .filter((x) => ids.includes(x.id))
        .map((x) => [x.group, x.from, x.to, x.label, x.revoked])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['1', '2019-12-08', '2019-12-09', 'cover', null],
      ['2', '2019-12-08', '2019-12-09', 'cover', null],
      ['3', '2019-12-08', '2019-12-09', 'cover', null],
    ]);
    expect(haze(['serve', 'tokens', 'list', '--format', 'csv'], { cwd: dir, env }).stdout.split('\n')[0]).toBe('id,group,from,to,label,created,revoked');

    // An unknown id among them: 65 naming it, nothing revoked.
    const bad = haze(['serve', 'tokens', 'revoke', ids[0]!, 'zzzzzzzz'], { cwd: dir, env });
    expect(bad.status).toBe(65);
    expect(bad.stderr).toContain('zzzzzzzz');
    expect(readStore(ws, (db) => findToken(db, links[0]!.token)?.id, null)).toBe(ids[0]);

    const ok = haze(['serve', 'tokens', 'revoke', ids[0]!], { cwd: dir, env });
    expect(ok.status).toBe(0);
    expect(readStore(ws, (db) => findToken(db, links[0]!.token)?.id ?? 'revoked', 'no store')).toBe('revoked');
    expect(readStore(ws, (db) => findToken(db, links[1]!.token)?.id, null)).toBe(ids[1]);
    expect(readStore(ws, (db) => listTokens(db).find((t) => t.id === ids[0])?.revokedAt, null)).toEqual(expect.any(String));
  });

  test('make without --url nor serve.url: 64 saying to give --url; haze.yaml serve.url is used', () => {
    const own = servedWorkspace();
    const r = haze(['serve', 'tokens', 'make', '--group', '1'], { cwd: own, env });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('--url');
    const yaml = join(own, 'haze.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}serve: { url: "http://192.168.7.7:8080" }\n`);
    const r2 = haze(['serve', 'tokens', 'make', '--group', '1'], { cwd: own, env });
    expect(r2.status).toBe(0);
    const [l] = linksIn(r2.stdout);
    expect(l!.base).toBe('http://192.168.7.7:8080');
    // Today by the CLI's clock (HAZE_NOW).
    expect(readStore(storeOf(own), (db) => findToken(db, l!.token), null)).toMatchObject({ groupId: '1', fromDate: '2019-12-08', toDate: '2019-12-08' });
  });
});
