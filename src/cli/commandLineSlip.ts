/**
 * A slip on the command line — a mistyped option or command, a missing argument — said in one line, in the
 * officer's language: what was wrong, what commander suggests ("did you mean --date?"), and where the whole
 * list is (`haze plan --help`). Not commander's English, and not the 25–40 lines of help under it: the one
 * useful line was lost in them.
 *
 * commander reports these as a CommanderError with a stable code and an English message; the names in it
 * (the flag, the command, the suggestion) are read back out of that message, which commander 14 words as
 * its source does (node_modules/commander/lib/command.js).
 */
import type { Command, CommanderError } from 'commander';
import { CODE, HazeError, type Text } from '../errors.js';

/** A usage error said in one line: the CLI prints its message and no hint line (the pointer is in it). */
export class CommandLineSlip extends HazeError {
  constructor(message: Text) {
    super(CODE.HAZE_USAGE, { message });
  }
}

/** What commander does not report as a slip: help and --version asked for, which end with 0. */
const NOT_A_SLIP = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help', 'commander.executeSubCommandAsync']);

/** The command as typed: `haze`, `haze plan`, `haze db backup`. */
export function commandPath(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

/** The CommanderError as a one-line slip, or the error itself when it is not one (help, version). */
export function commandLineSlip(err: CommanderError, c: Command): Error {
  if (NOT_A_SLIP.has(err.code)) return err;
  const cmd = commandPath(c);
  // The subject of the sentence: the command typed after haze (the line already begins with "haze: ").
  const sub = cmd.replace(/^haze ?/, '');
  const subZh = sub ? `${sub} ` : '';
  const m = err.message;
  const quoted = (re: RegExp) => re.exec(m)?.[1] ?? '';
  const suggested = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(m)?.[1];
  const suggestion = suggested
    ? { zh: `是否要用 ${suggested.replaceAll(', ', '、')}？`, en: `did you mean ${suggested.replaceAll(', ', ' or ')}? See` }
    : { zh: '', en: 'see' };
  const say = (zh: string, en: string): CommandLineSlip =>
    new CommandLineSlip({ zh: `${zh}；${suggestion.zh}用法见 ${cmd} --help`, en: `${en}; ${suggestion.en} ${cmd} --help` });
  // The long name of an option given by its flags ("-o, --output <file>" → --output).
  const optionName = (flags: string) => /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0]!;
  switch (err.code) {
    case 'commander.unknownOption': {
      const flag = quoted(/unknown option '([^']+)'/);
      return say(`${subZh}没有选项 ${flag}`, sub ? `${sub} has no option ${flag}` : `no option ${flag}`);
    }
    case 'commander.unknownCommand': {
      const name = quoted(/unknown command '([^']+)'/);
      return say(`${subZh}没有命令 ${name}`, sub ? `${sub} has no command ${name}` : `no command ${name}`);
    }
    case 'commander.missingArgument': {
      const name = quoted(/missing required argument '([^']+)'/);
      return say(`${subZh}缺少参数 <${name}>（${cmd} ${c.usage()}）`, `${sub} needs its <${name}> (${cmd} ${c.usage()})`);
    }
    case 'commander.optionMissingArgument': {
      const flag = optionName(quoted(/option '([^']+)' argument missing/));
      return say(`选项 ${flag} 后面缺少值`, `${flag} needs a value`);
    }
    case 'commander.missingMandatoryOptionValue': {
      const flag = optionName(quoted(/required option '([^']+)' not specified/));
      return say(`${subZh}必须给出 ${flag}`, `${sub || 'haze'} needs ${flag}`);
    }
    case 'commander.invalidArgument': {
      const option = /option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./.exec(m);
      if (option) {
        const [, flags, value, choices] = option;
        return say(
          `${optionName(flags!)} 只能是 ${choices!.replaceAll(', ', '、')}，而不是"${value}"`,
          `${optionName(flags!)} takes ${choices}, not "${value}"`,
        );
      }
      const value = quoted(/value '([^']*)' is invalid/);
      return say(`参数"${value}"不对`, `the argument "${value}" is not valid`);
    }
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(m);
      const [expected, got] = counts ? [counts[1], counts[2]] : ['?', '?'];
      return say(
        `${subZh}多了参数：应为 ${expected} 个，给了 ${got} 个（值含空格时请加引号）`,
        `${sub || 'haze'} takes ${expected} arguments, got ${got} (quote a value with spaces)`,
      );
    }
    case 'commander.conflictingOption':
      return say(`${sub || 'haze'} 的这两个选项不能同时使用`, `these two options of ${sub || 'haze'} cannot be used together`);
    default:
      return say('命令行有误', 'the command line is not right');
  }
}
