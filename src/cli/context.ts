/**
 * What every command shares: the global options, the language, where messages and data go, and the
 * loaded town (workspace → list, groups, rules). Commands call into core with what this gives them.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { ChalkInstance } from 'chalk';
import { ALERT_LEVELS, type AlertLevel, type Enterprise, type RequiredMeasure, type TownSetup } from '../core/model.js';
import { hasErrors, type Lang, type Problem } from '../core/problem.js';
import { requiredMeasureMemo } from '../core/rules/requiredMeasure.js';
import type { RuleTable } from '../core/rules/ruleTable.js';
import { alertAt } from '../core/alert.js';
import { toWgs84 } from '../core/datum.js';
import { formatWallTime, fromInstant, parseWallTime, type WallTime } from '../core/time.js';
import { readAlertEvents } from '../io/store/alerts.js';
import { openStore } from '../io/store/db.js';
import { EXIT, formatWhere, HazeError, type Text } from '../errors.js';
import { encodingNamed, ENCODING_CHOICES, type Encoding } from '../io/read/decode.js';
import { FAR_FROM_BASE_KM } from '../io/read/listRows.js';
import { readList, type LoadedList } from '../io/read/loadList.js';
import { progressLine } from '../io/read/loadProgress.js';
import { loadRuleTable } from '../io/read/ruleFile.js';
import { loadTownSetup } from '../io/read/townSetup.js';
import { resolveWorkspace, type Workspace } from '../io/read/workspace.js';
import { encodeOutput, OUTPUT_ENCODINGS, type OutputEncoding } from '../io/write/csv.js';
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
  encoding?: string;
  sheet?: string;
  outputEncoding?: string;
}

export interface LevelChoice {
  level: AlertLevel;
  /** When the alert began; null when the level came from --level. */
  issuedAt: WallTime | null;
  /** When the current level took effect (a change moves it; the issue time otherwise). */
  levelSince: WallTime | null;
  /** The notice's number (文号), when recorded. */
  doc: string | null;
  /** The alert's expected end, when recorded. */
  until?: WallTime | null;
  source: 'flag' | 'store' | 'sample';
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
  /** --encoding: how the list is decoded, when detection is overridden. */
  readonly inputEncoding: Encoding | undefined;
  /** --output-encoding, when given. */
  private readonly explicitOutputEncoding: OutputEncoding | undefined;
  /** The output format, once the command has asked for it (format()). */
  private chosenFormat: string | undefined;

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
    this.inputEncoding = this.opts.encoding === undefined ? undefined : encodingNamed(this.opts.encoding);
    if (this.opts.encoding !== undefined && !this.inputEncoding) {
      throw usage({ zh: `--encoding 可用：${ENCODING_CHOICES}，而不是"${this.opts.encoding}"`, en: `--encoding takes ${ENCODING_CHOICES}, not "${this.opts.encoding}"` });
    }
    if (this.opts.outputEncoding !== undefined) {
      const out = OUTPUT_ENCODINGS[this.opts.outputEncoding.toLowerCase()];
      if (!out) throw usage({ zh: `--output-encoding 只能是 utf-8 或 gb18030，而不是"${this.opts.outputEncoding}"`, en: `--output-encoding must be utf-8 or gb18030, not "${this.opts.outputEncoding}"` });
      this.explicitOutputEncoding = out;
    }
  }

  /**
   * How the output is encoded: --output-encoding; else GB18030 for CSV when the list was named GB18030
   * (`--excel --encoding gb18030`, as issue 6 writes it, for old software that reads GBK only); else UTF-8.
   */
  get outputEncoding(): OutputEncoding {
    if (this.explicitOutputEncoding) return this.explicitOutputEncoding;
    return this.chosenFormat === 'csv' && this.inputEncoding === 'gb18030' ? 'gb18030' : 'utf-8';
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
  emit(text: string | Uint8Array | Iterable<string>): void {
    if (typeof text !== 'string' && !(text instanceof Uint8Array)) {
      // Pieces of a large output: the -o file is still written whole; stdout gets each piece as it comes.
      if (this.opts.output && this.opts.output !== '-') return this.emit([...text].join(''));
      for (const piece of text) {
        if (process.stdout.destroyed) return; // the reader has gone (`| head`): stop quietly
        process.stdout.write(encodeOutput(piece, this.outputEncoding));
      }
      return;
    }
    const data = typeof text === 'string' ? encodeOutput(text, this.outputEncoding) : text;
    if (this.opts.output && this.opts.output !== '-') {
      writeFileAtomic(this.opts.output, data);
      this.say({ zh: `已写入 ${this.opts.output}`, en: `wrote ${this.opts.output}` });
    } else {
      process.stdout.write(data);
    }
  }

  /**
   * The output format: --format, checked against what the command offers; without it, CSV for --excel, or
   * what the -o file's extension names (`-o 措施.csv`), or the command's default.
   */
  format<F extends string>(allowed: readonly F[], fallback: F): F {
    const implied = this.opts.excel ? 'csv' : formatOfFile(this.opts.output);
    const f = (this.opts.format ?? (implied !== undefined && (allowed as readonly string[]).includes(implied) ? implied : fallback)) as F;
    if (!allowed.includes(f)) {
      throw usage({ zh: `--format 可用：${allowed.join('、')}，而不是"${f}"`, en: `--format takes ${allowed.join(', ')}, not "${f}"` });
    }
    if (this.opts.excel && f !== 'csv') {
      throw usage({ zh: `--excel 用于 CSV 输出，不能与 --format ${f} 同用`, en: `--excel is for CSV output, not --format ${f}` });
    }
    this.chosenFormat = f;
    return f;
  }

  workspace(): Workspace {
    const ws = resolveWorkspace({ cwd: this.cwd, list: this.opts.list, groups: this.opts.groups, rules: this.opts.rules, db: this.opts.db ?? process.env.HAZE_DB });
    if (ws.fromSample.all) {
      this.say({ zh: '当前目录没有 haze.yaml：使用内置示例乡镇 薛埠镇（data/xuebu）。用 haze init 创建自己的工作区。', en: 'no haze.yaml here: using the embedded sample town 薛埠镇 (data/xuebu). Run haze init to make your own workspace.' });
    } else if (ws.fromSample.groups) {
      this.say({ zh: '未指定巡查组配置：使用内置示例乡镇的 groups.yaml', en: 'no groups file given: using the sample town\'s groups.yaml' });
    }
    return ws;
  }

  /**
   * Read the list, streaming (CSV or xlsx, --encoding, --sheet), with a progress line on a terminal.
   * Given the town's set-up, points far from its base are warned about, unless the groups are the
   * sample's and the list is not (a foreign list is not expected near 薛埠镇).
   */
  async readList(ws: Workspace, setup: TownSetup | null): Promise<LoadedList> {
    const near = setup && !(ws.fromSample.groups && !ws.fromSample.list)
      ? { point: setup.base, name: setup.base.name, maxKm: FAR_FROM_BASE_KM }
      : undefined;
    const progress = process.stderr.isTTY ? (total: number | null) => progressLine(process.stderr, { total, lang: this.lang }) : undefined;
    const list = await readList(ws.listFile, { encoding: this.inputEncoding, sheet: this.opts.sheet, checks: { near }, progress });
    if (list.encodingIgnored) {
      const as = list.encoding === 'xlsx' ? { zh: '是 Excel 工作簿', en: 'is a workbook' } : { zh: '是 UTF-8 编码，按 UTF-8 读取', en: 'is UTF-8 and is read as such' };
      const csvOut = this.outputEncoding === 'gb18030' && !this.opts.outputEncoding;
      this.say({
        zh: `清单${as.zh}；--encoding gb18030 ${csvOut ? '只用于输出的 CSV' : '未使用'}`,
        en: `the list ${as.en}; --encoding gb18030 ${csvOut ? 'applies to the CSV written only' : 'is not used'}`,
      });
    }
    return list;
  }

  /** Load the whole town. A list with errors stops here: its problems on stderr, exit 65. */
  async loadTown(): Promise<Town> {
    const ws = this.workspace();
    const setup = loadTownSetup(ws.groupsFile);
    const rules = loadRuleTable(ws.ruleFiles);
    const list = await this.readList(ws, setup);
    if (ws.coordSystem !== 'wgs84') {
      // Lists copied from Amap (GCJ-02) or Baidu (BD-09): everything downstream plans on WGS-84.
      list.enterprises = list.enterprises.map((e) => ({ ...e, location: toWgs84(e.location, ws.coordSystem) }));
    }
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

  /** "Now" on Beijing's wall clock. HAZE_NOW (any accepted time form) replaces the clock, for replays and tests. */
  now(): WallTime {
    const fixed = process.env.HAZE_NOW;
    if (fixed) {
      const t = parseWallTime(fixed);
      if (!t) throw usage({ zh: `HAZE_NOW 不是有效时间：${fixed}`, en: `HAZE_NOW is not a time: ${fixed}` });
      return t;
    }
    return fromInstant(Date.now());
  }

  /**
   * The alert level a command works at: --level; else the alert recorded in the store at `date` (the level
   * in force at the end of that day; today when no date is given); else, on the sample town, the sample's own
   * alert (the seed story). Says on stderr which level it uses and why; with none of these, exit 64.
   * `issuedAt` is when the alert began (the first day's routes start then); null with --level.
   */
  level(town: Town, flag: string | undefined, date?: string): LevelChoice {
    if (flag !== undefined) {
      if (!(ALERT_LEVELS as readonly string[]).includes(flag)) {
        throw usage({ zh: `--level 只能是 yellow、orange 或 red，而不是"${flag}"`, en: `--level must be yellow, orange or red, not "${flag}"` });
      }
      return { level: flag as AlertLevel, issuedAt: null, levelSince: null, doc: null, source: 'flag' };
    }
    const day = date ?? this.now().date;
    const db = openStore(town.ws.dbFile, { create: false });
    let recorded = false;
    if (db) {
      try {
        const events = readAlertEvents(db);
        recorded = events.length > 0;
        const inForce = alertAt(events, { date: day, minutes: 24 * 60 - 1 });
        if (inForce) {
          this.say({
            zh: `预警级别：${levelZh(inForce.level)}（${town.ws.dbFile} 记录，自 ${formatWallTime(inForce.levelSince)} 起${inForce.doc ? `，${inForce.doc}` : ''}）`,
            en: `alert level: ${inForce.level} (recorded in ${town.ws.dbFile}, since ${formatWallTime(inForce.levelSince)}${inForce.doc ? `, ${inForce.doc}` : ''})`,
          });
          return { level: inForce.level, issuedAt: inForce.issuedAt, levelSince: inForce.levelSince, doc: inForce.doc, until: inForce.until, source: 'store' };
        }
      } finally {
        db.close();
      }
    }
    // The sample's own alert stands in only while the store has recorded none: once officers record
    // alerts, the record decides, and a day with no alert in force has none.
    const sample = town.ws.sampleAlert;
    if (sample && !recorded) {
      this.say({ zh: `预警级别：${levelZh(sample.level)}（示例乡镇自带的预警，自 ${sample.from} 起）`, en: `alert level: ${sample.level} (the sample town's own alert, from ${sample.from})` });
      return { level: sample.level, issuedAt: parseWallTime(sample.from), levelSince: parseWallTime(sample.from), doc: sample.doc ?? null, source: 'sample' };
    }
    throw usage(
      { zh: `${day} 没有正在执行的预警，不知道预警级别`, en: `no alert is in force on ${day}, so the level is unknown` },
      { zh: '用 --level yellow|orange|red 指定，或先用 haze alert issue 记录预警', en: 'give it with --level yellow|orange|red, or record the alert with haze alert issue' },
    );
  }

  measures(town: Town, level: AlertLevel): Map<string, RequiredMeasure> {
    const measure = requiredMeasureMemo(town.rules);
    return new Map(town.list.enterprises.map((e: Enterprise) => [e.creditCode, measure(e, level)]));
  }
}

export function levelZh(level: AlertLevel): string {
  return { yellow: '黄色（Ⅲ级响应）', orange: '橙色（Ⅱ级响应）', red: '红色（Ⅰ级响应）' }[level];
}

export function usage(message: Text, hint?: Text): HazeError {
  return new HazeError({ code: 'HAZE_USAGE', exitCode: EXIT.usage, message, ...(hint ? { hint } : {}) });
}

const FORMAT_OF_EXTENSION: Record<string, string> = { '.csv': 'csv', '.json': 'json', '.md': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.geojson': 'geojson', '.gpx': 'gpx' };

/** The format an -o file's extension names (undefined for stdout or an extension that names none). */
function formatOfFile(output: string | undefined): string | undefined {
  if (output === undefined || output === '-') return undefined;
  return FORMAT_OF_EXTENSION[extname(output).toLowerCase()];
}
