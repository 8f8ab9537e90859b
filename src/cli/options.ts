/** Options several commands share, parsed and checked once. */
import { InvalidArgumentError, type Command } from 'commander';
import { parseDate, type WallTime } from '../core/time.js';

export function dateOption(cmd: Command): Command {
  return cmd.option('--date <date>', '日期 YYYY-MM-DD（默认：预警开始的日期）/ the date', (v: string) => {
    const d = parseDate(v);
    if (!d) throw new InvalidArgumentError(`expected a date like 2019-12-08 / 应为日期，如 2019-12-08`);
    return d;
  });
}

export function daysOption(cmd: Command): Command {
  return cmd.option('--days <n>', '计划天数（默认：覆盖所需天数）/ days to plan', positiveInt);
}

export function seedOption(cmd: Command): Command {
  return cmd.option('--seed <n>', '随机种子，同样输入同样种子得同样计划 / seed (same inputs and seed → same plan)', nonNegativeInt, 1);
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 366) throw new InvalidArgumentError('expected a whole number from 1 to 366 / 应为 1–366 的整数');
  return n;
}

function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31) throw new InvalidArgumentError('expected a whole number ≥ 0 / 应为非负整数');
  return n;
}

/**
 * The day a command is about: --date; on the sample town the day its alert began (the seed story is in
 * 2019); otherwise today.
 */
export function dayOf(date: string | undefined, choice: { source: string; issuedAt: WallTime | null }, now: WallTime): string {
  if (date) return date;
  if (choice.source === 'sample' && choice.issuedAt) return choice.issuedAt.date;
  return now.date;
}
