/** haze validate: every problem in the list at once, with file, row and column; exit 65 when any is an error. */
import type { Command } from 'commander';
import { hasErrors, type Problem } from '../../core/problem.js';
import { formatWhere } from '../../errors.js';
import type { Column } from '../../io/write/columns.js';
import { loadList } from '../../io/read/loadList.js';
import { Context } from '../context.js';
import { renderRows } from '../render.js';

export const PROBLEM_COLUMNS: Column<Problem>[] = [
  { key: 'severity', zh: '级别', en: 'severity', value: (p) => p.severity },
  { key: 'code', zh: '代码', en: 'code', value: (p) => p.code },
  { key: 'file', zh: '文件', en: 'file', value: (p) => p.where.file },
  { key: 'row', zh: '行', en: 'row', value: (p) => p.where.row ?? null },
  { key: 'column', zh: '列', en: 'column', value: (p) => p.where.column ?? null },
  { key: 'value', zh: '值', en: 'value', value: (p) => p.value ?? null },
  { key: 'message', zh: '问题', en: 'message', value: (p) => p.message.zh },
  { key: 'message_en', zh: '问题（英文）', en: 'message (English)', value: (p) => p.message.en },
  { key: 'hint', zh: '提示', en: 'hint', value: (p) => p.hint?.zh ?? null },
];

export function validateCommand(program: Command): void {
  program
    .command('validate')
    .description('检查清单，一次列出全部问题 / check the list and report every problem at once')
    .addHelpText('after', `
无问题退出码 0，有错误 65（警告不影响退出码）。问题写到 stderr；--format csv|json 时写到 stdout 供脚本使用。
Exit 0 when clean, 65 when there are errors. Problems go to stderr; with --format csv|json to stdout for scripts.

示例 / examples:
  haze validate
  haze validate --list 应急减排清单.csv
  haze validate --list list.csv --format json | jq '.[] | select(.severity=="error")'`)
    .action((_opts: unknown, cmd: Command) => {
      const ctx = new Context(cmd);
      const format = ctx.format(['text', 'csv', 'json'] as const, 'text');
      const ws = ctx.workspace();
      const list = loadList(ws.listFile);
      const errors = list.problems.filter((p) => p.severity === 'error').length;
      const warnings = list.problems.length - errors;
      if (format === 'text') ctx.reportProblems(list.problems);
      else ctx.emit(renderRows(ctx, format, list.problems, PROBLEM_COLUMNS));
      ctx.say({
        zh: `${formatWhere({ file: list.file })}：${list.enterprises.length} 家企业，${errors} 个错误，${warnings} 个警告`,
        en: `${list.file}: ${list.enterprises.length} enterprises, ${errors} errors, ${warnings} warnings`,
      });
      if (hasErrors(list.problems)) process.exitCode = 65;
    });
}
