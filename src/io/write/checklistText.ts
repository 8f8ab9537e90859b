/**
 * The checklist an inspector carries, as plain text (terminal, print) and Markdown: per visit the
 * enterprise's header and the items to check, each with an empty box.
 */
import type { Clue, ClueChart } from '../../core/evidence/model.js';
import { itemText, recordedItemText, type CheckItem } from '../../core/checklist.js';
import { actionWord, gradeWord, levelHeading, type AlertLevel, type Enterprise, type Group, type RequiredMeasure, type Visit } from '../../core/model.js';
import { measureTextIn, quoted } from '../../core/ownWords.js';
import type { Lang } from '../../core/problem.js';
import type { VisitContext } from '../store/visitContext.js';
import { startsFromNowText } from '../../core/routing/planCalendar.js';
import { formatDayClock } from '../../core/time.js';

export interface ChecklistVisit {
  v: Visit;
  e: Enterprise;
  m: RequiredMeasure;
  items: CheckItem[];
  /** Filled from the inspection records once they exist; absent → the printed page says 无记录 / 无. */
  lastInspection?: VisitContext['lastInspection'];
  openFindings?: VisitContext['openFindings'];
  /** What the power and gate records suggest about the enterprise, each with its small chart (null for a gate clue). */
  clues?: { clue: Clue; chart: ClueChart | null }[];
}

/**
 * The last inspection in words: 合格, or the items found wrong — in English each by its item today when the
 * ids match (the same measure gives the same items), else in the words recorded, quoted.
 */
export function lastInspectionText(cv: ChecklistVisit, lang: Lang): string | null {
  const last = cv.lastInspection;
  if (!last) return null;
  if (lang === 'zh') return `${last.date} ${last.violations.length === 0 ? '合格' : `不合格：${last.violations.map((v) => v.text).join('；')}`}`;
  const items = last.violations.map((v) => recordedItemText(v, cv.items, lang));
  return `${last.date} ${items.length === 0 ? 'no violation' : `violation: ${items.join('; ')}`}`;
}

/** The open provincial findings, each with its date and source, as the bulletin wrote them. */
export function openFindingsText(cv: ChecklistVisit, lang: Lang): string[] {
  return (cv.openFindings ?? []).map((f) => (lang === 'en' ? `${f.date} ${quoted(f.problem)} (${f.source})` : `${f.date} ${f.problem}（${f.source}）`));
}

export interface ChecklistPage {
  date: string;
  group: Group;
  level: AlertLevel;
  visits: ChecklistVisit[];
  /** The day's routes start from the clock (printed after the hours began): that minute. */
  fromNow?: number | null;
}

/** The words of the page around the enterprise's own data, in both languages. */
const WORDS = {
  zh: {
    title: '现场检查清单',
    leader: '组长',
    members: '成员',
    list: '、',
    noVisits: '（当天无巡查任务）',
    code: '统一社会信用代码',
    village: '村社区',
    address: '地址',
    contact: '联系人',
    industryGrade: '行业 / 绩效等级',
    measure: '应执行措施',
    arrive: '计划到达',
    last: '上次检查',
    noRecord: '无记录',
    findings: '未整改的省级暗查问题',
    none: '无',
    item: '检查项',
    notes: '检查情况：',
    inspector: '检查人签字：',
    owner: '企业负责人签字：',
    time: '检查时间：',
    colon: '：',
  },
  en: {
    title: 'on-site checklist',
    leader: 'leader',
    members: 'members',
    list: ', ',
    noVisits: '(no visits this day)',
    code: 'credit code',
    village: 'village',
    address: 'address',
    contact: 'contact',
    industryGrade: 'industry / grade',
    measure: 'measure',
    arrive: 'planned arrival',
    last: 'last check',
    noRecord: 'no record',
    findings: 'open provincial covert-inspection findings',
    none: 'none',
    item: 'check item',
    notes: 'what was found: ',
    inspector: 'inspector signature: ',
    owner: 'enterprise signature: ',
    time: 'time checked: ',
    colon: ': ',
  },
} as const;

function title(p: ChecklistPage, lang: Lang): string {
  const fromNow = p.fromNow != null ? `  ${startsFromNowText(p.fromNow, lang)}` : '';
  return `${p.group.name} ${WORDS[lang].title} ${p.date}  ${levelHeading(p.level, lang)}${fromNow}`;
}

/** The grade with the tags its cell carries (民生豁免, 长期停产: the list's own words). */
export function gradeWithTags(e: Enterprise, lang: Lang): string {
  if (e.gradeTags.length === 0) return gradeWord(e.grade, lang);
  return lang === 'en' ? `${gradeWord(e.grade, lang)} (${e.gradeTags.map(quoted).join(', ')})` : `${e.grade}（${e.gradeTags.join('、')}）`;
}

function headerLines(cv: ChecklistVisit, lang: Lang): [string, string][] {
  const { e, m, v } = cv;
  const w = WORDS[lang];
  return [
    [w.code, e.creditCode],
    [w.village, e.village],
    [w.address, e.address],
    [w.contact, `${e.contact} ${e.phone}`.trim()],
    [w.industryGrade, `${e.industry} / ${gradeWithTags(e, lang)}`],
    [w.measure, `${actionWord(m.action, lang)}${w.colon}${measureTextIn(m, lang)}`],
    [w.arrive, formatDayClock(v.arrive, lang)],
    [w.last, lastInspectionText(cv, lang) ?? w.noRecord],
    [w.findings, openFindingsText(cv, lang).join(lang === 'en' ? '; ' : '；') || w.none],
  ];
}

export function renderChecklistText(pages: readonly ChecklistPage[], lang: Lang = 'zh'): string {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const p of pages) {
    out.push(title(p, lang), `${w.leader}${w.colon}${p.group.leader} ${p.group.phone}   ${w.members}${w.colon}${p.group.members.join(w.list)}`, '');
    if (p.visits.length === 0) out.push(w.noVisits, '');
    for (const cv of p.visits) {
      out.push(`${cv.v.seq}. ${cv.e.name}`);
      for (const [k, val] of headerLines(cv, lang)) out.push(`   ${k}${w.colon}${val}`);
      for (const item of cv.items) out.push(`   [ ] ${itemText(item, lang)}`);
      out.push(`   ${w.notes}______________________________________________`);
      out.push(`   ${w.inspector}____________   ${w.owner}____________   ${w.time}____:____`, '');
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderChecklistMarkdown(pages: readonly ChecklistPage[], lang: Lang = 'zh'): string {
  const w = WORDS[lang];
  const blank = lang === 'en' ? '____' : '＿＿＿＿';
  const gap = lang === 'en' ? '   ' : '　';
  const out: string[] = [];
  for (const p of pages) {
    out.push(
      `# ${title(p, lang)}`,
      '',
      `${w.leader}${w.colon}${p.group.leader} ${p.group.phone}${gap}${w.members}${w.colon}${p.group.members.join(w.list)}`,
      '',
    );
    if (p.visits.length === 0) out.push(w.noVisits, '');
    for (const cv of p.visits) {
      out.push(`## ${cv.v.seq}. ${escapeMd(cv.e.name)}`, '');
      for (const [k, val] of headerLines(cv, lang)) out.push(`- **${k}**${w.colon}${escapeMd(val)}`);
      out.push('', `| | ${w.item} |`, '|---|---|');
      for (const item of cv.items) out.push(`| ☐ | ${escapeMd(itemText(item, lang))} |`);
      const clock = lang === 'en' ? '__:__' : '＿＿:＿＿';
      out.push('', w.notes.trim(), '', `${w.inspector}${blank}${gap}${w.owner}${blank}${gap}${w.time}${clock}`, '');
    }
  }
  return `${out.join('\n')}\n`;
}

function escapeMd(s: string): string {
  return s.replace(/([|*_`<>[\]\\])/g, '\\$1');
}
