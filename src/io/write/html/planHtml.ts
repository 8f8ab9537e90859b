/**
 * The plan for the town office: one A4 sheet per day, with a map of every group's area (the outline of
 * its enterprises) and route, each group in its own colour, line pattern and marker shape, and each
 * group's route table beside the others.
 */
import {
  LEVEL_RESPONSE_ZH,
  LEVEL_ZH,
  type AlertLevel,
  type DayRoute,
  type Enterprise,
  type Group,
  type Point,
  type TownSetup,
  type Visit,
} from '../../../core/model.js';
import { assignAreas } from '../../../core/routing/areas.js';
import { startsFromNowText } from '../../../core/routing/planCalendar.js';
import type { PlanResult } from '../../../core/routing/planPatrols.js';
import { formatWallTime, type WallTime } from '../../../core/time.js';
import { groupStyle, markerSvg } from '../map/groupStyle.js';
import { renderRouteMap } from '../map/routeMap.js';
import { clockZh, dateZh, weekdayZh } from './dateZh.js';
import { htmlDocument, pageFoot } from './document.js';
import { escapeHtml as h } from './escapeHtml.js';
import { PAGE } from './pageStyle.js';

export interface PlanDayGroup {
  group: Group;
  /** The group's position in groups.yaml: its colour and line pattern. */
  index: number;
  route: DayRoute | null;
  visits: { v: Visit; e: Enterprise }[];
}

export interface PlanSheet {
  setup: TownSetup;
  level: AlertLevel;
  since: WallTime | null;
  /** Every enterprise of each group's area, for the outlines. */
  areas: Map<string, Point[]>;
  /** A provisional day (暂定): planned again until its own day is printed. fromNow: its routes start from the clock. */
  days: { date: string; provisional: boolean; fromNow: number | null; groups: PlanDayGroup[] }[];
}

/** The sheet's content from a plan: days in order, groups in the order of groups.yaml. */
export function planSheet(
  plan: PlanResult,
  enterprises: readonly Enterprise[],
  setup: TownSetup,
  since: WallTime | null,
  provisional: ReadonlySet<string> = new Set(),
  startsFromNow: ReadonlyMap<string, number> = new Map(),
): PlanSheet {
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
  const { groupOf } = assignAreas(enterprises, setup.groups);
  const areas = new Map<string, Point[]>(setup.groups.map((g) => [g.id, []]));
  for (const e of enterprises) areas.get(groupOf.get(e.creditCode) ?? '')?.push(e.location);
  const dates = [...new Set(plan.routes.map((r) => r.date))].sort();
  return {
    setup,
    level: plan.level,
    since,
    areas,
    days: dates.map((date) => ({
      date,
      provisional: provisional.has(date),
      fromNow: startsFromNow.get(date) ?? null,
      groups: setup.groups.map((group, index) => {
        const route = plan.routes.find((r) => r.date === date && r.groupId === group.id) ?? null;
        return { group, index, route, visits: (route?.visits ?? []).map((v) => ({ v, e: byCode.get(v.creditCode)! })) };
      }),
    })),
  };
}

/**
 * The day's route tables in two columns under the map: every group's rows in order, split where the two
 * columns come out even, a group cut by the split continuing at the top of the right column. Two wide
 * columns keep every full enterprise name on one line, which three narrow tables could not on a busy day.
 */
interface TableBlock {
  g: PlanDayGroup;
  rows: PlanDayGroup['visits'];
  continued: boolean;
}

/** Characters of a name that fit on one line of a half-width table at 7 pt. */
const NAME_CHARS = 21;

/** Lines a block takes: its caption (two lines), the header row, its rows (a long name takes two). */
function blockLines(b: TableBlock): number {
  const rows = b.rows.reduce((n, { e }) => n + Math.max(1, Math.ceil([...e.name].length / NAME_CHARS)), 0);
  return 2 + (b.rows.length > 0 ? 1 + rows : 0);
}

export function planColumns(groups: readonly PlanDayGroup[]): TableBlock[][] {
  const total = groups.reduce((n, g) => n + blockLines({ g, rows: g.visits, continued: false }), 0);
  const half = Math.ceil(total / 2);
  const left: TableBlock[] = [];
  const right: TableBlock[] = [];
  let used = 0;
  for (const g of groups) {
    const lines = blockLines({ g, rows: g.visits, continued: false });
    if (right.length > 0 || used >= half) {
      right.push({ g, rows: g.visits, continued: false });
    } else if (used + lines <= half || g.visits.length < 4) {
      left.push({ g, rows: g.visits, continued: false });
      used += lines;
    } else {
      // Split inside the group, leaving at least two rows on each side.
      const fit = Math.min(g.visits.length - 2, Math.max(2, half - used - 3));
      left.push({ g, rows: g.visits.slice(0, fit), continued: false });
      right.push({ g, rows: g.visits.slice(fit), continued: true });
      used = half;
    }
  }
  return [left, right];
}

/** Millimetres per table line at 7 pt with its padding and rule, as measured in Chromium. */
const LINE_MM = 4.06;

/** The proportions of the map: the room left once the taller column of tables has what it needs (the page then fits the drawing to the room actually left). */
export function planMapHeight(groups: readonly PlanDayGroup[]): number {
  const columns = planColumns(groups).map((c) => c.reduce((n, b) => n + blockLines(b), 0) * LINE_MM + c.length * 1.5);
  const used = 24 + Math.max(0, ...columns) + 8 + 6;
  return Math.round(Math.min(190, Math.max(70, PAGE.height - used)));
}

function caption(b: TableBlock): string {
  const { g } = b;
  const style = groupStyle(g.index);
  const swatch = `<svg width="11mm" height="3mm" viewBox="0 0 11 3"><line x1="0.5" y1="1.5" x2="10.5" y2="1.5" stroke="${style.color}" stroke-width="0.6"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>${markerSvg(style.marker, 5.5, 1.5, 1.1, style.color)}</svg>`;
  const load =
    g.route && g.visits.length > 0 ? `${g.visits.length} 家 · ${g.route.totalKm.toFixed(1)} km · ${clockZh(g.route.returnAt)} 返回` : '当天无巡查任务';
  const who = b.continued ? '（续）' : `　组长 ${h(g.group.leader)} ${h(g.group.phone)} · ${h(load)}`;
  return `<div class="cap">${swatch} ${g.index + 1} ${h(g.group.name)}<span class="who">${who}</span></div>`;
}

function groupTable(b: TableBlock): string {
  const n = b.g.index + 1;
  const rows = b.rows.map(
    ({ v, e }) =>
      `<tr data-code="${h(e.creditCode)}"><td class="c">${n}-${v.seq}</td><td>${h(e.name)}</td><td>${h(e.village)}</td><td class="c">${clockZh(v.arrive)}</td></tr>`,
  );
  return `<div class="plan-group" data-group="${h(b.g.group.id)}">${caption(b)}${
    b.rows.length === 0
      ? ''
      : `<table class="route-table">
<thead><tr><th class="c">序</th><th>企业名称</th><th>村社区</th><th class="c">到达</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
  }</div>`;
}

function dayPage(sheet: PlanSheet, day: PlanSheet['days'][number], page: number, pages: number): string {
  const { setup } = sheet;
  const map = renderRouteMap({
    width: PAGE.width,
    height: planMapHeight(day.groups),
    base: setup.base,
    layers: day.groups.map((g) => ({
      key: g.group.id,
      name: g.group.name,
      styleIndex: g.index,
      stops: g.visits.map(({ v, e }) => ({ code: e.creditCode, seq: v.seq, point: e.location })),
      area: sheet.areas.get(g.group.id) ?? [],
    })),
    prefixLabels: true,
  });
  const total = day.groups.reduce((n, g) => n + g.visits.length, 0);
  const level = `${LEVEL_ZH[sheet.level]}预警（${LEVEL_RESPONSE_ZH[sheet.level]}）${sheet.since ? `，自 ${formatWallTime(sheet.since)} 起执行` : ''}`;
  return `<section class="page plan-day" data-date="${day.date}">
<div class="kicker"><span>${h(setup.town)}重污染天气应急管控</span><span>巡查计划 · 镇应急办</span></div>
<h1>${h(setup.town)}巡查计划　${dateZh(day.date)} ${weekdayZh(day.date)}${day.provisional ? '　<span class="provisional">暂定</span>' : ''}</h1>
<div class="sub" style="font-size:10pt">${h(level)}　·　${day.groups.length} 个组共查 ${total} 家企业${day.fromNow !== null ? `　·　${startsFromNowText(day.fromNow)}` : ''}${day.provisional ? '　·　暂定：当天打印时按最新检查结果重新安排' : ''}</div>
<figure class="map">
${map}
</figure>
<div class="plan-tables">
${planColumns(day.groups)
  .map((col) => `<div class="plan-col">${col.map(groupTable).join('\n')}</div>`)
  .join('\n')}
</div>
${pageFoot(`${setup.town} · 巡查计划 · ${day.date} · ${LEVEL_ZH[sheet.level]}预警`, page, pages)}
</section>`;
}

export function renderPlanHtml(sheet: PlanSheet): string {
  const body = sheet.days.map((d, i) => dayPage(sheet, d, i + 1, sheet.days.length)).join('\n');
  const first = sheet.days[0]?.date ?? '';
  return htmlDocument(`${sheet.setup.town} 巡查计划 ${first}`, body);
}
