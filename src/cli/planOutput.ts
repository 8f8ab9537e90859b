/**
 * A patrol plan as people and scripts read it: the row columns (table, CSV, JSON), routes for GIS and
 * phones, and the summary said on stderr (each group's load, coverage, anything that did not fit).
 */
import { ACTION_ZH, actionWord, type Enterprise, type Visit } from '../core/model.js';
import { countOf, verbFor } from '../core/plural.js';
import type { Lang } from '../core/problem.js';
import { reasonText } from '../core/routing/priority.js';
import { startsFromNowText } from '../core/routing/planCalendar.js';
import type { PlanResult } from '../core/routing/planPatrols.js';
import { formatDayClock, formatWallTime, wallAt } from '../core/time.js';
import type { GeoRoute } from '../io/write/geojson.js';
import type { GpxRoute } from '../io/write/gpx.js';
import { amapMarkerUrl, amapNavigationUrl } from '../io/write/navLink.js';
import type { Column } from '../io/write/columns.js';
import { ACTION_WORD } from '../core/vocabulary.js';
import type { Voice } from '../workflow/voice.js';
import type { Town } from '../workflow/town.js';

export interface PlanRow {
  v: Visit;
  e: Enterprise;
  group: string;
  /** The day is not yet a plan of record (暂定). */
  provisional: boolean;
}

const reasonsZh = (reasons: readonly string[]): string => reasons.map((x) => reasonText(x, 'zh')).join('，');
const round2 = (x: number) => Math.round(x * 100) / 100;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The plan's columns; the table's words (暂定, the action, the reasons) in the language asked for. */
export function planRowColumns(lang: Lang): Column<PlanRow>[] {
  return [
    { key: 'date', zh: '日期', en: 'date', value: (r) => r.v.date },
    { key: 'group', zh: '组', en: 'group', value: (r) => r.v.groupId },
    { key: 'seq', zh: '序', en: 'seq', value: (r) => r.v.seq },
    { key: 'provisional', zh: '暂定', en: 'provisional', value: (r) => r.provisional, dataOnly: true },
    { key: 'provisional_mark', zh: '暂定', en: 'prov.', value: (r) => (r.provisional ? (lang === 'en' ? 'prov.' : '暂定') : ''), tableOnly: true, drop: 6 },
    { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.e.creditCode, dataOnly: true },
    { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.e.name, wrap: true },
    { key: 'village', zh: '村社区', en: 'village', value: (r) => r.e.village, drop: 3, wrap: true },
    // Six decimals are about 10 cm: more would only repeat the float noise of a datum conversion.
    { key: 'lon', zh: '经度', en: 'lon', value: (r) => round6(r.e.location.lon), dataOnly: true },
    { key: 'lat', zh: '纬度', en: 'lat', value: (r) => round6(r.e.location.lat), dataOnly: true },
    { key: 'arrive', zh: '到达', en: 'arrive', value: (r) => formatWallTime(wallAt(r.v.date, r.v.arrive)), dataOnly: true },
    { key: 'depart', zh: '离开', en: 'depart', value: (r) => formatWallTime(wallAt(r.v.date, r.v.depart)), dataOnly: true },
    { key: 'arrive_clock', zh: '到达', en: 'arrive', value: (r) => formatDayClock(r.v.arrive), tableOnly: true },
    { key: 'depart_clock', zh: '离开', en: 'depart', value: (r) => formatDayClock(r.v.depart), tableOnly: true, drop: 5 },
    { key: 'leg_km', zh: '路程km', en: 'leg km', value: (r) => round2(r.v.legKm), drop: 2 },
    { key: 'action', zh: '措施类型', en: 'action', value: (r) => ACTION_WORD[r.v.action], excel: (r) => ACTION_ZH[r.v.action], dataOnly: true },
    { key: 'action_zh', zh: '措施', en: 'action', value: (r) => actionWord(r.v.action, lang), tableOnly: true },
    { key: 'reason', zh: '原因', en: 'reason', value: (r) => r.v.reason.join(';'), excel: (r) => reasonsZh(r.v.reason), dataOnly: true },
    {
      key: 'reason_zh',
      zh: '原因',
      en: 'reason',
      value: (r) => r.v.reason.map((x) => reasonText(x, lang)).join(lang === 'en' ? ', ' : '，'),
      tableOnly: true,
      drop: 4,
      wrap: true,
    },
    { key: 'nav_url', zh: '高德导航', en: 'Amap navigation', value: (r) => amapNavigationUrl(r.e.location, r.e.name), dataOnly: true },
    { key: 'nav_short', zh: '高德地图', en: 'Amap', value: (r) => amapMarkerUrl(r.e.location), tableOnly: true, drop: 1 },
  ];
}

export const PLAN_COLUMNS: Column<PlanRow>[] = planRowColumns('zh');

/** Routes for GIS tools: properties with the plan's stable keys. */
export function geoRoutes(plan: PlanResult, town: Town, provisional: ReadonlySet<string>): GeoRoute[] {
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const data = PLAN_COLUMNS.filter((c) => !c.tableOnly && c.key !== 'lon' && c.key !== 'lat');
  return plan.routes
    .filter((r) => r.visits.length > 0)
    .map((r) => ({
      properties: {
        date: r.date,
        group: r.groupId,
        provisional: provisional.has(r.date),
        visits: r.visits.length,
        total_km: Math.round(r.totalKm * 100) / 100,
        return_at: formatWallTime(wallAt(r.date, r.returnAt)),
      },
      stops: r.visits.map((v) => {
        const row = { v, e: byCode.get(v.creditCode)!, group: r.groupId, provisional: provisional.has(r.date) };
        return { location: row.e.location, properties: Object.fromEntries(data.map((c) => [c.key, c.value(row) as string | number | boolean | null])) };
      }),
    }));
}

export function gpxRoutes(plan: PlanResult, town: Town, provisional: ReadonlySet<string>, lang: Lang = 'zh'): GpxRoute[] {
  const en = lang === 'en';
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const name = new Map(town.setup.groups.map((g) => [g.id, g.name]));
  return plan.routes
    .filter((r) => r.visits.length > 0)
    .map((r) => ({
      name: `${r.date} ${name.get(r.groupId) ?? r.groupId}${provisional.has(r.date) ? (en ? ' (provisional)' : '（暂定）') : ''}`,
      desc: en ? `${countOf(r.visits.length, 'visit')}, ${r.totalKm.toFixed(1)} km` : `${r.visits.length} 家，${r.totalKm.toFixed(1)} km`,
      stops: r.visits.map((v) => {
        const e = byCode.get(v.creditCode)!;
        const desc = en
          ? `arrive ${formatDayClock(v.arrive, 'en')}; ${actionWord(v.action, 'en')}; ${e.village}`
          : `${formatDayClock(v.arrive)} 到达；${actionWord(v.action, 'zh')}；${e.village}`;
        return { location: e.location, name: `${v.seq}. ${e.name}`, desc };
      }),
    }));
}

export function planRows(plan: PlanResult, town: Town, provisional: ReadonlySet<string> = new Set()): PlanRow[] {
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const groupName = new Map(town.setup.groups.map((g) => [g.id, g.name]));
  return plan.routes.flatMap((r) =>
    r.visits.map((v) => ({ v, e: byCode.get(v.creditCode)!, group: groupName.get(r.groupId) ?? r.groupId, provisional: provisional.has(r.date) })),
  );
}

/** Days printed after their hours began start from now: said once a day, so the times are no surprise. */
export function sayStartsFromNow(voice: Voice, startsFromNow: ReadonlyMap<string, number>): void {
  for (const [date, minutes] of startsFromNow) {
    voice.say({ zh: `${date} ${startsFromNowText(minutes, 'zh')}`, en: `${date} ${startsFromNowText(minutes, 'en')}` });
  }
}

/** What a person needs to trust the plan: per group and day, the load; coverage; anything that did not fit. */
export function sayPlanSummary(voice: Voice, plan: PlanResult, town: Town, provisional: ReadonlySet<string> = new Set()): void {
  const setup = town.setup;
  const name = new Map(setup.groups.map((g) => [g.id, g.name]));
  const enterprise = new Map(town.list.enterprises.map((e) => [e.creditCode, e.name]));
  for (const r of plan.routes) {
    voice.say({
      zh: `${r.date}${provisional.has(r.date) ? '（暂定）' : ''} ${name.get(r.groupId)}：${r.visits.length} 家，${r.totalKm.toFixed(1)} km，${r.visits.length > 0 ? `${formatDayClock(r.returnAt)} 返回` : '无巡查'}`,
      en: `${r.date}${provisional.has(r.date) ? ' (provisional)' : ''} ${name.get(r.groupId)}: ${countOf(r.visits.length, 'visit')}, ${r.totalKm.toFixed(1)} km${r.visits.length > 0 ? `, back at ${formatDayClock(r.returnAt, 'en')}` : ', no visits'}`,
    });
  }
  for (const c of plan.coverage) {
    const hours = (m: number) => (m / 60).toFixed(1);
    if (c.coveredByDay !== null && c.coveredByDay > setup.coverageDays) {
      voice.warn({
        zh: `${name.get(c.groupId)}：${c.required} 家应查企业约需 ${hours(c.minutesNeeded)} 小时，${setup.coverageDays} 天内只有 ${hours(c.minutesAvailable)} 小时，第 ${c.coveredByDay} 天才能全部查到`,
        en: `${name.get(c.groupId)}: ${countOf(c.required, 'required visit')} ${verbFor(c.required, 'needs', 'need')} about ${hours(c.minutesNeeded)} h, the first ${countOf(setup.coverageDays, 'day')} ${verbFor(setup.coverageDays, 'offers', 'offer')} ${hours(c.minutesAvailable)} h; all are first visited by day ${c.coveredByDay}`,
      });
    }
  }
  // One line a village, not one an enterprise: a village left out of groups.yaml may hold dozens.
  const byVillage = new Map<string, Map<string, number>>();
  for (const r of plan.reassigned) {
    const groups = byVillage.get(r.village) ?? new Map<string, number>();
    groups.set(r.groupId, (groups.get(r.groupId) ?? 0) + 1);
    byVillage.set(r.village, groups);
  }
  for (const [village, groups] of byVillage) {
    const total = [...groups.values()].reduce((a, b) => a + b, 0);
    const order = (g: string) => setup.groups.findIndex((x) => x.id === g);
    const to = [...groups]
      .sort((a, b) => order(a[0]) - order(b[0]))
      .map(([g, n]) => ({ zh: `${name.get(g) ?? g}（${n} 家）`, en: `${name.get(g) ?? g} (${n})` }));
    voice.warn({
      zh: `村社区"${village}"（${total} 家）不属于任何巡查组，按距离分给最近的组：${to.map((t) => t.zh).join('、')}；请在 groups.yaml 中把它写进某组的 villages`,
      en: `village "${village}" (${countOf(total, 'enterprise')}) belongs to no group; each went to the nearest group: ${to.map((t) => t.en).join(', ')}; add it to a group's villages in groups.yaml`,
    });
  }
  for (const c of plan.coverage.filter((x) => x.coveredByDay === null)) {
    const hours = (m: number) => (m / 60).toFixed(1);
    const left = plan.unplanned.filter((u) => u.groupId === c.groupId).map((u) => enterprise.get(u.creditCode) ?? u.creditCode);
    voice.warn({
      zh: `${name.get(c.groupId)}：${c.required} 家应查企业约需 ${hours(c.minutesNeeded)} 小时，计划的天数共 ${hours(c.minutesPlanned)} 小时；已先排最重要的 ${c.covered} 家，其余 ${left.length} 家未排入：${left.join('、')}；用 --days 增加天数`,
      en: `${name.get(c.groupId)}: ${countOf(c.required, 'required visit')} ${verbFor(c.required, 'needs', 'need')} about ${hours(c.minutesNeeded)} h, the days planned offer ${hours(c.minutesPlanned)} h; ${c.covered === 1 ? 'the most important one is' : `the ${c.covered} most important are`} planned, ${left.length} ${verbFor(left.length, 'is', 'are')} not: ${left.join(', ')}; add days with --days`,
    });
  }
}
