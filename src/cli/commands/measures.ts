/**
 * haze measures: one row per enterprise with what it must do at the alert level. Its options and help; the
 * action (../actions/measures.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { MeasuresOpts } from '../actions/measures.js';
import { dateOption } from '../options.js';

export function measuresCommand(program: Command): void {
  const cmd = program
    .command('measures')
    .description('每家企业在该预警级别下应执行的措施 / what each enterprise must do at the alert level')
    .option('--level <level>', 'yellow | orange | red（默认：当天执行中的预警）')
    .option('--summary', '按污染物汇总减排量与目标 / reduction per pollutant against the target')
    .option('--check', '有污染物未达到减排目标时退出码为 1 / exit 1 when a target is not met')
    .option('--explain', '说明措施类型、比例、禁车各由哪些文字或规则得出 / which words or rule gave the action, share and truck ban');
  dateOption(cmd);
  cmd
    .addHelpText(
      'after',
      `
减排量 = 年排放量 ÷ 365 × 停限产比例；目标见规则文件 targets（默认 黄10%、橙20%、红30%）。
Reduction = annual emissions ÷ 365 × the share of production stopped; targets from the rule files.

示例 / examples:
  haze measures --level orange
  haze measures --level red --format csv > red.csv
  haze measures --level orange --summary --check
  haze measures --level orange --explain
  haze measures --format json | jq '.[] | select(.action=="stop") | .name'`,
    )
    .action(async (opts: MeasuresOpts, c: Command) => (await import('../actions/measures.js')).measuresAction(opts, c));
}
