/**
 * points.csv: one row per monitoring point (columns and aliases: evidenceColumns.ts). Which treatment
 * points serve which production points may be written on either side — 对应治污点位 on a production row,
 * 服务生产点位 on a treatment row — and both merge into the production point's servedBy (many-to-many).
 */
import { CODE } from '../../../errors.js';
import type { Enterprise } from '../../../core/model.js';
import type { MeterPoint, PointKind } from '../../../core/evidence/model.js';
import type { SheetRow } from '../csvTable.js';
import { columnsOf } from './evidenceColumns.js';
import { enterpriseLookup } from './evidenceEnterprise.js';
import { EvidenceProblems } from './evidenceProblems.js';
import { headerKey, cellsByKey, readEvidenceRows } from './evidenceTable.js';
import { numberOf } from './evidenceTime.js';
import type { PointsRead } from './index.js';

const KIND_WORDS: Record<string, PointKind> = {
  production: 'production',
  p: 'production',
  生产: 'production',
  生产设施: 'production',
  生产设备: 'production',
  生产线: 'production',
  treatment: 'treatment',
  t: 'treatment',
  治污: 'treatment',
  治污设施: 'treatment',
  环保设施: 'treatment',
  治理设施: 'treatment',
  main: 'main',
  m: 'main',
  总表: 'main',
  总进线: 'main',
  总电表: 'main',
};

export function pointKindOf(cell: string): PointKind | null {
  return KIND_WORDS[headerKey(cell)] ?? null;
}

/** Ids in one cell: separated by ; ； 、 , ， or spaces. */
export function pointIdList(cell: string): string[] {
  return cell
    .split(/[;；、,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function isPointsHeader(cells: readonly string[]): boolean {
  const c = columnsOf(cells);
  return c.has('point_id') && c.has('kind');
}

export async function readPointsFile(file: string, enterprises: readonly Enterprise[]): Promise<PointsRead> {
  let columns = new Map<string, number>();
  const rows: SheetRow[] = [];
  const read = await readEvidenceRows(file, {
    isHeader: isPointsHeader,
    header: (r) => (columns = columnsOf(r.cells)),
    row: (r) => rows.push(r),
    expected: { zh: '点位编号、点位类型，以及统一社会信用代码或企业名称', en: 'point id (点位编号), kind (点位类型) and credit code or enterprise name' },
  });
  const problems = new EvidenceProblems(read.shown);
  const { col, cell } = cellsByKey(columns);
  const enterpriseOf = enterpriseLookup(enterprises, problems);
  const number = (r: SheetRow, key: string): number | null => {
    const n = numberOf(cell(r, key));
    if (n === null) return null;
    if (Number.isNaN(n) || n < 0) {
      problems.error(
        CODE.HAZE_EVIDENCE_NUMBER,
        { row: r.row, column: col(key) },
        { zh: `不是非负数：${cell(r, key)}`, en: `not a non-negative number: ${cell(r, key)}` },
        cell(r, key),
      );
      return null;
    }
    return n;
  };
  const points: MeterPoint[] = [];
  const byId = new Map<string, MeterPoint>();
  const serves: { row: number; treatment: string; production: string[] }[] = [];
  const treatedBy: { row: number; point: MeterPoint; ids: string[] }[] = [];
  for (const r of rows) {
    const id = cell(r, 'point_id');
    if (id === '') {
      problems.error(CODE.HAZE_EVIDENCE_CELL_MISSING, { row: r.row, column: col('point_id') }, { zh: '没有写点位编号', en: 'the point id is missing' });
      continue;
    }
    const first = byId.get(id);
    if (first) {
      problems.error(
        CODE.HAZE_EVIDENCE_POINT_DUPLICATE,
        { row: r.row, column: col('point_id') },
        { zh: `点位编号 ${id} 已在第 ${first.row} 行出现`, en: `point id ${id} is already on row ${first.row}` },
        id,
      );
      continue;
    }
    const e = enterpriseOf(r.row, cell(r, 'credit_code'), cell(r, 'enterprise'), col('credit_code'), col('enterprise'));
    const kindCell = cell(r, 'kind');
    const kind = pointKindOf(kindCell);
    if (kind === null)
      problems.error(
        CODE.HAZE_EVIDENCE_POINT_KIND,
        { row: r.row, column: col('kind') },
        kindCell === ''
          ? { zh: '没有写点位类型', en: 'the point kind is missing' }
          : { zh: `点位类型"${kindCell}"无法识别`, en: `the point kind "${kindCell}" is not recognised` },
        kindCell,
      );
    const ratedKw = number(r, 'rated_kw');
    const ratedInterval = number(r, 'rated_interval_kwh');
    const interval = number(r, 'interval_minutes');
    if (interval === 0)
      problems.error(
        CODE.HAZE_EVIDENCE_NUMBER,
        { row: r.row, column: col('interval_minutes') },
        { zh: '采集间隔不能为 0', en: 'the interval cannot be 0' },
        '0',
      );
    const onKw = number(r, 'on_kw');
    const hold = number(r, 'hold_minutes');
    if (!e || kind === null) continue;
    const point: MeterPoint = {
      id,
      creditCode: e.creditCode,
      workshop: cell(r, 'workshop'),
      device: cell(r, 'device'),
      kind,
      servedBy: [],
      // Rated interval energy over the interval's hours is the rated power.
      ratedKw: ratedKw ?? (ratedInterval !== null ? ratedInterval / ((interval || 15) / 60) : null),
      onKw,
      holdMinutes: hold,
      file: read.shown,
      row: r.row,
    };
    points.push(point);
    byId.set(id, point);
    const tb = pointIdList(cell(r, 'treated_by'));
    if (tb.length > 0) treatedBy.push({ row: r.row, point, ids: tb });
    const sv = pointIdList(cell(r, 'serves'));
    if (sv.length > 0) serves.push({ row: r.row, treatment: id, production: sv });
  }
  const link = (production: MeterPoint, treatment: string) => {
    if (!production.servedBy.includes(treatment)) production.servedBy.push(treatment);
  };
  for (const t of treatedBy) {
    for (const id of t.ids) {
      const other = byId.get(id);
      if (!other || other.kind !== 'treatment') {
        problems.warning(
          CODE.HAZE_EVIDENCE_TREATED_BY,
          { row: t.row, column: col('treated_by') },
          other
            ? { zh: `${id} 不是治污点位，未作为 ${t.point.id} 的治污点位`, en: `${id} is not a treatment point; not taken as serving ${t.point.id}` }
            : { zh: `本文件中没有点位 ${id}，未作为 ${t.point.id} 的治污点位`, en: `there is no point ${id} in this file; not taken as serving ${t.point.id}` },
          id,
        );
        continue;
      }
      if (t.point.kind === 'production') link(t.point, id);
    }
  }
  for (const s of serves) {
    for (const id of s.production) {
      const p = byId.get(id);
      if (!p || p.kind !== 'production') {
        problems.warning(
          CODE.HAZE_EVIDENCE_TREATED_BY,
          { row: s.row, column: col('serves') },
          p
            ? { zh: `${id} 不是生产点位，未与 ${s.treatment} 对应`, en: `${id} is not a production point; not linked to ${s.treatment}` }
            : { zh: `本文件中没有点位 ${id}，未与 ${s.treatment} 对应`, en: `there is no point ${id} in this file; not linked to ${s.treatment}` },
          id,
        );
        continue;
      }
      if (byId.get(s.treatment)?.kind === 'treatment') link(p, s.treatment);
    }
  }
  problems.refuseIfErrors();
  return { file: read.shown, sha256: read.sha256, points, problems: problems.all() };
}
