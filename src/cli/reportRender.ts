/**
 * How a town's inspection report is written, in every format `haze report` has: the town's own report and each
 * town of the district's view (./actions/districtReport.ts) are written by these same pieces, so the two never
 * drift. Tables and Markdown show every section with Chinese headings; JSON is one object; CSV is one section
 * per call (--section), one clean table for scripts.
 */
import type { InspectionReport } from '../core/report.js';
import { renderJson, toRecords } from '../io/write/json.js';
import { renderMarkdownTable } from '../io/write/markdownTable.js';
import { renderRows, type Output } from './output.js';
import {
  COVERAGE_COLUMNS,
  reportTitle,
  SECTION_KEYS,
  sectionsFor,
  shownReport,
  type ReportFormat,
  type ReportMeta,
  type ReportSection,
} from '../io/write/reportSections.js';
import { reportHtmlOf } from '../io/write/html/reportHtml.js';
import { usage } from './globals.js';
import { reportHtmlPage } from '../io/write/html/reportHtml.js';

export { reportTitle, sectionsFor, shownReport, type ReportFormat, type ReportMeta };
export const REPORT_FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const satisfies readonly ReportFormat[];

/** --section, checked against the sections there are (and any the caller adds, such as the district's summary). */
export function checkSection(section: string | undefined, extra: readonly string[] = []): void {
  const keys = [...extra, ...SECTION_KEYS];
  if (section !== undefined && !keys.includes(section)) {
    throw usage({ zh: `--section 可用：${keys.join('、')}，而不是"${section}"`, en: `--section takes ${keys.join(', ')}, not "${section}"` });
  }
}

/** One section as JSON records; coverage as its groups and its total. */
export function sectionJson(report: InspectionReport, s: ReportSection<unknown>): unknown {
  return s.key === 'coverage'
    ? { groups: toRecords(report.groups, COVERAGE_COLUMNS), total: toRecords([report.total], COVERAGE_COLUMNS)[0] }
    : toRecords(s.rows(report), s.columns);
}

/** The report's sections as JSON keys. */
export function sectionsJson(report: InspectionReport, section: string | undefined): Record<string, unknown> {
  return Object.fromEntries(sectionsFor('json', section).map((s) => [s.key, sectionJson(report, s)]));
}

/** One section under its heading, as a table or Markdown (`depth`: the Markdown heading's level). */
export function sectionText(out: Output<ReportFormat>, report: InspectionReport, s: ReportSection<unknown>, depth = 2): string {
  const en = out.lang === 'en';
  const none = en ? '(none)\n' : '（无）\n';
  const rows = s.rows(report);
  const columns = s.shownColumns?.(out.lang) ?? s.columns;
  // The coverage table's rows are groups, not findings: no count beside its heading.
  const count = s.key === 'coverage' ? '' : en ? ` (${rows.length})` : `（${rows.length}）`;
  const heading = `${en ? s.en : s.zh}${count}`;
  if (out.format === 'md') return `${'#'.repeat(depth)} ${heading}\n\n${rows.length === 0 ? none : renderMarkdownTable(rows, columns, out.lang)}`;
  return `${en ? `[${heading}]` : `【${heading}】`}\n${rows.length === 0 ? none : renderRows(out, 'table', rows, columns)}`;
}

function csvReport(out: Output<ReportFormat>, report: InspectionReport, meta: ReportMeta): string {
  const section = sectionsFor('csv', meta.section)[0]!;
  return renderRows(out, 'csv', section.rows(report), section.columns);
}

function jsonReport(_out: Output<ReportFormat>, report: InspectionReport, meta: ReportMeta): string {
  return renderJson({ range: { ...report.range, basis: meta.basis }, level: meta.level, group: meta.group, ...sectionsJson(report, meta.section) });
}

/** Tables and Markdown: a title, then every section under its heading. */
function textReport(out: Output<ReportFormat>, report: InspectionReport, meta: ReportMeta): string {
  const md = out.format === 'md';
  const title = reportTitle(out.lang, report, meta);
  const shown = shownReport(out, report, meta);
  return `${md ? `# ${title}\n\n` : `${title}\n\n`}${sectionsFor(out.format, meta.section)
    .map((s) => sectionText(out, shown, s))
    .join('\n')}`;
}

function htmlReport(out: Output<ReportFormat>, report: InspectionReport, meta: ReportMeta): string {
  return reportHtmlPage(reportHtmlOf(out.lang, report, meta));
}

/** A town's report in the output's format. */
export const RENDER_REPORT: Record<ReportFormat, (out: Output<ReportFormat>, report: InspectionReport, meta: ReportMeta) => string> = {
  table: textReport,
  md: textReport,
  csv: csvReport,
  json: jsonReport,
  html: htmlReport,
};
