/**
 * haze evidence: power-meter (分表计电) and gate-ledger (门禁) data — import into the store, check against the
 * alert's measures for clues. The subcommands, their options and help; the actions (../actions/evidence.ts)
 * are loaded when one runs.
 */
import type { Command } from 'commander';
import type { CheckOpts, ImportOpts } from '../actions/evidence.js';

const actions = () => import('../actions/evidence.js');

export function evidenceCommand(program: Command): void {
  const evidence = program
    .command('evidence')
    .description('分表计电与门禁台账：导入、检查线索 / power meters and gate ledgers: import, check for clues')
    .addHelpText(
      'after',
      `
线索不是违法事实：它说明数据提示了什么、为什么、现场要看什么；只有检查记录才能认定违法。
a clue is not a finding: it says what the data suggests and what to look at on site.

示例 / examples:
  haze evidence import 点位.csv 读数.csv 门禁.xlsx
  haze evidence check --date 2019-12-09
  haze evidence check --format csv -o 线索.csv`,
    );

  evidence
    .command('import <file...>')
    .description('导入分表计电点位、读数和门禁台账（CSV 或 .xlsx）/ import meter points, readings and gate ledgers (CSV or .xlsx)')
    .option('--replace', '用文件中的读数更正已导入的不同读数 / correct stored readings that the files give differently')
    .addHelpText(
      'after',
      `
每个文件按表头识别为点位、读数或门禁台账；先读点位文件，同一次导入的读数文件可以引用其中的点位。
一次导入的所有文件在一个事务中：任何错误都不写入任何内容（退出码 65）。
同一内容再次导入不会重复记录；与已导入读数相同的行跳过；同一点位同一时刻的读数不同则拒绝，除非加 --replace。
each file's kind is read from its header; points files are read first. All files of one call are one
transaction: any error and nothing is written. The same content twice records nothing; a reading that differs
from the stored one for the same point and time is refused unless --replace.

示例 / examples:
  haze evidence import 点位.csv 读数_12月.csv
  haze evidence import 门禁台账.xlsx
  haze evidence import 读数_更正.csv --replace`,
    )
    .action(async (files: string[], opts: ImportOpts, c: Command) => (await actions()).importAction(files, opts, c));

  evidence
    .command('check')
    .description('列出数据提示的线索 / list the clues the data gives')
    .option('--date <date>', '只列时段涉及这一天的线索（默认同其他命令的默认日期）/ clues whose window touches this day (default: the day other commands use)')
    .addHelpText(
      'after',
      `
按当时已知的数据检查：截至 min(现在, 该日结束)。--format table（默认）| csv | json；json 另含每条线索的数值。
列 / columns: credit_code, enterprise, kind, from, to, says, rule, source, at_night（csv、json 的键）。
kind: production_during_stop 停产期间生产 | limit_not_reached 限产未达标 | treatment_off 产治污不同步 |
      night_use 夜间用电异常 | meter_silent 数据缺失 | banned_truck 门禁违规车辆

示例 / examples:
  haze evidence check
  haze evidence check --date 2019-12-09 --wide
  haze evidence check --format json -o 线索.json`,
    )
    .action(async (opts: CheckOpts, c: Command) => (await actions()).checkAction(opts, c));

  evidence
    .command('chart <clue-id>')
    .description("一条线索的用电曲线（SVG）/ one clue's power chart (SVG)")
    .addHelpText(
      'after',
      `
线索编号见 haze evidence check --format json 的 id 字段。曲线画出预警时段、线索时段、各点位的用电、基准和措施要求的水平；
检查清单的 HTML/PDF 页上也有。the id is the id field of haze evidence check --format json; the checklist's HTML and PDF
pages carry the same charts.

示例 / examples:
  haze evidence chart "production_during_stop:91320413MAL5M70X9A:XB027-P1:2019-12-08T22:00" -o 线索.svg`,
    )
    .action(async (id: string, opts: unknown, c: Command) => (await actions()).chartAction(id, opts, c));
}
