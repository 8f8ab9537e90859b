/**
 * haze findings: the province's covert-inspection findings (省级暗查) — import, list, close. The subcommands,
 * their options and help; the actions (../actions/findings.ts) are loaded when one runs.
 */
import type { Command } from 'commander';
import type { CircularOpts } from '../actions/circular.js';
import type { CloseOpts, ListOpts } from '../actions/findings.js';

const actions = () => import('../actions/findings.js');

export function findingsCommand(program: Command): void {
  const findings = program
    .command('findings')
    .description("省级暗查发现的问题：导入、查看、关闭、通报 / the province's covert-inspection findings: import, list, close, circulate")
    .addHelpText(
      'after',
      `
问题一直保持"未关闭"，直到之后对该企业的检查（haze record）未发现问题，或用 haze findings close 手动关闭。
a finding stays open until a later inspection of the enterprise finds nothing wrong, or it is closed by hand.

示例 / examples:
  haze findings import 省级暗查问题清单.xlsx
  haze findings list --status open
  haze findings close 3 --note "已整改，12月10日复查合格" --at "2019-12-10 09:00"
  haze findings circular --format pdf -o 暗查情况通报.pdf`,
    );

  findings
    .command('import <file>')
    .description('导入省级暗查问题（CSV 或 .xlsx）/ import findings (CSV or .xlsx)')
    .addHelpText(
      'after',
      `
文件的列 / columns: date, credit_code, name, problem, source（也认 日期、统一社会信用代码、企业名称、问题、来源）；
name 可不填。source 为通报该问题的文件（文号）。先检查全部行，有错误则整个文件不导入（退出码 65）。
同一文件再次导入不会重复记录；其他文件已记录的同一问题（日期、企业、问题、来源相同）不再重复记录。`,
    )
    .action(async (file: string, opts: unknown, c: Command) => (await actions()).importAction(file, opts, c));

  findings
    .command('list')
    .description('列出省级暗查问题 / list the findings')
    .option('--status <status>', 'open（默认）、closed 或 all / open (default), closed or all', 'open')
    .option('--credit-code <code>', '只列这家企业 / only this enterprise')
    .action(async (opts: ListOpts, c: Command) => (await actions()).listAction(opts, c));

  findings
    .command('close <id>')
    .description('手动关闭一条问题 / close a finding by hand')
    .requiredOption('--note <text>', '整改情况 / how it was fixed')
    .option('--at <time>', '关闭时间（默认现在）/ when (default now)')
    .action(async (id: string, opts: CloseOpts, c: Command) => (await actions()).closeAction(id, opts, c));

  findings
    .command('circular')
    .description('把省级暗查情况通报给清单上的每家企业 / the circular of the findings to every enterprise on the list')
    .option('--from <date>', '开始日期（默认：执行中的预警的第一天，否则最近 7 天）/ first day (default: the alert in force began, else the last 7 days)')
    .option('--to <date>', '结束日期（默认今天）/ last day (default today)')
    .option('--level <level>', 'yellow | orange | red（默认：结束日执行中的预警）/ the level whose measures it repeats')
    .option('--doc-no <text>', "本通报的文号（不给则留空待填）/ the circular's own number (blank to fill in by hand without it)")
    .addHelpText(
      'after',
      `
--format text（默认）| html | pdf：通报页（A4）；csv | json：清单上每家企业一行，message 为发给该企业的短信/微信内容。
被通报的企业按通报所列名称印出；整改期限为通报日期后 3 天；各企业应执行的措施与 haze notify 相同。
--format text (default) | html | pdf: the circular (A4); csv | json: one row per enterprise on the list, with its message.

示例 / examples:
  haze findings circular
  haze findings circular --from 2019-12-08 --to 2019-12-10 --doc-no "薛政发〔2019〕88号" --format pdf -o 暗查情况通报.pdf
  haze findings circular --format csv --excel -o 通报短信.csv`,
    )
    .action(async (opts: CircularOpts, c: Command) => (await import('../actions/circular.js')).circularAction(opts, c));
}
