/**
 * haze validate: every problem in the list at once, with file, row and column. Its options and help; the
 * action (../actions/validate.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { ValidateOpts } from '../actions/validate.js';

export function validateCommand(program: Command): void {
  program
    .command('validate')
    .description('检查清单，一次列出全部问题 / check the list and report every problem at once')
    .option('--level <level>', '只检查该级别的措施（默认三个级别）/ check the measures of one level only')
    .option('--strict', '警告也算错误 / treat warnings as errors')
    .addHelpText(
      'after',
      `
无错误退出码 0，有错误 65（--strict 时警告也算）。问题写到 stderr；--format csv|json 时写到 stdout 供脚本使用。
Exit 0 when there are no errors, 65 when there are (--strict: warnings count too). Problems go to stderr;
with --format csv|json to stdout for scripts.

示例 / examples:
  haze validate
  haze validate --list 应急减排清单.csv --strict
  haze validate --list list.csv --format json | jq '.[] | select(.severity=="error")'`,
    )
    .action(async (opts: ValidateOpts, cmd: Command) => (await import('../actions/validate.js')).validateAction(opts, cmd));
}
