/**
 * haze init: a workspace to fill in — haze.yaml, an empty list with the canonical headers, a groups template.
 * Its options and help; the action (../actions/init.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { InitOpts } from '../actions/init.js';

export function initCommand(program: Command): void {
  program
    .command('init [dir]')
    .description('创建工作区：haze.yaml、空白清单模板、巡查组模板 / write a workspace')
    .option('--force', '覆盖已有文件 / overwrite existing files')
    .addHelpText(
      'after',
      `
示例 / examples:
  haze init                 在当前目录创建 / in this folder
  haze init 薛埠镇2026       在新目录创建 / in a new folder`,
    )
    .action(async (dir: string | undefined, opts: InitOpts, cmd: Command) => (await import('../actions/init.js')).initAction(dir, opts, cmd));
}
