import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HAZE_APPLICATION_ID } from '../../src/io/store/db.js';
import { MIGRATIONS } from '../../src/io/store/migrations.js';
import { HAZE, haze, tempDir } from '../helpers/runHaze.js';

// Enterprises of the sample town (data/xuebu/enterprises.csv).
const CODES = ['91320413MA36HN011B', '91320413554494321E', '91320413071301847A'];
const SOURCE = '苏大气办〔2019〕12号';

function findingsFile(dir: string, name: string, tag: string): string {
  writeFileSync(join(dir, name), ['date,credit_code,problem,source', ...CODES.map((c, j) => `2019-12-08,${c},问题 ${tag}-${j},${SOURCE}`)].join('\n'));
  return name;
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every table's rows, in a stable order: two stores hold the same when these are equal. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    // A WITHOUT ROWID table (meter_readings) has no rowid: its rows by their key (the first two columns).
    const order = (name: string) => ((db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').pluck().get(name) as number) ? '1, 2' : 'rowid');
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${order(name)}`).all()]));
  } finally {
    db.close();
  }
}

/** A copy is consistent when it passes SQLite's check and every findings import holds exactly its rows. */
function consistency(file: string): { check: string; appId: number; version: number; imports: number; findings: number; torn: number } {
  const db = new Database(file, { readonly: true });
  try {
    const torn = db
      .prepare("SELECT count(*) AS n FROM imports i WHERE i.kind = 'findings' AND i.rows <> (SELECT count(*) FROM findings f WHERE f.import_id = i.id)")
      .get() as { n: number };
    return {
      check: db.pragma('quick_check', { simple: true }) as string,
      appId: db.pragma('application_id', { simple: true }) as number,
      version: db.pragma('user_version', { simple: true }) as number,
      imports: (db.prepare("SELECT count(*) AS n FROM imports WHERE kind = 'findings'").get() as { n: number }).n,
      findings: (db.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n,
      torn: torn.n,
    };
  } finally {
    db.close();
  }
}

describe('haze db backup', () => {
  const dir = tempDir();
  const run = (...args: string[]) => haze(args, { cwd: dir });
  const store = join(dir, 'haze.db');
  beforeAll(() => {
    expect(run('findings', 'import', findingsFile(dir, 'seed.csv', 'seed')).status).toBe(0);
  });

  test('writes a valid copy with the same rows, as one self-contained file', () => {
    const r = run('db', 'backup', 'copy.db');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`已备份 ${store} → ${join(dir, 'copy.db')}：结构版本 ${MIGRATIONS.length}，`);
    expect(r.stderr).toContain('findings 3, gate_movements 0, imports 1');
    expect(dump(join(dir, 'copy.db'))).toEqual(dump(store));
    expect(consistency(join(dir, 'copy.db'))).toEqual({
      check: 'ok',
      appId: HAZE_APPLICATION_ID,
      version: MIGRATIONS.length,
      imports: 1,
      findings: 3,
      torn: 0,
    });
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    // Nothing else was left beside it: no temporary file, no -wal or -journal.
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('copy.db') || f.includes('.tmp'))
        .sort(),
    ).toEqual(['copy.db']);
    // The copy is a store haze opens.
    const listed = haze(['--db', 'copy.db', 'findings', 'list', '--format', 'csv'], { cwd: dir });
    expect(listed.stdout.split('\n').length).toBe(5);
  });

  test('a later backup replaces the earlier one whole, and says so', () => {
    expect(run('findings', 'import', findingsFile(dir, 'more.csv', 'more')).status).toBe(0);
    const r = run('db', 'backup', 'copy.db', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(` (replacing the file there): schema ${MIGRATIONS.length}`);
    expect(consistency(join(dir, 'copy.db')).findings).toBe(6);
  });

  test("into a folder: the copy takes the store's name", () => {
    mkdirSync(join(dir, 'backups'));
    expect(run('db', 'backup', 'backups').status).toBe(0);
    expect(dump(join(dir, 'backups', 'haze.db'))).toEqual(dump(store));
  });

  test('onto the store itself (by its name, through a symlink, or onto its -wal) is refused with exit 73', () => {
    symlinkSync(store, join(dir, 'link.db'));
    const before = sha(store);
    for (const dest of ['haze.db', 'link.db', 'haze.db-wal', dir]) {
      const r = run('db', 'backup', dest);
      expect([dest, r.status]).toEqual([dest, 73]);
      expect(r.stderr).toContain(`不能备份到数据库自身（${store}），未做任何改动`);
    }
    expect(sha(store)).toBe(before);
  });

  test('an unwritable destination exits 73 and leaves nothing behind', () => {
    for (const dest of [join('no-such-folder', 'x.db'), join('seed.csv', 'x.db')]) {
      const r = run('db', 'backup', dest);
      expect([dest, r.status]).toEqual([dest, 73]);
      expect(r.stderr).toContain('无法写入备份');
    }
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('without a store there is nothing to back up: exit 66, nothing created', () => {
    const fresh = tempDir();
    const r = haze(['db', 'backup', 'copy.db'], { cwd: fresh });
    expect(r.status).toBe(66);
    expect(readdirSync(fresh)).toEqual([]);
  });

  test('a store of an older schema is copied as it is, not upgraded first (a backup before an upgrade)', () => {
    const old = tempDir();
    const v1 = new Database(join(old, 'haze.db'));
    v1.pragma(`application_id = ${HAZE_APPLICATION_ID}`);
    v1.exec(MIGRATIONS[0]!);
    v1.prepare("INSERT INTO alert_events (kind, level, at, recorded_at) VALUES ('issue', 'orange', '2019-12-08 14:00', '2019-12-08T06:00:00Z')").run();
    v1.pragma('user_version = 1');
    v1.close();
    const r = haze(['db', 'backup', 'copy.db'], { cwd: old });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('：结构版本 1，');
    for (const f of ['haze.db', 'copy.db']) {
      const db = new Database(join(old, f), { readonly: true });
      expect([f, db.pragma('user_version', { simple: true }), (db.prepare('SELECT count(*) AS n FROM alert_events').get() as { n: number }).n]).toEqual([
        f,
        1,
        1,
      ]);
      db.close();
    }
  });

  test('db info: schema version and rows per table', () => {
    const r = run('db', 'info', '--format', 'json');
    expect(r.status).toBe(0);
    const info = JSON.parse(r.stdout) as { schema_version: number; tables: Record<string, number> };
    expect(info.schema_version).toBe(MIGRATIONS.length);
    expect(info.tables).toEqual({
      alert_events: 0,
      evidence_imports: 0,
      findings: 6,
      gate_movements: 0,
      imports: 2,
      inspection_versions: 0,
      inspections: 0,
      meter_points: 0,
      meter_readings: 0,
      phone_entries: 0,
      photos: 0,
      plan_of_record: 0,
      planned_routes: 0,
      planned_visits: 0,
      plans: 0,
      point_treatment: 0,
      results: 0,
      serve_tokens: 0,
      serve_users: 0,
      visit_photos: 0,
    });
  });

  test('while three other processes keep importing, every copy opens and is consistent', async () => {
    const busy = tempDir();
    expect(haze(['findings', 'import', findingsFile(busy, 'seed.csv', 'seed')], { cwd: busy }).status).toBe(0);
    const writers = [0, 1, 2].map((w) => {
      const files = [0, 1, 2, 3, 4, 5].map((k) => findingsFile(busy, `w${w}-${k}.csv`, `${w}-${k}`));
      // Each writer imports its files one after another and notes any failure; a marker says it is done.
      const script = `for f in ${files.join(' ')}; do "${process.execPath}" "${HAZE}" findings import "$f" 2>/dev/null || echo "$f $?" >> failed-${w}; done; touch done-${w}`;
      const child = spawn('bash', ['-c', script], {
        cwd: busy,
        stdio: 'ignore',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
      });
      return new Promise<number | null>((res) => child.on('exit', res));
    });
    const done = () => [0, 1, 2].every((w) => existsSync(join(busy, `done-${w}`)));
    const copies: ReturnType<typeof consistency>[] = [];
    let during = 0;
    for (let i = 0; !done() || i === 0; i++) {
      const r = haze(['db', 'backup', `copy-${i}.db`], { cwd: busy });
      expect([i, r.status, r.stderr.includes('已备份') ? '' : r.stderr]).toEqual([i, 0, '']);
      copies.push(consistency(join(busy, `copy-${i}.db`)));
      if (!done()) during++;
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(await Promise.all(writers)).toEqual([0, 0, 0]);
    expect(readdirSync(busy).filter((f) => f.startsWith('failed-'))).toEqual([]);
    expect(during).toBeGreaterThan(0);
    for (const [i, c] of copies.entries()) {
      // Whole imports only: a copy never holds part of a file.
      expect([i, c.check, c.appId, c.version, c.torn, c.findings]).toEqual([i, 'ok', HAZE_APPLICATION_ID, MIGRATIONS.length, 0, 3 * c.imports]);
    }
    // Copies taken later never hold less.
    expect(copies.map((c) => c.imports)).toEqual([...copies.map((c) => c.imports)].sort((a, b) => a - b));
    const last = haze(['db', 'backup', 'final.db'], { cwd: busy });
    expect(last.status).toBe(0);
    expect(consistency(join(busy, 'final.db'))).toEqual({
      check: 'ok',
      appId: HAZE_APPLICATION_ID,
      version: MIGRATIONS.length,
      imports: 19,
      findings: 57,
      torn: 0,
    });
    expect(dump(join(busy, 'final.db'))).toEqual(dump(join(busy, 'haze.db')));
  }, 180_000);
});

describe('a corrupt or foreign haze.db is refused and never overwritten', () => {
  const csv = (dir: string) => findingsFile(dir, 'f.csv', 'x');

  test('random text: exit 74 for findings import, list, close and db backup; the file unchanged', () => {
    const dir = tempDir();
    const file = join(dir, 'haze.db');
    writeFileSync(file, 'this is not a database, just some text someone saved as haze.db\n'.repeat(40));
    const before = sha(file);
    for (const args of [
      ['findings', 'import', csv(dir)],
      ['findings', 'list'],
      ['findings', 'close', '1', '--note', 'x'],
      ['db', 'backup', 'copy.db'],
      ['db', 'info'],
    ]) {
      const r = haze(args, { cwd: dir });
      expect([args[0], args[1], r.status]).toEqual([args[0], args[1], 74]);
      expect(r.stderr).toContain(`haze: ${file}: ${file} 不是 SQLite 数据库（文件损坏或不是 haze.db），未做任何改动`);
      expect(r.stderr).toContain('提示: 从备份恢复（haze db backup），或用 --db 指定另一个文件');
    }
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['f.csv', 'haze.db']);
  });

  test("another program's SQLite file: exit 78; the file unchanged", () => {
    const dir = tempDir();
    const file = join(dir, 'haze.db');
    const other = new Database(file);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('张三');");
    other.close();
    const before = sha(file);
    for (const args of [
      ['findings', 'import', csv(dir)],
      ['findings', 'list'],
      ['findings', 'close', '1', '--note', 'x'],
      ['db', 'backup', 'copy.db'],
    ]) {
      const r = haze([...args, '--lang', 'en'], { cwd: dir });
      expect([args[0], args[1], r.status]).toEqual([args[0], args[1], 78]);
      expect(r.stderr).toContain(`${file} is not a haze store (another program's SQLite database); left untouched`);
    }
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['f.csv', 'haze.db']);
  });
});
