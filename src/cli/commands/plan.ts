/**
 * haze plan: each group's visits, day by day, within its own area and the working day. Its options and help;
 * the action (../actions/plan.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { PlanOpts } from '../actions/plan.js';
import { dateOption, daysOption, levelOption, seedOption } from '../options.js';

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
今天的路线从当前时间起排（stderr 提示"从 15:10 起排（当前时间）"）；今天的工作时间已过则从明天起排。
Today's routes start from now (HAZE_NOW for replays); after the day's hours the plan starts the next day.

示例 / examples:
  haze plan --date 2019-12-08
  haze plan --date 2019-12-08 --days 3 --format csv -o plan.csv
  haze plan --level 红色 --date 2019-12-10 --format json
  haze plan --date 2019-12-09 --replan                         # 按最新检查结果重排已定的一天
  haze plan --date 2019-12-09 --night                          # 夜查路线 / the evening round
  haze plan --date 2019-12-08 --format geojson -o 计划.geojson # GIS；--format gpx 供手机导航
  haze plan --date 2019-12-08 --format pdf -o 巡查计划.pdf     # 每天一页 A4：片区、路线图和各组路线表`,
  );
  cmd.action(async (opts: PlanOpts, c: Command) => (await import('../actions/plan.js')).planAction(opts, c));
}
