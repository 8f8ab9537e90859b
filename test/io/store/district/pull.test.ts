/**
 * Pull against a real server: a finding and an alert event the district entered for the town (as the district
 * would, by uid) come down into the store through its own paths and are seen there; a second pull brings
 * nothing; what the town pushed itself is never brought back.
 */
import { join } from 'node:path';
import { readAlertEvents } from '../../../../src/io/store/alerts.js';
import { openStore } from '../../../../src/io/store/db.js';
import { listFindings } from '../../../../src/io/store/findings.js';
import { findingUid } from '../../../../src/io/store/district/localRows.js';
import { rowUid } from '../../../../src/io/store/district/schema.js';
import { pullTown, pushTown } from '../../../../src/workflow/districtSync.js';
import { loadTown } from '../../../../src/workflow/town.js';
import { adminQuery, freshDatabase, pgSuite } from '../../../helpers/postgres.js';
import { districtCounts, districtEnters, localCounts, townWorkspace, workOffline } from '../../../helpers/districtTown.js';

const quiet = { say: () => undefined, warn: () => undefined, problems: () => undefined };
const TOWN = '200100010';

pgSuite('pull.test.ts')('haze db pull, in process', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  beforeAll(async () => {
    fresh = await freshDatabase('pull');
    dir = townWorkspace(TOWN);
    workOffline(dir);
  }, 120_000);
  afterAll(async () => fresh.drop(), 60_000);

  test("the district's finding and alert event come down, once; the town's own rows are not brought back", async () => {
    const town = await loadTown({ cwd: dir }, quiet);
    const identity = town.ws.town!;
    await pushTown(town, identity, fresh.url, { date: '2019-12-09', minutes: 23 * 60 }, new Date().toISOString());
    const before = localCounts(dir);
    expect(await pullTown(town, identity, fresh.url, new Date().toISOString())).toMatchObject({ findings: 0, alertEvents: 0 });

    await districtEnters(fresh.name, TOWN);
    expect(await pullTown(town, identity, fresh.url, new Date().toISOString())).toMatchObject({ findings: 1, alertEvents: 1 });
    const store = openStore(join(dir, 'haze.db'), { create: false })!;
    try {
      expect(listFindings(store, { status: 'all' }).map((f) => f.problem)).toContain('区级抽查：料场未苫盖');
      expect(readAlertEvents(store).map((e) => [e.kind, e.level, e.doc])).toEqual([
        ['issue', 'orange', '金大气应急指办〔2019〕5号'],
        ['change', 'red', '金大气应急指办〔2019〕7号'],
      ]);
    } finally {
      store.close();
    }
    const after = localCounts(dir);
    expect([after.findings, after.alert_events]).toEqual([before.findings + 1, before.alert_events + 1]);

    expect(await pullTown(town, identity, fresh.url, new Date().toISOString())).toMatchObject({ findings: 0, alertEvents: 0 });
    expect(localCounts(dir)).toEqual(after);
    // Pushed back, the pulled rows are the district's own (same uids): nothing doubles there. The store's
    // import of the pulled finding is new to the district; every other row was there already.
    const again = await pushTown(town, identity, fresh.url, { date: '2019-12-09', minutes: 23 * 60 }, new Date().toISOString());
    expect([again.tables.findings.new, again.tables.alert_events.new, again.tables.imports.new]).toEqual([0, 0, 1]);
    const held = await districtCounts(fresh.name, TOWN);
    expect([held.findings, held.alert_events]).toEqual([after.findings, after.alert_events]);
  }, 60_000);

  test('a finding the district imported from a file comes with its import, closed if the district closed it; pushed back, nothing is new', async () => {
    const town = await loadTown({ cwd: dir }, quiet);
    const identity = town.ws.town!;
    const imp = { kind: 'findings', sha256: 'ab'.repeat(32), imported_at: '2019-12-10T02:00:00.000Z' };
    const importUid = rowUid(TOWN, 'imports', imp.kind, imp.sha256, imp.imported_at);
    await adminQuery(
      `INSERT INTO imports (uid, town, kind, file_name, sha256, imported_at, rows) VALUES ($1, $2, $3, '区暗查通报.csv', $4, $5, 1)`,
      [importUid, TOWN, imp.kind, imp.sha256, imp.imported_at],
      fresh.name,
    );
    const f = { date: '2019-12-08', credit_code: '91320413MA51R15170', problem: '区级抽查：围挡破损', source: '金大气办〔2019〕21号' };
    await adminQuery(
      `INSERT INTO findings (uid, town, date, credit_code, name, problem, source, import_uid, status, closed_at, close_note) VALUES ($1, $2, $3, $4, '江苏润泰水泥有限公司', $5, $6, $7, 'closed', '2019-12-10 09:00', '区里复查已整改')`,
      [findingUid(TOWN, f), TOWN, f.date, f.credit_code, f.problem, f.source, importUid],
      fresh.name,
    );
    expect(await pullTown(town, identity, fresh.url, new Date().toISOString())).toMatchObject({ findings: 1, alertEvents: 0 });
    const store = openStore(join(dir, 'haze.db'), { create: false })!;
    try {
      const got = listFindings(store, { status: 'all' }).find((x) => x.problem === f.problem)!;
      expect([got.status, got.closeNote, got.closedAt]).toEqual(['closed', '区里复查已整改', '2019-12-10 09:00']);
      const local = store
        .prepare('SELECT i.file_name, i.sha256, i.imported_at FROM findings f JOIN imports i ON i.id = f.import_id WHERE f.problem = ?')
        .get(f.problem);
      expect(local).toEqual({ file_name: '区暗查通报.csv', sha256: imp.sha256, imported_at: imp.imported_at });
    } finally {
      store.close();
    }
    const back = await pushTown(town, identity, fresh.url, { date: '2019-12-10', minutes: 12 * 60 }, new Date().toISOString());
    expect([back.tables.imports.new, back.tables.findings.new, back.tables.findings.conflicts]).toEqual([0, 0, 0]);
  }, 60_000);
});
