/**
 * The checklist inspectors carry, as A4 pages: for each group a cover (who, the alert, the route table and
 * the route map) and one sheet per visit (the enterprise, its measure in plain words, its history, the
 * check items with boxes, room to write, signatures). Pages are numbered within each group's pack, because
 * each group carries its own; `--group all` puts the packs one after another, each from a new sheet.
 */
import { startsFromNowText } from '../../../core/routing/planCalendar.js';
import { LEVEL_RESPONSE_ZH, LEVEL_ZH, type DayRoute, type TownSetup } from '../../../core/model.js';
import { formatWallTime, type WallTime } from '../../../core/time.js';
import type { ChecklistPage, ChecklistVisit } from '../checklistText.js';
import { renderRouteMap } from '../map/routeMap.js';
import { clockZh, dateZh, weekdayZh } from './dateZh.js';
import { htmlDocument, pageFoot } from './document.js';
import { escapeHtml as h } from './escapeHtml.js';
import { measureInWords } from './measureWords.js';
import { PAGE } from './pageStyle.js';

export interface ChecklistHtmlOptions {
  setup: TownSetup;
  /** When the alert began; null when the level was given by hand. */
  since: WallTime | null;
  /** The day routes the pages come from, for the day's distance and the time back at base. */
  routes?: readonly DayRoute[];
}

const km = (x: number) => x.toFixed(1);

function levelLine(p: ChecklistPage, since: WallTime | null): string {
  return `${LEVEL_ZH[p.level]}预警（${LEVEL_RESPONSE_ZH[p.level]}）${since ? `，自 ${formatWallTime(since)} 起执行` : ''}`;
}

function foot(p: ChecklistPage, n: number, of: number): string {
  return pageFoot(`${p.group.name} · ${p.date} · ${LEVEL_ZH[p.level]}预警`, n, of);
}

/**
 * The proportions to draw the cover's route map in: the height the rest of the cover leaves (estimated from
 * the rows of the route table, longer names taking two lines). The page then gives the map exactly the room
 * that is left and the drawing scales to it, so a wrong estimate costs a little size, never a spilled page.
 */
export function coverMapHeight(p: ChecklistPage): number {
  const nameChars = 22;
  const rowLines = p.visits.reduce((n, cv) => n + Math.max(1, Math.ceil([...cv.e.name].length / nameChars)), 0);
  // Measured in Chromium: 59 mm above the table, rows of 6.35 mm (4.75 mm compact), 11 mm for footer and gaps.
  const table = (rowLines + 2) * (compactTable(p) ? 4.75 : 6.35);
  const used = 59 + table + 12;
  return Math.round(Math.min(150, Math.max(45, PAGE.height - used)));
}

/** A long day's route table is set tighter, to leave the map room. */
function compactTable(p: ChecklistPage): boolean {
  return p.visits.length > 12;
}

function cover(p: ChecklistPage, opts: ChecklistHtmlOptions, pages: number): string {
  const { setup } = opts;
  const route = opts.routes?.find((r) => r.date === p.date && r.groupId === p.group.id);
  const members = p.group.members.filter((m) => m !== p.group.leader);
  const task =
    p.visits.length === 0
      ? '当天无巡查任务'
      : `检查 ${p.visits.length} 家企业${route ? `，全程约 ${km(route.totalKm)} km，预计 ${clockZh(route.returnAt)} 返回${setup.base.name}` : ''}`;
  const rows = p.visits.map(
    (cv) =>
      `<tr data-code="${h(cv.e.creditCode)}"><td class="c">${cv.v.seq}</td><td>${h(cv.e.name)}</td><td>${h(cv.e.village)}</td><td class="c">${clockZh(cv.v.arrive)}</td><td class="num">${km(cv.v.legKm)}</td><td class="c">${h(actionShort(cv))}</td></tr>`,
  );
  if (route && p.visits.length > 0) {
    const back = route.totalKm - p.visits.reduce((s, cv) => s + cv.v.legKm, 0);
    rows.push(
      `<tr class="return"><td class="c">—</td><td>返回${h(setup.base.name)}</td><td></td><td class="c">${clockZh(route.returnAt)}</td><td class="num">${km(Math.max(0, back))}</td><td></td></tr>`,
    );
  }
  const groupIndex = setup.groups.findIndex((g) => g.id === p.group.id);
  const map = renderRouteMap({
    width: PAGE.width,
    height: coverMapHeight(p),
    base: setup.base,
    layers: [
      {
        key: p.group.id,
        name: p.group.name,
        styleIndex: Math.max(0, groupIndex),
        stops: p.visits.map((cv) => ({ code: cv.e.creditCode, seq: cv.v.seq, point: cv.e.location })),
      },
    ],
    prefixLabels: false,
  });
  return `<section class="page cover" data-group="${h(p.group.id)}">
<div class="kicker"><span>${h(setup.town)}重污染天气应急管控</span><span>现场检查清单 · 封面</span></div>
<h1>${h(p.group.name)} 现场检查清单</h1>
<div class="sub">${dateZh(p.date)} ${weekdayZh(p.date)}</div>
<table class="info">
<tr><th>预警级别</th><td>${h(levelLine(p, opts.since))}</td></tr>
<tr><th>组长</th><td>${h(p.group.leader)}　电话 ${h(p.group.phone)}</td></tr>
<tr><th>组员</th><td>${h(members.join('、') || '—')}</td></tr>
<tr><th>当日任务</th><td>${h(task)}（从${h(setup.base.name)}出发${p.fromNow != null ? `；${h(startsFromNowText(p.fromNow))}` : ''}）</td></tr>
</table>
<h2>巡查路线</h2>
${
  p.visits.length === 0
    ? '<p class="empty">当天无巡查任务</p>'
    : `<table class="route-table${compactTable(p) ? ' compact' : ''}">
<thead><tr><th class="c">序</th><th>企业名称</th><th>村社区</th><th class="c">计划到达</th><th class="num">距上站 km</th><th class="c">措施</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
}
<figure class="map">
${map}
</figure>
${foot(p, 1, pages)}
</section>`;
}

function actionShort(cv: ChecklistVisit): string {
  const pct = cv.m.limitPct !== null && cv.m.action !== 'stop' ? ` ${cv.m.limitPct}%` : '';
  return { stop: '停产', stop_part: '部分停产', limit: '限产', self: '自主减排', exempt: '保障类', none: '无' }[cv.m.action] + pct;
}

function gradeText(cv: ChecklistVisit): string {
  return `${cv.e.grade}${cv.e.gradeTags.length > 0 ? `（${cv.e.gradeTags.join('、')}）` : ''}`;
}

function visitPage(p: ChecklistPage, cv: ChecklistVisit, page: number, pages: number): string {
  const { e, m, v } = cv;
  const last = cv.lastInspection ? `${cv.lastInspection.date}　${cv.lastInspection.result}` : '无记录';
  const findings = cv.openFindings && cv.openFindings.length > 0 ? cv.openFindings.map((f) => h(f)).join('；') : '无';
  const items = cv.items.map(
    (it, i) =>
      `<tr data-item="${h(it.id)}"><td class="c">${i + 1}</td><td>${h(it.text)}</td><td class="c"><span class="box"></span></td><td class="c"><span class="box"></span></td><td class="c"><span class="box"></span></td></tr>`,
  );
  return `<section class="page visit" data-group="${h(p.group.id)}" data-code="${h(e.creditCode)}">
<div class="kicker"><span>${h(p.group.name)} · 现场检查记录 · 第 ${v.seq} 站 / 共 ${p.visits.length} 站</span><span>${dateZh(p.date)} 计划到达 ${clockZh(v.arrive)}</span></div>
<h1 class="enterprise">${h(e.name)}</h1>
<table class="info">
<tr><th>统一社会信用代码</th><td>${h(e.creditCode)}</td><th>绩效等级</th><td>${h(gradeText(cv))}</td></tr>
<tr><th>行业类别</th><td>${h(e.industry || '—')}</td><th>村社区</th><td>${h(e.village)}</td></tr>
<tr><th>详细地址</th><td colspan="3">${h(e.address || '—')}</td></tr>
<tr><th>联系人</th><td>${h(e.contact || '—')}</td><th>联系电话</th><td>${h(e.phone || '—')}</td></tr>
</table>
<h2>${LEVEL_ZH[p.level]}预警应执行措施</h2>
<div class="measure">
<p class="main">${h(measureInWords(m))}</p>
<p>措施内容：${h(m.text)}</p>
</div>
<table class="info history" style="margin-top:2mm">
<tr><th>上次检查</th><td>${h(last)}</td></tr>
<tr><th>未整改问题</th><td>${findings}</td></tr>
</table>
<h2>检查项目</h2>
<table class="items">
<thead><tr><th class="c">序</th><th>检查内容</th><th class="c">符合</th><th class="c">不符合</th><th class="c">不适用</th></tr></thead>
<tbody>
${items.join('\n')}
</tbody>
</table>
<h2>检查情况记录</h2>
<div class="notes">${'<div class="line"></div>'.repeat(30)}</div>
<div class="sign">
<div>检查人员（签字）：<span class="blank"></span> <span class="blank"></span></div>
<div>企业现场负责人（签字）：<span class="blank"></span></div>
<div class="wide">检查时间：${dateZh(p.date)} <span class="blank" style="min-width:10mm"></span> 时 <span class="blank" style="min-width:10mm"></span> 分 至 <span class="blank" style="min-width:10mm"></span> 时 <span class="blank" style="min-width:10mm"></span> 分</div>
</div>
${foot(p, page, pages)}
</section>`;
}

export function renderChecklistHtml(pages: readonly ChecklistPage[], opts: ChecklistHtmlOptions): string {
  const body = pages.map((p) => {
    const total = 1 + p.visits.length;
    return [cover(p, opts, total), ...p.visits.map((cv, i) => visitPage(p, cv, i + 2, total))].join('\n');
  });
  const first = pages[0];
  const title = first
    ? `${opts.setup.town} 现场检查清单 ${first.date} ${pages.length === 1 ? first.group.name : '全部巡查组'}`
    : `${opts.setup.town} 现场检查清单`;
  return htmlDocument(title, body.join('\n'));
}
