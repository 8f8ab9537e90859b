/**
 * The findings circular as A4 pages (省级暗查情况通报): the town and a document-number line, the title, the
 * findings table with each enterprise named as the province's notice names it, what follows for them, what every
 * enterprise keeps doing at the level, the sign-off. Usually one sheet; a long table runs on to a second, each
 * sheet with its own footer. The words come from core/circular.ts, so the page says what the terminal text says.
 */
import { circularWords, findingWords, type Circular, type CircularFinding, type CircularLabels } from '../../../core/circular.js';
import type { Lang } from '../../../core/problem.js';
import { dateOnPaper } from './dateZh.js';
import { htmlDocument, pageFoot } from './document.js';
import { escapeHtml as h } from './escapeHtml.js';
import { PAGE } from './pageStyle.js';

export interface CircularHtmlOptions {
  /** The circular's own number (文号); without it a blank line to fill in by hand. */
  docNo: string | null;
  /** Village by credit code, from the current list. */
  villageOf: (code: string) => string | null;
  /** English under --lang en: the province's words quoted as written. */
  lang?: Lang;
}

/** What the page adds to the shared style: the document's head and paragraphs as official notices set them. */
const CIRCULAR_STYLE = `
.circular .doc-no { display: flex; justify-content: space-between; font-size: 10.5pt; margin: 1mm 0 3mm; }
.circular .doc-no .blank { display: inline-block; min-width: 38mm; border-bottom: 0.25mm solid #000; }
.circular h1 { text-align: center; font-size: 15pt; margin: 2mm 0 3mm; }
.circular p { font-size: 10.5pt; line-height: 1.6; }
.circular p.para { text-indent: 2em; }
.circular .findings { font-size: 9pt; line-height: 1.3; margin: 1mm 0 2mm; }
.circular .findings { table-layout: fixed; }
.circular .findings td { vertical-align: top; overflow-wrap: anywhere; }
/* English headings and dates ("8 December") are wider than the Chinese: let them wrap inside their cells. */
.circular .findings th, .circular .findings td.c { white-space: normal; }
.circular .signoff { margin-top: 6mm; text-align: right; font-size: 10.5pt; line-height: 1.7; }
`;

/** Estimated heights in mm (measured roughly in Chromium at these sizes), to decide where a sheet ends. */
const HEIGHT = { head: 38, intro: 16, h2: 8, tableHead: 6, rowLine: 4.2, rowPad: 1.6, para: 6, sign: 20, foot: 8 } as const;

/** Width in full-width characters: a Latin letter or digit takes about half a Chinese character's width. */
function width(s: string): number {
  return [...s].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 0.45 : 1), 0);
}

function rowLines(f: CircularFinding, c: Circular, lang: Lang): number {
  const fw = findingWords(f, c, lang);
  const lines = (s: string, per: number) => Math.max(1, Math.ceil(width(s) / per));
  return Math.max(lines(fw.name, 9), lines(fw.problem, 12), lines(fw.source, 8), lines(fw.state, 7), lines(fw.day, 4));
}

function paraHeight(text: string | null): number {
  if (!text) return 0;
  // About 36 characters of 10.5pt to a 182 mm line, lines 1.6 high.
  return Math.ceil((width(text) + 2) / 36) * HEIGHT.para;
}

function findingRow(f: CircularFinding, n: number, c: Circular, o: CircularHtmlOptions): string {
  const fw = findingWords(f, c, o.lang);
  return `<tr data-code="${h(f.creditCode)}"><td class="c">${n}</td><td>${h(fw.name)}</td><td>${h(o.villageOf(f.creditCode) ?? '')}</td><td class="c">${h(fw.day)}</td><td>${h(fw.problem)}</td><td>${h(fw.source)}</td><td>${h(fw.state)}</td></tr>`;
}

/** The table's column widths, mm (null: the problem takes the rest); "8 December" needs a wider date than 12月8日. */
const COLUMNS_MM: Record<Lang, (number | null)[]> = { zh: [7, 38, 19, 15, null, 33, 27], en: [7, 38, 19, 20, null, 30, 27] };

function table(rows: string[], l: CircularLabels, lang: Lang): string {
  const t = l.columns;
  return `<table class="findings">
<colgroup>${COLUMNS_MM[lang].map((mm) => (mm === null ? '<col>' : `<col style="width: ${mm}mm">`)).join('')}</colgroup>
<thead><tr><th class="c">${h(t.n)}</th><th>${h(t.name)}</th><th>${h(t.village)}</th><th class="c">${h(t.date)}</th><th>${h(t.problem)}</th><th>${h(t.source)}</th><th>${h(t.state)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

export function renderCircularHtml(c: Circular, o: CircularHtmlOptions): string {
  const lang = o.lang ?? 'zh';
  const w = circularWords(c, lang);
  const l = w.labels;
  const year = c.issued.slice(0, 4);
  const issued = h(dateOnPaper(c.issued, lang));
  // Without a number, a blank to fill in by hand: the town's own form (〔year〕…号) in Chinese, a bare line in English.
  const blank = lang === 'en' ? '<span class="blank"></span>' : `${h(c.town)}〔${year}〕<span class="blank"></span>号`;
  const [kicker, kind] = l.kicker(c.town);
  const head = `<div class="kicker"><span>${h(kicker)}</span><span>${h(kind)}</span></div>
<div class="doc-no"><span>${h(l.docNo)}${o.docNo ? h(o.docNo) : blank}</span><span>${issued}</span></div>
<h1>${h(w.title)}</h1>
<p>${h(l.to)}</p>
<p class="para">${h(w.intro)}</p>`;

  // Sections numbered in the order printed: the findings (when there are any), the follow-up, the level's duties.
  let n = 0;
  const numeral = () => l.numeral(n++);
  const findingsTitle = c.findings.length > 0 ? `<h2>${numeral()}${h(l.findings)}</h2>` : '';
  const tail: { html: string; mm: number }[] = [];
  if (c.findings.length > 0 && w.followUp) {
    const text = w.followUp;
    tail.push({ html: `<h2>${numeral()}${h(l.rectify)}</h2>\n<p class="para">${h(text)}</p>`, mm: HEIGHT.h2 + paraHeight(text) });
  }
  if (w.keep) {
    const words = [w.keep, w.byAction].filter((x): x is string => x !== null);
    tail.push({
      html: `<h2>${numeral()}${h(l.keep)}</h2>\n${words.map((x) => `<p class="para">${h(x)}</p>`).join('\n')}`,
      mm: HEIGHT.h2 + words.reduce((s, x) => s + paraHeight(x), 0),
    });
  }
  tail.push({
    html: `<p class="para">${h(w.closing)}</p>\n<div class="signoff">${h(c.town)}<br>${issued}</div>`,
    mm: paraHeight(w.closing) + HEIGHT.sign,
  });

  // Lay the sheets: the head, then the table's rows while they fit, then the tail blocks while they fit.
  const pages: string[][] = [[head]];
  let room = PAGE.height - HEIGHT.head - paraHeight(w.intro) - HEIGHT.foot;
  if (c.findings.length > 0) {
    let rows: string[] = [];
    room -= HEIGHT.h2 + HEIGHT.tableHead;
    let caption = findingsTitle;
    c.findings.forEach((f, i) => {
      const mm = rowLines(f, c, lang) * HEIGHT.rowLine + HEIGHT.rowPad;
      if (mm > room && rows.length > 0) {
        pages[pages.length - 1]!.push(`${caption}\n${table(rows, l, lang)}`);
        pages.push([]);
        rows = [];
        caption = `<h2 class="cont">${h(l.findings + l.continued)}</h2>`;
        room = PAGE.height - HEIGHT.foot - HEIGHT.h2 - HEIGHT.tableHead;
      }
      rows.push(findingRow(f, i + 1, c, o));
      room -= mm;
    });
    pages[pages.length - 1]!.push(`${caption}\n${table(rows, l, lang)}`);
  }
  for (const t of tail) {
    if (t.mm > room && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      room = PAGE.height - HEIGHT.foot;
    }
    pages[pages.length - 1]!.push(t.html);
    room -= t.mm;
  }
  const sections = pages.map(
    (blocks, i) =>
      `<section class="page circular">\n${blocks.join('\n')}\n${pageFoot(`${c.town} · ${l.foot} · ${dateOnPaper(c.issued, lang)}`, i + 1, pages.length, lang)}\n</section>`,
  );
  return htmlDocument(w.title, `<style>${CIRCULAR_STYLE}</style>\n${sections.join('\n')}`, lang);
}
