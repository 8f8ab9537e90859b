/**
 * haze validate: every problem of the workspace at once — haze.yaml, groups.yaml, the rule files and the list —
 * with file, line or row and column; exit with the code the first command to stop would give (0 when none would).
 * The checking is the workflow's (workflow/townCheck.ts); this is its face on the command line.
 */
import type { Command } from 'commander';
import { ALERT_LEVELS } from '../../core/model.js';
import type { Problem } from '../../core/problem.js';
import { formatWhere } from '../../errors.js';
import { countOf } from '../../core/plural.js';
import type { Column } from '../../io/write/columns.js';
import { checkTown } from '../../workflow/townCheck.js';
import { parseLevelFlag } from '../flags.js';
import { readGlobals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { sayEncodingIgnored, townRequest } from '../town.js';
import { cliVoice } from '../voice.js';

// On a narrow screen: the English message, the value, the code, the file … go first; where and what stay.
export const PROBLEM_COLUMNS: Column<Problem>[] = [
  { key: 'severity', zh: '级别', en: 'severity', value: (p) => p.severity, excel: (p) => (p.severity === 'error' ? '错误' : '警告') },
  { key: 'code', zh: '代码', en: 'code', value: (p) => p.code, drop: 3 },
  { key: 'file', zh: '文件', en: 'file', value: (p) => p.where.file, drop: 4, wrap: true },
  { key: 'row', zh: '行', en: 'row', value: (p) => p.where.row ?? null },
  { key: 'column', zh: '列', en: 'column', value: (p) => p.where.column ?? null, drop: 6, wrap: true },
  { key: 'value', zh: '值', en: 'value', value: (p) => p.value ?? null, drop: 2, wrap: true },
  { key: 'message', zh: '问题', en: 'message', value: (p) => p.message.zh, wrap: true },
  { key: 'message_en', zh: '问题（英文）', en: 'message (English)', value: (p) => p.message.en, notInExcel: true, drop: 1, wrap: true },
  { key: 'hint', zh: '提示', en: 'hint', value: (p) => p.hint?.zh ?? null, drop: 5, wrap: true },
  // After the others, so that scripts reading the columns by position read them as before.
  { key: 'line', zh: '行号（配置文件）', en: 'line (config file)', value: (p) => p.where.line ?? null },
];

export interface ValidateOpts {
  level?: string;
  strict?: boolean;
}

/** The action of `haze validate` (its options and help: ../commands/validate.ts). */
export async function validateAction(opts: ValidateOpts, cmd: Command): Promise<void> {
  const g = readGlobals(cmd);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, ['text', 'csv', 'json'] as const, 'text');
  const format = out.format;
  const level = opts.level === undefined ? undefined : parseLevelFlag(opts.level);
  const check = await checkTown({ ...townRequest(g), levels: level ? [level] : ALERT_LEVELS, strict: opts.strict }, voice);
  if (check.list) sayEncodingIgnored(check.list, g, voice, out);
  const problems = check.problems;
  if (format === 'text') voice.problems(problems);
  else out.emit(renderRows(out, format, problems, PROBLEM_COLUMNS));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const file = formatWhere({ file: check.list?.file ?? check.ws.listFile });
  const enterprises = check.list
    ? { zh: `${check.list.enterprises.length} 家企业`, en: countOf(check.list.enterprises.length, 'enterprise') }
    : { zh: '清单未能读取', en: 'the list could not be read' };
  const config =
    check.configProblems > 0
      ? { zh: `（其中 ${check.configProblems} 个在配置文件中）`, en: ` (${check.configProblems} of them in the config files)` }
      : { zh: '', en: '' };
  voice.say({
    zh: `${file}：${enterprises.zh}，${errors} 个错误，${warnings} 个警告${config.zh}`,
    en: `${file}: ${enterprises.en}, ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}${config.en}`,
  });
  process.exitCode = check.exit;
}
