/**
 * The district's report (`haze report --district`): for each town the district database holds, the same
 * inspection report the town's own `haze report` computes (./inspectionReport.ts, over the town's rows read in
 * the local shapes), and a summary — one row a town and the total — of coverage, compliance, violations, open
 * provincial findings and clues. `town` narrows it to one town: that town's own report.
 */
import type { AlertEvent } from '../core/alert.js';
import type { AlertLevel, RequiredMeasure } from '../core/model.js';
import { pct, type InspectionReport } from '../core/report.js';
import { districtRange, strictestLevel, type RangeBasis, type RangeRequest } from '../core/reportRange.js';
import type { ReportRange } from '../core/report.js';
import { CODE, HazeError } from '../errors.js';
import type { District } from '../io/store/district/connect.js';
import {
  districtAlertEvents,
  districtClueItemResults,
  districtClues,
  districtPlanDays,
  districtReportFindings,
  districtReportVisits,
  districtSchemaVersion,
  districtTowns,
  townListSnapshot,
  type DistrictTown,
} from '../io/store/district/districtQueries.js';
import { clueSections, fixedAtShown, townReport, type ReportList, type TownReport } from './inspectionReport.js';
import type { TownSnapshot } from './townSnapshot.js';
import type { Voice } from './voice.js';

export interface DistrictSummaryRow {
  /** The town's code, or 'total'. */
  town: string;
  name: string;
  /** The level the town's required enterprises are counted at (null on the total row, or with no alert). */
  level: AlertLevel | null;
  required: number;
  visited: number;
  coveragePct: number | null;
  visits: number;
  cleanVisits: number;
  compliancePct: number | null;
  /** Items found in violation. */
  violations: number;
  openFindings: number;
  cluesConfirmed: number;
  cluesRefuted: number;
  cluesOpen: number;
}

export interface DistrictTownReport extends TownReport {
  code: string;
  name: string;
  level: AlertLevel | null;
  summary: DistrictSummaryRow;
}

export interface DistrictReport {
  range: ReportRange;
  basis: RangeBasis;
  towns: DistrictTownReport[];
  total: DistrictSummaryRow;
}

export interface DistrictReportAsk {
  range: RangeRequest;
  /** One town's code, or null for every town. */
  town: string | null;
  /** --level: the level required enterprises are counted at in every town; null → each town's strictest in the range. */
  level: AlertLevel | null;
  group: string | null;
  /** Today on Beijing's wall clock. */
  today: string;
}

/** The district database's towns, refusing a database haze never set up or no town ever pushed to (exit 66). */
export async function heldTowns(district: District): Promise<DistrictTown[]> {
  const version = await districtSchemaVersion(district.db);
  const towns = version === 0 ? [] : await districtTowns(district.db);
  if (towns.length === 0) {
    throw new HazeError(CODE.HAZE_DISTRICT_EMPTY, {
      where: { file: district.shownUrl },
      message:
        version === 0
          ? {
              zh: `区级数据库 ${district.shownUrl} 是空的：还没有建表，也没有乡镇报送过`,
              en: `the district database ${district.shownUrl} is empty: no haze tables, nothing pushed yet`,
            }
          : { zh: `区级数据库 ${district.shownUrl} 还没有任何乡镇的数据`, en: `the district database ${district.shownUrl} holds no town yet` },
    });
  }
  return towns;
}

/** The towns asked for: all, or the one named (a code the district does not hold: exit 66, with the codes it holds). */
export function chosenTowns(towns: readonly DistrictTown[], code: string | null, shownUrl: string): DistrictTown[] {
  if (code === null) return [...towns];
  const one = towns.find((t) => t.code === code);
  if (one) return [one];
  const held = towns.map((t) => `${t.code} ${t.name}`).join('、');
  throw new HazeError(CODE.HAZE_DISTRICT_NO_SUCH_TOWN, {
    where: { file: shownUrl },
    message: {
      zh: `区级数据库没有乡镇代码 ${code} 的数据（有：${held}）`,
      en: `the district database holds nothing for town ${code} (it holds: ${towns.map((t) => t.code).join(', ')})`,
    },
  });
}

/** The town's list as the report reads it, from its snapshot; a town that sent no list has none (and is told). */
function snapshotList(snapshot: TownSnapshot | null): ReportList {
  if (!snapshot) return { enterprises: [], groups: [], groupOf: new Map(), measuresAt: () => new Map() };
  return {
    enterprises: snapshot.enterprises,
    groups: snapshot.groups,
    groupOf: new Map(Object.entries(snapshot.groupOf)),
    measuresAt: (level) => new Map(Object.entries(snapshot.measures[level] ?? {})) as Map<string, RequiredMeasure>,
  };
}

export async function districtReport(district: District, ask: DistrictReportAsk, voice: Voice): Promise<DistrictReport> {
  const db = district.db;
  const towns = chosenTowns(await heldTowns(district), ask.town, district.shownUrl);
  const events = new Map<string, AlertEvent[]>();
  for (const t of towns) events.set(t.code, await districtAlertEvents(db, t.code));
  const choice = districtRange(ask.range, ask.today, [...events.values()]);
  if ('error' in choice) throw new HazeError(CODE.HAZE_USAGE, { message: choice.error });
  const { range, basis } = choice;

  const reports: DistrictTownReport[] = [];
  for (const t of towns) {
    // A town's reads at once (the pool holds a few connections); the towns one after another, to bound memory.
    const [snapshot, visits, findings, plans, clues, clueResults] = await Promise.all([
      townListSnapshot(db, t.code) as Promise<TownSnapshot | null>,
      districtReportVisits(db, t.code, range),
      districtReportFindings(db, t.code, range.to),
      districtPlanDays(db, t.code, range),
      districtClues(db, t.code),
      districtClueItemResults(db, t.code),
    ]);
    if (!snapshot)
      voice.warn({
        zh: `${t.code} ${t.name} 没有报送企业清单：应检查企业按 0 计`,
        en: `${t.code} ${t.name} sent no list: no enterprise is counted as required`,
      });
    const list = snapshotList(snapshot);
    const level = ask.level ?? strictestLevel(events.get(t.code)!, range);
    const records = { visits, findings, plans: plans.map((p) => ({ ...p, fixedAt: fixedAtShown(p.fixedAt) })) };
    const account = clues.length === 0 ? null : clueSections(clues, clueResults, list.enterprises, range);
    const { report, itemIn } = townReport(list, records, { range, level, group: ask.group }, account);
    reports.push({ code: t.code, name: t.name, level, report, itemIn, summary: summaryRow(t.code, t.name, level, report) });
  }
  return { range, basis, towns: reports, total: totalRow(reports.map((r) => r.summary)) };
}

function summaryRow(town: string, name: string, level: AlertLevel | null, report: InspectionReport): DistrictSummaryRow {
  const t = report.total;
  const clues = report.clues ?? [];
  return {
    town,
    name,
    level,
    required: t.required,
    visited: t.visited,
    coveragePct: t.coveragePct,
    visits: t.visits,
    cleanVisits: t.cleanVisits,
    compliancePct: t.compliancePct,
    violations: report.violations.length,
    openFindings: report.findings.length,
    cluesConfirmed: clues.filter((c) => c.status === 'confirmed').length,
    cluesRefuted: clues.filter((c) => c.status === 'refuted').length,
    cluesOpen: clues.filter((c) => c.status === 'open').length,
  };
}

/** The district's total: counts summed; coverage and compliance over the sums (not an average of percentages). */
function totalRow(rows: readonly DistrictSummaryRow[]): DistrictSummaryRow {
  const sum = (k: 'required' | 'visited' | 'visits' | 'cleanVisits' | 'violations' | 'openFindings' | 'cluesConfirmed' | 'cluesRefuted' | 'cluesOpen') =>
    rows.reduce((n, r) => n + r[k], 0);
  return {
    town: 'total',
    name: '合计',
    level: null,
    required: sum('required'),
    visited: sum('visited'),
    coveragePct: pct(sum('visited'), sum('required')),
    visits: sum('visits'),
    cleanVisits: sum('cleanVisits'),
    compliancePct: pct(sum('cleanVisits'), sum('visits')),
    violations: sum('violations'),
    openFindings: sum('openFindings'),
    cluesConfirmed: sum('cluesConfirmed'),
    cluesRefuted: sum('cluesRefuted'),
    cluesOpen: sum('cluesOpen'),
  };
}
