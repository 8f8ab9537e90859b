/**
 * The haze command line: global options, one command per file, and the one place where a HazeError
 * becomes a message on stderr and an exit code (GUIDE §3).
 *
 * Start-up is kept short (npm run bench:startup): a command's file (commands/) holds only what `--help`
 * shows — its options and help text, with commander and nothing heavy — and its action (actions/) is
 * imported when the command runs. `--version` and `--help` therefore load no reader, rule or store module;
 * a HazeError thrown in a lazily loaded action still rejects parseAsync and is mapped to its exit code below.
 * bin/haze.js runs this file bundled (dist/bundle/, scripts/bundle.mjs), each action a chunk of its own.
 */
import { Command, CommanderError, Option } from 'commander';
import { formatWhere, HazeError, EXIT } from '../errors.js';
import { PACKAGE_VERSION } from '../packageRoot.js';
import { commandLineSlip, CommandLineSlip } from './commandLineSlip.js';
import { alertCommand } from './commands/alert.js';
import { checklistCommand } from './commands/checklist.js';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { evidenceCommand } from './commands/evidence.js';
import { findingsCommand } from './commands/findings.js';
import { initCommand } from './commands/init.js';
import { measuresCommand } from './commands/measures.js';
import { notifyCommand } from './commands/notify.js';
import { planCommand } from './commands/plan.js';
import { recordCommand } from './commands/record.js';
import { serveCommand } from './commands/serve.js';
import { reportCommand } from './commands/report.js';
import { validateCommand } from './commands/validate.js';

function englishRequested(argv: readonly string[]): boolean {
  const i = argv.indexOf('--lang');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return (flag ?? process.env.HAZE_LANG) === 'en';
}

const OUTPUT = { writeErr: (s: string) => process.stderr.write(s), writeOut: (s: string) => process.stdout.write(s), outputError: () => {} };

export function buildProgram(): Command {
  const program = new Command('haze')
    .description('重污染天气应急管控：清单 → 措施 → 巡查路线 → 检查清单 / heavy-pollution-weather emergency control for a town')
    .version(PACKAGE_VERSION, '-V, --version')
    .option('--list <file>', '应急减排清单 CSV 或 .xlsx（- 为标准输入）/ the list, CSV or .xlsx (- for stdin)')
    .option(
      '--encoding <enc>',
      "清单 CSV 的编码，覆盖自动识别：utf-8、gb18030（gbk）；gb18030 同时用于输出的 CSV / the list's encoding, overriding detection; gb18030 also for CSV written",
    )
    .option('--sheet <name>', '读取 .xlsx 的哪个工作表（默认第一个）/ the workbook sheet to read (default: the first)')
    .option('--groups <file>', '巡查组配置 groups.yaml / the groups file')
    .option('--rules <file...>', '本镇规则文件，覆盖默认规则 / town rule files')
    .option(
      '--db <file|url>',
      '工作区数据库（默认 haze.db，或 HAZE_DB；postgres://… 时以区级数据库为准，本机保留副本）/ the workspace store (postgres://…: the district database, with a copy here)',
    )
    .option('--format <format>', '输出格式 table|csv|json（各命令另有）/ output format')
    .option('--excel', 'CSV 给 Excel 用：中文表头和内容 + UTF-8 BOM（即 --format csv）/ CSV for Excel: Chinese headers and values, a BOM')
    .option('--wide', '终端表格显示全部列、不换行（默认按屏幕宽度省略次要列）/ terminal tables whole, every column (by default they fit the screen)')
    .option('--output-encoding <enc>', '输出编码 utf-8（默认）或 gb18030（旧版软件）/ output encoding: utf-8 or gb18030 for old software')
    .option(
      '-o, --output <file>',
      '写到文件（先写临时文件再改名；按扩展名定格式，如 .csv .json .pdf；不能写的扩展名如 .xlsx 拒绝）/ write to a file (its extension names the format; one haze cannot write, e.g. .xlsx, is refused)',
    )
    .addOption(new Option('--lang <lang>', '提示语言 / message language').choices(['zh', 'en']))
    .option('--no-color', '不用颜色 / no colour')
    .enablePositionalOptions(false)
    .configureOutput(OUTPUT)
    // The district as the store of record (--db postgres://…): the replica synced before, pushed after (replica.ts).
    .hook('preAction', async (_program, action) => (await import('./replica.js')).beforeCommand(action))
    .hook('postAction', async (_program, action) => (await import('./replica.js')).afterCommand(action));
  for (const add of [
    initCommand,
    validateCommand,
    measuresCommand,
    alertCommand,
    notifyCommand,
    planCommand,
    checklistCommand,
    recordCommand,
    reportCommand,
    findingsCommand,
    evidenceCommand,
    dbCommand,
    serveCommand,
    demoCommand,
  ])
    add(program);
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  // A slip is one line of our own (commandLineSlip.ts): commander's English and its help dump stay unsaid.
  for (const c of all(program))
    c.configureOutput(OUTPUT)
      .showHelpAfterError(false)
      .showSuggestionAfterError(true)
      .exitOverride((err) => {
        throw commandLineSlip(err, c);
      });
  return program;
}

function reportError(err: unknown, argv: readonly string[]): number {
  const en = englishRequested(argv);
  if (err instanceof HazeError) {
    const where = err.where ? `${formatWhere(err.where)}: ` : '';
    process.stderr.write(`haze: ${where}${en ? err.text.en : err.text.zh}\n`);
    if (err.hint && !(err instanceof CommandLineSlip)) process.stderr.write(`${en ? 'hint' : '提示'}: ${en ? err.hint.en : err.hint.zh}\n`);
    return err.exitCode;
  }
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // not reached: every command's slip becomes a CommandLineSlip
  }
  const e = err as Error;
  process.stderr.write(`haze: ${en ? 'internal error (a bug in haze, please report it)' : '内部错误（haze 的缺陷，请报告）'}: ${e?.stack ?? String(err)}\n`);
  return EXIT.software;
}

/** `haze … | head` closes the pipe early: that is the reader's choice, not an error. */
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') {
    process.exitCode = EXIT.ok;
    process.stdout.destroy();
    return;
  }
  process.exitCode = EXIT.ioErr;
  // Loaded only now: start-up imports no io module (test/cli/startup.test.ts).
  void import('../io/faultWords.js').then(({ faultWords }) => {
    const why = faultWords(err, '<stdout>', 'write');
    process.stderr.write(englishRequested(argv) ? `haze: cannot write the output: ${why.en}\n` : `haze: 无法写出输出：${why.zh}\n`);
  });
});

const argv = process.argv.slice(2);
try {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
  } else {
    await program.parseAsync(argv, { from: 'user' });
  }
} catch (err) {
  process.exitCode = reportError(err, argv);
}
