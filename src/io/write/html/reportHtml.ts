/**
 * The inspection report as HTML: the same sections, headings and columns as the table and Markdown (the caller
 * hands them in already tabulated, from cli/reportSections.ts), then per visit the photos the phones sent with
 * it. One renderer for two places: `haze report --format html` (a whole A4 page, photos by their path relative to
 * the store: photos/ab/<sha>.jpg) and the office view (the body only, photos from /office/photos/<sha>).
 * Every value is escaped here.
 */
import type { Lang } from '../../../core/problem.js';
import type { InspectionReport } from '../../../core/report.js';
import type { VisitPhoto } from '../../store/officeQueries.js';
import { reportTitle, sectionsFor, shownReport, type ReportMeta } from '../reportSections.js';
import { htmlDocument } from './document.js';
import { escapeHtml as h } from './escapeHtml.js';

export interface ReportHtmlSection {
  key: string;
  heading: string;
  headers: readonly string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: readonly boolean[];
  rows: readonly (readonly string[])[];
}

export interface ReportHtmlVisit {
  date: string;
  groupId: string;
  creditCode: string;
  name: string;
  photos: readonly { src: string; alt: string }[];
}

export interface ReportHtml {
  title: string;
  lang: 'zh' | 'en';
  sections: readonly ReportHtmlSection[];
  /** Visits with photos, in the report's order. */
  visits: readonly ReportHtmlVisit[];
}

const WORDS = {
  zh: { none: '（无）', photos: '现场照片', group: (g: string) => `第 ${g} 组` },
  en: { none: '(none)', photos: 'photos from the sites', group: (g: string) => `group ${g}` },
} as const;

function sectionHtml(s: ReportHtmlSection, none: string): string {
  const head = `<h2>${h(s.heading)}</h2>`;
  if (s.rows.length === 0) return `<section class="report-section" data-section="${h(s.key)}">${head}<p>${h(none)}</p></section>`;
  const cls = (i: number) => (s.numeric[i] ? ' class="num"' : '');
  const ths = s.headers.map((x, i) => `<th${cls(i)}>${h(x)}</th>`).join('');
  const trs = s.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${h(c)}</td>`).join('')}</tr>`).join('\n');
  return `<section class="report-section" data-section="${h(s.key)}">${head}<table class="report-table"><thead><tr>${ths}</tr></thead><tbody>\n${trs}\n</tbody></table></section>`;
}

function photosHtml(r: ReportHtml): string {
  const w = WORDS[r.lang];
  const withPhotos = r.visits.filter((v) => v.photos.length > 0);
  if (withPhotos.length === 0) return '';
  const items = withPhotos.map(
    (v) =>
      `<figure class="visit-photos" data-code="${h(v.creditCode)}"><figcaption>${h(v.date)} ${h(w.group(v.groupId))} ${h(v.name)}</figcaption>${v.photos
        .map((p) => `<img src="${h(p.src)}" alt="${h(p.alt)}" loading="lazy">`)
        .join('')}</figure>`,
  );
  return `<section class="report-section" data-section="photos"><h2>${h(w.photos)}</h2>\n${items.join('\n')}</section>`;
}

/** The report's body: title, sections, photos (for the office page, inside its own document). */
export function reportHtmlBody(r: ReportHtml): string {
  const none = WORDS[r.lang].none;
  return `<article class="report"><h1>${h(r.title)}</h1>\n${r.sections.map((s) => sectionHtml(s, none)).join('\n')}\n${photosHtml(r)}</article>`;
}

/** Print rules of the report beyond the shared page style: a flowing document, not fixed sheets. */
const REPORT_STYLE = `
body { padding: 0; }
@media screen { body { max-width: 182mm; margin: 6mm auto; background: #fff; padding: 8mm; } html { background: #d9d9d9; } }
.report-section { margin-bottom: 4mm; }
.report-table { font-size: 9pt; }
.report-table tr { break-inside: avoid; }
.visit-photos { margin: 2mm 0; break-inside: avoid; }
.visit-photos figcaption { font-size: 9.5pt; margin-bottom: 1mm; }
.visit-photos img { max-width: 56mm; max-height: 42mm; margin: 0 1.5mm 1.5mm 0; border: 0.25mm solid #666; }
`;

/** The whole printable page, self-contained but for the photos beside it. */
export function reportHtmlPage(r: ReportHtml): string {
  return htmlDocument(r.title, reportHtmlBody(r), r.lang).replace('</style>', `${REPORT_STYLE}</style>`);
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
