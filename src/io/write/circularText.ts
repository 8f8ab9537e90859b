/**
 * The findings circular for the terminal: the same words as the printed page (core/circular.ts), the findings
 * one to a line, each enterprise named as the province's notice names it. English under --lang en, the
 * province's own words quoted as written.
 */
import { circularWords, findingWords, type Circular } from '../../core/circular.js';
import type { Lang } from '../../core/problem.js';
import { dateOnPaper } from './html/dateZh.js';

export function renderCircularText(c: Circular, docNo: string | null, villageOf: (code: string) => string | null, lang: Lang = 'zh'): string {
  const w = circularWords(c, lang);
  const l = w.labels;
  const en = lang === 'en';
  const gap = en ? '  ' : '　';
  const indent = en ? '    ' : '　　';
  const issued = dateOnPaper(c.issued, lang);
  const lines = [w.title, `${l.docNo}${docNo ?? l.noDocNo}${gap}${issued}`, '', l.to, `${indent}${w.intro}`];
  let n = 0;
  if (c.findings.length > 0) {
    lines.push('', `${l.numeral(n++)}${l.findings}`);
    c.findings.forEach((f, i) => {
      const village = villageOf(f.creditCode);
      const fw = findingWords(f, c, lang);
      lines.push(
        en
          ? `  ${i + 1}. ${fw.name}${village ? ` (${village})` : ''}, ${fw.day}: ${fw.problem} [${fw.source}] — ${fw.state}`
          : `　${i + 1}. ${fw.name}${village ? `（${village}）` : ''} ${fw.day}：${fw.problem}【${fw.source}】—— ${fw.state}`,
      );
    });
    lines.push('', `${l.numeral(n++)}${l.rectify}`, `${indent}${w.followUp}`);
  }
  if (w.keep) {
    lines.push('', `${l.numeral(n++)}${l.keep}`, `${indent}${w.keep}`);
    if (w.byAction) lines.push(`${indent}${w.byAction}`);
  }
  lines.push('', `${indent}${w.closing}`, '', `${c.town}${gap}${issued}`, '');
  return lines.join('\n');
}
