/**
 * The district bench's input (issue 17): N town workspaces of one district in a folder, each with its
 * haze.yaml (town: and district:), a list, three groups, an orange alert, a small evidence set (meter points
 * and 15-minute readings on a few of its plants) and D alert days of inspection results and provincial
 * findings in its haze.db; and ONE workspace holding the same rows of every town (single/), the baseline a
 * district report is set against.
 *
 * The rows are written through haze's own store functions, the ones `haze alert issue`, `haze evidence import`,
 * `haze findings import` and `haze record` call (appendAlertEvent, importEvidence, importFindings,
 * importResults), with each day's visits carrying the check items `haze record` would accept that day: the
 * measure's items, and the items of the clues the town's evidence gave that day (recordedClues). One import a
 * town and day, as one filled-in checklist file. Seeded, no clock: the same size and seed write the same rows.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { visitItems } from '../../src/core/checklist.js';
import type { AlertLevel, Enterprise } from '../../src/core/model.js';
import type { RecordedVisit, Result } from '../../src/core/records.js';
import { assignAreas } from '../../src/core/routing/areas.js';
import { createRandom } from '../../src/core/routing/random.js';
import { requiredMeasure } from '../../src/core/rules/requiredMeasure.js';
import type { RuleTable } from '../../src/core/rules/ruleTable.js';
import { addDays, parseWallTime } from '../../src/core/time.js';
import { readPointsFile } from '../../src/io/read/evidence/pointsFile.js';
import { readReadingsFile } from '../../src/io/read/evidence/readingsFile.js';
import { resolveWorkspace } from '../../src/io/read/workspace.js';
import { appendAlertEvent } from '../../src/io/store/alerts.js';
import { openStore, type Store } from '../../src/io/store/db.js';
import { importEvidence, type EvidenceFile } from '../../src/io/store/evidence.js';
import { importFindings } from '../../src/io/store/findings.js';
import { importResults } from '../../src/io/store/records.js';
import { recordedClues } from '../../src/workflow/dayClues.js';
import { townEvidence } from '../../src/workflow/evidence.js';
import { loadTownIn } from '../../src/workflow/town.js';
import type { Voice } from '../../src/workflow/voice.js';
import { benchPointsCsv, writeLongReadings, type BenchPlant } from '../evidence/longReadings.js';
import { LIST_HEADER, listText, VILLAGES } from '../listText.js';

/** The district of every generated town: 金坛区 (常州市). */
export const DISTRICT = { code: '320413', name: '金坛区' } as const;
/** Town i (from 1) is 4001000ii: the bench's own block of town codes, never another test's. */
export const FIRST_TOWN_CODE = 400100001;
export const MAX_TOWNS = 99;
/** The first alert day (the seed case's day) and the alert: orange from its morning, not lifted. */
export const FIRST_DAY = '2019-12-08';
const ALERT_AT = `${FIRST_DAY} 08:00`;
const LEVEL: AlertLevel = 'orange';
/** Days of readings before the alert: the baseline the evidence check learns each point's working from. */
const BASELINE_DAYS = 4;
/** Points a plant in longReadings (three lines, a treatment point, the main meter). */
const POINTS_PER_PLANT = 5;

export interface DistrictSize {
  towns: number;
  /** Enterprises a town; every one is visited once a day. */
  enterprises: number;
  days: number;
  /** Plants a town with meter readings (its first plants with a stop, part-stop or limit order at orange). */
  evidencePlants: number;
  /** Provincial findings a town, dated the alert's third day (or its last, when shorter). */
  findings: number;
  seed: number;
}

export const FULL_SIZE: DistrictSize = { towns: 20, enterprises: 500, days: 10, evidencePlants: 30, findings: 10, seed: 20191208 };

/** What one store holds, counted from the store itself after writing. */
export interface StoreCounts {
  alertEvents: number;
  inspections: number;
  results: number;
  /** Results on clue items (ids clue_…). */
  clueResults: number;
  findings: number;
  meterPoints: number;
  readings: number;
}

export interface GeneratedTown {
  code: string;
  name: string;
  dir: string;
  counts: StoreCounts;
}

export interface GeneratedDistrict {
  dir: string;
  firstDay: string;
  lastDay: string;
  towns: GeneratedTown[];
  /** The one workspace with every town's rows (no town: in its haze.yaml: it is never pushed). */
  single: { dir: string; counts: StoreCounts };
}

export const townCode = (i: number): string => String(FIRST_TOWN_CODE + i);
const townName = (i: number): string => `模拟${String(i + 1).padStart(2, '0')}镇`;

/** The repository root, from bench/district (ts-jest) or dist-bench/bench/district (built). */
function repoRoot(): string {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return basename(up) === 'dist-bench' ? dirname(up) : up;
}

/**
 * The town's workspace as the CLI resolves it, but with the repository's default rules: built into dist-bench,
 * haze's own idea of its package root is dist-bench, which has no data/.
 */
function townWorkspace(cwd: string): ReturnType<typeof resolveWorkspace> {
  const ws = resolveWorkspace({ cwd });
  return { ...ws, ruleFiles: [join(repoRoot(), 'data/rules/default.yaml'), ...ws.ruleFiles.slice(1)] };
}

const QUIET: Voice = { say: () => {}, warn: () => {}, problems: () => {} };

/** Three groups sharing the list's villages, people invented. */
function groupsYaml(town: string): string {
  const share = Math.ceil(VILLAGES.length / 3);
  const groups = [0, 1, 2].map((g) => {
    const villages = VILLAGES.slice(g * share, (g + 1) * share);
    const people = [`${'汤虞殷'[g]}建华`, `${'史芮诸'[g]}晓东`, `${'葛袁戴'[g]}玉琴`];
    return [
      `  - id: "${g + 1}"`,
      `    name: 第${'一二三'[g]}巡查组`,
      `    leader: ${people[0]}`,
      `    phone: "1396142708${g}"`,
      `    members: [${people.join(', ')}]`,
      `    villages: [${villages.join(', ')}]`,
    ].join('\n');
  });
  return [
    `# ${town}巡查组（bench:district 生成，人员与电话均为虚构）`,
    `town: ${town}`,
    `county: ${DISTRICT.name}`,
    'city: 常州市',
    'coord_system: wgs84',
    'base: { name: 镇政府, lon: 119.372819, lat: 31.72512 }',
    'working_day: { start: "08:30", end: "17:30", lunch: "12:00-13:00" }',
    'travel: { speed_kmh: 30, detour_factor: 1.35 }',
    'service_minutes: 20',
    'coverage_days: 2',
    'groups:',
    ...groups,
    '',
  ].join('\n');
}

function hazeYaml(town: { code: string; name: string } | null): string {
  const lines = ['# bench:district 生成 · written by bench:district', 'list: enterprises.csv', 'groups: groups.yaml', 'db: haze.db'];
  if (town) lines.push(`town: { code: "${town.code}", name: ${town.name} }`, `district: { code: "${DISTRICT.code}", name: ${DISTRICT.name} }`);
  return `${lines.join('\n')}\n`;
}

function countStore(db: Store): StoreCounts {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    alertEvents: n('SELECT count(*) AS n FROM alert_events'),
    inspections: n('SELECT count(*) AS n FROM inspections'),
    results: n('SELECT count(*) AS n FROM results'),
    clueResults: n("SELECT count(*) AS n FROM results WHERE item_id LIKE 'clue\\_%' ESCAPE '\\'"),
    findings: n('SELECT count(*) AS n FROM findings'),
    meterPoints: n('SELECT count(*) AS n FROM meter_points'),
    readings: n('SELECT count(*) AS n FROM meter_readings'),
  };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function issueAlert(db: Store): void {
  appendAlertEvent(
    db,
    { kind: 'issue', level: LEVEL, at: parseWallTime(ALERT_AT)!, doc: '常大气应急指办〔2019〕12号' },
    `${FIRST_DAY}T00:00:00.000Z`,
    () => {},
  );
}

/** The result of one check item: mostly in order, a few violations, clue items confirmed more often. */
function resultOf(rnd: ReturnType<typeof createRandom>, clueItem: boolean): { result: Result; note: string } {
  const r = rnd.next();
  if (clueItem) return r < 0.4 ? { result: 'violation', note: '现场核实：夜间仍在生产' } : { result: 'ok', note: '' };
  if (r < 0.006) return { result: 'violation', note: '现场发现未落实减排措施' };
  if (r < 0.016) return { result: 'na', note: '' };
  return { result: 'ok', note: '' };
}

/** Writes the district into `dir` (made when missing). `say` hears one line a town. */
export async function generateDistrict(dir: string, size: DistrictSize, say: (line: string) => void = () => {}): Promise<GeneratedDistrict> {
  if (size.towns < 1 || size.towns > MAX_TOWNS)
    throw new Error(`towns: 1 to ${MAX_TOWNS} (the bench's town codes are ${townCode(0)}–${townCode(MAX_TOWNS - 1)})`);
  const days = Array.from({ length: size.days }, (_, d) => addDays(FIRST_DAY, d));
  const lastDay = days.at(-1)!;
  const findingDay = days[Math.min(2, days.length - 1)]!;

  const singleDir = join(dir, 'single');
  mkdirSync(singleDir, { recursive: true });
  writeFileSync(join(singleDir, 'haze.yaml'), hazeYaml(null));
  writeFileSync(join(singleDir, 'groups.yaml'), groupsYaml('全区合并'));
  const single = openStore(join(singleDir, 'haze.db'), { create: true })!;
  const singleList: string[] = [LIST_HEADER];
  const towns: GeneratedTown[] = [];
  try {
    issueAlert(single);
    for (let t = 0; t < size.towns; t++) {
      const code = townCode(t);
      const name = townName(t);
      const townDir = join(dir, 'towns', code);
      mkdirSync(townDir, { recursive: true });
      const list = listText(size.enterprises, size.seed + t, { town: name, first: t * size.enterprises });
      singleList.push(...list.trimEnd().split('\n').slice(1));
      writeFileSync(join(townDir, 'enterprises.csv'), list);
      writeFileSync(join(townDir, 'groups.yaml'), groupsYaml(name));
      writeFileSync(join(townDir, 'haze.yaml'), hazeYaml({ code, name }));
      const db = openStore(join(townDir, 'haze.db'), { create: true })!;
      try {
        const town = await loadTownIn(townWorkspace(townDir), {}, QUIET);
        issueAlert(db);
        await writeEvidence(db, single, townDir, town.list.enterprises, town.rules, size, t, lastDay);
        writeFindings(db, single, town.list.enterprises, size, t, code, findingDay);
        // The town as `haze record` sees it: its evidence read, so each day's clue items are those record accepts.
        const withEvidence = { ...town, evidence: await townEvidence(town) };
        const cluesOn = recordedClues(withEvidence);
        const groupOf = assignAreas(town.list.enterprises, town.setup.groups).groupOf;
        const people = new Map(town.setup.groups.map((g) => [g.id, g.members.join('、')]));
        const measures = new Map(town.list.enterprises.map((e) => [e.creditCode, requiredMeasure(e, LEVEL, town.rules)]));
        const rnd = createRandom(size.seed + 2000 + t);
        for (const date of days) {
          const clues = cluesOn(date).byCode;
          const seqs = new Map<string, number>();
          const visits: RecordedVisit[] = town.list.enterprises.map((e) => {
            const groupId = groupOf.get(e.creditCode) ?? town.setup.groups[0]!.id;
            const seq = (seqs.get(groupId) ?? 0) + 1;
            seqs.set(groupId, seq);
            const items = visitItems(e, measures.get(e.creditCode)!, clues.get(e.creditCode) ?? []).map((it) => ({
              itemId: it.id,
              item: it.text,
              ...resultOf(rnd, it.id.startsWith('clue_')),
              row: undefined,
            }));
            return {
              date,
              groupId,
              seq,
              creditCode: e.creditCode,
              name: e.name,
              inspectors: people.get(groupId) ?? '',
              checkedAt: { date, minutes: 8 * 60 + 30 + ((seq * 3) % 540) },
              planned: false,
              items,
            };
          });
          const file = `${code}-${date}-检查结果.csv`;
          const req = { fileName: file, sha256: sha(`${code}\u0000${date}`), visits, replace: false, recordedAt: `${date}T10:00:00.000Z` };
          importResults(db, req);
          importResults(single, req);
        }
        towns.push({ code, name, dir: townDir, counts: countStore(db) });
      } finally {
        db.close();
      }
      say(
        `  ${code} ${name}: ${towns.at(-1)!.counts.inspections} visits, ${towns.at(-1)!.counts.results} results, ${towns.at(-1)!.counts.clueResults} on clue items`,
      );
    }
    writeFileSync(join(singleDir, 'enterprises.csv'), `${singleList.join('\n')}\n`);
    return { dir, firstDay: FIRST_DAY, lastDay, towns, single: { dir: singleDir, counts: countStore(single) } };
  } finally {
    single.close();
  }
}

/**
 * The town's meter points and readings: written as the files a town would import (points.csv, readings.csv in
 * its folder), read by haze's readers, and imported into the town's store and the single store alike.
 */
async function writeEvidence(
  db: Store,
  single: Store,
  townDir: string,
  enterprises: readonly Enterprise[],
  rules: RuleTable,
  size: DistrictSize,
  t: number,
  lastDay: string,
): Promise<void> {
  if (size.evidencePlants === 0) return;
  const plants: BenchPlant[] = enterprises
    .map((e) => {
      const m = requiredMeasure(e, LEVEL, rules);
      return { e, action: m.action, limitPct: m.limitPct };
    })
    .filter((p) => p.action === 'stop' || p.action === 'stop_part' || p.action === 'limit')
    .slice(0, size.evidencePlants);
  const n = plants.length * POINTS_PER_PLANT;
  // Every third plant breaks its stop order at night: a town's push carries clues, some confirmed on site.
  const opts = { prefix: `T${String(t + 1).padStart(2, '0')}-`, lastDay, alertStart: ALERT_AT, breakEvery: 3 };
  const seed = size.seed + 1000 + t;
  const pointsFile = join(townDir, 'points.csv');
  const readingsFile = join(townDir, 'readings.csv');
  writeFileSync(pointsFile, benchPointsCsv(plants, n, seed, opts));
  writeLongReadings(readingsFile, plants, n, size.days + BASELINE_DAYS, seed, opts);
  const points = await readPointsFile(pointsFile, enterprises);
  const readings = await readReadingsFile(readingsFile, new Set(points.points.map((p) => p.id)));
  const bad = [...points.problems, ...readings.problems].filter((p) => p.severity === 'error');
  if (bad.length > 0) throw new Error(`the bench's evidence has ${bad.length} errors, the first: ${JSON.stringify(bad[0])}`);
  const files: EvidenceFile[] = [
    { kind: 'points', fileName: 'points.csv', sha256: points.sha256, points: points.points },
    { kind: 'readings', fileName: 'readings.csv', sha256: readings.sha256, series: readings.series },
  ];
  for (const store of [db, single]) {
    const out = importEvidence(store, { files, replace: false, importedAt: `${lastDay}T00:00:00.000Z` });
    if (out.kind !== 'done') throw new Error(`the bench's evidence was refused: ${JSON.stringify(out.conflicts[0])}`);
  }
}

/** A provincial notice on the alert's third day naming a few of the town's enterprises. */
function writeFindings(db: Store, single: Store, enterprises: readonly Enterprise[], size: DistrictSize, t: number, code: string, date: string): void {
  if (size.findings === 0) return;
  const rnd = createRandom(size.seed + 3000 + t);
  const picked = new Set<number>();
  while (picked.size < Math.min(size.findings, enterprises.length)) picked.add(rnd.int(enterprises.length));
  const findings = [...picked].map((i) => ({
    date,
    creditCode: enterprises[i]!.creditCode,
    name: enterprises[i]!.name,
    bulletinName: enterprises[i]!.name,
    problem: '应急期间未按要求落实停产措施',
    source: `苏大气办〔2019〕${t + 1}号`,
    row: undefined,
  }));
  const req = { fileName: `${code}-省级暗查.csv`, sha256: sha(`${code}\u0000findings`), findings, importedAt: `${date}T12:00:00.000Z` };
  importFindings(db, req);
  importFindings(single, req);
}
