/**
 * haze report --district [--town CODE]: every town's report from the district database, the summary first (one
 * row a town and the total), then each town's sections, written by the same pieces as the town's own report
 * (../reportRender.ts). CSV is one table per call: the summary unless --section names another, that section's
 * rows of every town with the town's code first.
 */
import type { AlertLevel } from '../../core/model.js';
import type { Column } from '../../io/write/columns.js';
import { renderJson, toRecords } from '../../io/write/json.js';
import { renderMarkdownTable } from '../../io/write/markdownTable.js';
import { resolveWorkspace } from '../../io/read/workspace.js';
import { withDistrict } from '../../io/store/district/connect.js';
import { districtReport, type DistrictReport, type DistrictSummaryRow, type DistrictTownReport } from '../../workflow/districtReport.js';
import { districtUrl } from '../../workflow/districtUrl.js';
import { LEVEL_ZH } from '../../core/model.js';
import { now } from '../clock.js';
import { parseLevelFlag } from '../flags.js';
import { usage, type Globals } from '../globals.js';
import { openOutput, renderRows, type Output } from '../output.js';
import { REPORT_SECTIONS, type ReportSection } from '../../io/write/reportSections.js';
import { checkSection, REPORT_FORMATS, reportTitle, sectionsFor, sectionsJson, sectionText, shownReport, type ReportFormat } from '../reportRender.js';
import type { CliVoice } from '../voice.js';
import { askedRange, BASIS, type ReportOpts } from './report.js';

/** The district summary's columns: one row a town, and the total (town `total`). */
function summaryColumns(lang: 'zh' | 'en'): Column<DistrictSummaryRow>[] {
  const en = lang === 'en';
  return [
    { key: 'town', zh: '乡镇代码', en: 'town', value: (r) => r.town, excel: (r) => (r.town === 'total' ? '合计' : r.town), dataOnly: true },
    // A table names the total row once, in the name column.
    { key: 'town_shown', zh: '乡镇代码', en: 'town', value: (r) => (r.town === 'total' ? '' : r.town), tableOnly: true },
    { key: 'name', zh: '乡镇', en: 'name', value: (r) => (r.town === 'total' && en ? 'total' : r.name) },
    { key: 'level', zh: '预警级别', en: 'level', value: (r) => r.level, excel: (r) => (r.level ? LEVEL_ZH[r.level] : null), dataOnly: true },
    { key: 'level_shown', zh: '预警级别', en: 'level', value: (r) => (r.level ? (en ? r.level : LEVEL_ZH[r.level]) : ''), tableOnly: true, drop: 3 },
    { key: 'required', zh: '应检查企业', en: 'required', value: (r) => r.required },
    { key: 'visited', zh: '已检查', en: 'visited', value: (r) => r.visited },
    { key: 'coverage_pct', zh: '覆盖率%', en: 'coverage %', value: (r) => r.coveragePct },
    { key: 'visits', zh: '检查次数', en: 'visits', value: (r) => r.visits, drop: 2 },
    { key: 'clean_visits', zh: '合格次数', en: 'clean visits', value: (r) => r.cleanVisits, drop: 1 },
    { key: 'compliance_pct', zh: '合规率%', en: 'compliance %', value: (r) => r.compliancePct },
    { key: 'violations', zh: '违规项', en: 'violations', value: (r) => r.violations },
    { key: 'open_findings', zh: '未闭环暗查问题', en: 'open findings', value: (r) => r.openFindings },
    { key: 'clues_confirmed', zh: '线索属实', en: 'clues confirmed', value: (r) => r.cluesConfirmed, drop: 4 },
    { key: 'clues_refuted', zh: '线索不属实', en: 'clues refuted', value: (r) => r.cluesRefuted, drop: 4 },
    { key: 'clues_open', zh: '线索待核实', en: 'clues open', value: (r) => r.cluesOpen, drop: 4 },
  ];
}

export const DISTRICT_SUMMARY_COLUMNS = summaryColumns('zh');

const SUMMARY = 'summary';

interface Shown {
  format: ReportFormat;
  section: string | undefined;
}

const summaryRows = (r: DistrictReport): DistrictSummaryRow[] => [...r.towns.map((t) => t.summary), r.total];

/** A town's section as CSV rows across the district: each row led by its town's code. */
function townColumns<T>(section: ReportSection<T>): Column<{ town: string; row: T }>[] {
  return [
    { key: 'town', zh: '乡镇代码', en: 'town', value: (x) => x.town },
    ...section.columns.map((c): Column<{ town: string; row: T }> => {
      const { value, excel, ...rest } = c;
      return { ...rest, value: (x) => value(x.row), ...(excel ? { excel: (x: { town: string; row: T }) => excel(x.row) } : {}) };
    }),
  ];
}

function csvDistrict(out: Output<ReportFormat>, r: DistrictReport, shown: Shown): string {
  const key = shown.section ?? SUMMARY;
  if (key === SUMMARY) return renderRows(out, 'csv', summaryRows(r), DISTRICT_SUMMARY_COLUMNS);
  const section = REPORT_SECTIONS.find((s) => s.key === key)!;
  const rows = r.towns.flatMap((t) => section.rows(t.report).map((row) => ({ town: t.code, row })));
  return renderRows(out, 'csv', rows, townColumns(section));
}

function jsonDistrict(_out: Output<ReportFormat>, r: DistrictReport, shown: Shown): string {
  const summary = shown.section === undefined || shown.section === SUMMARY;
  const sections = shown.section === SUMMARY ? undefined : shown.section;
  const record = (row: DistrictSummaryRow) => toRecords([row], DISTRICT_SUMMARY_COLUMNS)[0];
  return renderJson({
    range: { ...r.range, basis: r.basis },
    towns: r.towns.map((t) => ({
      code: t.code,
      name: t.name,
      level: t.level,
      ...(summary ? { summary: record(t.summary) } : {}),
      ...(shown.section === SUMMARY ? {} : sectionsJson(t.report, sections)),
    })),
    total: record(r.total),
  });
}

/** Tables and Markdown: the district's title and summary, then each town under its name with its sections. */
function textDistrict(out: Output<ReportFormat>, r: DistrictReport, shown: Shown): string {
  const md = out.format === 'md';
  const en = out.lang === 'en';
  const { from, to } = r.range;
  const days = from === to ? from : en ? `${from} to ${to}` : `${from} 至 ${to}`;
  const title = en ? `district inspection report: ${days}` : `区级巡查汇总：${days}`;
  const parts: string[] = [md ? `# ${title}\n` : `${title}\n`];
  if (shown.section === undefined || shown.section === SUMMARY) {
    const heading = en ? `towns (${r.towns.length})` : `各乡镇汇总（${r.towns.length}）`;
    const rows = summaryRows(r);
    const columns = summaryColumns(out.lang);
    parts.push(md ? `## ${heading}\n\n${renderMarkdownTable(rows, columns, out.lang)}` : `【${heading}】\n${renderRows(out, 'table', rows, columns)}`);
  }
  if (shown.section !== SUMMARY) for (const t of r.towns) parts.push(townText(out, t, shown.section));
  return parts.join('\n');
}

function townText(out: Output<ReportFormat>, t: DistrictTownReport, section: string | undefined): string {
  const md = out.format === 'md';
  const title = `${t.code} ${t.name}　${reportTitle(out.lang, t.report, { level: t.level, group: null })}`;
  const report = shownReport(out, t.report, t);
  const body = sectionsFor(out.format, section)
    .map((s) => sectionText(out, report, s, 3))
    .join('\n');
  return md ? `## ${title}\n\n${body}` : `${'═'.repeat(2)} ${title} ${'═'.repeat(2)}\n\n${body}`;
}

const RENDER: Record<Exclude<ReportFormat, 'html'>, (out: Output<ReportFormat>, r: DistrictReport, shown: Shown) => string> = {
  table: textDistrict,
  md: textDistrict,
  csv: csvDistrict,
  json: jsonDistrict,
};

const DISTRICT_FORMATS = REPORT_FORMATS.filter((f): f is Exclude<ReportFormat, 'html'> => f !== 'html');

/** The action of `haze report --district` (its options and help: ../commands/report.ts). */
export async function districtReportAction(g: Globals, voice: CliVoice, opts: ReportOpts): Promise<void> {
  if (!opts.district) throw usage({ zh: '--town 要与 --district 同用', en: '--town goes with --district' });
  if (opts.group !== undefined) {
    throw usage({
      zh: '--group 只用于本乡镇的报告：各乡镇的巡查组各不相同',
      en: "--group is for a town's own report: each town has groups of its own",
    });
  }
  // HTML (with the phones' photos) is a town's own report: the district's database holds no photos.
  const out = openOutput(g, voice, DISTRICT_FORMATS, 'table');
  checkSection(opts.section, [SUMMARY]);
  const range = askedRange(opts);
  const level: AlertLevel | null = opts.level === undefined ? null : parseLevelFlag(opts.level);
  const url = districtUrl(resolveWorkspace(g), undefined, g.districtDb);
  const today = now();
  const report = await withDistrict(url, { migrate: false }, async (district) => {
    voice.say({ zh: `区级数据库：${district.shownUrl}`, en: `district database: ${district.shownUrl}` });
    return districtReport(district, { range, town: opts.town ?? null, level, group: null, today: today.date }, voice);
  });
  const { from, to } = report.range;
  voice.say({
    zh: `报告范围：${from === to ? from : `${from} 至 ${to}`}（${BASIS[report.basis].zh}${report.basis === 'alert' ? '，按各乡镇最早的一天' : ''}）`,
    en: `report range: ${from} to ${to} (${BASIS[report.basis].en}${report.basis === 'alert' ? ", the earliest town's" : ''})`,
  });
  out.emit(RENDER[out.format](out, report, { format: out.format, section: opts.section }));
}
