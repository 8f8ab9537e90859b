/**
 * haze report --district and haze alert status --district through the CLI, against a real server. Three towns:
 * 甲镇 is a real workspace (the sample's list, groups and evidence) that records an alert, prints a checklist
 * (fixing the day's plan), records results that confirm one clue and refute another, and has a provincial
 * finding; its store is then written into the district tables, with its list snapshot and its clues. 乙镇 and
 * 丙镇 are rows put in by hand. The strongest check: the district's view of 甲镇 is 甲镇's own `haze report`.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSPECTED_ACTIONS } from '../../src/core/model.js';
import { openDistrict } from '../../src/io/store/district/connect.js';
import { townClues, townEvidence } from '../../src/workflow/evidence.js';
import { loadTown } from '../../src/workflow/town.js';
import { townSnapshot, type TownSnapshot } from '../../src/workflow/townSnapshot.js';
import { copyStore, putAlert, putClues, putFinding, putImport, putTown, putVisit } from '../helpers/districtRows.js';
import { freshDatabase, pgSuite, PG_ADMIN } from '../helpers/postgres.js';
import { haze, REPO, tempDir } from '../helpers/runHaze.js';

type Row = Record<string, string>;
type Json = Record<string, unknown>;
const csv = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];
const SAMPLE = join(REPO, 'data/xuebu');
const A = { code: '300100001', name: '甲镇', districtCode: '300100', districtName: '测试区' };
const B = { code: '300100002', name: '乙镇', districtCode: '300100', districtName: '测试区' };
const C = { code: '300100003', name: '丙镇', districtCode: '300100', districtName: '测试区' };
const MORNING = { HAZE_NOW: '2019-12-09 08:00' };
const NOW = { HAZE_NOW: '2019-12-10 20:00' };
/** The sample's planted breakers (data/xuebu/evidence/README.md): a stop plant that ran all night, a silent meter. */
const NIGHT_RUNNER = '91320413MAL5M70X9A';
const SILENT_METER = '91320413MA5P732G9G';
const quiet = { say: () => {}, warn: () => {}, problems: () => {} };
const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** 甲镇: its own workspace, its alert, a printed checklist, results recorded, a finding. */
function townA(): string {
  const dir = tempDir();
  for (const f of ['enterprises.csv', 'groups.yaml']) copyFileSync(join(SAMPLE, f), join(dir, f));
  mkdirSync(join(dir, 'evidence'));
  for (const f of ['points.csv', 'readings.csv', 'gate.csv']) copyFileSync(join(SAMPLE, 'evidence', f), join(dir, 'evidence', f));
  writeFileSync(
    join(dir, 'haze.yaml'),
    `list: enterprises.csv\ngroups: groups.yaml\ntown: { code: "${A.code}", name: ${A.name} }\ndistrict: { code: "300100", name: 测试区 }\nevidence: [evidence/points.csv, evidence/readings.csv, evidence/gate.csv]\n`,
  );
  expect(haze(['alert', 'issue', 'orange', '--at', '2019-12-08 14:00', '--doc', '甲大气〔2019〕1号'], { cwd: dir }).status).toBe(0);
  const checklist = haze(['checklist', '--date', '2019-12-09', '--group', 'all', '--format', 'csv'], { cwd: dir, env: MORNING });
  expect(checklist.status).toBe(0);
  const items = csv(checklist.stdout);
  const plain = items.find((x) => !x.item_id!.startsWith('clue_') && x.credit_code !== NIGHT_RUNNER && x.credit_code !== SILENT_METER)!;
  const filled = items.map((x) => {
    if (x.item_id!.startsWith('clue_') && x.credit_code === NIGHT_RUNNER) return { ...x, result: 'violation', note: '现场发现夜间生产' };
    if (x.item_id!.startsWith('clue_') && x.credit_code === SILENT_METER) return { ...x, result: 'ok', note: '电表故障，已报修' };
    if (x === plain) return { ...x, result: 'violation', note: '公示牌未更新' };
    return { ...x, result: 'ok', note: '' };
  });
  writeFileSync(join(dir, 'day.csv'), stringify(filled, { header: true, columns: Object.keys(filled[0]!) }));
  const rec = haze(['record', 'day.csv', '--inspectors', '王建国', '--checked-at', '2019-12-09 16:00'], { cwd: dir, env: MORNING });
  expect([rec.status, rec.stderr]).toEqual([0, expect.any(String)]);
  const db = new Database(join(dir, 'haze.db'));
  db.prepare("INSERT INTO findings (date, credit_code, name, problem, source) VALUES ('2019-12-08', ?, '', '夜间偷偷生产', '省厅暗查通报')").run(SILENT_METER);
  db.close();
  return dir;
}

const required = (s: TownSnapshot, level: 'yellow' | 'orange' | 'red') =>
  s.enterprises.filter((e) => INSPECTED_ACTIONS.includes(s.measures[level][e.creditCode]!.action));

pgSuite('district-views.test.ts')('haze report --district, haze alert status --district', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let dirA: string;
  let snapB: TownSnapshot;
  let snapC: TownSnapshot;
  const run = (args: string[], env: Record<string, string> = {}) => haze(args, { env: { ...NOW, HAZE_DISTRICT_DB: fresh.url, ...env } });
  const json = (args: string[]) => {
    const r = run([...args, '--format', 'json']);
    expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
    return JSON.parse(r.stdout) as Json;
  };

  beforeAll(async () => {
    fresh = await freshDatabase('district_views');
    dirA = townA();
    const town = await loadTown({ cwd: dirA }, quiet);
    const evidence = await townEvidence(town);
    const withEvidence = { ...town, evidence };
    const district = await openDistrict(fresh.url, { migrate: true });
    try {
      await putTown(district.db, A, townSnapshot(town, A));
      await copyStore(district.db, A.code, join(dirA, 'haze.db'));
      // The clues as 甲镇's own report knows them: as of now (before the range's end).
      await putClues(district.db, A.code, townClues(withEvidence, evidence, { date: '2019-12-10', minutes: 20 * 60 }).check.clues);

      // 乙镇: red from the 7th, lifted on the 10th; two visits on the 8th (one with two violations), an open finding.
      snapB = townSnapshot(town, B);
      await putTown(district.db, B, snapB);
      await putAlert(district.db, B.code, { kind: 'issue', level: 'red', at: '2019-12-07 08:00' });
      await putAlert(district.db, B.code, { kind: 'lift', level: null, at: '2019-12-10 12:00', recordedAt: '2019-12-10T04:00:00Z' });
      const [b1, b2] = required(snapB, 'red');
      const imp = await putImport(district.db, B.code, 'results', 'b.csv', '2019-12-08T10:00:00Z', 4);
      const visit = (e: typeof b1, seq: number) => ({
        date: '2019-12-08',
        groupId: snapB.groupOf[e!.creditCode]!,
        creditCode: e!.creditCode,
        name: e!.name,
        seq,
        inspectors: '张三',
        checkedAt: '2019-12-08 10:00',
        planned: true,
      });
      await putVisit(district.db, B.code, imp, visit(b1, 1), [
        { itemId: 'stopped', item: '已停产', result: 'violation', note: '在生产' },
        { itemId: 'board', item: '公示牌', result: 'violation', note: '未公示' },
      ]);
      await putVisit(district.db, B.code, imp, visit(b2, 2), [{ itemId: 'stopped', item: '已停产', result: 'ok', note: '' }]);
      await putFinding(district.db, B.code, {
        date: '2019-12-08',
        creditCode: b2!.creditCode,
        name: '',
        problem: '堆场未苫盖',
        source: '省厅通报',
        status: 'open',
        closedAt: null,
      });

      // 丙镇: yellow from the 9th, nothing recorded.
      snapC = townSnapshot(town, C);
      await putTown(district.db, C, snapC);
      await putAlert(district.db, C.code, { kind: 'issue', level: 'yellow', at: '2019-12-09 10:00', doc: '丙大气〔2019〕3号' });
    } finally {
      await district.close();
    }
  }, 240_000);
  afterAll(async () => fresh?.drop());

  test("without flags: every day any town's alert was in force, the summary of each town and the total", () => {
    const r = json(['report', '--district']);
    expect(r.range).toEqual({ from: '2019-12-07', to: '2019-12-10', basis: 'alert' });
    const towns = r.towns as (Json & { summary: Json })[];
    expect(towns.map((t) => [t.code, t.name, t.level])).toEqual([
      [A.code, A.name, 'orange'],
      [B.code, B.name, 'red'],
      [C.code, C.name, 'yellow'],
    ]);
    const b = towns[1]!.summary;
    const reqB = required(snapB, 'red').length;
    expect(b).toEqual({
      town: B.code,
      name: B.name,
      level: 'red',
      required: reqB,
      visited: 2,
      coverage_pct: pct(2, reqB),
      visits: 2,
      clean_visits: 1,
      compliance_pct: 50,
      violations: 2,
      open_findings: 1,
      clues_confirmed: 0,
      clues_refuted: 0,
      clues_open: 0,
    });
    const c = towns[2]!.summary;
    expect([c.required, c.visited, c.coverage_pct, c.visits, c.compliance_pct]).toEqual([required(snapC, 'yellow').length, 0, 0, 0, null]);
    const a = towns[0]!.summary;
    expect(a.violations).toBeGreaterThanOrEqual(2); // the plain one and the confirmed clue's
    expect([a.clues_confirmed, a.clues_refuted, a.open_findings]).toEqual([expect.any(Number), expect.any(Number), 1]);
    expect(a.clues_confirmed as number).toBeGreaterThanOrEqual(1);
    expect(a.clues_refuted as number).toBeGreaterThanOrEqual(1);
    const total = r.total as Json;
    for (const k of ['required', 'visited', 'visits', 'clean_visits', 'violations', 'open_findings', 'clues_confirmed', 'clues_refuted', 'clues_open'])
      expect([k, total[k]]).toEqual([k, towns.reduce((n, t) => n + (t.summary[k] as number), 0)]);
    expect(total.coverage_pct).toBe(pct(total.visited as number, total.required as number));
    expect(total.compliance_pct).toBe(pct(total.clean_visits as number, total.visits as number));
    // Each town's sections come with it.
    expect(Object.keys(towns[1]!)).toEqual(expect.arrayContaining(['coverage', 'violations', 'findings', 'unvisited', 'clues', 'visits', 'plans']));
    expect((towns[1]!.violations as unknown[]).length).toBe(2);
  });

  test("--town: 甲镇's report from the district is 甲镇's own haze report, section by section", () => {
    const own = JSON.parse(haze(['report', '--format', 'json'], { cwd: dirA, env: NOW }).stdout) as Json;
    const r = json(['report', '--district', '--town', A.code]);
    expect(r.range).toEqual(own.range);
    const [town] = r.towns as Json[];
    expect(town!.level).toBe(own.level);
    const { code: _c, name: _n, level: _l, summary: _s, ...sections } = town!;
    const { range: _r, level: _ol, group: _g, ...ownSections } = own;
    expect(Object.keys(sections)).toEqual(Object.keys(ownSections));
    // Every section exactly, each visit's items in the order the town recorded them (results.ord).
    expect(sections).toEqual(ownSections);
    expect((own.violations as unknown[]).length).toBeGreaterThanOrEqual(3);
    // The comparison has something in it: visits, violations, a plan of record, clues decided both ways.
    expect((own.visits as unknown[]).length).toBeGreaterThan(5);
    expect((own.plans as unknown[]).length).toBe(1);
    expect((own.clues as { status: string }[]).map((c) => c.status)).toEqual(expect.arrayContaining(['confirmed', 'refuted']));
    expect(r.total).toEqual({ ...(town!.summary as Json), town: 'total', name: '合计', level: null });
  });

  test('--town in a table and in Markdown: the same sections as the town prints', () => {
    const body = (text: string) => text.slice(text.indexOf('\n\n') + 2);
    for (const format of ['table', 'md']) {
      const own = haze(['report', '--format', format, '--wide'], { cwd: dirA, env: NOW }).stdout;
      const r = run(['report', '--district', '--town', A.code, '--format', format, '--wide']);
      expect(r.status).toBe(0);
      const block = r.stdout.slice(r.stdout.indexOf(`${A.code} ${A.name}`));
      const mine = format === 'md' ? body(block).replaceAll(/^### /gm, '## ') : body(block);
      expect(mine).toBe(body(own));
      expect(r.stdout.indexOf(format === 'md' ? '## 各乡镇汇总（1）' : '【各乡镇汇总（1）】')).toBeLessThan(r.stdout.indexOf(`${A.code} ${A.name}`));
    }
  });

  test("--town in CSV: a section is the town's own, each row led by its town; the summary by default", () => {
    for (const section of ['violations', 'visits', 'clues', 'coverage']) {
      const own = csv(haze(['report', '--format', 'csv', '--section', section], { cwd: dirA, env: NOW }).stdout);
      const r = run(['report', '--district', '--town', A.code, '--format', 'csv', '--section', section]);
      expect(r.status).toBe(0);
      expect(csv(r.stdout)).toEqual(own.map((row) => ({ town: A.code, ...row })));
    }
    const summary = csv(run(['report', '--district', '--format', 'csv']).stdout);
    expect(summary.map((s) => s.town)).toEqual([A.code, B.code, C.code, 'total']);
    expect(Object.keys(summary[0]!).slice(0, 7)).toEqual(['town', 'name', 'level', 'required', 'visited', 'coverage_pct', 'visits']);
  });

  test('--section summary alone; a section the report does not have is a usage error', () => {
    const r = json(['report', '--district', '--section', 'summary']);
    expect((r.towns as Json[]).map((t) => Object.keys(t))).toEqual([0, 1, 2].map(() => ['code', 'name', 'level', 'summary']));
    expect(run(['report', '--district', '--section', 'nonsense']).status).toBe(64);
    expect(run(['report', '--town', A.code]).status).toBe(64);
    expect(run(['report', '--district', '--group', '1']).status).toBe(64);
  });

  test("alert status --district: each town now, by the same function as the town's own alert status", () => {
    const own = JSON.parse(haze(['alert', 'status', '--format', 'json'], { cwd: dirA, env: NOW }).stdout) as Json;
    const r = json(['alert', 'status', '--district']);
    expect(r.at).toBe('2019-12-10 20:00');
    const towns = r.towns as Json[];
    const { at: _at, ...ownNow } = own;
    expect(towns[0]).toEqual({ code: A.code, name: A.name, ...ownNow });
    expect(towns[0]).toMatchObject({ in_force: true, level: 'orange', level_since: '2019-12-08 14:00', doc: '甲大气〔2019〕1号' });
    expect(towns[1]).toMatchObject({ code: B.code, in_force: false, level: null });
    expect(towns[2]).toMatchObject({ code: C.code, in_force: true, level: 'yellow', level_since: '2019-12-09 10:00', doc: '丙大气〔2019〕3号' });
    const text = run(['alert', 'status', '--district']).stdout.split('\n').filter(Boolean);
    expect(text).toHaveLength(3);
    expect(text[0]).toMatch(/^300100001 甲镇 2019-12-10 20:00：橙色.*自 2019-12-08 14:00 起/);
    expect(text[1]).toBe('300100002 乙镇 2019-12-10 20:00：没有正在执行的预警');
    const earlier = json(['alert', 'status', '--district', '--at', '2019-12-09 09:00']);
    expect((earlier.towns as Json[]).map((t) => t.level)).toEqual(['orange', 'red', null]);
  });

  test('a town the district does not hold: exit 66, naming the towns it holds', () => {
    for (const args of [
      ['report', '--district', '--town', '300100099'],
      ['alert', 'status', '--district', '--town', '300100099'],
    ]) {
      const r = run(args);
      expect(r.status).toBe(66);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('300100099');
      expect(r.stderr).toContain(A.code);
    }
  });

  test('an empty district database says so (exit 66), and the password is never printed', async () => {
    const empty = await freshDatabase('district_views_empty');
    try {
      for (const args of [
        ['report', '--district'],
        ['alert', 'status', '--district'],
      ]) {
        const r = haze(args, { env: { ...NOW, HAZE_DISTRICT_DB: empty.url } });
        expect([r.status, r.stdout]).toEqual([66, '']);
        expect(r.stderr).toContain('是空的');
        const password = new URL(PG_ADMIN!).password;
        if (password) expect(r.stderr).not.toContain(password);
      }
      // Set up by haze, but no town has pushed yet.
      await (await openDistrict(empty.url, { migrate: true })).close();
      const r = haze(['report', '--district', '--lang', 'en'], { env: { ...NOW, HAZE_DISTRICT_DB: empty.url } });
      expect(r.status).toBe(66);
      expect(r.stderr).toContain('holds no town yet');
      // A town that pushed its alert but no list: reported, with nothing counted as required, and told.
      const district = await openDistrict(empty.url, { migrate: false });
      await putTown(district.db, { ...C, code: '300100004', name: '丁镇' }, null);
      await putAlert(district.db, '300100004', { kind: 'issue', level: 'orange', at: '2019-12-09 10:00' });
      await district.close();
      const d = haze(['report', '--district', '--format', 'json'], { env: { ...NOW, HAZE_DISTRICT_DB: empty.url } });
      expect(d.status).toBe(0);
      expect(d.stderr).toContain('300100004 丁镇 没有报送企业清单');
      expect((JSON.parse(d.stdout) as { total: Json }).total).toMatchObject({ required: 0, visited: 0, coverage_pct: null });
    } finally {
      await empty.drop();
    }
  });
});
