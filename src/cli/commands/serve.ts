/**
 * haze serve: the town's store over HTTP on the office network, for inspectors' phones and the office view.
 * Its options and help; the action (../actions/serve.ts) is loaded when the command runs.
 */
import type { Command } from 'commander';
import type { ServeOpts } from '../actions/serve.js';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('在办公室网络上开启录入网页，巡查组用手机录入检查结果 / serve the phone entry pages and the office view on the office network')
    .option('--host <address>', '监听的地址（默认 127.0.0.1 只有本机；办公室 Wi-Fi 用本机的局域网地址）/ the address to listen on', '127.0.0.1')
    .option('--port <n>', '端口 / the port', '8080')
    .addHelpText(
      'after',
      `
示例 / examples:
  haze serve --host 192.168.1.20            # 手机连办公室 Wi-Fi，扫封面二维码打开
  haze serve --host 0.0.0.0 --port 8080     # 本机所有网络地址`,
    )
    .action(async (opts: ServeOpts, c: Command) => (await import('../actions/serve.js')).serveAction(opts, c));
}
