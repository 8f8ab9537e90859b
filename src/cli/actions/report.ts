/**
 * haze report: what the inspectors found over a range of days — coverage, compliance, violations, repeat
 * offenders, open provincial findings, who is still unvisited. Tables and Markdown show every section with
 * Chinese headings; JSON is one object; CSV is one section per call (--section), one clean table for scripts.
 */
import { reportClues } from '../../workflow/dayClues.js';
import type { Command } from 'commander';
import { LEVEL_ZH, type AlertLevel } from '../../core/model.js';
import { checkItems, recordedItemText } from '../../core/checklist.js';
import type { Lang } from '../../core/problem.js';
import { buildReport, type InspectionReport, type ReportPlanDay, type ViolationRow } from '../../core/report.js';
import { reportRange, strictestLevel, type RangeBasis } from '../../core/reportRange.js';
import { assignAreas } from '../../core/routing/areas.js';
import { formatWallTime, fromInstant } from '../../core/time.js';
import type { Store } from '../../io/store/db.js';
import { recordsInRange } from '../../io/store/plans.js';
import { lastRecordDate, readReportFindings, readReportVisits } from '../../io/store/reportQueries.js';
import { renderJson, toRecords } from '../../io/write/json.js';
import { renderMarkdownTable } from '../../io/write/markdownTable.js';
import { townAlert } from '../../workflow/alertInForce.js';
import { readStore } from '../../workflow/storeDoor.js';
import { measuresAt } from '../../workflow/town.js';
import { now } from '../clock.js';
import { parseDateFlag, parseGroupFlag, parseLevelFlag } from '../flags.js';
import { readGlobals, usage } from '../globals.js';
import { openOutput, renderRows, type Output } from '../output.js';
import { COVERAGE_COLUMNS, REPORT_SECTIONS, SECTION_KEYS, type ReportSection } from '../reportSections.js';
import { openTownWithEvidence } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';

export interface ReportOpts {
  date?: string;
  from?: string;
  to?: string;
  group?: string;
  level?: string;
  section?: string;
}

const BASIS: Record<RangeBasis, { zh: string; en: string }> = {
  date: { zh: '--date', en: '--date' },
  from_to: { zh: '--from/--to', en: '--from/--to' },
  alert: { zh: '自预警开始', en: 'from the start of the alert' },
  end_day: { zh: '没有记录预警：只看这一天', en: 'no alert recorded: this day only' },
};

/** A day's plan of record as the report holds results against it. */
function planDays(db: Store, range: { from: string; to: string }): ReportPlanDay[] {
  return recordsInRange(db, range.from, range.to).map((r) => ({
    date: r.date,
    shift: r.shift,
    planId: r.planId,
    fixedAt: formatWallTime(fromInstant(Date.parse(r.fixedAt))),
    fixedBy: r.fixedBy,
    visits: r.routes.flatMap((x) => x.visits.map((v) => ({ groupId: v.groupId, creditCode: v.creditCode }))),
  }));
}

async function run(g: ReturnType<typeof readGlobals>, voice: CliVoice, opts: ReportOpts): Promise<void> {
  const out = openOutput(g, voice, ['table', 'csv', 'json', 'md'] as const, 'table');
  if (opts.section !== undefined && !SECTION_KEYS.includes(opts.section)) {
    throw usage({
      zh: `--section 可用：${SECTION_KEYS.join('、')}，而不是"${opts.section}"`,
      en: `--section takes ${SECTION_KEYS.join(', ')}, not "${opts.section}"`,
    });
  }
  const asked = {
    ...(opts.date !== undefined ? { date: parseDateFlag(opts.date) } : {}),
    ...(opts.from !== undefined ? { from: parseDateFlag(opts.from, '--from') } : {}),
    ...(opts.to !== undefined ? { to: parseDateFlag(opts.to, '--to') } : {}),
  };
  const fixedLevel = opts.level === undefined ? undefined : parseLevelFlag(opts.level);
  const town = await openTownWithEvidence(g, voice, out);
  const groups = town.setup.groups;
  const group = opts.group === undefined ? null : parseGroupFlag(opts.group, groups);

  const alert = townAlert(town.ws);
  const facts = readStore(town.ws, (db) => ({ exists: true, lastRecordDate: lastRecordDate(db) }), { exists: false, lastRecordDate: null });
  const choice = reportRange(asked, { today: now().date, events: alert.events, sampleStory: alert.fromSample, lastRecordDate: facts.lastRecordDate });
  if ('error' in choice) throw usage(choice.error);
  const { range, basis } = choice;
  const level = fixedLevel ?? strictestLevel(alert.events, range);
  const span = range.from === range.to ? range.from : `${range.from} 至 ${range.to}`;
  voice.say({ zh: `报告范围：${span}（${BASIS[basis].zh}）`, en: `report range: ${range.from} to ${range.to} (${BASIS[basis].en})` });
  if (level) {
    const why = fixedLevel ? { zh: '--level', en: '--level' } : { zh: '范围内最严的预警级别', en: 'the strictest level in force in the range' };
    voice.say({ zh: `应检查企业按${LEVEL_ZH[level]}预警的措施计（${why.zh}）`, en: `required enterprises: those with a measure at ${level} (${why.en})` });
  } else {
    voice.warn({
      zh: '范围内没有预警：没有应检查的企业（可用 --level 指定级别）',
      en: 'no alert in force in the range: no enterprise is required (give --level to count one)',
    });
  }
  const stored = readStore(town.ws, (db) => ({ visits: readReportVisits(db, range), findings: readReportFindings(db, range.to), plans: planDays(db, range) }), {
    visits: [],
    findings: [],
    plans: [],
  });
  if (!facts.exists)
    voice.warn({
      zh: `还没有检查记录（${town.ws.dbFile} 不存在）；用 haze record 导入填好的检查清单`,
      en: `no records yet (${town.ws.dbFile} does not exist); import filled-in checklists with haze record`,
    });
  else if (stored.visits.length === 0) voice.warn({ zh: `${span} 没有检查记录`, en: `no visits recorded from ${range.from} to ${range.to}` });
  for (const p of stored.plans) {
    voice.say({
      zh: `${p.date}${p.shift === 'night' ? ' 夜查' : ''}：结果按执行计划第 ${p.planId} 号（${p.fixedAt} 定）判断是否计划内`,
      en: `${p.date}${p.shift === 'night' ? ' evening' : ''}: results held against plan of record ${p.planId} (fixed ${p.fixedAt})`,
    });
  }

  const measures = level ? measuresAt(town, level) : null;
  const report = buildReport({
    enterprises: town.list.enterprises,
    measures,
    groupOf: assignAreas(town.list.enterprises, groups).groupOf,
    groups: groups.map((x) => ({ id: x.id, name: x.name })),
    visits: stored.visits,
    findings: stored.findings,
    plans: stored.plans,
    range,
    group,
  });
  const clues = reportClues(town, range, now());
  if (clues) Object.assign(report, { clues: clues.rows, clueTally: clues.tally });
  // Items found wrong, in the reader's language: the enterprise's items at the level, matched by id and words.
  const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));
  const itemIn = (v: ViolationRow, lang: Lang): string => {
    const e = byCode.get(v.creditCode);
    const m = measures?.get(v.creditCode);
    return recordedItemText({ id: v.itemId, text: v.item }, e && m ? checkItems(e, m) : [], lang);
  };
  out.emit(RENDER[out.format](out, report, { level, basis, group, section: opts.section, itemIn }));
}

interface Meta {
  level: AlertLevel | null;
  basis: RangeBasis;
  group: string | null;
  section: string | undefined;
  itemIn: (v: ViolationRow, lang: Lang) => string;
}

type Format = 'table' | 'csv' | 'json' | 'md';

/** The sections a format shows: CSV one table per call (visits unless told); the others every section unless one is asked for. */
function sectionsFor(format: Format, meta: Meta): readonly ReportSection<unknown>[] {
  const wanted = meta.section ?? (format === 'csv' ? 'visits' : undefined);
  return REPORT_SECTIONS.filter((s) => wanted === undefined || s.key === wanted);
}

function csvReport(out: Output<Format>, report: InspectionReport, meta: Meta): string {
  const section = sectionsFor('csv', meta)[0]!;
  return renderRows(out, 'csv', section.rows(report), section.columns);
}

function jsonReport(_out: Output<Format>, report: InspectionReport, meta: Meta): string {
  const json: Record<string, unknown> = { range: { ...report.range, basis: meta.basis }, level: meta.level, group: meta.group };
  for (const s of sectionsFor('json', meta)) {
    json[s.key] =
      s.key === 'coverage'
        ? { groups: toRecords(report.groups, COVERAGE_COLUMNS), total: toRecords([report.total], COVERAGE_COLUMNS)[0] }
        : toRecords(s.rows(report), s.columns);
  }
  return renderJson(json);
}

/** Tables and Markdown: a title, then every section under its heading. */
function textReport(out: Output<Format>, report: InspectionReport, meta: Meta): string {
  const md = out.format === 'md';
  const en = out.lang === 'en';
  const { from, to } = report.range;
  if (en) report = { ...report, violations: report.violations.map((v) => ({ ...v, item: meta.itemIn(v, 'en') })) };
  const title = en
    ? `inspection report: ${from === to ? from : `${from} to ${to}`}${meta.level ? `, ${meta.level} alert` : ''}${meta.group ? `, group ${meta.group}` : ''}`
    : `巡查报告：${from === to ? from : `${from} 至 ${to}`}${meta.level ? `　${LEVEL_ZH[meta.level]}预警` : ''}${meta.group ? `　第 ${meta.group} 组` : ''}`;
  const none = en ? '(none)\n' : '（无）\n';
  const block = (s: ReportSection<unknown>): string => {
    const rows = s.rows(report);
    const columns = s.shownColumns?.(out.lang) ?? s.columns;
    // The coverage table's rows are groups, not findings: no count beside its heading.
    const count = s.key === 'coverage' ? '' : en ? ` (${rows.length})` : `（${rows.length}）`;
    const heading = `${en ? s.en : s.zh}${count}`;
    if (md) return `## ${heading}\n\n${rows.length === 0 ? none : renderMarkdownTable(rows, columns, out.lang)}`;
    return `${en ? `[${heading}]` : `【${heading}】`}\n${rows.length === 0 ? none : renderRows(out, 'table', rows, columns)}`;
  };
  return `${md ? `# ${title}\n\n` : `${title}\n\n`}${sectionsFor(out.format, meta).map(block).join('\n')}`;
}

const RENDER: Record<Format, (out: Output<Format>, report: InspectionReport, meta: Meta) => string> = {
  table: textReport,
  md: textReport,
  csv: csvReport,
  json: jsonReport,
};

/** The action of `haze report` (its options and help: ../commands/report.ts). */
export async function reportAction(opts: ReportOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  return run(g, cliVoice(g), opts);
}
