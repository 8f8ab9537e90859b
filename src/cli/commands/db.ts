/**
 * haze db: the workspace store itself — backup, info — and the district's database: push, pull, conflicts, and
 * its accounts (roles, account). The subcommands and their help; the actions (../actions/db.ts, dbSync.ts,
 * dbRoles.ts) are loaded when one runs.
 */
import type { Command } from 'commander';

const actions = () => import('../actions/db.js');
const sync = () => import('../actions/dbSync.js');

const WHICH_DB = `
区级数据库：命令后的连接串，否则 --db / HAZE_DB（postgres://… 时），否则 haze.yaml 的 district.db，否则 HAZE_DISTRICT_DB。
密码不写在连接串里：放在 PGPASSWORD 或 ~/.pgpass。消息中的连接串隐去密码。
The district database: the URL after the command, else --db / HAZE_DB (when postgres://…), else district.db in
haze.yaml, else HAZE_DISTRICT_DB. Keep the password out of it: PGPASSWORD or ~/.pgpass.`;
const roleActions = () => import('../actions/dbRoles.js');

/** --town given again and again: every code, in order. */
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

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
  db.command('roles [url]')
    .description("区级数据库的账号和授权（SQL）：打印，或 --apply 直接执行 / the district database's roles and grants: print the SQL, or run it")
    .option('--town <code>', "乡镇代码，可写多次（默认：haze.yaml 的 town.code）/ a town's code, again for each town (default: haze.yaml town.code)", collect)
    .option('--district-role <name>', "区级登录账号名（默认 haze_district）/ the district's login role (default haze_district)")
    .option(
      '--apply',
      '在区级数据库上执行（一个事务；先建好表结构），要用超级用户的连接串 / run it on the district database (one transaction, after the schema), as a superuser',
    )
    .addHelpText(
      'after',
      `
每个乡镇一个登录账号 haze_town_<代码>，只能读写本乡镇的数据（数据库的行级安全强制执行）；区级账号读全部乡镇，
并可为乡镇写入省级交办问题和区里的预警决定。SQL 可以重复执行；不含密码，设密码：psql 中 \\password 账号名。
[url] 省略时用 --db、haze.yaml 的 district.db 或 HAZE_DISTRICT_DB。

示例 / examples:
  haze db roles --town 320413102 --town 320413103 > roles.sql      # 交给管理员：psql -f roles.sql
  haze db roles postgres://postgres@10.0.0.5/jintan --town 320413102 --town 320413103 --apply
  haze db roles --district-role jintan_office --apply`,
    )
    .action(async (url: string | undefined, opts: { town?: string[]; districtRole?: string; apply?: boolean }, c: Command) =>
      (await roleActions()).rolesAction(url, opts, c),
    );

  db.command('account [url]')
    .description('区级数据库账号的情况：哪个乡镇、看得到多少行 / the district account: which town, what it sees (--format text|json)')
    .addHelpText(
      'after',
      `
设好密码后先用它检查连接：连接串不写密码，密码放在 PGPASSWORD 或 ~/.pgpass（权限 0600）。

示例 / examples:
  haze db account postgres://haze_town_320413102@10.0.0.5/jintan
  PGPASSWORD=… haze db account --format json`,
    )
    .action(async (url: string | undefined, opts: unknown, c: Command) => (await roleActions()).accountAction(url, opts, c));
}
