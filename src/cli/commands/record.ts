/**
 * haze record: filled-in checklists into the store, or one visit entered at a terminal. Its options and help;
 * the action (../actions/record.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { RecordOpts } from '../actions/record.js';

export function recordCommand(program: Command): void {
  program
    .command('record [file]')
    .description('导入填好的检查清单（CSV 或 .xlsx），或在终端逐项录入 / import filled-in checklists, or enter one visit by hand')
    .option('--inspectors <names>', '检查人（文件中没有 inspectors 列时）/ who inspected, when the file has no inspectors column')
    .option('--checked-at <time>', '没有填写检查时间的行的检查时间（可只写钟点 17:00）/ when, for rows with no time (a time of day alone: on each row’s date)')
    .option('--replace', '更正已记录的结果（旧结果保留在历史中）/ correct recorded results (the old ones are kept)')
    .option('--level <level>', '没有记录预警时使用的级别 / the level, when no alert is recorded')
    .option('--interactive', "在终端逐项录入一次检查 / walk one visit's items at a terminal")
    .option('--date <date>', '（--interactive）检查日期 / the date')
    .option('--group <id>', '（--interactive）巡查组 / the group')
    .option('--seq <n>', "（--interactive）计划序号或信用代码 / the visit's seq or credit code")
    .addHelpText(
      'after',
      `
文件的列：date, group, seq, credit_code, name, item_id, item, result, note（haze checklist --format csv 导出的表），
可加 inspectors, checked_at；也认 --excel 的中文表头。result：ok / violation / na，或 合格 / 不合格 / 不适用。
先检查全部行（企业、检查项、结果、预警期间、文件内重复、是否在计划中），有错误则整个文件不导入（退出码 65）。
同一文件再次导入不会重复记录；与已记录结果不同的文件须加 --replace。

示例 / examples:
  haze checklist --date 2019-12-08 --group all --format csv -o 结果.csv   # 打印、检查、填写后：
  haze record 结果.csv --inspectors "王建国,李明"
  haze record 结果更正.xlsx --replace
  haze record --interactive --date 2019-12-08 --group 1 --seq 3`,
    )
    .action(async (file: string | undefined, opts: RecordOpts, c: Command) => (await import('../actions/record.js')).recordAction(file, opts, c));
}
