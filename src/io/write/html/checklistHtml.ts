/**
 * The checklist inspectors carry, as A4 pages: for each group a cover (who, the alert, the route table and
 * the route map) and one sheet per visit (the enterprise, its measure in plain words, its history, the
 * check items with boxes, room to write, signatures). Pages are numbered within each group's pack, because
 * each group carries its own; `--group all` puts the packs one after another, each from a new sheet.
 */
import { renderUseChart } from '../chart/useChart.js';
import { itemText } from '../../../core/checklist.js';
import { LEVEL_EN, LEVEL_ZH, levelHeading, type DayRoute, type TownSetup } from '../../../core/model.js';
import { measureTextIn } from '../../../core/ownWords.js';
import { countOf } from '../../../core/plural.js';
import type { Lang } from '../../../core/problem.js';
import { startsFromNowText } from '../../../core/routing/planCalendar.js';
import { formatWallTime, type WallTime } from '../../../core/time.js';
import { gradeWithTags, lastInspectionText, openFindingsText, type ChecklistPage, type ChecklistVisit } from '../checklistText.js';
import type { Basemap } from '../map/basemap.js';
import { renderRouteMap } from '../map/routeMap.js';
import { clockOnPaper, dateOnPaper, weekdayOnPaper } from './dateZh.js';
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
  /** The light background drawn under the cover's map (the same as the plan's overview). */
  basemap?: Basemap;
  /** The language of the page's own words (default Chinese); names, places and measure texts stay as written. */
  lang?: Lang;
  /**
   * haze checklist --link: each group's link for its day (by group id), with its QR code as SVG (made by the
   * qrcode library from the link alone: nothing else goes into it), printed on the cover.
   */
  links?: ReadonlyMap<string, { url: string; qrSvg: string }>;
}

/** The page's own words in both languages. */
const WORDS = {
  zh: {
    kicker: '重污染天气应急管控',
    title: '现场检查清单',
    cover: '封面',
    since: (t: string) => `，自 ${t} 起执行`,
    alert: (level: string) => `${level}预警`,
    level: '预警级别',
    leader: '组长',
    phone: '电话',
    members: '组员',
    task: '当日任务',
    noVisits: '当天无巡查任务',
    visits: (n: number) => `检查 ${n} 家企业`,
    distance: (km: string, back: string, base: string) => `，全程约 ${km} km，预计 ${back} 返回${base}`,
    from: (base: string, now: string | null) => `（从${base}出发${now ? `；${now}` : ''}）`,
    route: '巡查路线',
    head: ['序', '企业名称', '村社区', '计划到达', '距上站 km', '措施'],
    back: (base: string) => `返回${base}`,
    list: '、',
    record: '现场检查记录',
    stop: (n: number, of: number) => `第 ${n} 站 / 共 ${of} 站`,
    arrive: '计划到达',
    code: '统一社会信用代码',
    grade: '绩效等级',
    industry: '行业类别',
    village: '村社区',
    address: '详细地址',
    contact: '联系人',
    phoneNo: '联系电话',
    measureAt: (level: string) => `${level}预警应执行措施`,
    measureText: '措施内容：',
    last: '上次检查',
    noRecord: '无记录',
    open: '未整改问题',
    none: '无',
    items: '检查项目',
    clues: '用电与门禁线索（数据提示，须现场核实）',
    cluesKicker: '线索',
    itemHead: ['序', '检查内容', '符合', '不符合', '不适用'],
    notes: '检查情况记录',
    inspector: '检查人员（签字）：',
    owner: '企业现场负责人（签字）：',
    time: '检查时间：',
    hour: '时',
    minute: '分',
    to: '至',
    all: '全部巡查组',
    short: { stop: '停产', stop_part: '部分停产', limit: '限产', self: '自主减排', exempt: '保障类', none: '无' },
    scan: '手机扫码录入检查结果（办公室 Wi-Fi）',
  },
  en: {
    kicker: 'heavy-pollution-weather emergency controls',
    title: 'on-site checklist',
    cover: 'cover',
    since: (t: string) => `, in force since ${t}`,
    alert: (level: string) => `${level} alert`,
    level: 'alert level',
    leader: 'leader',
    phone: 'phone',
    members: 'members',
    task: "the day's task",
    noVisits: 'no visits this day',
    visits: (n: number) => `check ${countOf(n, 'enterprise')}`,
    distance: (km: string, back: string, base: string) => `, about ${km} km in all, back at ${base} about ${back}`,
    from: (base: string, now: string | null) => ` (starting from ${base}${now ? `; ${now}` : ''})`,
    route: 'patrol route',
    head: ['no.', 'enterprise', 'village', 'planned arrival', 'km from last stop', 'measure'],
    back: (base: string) => `back to ${base}`,
    list: ', ',
    record: 'on-site check record',
    stop: (n: number, of: number) => `stop ${n} of ${of}`,
    arrive: 'planned arrival',
    code: 'credit code',
    grade: 'grade',
    industry: 'industry',
    village: 'village',
    address: 'address',
    contact: 'contact',
    phoneNo: 'phone',
    measureAt: (level: string) => `measures at the ${level} alert`,
    measureText: 'measure as written: ',
    last: 'last check',
    noRecord: 'no record',
    open: 'open findings',
    none: 'none',
    items: 'check items',
    clues: 'Clues from power and gate records (what the data suggests; check on site)',
    cluesKicker: 'clues',
    itemHead: ['no.', 'what to check', 'ok', 'violation', 'n/a'],
    notes: 'notes on the check',
    inspector: 'inspectors (sign): ',
    owner: 'person in charge (sign): ',
    time: 'time checked: ',
    hour: 'h',
    minute: 'min',
    to: 'to',
    all: 'all patrol groups',
    short: { stop: 'stop', stop_part: 'partial stop', limit: 'limit', self: 'self-managed', exempt: 'essential', none: 'none' },
    scan: 'Scan with a phone to enter the results (office Wi-Fi)',
  },
} as const;

const levelWord = (p: ChecklistPage, lang: Lang) => (lang === 'en' ? LEVEL_EN : LEVEL_ZH)[p.level];

const km = (x: number) => x.toFixed(1);

function levelLine(p: ChecklistPage, since: WallTime | null, lang: Lang): string {
  return `${levelHeading(p.level, lang)}${since ? WORDS[lang].since(formatWallTime(since)) : ''}`;
}

function foot(p: ChecklistPage, n: number, of: number, lang: Lang): string {
  return pageFoot(`${p.group.name} · ${p.date} · ${WORDS[lang].alert(levelWord(p, lang))}`, n, of, lang);
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
  const lang = opts.lang ?? 'zh';
  const w = WORDS[lang];
  const clockZh = (m: number) => clockOnPaper(m, lang);
  const route = opts.routes?.find((r) => r.date === p.date && r.groupId === p.group.id);
  const members = p.group.members.filter((m) => m !== p.group.leader);
  const task =
    p.visits.length === 0 ? w.noVisits : `${w.visits(p.visits.length)}${route ? w.distance(km(route.totalKm), clockZh(route.returnAt), setup.base.name) : ''}`;
  const rows = p.visits.map(
    (cv) =>
      `<tr data-code="${h(cv.e.creditCode)}"><td class="c">${cv.v.seq}</td><td>${h(cv.e.name)}</td><td>${h(cv.e.village)}</td><td class="c">${clockZh(cv.v.arrive)}</td><td class="num">${km(cv.v.legKm)}</td><td class="c">${h(actionShort(cv, lang))}</td></tr>`,
  );
  if (route && p.visits.length > 0) {
    const back = route.totalKm - p.visits.reduce((s, cv) => s + cv.v.legKm, 0);
    rows.push(
      `<tr class="return"><td class="c">—</td><td>${h(w.back(setup.base.name))}</td><td></td><td class="c">${clockZh(route.returnAt)}</td><td class="num">${km(Math.max(0, back))}</td><td></td></tr>`,
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
    ...(opts.basemap ? { basemap: opts.basemap } : {}),
    lang,
  });
  return `<section class="page cover" data-group="${h(p.group.id)}">
<div class="kicker"><span>${h(setup.town)}${lang === 'en' ? ' ' : ''}${h(w.kicker)}</span><span>${h(w.title)} · ${h(w.cover)}</span></div>
<h1>${h(p.group.name)} ${h(w.title)}</h1>
<div class="sub">${h(dateOnPaper(p.date, lang))} ${h(weekdayOnPaper(p.date, lang))}</div>
${withLink(
  `<table class="info">
<tr><th>${h(w.level)}</th><td>${h(levelLine(p, opts.since, lang))}</td></tr>
<tr><th>${h(w.leader)}</th><td>${h(p.group.leader)}　${h(w.phone)} ${h(p.group.phone)}</td></tr>
<tr><th>${h(w.members)}</th><td>${h(members.join(w.list) || '—')}</td></tr>
<tr><th>${h(w.task)}</th><td>${h(task)}${h(w.from(setup.base.name, p.fromNow != null ? startsFromNowText(p.fromNow, lang) : null))}</td></tr>
</table>`,
  opts.links?.get(p.group.id),
  lang,
)}
<h2>${h(w.route)}</h2>
${
  p.visits.length === 0
    ? `<p class="empty">${h(w.noVisits)}</p>`
    : `<table class="route-table${compactTable(p) ? ' compact' : ''}">
<thead><tr><th class="c">${h(w.head[0])}</th><th>${h(w.head[1])}</th><th>${h(w.head[2])}</th><th class="c">${h(w.head[3])}</th><th class="num">${h(w.head[4])}</th><th class="c">${h(w.head[5])}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
}
<figure class="map">
${map}
</figure>
${foot(p, 1, pages, lang)}
</section>`;
}

/** The cover's head with the group's link beside it: its QR code, the link as text, and what it is for. */
function withLink(info: string, link: { url: string; qrSvg: string } | undefined, lang: Lang): string {
  if (!link) return info;
  return `<div class="cover-head">
${info}
<figure class="link-qr">${link.qrSvg.startsWith('<svg') ? link.qrSvg : ''}<figcaption><span class="url">${h(link.url)}</span><span>${h(WORDS[lang].scan)}</span></figcaption></figure>
</div>`;
}

function actionShort(cv: ChecklistVisit, lang: Lang): string {
  const pct = cv.m.limitPct !== null && cv.m.action !== 'stop' ? ` ${cv.m.limitPct}%` : '';
  return WORDS[lang].short[cv.m.action] + pct;
}

function visitPage(p: ChecklistPage, cv: ChecklistVisit, page: number, pages: number, lang: Lang): string {
  const { e, m, v } = cv;
  const w = WORDS[lang];
  const last = lastInspectionText(cv, lang)?.replace(' ', '　') ?? w.noRecord;
  const findings =
    openFindingsText(cv, lang)
      .map((f) => h(f))
      .join(lang === 'en' ? '; ' : '；') || w.none;
  const date = h(dateOnPaper(p.date, lang));
  const blank = '<span class="blank" style="min-width:10mm"></span>';
  const items = cv.items.map(
    (it, i) =>
      `<tr data-item="${h(it.id)}"><td class="c">${i + 1}</td><td>${h(itemText(it, lang))}</td><td class="c"><span class="box"></span></td><td class="c"><span class="box"></span></td><td class="c"><span class="box"></span></td></tr>`,
  );
  return `<section class="page visit" data-group="${h(p.group.id)}" data-code="${h(e.creditCode)}">
<div class="kicker"><span>${h(p.group.name)} · ${h(w.record)} · ${h(w.stop(v.seq, p.visits.length))}</span><span>${date} ${h(w.arrive)} ${h(clockOnPaper(v.arrive, lang))}</span></div>
<h1 class="enterprise">${h(e.name)}</h1>
<table class="info">
<tr><th>${h(w.code)}</th><td>${h(e.creditCode)}</td><th>${h(w.grade)}</th><td>${h(gradeWithTags(e, lang))}</td></tr>
<tr><th>${h(w.industry)}</th><td>${h(e.industry || '—')}</td><th>${h(w.village)}</th><td>${h(e.village)}</td></tr>
<tr><th>${h(w.address)}</th><td colspan="3">${h(e.address || '—')}</td></tr>
<tr><th>${h(w.contact)}</th><td>${h(e.contact || '—')}</td><th>${h(w.phoneNo)}</th><td>${h(e.phone || '—')}</td></tr>
</table>
<h2>${h(w.measureAt(levelWord(p, lang)))}</h2>
<div class="measure">
<p class="main">${h(measureInWords(m, lang))}</p>
<p>${h(w.measureText)}${h(measureTextIn(m, lang))}</p>
</div>
<table class="info history" style="margin-top:2mm">
<tr><th>${h(w.last)}</th><td>${h(last)}</td></tr>
<tr><th>${h(w.open)}</th><td>${findings}</td></tr>
</table>
<h2>${h(w.items)}</h2>
<table class="items">
<thead><tr><th class="c">${h(w.itemHead[0])}</th><th>${h(w.itemHead[1])}</th><th class="c">${h(w.itemHead[2])}</th><th class="c">${h(w.itemHead[3])}</th><th class="c">${h(w.itemHead[4])}</th></tr></thead>
<tbody>
${items.join('\n')}
</tbody>
</table>
<h2>${h(w.notes)}</h2>
<div class="notes">${'<div class="line"></div>'.repeat(30)}</div>
<div class="sign">
<div>${h(w.inspector)}<span class="blank"></span> <span class="blank"></span></div>
<div>${h(w.owner)}<span class="blank"></span></div>
<div class="wide">${h(w.time)}${date} ${blank} ${w.hour} ${blank} ${w.minute} ${w.to} ${blank} ${w.hour} ${blank} ${w.minute}</div>
</div>
${foot(p, page, pages, lang)}
</section>`;
}

/** Clues on a sheet of their own after the visit's record sheet, which keeps its layout: three charts fit a page. */
const CLUES_A_SHEET = 3;

function clueSheets(cv: ChecklistVisit): ChecklistVisit['clues'][] {
  const clues = cv.clues ?? [];
  const out: ChecklistVisit['clues'][] = [];
  for (let i = 0; i < clues.length; i += CLUES_A_SHEET) out.push(clues.slice(i, i + CLUES_A_SHEET));
  return out;
}

function cluePage(p: ChecklistPage, cv: ChecklistVisit, clues: NonNullable<ChecklistVisit['clues']>, page: number, pages: number, lang: Lang): string {
  const w = WORDS[lang];
  const blocks = clues.map(
    ({ clue, chart }) =>
      `<div class="clue" data-clue="${h(clue.id)}"><p class="main">${h(clue.says[lang])}</p>${chart ? `<div class="chart">${renderUseChart(chart, { lang })}</div>` : ''}</div>`,
  );
  return `<section class="page clues" data-group="${h(p.group.id)}" data-code="${h(cv.e.creditCode)}">
<div class="kicker"><span>${h(p.group.name)} · ${h(w.cluesKicker)} · ${h(w.stop(cv.v.seq, p.visits.length))}</span><span>${h(dateOnPaper(p.date, lang))}</span></div>
<h1 class="enterprise">${h(cv.e.name)}</h1>
<h2>${h(w.clues)}</h2>
${blocks.join('\n')}
${foot(p, page, pages, lang)}
</section>`;
}

export function renderChecklistHtml(pages: readonly ChecklistPage[], opts: ChecklistHtmlOptions): string {
  const lang = opts.lang ?? 'zh';
  const w = WORDS[lang];
  const body = pages.map((p) => {
    const total = 1 + p.visits.reduce((n, cv) => n + 1 + clueSheets(cv).length, 0);
    let page = 1;
    const sheets = p.visits.flatMap((cv) => [visitPage(p, cv, ++page, total, lang), ...clueSheets(cv).map((c) => cluePage(p, cv, c!, ++page, total, lang))]);
    return [cover(p, opts, total), ...sheets].join('\n');
  });
  const first = pages[0];
  const title = first ? `${opts.setup.town} ${w.title} ${first.date} ${pages.length === 1 ? first.group.name : w.all}` : `${opts.setup.town} ${w.title}`;
  return htmlDocument(title, body.join('\n'), lang);
}
