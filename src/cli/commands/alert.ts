/**
 * haze alert: the alert's life in the workspace store — issue, change, lift, status, history. The subcommands,
 * their options and help; the actions (../actions/alert.ts) are loaded when one runs.
 */
import type { Command } from 'commander';
import type { EventOpts, StatusOpts } from '../actions/alert.js';

const TIME_FORMS = '2019-12-08 14:00、2019-12-08T14:00+08:00、2019年12月8日14时';
const actions = () => import('../actions/alert.js');

export function alertCommand(program: Command): void {
  const alert = program
    .command('alert')
    .description('预警的发布、调整、解除和查询 / issue, change, lift and look up the alert')
    .addHelpText(
      'after',
      `
时间为北京时间，可写作 / times are Beijing time: ${TIME_FORMS}
记录保存在工作区的 haze.db（或 --db、HAZE_DB）/ kept in the workspace's haze.db (or --db, HAZE_DB)

示例 / examples:
  haze alert issue orange --at "2019-12-08 14:00" --doc "金大气应急指办〔2019〕5号"
  haze alert change red --at "2019年12月9日20时"
  haze alert lift --at "2019-12-11 12:00"
  haze alert status
  haze alert status --district
  haze alert history --format csv`,
    );

  alert
    .command('issue <level>')
    .description('发布预警 / issue an alert')
    .option('--at <time>', '开始时间（默认现在）/ start time (default now)')
    .option('--until <time>', '预计持续至 / expected end')
    .option('--doc <文号>', "文件编号 / the notice's number")
    .option('--note <text>', '说明 / note')
    .action(async (level: string, opts: EventOpts, c: Command) => (await actions()).issueAction(level, opts, c));

  alert
    .command('change <level>')
    .description("调整预警级别 / change the alert's level")
    .option('--at <time>', '调整时间（默认现在）/ when (default now)')
    .option('--doc <文号>', "文件编号 / the notice's number")
    .option('--note <text>', '说明 / note')
    .action(async (level: string, opts: EventOpts, c: Command) => (await actions()).changeAction(level, opts, c));

  alert
    .command('lift')
    .description('解除预警 / lift the alert')
    .option('--at <time>', '解除时间（默认现在）/ when (default now)')
    .option('--doc <文号>', "文件编号 / the notice's number")
    .option('--note <text>', '说明 / note')
    .action(async (opts: EventOpts, c: Command) => (await actions()).liftAction(opts, c));

  alert
    .command('status')
    .description('某时刻正在执行的预警 / the alert in force at a time')
    .option('--at <time>', '时刻（默认现在）/ when (default now)')
    .option(
      '--district',
      '各乡镇正在执行的预警，读区级数据库（--db postgres://…、haze.yaml 的 district.db 或 HAZE_DISTRICT_DB）/ every town, from the district database',
    )
    .option('--town <code>', '与 --district 同用：只看这个乡镇 / with --district: one town, by its code')
    .addHelpText(
      'after',
      `
示例 / examples:
  haze alert status
  haze alert status --at "2019-12-09 20:00" --format json
  haze alert status --district                      # 各乡镇的预警 / each town's alert
  haze alert status --district --town 320413102 --format json`,
    )
    .action(async (opts: StatusOpts, c: Command) => (await actions()).statusAction(opts, c));

  alert
    .command('history')
    .description('预警的全部变动记录 / every recorded change of the alert')
    .action(async (opts: unknown, c: Command) => (await actions()).historyAction(opts, c));
}
