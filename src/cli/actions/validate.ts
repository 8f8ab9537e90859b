/** haze validate: every problem in the list at once, with file, row and column; exit 65 when any is an error. */
import type { Command } from 'commander';
import { ALERT_LEVELS, LEVEL_ZH, type AlertLevel, type Enterprise, type TownSetup } from '../../core/model.js';
import { measureTextIn } from '../../core/ownWords.js';
import { countOf } from '../../core/plural.js';
import { hasErrors, newProblem, type Problem } from '../../core/problem.js';
import { requiredMeasureMemo } from '../../core/rules/requiredMeasure.js';
import { villagesWithoutGroup } from '../../core/routing/areas.js';
import type { RuleTable } from '../../core/rules/ruleTable.js';
import { loadRuleTable } from '../../io/read/ruleFile.js';
import { CODE, EXIT, formatWhere, HazeError } from '../../errors.js';
import type { Column } from '../../io/write/columns.js';
import { loadTownSetup } from '../../io/read/townSetup.js';
import { takeConfigNotes } from '../../io/read/yamlConfig.js';
import { openWorkspace, readTownList } from '../../workflow/town.js';
import { parseLevelFlag } from '../flags.js';
import { readGlobals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { sayEncodingIgnored, townRequest } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';

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

const MEASURE_HEADER: Record<AlertLevel, string> = { yellow: '黄色预警措施', orange: '橙色预警措施', red: '红色预警措施' };

/**
 * What the rules make of each enterprise's measures: texts weaker than the guidance, texts haze cannot
 * read, and levels with no text at all (the default rule then applies).
 */
export function measureProblems(
  enterprises: readonly Enterprise[],
  rules: RuleTable,
  levels: readonly AlertLevel[],
  file: string,
  present: readonly AlertLevel[] = levels,
  headerRow = 1,
): Problem[] {
  const out: Problem[] = [];
  // A list without a column for a level gets one warning for the column, not one per enterprise.
  for (const level of levels.filter((l) => !present.includes(l))) {
    out.push(
      newProblem({
        severity: 'warning',
        code: CODE.HAZE_LIST_MEASURE_COLUMN_MISSING,
        where: { file, row: headerRow, column: MEASURE_HEADER[level] },
        message: {
          zh: `清单没有"${MEASURE_HEADER[level]}"列：${LEVEL_ZH[level]}预警时全部按等级默认规则执行`,
          en: `the list has no "${MEASURE_HEADER[level]}" column: at ${level} every enterprise gets its grade's default rule`,
        },
      }),
    );
  }
  const measure = requiredMeasureMemo(rules, { sharedCode: true });
  for (const e of enterprises) {
    for (const level of levels) {
      const m = measure(e, level);
      const empty = present.includes(level) && e.measureText[level].trim() === '';
      if (!empty && m.warnings.length === 0) continue; // most rows: nothing to say
      const where = { file, row: e.row, column: MEASURE_HEADER[level] };
      if (empty) {
        out.push(
          newProblem({
            severity: 'warning',
            code: CODE.HAZE_ROW_MEASURE_MISSING,
            where,
            value: '',
            message: {
              zh: `${LEVEL_ZH[level]}预警措施为空，按规则 ${m.source} 执行：${m.text}`,
              en: `no ${level} measure text; rule ${m.source} applies: ${measureTextIn(m, 'en')}`,
            },
          }),
        );
      }
      for (const w of m.warnings) {
        out.push(
          newProblem({
            severity: 'warning',
            code: w.code,
            where,
            value: e.measureText[level],
            message: { zh: w.zh, en: w.en },
          }),
        );
      }
    }
  }
  return out;
}

/** Villages of the list that no group in groups.yaml names: one warning a village, at its first row. */
export function villageProblems(enterprises: readonly Enterprise[], setup: TownSetup, file: string, groupsFile: string): Problem[] {
  return villagesWithoutGroup(enterprises, setup.groups).map((v) => ({
    severity: 'warning' as const,
    code: CODE.HAZE_LIST_VILLAGE_NO_GROUP,
    where: { file, row: v.firstRow, column: '村社区' },
    value: v.village,
    message: {
      zh: `村社区"${v.village}"（${v.enterprises} 家企业）不属于 ${groupsFile} 中的任何巡查组；巡查时按距离分给最近的组`,
      en: `village "${v.village}" (${countOf(v.enterprises, 'enterprise')}) belongs to no group in ${groupsFile}; plans give each to the nearest group`,
    },
    hint: {
      zh: `在 groups.yaml 某组的 villages 中加入"${v.village}"（或检查村名写法）`,
      en: `add "${v.village}" to a group's villages in groups.yaml (or check how it is spelt)`,
    },
  }));
}

/** The town's set-up for the distance and village checks; a groups file that cannot be read skips them, not the validation. */
function townSetupOrNote(voice: CliVoice, file: string): TownSetup | null {
  try {
    return loadTownSetup(file);
  } catch (err) {
    if (!(err instanceof HazeError)) throw err;
    voice.warn({
      zh: `未检查坐标是否远离本镇、村是否都有巡查组：${voice.t(err.text)}`,
      en: `points far from the town and villages without a group not checked: ${voice.t(err.text)}`,
    });
    return null;
  }
}

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
  const ws = openWorkspace(g, voice);
  const rules = loadRuleTable(ws.ruleFiles);
  // The town's base, for points far outside the town; not the sample's base for someone else's list.
  const setup = ws.fromSample.groups && !ws.fromSample.list ? null : townSetupOrNote(voice, ws.groupsFile);
  const list = await readTownList(ws, setup, townRequest(g));
  sayEncodingIgnored(list, g, voice, out);
  const levels = level ? [level] : ALERT_LEVELS;
  const present = ALERT_LEVELS.filter((l) => list.fields.includes(l));
  const further = hasErrors(list.problems)
    ? []
    : [
        ...measureProblems(list.enterprises, rules, levels, list.file, present, list.headerRow),
        ...(setup ? villageProblems(list.enterprises, setup, list.file, ws.groupsFile) : []),
      ];
  // Settings the groups and rule files have that haze does not know: listed with the rest.
  const problems = [...takeConfigNotes(), ...list.problems, ...further].map((p) =>
    opts.strict && p.severity === 'warning' ? { ...p, severity: 'error' as const } : p,
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (format === 'text') voice.problems(problems);
  else out.emit(renderRows(out, format, problems, PROBLEM_COLUMNS));
  voice.say({
    zh: `${formatWhere({ file: list.file })}：${list.enterprises.length} 家企业，${errors} 个错误，${warnings} 个警告`,
    en: `${list.file}: ${countOf(list.enterprises.length, 'enterprise')}, ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}`,
  });
  if (errors > 0) process.exitCode = EXIT.dataErr;
}
