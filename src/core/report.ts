/**
 * What the inspectors found over a range of days: coverage (required enterprises visited or not), compliance
 * (clean visits ÷ visits), the violations, repeat offenders, open provincial findings and who is still
 * unvisited. Pure: the records, the list and the range come in as values; nothing is read or printed here.
 *
 * Two kinds of attribution, on purpose:
 * - about enterprises (coverage, unvisited, repeat offenders, findings): the group whose area the enterprise
 *   lies in — "has everyone in my area been seen?" does not depend on who happened to see them;
 * - about visits (visits, compliance, violations): the group that made the visit — its own work.
 */
import { INSPECTED_ACTIONS, type Action, type Enterprise, type RequiredMeasure } from './model.js';
import type { ClueRow, ClueTallyRow } from './evidence/clueReport.js';
import type { Result } from './records.js';

/** Both ends inclusive, YYYY-MM-DD. */
export interface ReportRange {
  from: string;
  to: string;
}

export interface ReportResultItem {
  itemId: string;
  item: string;
  result: Result;
  note: string;
  /** The import that replaced this result; such a result is history, not the current record. */
  supersededBy?: number | null;
}

export interface ReportVisit {
  date: string;
  groupId: string;
  creditCode: string;
  name: string;
  seq: number | null;
  inspectors: string;
  /** 'YYYY-MM-DD HH:mm', or null when the time was not given. */
  checkedAt: string | null;
  planned: boolean;
  results: readonly ReportResultItem[];
}

export interface ReportFinding {
  date: string;
  creditCode: string;
  name: string;
  problem: string;
  source: string;
  status: 'open' | 'closed';
  /** 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DD'; null while open. */
  closedAt: string | null;
}

export interface ReportInput {
  enterprises: readonly Pick<Enterprise, 'creditCode' | 'name' | 'village' | 'grade'>[];
  /** Each enterprise's measure; null when no level is known, so nothing is required. */
  measures: ReadonlyMap<string, Pick<RequiredMeasure, 'action'>> | null;
  /** The group whose area each enterprise lies in. */
  groupOf: ReadonlyMap<string, string>;
  /** The town's groups, in the order they are shown. */
  groups: readonly { id: string; name: string }[];
  visits: readonly ReportVisit[];
  findings: readonly ReportFinding[];
  range: ReportRange;
  /** Only this group (see the attribution note above); null or absent for all. */
  group?: string | null;
  /** The plans of record of the range's days: a visit is planned when its day's plan holds it. */
  plans?: readonly ReportPlanDay[];
}

/** A day's plan of record, as the report holds results against it. */
export interface ReportPlanDay {
  date: string;
  shift: 'day' | 'night';
  planId: number;
  /** 'YYYY-MM-DD HH:mm', Beijing. */
  fixedAt: string;
  fixedBy: string;
  visits: readonly { groupId: string; creditCode: string }[];
}

export interface PlanDayRow {
  date: string;
  shift: 'day' | 'night';
  planId: number;
  fixedAt: string;
  fixedBy: string;
  /** Visits the plan holds (for the group asked, or all), how many of them were checked, and checks outside it. */
  planned: number;
  checked: number;
  unplanned: number;
}

export interface GroupSummary {
  /** A group's id, or 'total'. */
  groupId: string;
  groupName: string;
  required: number;
  visited: number;
  unvisited: number;
  /** visited ÷ required in percent, one decimal; null when nothing is required. */
  coveragePct: number | null;
  visits: number;
  cleanVisits: number;
  violationVisits: number;
  /** cleanVisits ÷ visits in percent, one decimal; null without visits. */
  compliancePct: number | null;
}

export interface VisitRow {
  date: string;
  groupId: string;
  seq: number | null;
  creditCode: string;
  name: string;
  village: string;
  inspectors: string;
  checkedAt: string | null;
  /** Current results recorded at the visit. */
  items: number;
  violations: number;
  planned: boolean;
}

export interface ViolationRow {
  date: string;
  groupId: string;
  creditCode: string;
  name: string;
  village: string;
  itemId: string;
  item: string;
  note: string;
  inspectors: string;
  checkedAt: string | null;
}

export interface RepeatOffender {
  creditCode: string;
  name: string;
  groupId: string;
  village: string;
  visits: number;
  violationVisits: number;
  violationItems: number;
  /** The dates of the visits that found a violation, oldest first (a date twice when two groups found one). */
  dates: string[];
}

export interface OpenFinding {
  date: string;
  groupId: string;
  creditCode: string;
  name: string;
  village: string;
  problem: string;
  source: string;
  /** Set when the finding was closed after the range ended (it was still open at the range's end). */
  closedAt: string | null;
}

export interface UnvisitedRow {
  groupId: string;
  creditCode: string;
  name: string;
  village: string;
  grade: string;
  action: Action;
}

export interface InspectionReport {
  range: ReportRange;
  groups: GroupSummary[];
  total: GroupSummary;
  visits: VisitRow[];
  violations: ViolationRow[];
  repeatOffenders: RepeatOffender[];
  findings: OpenFinding[];
  unvisited: UnvisitedRow[];
  plans: PlanDayRow[];
  /** What the power and gate records suggested in the range and what the record made of it (set by the workflow). */
  clues?: ClueRow[];
  clueTally?: ClueTallyRow[];
}

/** Violations on this many visits in the range make an enterprise a repeat offender. */
export const REPEAT_VISITS = 2;

export function buildReport(input: ReportInput): InspectionReport {
  const { range } = input;
  const only = input.group ?? null;
  const listed = new Map(input.enterprises.map((e, i) => [e.creditCode, { e, i }]));
  const groupIndex = new Map(input.groups.map((g, i) => [g.id, i]));
  const gi = (id: string) => groupIndex.get(id) ?? input.groups.length;
  // An enterprise no longer on the list keeps the group that visited it, so its records are not lost.
  const areaOf = (code: string, visitGroup?: string) => input.groupOf.get(code) ?? visitGroup ?? '';
  const villageOf = (code: string) => listed.get(code)?.e.village ?? '';

  const inRange = input.visits
    .filter((v) => v.date >= range.from && v.date <= range.to)
    .map((v) => ({ v, current: v.results.filter((r) => r.supersededBy === undefined || r.supersededBy === null) }))
    .sort((a, b) => visitOrder(a.v, b.v, gi));
  const visitedCodes = new Set(inRange.map((x) => x.v.creditCode));
  const mine = inRange.filter((x) => only === null || x.v.groupId === only);

  // A day with a plan of record judges "planned" by it; a day without keeps what the import found.
  const plansOf = new Map<string, ReportPlanDay[]>();
  for (const p of input.plans ?? []) plansOf.set(p.date, [...(plansOf.get(p.date) ?? []), p]);
  const inPlan = (v: ReportVisit) => {
    const days = plansOf.get(v.date);
    return days ? days.some((p) => p.visits.some((x) => x.groupId === v.groupId && x.creditCode === v.creditCode)) : v.planned;
  };
  const visits: VisitRow[] = mine.map(({ v, current }) => ({
    date: v.date,
    groupId: v.groupId,
    seq: v.seq,
    creditCode: v.creditCode,
    name: v.name,
    village: villageOf(v.creditCode),
    inspectors: v.inspectors,
    checkedAt: v.checkedAt,
    items: current.length,
    violations: current.filter((r) => r.result === 'violation').length,
    planned: inPlan(v),
  }));
  const plans: PlanDayRow[] = (input.plans ?? [])
    .filter((p) => p.date >= range.from && p.date <= range.to)
    .map((p) => {
      const held = p.visits.filter((x) => only === null || x.groupId === only);
      const checked = held.filter((x) => mine.some(({ v }) => v.date === p.date && v.groupId === x.groupId && v.creditCode === x.creditCode)).length;
      const outside = p.shift === 'day' ? visits.filter((v) => v.date === p.date && !v.planned).length : 0;
      return { date: p.date, shift: p.shift, planId: p.planId, fixedAt: p.fixedAt, fixedBy: p.fixedBy, planned: held.length, checked, unplanned: outside };
    });
  const violations: ViolationRow[] = mine.flatMap(({ v, current }) =>
    current
      .filter((r) => r.result === 'violation')
      .map((r) => ({
        date: v.date,
        groupId: v.groupId,
        creditCode: v.creditCode,
        name: v.name,
        village: villageOf(v.creditCode),
        itemId: r.itemId,
        item: r.item,
        note: r.note,
        inspectors: v.inspectors,
        checkedAt: v.checkedAt,
      })),
  );

  const required =
    input.measures === null
      ? []
      : input.enterprises.filter((e) => {
          const m = input.measures!.get(e.creditCode);
          return m !== undefined && INSPECTED_ACTIONS.includes(m.action);
        });
  const requiredHere = required.filter((e) => only === null || areaOf(e.creditCode) === only);
  const unvisited: UnvisitedRow[] = requiredHere
    .filter((e) => !visitedCodes.has(e.creditCode))
    .map((e) => ({
      groupId: areaOf(e.creditCode),
      creditCode: e.creditCode,
      name: e.name,
      village: e.village,
      grade: e.grade,
      action: input.measures!.get(e.creditCode)!.action,
    }))
    .sort((a, b) => gi(a.groupId) - gi(b.groupId) || listed.get(a.creditCode)!.i - listed.get(b.creditCode)!.i);

  const summary = (groupId: string, groupName: string, req: readonly { creditCode: string }[], vs: typeof inRange): GroupSummary => {
    const visited = req.filter((e) => visitedCodes.has(e.creditCode)).length;
    const violationVisits = vs.filter((x) => x.current.some((r) => r.result === 'violation')).length;
    return {
      groupId,
      groupName,
      required: req.length,
      visited,
      unvisited: req.length - visited,
      coveragePct: pct(visited, req.length),
      visits: vs.length,
      cleanVisits: vs.length - violationVisits,
      violationVisits,
      compliancePct: pct(vs.length - violationVisits, vs.length),
    };
  };
  // Every configured group gets a row (a group with no visits is news); a group seen only in the records too.
  const ids = [...input.groups.map((g) => g.id)];
  for (const x of inRange) if (!ids.includes(x.v.groupId)) ids.push(x.v.groupId);
  const groups = ids
    .filter((id) => only === null || id === only)
    .map((id) =>
      summary(
        id,
        input.groups.find((g) => g.id === id)?.name ?? id,
        required.filter((e) => areaOf(e.creditCode) === id),
        inRange.filter((x) => x.v.groupId === id),
      ),
    );
  const total = summary('total', '合计', requiredHere, mine);

  return {
    range,
    groups,
    total,
    visits,
    violations,
    repeatOffenders: repeatOffenders(inRange, only, areaOf, villageOf, gi),
    findings: openFindings(input.findings, range, only, areaOf, villageOf, (code) => listed.get(code)?.e.name ?? ''),
    unvisited,
    plans,
  };
}

function repeatOffenders(
  inRange: readonly { v: ReportVisit; current: readonly ReportResultItem[] }[],
  only: string | null,
  areaOf: (code: string, visitGroup?: string) => string,
  villageOf: (code: string) => string,
  gi: (id: string) => number,
): RepeatOffender[] {
  const by = new Map<string, RepeatOffender>();
  for (const { v, current } of inRange) {
    let o = by.get(v.creditCode);
    if (!o)
      by.set(
        v.creditCode,
        (o = {
          creditCode: v.creditCode,
          name: v.name,
          groupId: areaOf(v.creditCode, v.groupId),
          village: villageOf(v.creditCode),
          visits: 0,
          violationVisits: 0,
          violationItems: 0,
          dates: [],
        }),
      );
    o.visits += 1;
    const found = current.filter((r) => r.result === 'violation').length;
    if (found > 0) {
      o.violationVisits += 1;
      o.violationItems += found;
      o.dates.push(v.date);
    }
  }
  return [...by.values()]
    .filter((o) => o.violationVisits >= REPEAT_VISITS && (only === null || o.groupId === only))
    .sort((a, b) => b.violationVisits - a.violationVisits || gi(a.groupId) - gi(b.groupId) || cmp(a.creditCode, b.creditCode));
}

/**
 * Provincial findings open at the end of the range's last day: reported on or before it, and not closed by
 * then (a finding closed later was still open then, and says when it closed).
 */
function openFindings(
  findings: readonly ReportFinding[],
  range: ReportRange,
  only: string | null,
  areaOf: (code: string) => string,
  villageOf: (code: string) => string,
  listName: (code: string) => string,
): OpenFinding[] {
  return findings
    .filter((f) => f.date <= range.to)
    .filter((f) => f.status === 'open' || (f.closedAt !== null && f.closedAt.slice(0, 10) > range.to))
    .filter((f) => only === null || areaOf(f.creditCode) === only)
    .map((f) => ({
      date: f.date,
      groupId: areaOf(f.creditCode),
      creditCode: f.creditCode,
      name: f.name || listName(f.creditCode),
      village: villageOf(f.creditCode),
      problem: f.problem,
      source: f.source,
      closedAt: f.status === 'open' ? null : f.closedAt,
    }))
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.creditCode, b.creditCode) || cmp(a.problem, b.problem));
}

function visitOrder(a: ReportVisit, b: ReportVisit, gi: (id: string) => number): number {
  return (
    cmp(a.date, b.date) ||
    gi(a.groupId) - gi(b.groupId) ||
    cmp(a.groupId, b.groupId) ||
    seqOrder(a.seq, b.seq) ||
    cmp(a.checkedAt ?? '', b.checkedAt ?? '') ||
    cmp(a.creditCode, b.creditCode)
  );
}

/** Planned visits by their place in the route; unplanned ones (no seq) after them. */
function seqOrder(a: number | null, b: number | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;
}

/** Code-point order: the same on every machine, whatever its locale (GUIDE §3.10). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** part ÷ whole in percent, one decimal; null when the whole is 0. */
export function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
