/**
 * The checklist an inspector carries, as plain text (terminal, print) and Markdown: per visit the
 * enterprise's header and the items to check, each with an empty box.
 */
import { startsFromNowText } from '../../core/routing/planCalendar.js';
import type { CheckItem } from '../../core/checklist.js';
import { ACTION_ZH, LEVEL_RESPONSE_ZH, LEVEL_ZH, type AlertLevel, type Enterprise, type Group, type RequiredMeasure, type Visit } from '../../core/model.js';
import { formatDayClock } from '../../core/time.js';

export interface ChecklistVisit {
  v: Visit;
  e: Enterprise;
  m: RequiredMeasure;
  items: CheckItem[];
  /** Filled from the inspection records once they exist; absent → the printed page says 无记录 / 无. */
  lastInspection?: { date: string; result: string } | null;
  openFindings?: string[];
}

export interface ChecklistPage {
  date: string;
  group: Group;
  level: AlertLevel;
  visits: ChecklistVisit[];
  /** The day's routes start from the clock (printed after the hours began): that minute. */
  fromNow?: number | null;
}

function title(p: ChecklistPage): string {
  const fromNow = p.fromNow != null ? `  ${startsFromNowText(p.fromNow)}` : '';
  return `${p.group.name} 现场检查清单 ${p.date}  ${LEVEL_ZH[p.level]}预警（${LEVEL_RESPONSE_ZH[p.level]}）${fromNow}`;
}

function headerLines(cv: ChecklistVisit): [string, string][] {
  const { e, m, v } = cv;
  return [
    ['统一社会信用代码', e.creditCode],
    ['村社区', e.village],
    ['地址', e.address],
    ['联系人', `${e.contact} ${e.phone}`.trim()],
    ['行业 / 绩效等级', `${e.industry} / ${e.grade}${e.gradeTags.length > 0 ? `（${e.gradeTags.join('、')}）` : ''}`],
    ['应执行措施', `${ACTION_ZH[m.action]}：${m.text}`],
    ['计划到达', formatDayClock(v.arrive)],
    ['上次检查', cv.lastInspection ? `${cv.lastInspection.date} ${cv.lastInspection.result}` : '无记录'],
    ['未整改的省级暗查问题', cv.openFindings && cv.openFindings.length > 0 ? cv.openFindings.join('；') : '无'],
  ];
}

export function renderChecklistText(pages: readonly ChecklistPage[]): string {
  const out: string[] = [];
  for (const p of pages) {
    out.push(title(p), `组长：${p.group.leader} ${p.group.phone}   成员：${p.group.members.join('、')}`, '');
    if (p.visits.length === 0) out.push('（当天无巡查任务）', '');
    for (const cv of p.visits) {
      out.push(`${cv.v.seq}. ${cv.e.name}`);
      for (const [k, val] of headerLines(cv)) out.push(`   ${k}：${val}`);
      for (const item of cv.items) out.push(`   [ ] ${item.text}`);
      out.push('   检查情况：______________________________________________');
      out.push('   检查人签字：____________   企业负责人签字：____________   检查时间：____:____', '');
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderChecklistMarkdown(pages: readonly ChecklistPage[]): string {
  const out: string[] = [];
  for (const p of pages) {
    out.push(`# ${title(p)}`, '', `组长：${p.group.leader} ${p.group.phone}　成员：${p.group.members.join('、')}`, '');
    if (p.visits.length === 0) out.push('（当天无巡查任务）', '');
    for (const cv of p.visits) {
      out.push(`## ${cv.v.seq}. ${escapeMd(cv.e.name)}`, '');
      for (const [k, val] of headerLines(cv)) out.push(`- **${k}**：${escapeMd(val)}`);
      out.push('', '| | 检查项 |', '|---|---|');
      for (const item of cv.items) out.push(`| ☐ | ${escapeMd(item.text)} |`);
      out.push('', '检查情况：', '', '检查人签字：＿＿＿＿　企业负责人签字：＿＿＿＿　检查时间：＿＿:＿＿', '');
    }
  }
  return `${out.join('\n')}\n`;
}

function escapeMd(s: string): string {
  return s.replace(/([|*_`<>[\]\\])/g, '\\$1');
}
