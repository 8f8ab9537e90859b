/**
 * importResults on a real store: what --replace means (the store ends up saying what the file says, with
 * every earlier state in history), what "already imported" means (the same content, not the same bytes),
 * and the upgrade of a version-2 store to the schema that makes this possible.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedVisit, Result } from '../../../src/core/records.js';
import { HAZE_APPLICATION_ID, openStore, type Store } from '../../../src/io/store/db.js';
import { MIGRATIONS } from '../../../src/io/store/migrations.js';
import { importResults, type ImportRequest } from '../../../src/io/store/records.js';
import { tempDir } from '../../helpers/runHaze.js';

const CODE = '91320413MA36HN011B';
const AT = (hhmm: string) => ({ date: '2019-12-09', minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });

/** One visit on 2019-12-09 by group 1: the board item as given, two more items ok. */
function visit(board: Result, opts: { note?: string; checkedAt?: string; inspectors?: string } = {}): RecordedVisit {
  return {
    date: '2019-12-09',
    groupId: '1',
    seq: 1,
    creditCode: CODE,
    name: '常州某化工有限公司',
    inspectors: opts.inspectors ?? '王建国,李明',
    checkedAt: AT(opts.checkedAt ?? '16:00'),
    planned: true,
    items: [
      { itemId: 'board', item: '公示牌', result: board, note: opts.note ?? (board === 'violation' ? '未公示' : ''), row: 2 },
      { itemId: 'stopped', item: '停产', result: 'ok', note: '', row: 3 },
      { itemId: 'trucks', item: '运输车辆', result: 'ok', note: '', row: 4 },
    ],
  };
}

function record(db: Store, visits: RecordedVisit[], replace: boolean, fileName = 'f.csv') {
  const req: ImportRequest = { fileName, sha256: `bytes of ${fileName}`, visits, replace, recordedAt: '2019-12-09T09:00:00.000Z' };
  return importResults(db, req);
}

const freshStore = (): Store => openStore(join(tempDir(), 'haze.db'), { create: true })!;
const all = <T>(db: Store, sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
const n = (db: Store, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('importResults: --replace makes the store say what the file says', () => {
  test('back to an earlier file: the violation is current again, both earlier states kept in history', () => {
    const db = freshStore();
    // A provincial finding from the day before: a clean check on 12-09 closes it.
    db.prepare("INSERT INTO findings (date, credit_code, problem, source) VALUES ('2019-12-08', ?, '夜间生产', '省厅暗查通报')").run(CODE);
    const finding = () => db.prepare('SELECT status, closed_by_inspection FROM findings').get() as { status: string; closed_by_inspection: number | null };

    expect(record(db, [visit('violation')], false, 'f.csv')).toMatchObject({ kind: 'done', newVisits: 1, newResults: 3, replaced: 0 });
    expect(finding().status).toBe('open');
    expect(record(db, [visit('ok')], true, 'corrected.csv')).toMatchObject({ kind: 'done', newResults: 0, unchanged: 2, replaced: 1, findingsClosed: 1 });
    expect(finding().status).toBe('closed');
    // f.csv was imported before, but the store no longer says what it says: --replace corrects it back.
    const back = record(db, [visit('violation')], true, 'f.csv');
    expect(back).toMatchObject({ kind: 'done', newVisits: 0, newResults: 0, unchanged: 2, replaced: 1, visitsCorrected: 0 });

    const board = all<{ result: string; note: string; import_id: number; superseded_by: number | null }>(
      db,
      "SELECT result, note, import_id, superseded_by FROM results WHERE item_id = 'board' ORDER BY id",
    );
    expect(board).toEqual([
      { result: 'violation', note: '未公示', import_id: 1, superseded_by: 2 },
      { result: 'ok', note: '', import_id: 2, superseded_by: 3 },
      { result: 'violation', note: '未公示', import_id: 3, superseded_by: null },
    ]);
    // Three imports, the first and the last of the same content.
    const imports = all<{ file_name: string; replace: number; fingerprint: string }>(db, 'SELECT file_name, replace, fingerprint FROM imports ORDER BY id');
    expect(imports.map((i) => [i.file_name, i.replace])).toEqual([
      ['f.csv', 0],
      ['corrected.csv', 1],
      ['f.csv', 1],
    ]);
    expect(imports[2]!.fingerprint).toBe(imports[0]!.fingerprint);
    expect(imports[1]!.fingerprint).not.toBe(imports[0]!.fingerprint);
    // The finding the correction closed stays closed: a violation recorded again does not reopen it.
    expect(finding()).toEqual({ status: 'closed', closed_by_inspection: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  test('the same content twice: "already" without --replace; with it, nothing new and no import row', () => {
    const db = freshStore();
    expect(record(db, [visit('violation')], false, 'f.csv').kind).toBe('done');
    // Other bytes (another file name, items in another order), the same content: already imported.
    const shuffled = visit('violation');
    shuffled.items.reverse();
    expect(record(db, [shuffled], false, 'f-copy.xlsx')).toEqual({ kind: 'already', importedAt: '2019-12-09T09:00:00.000Z' });
    expect(record(db, [visit('violation')], true, 'f.csv')).toEqual({
      kind: 'done',
      importId: null,
      newVisits: 0,
      newResults: 0,
      unchanged: 3,
      replaced: 0,
      visitsCorrected: 0,
      findingsClosed: 0,
    });
    expect(n(db, 'SELECT count(*) AS n FROM imports')).toBe(1);
    expect(n(db, 'SELECT count(*) AS n FROM results')).toBe(3);
    db.close();
  });

  test('a different check time only: a conflict without --replace, a correction with it, the old time in history', () => {
    const db = freshStore();
    expect(record(db, [visit('ok')], false).kind).toBe('done');
    const later = visit('ok', { checkedAt: '17:30' });

    const refused = record(db, [later], false, 'later.csv');
    expect(refused).toEqual({
      kind: 'conflicts',
      conflicts: [
        {
          date: '2019-12-09',
          groupId: '1',
          creditCode: CODE,
          name: '常州某化工有限公司',
          itemId: 'checked_at',
          was: '2019-12-09 16:00',
          now: '2019-12-09 17:30',
          row: 2,
        },
      ],
    });
    expect(n(db, 'SELECT count(*) AS n FROM imports')).toBe(1);
    expect(n(db, 'SELECT count(*) AS n FROM inspection_versions')).toBe(0);

    // Not "nothing new": the same results at another time are a correction like any other.
    expect(record(db, [later], true, 'later.csv')).toMatchObject({ kind: 'done', importId: 2, newResults: 0, unchanged: 3, replaced: 1, visitsCorrected: 1 });
    expect(db.prepare('SELECT inspectors, checked_at FROM inspections').all()).toEqual([{ inspectors: '王建国,李明', checked_at: '2019-12-09 17:30' }]);
    expect(db.prepare('SELECT inspection_id, inspectors, checked_at, superseded_by FROM inspection_versions').all()).toEqual([
      { inspection_id: 1, inspectors: '王建国,李明', checked_at: '2019-12-09 16:00', superseded_by: 2 },
    ]);
    // Results were not touched: none superseded.
    expect(n(db, 'SELECT count(*) AS n FROM results WHERE superseded_by IS NOT NULL')).toBe(0);

    // Other inspectors are a conflict too, and a correction keeps the earlier ones.
    const others = visit('ok', { checkedAt: '17:30', inspectors: '虞卫国' });
    const c = record(db, [others], false, 'others.csv');
    expect(c.kind === 'conflicts' && c.conflicts.map((x) => [x.itemId, x.was, x.now])).toEqual([['inspectors', '王建国,李明', '虞卫国']]);
    expect(record(db, [others], true, 'others.csv')).toMatchObject({ kind: 'done', replaced: 1, visitsCorrected: 1 });
    expect(all<{ inspectors: string; checked_at: string }>(db, 'SELECT inspectors, checked_at FROM inspection_versions ORDER BY id')).toEqual([
      { inspectors: '王建国,李明', checked_at: '2019-12-09 16:00' },
      { inspectors: '王建国,李明', checked_at: '2019-12-09 17:30' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('schema 3: a version-2 store upgrades with its data intact', () => {
  test('imports rebuilt without UNIQUE (kind, sha256): rows, ids and foreign keys survive', () => {
    const file = join(tempDir(), 'haze.db');
    // A store as haze made it at version 2, with one import of each kind and rows pointing at them.
    const v2 = new Database(file);
    v2.pragma('journal_mode = WAL');
    v2.pragma('foreign_keys = ON');
    v2.pragma(`application_id = ${HAZE_APPLICATION_ID}`);
    for (const m of MIGRATIONS.slice(0, 2)) v2.exec(m);
    v2.pragma('user_version = 2');
    v2.exec(`
      INSERT INTO imports (id, kind, file_name, sha256, imported_at, rows, replace) VALUES
        (7, 'results', 'day1.csv', 'aaa', '2019-12-09T09:00:00.000Z', 1, 0),
        (9, 'findings', 'notice.csv', 'bbb', '2019-12-09T10:00:00.000Z', 1, 0);
      INSERT INTO inspections (id, date, group_id, credit_code, name, seq, inspectors, checked_at, planned, import_id)
        VALUES (3, '2019-12-09', '1', '${CODE}', '常州某化工有限公司', 1, '王建国,李明', '2019-12-09 16:00', 1, 7);
      INSERT INTO results (id, inspection_id, item_id, item, result, note, import_id) VALUES (5, 3, 'board', '公示牌', 'ok', '', 7);
      INSERT INTO findings (date, credit_code, problem, source, import_id, status, closed_at, close_note, closed_by_inspection)
        VALUES ('2019-12-08', '${CODE}', '夜间生产', '省厅暗查通报', 9, 'closed', '2019-12-09 16:00', '复查合格', 3);`);
    const before = ['imports', 'inspections', 'results', 'findings'].map((t) => v2.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
    v2.close();

    const db = openStore(file, { create: false })!;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Every row as it was; the imports gain an empty fingerprint, the findings (schema 5) an empty bulletin_name.
    const after = ['imports', 'inspections', 'results', 'findings'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
    expect(after.slice(1, 3)).toEqual(before.slice(1, 3));
    expect(after[3]).toEqual((before[3] as object[]).map((r) => ({ ...r, bulletin_name: null })));
    expect(after[0]).toEqual((before[0] as object[]).map((r) => ({ ...r, fingerprint: null })));
    // The children still point at imports (the rebuilt table, under its own name), and the keys are enforced.
    for (const t of ['inspections', 'results', 'findings']) {
      expect([t, (db.pragma(`foreign_key_list(${t})`) as { table: string }[]).map((k) => k.table).sort()]).toEqual([
        t,
        t === 'findings' ? ['imports', 'inspections'] : t === 'results' ? ['imports', 'imports', 'inspections'] : ['imports'],
      ]);
    }
    expect(() => db.prepare("INSERT INTO results (inspection_id, item_id, item, result, import_id) VALUES (3, 'x', 'x', 'ok', 99)").run()).toThrow(
      /FOREIGN KEY/,
    );
    // The same file's bytes may now be imported twice, and no temporary table was left behind.
    expect(() =>
      db.prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows) VALUES ('results', 'day1.csv', 'aaa', 'x', 0)").run(),
    ).not.toThrow();
    expect(db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table'").all()).toEqual([]);
    // An import made before version 3 has no fingerprint: the same results again are found by comparison, nothing new.
    const again = record(db, [{ ...visit('ok'), items: [visit('ok').items[0]!] }], false, 'day1.csv');
    expect(again).toMatchObject({ kind: 'done', importId: null, unchanged: 1, replaced: 0 });
    db.close();
  });
});
