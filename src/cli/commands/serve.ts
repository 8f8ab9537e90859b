/**
 * haze serve: the town's store over HTTP on the office network, for inspectors' phones and the office view;
 * `haze serve tokens` for the groups' links; `haze serve --set-password` for the office's password.
 * Its options and help; the actions (../actions/serve.ts, serveTokens.ts) are loaded when a command runs.
 */
import type { Command } from 'commander';
import type { ServeOpts } from '../actions/serve.js';
import type { MakeOpts } from '../actions/serveTokens.js';

const tokenActions = () => import('../actions/serveTokens.js');

export function serveCommand(program: Command): void {
  const serve = program
    .command('serve')
    .description('在办公室网络上开启录入网页，巡查组用手机录入检查结果 / serve the phone entry pages and the office view on the office network')
    .option('--host <address>', '监听的地址（默认 127.0.0.1 只有本机；办公室 Wi-Fi 用本机的局域网地址）/ the address to listen on', '127.0.0.1')
    .option('--port <n>', '端口 / the port', '8080')
    .option('--tls <cert-and-key...>', '--tls 证书.pem 私钥.pem：只用 HTTPS（手机定位、断网重开页面要它）/ --tls CERT KEY: HTTPS only (PEM files)')
    .option(
      '--set-password',
      '设置办公室页面的密码后退出（终端上输入两次；管道时读第一行）/ set the office password and exit (asked twice; piped: the first line)',
    )
    .option('--user <name>', '--set-password 的用户名（默认 office）/ the user for --set-password (default office)')
    .addHelpText(
      'after',
      `
启动后在标准输出列出办公室页面的地址和各组今天的链接（终端上附二维码）。
On start it prints the office view's address and each group's link for today (with QR codes on a terminal).

示例 / examples:
  haze serve --set-password                 # 先设置办公室密码
  haze serve --host 192.168.1.20            # 手机连办公室 Wi-Fi，扫封面二维码打开
  haze serve --host 0.0.0.0 --port 8080     # 本机所有网络地址
  haze serve --host 192.168.1.20 --tls cert.pem key.pem   # HTTPS`,
    )
    .action(async (opts: ServeOpts, c: Command) => (await import('../actions/serve.js')).serveAction(opts, c));

  const tokens = serve
    .command('tokens')
    .description("巡查组的链接：列出、生成、作废 / the groups' links: list, make, revoke")
    .addHelpText(
      'after',
      `
每个链接只对一个组、给定的日期有效；生成时只显示一次（只保存其散列值），可随时作废。
A link is good for one group and its dates; it is shown once when made (only its hash is kept) and can be revoked.

示例 / examples:
  haze serve tokens
  haze serve tokens make --group all --date 2019-12-08 --url http://192.168.1.20:8080
  haze serve tokens make --group 1 --from 2019-12-08 --to 2019-12-10 --label 备用
  haze serve tokens revoke k3m9x2ab`,
    );

  tokens
    .command('list', { isDefault: true })
    .description('列出链接（--format table|csv|json）/ list the links')
    .action(async (opts: unknown, c: Command) => (await tokenActions()).listAction(opts, c));

  tokens
    .command('make')
    .description('为一个组（或 all）生成链接 / make a link for a group (or all)')
    .option('--group <group>', '巡查组编号或名称，或 all / group id or name, or all')
    .option('--date <date>', '有效日期（默认今天）/ the day it is good for (default today)')
    .option('--from <date>', '有效期的第一天 / first day')
    .option('--to <date>', '有效期的最后一天 / last day')
    .option('--label <text>', '说明 / a label')
    .option('--url <url>', '手机打开的地址，如 http://192.168.1.20:8080（默认 haze.yaml 的 serve.url）/ the address phones open')
    .action(async (opts: MakeOpts, c: Command) => (await tokenActions()).makeAction(opts, c));

  tokens
    .command('revoke <id...>')
    .description('作废链接（编号见 haze serve tokens；有一个编号不存在则都不作废）/ revoke links (all or none)')
    .action(async (ids: string[], opts: unknown, c: Command) => (await tokenActions()).revokeAction(ids, opts, c));
}
