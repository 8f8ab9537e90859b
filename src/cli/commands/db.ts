/**
 * haze db: the workspace store itself — backup, info. The subcommands and their help; the actions
 * (../actions/db.ts) are loaded when one runs.
 */
import type { Command } from 'commander';

const actions = () => import('../actions/db.js');

export function dbCommand(program: Command): void {
  const db = program.command('db').description('工作区数据库：备份、概况 / the workspace store: backup, info');

  db.command('backup <file>')
    .description('在他人读写的同时写出一致的副本 / write a consistent copy while others read and write')
    .addHelpText(
      'after',
      `
先写到目标文件夹中的临时文件，检查后再改名：不会留下半个文件；目标已存在时被完整的新副本替换。
<file> 是文件夹时，副本用数据库自己的文件名。不能备份到数据库自身。

示例 / examples:
  haze db backup 备份/haze-20191208.db
  haze --db /srv/xuebu/haze.db db backup /mnt/usb/`,
    )
    .action(async (file: string, opts: unknown, c: Command) => (await actions()).backupAction(file, opts, c));

  db.command('info')
    .description('结构版本和各表行数 / schema version and rows per table (--format text|json)')
    .action(async (opts: unknown, c: Command) => (await actions()).infoAction(opts, c));
}
