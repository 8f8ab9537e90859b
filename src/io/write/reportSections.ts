/**
 * The sections of `haze report`: each a stable English key (the --section name, the JSON key), a Chinese
 * heading for tables and Markdown, and its columns — one definition for every format, so they never drift.
 */
import { ACTION_ZH, actionWord, gradeWord, GRADES, LEVEL_ZH, type AlertLevel, type Grade } from '../../core/model.js';
import type { Lang } from '../../core/problem.js';
import type { RangeBasis } from '../../core/reportRange.js';
import type { VisitPhoto } from '../store/officeQueries.js';
import type { GroupSummary, InspectionReport, OpenFinding, PlanDayRow, RepeatOffender, UnvisitedRow, ViolationRow, VisitRow } from '../../core/report.js';
import type { Column } from './columns.js';
import { SECTION_KEYS, type SectionKey } from '../../core/reportSectionKeys.js';
import type { ClueRow, ClueTallyRow } from '../../core/evidence/clueReport.js';
import { clueKindWord, EVIDENCE_RULE_WORDS } from '../../core/evidence/clueWords.js';
import { REFUTE_CAUSES, type ClueKind, type RefuteCause } from '../../core/evidence/model.js';
import { ACTION_WORD } from '../../core/vocabulary.js';

export interface ReportSection<T> {
  key: SectionKey;
  zh: string;
  en: string;
  rows: (r: InspectionReport) => readonly T[];
  columns: readonly Column<T>[];
  /** The columns as a table or Markdown shows them, in a person's language; absent → `columns`. */
  shownColumns?: (lang: Lang) => readonly Column<T>[];
}

// On a narrow screen the credit code goes first and the village next (the name says which enterprise).
const group = <T extends { groupId: string }>(): Column<T> => ({ key: 'group', zh: '组', en: 'group', value: (r) => r.groupId });
const code = <T extends { creditCode: string }>(): Column<T> => ({
  key: 'credit_code',
  zh: '统一社会信用代码',
  en: 'credit code',
  value: (r) => r.creditCode,
  drop: 1,
});
const name = <T extends { name: string }>(): Column<T> => ({ key: 'name', zh: '企业名称', en: 'name', value: (r) => r.name, wrap: true });
const village = <T extends { village: string }>(): Column<T> => ({ key: 'village', zh: '村社区', en: 'village', value: (r) => r.village, drop: 2, wrap: true });

/** The coverage columns; a table names the total row in the reader's language (scripts see the group id `total`). */
function coverageColumns(lang: Lang): Column<GroupSummary>[] {
  return [
    { key: 'group', zh: '组', en: 'group', value: (r) => r.groupId, excel: (r) => (r.groupId === 'total' ? '合计' : r.groupId), dataOnly: true },
    { key: 'group_name', zh: '巡查组', en: 'group', value: (r) => (r.groupId === 'total' && lang === 'en' ? 'total' : r.groupName) },
    { key: 'required', zh: '应检查企业', en: 'required', value: (r) => r.required },
    { key: 'visited', zh: '已检查', en: 'visited', value: (r) => r.visited },
    { key: 'unvisited', zh: '未检查', en: 'not visited', value: (r) => r.unvisited, drop: 4 },
    { key: 'coverage_pct', zh: '覆盖率%', en: 'coverage %', value: (r) => r.coveragePct },
    { key: 'visits', zh: '检查次数', en: 'visits', value: (r) => r.visits, drop: 3 },
    { key: 'clean_visits', zh: '合格次数', en: 'clean visits', value: (r) => r.cleanVisits, drop: 1 },
    { key: 'violation_visits', zh: '发现违规次数', en: 'visits with violations', value: (r) => r.violationVisits, drop: 2 },
    { key: 'compliance_pct', zh: '合规率%', en: 'compliance %', value: (r) => r.compliancePct },
  ];
}

export const COVERAGE_COLUMNS: Column<GroupSummary>[] = coverageColumns('zh');

export const VISIT_COLUMNS: Column<VisitRow>[] = [
  { key: 'date', zh: '日期', en: 'date', value: (r) => r.date },
  group(),
  code(),
  name(),
  village(),
  { key: 'inspectors', zh: '检查人', en: 'inspectors', value: (r) => r.inspectors, drop: 4, wrap: true },
  { key: 'checked_at', zh: '检查时间', en: 'checked at', value: (r) => r.checkedAt, drop: 5 },
  { key: 'items', zh: '检查项', en: 'items', value: (r) => r.items, drop: 3 },
  { key: 'violations', zh: '违规项', en: 'violations', value: (r) => r.violations, wrap: true },
  { key: 'planned', zh: '计划内', en: 'planned', value: (r) => r.planned, drop: 3 },
];

export const VIOLATION_COLUMNS: Column<ViolationRow>[] = [
  { key: 'date', zh: '日期', en: 'date', value: (r) => r.date },
  group(),
  code(),
  name(),
  village(),
  { key: 'item_id', zh: '检查项编号', en: 'item id', value: (r) => r.itemId, dataOnly: true },
  { key: 'item', zh: '检查项', en: 'item', value: (r) => r.item, wrap: true },
  { key: 'note', zh: '问题说明', en: 'note', value: (r) => r.note, wrap: true },
  { key: 'inspectors', zh: '检查人', en: 'inspectors', value: (r) => r.inspectors, drop: 3, wrap: true },
  { key: 'checked_at', zh: '检查时间', en: 'checked at', value: (r) => r.checkedAt, drop: 4 },
];

export const OFFENDER_COLUMNS: Column<RepeatOffender>[] = [
  group(),
  code(),
  name(),
  village(),
  { key: 'visits', zh: '检查次数', en: 'visits', value: (r) => r.visits, drop: 3 },
  { key: 'violation_visits', zh: '发现违规次数', en: 'visits with violations', value: (r) => r.violationVisits },
  { key: 'violation_items', zh: '违规项', en: 'violations', value: (r) => r.violationItems, drop: 4, wrap: true },
  { key: 'dates', zh: '违规日期', en: 'dates', value: (r) => r.dates.join(';'), wrap: true },
];

export const FINDING_COLUMNS: Column<OpenFinding>[] = [
  { key: 'date', zh: '通报日期', en: 'date', value: (r) => r.date },
  group(),
  code(),
  name(),
  village(),
  { key: 'problem', zh: '问题', en: 'problem', value: (r) => r.problem, wrap: true },
  { key: 'source', zh: '通报', en: 'source', value: (r) => r.source, drop: 3, wrap: true },
  { key: 'closed_at', zh: '此后关闭于', en: 'closed later at', value: (r) => r.closedAt, drop: 4 },
];

function unvisitedColumns(lang: Lang): Column<UnvisitedRow>[] {
  return [
    group(),
    code(),
    name(),
    village(),
    { key: 'grade', zh: '绩效等级', en: 'grade', value: (r) => r.grade, dataOnly: true },
    {
      key: 'grade_shown',
      zh: '绩效等级',
      en: 'grade',
      value: (r) => ((GRADES as readonly string[]).includes(r.grade) ? gradeWord(r.grade as Grade, lang) : r.grade),
      tableOnly: true,
    },
    { key: 'action', zh: '措施', en: 'action', value: (r) => ACTION_WORD[r.action], excel: (r) => ACTION_ZH[r.action], dataOnly: true },
    { key: 'action_zh', zh: '措施', en: 'action', value: (r) => actionWord(r.action, lang), tableOnly: true },
  ];
}

export const UNVISITED_COLUMNS: Column<UnvisitedRow>[] = unvisitedColumns('zh');

const FIXED_BY: Record<Lang, Record<string, string>> = {
  zh: { plan: '打印计划', checklist: '打印清单', save: 'plan --save', replan: '重新安排', record: '现场录入' },
  en: { plan: 'plan printed', checklist: 'checklist printed', save: 'plan --save', replan: 'replanned', record: 'entered on site' },
};

function planDayColumns(lang: Lang): Column<PlanDayRow>[] {
  const en = lang === 'en';
  return [
    { key: 'date', zh: '日期', en: 'date', value: (r) => r.date },
    { key: 'shift', zh: '班次', en: 'shift', value: (r) => r.shift, excel: (r) => (r.shift === 'night' ? '夜查' : '日间'), dataOnly: true },
    { key: 'shift_zh', zh: '班次', en: 'shift', value: (r) => (r.shift === 'night' ? (en ? 'evening' : '夜查') : en ? 'day' : '日间'), tableOnly: true },
    { key: 'plan_id', zh: '执行计划编号', en: 'plan', value: (r) => r.planId, drop: 2, wrap: true },
    { key: 'fixed_at', zh: '定于', en: 'fixed at', value: (r) => r.fixedAt, drop: 3 },
    { key: 'fixed_by', zh: '由', en: 'fixed by', value: (r) => r.fixedBy, excel: (r) => FIXED_BY.zh[r.fixedBy] ?? r.fixedBy, dataOnly: true },
    { key: 'fixed_by_zh', zh: '由', en: 'by', value: (r) => FIXED_BY[lang][r.fixedBy] ?? r.fixedBy, tableOnly: true, drop: 1 },
    { key: 'planned', zh: '计划检查', en: 'planned', value: (r) => r.planned },
    { key: 'checked', zh: '已检查', en: 'checked', value: (r) => r.checked },
    { key: 'unplanned', zh: '计划外检查', en: 'unplanned checks', value: (r) => r.unplanned },
  ];
}

export const PLAN_DAY_COLUMNS: Column<PlanDayRow>[] = planDayColumns('zh');

const CLUE_STATUS: Record<ClueRow['status'], { zh: string; en: string }> = {
  open: { zh: '待核实', en: 'open' },
  confirmed: { zh: '属实', en: 'confirmed' },
  refuted: { zh: '不属实', en: 'refuted' },
};
const CAUSE_WORDS: Record<RefuteCause, { zh: string; en: string }> = {
  meter_fault: { zh: '电表故障', en: 'meter fault' },
  maintenance: { zh: '正常检修', en: 'legitimate maintenance' },
  data_error: { zh: '数据错误', en: 'data error' },
  other: { zh: '其他', en: 'other' },
};

function clueColumns(lang: Lang): Column<ClueRow>[] {
  return [
    code(),
    name(),
    { key: 'kind', zh: '线索', en: 'clue', value: (r) => r.kind, excel: (r) => clueKindWord(r.kind, 'zh'), dataOnly: true },
    { key: 'kind_shown', zh: '线索', en: 'clue', value: (r) => clueKindWord(r.kind, lang), tableOnly: true },
    { key: 'from', zh: '起', en: 'from', value: (r) => r.from },
    { key: 'to', zh: '止', en: 'to', value: (r) => r.to, drop: 3 },
    { key: 'says', zh: '数据提示', en: 'what the data says', value: (r) => r.says[lang], wrap: true, drop: 4 },
    { key: 'status', zh: '核实结果', en: 'status', value: (r) => r.status, excel: (r) => CLUE_STATUS[r.status].zh, dataOnly: true },
    { key: 'status_shown', zh: '核实结果', en: 'status', value: (r) => CLUE_STATUS[r.status][lang], tableOnly: true },
    { key: 'cause', zh: '不属实原因', en: 'cause', value: (r) => r.cause ?? '', excel: (r) => (r.cause ? CAUSE_WORDS[r.cause].zh : ''), dataOnly: true },
    { key: 'cause_shown', zh: '不属实原因', en: 'cause', value: (r) => (r.cause ? CAUSE_WORDS[r.cause][lang] : ''), tableOnly: true, drop: 2 },
    { key: 'checked_on', zh: '核实日期', en: 'checked on', value: (r) => r.checkedOn ?? '', drop: 1 },
  ];
}

export const CLUE_COLUMNS: Column<ClueRow>[] = clueColumns('zh');

function clueTallyColumns(lang: Lang): Column<ClueTallyRow>[] {
  const keyWord = (r: ClueTallyRow, l: Lang) => (r.by === 'kind' ? clueKindWord(r.key as ClueKind, l) : ruleWord(r.key, l));
  return [
    { key: 'by', zh: '分类', en: 'by', value: (r) => r.by, excel: (r) => (r.by === 'kind' ? '线索种类' : '规则'), dataOnly: true },
    { key: 'key', zh: '线索或规则', en: 'kind or rule', value: (r) => r.key, excel: (r) => keyWord(r, 'zh'), dataOnly: true },
    { key: 'key_shown', zh: '线索或规则', en: 'kind or rule', value: (r) => keyWord(r, lang), tableOnly: true, wrap: true },
    { key: 'raised', zh: '提出', en: 'raised', value: (r) => r.raised },
    { key: 'checked', zh: '已核实', en: 'checked', value: (r) => r.checked },
    { key: 'confirmed', zh: '属实', en: 'confirmed', value: (r) => r.confirmed },
    { key: 'refuted', zh: '不属实', en: 'refuted', value: (r) => r.refuted },
    { key: 'open', zh: '待核实', en: 'open', value: (r) => r.open },
    ...REFUTE_CAUSES.map((c): Column<ClueTallyRow> => ({
      key: `refuted_${c}`,
      zh: `其中${CAUSE_WORDS[c].zh}`,
      en: `of which ${CAUSE_WORDS[c].en}`,
      value: (r) => r.causes[c],
      drop: 5,
    })),
  ];
}

export const CLUE_TALLY_COLUMNS: Column<ClueTallyRow>[] = clueTallyColumns('zh');

/** An evidence rule in words: what it checks. */
function ruleWord(rule: string, lang: Lang): string {
  return (EVIDENCE_RULE_WORDS as Record<string, { zh: string; en: string }>)[rule]?.[lang] ?? rule;
}
function section<T>(s: ReportSection<T>): ReportSection<unknown> {
  return s as unknown as ReportSection<unknown>;
}

/** In the order people read them: the numbers, what went wrong, who is still to see, then every visit. */
export const REPORT_SECTIONS: readonly ReportSection<unknown>[] = [
  section({
    key: 'coverage',
    zh: '覆盖与合规',
    en: 'coverage and compliance',
    rows: (r) => [...r.groups, r.total],
    columns: COVERAGE_COLUMNS,
    shownColumns: coverageColumns,
  }),
  section({ key: 'violations', zh: '违规记录', en: 'violations', rows: (r) => r.violations, columns: VIOLATION_COLUMNS }),
  section({
    key: 'repeat_offenders',
    zh: '屡查屡犯（范围内 2 次及以上检查发现违规）',
    en: 'repeat offenders (violations on 2 or more visits)',
    rows: (r) => r.repeatOffenders,
    columns: OFFENDER_COLUMNS,
  }),
  section({ key: 'findings', zh: '未闭环的省级暗查问题', en: 'open provincial findings', rows: (r) => r.findings, columns: FINDING_COLUMNS }),
  section({
    key: 'unvisited',
    zh: '尚未检查的企业',
    en: 'not yet visited',
    rows: (r) => r.unvisited,
    columns: UNVISITED_COLUMNS,
    shownColumns: unvisitedColumns,
  }),
  section({
    key: 'clues',
    zh: '用电与门禁线索（数据提示，经现场核实才算违规）',
    en: 'clues from power and gate records (a violation only once checked on site)',
    rows: (r) => r.clues ?? [],
    columns: CLUE_COLUMNS,
    shownColumns: clueColumns,
  }),
  section({
    key: 'clue_tally',
    zh: '线索核实情况（按线索种类和规则）',
    en: 'clues checked, by kind and by rule',
    rows: (r) => r.clueTally ?? [],
    columns: CLUE_TALLY_COLUMNS,
    shownColumns: clueTallyColumns,
  }),
  section({ key: 'visits', zh: '检查记录', en: 'visits', rows: (r) => r.visits, columns: VISIT_COLUMNS }),
  section({
    key: 'plans',
    zh: '各天的执行计划',
    en: 'plans of record (results are held against them)',
    rows: (r) => r.plans,
    columns: PLAN_DAY_COLUMNS,
    shownColumns: planDayColumns,
  }),
];

// Every section named once, in SECTION_KEYS's order (core/reportSectionKeys.ts): checked once, at load.
if (REPORT_SECTIONS.map((s) => s.key).join() !== SECTION_KEYS.join()) throw new Error('internal: the report sections differ from SECTION_KEYS');
export { SECTION_KEYS };

export type ReportFormat = 'table' | 'csv' | 'json' | 'md' | 'html';

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

/** The sections a format shows: CSV one table per call (visits unless told); the others every section unless one is asked for. */
export function sectionsFor(format: ReportFormat, section: string | undefined): readonly ReportSection<unknown>[] {
  const wanted = section ?? (format === 'csv' ? 'visits' : undefined);
  return REPORT_SECTIONS.filter((s) => wanted === undefined || s.key === wanted);
}

/** The report as a reader sees it: violations' items in English when the reader reads English. */
export function shownReport(out: { lang: Lang }, report: InspectionReport, meta: Pick<ReportMeta, 'itemIn'>): InspectionReport {
  return out.lang === 'en' ? { ...report, violations: report.violations.map((v) => ({ ...v, item: meta.itemIn(v, 'en') })) } : report;
}

/** The report's title line: its days, its level, its group. */
export function reportTitle(lang: Lang, report: InspectionReport, meta: Pick<ReportMeta, 'level' | 'group'>): string {
  const { from, to } = report.range;
  return lang === 'en'
    ? `inspection report: ${from === to ? from : `${from} to ${to}`}${meta.level ? `, ${meta.level} alert` : ''}${meta.group ? `, group ${meta.group}` : ''}`
    : `巡查报告：${from === to ? from : `${from} 至 ${to}`}${meta.level ? `　${LEVEL_ZH[meta.level]}预警` : ''}${meta.group ? `　第 ${meta.group} 组` : ''}`;
}
