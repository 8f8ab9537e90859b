/** With the district as the store of record, the workspace's own SQLite file is the town's replica. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveWorkspace } from '../../../src/io/read/workspace.js';

const URL = 'postgres://town@127.0.0.1:1/haze';

function workspace(yaml: string): { root: string } {
  const root = mkdtempSync(join(tmpdir(), 'haze-ws-'));
  writeFileSync(join(root, 'haze.yaml'), yaml);
  return { root };
}

test("haze.yaml's db: is the URL: the replica is haze.db beside haze.yaml", () => {
  const { root } = workspace(`db: "${URL}"\n`);
  const ws = resolveWorkspace({ cwd: root });
  expect([ws.dbUrl, ws.dbFile]).toEqual([URL, join(root, 'haze.db')]);
});

test('--db or HAZE_DB is the URL: the replica is the file haze.yaml names', () => {
  const { root } = workspace('db: town.db\n');
  const ws = resolveWorkspace({ cwd: root, db: URL });
  expect([ws.dbUrl, ws.dbFile]).toEqual([URL, join(root, 'town.db')]);
  expect(resolveWorkspace({ cwd: workspace('list: enterprises.csv\n').root, db: URL }).dbFile).toMatch(/haze\.db$/);
});

test('a file store is as before: no URL, the file named', () => {
  const { root } = workspace('db: town.db\n');
  expect(resolveWorkspace({ cwd: root })).toMatchObject({ dbUrl: null, dbFile: join(root, 'town.db') });
  expect(resolveWorkspace({ cwd: root, db: 'other.db' }).dbFile).toBe(join(root, 'other.db'));
});
