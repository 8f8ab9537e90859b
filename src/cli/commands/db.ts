/**
 * haze db: the workspace store itself — backup, info — and the district's database: push, pull, conflicts.
 * The subcommands and their help; the actions (../actions/db.ts, ../actions/dbSync.ts) are loaded when one runs.
 */
import type { Command } from 'commander';

const actions = () => import('../actions/db.js');
const sync = () => import('../actions/dbSync.js');

const WHICH_DB = `
区级数据库：命令后的连接串，否则 --db / HAZE_DB（postgres://… 时），否则 haze.yaml 的 district.db，否则 HAZE_DISTRICT_DB。
密码不写在连接串里：放在 PGPASSWORD 或 ~/.pgpass。消息中的连接串隐去密码。
The district database: the URL after the command, else --db / HAZE_DB (when postgres://…), else district.db in
haze.yaml, else HAZE_DISTRICT_DB. Keep the password out of it: PGPASSWORD or ~/.pgpass.`;

export function dbCommand(program: Command): void {
  const db = program.command('db').description('工作区数据库：备份、概况；与区级数据库同步 / the workspace store: backup, info; sync with the district');

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

  db.command('push [url]')
    .description('把本乡镇离线记录的内容报送到区级数据库 / send what the town recorded offline to the district')
    .addHelpText(
      'after',
      `
报送预警记录、检查记录（含更正历史）、暗查问题、方案和执行方案、证据给出的线索和本乡镇清单；分表计电读数和门禁台账
留在本机。每一行按其内容得到固定编号：重复报送、中途断开后再报送、同一乡镇两台电脑分别报送，都不会重复。
两边对同一条记录的更正不同时，两个版本都保留，列入 haze db conflicts，不覆盖任何一方。
Sends the alert's events, inspection records with their corrections, findings, plans and plans of record, the
clues the evidence gave and the town's list; raw meter readings and the gate ledger stay here. Every row has a
stable id from its content: pushing again, after a push cut off halfway, or from two PCs of the town, adds
nothing twice. The same record corrected differently in two places is kept both ways and listed by
haze db conflicts; nothing is overwritten.
${WHICH_DB}

示例 / examples:
  haze db push
  haze db push postgres://xuebu@10.0.0.5/haze
  PGPASSWORD=… haze db push "postgres://xuebu@district.example.cn/haze?sslmode=require"`,
    )
    .action(async (url: string | undefined, opts: unknown, c: Command) => (await sync()).pushAction(url, opts, c));

  db.command('pull [url]')
    .description('从区级数据库取回本乡镇没有的暗查问题和预警记录 / bring down the findings and alert events the town lacks')
    .addHelpText(
      'after',
      `
取回区里录入的暗查问题和区里的预警决定，写入本机数据库，之后 haze findings list、haze alert status 可见。
再次取回不会重复。Brings the findings and alert decisions entered at the district into the store, where
haze findings list and haze alert status see them; pulling again brings nothing twice.
${WHICH_DB}

示例 / examples:
  haze db pull
  haze db pull postgres://xuebu@10.0.0.5/haze && haze findings list`,
    )
    .action(async (url: string | undefined, opts: unknown, c: Command) => (await sync()).pullAction(url, opts, c));

  db.command('conflicts [url]')
    .description('报送时发现的、与区级记录不同的内容 / what a push found recorded differently at the district (--format table|csv|json)')
    .addHelpText(
      'after',
      `
每处冲突列出区级的版本和本乡镇的版本，由人决定以哪个为准；同一冲突再次报送不会重复列出。
Each conflict shows the district's version and the town's, for a person to settle; pushing again does not list
it twice.
${WHICH_DB}

示例 / examples:
  haze db conflicts
  haze db conflicts --format json
  haze db conflicts postgres://xuebu@10.0.0.5/haze --format csv --excel -o 冲突.csv`,
    )
    .action(async (url: string | undefined, opts: unknown, c: Command) => (await sync()).conflictsAction(url, opts, c));
}
