/**
 * haze validate: every problem of the workspace at once (haze.yaml, groups.yaml, rule files, the list), with
 * file, line or row and column. Its options and help; the action (../actions/validate.ts) is loaded when the
 * command runs.
 */
import type { Command } from 'commander';
import type { ValidateOpts } from '../actions/validate.js';

export function validateCommand(program: Command): void {
  program
    .command('validate')
    .description('检查工作区（haze.yaml、groups.yaml、规则文件、清单），一次列出全部问题 / check the workspace and report every problem at once')
    .option('--level <level>', '只检查该级别的措施（默认三个级别）/ check the measures of one level only')
    .option('--strict', '警告也算错误 / treat warnings as errors')
    .addHelpText(
      'after',
      `
退出码与之后的命令相同：配置文件有错误 78，清单有错误（或没有企业）65，文件不存在 66，没有问题 0（--strict 时警告也算）。
问题写到 stderr；--format csv|json 时写到 stdout 供脚本使用。
Exit as the first command to stop would: 78 for an error in a config file, 65 in the list (or an empty list),
66 for a missing file, 0 when nothing would stop (--strict: warnings count too). Problems go to stderr;
with --format csv|json to stdout for scripts.

示例 / examples:
  haze validate
  haze validate --list 应急减排清单.csv --strict
  haze validate --list list.csv --format json | jq '.[] | select(.severity=="error")'`,
    )
    .action(async (opts: ValidateOpts, cmd: Command) => (await import('../actions/validate.js')).validateAction(opts, cmd));
}
