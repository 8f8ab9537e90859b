/**
 * A town that worked offline, for the district's push and pull tests: a workspace on the sample's list and
 * groups with a town: of the test's own code, an alert issued, two days checked and recorded and the province's
 * findings imported — all through haze's own commands, as an officer would. A second workspace of another
 * town is the same store copied under another haze.yaml (the uids carry the town, so its rows are its own).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import Database from 'better-sqlite3';
import { alertEventUid, findingUid, STORE_TABLES, type StoreTable } from '../../src/io/store/district/localRows.js';
import { FIXTURES, REPO, haze, tempDir } from './runHaze.js';
import { adminQuery } from './postgres.js';

const SAMPLE = join(REPO, 'data/xuebu');
type Row = Record<string, string>;

/** A workspace of town `code` (no store yet); with the sample's evidence files when asked. */
export function townWorkspace(code: string, opts: { evidence?: boolean; dir?: string } = {}): string {
  const dir = opts.dir ?? tempDir();
  const evidence = opts.evidence ? `evidence:\n${['points', 'readings', 'gate'].map((f) => `  - ${SAMPLE}/evidence/${f}.csv`).join('\n')}\n` : '';
  writeFileSync(
    join(dir, 'haze.yaml'),
    `list: ${SAMPLE}/enterprises.csv\ngroups: ${SAMPLE}/groups.yaml\ntown: { code: "${code}", name: 测试镇${code.slice(-2)} }\ndistrict: { code: "200100", name: 测试区 }\n${evidence}`,
  );
  return dir;
}

function ok(dir: string, args: string[], env: Record<string, string> = {}): string {
  const r = haze(args, { cwd: dir, env });
  if (r.status !== 0) throw new Error(`haze ${args.join(' ')}: ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** A day's checklist filled in: every 5th item a violation, the rest ok. */
export function fillDay(
  dir: string,
  date: string,
  file: string,
  mark: (row: Row, i: number) => Row = (row, i) => ({ ...row, result: i % 5 === 0 ? 'violation' : 'ok' }),
): Row[] {
  const rows = (
    parse(ok(dir, ['checklist', '--date', date, '--group', 'all', '--format', 'csv'], { HAZE_NOW: `${date} ${date === '2019-12-08' ? '15:00' : '08:00'}` }), {
      columns: true,
      bom: true,
    }) as Row[]
  ).map(mark);
  writeFileSync(join(dir, file), stringify(rows, { header: true, columns: Object.keys(rows[0]!) }));
  return rows;
}

/**
 * A recorded day's file with its first `n` items recorded otherwise (result `as`, a note), written to `to`: a
 * correction for `haze record --replace`.
 */
export function corrected(fromDir: string, date: string, to: string, n: number, as: 'ok' | 'violation' | 'na', note: string): void {
  const rows = parse(readFileSync(join(fromDir, `${date}.csv`), 'utf8'), { columns: true, bom: true }) as Row[];
  const out = rows.map((row, i) => (i < n ? { ...row, result: as, note } : row));
  writeFileSync(to, stringify(out, { header: true, columns: Object.keys(out[0]!) }));
}

/** The alert, two days of records and the province's findings, in `dir`'s store. */
export function workOffline(dir: string): void {
  ok(dir, ['alert', 'issue', 'orange', '--at', '2019-12-08 14:00', '--doc', '金大气应急指办〔2019〕5号']);
  for (const date of ['2019-12-08', '2019-12-09']) {
    fillDay(dir, date, `${date}.csv`);
    ok(dir, ['record', `${date}.csv`, '--inspectors', '王建国,李明', '--checked-at', `${date} 16:00`]);
  }
  ok(dir, ['findings', 'import', join(FIXTURES, 'findings-notice-spelling.csv')]);
}

/** Another town's workspace holding a copy of `from`'s store. */
export function copyTown(from: string, code: string, opts: { evidence?: boolean } = {}): string {
  const dir = townWorkspace(code, opts);
  copyFileSync(join(from, 'haze.db'), join(dir, 'haze.db'));
  return dir;
}

/** Rows per table in the workspace's store. */
export function localCounts(dir: string): Record<StoreTable, number> {
  const db = new Database(join(dir, 'haze.db'), { readonly: true });
  try {
    return Object.fromEntries(STORE_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n])) as Record<
      StoreTable,
      number
    >;
  } finally {
    db.close();
  }
}

/** Rows per table of one town at the district. */
export async function districtCounts(database: string, town: string): Promise<Record<StoreTable | 'clues', number>> {
  const out: Record<string, number> = {};
  for (const t of [...STORE_TABLES, 'clues']) {
    const [r] = await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM ${t} WHERE town = $1`, [town], database);
    out[t] = Number(r!.n);
  }
  return out as Record<StoreTable | 'clues', number>;
}

/** What the district enters for the town, by hand, with the uid rowUid gives. */
export async function districtEnters(database: string, town: string): Promise<void> {
  const f = { date: '2019-12-09', credit_code: '91320413MA51R15170', problem: '区级抽查：料场未苫盖', source: '金大气办〔2019〕20号' };
  await adminQuery(
    `INSERT INTO findings (uid, town, date, credit_code, name, problem, source, status, closed_at, close_note) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', NULL, NULL)`,
    [findingUid(town, f), town, f.date, f.credit_code, '江苏润泰水泥有限公司', f.problem, f.source],
    database,
  );
  const e = { kind: 'change', level: 'red', at: '2019-12-09 20:00', recorded_at: '2019-12-09T11:50:00.000Z' };
  await adminQuery(
    `INSERT INTO alert_events (uid, town, kind, level, at, doc, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [alertEventUid(town, e), town, e.kind, e.level, e.at, '金大气应急指办〔2019〕7号', e.recorded_at],
    database,
  );
}
