/**
 * The findings circular for the terminal: the same words as the printed page (core/circular.ts), the findings
 * one to a line, each enterprise named as the province's notice names it.
 */
import { circularWords, foundName, monthDay, type Circular } from '../../core/circular.js';
import { dateZh } from './html/dateZh.js';

export function renderCircularText(c: Circular, docNo: string | null, villageOf: (code: string) => string | null): string {
  const w = circularWords(c);
  const lines = [w.title, `文号：${docNo ?? '（未给 --doc-no）'}　${dateZh(c.issued)}`, '', '各企业：', `　　${w.intro}`];
  const numerals = ['一', '二', '三'];
  let n = 0;
  if (c.findings.length > 0) {
    lines.push('', `${numerals[n++]}、暗查发现的问题`);
    c.findings.forEach((f, i) => {
      const village = villageOf(f.creditCode);
      const state = f.status === 'open' ? `限${monthDay(c.rectifyBy!)}前整改，待复查` : `已整改（${f.closedAt ?? ''} 关闭）`;
      lines.push(`　${i + 1}. ${foundName(f)}${village ? `（${village}）` : ''} ${monthDay(f.date)}：${f.problem}【${f.source}】—— ${state}`);
    });
    lines.push('', `${numerals[n++]}、整改要求`, `　　${w.followUp ?? '本期通报的问题均已经镇复查整改到位，请相关企业保持。'}`);
  }
  if (w.keep) {
    lines.push('', `${numerals[n++]}、预警期间各企业须执行`, `　　${w.keep}`);
    if (w.byAction) lines.push(`　　${w.byAction}`);
  }
  lines.push('', `　　${w.closing}`, '', `${c.town}　${dateZh(c.issued)}`, '');
  return lines.join('\n');
}
