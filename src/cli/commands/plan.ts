/** haze plan: each group's visits, day by day, within its own area and the working day. */
import type { Command } from 'commander';
import { ACTION_ZH, type Enterprise, type TownSetup, type Visit } from '../../core/model.js';
import { reasonText } from '../../core/routing/priority.js';
import type { PlanResult } from '../../core/routing/planPatrols.js';
import { formatClock } from '../../core/time.js';
import type { Column } from '../../io/write/columns.js';
import { planSheet, renderPlanHtml } from '../../io/write/html/planHtml.js';
import { printPdf, requireChromium } from '../../io/write/pdf.js';
import { Context, levelZh, type Town } from '../context.js';
import { dateOption, dayOf, daysOption, seedOption } from '../options.js';
import { makePlan } from '../planning.js';
import { renderRows } from '../render.js';

export interface PlanRow {
  v: Visit;
  e: Enterprise;
  group: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export const PLAN_COLUMNS: Column<PlanRow>[] = [
  { key: 'date', zh: '日期', en: 'date', value: (r) => r.v.date },
  { key: 'group', zh: '组', en: 'group', value: (r) => r.v.groupId },
  { key: 'seq', zh: '序', en: 'seq', value: (r) => r.v.seq },
  { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.e.creditCode, dataOnly: true },
  { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.e.name },
  { key: 'village', zh: '村社区', en: 'village', value: (r) => r.e.village },
  { key: 'lon', zh: '经度', en: 'lon', value: (r) => r.e.location.lon, dataOnly: true },
  { key: 'lat', zh: '纬度', en: 'lat', value: (r) => r.e.location.lat, dataOnly: true },
  { key: 'arrive', zh: '到达', en: 'arrive', value: (r) => `${r.v.date} ${formatClock(r.v.arrive)}`, dataOnly: true },
  { key: 'depart', zh: '离开', en: 'depart', value: (r) => `${r.v.date} ${formatClock(r.v.depart)}`, dataOnly: true },
  { key: 'arrive_clock', zh: '到达', en: 'arrive', value: (r) => formatClock(r.v.arrive), tableOnly: true },
  { key: 'depart_clock', zh: '离开', en: 'depart', value: (r) => formatClock(r.v.depart), tableOnly: true },
  { key: 'leg_km', zh: '路程km', en: 'leg km', value: (r) => round2(r.v.legKm) },
  { key: 'action', zh: '措施类型', en: 'action', value: (r) => r.v.action, dataOnly: true },
  { key: 'action_zh', zh: '措施', en: 'action', value: (r) => ACTION_ZH[r.v.action], tableOnly: true },
  { key: 'reason', zh: '原因', en: 'reason', value: (r) => r.v.reason.join(';'), dataOnly: true },
  { key: 'reason_zh', zh: '原因', en: 'reason', value: (r) => r.v.reason.map((x) => reasonText(x, 'zh')).join('，'), tableOnly: true },
];

export function planRows(plan: PlanResult, town: Town): PlanRow[] {
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const groupName = new Map(town.setup.groups.map((g) => [g.id, g.name]));
  return plan.routes.flatMap((r) => r.visits.map((v) => ({ v, e: byCode.get(v.creditCode)!, group: groupName.get(r.groupId) ?? r.groupId })));
}

/** What a person needs to trust the plan: per group and day, the load; coverage; anything that did not fit. */
export function reportPlan(ctx: Context, plan: PlanResult, setup: TownSetup): void {
  const name = new Map(setup.groups.map((g) => [g.id, g.name]));
  for (const r of plan.routes) {
    ctx.say({
      zh: `${r.date} ${name.get(r.groupId)}：${r.visits.length} 家，${r.totalKm.toFixed(1)} km，${r.visits.length > 0 ? `${formatClock(r.returnAt)} 返回` : '无巡查'}`,
      en: `${r.date} ${name.get(r.groupId)}: ${r.visits.length} visits, ${r.totalKm.toFixed(1)} km${r.visits.length > 0 ? `, back at ${formatClock(r.returnAt)}` : ', no visits'}`,
    });
  }
  for (const c of plan.coverage) {
    const hours = (m: number) => (m / 60).toFixed(1);
    if (c.coveredByDay !== null && c.coveredByDay > setup.coverageDays) {
      ctx.warn({
        zh: `${name.get(c.groupId)}：${c.required} 家应查企业约需 ${hours(c.minutesNeeded)} 小时，${setup.coverageDays} 天内只有 ${hours(c.minutesAvailable)} 小时，第 ${c.coveredByDay} 天才能全部查到`,
        en: `${name.get(c.groupId)}: ${c.required} required visits need about ${hours(c.minutesNeeded)} h, the first ${setup.coverageDays} days offer ${hours(c.minutesAvailable)} h; all are first visited by day ${c.coveredByDay}`,
      });
    }
  }
  for (const r of plan.reassigned) {
    ctx.warn({ zh: `${r.creditCode}：村社区"${r.village}"不属于任何巡查组，已分给最近的第 ${r.groupId} 组`, en: `${r.creditCode}: village "${r.village}" belongs to no group; assigned to the nearest, group ${r.groupId}` });
  }
  if (plan.unplanned.length > 0) {
    ctx.warn({
      zh: `${plan.unplanned.length} 家应查企业在所给天数内排不下：${plan.unplanned.map((u) => u.creditCode).join('、')}；用 --days 增加天数`,
      en: `${plan.unplanned.length} required visits do not fit in the days given: ${plan.unplanned.map((u) => u.creditCode).join(', ')}; add days with --days`,
    });
  }
}

export function planCommand(program: Command): void {
  const cmd = program
    .command('plan')
    .description('各巡查组逐日巡查路线 / each patrol group\'s route, day by day')
    .option('--level <level>', 'yellow | orange | red（示例乡镇可省略）');
  dateOption(cmd);
  daysOption(cmd);
  seedOption(cmd);
  cmd
    .addHelpText('after', `
示例 / examples:
  haze plan --date 2019-12-08
  haze plan --date 2019-12-08 --days 3 --format csv -o plan.csv
  haze plan --level red --date 2019-12-10 --format json
  haze plan --date 2019-12-08 --format pdf -o 巡查计划.pdf     # 每天一页 A4：片区、路线图和各组路线表`)
    .action(async (opts: { level?: string; date?: string; days?: number; seed: number }, c: Command) => {
      const ctx = new Context(c);
      const format = ctx.format(['table', 'csv', 'json', 'html', 'pdf'] as const, 'table');
      const chromium = format === 'pdf' ? requireChromium() : null;
      const town = await ctx.loadTown();
      const choice = ctx.level(town, opts.level, opts.date);
      const { level, issuedAt: since } = choice;
      const start = dayOf(opts.date, choice, ctx.now());
      const plan = makePlan({ town, level, since, measures: ctx.measures(town, level), start, days: opts.days, seed: opts.seed });
      ctx.say({ zh: `${town.setup.town} ${levelZh(level)} 巡查计划，自 ${start} 起 ${new Set(plan.routes.map((r) => r.date)).size} 天`, en: `${town.setup.town} patrol plan at ${level}, ${new Set(plan.routes.map((r) => r.date)).size} days from ${start}` });
      reportPlan(ctx, plan, town.setup);
      if (format === 'html' || format === 'pdf') {
        const html = renderPlanHtml(planSheet(plan, town.list.enterprises, town.setup, since));
        ctx.emit(chromium ? printPdf(html, chromium) : html);
      } else {
        ctx.emit(renderRows(ctx, format, planRows(plan, town), PLAN_COLUMNS));
      }
    });
}
