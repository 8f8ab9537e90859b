/**
 * The store is never an output: -o onto the store, its -wal, a link to it or the same file by another path is
 * refused with 73 and the store is byte for byte as before. Devices and FIFOs are written into, never renamed
 * over; a folder or a socket is refused. A property test points random commands' -o at random paths of a workspace.
 */
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { haze, tempDir } from '../helpers/runHaze.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A workspace with a store that holds an alert and a plan of record. */
function workspace(): string {
  const dir = tempDir();
  expect(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir }).status).toBe(0);
  expect(haze(['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv'], { cwd: dir }).status).toBe(0);
  mkdirSync(join(dir, 'out'));
  symlinkSync(join(dir, 'haze.db'), join(dir, 'link.db'));
  return dir;
}

describe('-o never writes onto the store', () => {
  const dir = workspace();
  const before = sha(join(dir, 'haze.db'));

  test.each([['haze.db'], ['./out/../haze.db'], ['link.db']])('-o %s: exit 73, the store as before', (target) => {
    const r = haze(['report', '--format', 'csv', '-o', target], { cwd: dir });
    expect(r.status).toBe(73);
    expect(r.stderr).toContain('就是工作区数据库');
    expect(r.stdout).toBe('');
    expect(sha(join(dir, 'haze.db'))).toBe(before);
    expect(haze(['alert', 'status', '--at', '2019-12-08 15:00'], { cwd: dir }).stdout).toContain('橙色');
  });

  test('--db named another way still protects the store it names', () => {
    const r = haze(['--db', join(dir, 'haze.db'), 'alert', 'history', '--format', 'csv', '-o', join(dir, 'link.db')], { cwd: tempDir() });
    expect(r.status).toBe(73);
    expect(sha(join(dir, 'haze.db'))).toBe(before);
  });

  test('a folder is refused with 73; nothing is written into it', () => {
    const r = haze(['report', '--format', 'csv', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(73);
    expect(r.stderr).toContain('是文件夹');
  });
});

describe('devices are written into, never replaced', () => {
  test('-o /dev/null: exit 0 and /dev/null is still a character device', () => {
    const r = haze(['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv', '-o', '/dev/null']);
    expect(r.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('-o /dev/full: disk full, 74, and /dev/full is still a device', () => {
    const r = haze(['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv', '-o', '/dev/full']);
    expect(r.status).toBe(74);
    expect(r.stderr).toContain('磁盘已满');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  test('-o a FIFO: the plan goes through it to its reader, and it is still a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (c: Buffer) => (read += c.toString('utf8')));
    const closed = new Promise((ok) => reader.on('close', ok));
    const args = ['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv'];
    const r = haze([...args, '-o', fifo]);
    await closed;
    expect(r.status).toBe(0);
    expect(read).toBe(haze(args).stdout);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']); // no temporary file left beside it
  });

  test('-o a socket: 73, said in words, and the socket is still there for its server', async () => {
    const dir = tempDir();
    const sock = join(dir, 'app.sock');
    const server = createServer().listen(sock);
    await new Promise((ok) => server.once('listening', ok));
    try {
      const r = haze(['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv', '-o', sock]);
      expect(r.status).toBe(73);
      expect(r.stderr).toContain('是套接字');
      expect(lstatSync(sock).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('property: -o at any path of a workspace never harms the store', () => {
  test('random commands, random targets', () => {
    const dir = workspace();
    // Names that say no format: the commands write CSV and JSON alike into them (a .csv name would refuse JSON).
    writeFileSync(join(dir, 'old.out'), 'kept\n');
    // The -wal exists while a store is open; make sure one is there to aim at.
    const targets = ['haze.db', 'haze.db-wal', 'haze.db-shm', 'link.db', 'out', './out/../haze.db', 'old.out', 'new.out', '/dev/null'];
    const commands = [
      ['report', '--format', 'csv'],
      ['alert', 'history', '--format', 'json'],
      ['plan', '--date', '2019-12-08', '--days', '1', '--format', 'csv'],
      ['measures', '--format', 'json'],
    ];
    const before = sha(join(dir, 'haze.db'));
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.constantFrom(...targets), (cmd, target) => {
        const r = haze([...cmd, '-o', target], { cwd: dir });
        const onStore = ['haze.db', 'haze.db-wal', 'haze.db-shm', 'link.db', './out/../haze.db'].includes(target);
        if (onStore || target === 'out') expect(r.status).toBe(73);
        else expect(r.status).toBe(0);
        expect(sha(join(dir, 'haze.db'))).toBe(before);
        expect(statSync(join(dir, 'out')).isDirectory()).toBe(true);
      }),
      { numRuns: 14, seed: 11 },
    );
    expect(haze(['alert', 'status', '--at', '2019-12-08 15:00'], { cwd: dir }).stdout).toContain('橙色');
  });
});
