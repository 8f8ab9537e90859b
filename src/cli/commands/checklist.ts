/**
 * haze checklist: what a group checks at each visit of a day, to print or to fill in and import. Its options
 * and help; the action (../actions/checklist.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { ChecklistOpts } from '../actions/checklist.js';
import { dateOption, groupOption, levelOption, seedOption } from '../options.js';

export function checklistCommand(program: Command): void {
  const cmd = program
    .command('checklist')
    .description("巡查组当天的现场检查清单 / a group's on-site checklist for a day")
    .option('--night', "夜查清单（与 haze plan --night 相同的计划）/ the evening round's checklist")
    .option('--auto-areas', '自动划分片区（与 haze plan --auto-areas 相同）/ areas split automatically, as in plan')
    .option(
      '--link [url]',
      "封面印上本组当天录入链接的二维码（html/pdf；地址如 http://192.168.1.20:8080，不给则用 haze.yaml 的 serve.url）/ print the group's phone link as a QR code on the cover",
    );
  groupOption(cmd, '巡查组编号或名称，或 all / group id or name, or all');
  levelOption(cmd, 'yellow|orange|red、橙色、二级（默认：当天执行中的预警）/ the level');
  dateOption(cmd, '日期 YYYY-MM-DD（默认：今天；示例乡镇为预警开始之日）/ the date');
  seedOption(cmd);
  cmd.addHelpText(
    'after',
    `
清单按当天的执行计划：该天已打印过计划或清单时按已定的计划；否则按 haze plan --date 当天 的计划，并把它定为
执行计划。The checklist follows the day's plan of record: the one printed before, or the plan haze plan --date
would give for that day, which it fixes.

示例 / examples:
  haze checklist --date 2019-12-08 --group 1
  haze checklist --date 2019-12-09 --group 第二组 --format md -o 第二组.md
  haze checklist --date 2019-12-09 --group all --format csv -o 结果录入.csv
  haze checklist --date 2019-12-08 --group all --format pdf -o 检查清单.pdf   # A4，需本机 Chromium（或 HAZE_CHROMIUM）
  haze checklist --date 2019-12-08 --group all --format pdf --link http://192.168.1.20:8080 -o 检查清单.pdf   # 封面带手机录入二维码`,
  );
  cmd.action(async (opts: ChecklistOpts, c: Command) => (await import('../actions/checklist.js')).checklistAction(opts, c));
}
