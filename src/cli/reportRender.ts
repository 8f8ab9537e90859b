/**
 * How a town's inspection report is written, in every format `haze report` has: the town's own report and each
 * town of the district's view (./actions/districtReport.ts) are written by these same pieces, so the two never
 * drift. Tables and Markdown show every section with Chinese headings; JSON is one object; CSV is one section
 * per call (--section), one clean table for scripts.
 */
import { LEVEL_ZH, type AlertLevel } from '../core/model.js';
import type { Lang } from '../core/problem.js';
import type { InspectionReport, ViolationRow } from '../core/report.js';
import type { RangeBasis } from '../core/reportRange.js';
import { renderJson, toRecords } from '../io/write/json.js';
import { renderMarkdownTable } from '../io/write/markdownTable.js';
import { renderRows, type Output } from './output.js';
import { COVERAGE_COLUMNS, REPORT_SECTIONS, SECTION_KEYS, type ReportSection } from './reportSections.js';
import { usage } from './globals.js';
import type { VisitPhoto } from '../io/store/officeQueries.js';
import { reportHtmlPage, type ReportHtml } from '../io/write/html/reportHtml.js';

export type ReportFormat = 'table' | 'csv' | 'json' | 'md' | 'html';
export const REPORT_FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const satisfies readonly ReportFormat[];

export interface ReportMeta {
  level: AlertLevel | null;
  basis: RangeBasis;
  group: string | null;
  section: string | undefined;
  itemIn: (v: ViolationRow, lang: Lang) => string;
  /** HTML: the photos the phones linked to the range's visits, and where the page finds each (a path or a URL). */
  photos?: readonly VisitPhoto[];
  photoSrc?: (p: VisitPhoto) => string;
}

/** --section, checked against the sections there are (and any the caller adds, such as the district's summary). */
export function checkSection(section: string | undefined, extra: readonly string[] = []): void {
  const keys = [...extra, ...SECTION_KEYS];
  if (section !== undefined && !keys.includes(section)) {
    throw usage({ zh: `--section 可用：${keys.join('、')}，而不是"${section}"`, en: `--section takes ${keys.join(', ')}, not "${section}"` });
  }
}

/** The sections a format shows: CSV one table per call (visits unless told); the others every section unless one is asked for. */
export function sectionsFor(format: ReportFormat, section: string | undefined): readonly ReportSection<unknown>[] {
  const wanted = section ?? (format === 'csv' ? 'visits' : undefined);
  return REPORT_SECTIONS.filter((s) => wanted === undefined || s.key === wanted);
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

/** The report as a reader sees it: violations' items in English when the reader reads English. */
export function shownReport(out: Pick<Output<ReportFormat>, 'lang'>, report: InspectionReport, meta: Pick<ReportMeta, 'itemIn'>): InspectionReport {
  return out.lang === 'en' ? { ...report, violations: report.violations.map((v) => ({ ...v, item: meta.itemIn(v, 'en') })) } : report;
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

/** The report's title line: its days, its level, its group. */
export function reportTitle(lang: Lang, report: InspectionReport, meta: Pick<ReportMeta, 'level' | 'group'>): string {
  const { from, to } = report.range;
  return lang === 'en'
    ? `inspection report: ${from === to ? from : `${from} to ${to}`}${meta.level ? `, ${meta.level} alert` : ''}${meta.group ? `, group ${meta.group}` : ''}`
    : `巡查报告：${from === to ? from : `${from} 至 ${to}`}${meta.level ? `　${LEVEL_ZH[meta.level]}预警` : ''}${meta.group ? `　第 ${meta.group} 组` : ''}`;
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

const cellText = (c: unknown, lang: Lang): string =>
  c === null || c === undefined ? '' : typeof c === 'boolean' ? (lang === 'en' ? (c ? 'yes' : 'no') : c ? '是' : '否') : String(c);

/** The report as the HTML renderer takes it (io/write/html/reportHtml.ts): the same sections and columns, and the visits' photos. */
export function reportHtmlOf(lang: Lang, report: InspectionReport, meta: ReportMeta): ReportHtml {
  const shown = shownReport({ lang }, report, meta);
  const en = lang === 'en';
  const sections = sectionsFor('html', meta.section).map((s) => {
    const rows = s.rows(shown);
    const columns = (s.shownColumns?.(lang) ?? s.columns).filter((c) => !c.dataOnly);
    const count = s.key === 'coverage' ? '' : en ? ` (${rows.length})` : `（${rows.length}）`;
    return {
      key: s.key,
      heading: `${en ? s.en : s.zh}${count}`,
      headers: columns.map((c) => (en ? c.en : c.zh)),
      numeric: columns.map((c) => rows.some((r) => typeof c.value(r) === 'number')),
      rows: rows.map((r) => columns.map((c) => cellText(c.value(r), lang))),
    };
  });
  const src = meta.photoSrc ?? ((p: VisitPhoto) => p.sha256);
  const visits = new Map<string, ReportHtml['visits'][number] & { photos: { src: string; alt: string }[] }>();
  const nameOf = new Map(report.visits.map((v) => [`${v.date}\u0000${v.groupId}\u0000${v.creditCode}`, v.name]));
  for (const p of meta.photos ?? []) {
    const key = `${p.date}\u0000${p.groupId}\u0000${p.creditCode}`;
    if (meta.group && p.groupId !== meta.group) continue;
    let v = visits.get(key);
    if (!v) visits.set(key, (v = { date: p.date, groupId: p.groupId, creditCode: p.creditCode, name: nameOf.get(key) ?? p.creditCode, photos: [] }));
    v.photos.push({ src: src(p), alt: `${v.name} ${p.date}` });
  }
  return { title: reportTitle(lang, report, meta), lang, sections, visits: [...visits.values()] };
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
