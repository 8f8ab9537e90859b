/**
 * What every command shares: the global options, the language, where messages and data go, and the
 * loaded town (workspace → list, groups, rules). Commands call into core with what this gives them.
 */
import type { Command } from 'commander';
import type { ChalkInstance } from 'chalk';
import { ALERT_LEVELS, type AlertLevel, type Enterprise, type RequiredMeasure, type TownSetup } from '../core/model.js';
import { hasErrors, type Lang, type Problem } from '../core/problem.js';
import { requiredMeasure } from '../core/rules/requiredMeasure.js';
import type { RuleTable } from '../core/rules/ruleTable.js';
import { parseWallTime, type WallTime } from '../core/time.js';
import { EXIT, formatWhere, HazeError, type Text } from '../errors.js';
import { loadList, type LoadedList } from '../io/read/loadList.js';
import { loadRuleTable } from '../io/read/ruleFile.js';
import { loadTownSetup } from '../io/read/townSetup.js';
import { resolveWorkspace, type Workspace } from '../io/read/workspace.js';
import { writeFileAtomic } from '../io/write/output.js';
import { chalkFor, colorAllowed } from './terminal.js';

export interface GlobalOptions {
  list?: string;
  groups?: string;
  rules?: string[];
  db?: string;
  format?: string;
  output?: string;
  lang?: string;
  color: boolean;
  excel?: boolean;
}

export interface Town {
  ws: Workspace;
  list: LoadedList;
  setup: TownSetup;
  rules: RuleTable;
}

export class Context {
  readonly opts: GlobalOptions;
  readonly lang: Lang;
  /** Colour for data on stdout (tables) and for messages on stderr, decided separately. */
  readonly colorOut: boolean;
  readonly err: ChalkInstance;
  readonly cwd: string;

  constructor(cmd: Command) {
    this.opts = cmd.optsWithGlobals<GlobalOptions>();
    const lang = this.opts.lang ?? process.env.HAZE_LANG ?? 'zh';
    if (lang !== 'zh' && lang !== 'en') {
      throw usage({ zh: `--lang 只能是 zh 或 en，而不是"${lang}"`, en: `--lang must be zh or en, not "${lang}"` });
    }
    this.lang = lang;
    this.colorOut = !this.opts.output && colorAllowed(process.stdout, this.opts.color, process.env);
    this.err = chalkFor(colorAllowed(process.stderr, this.opts.color, process.env));
    this.cwd = process.cwd();
  }

  t(text: Text): string {
    return text[this.lang];
  }

  /** A message for people, on stderr. */
  say(text: Text): void {
    process.stderr.write(`${this.t(text)}\n`);
  }

  warn(text: Text): void {
    process.stderr.write(`${this.err.yellow(this.lang === 'zh' ? '注意' : 'note')}: ${this.t(text)}\n`);
  }

  /** The command's data: stdout, or the -o file written whole. */
  emit(data: string | Uint8Array): void {
    if (this.opts.output && this.opts.output !== '-') {
      writeFileAtomic(this.opts.output, data);
      this.say({ zh: `已写入 ${this.opts.output}`, en: `wrote ${this.opts.output}` });
    } else {
      process.stdout.write(data);
    }
  }

  /** The --format value, checked against what the command offers. */
  format<F extends string>(allowed: readonly F[], fallback: F): F {
    const f = (this.opts.format ?? fallback) as F;
    if (!allowed.includes(f)) {
      throw usage({ zh: `--format 可用：${allowed.join('、')}，而不是"${f}"`, en: `--format takes ${allowed.join(', ')}, not "${f}"` });
    }
    return f;
  }

  workspace(): Workspace {
    const ws = resolveWorkspace({ cwd: this.cwd, list: this.opts.list, groups: this.opts.groups, rules: this.opts.rules, db: this.opts.db });
    if (ws.fromSample.all) {
      this.say({ zh: '当前目录没有 haze.yaml：使用内置示例乡镇 薛埠镇（data/xuebu）。用 haze init 创建自己的工作区。', en: 'no haze.yaml here: using the embedded sample town 薛埠镇 (data/xuebu). Run haze init to make your own workspace.' });
    } else if (ws.fromSample.groups) {
      this.say({ zh: '未指定巡查组配置：使用内置示例乡镇的 groups.yaml', en: 'no groups file given: using the sample town\'s groups.yaml' });
    }
    return ws;
  }

  /** Load the whole town. A list with errors stops here: its problems on stderr, exit 65. */
  loadTown(): Town {
    const ws = this.workspace();
    const setup = loadTownSetup(ws.groupsFile);
    const rules = loadRuleTable(ws.ruleFiles);
    const list = loadList(ws.listFile);
    if (hasErrors(list.problems)) {
      this.reportProblems(list.problems.filter((p) => p.severity === 'error'));
      throw new HazeError({
        code: 'HAZE_LIST_INVALID', exitCode: EXIT.dataErr, where: { file: list.file },
        message: { zh: `清单有 ${list.problems.filter((p) => p.severity === 'error').length} 处错误，未处理`, en: `the list has ${list.problems.filter((p) => p.severity === 'error').length} errors; nothing was done` },
        hint: { zh: '用 haze validate 查看全部问题', en: 'haze validate lists every problem' },
      });
    }
    return { ws, list, setup, rules };
  }

  reportProblems(problems: readonly Problem[]): void {
    for (const p of problems) process.stderr.write(`${this.problemLine(p)}\n`);
  }

  problemLine(p: Problem): string {
    const label = p.severity === 'error' ? this.err.red(this.lang === 'zh' ? '错误' : 'error') : this.err.yellow(this.lang === 'zh' ? '警告' : 'warning');
    const value = p.value !== undefined && p.value !== '' ? (this.lang === 'zh' ? `（值：${p.value}）` : ` (found: ${p.value})`) : '';
    const hint = p.hint ? (this.lang === 'zh' ? `；提示：${p.hint.zh}` : `; hint: ${p.hint.en}`) : '';
    return `${formatWhere(p.where)}: ${label} ${p.code}: ${this.t(p.message)}${value}${hint}`;
  }

  /**
   * The alert level a command works at: --level, else the sample's own alert (the seed story), else none
   * (exit 64 with a hint). Says on stderr which level it uses and why.
   */
  level(town: Town, flag: string | undefined): { level: AlertLevel; since: WallTime | null } {
    if (flag !== undefined) {
      if (!(ALERT_LEVELS as readonly string[]).includes(flag)) {
        throw usage({ zh: `--level 只能是 yellow、orange 或 red，而不是"${flag}"`, en: `--level must be yellow, orange or red, not "${flag}"` });
      }
      return { level: flag as AlertLevel, since: null };
    }
    const sample = town.ws.sampleAlert;
    if (sample) {
      const since = parseWallTime(sample.from);
      this.say({ zh: `预警级别：${levelZh(sample.level)}（示例乡镇自带的预警，自 ${sample.from} 起）`, en: `alert level: ${sample.level} (the sample town's own alert, from ${sample.from})` });
      return { level: sample.level, since };
    }
    throw usage({ zh: '不知道预警级别', en: 'no alert level known' }, { zh: '用 --level yellow|orange|red 指定', en: 'give it with --level yellow|orange|red' });
  }

  measures(town: Town, level: AlertLevel): Map<string, RequiredMeasure> {
    return new Map(town.list.enterprises.map((e: Enterprise) => [e.creditCode, requiredMeasure(e, level, town.rules)]));
  }
}

export function levelZh(level: AlertLevel): string {
  return { yellow: '黄色（Ⅲ级响应）', orange: '橙色（Ⅱ级响应）', red: '红色（Ⅰ级响应）' }[level];
}

export function usage(message: Text, hint?: Text): HazeError {
  return new HazeError({ code: 'HAZE_USAGE', exitCode: EXIT.usage, message, ...(hint ? { hint } : {}) });
}
