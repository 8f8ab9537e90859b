/**
 * haze demo: the main job on the embedded sample town, start to finish. Its help; the action
 * (../actions/demo.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('在内置示例乡镇上跑一遍：预警、措施、三个组首日路线和检查清单 / the whole job on the sample town')
    .addHelpText(
      'after',
      `
示例 / example:
  haze demo | less -R`,
    )
    .action(async (opts: unknown, cmd: Command) => (await import('../actions/demo.js')).demoAction(opts, cmd));
}
