/**
 * haze report: what the inspectors found over a range of days — coverage, compliance, violations, repeat
 * offenders, open provincial findings, who is still unvisited. Tables and Markdown show every section with
 * Chinese headings; JSON is one object; CSV is one section per call (--section), one clean table for scripts.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { AlertEvent } from '../../core/alert.js';
import { ALERT_LEVELS, LEVEL_ZH, type AlertLevel } from '../../core/model.js';
import { buildReport, type InspectionReport } from '../../core/report.js';
import { reportRange, strictestLevel, type RangeBasis } from '../../core/reportRange.js';
import { assignAreas } from '../../core/routing/areas.js';
import { parseDate, parseWallTime } from '../../core/time.js';
import { readAlertEvents } from '../../io/store/alerts.js';
import { openStore } from '../../io/store/db.js';
import { lastRecordDate, readReportFindings, readReportVisits } from '../../io/store/reportQueries.js';
import { renderJson, toRecords } from '../../io/write/json.js';
import { renderMarkdownTable } from '../../io/write/markdownTable.js';
import { Context, usage, type Town } from '../context.js';
import { renderRows } from '../render.js';
import { COVERAGE_COLUMNS, REPORT_SECTIONS, SECTION_KEYS, type ReportSection } from '../reportSections.js';

interface ReportOpts {
  date?: string;
  from?: string;
  to?: string;
  group?: string;
  level?: string;
  section?: string;
}

function dateArg(v: string): string {
  const d = parseDate(v);
  if (!d) throw new InvalidArgumentError('expected a date like 2019-12-08 / 应为日期，如 2019-12-08');
  return d;
}

/** The alert as recorded; while the store records none, the sample town's own story stands in. */
function alertEvents(town: Town, recorded: AlertEvent[]): { events: AlertEvent[]; sampleStory: boolean } {
  if (recorded.length > 0 || !town.ws.sampleAlert) return { events: recorded, sampleStory: false };
  return { events: [{ kind: 'issue', level: town.ws.sampleAlert.level, at: parseWallTime(town.ws.sampleAlert.from)! }], sampleStory: true };
}

const BASIS: Record<RangeBasis, { zh: string; en: string }> = {
  date: { zh: '--date', en: '--date' },
  from_to: { zh: '--from/--to', en: '--from/--to' },
  alert: { zh: '自预警开始', en: 'from the start of the alert' },
  end_day: { zh: '没有记录预警：只看这一天', en: 'no alert recorded: this day only' },
};

async function run(ctx: Context, opts: ReportOpts): Promise<void> {
  const format = ctx.format(['table', 'csv', 'json', 'md'] as const, 'table');
  if (opts.section !== undefined && !SECTION_KEYS.includes(opts.section)) {
    throw usage({ zh: `--section 可用：${SECTION_KEYS.join('、')}，而不是"${opts.section}"`, en: `--section takes ${SECTION_KEYS.join(', ')}, not "${opts.section}"` });
  }
  if (opts.level !== undefined && !(ALERT_LEVELS as readonly string[]).includes(opts.level)) {
    throw usage({ zh: `--level 只能是 yellow、orange 或 red，而不是"${opts.level}"`, en: `--level must be yellow, orange or red, not "${opts.level}"` });
  }
  const town = await ctx.loadTown();
  const groups = town.setup.groups;
  if (opts.group !== undefined && !groups.some((g) => g.id === opts.group)) {
    throw usage({ zh: `没有第 ${opts.group} 组`, en: `there is no group ${opts.group}` }, { zh: `可用：${groups.map((g) => g.id).join('、')}`, en: `groups: ${groups.map((g) => g.id).join(', ')}` });
  }

  const db = openStore(town.ws.dbFile, { create: false });
  try {
    const { events, sampleStory } = alertEvents(town, db ? readAlertEvents(db) : []);
    const choice = reportRange(opts, { today: ctx.now().date, events, sampleStory, lastRecordDate: db ? lastRecordDate(db) : null });
    if ('error' in choice) throw usage(choice.error);
    const { range, basis } = choice;
    const level = (opts.level as AlertLevel | undefined) ?? strictestLevel(events, range);
    const span = range.from === range.to ? range.from : `${range.from} 至 ${range.to}`;
    ctx.say({ zh: `报告范围：${span}（${BASIS[basis].zh}）`, en: `report range: ${range.from} to ${range.to} (${BASIS[basis].en})` });
    if (level) {
      const why = opts.level ? { zh: '--level', en: '--level' } : { zh: '范围内最严的预警级别', en: 'the strictest level in force in the range' };
      ctx.say({ zh: `应检查企业按${LEVEL_ZH[level]}预警的措施计（${why.zh}）`, en: `required enterprises: those with a measure at ${level} (${why.en})` });
    } else {
      ctx.warn({ zh: '范围内没有预警：没有应检查的企业（可用 --level 指定级别）', en: 'no alert in force in the range: no enterprise is required (give --level to count one)' });
    }
    const visits = db ? readReportVisits(db, range) : [];
    const findings = db ? readReportFindings(db, range.to) : [];
    if (!db) ctx.warn({ zh: `还没有检查记录（${town.ws.dbFile} 不存在）；用 haze record 导入填好的检查清单`, en: `no records yet (${town.ws.dbFile} does not exist); import filled-in checklists with haze record` });
    else if (visits.length === 0) ctx.warn({ zh: `${span} 没有检查记录`, en: `no visits recorded from ${range.from} to ${range.to}` });

    const report = buildReport({
      enterprises: town.list.enterprises,
      measures: level ? ctx.measures(town, level) : null,
      groupOf: assignAreas(town.list.enterprises, groups).groupOf,
      groups: groups.map((g) => ({ id: g.id, name: g.name })),
      visits, findings, range, group: opts.group ?? null,
    });
    ctx.emit(render(ctx, format, report, { level, basis, group: opts.group ?? null, section: opts.section }));
  } finally {
    db?.close();
  }
}

interface Meta {
  level: AlertLevel | null;
  basis: RangeBasis;
  group: string | null;
  section: string | undefined;
}

function render(ctx: Context, format: 'table' | 'csv' | 'json' | 'md', report: InspectionReport, meta: Meta): string {
  // CSV is one table per call (visits unless told); the other formats show every section unless one is asked for.
  const wanted = meta.section ?? (format === 'csv' ? 'visits' : undefined);
  const sections = REPORT_SECTIONS.filter((s) => wanted === undefined || s.key === wanted);
  if (format === 'csv') return renderRows(ctx, 'csv', sections[0]!.rows(report), sections[0]!.columns);
  if (format === 'json') {
    const out: Record<string, unknown> = { range: { ...report.range, basis: meta.basis }, level: meta.level, group: meta.group };
    for (const s of sections) {
      out[s.key] = s.key === 'coverage'
        ? { groups: toRecords(report.groups, COVERAGE_COLUMNS), total: toRecords([report.total], COVERAGE_COLUMNS)[0] }
        : toRecords(s.rows(report), s.columns);
    }
    return renderJson(out);
  }
  const en = ctx.lang === 'en';
  const { from, to } = report.range;
  const title = en
    ? `inspection report: ${from === to ? from : `${from} to ${to}`}${meta.level ? `, ${meta.level} alert` : ''}${meta.group ? `, group ${meta.group}` : ''}`
    : `巡查报告：${from === to ? from : `${from} 至 ${to}`}${meta.level ? `　${LEVEL_ZH[meta.level]}预警` : ''}${meta.group ? `　第 ${meta.group} 组` : ''}`;
  const none = en ? '(none)\n' : '（无）\n';
  const block = (s: ReportSection<unknown>): string => {
    const rows = s.rows(report);
    // The coverage table's rows are groups, not findings: no count beside its heading.
    const count = s.key === 'coverage' ? '' : en ? ` (${rows.length})` : `（${rows.length}）`;
    const heading = `${en ? s.en : s.zh}${count}`;
    if (format === 'md') return `## ${heading}\n\n${rows.length === 0 ? none : renderMarkdownTable(rows, s.columns, ctx.lang)}`;
    return `${en ? `[${heading}]` : `【${heading}】`}\n${rows.length === 0 ? none : renderRows(ctx, 'table', rows, s.columns)}`;
  };
  return `${format === 'md' ? `# ${title}\n\n` : `${title}\n\n`}${sections.map(block).join('\n')}`;
}

export function reportCommand(program: Command): void {
  program
    .command('report')
    .description('巡查结果报告：覆盖、合规、违规、屡查屡犯、省级暗查问题、未检查企业 / what inspectors found')
    .option('--date <date>', '只看这一天 / that day only', dateArg)
    .option('--from <date>', '开始日期（默认：预警开始的日期）/ first day (default: the alert\'s first day)', dateArg)
    .option('--to <date>', '结束日期（默认：今天；示例乡镇为最后有记录的一天）/ last day (default: today; on the sample, the last day with records)', dateArg)
    .option('--group <id>', '只看一个巡查组 / one group only')
    .option('--level <level>', '按哪一级的措施计应检查企业（默认：范围内最严的级别）/ the level whose measures decide who must be visited')
    .option('--section <name>', `只输出一节（CSV 默认 visits）：${SECTION_KEYS.join('|')} / one section (CSV: default visits)`)
    .addHelpText('after', `
范围：--date 为这一天；--from/--to 为这几天（含两端）；都不给时，从最近一次预警开始之日到今天
（示例乡镇：到最后有记录的一天）。覆盖率 = 范围内检查过的应检查企业 ÷ 应检查企业（停产、部分停产、限产）；
合规率 = 未发现违规的检查次数 ÷ 检查次数。省级暗查问题：截至范围最后一天仍未关闭的。

示例 / examples:
  haze report                                        # 本次预警至今
  haze report --date 2019-12-08 --group 1
  haze report --from 2019-12-08 --to 2019-12-10 --format md -o 巡查报告.md
  haze report --format csv --section violations > 违规.csv
  haze report --format json | jq '.coverage.total'`)
    .action(async (opts: ReportOpts, c: Command) => run(new Context(c), opts));
}
