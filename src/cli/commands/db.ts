/**
 * haze db: the workspace store itself — backup, info — and the district database's accounts — roles,
 * account. The subcommands and their help; the actions (../actions/db.ts, ../actions/dbRoles.ts) are loaded
 * when one runs.
 */
import type { Command } from 'commander';

const actions = () => import('../actions/db.js');
const roleActions = () => import('../actions/dbRoles.js');

/** --town given again and again: every code, in order. */
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

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
