/**
 * The whole workspace checked at once (`haze validate`): haze.yaml, groups.yaml, the rule files and the list,
 * each problem with its file, line or row and column, whatever its severity — a file that cannot be read is one
 * problem among the others, never a stop that hides the rest. Everything a later command would refuse is found
 * here first, through the same readers and the same decisions (villagesWithoutGroupOutcome): what validate calls
 * fine, plan accepts.
 */
import { existsSync } from 'node:fs';
import { ALERT_LEVELS, LEVEL_ZH, type AlertLevel, type Enterprise } from '../core/model.js';
import { newProblem, type Problem } from '../core/problem.js';
import { villagesWithoutGroupOutcome } from '../core/routing/areas.js';
import { requiredMeasureMemo } from '../core/rules/requiredMeasure.js';
import type { RuleTable } from '../core/rules/ruleTable.js';
import { ruleBasis } from '../core/rules/ruleWords.js';
import { measureTextIn } from '../core/ownWords.js';
import { countOf } from '../core/plural.js';
import { CODES } from '../errorCodes.js';
import { CODE, EXIT, HazeError, type ExitCode } from '../errors.js';
import type { LoadedList } from '../io/read/loadList.js';
import { checkRuleFiles } from '../io/read/ruleFile.js';
import { checkTownSetup } from '../io/read/townSetup.js';
import { checkWorkspace, type Workspace } from '../io/read/workspace.js';
import { openStore } from '../io/store/db.js';
import { NO_ENTERPRISES, readTownList, saySampleUsed, type TownRequest } from './town.js';
import type { Voice } from './voice.js';

export interface TownCheckRequest extends TownRequest {
  /** The levels whose measures are checked (default all three). */
  levels?: readonly AlertLevel[] | undefined;
  /** --strict: warnings count as errors. */
  strict?: boolean | undefined;
}

export interface TownCheck {
  ws: Workspace;
  /** In the order the commands read the files: haze.yaml, groups.yaml, rule files, the list, then list and groups together. */
  problems: Problem[];
  /** The list as read, or null when it could not be read at all. */
  list: LoadedList | null;
  /** Problems outside the list (the config files), for the summary. */
  configProblems: number;
  /** The exit code of the first command that would stop: 0 when none would. */
  exit: ExitCode;
}

interface Stage {
  problems: Problem[];
  /** The exit a command stops with at this stage's first error. */
  exit: ExitCode;
}

export async function checkTown(req: TownCheckRequest, voice: Voice): Promise<TownCheck> {
  const workspace = checkWorkspace(req);
  const ws = workspace.ws;
  saySampleUsed(ws, voice);
  const stages: Stage[] = [{ problems: workspace.problems, exit: workspace.refusal?.exitCode ?? EXIT.config }];

  const groups = checkTownSetup(ws.groupsFile);
  stages.push({ problems: [...groups.problems, ...groups.leftovers], exit: groups.refusal?.exitCode ?? EXIT.config });

  const rules = checkRuleFiles(ws.ruleFiles);
  stages.push({ problems: rules.problems, exit: rules.refusal?.exitCode ?? EXIT.config });
  const configProblems = stages.reduce((n, s) => n + s.problems.length, 0);

  let list: LoadedList | null = null;
  try {
    list = await readTownList(ws, groups.setup, req);
  } catch (err) {
    // A flag that does not fit the list (--sheet naming no sheet, --encoding for a workbook) is the command's usage.
    if (!(err instanceof HazeError) || err.exitCode === EXIT.usage) throw err;
    const problem = newProblem({
      severity: 'error',
      code: CODE.HAZE_LIST_UNREADABLE,
      where: err.where ?? { file: ws.listFile },
      message: err.text,
      hint: err.hint,
    });
    stages.push({ problems: [problem], exit: err.exitCode });
  }
  if (list) {
    const levels = req.levels ?? ALERT_LEVELS;
    const present = ALERT_LEVELS.filter((l) => list!.fields.includes(l));
    const empty =
      list.enterprises.length === 0 && !list.problems.some((p) => p.severity === 'error')
        ? [
            newProblem({
              severity: 'error',
              code: CODE.HAZE_LIST_NO_ENTERPRISES,
              where: { file: list.file, row: list.headerRow },
              message: NO_ENTERPRISES,
            }),
          ]
        : [];
    stages.push({
      problems: [...list.problems, ...empty, ...measureProblems(list.enterprises, rules.table, levels, list.file, present, list.headerRow)],
      exit: EXIT.dataErr,
    });
    if (groups.setup)
      stages.push({ problems: villageProblems(list, groups.setup.groups, ws.groupsFile, groups.groupsLine), exit: CODES.HAZE_GROUPS_NO_VILLAGE.exit });
  }

  const store = storeProblems(ws);
  if (store) stages.push(store);

  if (req.strict) for (const s of stages) s.problems = s.problems.map((p) => (p.severity === 'warning' ? { ...p, severity: 'error' as const } : p));
  const stop = stages.find((s) => s.problems.some((p) => p.severity === 'error'));
  return { ws, problems: stages.flatMap((s) => s.problems), list, configProblems, exit: stop ? stop.exit : EXIT.ok };
}

/**
 * The store the commands would open: another program's database, a newer haze's or a damaged file stops them
 * (78, 74). Opened as it is, never created or upgraded: validate changes nothing.
 */
function storeProblems(ws: Workspace): Stage | null {
  if (!existsSync(ws.dbFile)) return null;
  try {
    openStore(ws.dbFile, { create: false, migrate: false })?.close();
    return null;
  } catch (err) {
    if (!(err instanceof HazeError)) throw err;
    return {
      problems: [newProblem({ severity: 'error', code: CODE.HAZE_STORE_UNUSABLE, where: err.where ?? { file: ws.dbFile }, message: err.text, hint: err.hint })],
      exit: err.exitCode,
    };
  }
}

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
              zh: `${LEVEL_ZH[level]}预警措施为空，按规则执行：${m.text}（依据：${ruleBasis(m.source, rules, 'zh')}）`,
              en: `no ${level} measure text; the rule for ${ruleBasis(m.source, rules, 'en')} applies: ${measureTextIn(m, 'en')}`,
            },
          }),
        );
      }
      for (const w of m.warnings)
        out.push(newProblem({ severity: 'warning', code: w.code, where, value: e.measureText[level], message: { zh: w.zh, en: w.en } }));
    }
  }
  return out;
}

/**
 * Villages of the list that no group names, said as plan acts on them (villagesWithoutGroupOutcome): each to
 * the nearest group, a warning a village at its first row — or, when no village at all is shared, the error
 * plan and checklist stop with.
 */
export function villageProblems(
  list: LoadedList,
  groups: Parameters<typeof villagesWithoutGroupOutcome>[1],
  groupsFile: string,
  groupsLine?: number,
): Problem[] {
  const decided = villagesWithoutGroupOutcome(list.enterprises, groups);
  if (decided.outcome === 'all_in_groups') return [];
  if (decided.outcome === 'refused') {
    const some = (xs: readonly string[], sep: string) => xs.slice(0, 6).join(sep) + (xs.length > 6 ? '…' : '');
    const listed = decided.villages.map((v) => v.village);
    return [
      newProblem({
        severity: 'error',
        code: CODE.HAZE_LIST_NO_VILLAGE_IN_GROUPS,
        where: { file: groupsFile, ...(groupsLine ? { line: groupsLine } : {}) },
        value: some(decided.named, '、'),
        message: {
          zh: `groups.yaml 各组的村（${some(decided.named, '、') || '无'}）与清单的村社区（${some(listed, '、')}，共 ${listed.length} 个）没有一个相同：plan 和 checklist 会停止，无法按组划分片区`,
          en: `no village in groups.yaml (${some(decided.named, ', ') || 'none'}) is a village of the list (${some(listed, ', ')}: ${listed.length} in all): plan and checklist stop, the areas cannot be split by group`,
        },
      }),
    ];
  }
  return decided.villages.map((v) =>
    newProblem({
      severity: 'warning',
      code: CODE.HAZE_LIST_VILLAGE_NO_GROUP,
      where: { file: list.file, row: v.firstRow, column: '村社区' },
      value: v.village,
      message: {
        zh: `村社区"${v.village}"（${v.enterprises} 家企业）不属于 ${groupsFile} 中的任何巡查组；巡查时按距离分给最近的组`,
        en: `village "${v.village}" (${countOf(v.enterprises, 'enterprise')}) belongs to no group in ${groupsFile}; plans give each to the nearest group`,
      },
      hint: {
        zh: `在 groups.yaml 某组的 villages 中加入"${v.village}"（或检查村名写法）`,
        en: `add "${v.village}" to a group's villages in groups.yaml (or check how it is spelt)`,
      },
    }),
  );
}
