/**
 * The shared options as commands declare them: each registered as a plain string, parsed in the command's
 * action by its parser in flags.ts (why there, not in commander: see flags.ts). Only commander's types here,
 * so that a command's definition — what `--help` shows — loads nothing of what its action needs.
 */
import type { Command } from 'commander';

export function levelOption(cmd: Command, description = '预警级别 yellow|orange|red、橙色、Ⅱ级…（默认：当天执行中的预警）/ the alert level'): Command {
  return cmd.option('--level <level>', description);
}

export function dateOption(cmd: Command, description = '日期 2019-12-08 或 2019年12月8日（默认：预警开始的日期）/ the date'): Command {
  return cmd.option('--date <date>', description);
}

export function timeOption(cmd: Command, flag: string, description: string): Command {
  return cmd.option(`${flag} <time>`, description);
}

export function groupOption(cmd: Command, description = '巡查组编号或名称 / the patrol group, by id or name'): Command {
  return cmd.option('--group <group>', description);
}

export function daysOption(cmd: Command, description = '计划天数（默认：覆盖所需天数）/ days to plan'): Command {
  return cmd.option('--days <n>', description);
}

/** Default "1" as a string, so `parseSeedFlag(opts.seed)` needs no undefined case. */
export function seedOption(cmd: Command, description = '随机种子，同样输入同样种子得同样计划 / seed (same inputs and seed → same plan)'): Command {
  return cmd.option('--seed <n>', description, '1');
}
