/**
 * haze notify: the notice for each enterprise with a measure at the level. Its options and help; the action
 * (../actions/notify.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { NotifyOpts } from '../actions/notify.js';
import { dateOption } from '../options.js';

export function notifyCommand(program: Command): void {
  const cmd = program
    .command('notify')
    .description('给每家有措施的企业的预警通知 / the notice for each enterprise with a measure')
    .option('--level <level>', 'yellow | orange | red（默认：当天执行中的预警）')
    .option('--from <time>', '起始时间（用 --level 时）/ when the level took effect (with --level)');
  dateOption(cmd);
  cmd
    .addHelpText(
      'after',
      `
联系人为企业所在片区巡查组的组长。The contact is the leader of the group whose area the enterprise is in.

示例 / examples:
  haze notify
  haze notify --format csv --excel -o 通知.csv
  haze notify --level red --from "2019-12-09 20:00" --format json`,
    )
    .action(async (opts: NotifyOpts, c: Command) => (await import('../actions/notify.js')).notifyAction(opts, c));
}
