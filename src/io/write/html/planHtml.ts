/**
 * The plan for the town office: one A4 sheet per day, with a map of the whole town (a light basemap from
 * the list), every group's area (the outline round its stops of the day) and route, each group in its own
 * colour, line pattern and marker shape, an inset where stops are too dense for their numbers, and each
 * group's route table beside the others.
 */
import {
  LEVEL_EN,
  LEVEL_ZH,
  levelHeading,
  type AlertLevel,
  type DayRoute,
  type Enterprise,
  type Group,
  type Point,
  type TownSetup,
  type Visit,
} from '../../../core/model.js';
import { countOf } from '../../../core/plural.js';
import type { Lang } from '../../../core/problem.js';
import { assignAreas } from '../../../core/routing/areas.js';
import { startsFromNowText } from '../../../core/routing/planCalendar.js';
import type { PlanResult } from '../../../core/routing/planPatrols.js';
import { formatWallTime, type WallTime } from '../../../core/time.js';
import { townBasemap, type Basemap } from '../map/basemap.js';
import { groupStyle, markerSvg } from '../map/groupStyle.js';
import { renderRouteMap } from '../map/routeMap.js';
import { clockOnPaper, dateOnPaper, weekdayOnPaper } from './dateZh.js';
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
  /** Every enterprise of each group's area: the map shows the whole town, not only the day's stops. */
  areas: Map<string, Point[]>;
  /** The light background the list gives: village names, park outlines. */
  basemap: Basemap;
  /** A provisional day (暂定): planned again until its own day is printed. fromNow: its routes start from the clock. */
  days: { date: string; provisional: boolean; fromNow: number | null; groups: PlanDayGroup[] }[];
}

/** The sheet's own words in both languages; names, places and people stay as the town wrote them. */
const WORDS = {
  zh: {
    kicker: '重污染天气应急管控',
    plan: '巡查计划',
    office: '镇应急办',
    provisional: '暂定',
    since: (t: string) => `，自 ${t} 起执行`,
    total: (groups: number, n: number) => `${groups} 个组共查 ${n} 家企业`,
    provisionalNote: '暂定：当天打印时按最新检查结果重新安排',
    load: (n: number, km: string, back: string) => `${n} 家 · ${km} km · ${back} 返回`,
    noVisits: '当天无巡查任务',
    continued: '（续）',
    leader: '组长',
    head: ['序', '企业名称', '村社区', '到达'],
    alert: (level: string) => `${level}预警`,
  },
  en: {
    kicker: 'heavy-pollution-weather emergency controls',
    plan: 'patrol plan',
    office: 'town emergency office',
    provisional: 'provisional',
    since: (t: string) => `, in force since ${t}`,
    total: (groups: number, n: number) => `${countOf(groups, 'group')} check ${countOf(n, 'enterprise')}`,
    provisionalNote: 'provisional: planned again from the latest results when its day is printed',
    load: (n: number, km: string, back: string) => `${countOf(n, 'visit')} · ${km} km · back ${back}`,
    noVisits: 'no visits this day',
    continued: ' (continued)',
    leader: 'leader',
    head: ['no.', 'enterprise', 'village', 'arrive'],
    alert: (level: string) => `${level} alert`,
  },
} as const;

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
    basemap: townBasemap(enterprises),
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

function caption(b: TableBlock, lang: Lang): string {
  const { g } = b;
  const w = WORDS[lang];
  const style = groupStyle(g.index);
  const swatch = `<svg width="11mm" height="3mm" viewBox="0 0 11 3"><line x1="0.5" y1="1.5" x2="10.5" y2="1.5" stroke="${style.color}" stroke-width="0.6"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>${markerSvg(style.marker, 5.5, 1.5, 1.1, style.color)}</svg>`;
  const load = g.route && g.visits.length > 0 ? w.load(g.visits.length, g.route.totalKm.toFixed(1), clockOnPaper(g.route.returnAt, lang)) : w.noVisits;
  const who = b.continued ? h(w.continued) : `　${h(w.leader)} ${h(g.group.leader)} ${h(g.group.phone)} · ${h(load)}`;
  return `<div class="cap">${swatch} ${g.index + 1} ${h(g.group.name)}<span class="who">${who}</span></div>`;
}

function groupTable(b: TableBlock, lang: Lang): string {
  const n = b.g.index + 1;
  const head = WORDS[lang].head;
  const rows = b.rows.map(
    ({ v, e }) =>
      `<tr data-code="${h(e.creditCode)}"><td class="c">${n}-${v.seq}</td><td>${h(e.name)}</td><td>${h(e.village)}</td><td class="c">${clockOnPaper(v.arrive, lang)}</td></tr>`,
  );
  return `<div class="plan-group" data-group="${h(b.g.group.id)}">${caption(b, lang)}${
    b.rows.length === 0
      ? ''
      : `<table class="route-table">
<thead><tr><th class="c">${h(head[0])}</th><th>${h(head[1])}</th><th>${h(head[2])}</th><th class="c">${h(head[3])}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
  }</div>`;
}

function dayPage(sheet: PlanSheet, day: PlanSheet['days'][number], page: number, pages: number, lang: Lang): string {
  const { setup } = sheet;
  const w = WORDS[lang];
  const sp = lang === 'en' ? ' ' : '';
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
    basemap: sheet.basemap,
    lang,
  });
  const total = day.groups.reduce((n, g) => n + g.visits.length, 0);
  const level = `${levelHeading(sheet.level, lang)}${sheet.since ? w.since(formatWallTime(sheet.since)) : ''}`;
  return `<section class="page plan-day" data-date="${day.date}">
<div class="kicker"><span>${h(setup.town)}${sp}${h(w.kicker)}</span><span>${h(w.plan)} · ${h(w.office)}</span></div>
<h1>${h(setup.town)}${sp}${h(w.plan)}　${h(dateOnPaper(day.date, lang))} ${h(weekdayOnPaper(day.date, lang))}${day.provisional ? `　<span class="provisional">${h(w.provisional)}</span>` : ''}</h1>
<div class="sub" style="font-size:10pt">${h(level)}　·　${h(w.total(day.groups.length, total))}${day.fromNow !== null ? `　·　${h(startsFromNowText(day.fromNow, lang))}` : ''}${day.provisional ? `　·　${h(w.provisionalNote)}` : ''}</div>
<figure class="map">
${map}
</figure>
<div class="plan-tables">
${planColumns(day.groups)
  .map((col) => `<div class="plan-col">${col.map((b) => groupTable(b, lang)).join('\n')}</div>`)
  .join('\n')}
</div>
${pageFoot(`${setup.town} · ${w.plan} · ${day.date} · ${w.alert((lang === 'en' ? LEVEL_EN : LEVEL_ZH)[sheet.level])}`, page, pages, lang)}
</section>`;
}

export function renderPlanHtml(sheet: PlanSheet, lang: Lang = 'zh'): string {
  const body = sheet.days.map((d, i) => dayPage(sheet, d, i + 1, sheet.days.length, lang)).join('\n');
  const first = sheet.days[0]?.date ?? '';
  return htmlDocument(`${sheet.setup.town} ${WORDS[lang].plan} ${first}`, body, lang);
}
