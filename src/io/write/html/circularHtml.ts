/**
 * The findings circular as A4 pages (省级暗查情况通报): the town and a document-number line, the title, the
 * findings table with each enterprise named as the province's notice names it, what follows for them, what every
 * enterprise keeps doing at the level, the sign-off. Usually one sheet; a long table runs on to a second, each
 * sheet with its own footer. The words come from core/circular.ts, so the page says what the terminal text says.
 */
import { circularWords, foundName, monthDay, type Circular, type CircularFinding } from '../../../core/circular.js';
import { dateZh } from './dateZh.js';
import { htmlDocument, pageFoot } from './document.js';
import { escapeHtml as h } from './escapeHtml.js';
import { PAGE } from './pageStyle.js';

export interface CircularHtmlOptions {
  /** The circular's own number (文号); without it a blank line to fill in by hand. */
  docNo: string | null;
  /** Village by credit code, from the current list. */
  villageOf: (code: string) => string | null;
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
.circular .signoff { margin-top: 6mm; text-align: right; font-size: 10.5pt; line-height: 1.7; }
`;

/** Estimated heights in mm (measured roughly in Chromium at these sizes), to decide where a sheet ends. */
const HEIGHT = { head: 38, intro: 16, h2: 8, tableHead: 6, rowLine: 4.2, rowPad: 1.6, para: 6, sign: 20, foot: 8 } as const;

function rowLines(f: CircularFinding): number {
  const chars = (s: string, per: number) => Math.max(1, Math.ceil([...s].length / per));
  return Math.max(chars(foundName(f), 9), chars(f.problem, 12), chars(f.source, 8));
}

function paraHeight(text: string | null): number {
  if (!text) return 0;
  // About 36 characters of 10.5pt to a 182 mm line, lines 1.6 high.
  return Math.ceil(([...text].length + 2) / 36) * HEIGHT.para;
}

function status(f: CircularFinding, c: Circular): string {
  return f.status === 'open' ? `限${monthDay(c.rectifyBy!)}前整改，待复查` : `已整改（${f.closedAt ?? ''} 关闭）`;
}

function findingRow(f: CircularFinding, n: number, c: Circular, o: CircularHtmlOptions): string {
  return `<tr data-code="${h(f.creditCode)}"><td class="c">${n}</td><td>${h(foundName(f))}</td><td>${h(o.villageOf(f.creditCode) ?? '')}</td><td class="c">${h(monthDay(f.date))}</td><td>${h(f.problem)}</td><td>${h(f.source)}</td><td>${h(status(f, c))}</td></tr>`;
}

function table(rows: string[]): string {
  return `<table class="findings">
<colgroup><col style="width: 7mm"><col style="width: 38mm"><col style="width: 19mm"><col style="width: 15mm"><col><col style="width: 33mm"><col style="width: 27mm"></colgroup>
<thead><tr><th class="c">序</th><th>企业名称（按通报）</th><th>村社区</th><th class="c">日期</th><th>问题</th><th>通报文号</th><th>处理</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

export function renderCircularHtml(c: Circular, o: CircularHtmlOptions): string {
  const w = circularWords(c);
  const year = c.issued.slice(0, 4);
  const head = `<div class="kicker"><span>${h(c.town)}重污染天气应急管控</span><span>省级暗查情况通报</span></div>
<div class="doc-no"><span>文号：${o.docNo ? h(o.docNo) : `${h(c.town)}〔${year}〕<span class="blank"></span>号`}</span><span>${dateZh(c.issued)}</span></div>
<h1>${h(w.title)}</h1>
<p>各企业：</p>
<p class="para">${h(w.intro)}</p>`;

  // Sections numbered in the order printed: the findings (when there are any), the follow-up, the level's duties.
  const numerals = ['一', '二', '三'];
  let n = 0;
  const numeral = () => numerals[n++];
  const findingsTitle = c.findings.length > 0 ? `<h2>${numeral()}、暗查发现的问题</h2>` : '';
  const tail: { html: string; mm: number }[] = [];
  if (c.findings.length > 0) {
    const text = w.followUp ?? '本期通报的问题均已经镇复查整改到位，请相关企业保持。';
    tail.push({ html: `<h2>${numeral()}、整改要求</h2>\n<p class="para">${h(text)}</p>`, mm: HEIGHT.h2 + paraHeight(text) });
  }
  if (w.keep) {
    const words = [w.keep, w.byAction].filter((x): x is string => x !== null);
    tail.push({
      html: `<h2>${numeral()}、预警期间各企业须执行</h2>\n${words.map((x) => `<p class="para">${h(x)}</p>`).join('\n')}`,
      mm: HEIGHT.h2 + words.reduce((s, x) => s + paraHeight(x), 0),
    });
  }
  tail.push({
    html: `<p class="para">${h(w.closing)}</p>\n<div class="signoff">${h(c.town)}<br>${dateZh(c.issued)}</div>`,
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
      const mm = rowLines(f) * HEIGHT.rowLine + HEIGHT.rowPad;
      if (mm > room && rows.length > 0) {
        pages[pages.length - 1]!.push(`${caption}\n${table(rows)}`);
        pages.push([]);
        rows = [];
        caption = '<h2 class="cont">暗查发现的问题（续）</h2>';
        room = PAGE.height - HEIGHT.foot - HEIGHT.h2 - HEIGHT.tableHead;
      }
      rows.push(findingRow(f, i + 1, c, o));
      room -= mm;
    });
    pages[pages.length - 1]!.push(`${caption}\n${table(rows)}`);
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
      `<section class="page circular">\n${blocks.join('\n')}\n${pageFoot(`${c.town} · 省级暗查情况通报 · ${dateZh(c.issued)}`, i + 1, pages.length)}\n</section>`,
  );
  return htmlDocument(w.title, `<style>${CIRCULAR_STYLE}</style>\n${sections.join('\n')}`);
}
