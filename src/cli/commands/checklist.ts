/** haze checklist: what a group checks at each visit of a day, to print or to fill in and import. */
import type { Command } from 'commander';
import { checkItems } from '../../core/checklist.js';
import type { AlertLevel, RequiredMeasure } from '../../core/model.js';
import type { PlanResult } from '../../core/routing/planPatrols.js';
import { parseDate } from '../../core/time.js';
import type { Column } from '../../io/write/columns.js';
import { renderCsv } from '../../io/write/csv.js';
import { renderChecklistMarkdown, renderChecklistText, type ChecklistPage } from '../../io/write/checklistText.js';
import { renderChecklistHtml } from '../../io/write/html/checklistHtml.js';
import { printPdf, requireChromium } from '../../io/write/pdf.js';
import { Context, usage, type Town } from '../context.js';
import { dateOption, dayOf, seedOption } from '../options.js';
import { planThrough, withAutoAreas } from '../planning.js';
import { historyBefore, inputsFingerprint, rememberPlan } from '../records.js';
import { openStore } from '../../io/store/db.js';
import { savedVisitsOn } from '../../io/store/plans.js';
import { visitContexts } from '../../io/store/visitContext.js';
import { travelModel } from '../../core/routing/travel.js';
import type { Point } from '../../core/model.js';

interface ItemRow {
  date: string;
  group: string;
  seq: number;
  creditCode: string;
  name: string;
  itemId: string;
  item: string;
}

export const CHECKLIST_COLUMNS: Column<ItemRow>[] = [
  { key: 'date', zh: '日期', en: 'date', value: (r) => r.date },
  { key: 'group', zh: '组', en: 'group', value: (r) => r.group },
  { key: 'seq', zh: '序', en: 'seq', value: (r) => r.seq },
  { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.creditCode },
  { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.name },
  { key: 'item_id', zh: '检查项编号', en: 'item id', value: (r) => r.itemId },
  { key: 'item', zh: '检查项', en: 'item', value: (r) => r.item },
  { key: 'result', zh: '结果（合格/不合格/不适用）', en: 'result (ok/violation/na)', value: () => '' },
  { key: 'note', zh: '备注', en: 'note', value: () => '' },
];

export function checklistPages(town: Town, plan: PlanResult, date: string, groupIds: readonly string[], level: AlertLevel, measures: Map<string, RequiredMeasure>): ChecklistPage[] {
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  return groupIds.map((id) => {
    const group = town.setup.groups.find((g) => g.id === id)!;
    const route = plan.routes.find((r) => r.date === date && r.groupId === id);
    const visits = (route?.visits ?? []).map((v) => {
      const e = byCode.get(v.creditCode)!;
      const m = measures.get(v.creditCode)!;
      return { v, e, m, items: checkItems(e, m) };
    });
    return { date, group, level, visits };
  });
}

/**
 * The plan printed for that day (haze plan saves what it prints), as a plan of its own: a checklist must
 * match the route sheet the group already holds, even after new records changed the priorities.
 */
function printedPlan(town: Town, date: string, shift: 'day' | 'night', level: AlertLevel, seed: number): PlanResult | null {
  const db = openStore(town.ws.dbFile, { create: false });
  if (!db) return null;
  let visits;
  try {
    visits = savedVisitsOn(db, date, shift, inputsFingerprint(town), level);
  } finally {
    db.close();
  }
  if (!visits) return null;
  // Distances are not stored: they follow from the stops, as the printed sheet showed them.
  const travel = travelModel(town.setup);
  const where = new Map(town.list.enterprises.map((e) => [e.creditCode, e.location]));
  const routes = town.setup.groups.map((g) => {
    let here: Point = town.setup.base;
    let totalKm = 0;
    const own = visits.filter((v) => v.groupId === g.id).map((v) => {
      const at = where.get(v.creditCode) ?? here;
      const legKm = travel.roadKm(here, at);
      totalKm += legKm;
      here = at;
      return { ...v, legKm };
    });
    const last = own[own.length - 1];
    const returnAt = last ? last.depart + travel.minutes(here, town.setup.base) : 0;
    return { date, groupId: g.id, visits: own, totalKm: totalKm + travel.roadKm(here, town.setup.base), returnAt };
  });
  return { level, seed, routes, unplanned: [], reassigned: [], coverage: [] };
}

/** Each visit's last inspection and open provincial findings, from the store when there is one. */
function withRecords(town: Town, pages: ChecklistPage[], date: string): ChecklistPage[] {
  const db = openStore(town.ws.dbFile, { create: false });
  if (!db) return pages;
  try {
    const known = visitContexts(db, pages.flatMap((p) => p.visits.map((v) => v.e.creditCode)), date);
    return pages.map((p) => ({ ...p, visits: p.visits.map((v) => ({ ...v, ...known.get(v.e.creditCode) })) }));
  } finally {
    db.close();
  }
}

export function checklistCommand(program: Command): void {
  const cmd = program
    .command('checklist')
    .description('巡查组当天的现场检查清单 / a group\'s on-site checklist for a day')
    .option('--group <id>', '巡查组编号，或 all / group id, or all')
    .option('--level <level>', 'yellow | orange | red（示例乡镇可省略）')
    .option('--from <date>', '计划的第一天（默认：预警开始的日期）/ the plan\'s first day', (v: string) => parseDate(v) ?? v)
    .option('--night', '夜查清单（与 haze plan --night 相同的计划）/ the evening round\'s checklist')
    .option('--auto-areas', '自动划分片区（与 haze plan --auto-areas 相同）/ areas split automatically, as in plan');
  dateOption(cmd);
  seedOption(cmd);
  cmd
    .addHelpText('after', `
清单来自与 haze plan 相同的计划（同样输入、同样种子）：从预警开始之日（或 --from）排到 --date。
The checklist comes from the same plan as haze plan (same inputs, same seed), planned from the alert's first day (or --from) to --date.

示例 / examples:
  haze checklist --date 2019-12-08 --group 1
  haze checklist --date 2019-12-09 --group 2 --format md -o 第二组.md
  haze checklist --date 2019-12-09 --group all --format csv -o 结果录入.csv
  haze checklist --date 2019-12-08 --group all --format pdf -o 检查清单.pdf   # A4，需本机 Chromium（或 HAZE_CHROMIUM）`)
    .action(async (opts: { group?: string; level?: string; date?: string; from?: string; seed: number; night?: boolean; autoAreas?: boolean }, c: Command) => {
      const ctx = new Context(c);
      const format = ctx.format(['text', 'md', 'csv', 'html', 'pdf'] as const, 'text');
      // Before any planning: without a browser to print with, say so at once (exit 69).
      const chromium = format === 'pdf' ? requireChromium() : null;
      if (!opts.group) throw usage({ zh: '请用 --group 指定巡查组', en: 'give the group with --group' }, { zh: '例如 --group 1，或 --group all', en: 'e.g. --group 1, or --group all' });
      const loaded = await ctx.loadTown();
      const choice = ctx.level(loaded, opts.level, opts.date);
      const { level, issuedAt: since } = choice;
      const measures = ctx.measures(loaded, level);
      const town = opts.autoAreas ? withAutoAreas(ctx, loaded, measures) : loaded;
      const ids = opts.group === 'all' ? town.setup.groups.map((g) => g.id) : [opts.group];
      for (const id of ids) {
        if (!town.setup.groups.some((g) => g.id === id)) {
          throw usage({ zh: `没有第 ${id} 组`, en: `there is no group ${id}` }, { zh: `可用：${town.setup.groups.map((g) => g.id).join('、')}、all`, en: `groups: ${town.setup.groups.map((g) => g.id).join(', ')}, all` });
        }
      }
      const date = dayOf(opts.date, choice, ctx.now());
      const from = opts.from ?? (since && since.date <= date ? since.date : date);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || from > date) {
        throw usage({ zh: `--from 应为不晚于 ${date} 的日期`, en: `--from must be a date no later than ${date}` });
      }
      const shift = opts.night ? 'night' : 'day';
      const plan = printedPlan(town, date, shift, level, opts.seed) ?? (() => {
        // No plan for this day was printed yet: plan it now, as haze plan would from the alert's first day.
        const history = historyBefore(town, since?.date ?? from, from);
        const made = planThrough({ town, level, since, measures, date, from, seed: opts.seed, shift, ...(history ? { history } : {}) });
        rememberPlan(town, made, { start: from, level, shift, seed: opts.seed });
        return made;
      })();
      const pages = withRecords(town, checklistPages(town, plan, date, ids, level, measures), date);
      if (format === 'csv') {
        const rows = pages.flatMap((p) => p.visits.flatMap((cv) => cv.items.map((it) => ({ date, group: p.group.id, seq: cv.v.seq, creditCode: cv.e.creditCode, name: cv.e.name, itemId: it.id, item: it.text }))));
        ctx.emit(renderCsv(rows, CHECKLIST_COLUMNS, { excel: ctx.opts.excel === true, lang: ctx.lang }));
      } else if (format === 'html' || format === 'pdf') {
        const html = renderChecklistHtml(pages, { setup: town.setup, since, routes: plan.routes });
        ctx.emit(chromium ? printPdf(html, chromium) : html);
      } else {
        ctx.emit(format === 'md' ? renderChecklistMarkdown(pages) : renderChecklistText(pages));
      }
      const count = pages.reduce((n, p) => n + p.visits.length, 0);
      ctx.say({ zh: `${date}：${pages.map((p) => p.group.name).join('、')} 共 ${count} 家企业`, en: `${date}: ${count} visits for ${pages.map((p) => p.group.name).join(', ')}` });
    });
}
