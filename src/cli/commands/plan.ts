/** haze plan: each group's visits, day by day, within its own area and the working day. */
import type { Command } from 'commander';
import { renderGeoJson } from '../../io/write/geojson.js';
import { renderGpx } from '../../io/write/gpx.js';
import { planSheet, renderPlanHtml } from '../../io/write/html/planHtml.js';
import { printPdf, requireChromium } from '../../io/write/pdf.js';
import { dayAndLevel, levelName } from '../../workflow/alertInForce.js';
import { patrolPlan, type PatrolPlan } from '../../workflow/patrolPlan.js';
import { measuresAt, withAutoAreas, type Town } from '../../workflow/town.js';
import { now, nowInstant } from '../clock.js';
import { dateOption, daysOption, levelOption, parseLevelAndDate, parseCountFlag, parseSeedFlag, seedOption } from '../flags.js';
import { readGlobals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { geoRoutes, gpxRoutes, PLAN_COLUMNS, planRows, sayPlanSummary } from '../planOutput.js';
import { openTown } from '../town.js';
import { cliVoice } from '../voice.js';

const FORMATS = ['table', 'csv', 'json', 'geojson', 'gpx', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface PlanOpts {
  level?: string;
  date?: string;
  days?: string;
  seed: string;
  night?: boolean;
  autoAreas?: boolean;
  replan?: boolean;
  save?: boolean;
}

export function planCommand(program: Command): void {
  const cmd = program
    .command('plan')
    .description("各巡查组逐日巡查路线 / each patrol group's route, day by day")
    .option('--auto-areas', '不按 groups.yaml 的村，自动划分各组片区（紧凑、按工作时长均衡）/ split the areas automatically')
    .option('--night', '夜查：晚间巡查须停产的企业（groups.yaml 的 night 时间）/ the evening round over enterprises that must stop')
    .option('--replan', '按最新情况重新安排已定的执行计划（旧计划保留在历史中）/ plan fixed days again (the old plans are kept)')
    .option('--save', '把计划的每一天都定为执行计划（默认只定第一天）/ make every day of the plan the plan of record (default: the first day)');
  levelOption(cmd, 'yellow|orange|red、橙色、二级、Ⅱ级（默认：当天执行中的预警）/ the level (default: the alert in force)');
  dateOption(cmd, '第一天 YYYY-MM-DD（默认：今天；示例乡镇为预警开始之日）/ the first day');
  daysOption(cmd);
  seedOption(cmd);
  cmd.addHelpText(
    'after',
    `
执行计划：计划第一天（--date）一经打印（任何格式），或该天的检查清单一经打印，即定为当天的执行计划并存入
haze.db；此后该天的 plan、checklist、record、report 都按它，不再重新计算。后面几天标为"暂定"，每次按最新
检查结果重新安排，直到当天打印。输入有变化时在 stderr 提示；要重新安排已定的一天，用 --replan。
The plan of record: the first day of a plan, once printed in any format (or that day's checklist), is fixed in
haze.db; every command about that day uses it from then on. Later days are provisional (暂定) until printed.

示例 / examples:
  haze plan --date 2019-12-08
  haze plan --date 2019-12-08 --days 3 --format csv -o plan.csv
  haze plan --level 红色 --date 2019-12-10 --format json
  haze plan --date 2019-12-09 --replan                         # 按最新检查结果重排已定的一天
  haze plan --date 2019-12-09 --night                          # 夜查路线 / the evening round
  haze plan --date 2019-12-08 --format geojson -o 计划.geojson # GIS；--format gpx 供手机导航
  haze plan --date 2019-12-08 --format pdf -o 巡查计划.pdf     # 每天一页 A4：片区、路线图和各组路线表`,
  );
  cmd.action(async (opts: PlanOpts, c: Command) => {
    const g = readGlobals(c);
    const voice = cliVoice(g);
    const out = openOutput(g, voice, FORMATS, 'table');
    const { level, date } = parseLevelAndDate(opts);
    const days = opts.days === undefined ? undefined : parseCountFlag(opts.days, '--days');
    const seed = parseSeedFlag(opts.seed);
    // Before any planning: without a browser to print with, say so at once (exit 69).
    const chromium = out.format === 'pdf' ? requireChromium() : null;
    const loaded = await openTown(g, voice, out);
    const { date: start, choice } = dayAndLevel(loaded.ws, { date, level }, now().date, voice);
    const measures = measuresAt(loaded, choice.level);
    const town = opts.autoAreas ? withAutoAreas(loaded, measures, voice) : loaded;
    const plan = patrolPlan(
      { town, level: choice.level, since: choice.issuedAt, until: choice.until, measures, start, days, shift: opts.night ? 'night' : 'day', seed },
      { fix: opts.save ? 'all' : 'first', by: opts.replan ? 'replan' : opts.save ? 'save' : 'plan', replan: opts.replan === true, now: nowInstant() },
      voice,
    );
    const count = new Set(plan.routes.map((r) => r.date)).size;
    voice.say({
      zh: `${town.setup.town} ${levelName(choice.level)} 巡查计划，自 ${start} 起 ${count} 天`,
      en: `${town.setup.town} patrol plan at ${choice.level}, ${count} days from ${start}`,
    });
    sayPlanSummary(voice, plan, town, plan.provisional);
    const render: Record<Format, () => string | Uint8Array> = {
      table: () => renderRows(out, 'table', planRows(plan, town, plan.provisional), PLAN_COLUMNS),
      csv: () => renderRows(out, 'csv', planRows(plan, town, plan.provisional), PLAN_COLUMNS),
      json: () => renderRows(out, 'json', planRows(plan, town, plan.provisional), PLAN_COLUMNS),
      geojson: () => renderGeoJson(town.setup.base, geoRoutes(plan, town, plan.provisional)),
      gpx: () => renderGpx(town.setup.base, gpxRoutes(plan, town, plan.provisional)),
      html: () => planHtml(plan, town, choice.issuedAt),
      pdf: () => printPdf(planHtml(plan, town, choice.issuedAt), chromium!),
    };
    out.emit(render[out.format]());
    plan.commit();
  });
}

function planHtml(plan: PatrolPlan, town: Town, since: Parameters<typeof planSheet>[3]): string {
  return renderPlanHtml(planSheet(plan, town.list.enterprises, town.setup, since, plan.provisional));
}
