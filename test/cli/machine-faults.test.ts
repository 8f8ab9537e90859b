/**
 * The machine's faults in the user's words: a read-only store or folder (73), a full disk (74), a YAML alias
 * bomb (78), inputs without end (65 / 78) — each without a stack, with the store as it was. Where permissions
 * matter the command runs as an ordinary user (nobody, when the tests run as root, as CI does).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAZE, haze, hazeShell, tempDir, type Run } from '../helpers/runHaze.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Run haze as an ordinary user: nobody when we are root (root ignores permissions), else ourselves. */
function hazeAsUser(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [HAZE, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', NO_COLOR: '1' },
    encoding: 'utf8',
    ...(ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function noStack(r: Run): void {
  expect(r.stderr).not.toMatch(/内部错误|internal error|\n\s+at /);
}

/** A workspace with an alert recorded, readable by the ordinary user. */
function workspace(): string {
  const dir = tempDir();
  chmodSync(dir, 0o777);
  expect(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: dir }).status).toBe(0);
  chmodSync(join(dir, 'haze.db'), 0o666);
  return dir;
}

describe('a read-only store or folder: 73, nothing changed', () => {
  test('the store file is read-only', () => {
    const dir = workspace();
    chmodSync(join(dir, 'haze.db'), 0o444);
    const before = sha(join(dir, 'haze.db'));
    const r = hazeAsUser(['alert', 'change', 'red', '--at', '2019-12-09 08:00'], dir);
    expect(r.status).toBe(73);
    expect(r.stderr).toMatch(/无法写入数据库 .*haze\.db：只读/);
    noStack(r);
    expect(sha(join(dir, 'haze.db'))).toBe(before);
  });

  test('the folder is read-only, with a store in it', () => {
    const dir = workspace();
    const before = sha(join(dir, 'haze.db'));
    chmodSync(dir, 0o555);
    const r = hazeAsUser(['alert', 'change', 'red', '--at', '2019-12-09 08:00'], dir);
    chmodSync(dir, 0o777);
    expect(r.status).toBe(73);
    expect(r.stderr).toContain('只读');
    noStack(r);
    expect(sha(join(dir, 'haze.db'))).toBe(before);
  });

  test('the folder is read-only and has no store yet', () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const r = hazeAsUser(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], dir);
    chmodSync(dir, 0o777);
    expect(r.status).toBe(73);
    expect(r.stderr).toContain('只读');
    noStack(r);
    expect(existsSync(join(dir, 'haze.db'))).toBe(false);
  });
});

// A full disk needs a small file system of its own: a tmpfs, which only root may mount.
(ROOT ? describe : describe.skip)('a full disk: 74, nothing changed', () => {
  const mnt = tempDir();
  let mounted = false;
  beforeAll(() => {
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=320k', 'tmpfs', mnt]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
  });

  test('recording a change of the alert on a full disk', () => {
    if (!mounted) return void process.stderr.write('machine-faults: tmpfs could not be mounted here; the full-disk case was not run\n');
    const src = workspace();
    cpSync(join(src, 'haze.db'), join(mnt, 'haze.db'));
    const before = sha(join(mnt, 'haze.db'));
    // Fill what is left.
    spawnSync('sh', ['-c', `dd if=/dev/zero of=${join(mnt, 'fill')} bs=4k 2>/dev/null`]);
    const r = haze(['alert', 'change', 'red', '--at', '2019-12-09 08:00'], { cwd: mnt });
    expect(r.status).toBe(74);
    expect(r.stderr).toContain('磁盘已满');
    noStack(r);
    expect(sha(join(mnt, 'haze.db'))).toBe(before);
  });
});

describe('config that would exhaust the machine: 78 with the file and line', () => {
  test('a YAML alias bomb in groups.yaml', () => {
    const dir = tempDir();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    writeFileSync(join(dir, 'bomb.yaml'), `${bomb.join('\n')}\n`);
    const r = haze(['--groups', 'bomb.yaml', 'plan', '--date', '2019-12-08'], { cwd: dir });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/bomb\.yaml:2: .*别名展开过多/);
    noStack(r);
  });

  test('--groups /dev/zero stops at the config bound', () => {
    const r = haze(['--groups', '/dev/zero', 'plan', '--date', '2019-12-08']);
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('/dev/zero 超过 1 MB');
  });
});

describe('inputs without end are refused, bounded', () => {
  test('record /dev/zero: 65', () => {
    const r = haze(['record', '/dev/zero', '--inspectors', '王建国']);
    expect(r.status).toBe(65);
    expect(r.stderr).toContain('/dev/zero 超过 64 MB');
    noStack(r);
  });

  test('findings import - fed from /dev/zero: 65', () => {
    const dir = tempDir();
    const r = hazeShell('haze findings import - < /dev/zero', dir);
    expect(r.status).toBe(65);
    expect(r.stderr).toContain('超过 64 MB');
  });
});

describe('a store folder that is not there', () => {
  test('--db in a folder that does not exist: 74, naming the folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'w'));
    const r = haze(['--db', join(dir, 'missing', 'haze.db'), 'alert', 'issue', 'orange', '--at', '2019-12-08 14:00'], { cwd: join(dir, 'w') });
    expect(r.status).toBe(74);
    expect(r.stderr).toContain(`文件夹 ${join(dir, 'missing')} 不存在`);
    noStack(r);
  });
});
