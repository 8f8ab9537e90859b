/**
 * haze report: what the inspectors found over a range of days. Its options and help; the action
 * (../actions/report.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { ReportOpts } from '../actions/report.js';
import { SECTION_KEYS } from '../../core/reportSectionKeys.js';

export function reportCommand(program: Command): void {
  program
    .command('report')
    .description('巡查结果报告：覆盖、合规、违规、屡查屡犯、省级暗查问题、未检查企业 / what inspectors found')
    .option('--date <date>', '只看这一天 / that day only')
    .option('--from <date>', "开始日期（默认：预警开始的日期）/ first day (default: the alert's first day)")
    .option('--to <date>', '结束日期（默认：今天；示例乡镇为最后有记录的一天）/ last day (default: today; on the sample, the last day with records)')
    .option('--group <id>', '只看一个巡查组 / one group only')
    .option('--level <level>', '按哪一级的措施计应检查企业（默认：范围内最严的级别）/ the level whose measures decide who must be visited')
    .option(
      '--section <name>',
      `只输出一节（CSV 默认 visits；--district 默认 summary）：summary|${SECTION_KEYS.join('|')} / one section (CSV: default visits; with --district, summary)`,
    )
    .option(
      '--district',
      '区级汇总：读区级数据库（--db postgres://…、haze.yaml 的 district.db 或 HAZE_DISTRICT_DB）中各乡镇的数据 / every town, from the district database',
    )
    .option('--town <code>', '与 --district 同用：只看这个乡镇（乡镇代码）/ with --district: one town, by its code')
    .addHelpText(
      'after',
      `
范围：--date 为这一天；--from/--to 为这几天（含两端）；都不给时，从最近一次预警开始之日到今天
（示例乡镇：到最后有记录的一天）。覆盖率 = 范围内检查过的应检查企业 ÷ 应检查企业（停产、部分停产、限产）；
合规率 = 未发现违规的检查次数 ÷ 检查次数。省级暗查问题：截至范围最后一天仍未关闭的。

示例 / examples:
  haze report                                        # 本次预警至今
  haze report --date 2019-12-08 --group 1
  haze report --from 2019-12-08 --to 2019-12-10 --format md -o 巡查报告.md
  haze report --date 2019-12-08 --format html -o 巡查报告.html   # 写在 haze.db 旁：手机上传的照片随之显示
  haze report --format csv --section violations > 违规.csv
  haze report --format json | jq '.coverage.total'

区级汇总 / district views（先由各乡镇 haze db push 报送 / what the towns pushed）：先是各乡镇一行和合计，
再是各乡镇的报告（与该乡镇自己 haze report 的各节相同）。不给日期时，从各乡镇最近一次预警中最早开始的那天到今天
/ the summary (a row a town, and the total), then each town's own report; without dates, from the earliest
first day of any town's latest alert to today.
  haze report --district                             # 各乡镇汇总和各乡镇的报告 / summary, then each town
  haze report --district --town 320413102 --format md -o 薛埠镇.md
  haze report --district --from 2019-12-08 --to 2019-12-10 --format csv > 区级汇总.csv
  haze report --district --format csv --section violations > 各镇违规.csv
  haze report --district --db postgres://district@10.0.0.5/haze --format json | jq '.total'`,
    )
    .action(async (opts: ReportOpts, c: Command) => (await import('../actions/report.js')).reportAction(opts, c));
}
