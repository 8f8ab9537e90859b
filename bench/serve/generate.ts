/**
 * The serve bench's town (issue 18, "Load"): one workspace with a list, 30 groups of one village each and an
 * orange alert, shaped so that the plan of record of the bench day gives every group 20 visits (coverage in one
 * day, each village's 20 plants a few hundred metres apart, 15 minutes a visit) and every visit about ten check
 * items (a limit with a truck ban at orange, VOCs and dust on every plant). The day's plan is fixed here, the
 * way `haze checklist` fixes it, from the morning of the day: the server then serves the plan of record.
 * Seeded, no clock: the same seed writes the same list.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { creditCodeCheckChar } from '../../src/core/creditCode.js';
import { createRandom } from '../../src/core/routing/random.js';
import { parseWallTime, type WallTime } from '../../src/core/time.js';
import { resolveWorkspace } from '../../src/io/read/workspace.js';
import { appendAlertEvent } from '../../src/io/store/alerts.js';
import { openStore } from '../../src/io/store/db.js';
import { groupDay } from '../../src/workflow/groupDay.js';
import { loadTownIn, type Town } from '../../src/workflow/town.js';
import type { Voice } from '../../src/workflow/voice.js';
import { LIST_HEADER } from '../listText.js';

export const DAY = '2019-12-08';
export const ALERT_AT = `${DAY} 07:00`;
/** When the plan of record is fixed (the morning's checklists printed). */
export const PLAN_AT = `${DAY} 07:30`;
/** The server's clock during the run: the evening of the day, every visit's times behind it. */
export const SERVE_NOW = `${DAY} 18:00`;
/** The town's code in the district's database: the bench's own, never another bench's. */
export const TOWN = { code: '400200001', name: '测试镇' } as const;
export const BASE = { lon: 119.372819, lat: 31.72512 } as const;

export interface ServeSize {
  groups: number;
  visitsPerGroup: number;
  seed: number;
}
export const FULL: ServeSize = { groups: 30, visitsPerGroup: 20, seed: 20191208 };

export interface PlannedVisit {
  seq: number;
  creditCode: string;
  items: { id: string; text: string }[];
}
export interface GeneratedServeTown {
  dir: string;
  dbFile: string;
  day: string;
  /** Group id → its planned visits of the day, in order. */
  plan: Map<string, PlannedVisit[]>;
  visits: number;
  items: number;
}

const QUIET: Voice = { say: () => {}, warn: () => {}, problems: () => {} };
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(i: number): string {
  let body = '91320413MB';
  for (let k = 0; k < 7; k++) body += CODE_CHARS[Math.floor(i / 31 ** k) % 31];
  return body + creditCodeCheckChar(body)!;
}

export const villageName = (g: number): string => `测试${String(g + 1).padStart(2, '0')}村`;

/** The list: group g's village lies on a ring 2–4 km round the base, its plants within ~300 m of its centre. */
export function serveListText(size: ServeSize): string {
  const rnd = createRandom(size.seed);
  const rows = [LIST_HEADER];
  for (let g = 0; g < size.groups; g++) {
    const angle = (2 * Math.PI * g) / size.groups;
    const km = 2 + (g % 3);
    const cLon = BASE.lon + (km / 95) * Math.cos(angle);
    const cLat = BASE.lat + (km / 111) * Math.sin(angle);
    for (let v = 0; v < size.visitsPerGroup; v++) {
      const i = g * size.visitsPerGroup + v;
      const village = villageName(g);
      rows.push(
        [
          creditCode(i),
          `常州测试机械${i + 1}有限公司`,
          '测试镇',
          village,
          `测试镇${village}${1 + (v % 9)}组${v + 1}号`,
          '机械加工',
          'B',
          '王建国',
          `139${String(10000000 + i).padStart(8, '0')}`,
          (cLon + (rnd.next() - 0.5) * 0.006).toFixed(6),
          (cLat + (rnd.next() - 0.5) * 0.005).toFixed(6),
          '0.5',
          '1.0',
          (0.5 + rnd.next()).toFixed(3),
          (0.5 + rnd.next()).toFixed(3),
          '5',
          '限产20%；停止使用国四及以下重型柴油车运输',
          '限产30%；停止使用国四及以下重型柴油车运输',
          '停产',
        ].join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

export function serveGroupsYaml(size: ServeSize): string {
  const groups = Array.from({ length: size.groups }, (_, g) => {
    const n = String(g + 1);
    return [
      `  - id: "${n}"`,
      `    name: 第${n}巡查组`,
      `    leader: 组长${n}`,
      `    phone: "139000000${n.padStart(2, '0')}"`,
      `    members: [组长${n}, 组员${n}甲, 组员${n}乙]`,
      `    villages: [${villageName(g)}]`,
    ].join('\n');
  });
  return [
    '# 测试镇巡查组（bench:serve 生成，人员与电话均为虚构）',
    'town: 测试镇',
    'county: 金坛区',
    'city: 常州市',
    'coord_system: wgs84',
    `base: { name: 镇政府, lon: ${BASE.lon}, lat: ${BASE.lat} }`,
    'working_day: { start: "08:30", end: "17:30", lunch: "12:00-13:00" }',
    'travel: { speed_kmh: 30, detour_factor: 1.35 }',
    'service_minutes: 15',
    'coverage_days: 1',
    'groups:',
    ...groups,
    '',
  ].join('\n');
}

/** The repository root, from bench/serve (ts-jest) or dist-bench/bench/serve (built). */
export function repoRoot(): string {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return basename(up) === 'dist-bench' ? dirname(up) : up;
}

/** The workspace as the CLI resolves it, with the repository's default rules (dist-bench has no data/). */
export function serveWorkspace(cwd: string): ReturnType<typeof resolveWorkspace> {
  const ws = resolveWorkspace({ cwd });
  return { ...ws, ruleFiles: [join(repoRoot(), 'data/rules/default.yaml'), ...ws.ruleFiles.slice(1)] };
}

export const loadServeTown = (dir: string): Promise<Town> => loadTownIn(serveWorkspace(dir), {}, QUIET);

const wall = (s: string): WallTime => parseWallTime(s)!;

/** Writes the town into `dir` (made when missing): the list, groups, the alert, the day's plan of record. */
export async function generateServeTown(dir: string, size: ServeSize = FULL): Promise<GeneratedServeTown> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'haze.yaml'),
    [
      '# bench:serve 生成 · written by bench:serve',
      'list: enterprises.csv',
      'groups: groups.yaml',
      'db: haze.db',
      `town: { code: "${TOWN.code}", name: ${TOWN.name} }`,
      'district: { code: "320413", name: 金坛区 }',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'enterprises.csv'), serveListText(size));
  writeFileSync(join(dir, 'groups.yaml'), serveGroupsYaml(size));
  const dbFile = join(dir, 'haze.db');
  const db = openStore(dbFile, { create: true })!;
  try {
    // What `haze alert issue orange --at "2019-12-08 07:00"` writes.
    appendAlertEvent(db, { kind: 'issue', level: 'orange', at: wall(ALERT_AT), doc: '测大气应急指办〔2019〕1号' }, `${DAY}T00:00:00.000Z`, () => {});
  } finally {
    db.close();
  }
  const town = await loadServeTown(dir);
  return { dir, dbFile, day: DAY, ...planOfRecord(town, size) };
}

/** Each group's day as the server gives it (groupDay): the first call fixes the plan, as the morning's checklist. */
export function planOfRecord(town: Town, size: Pick<ServeSize, 'groups'>, at: string = PLAN_AT): Omit<GeneratedServeTown, 'dir' | 'dbFile' | 'day'> {
  const now = wall(at);
  const instant = Date.parse(`${at.replace(' ', 'T')}:00+08:00`);
  const plan = new Map<string, PlannedVisit[]>();
  let visits = 0;
  let items = 0;
  for (let g = 1; g <= size.groups; g++) {
    const day = groupDay(town, { date: DAY, groupId: String(g), now, nowInstant: instant }, QUIET);
    const page = day.checklist.pages.find((p) => p.group.id === String(g));
    const vs: PlannedVisit[] = (page?.visits ?? []).map((v) => ({
      seq: v.v.seq,
      creditCode: v.e.creditCode,
      items: v.items.map((it) => ({ id: it.id, text: it.text })),
    }));
    plan.set(String(g), vs);
    visits += vs.length;
    items += vs.reduce((s, v) => s + v.items.length, 0);
  }
  return { plan, visits, items };
}
