import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { evidenceFileKind, readGateFile, readPointsFile, readReadingsFile, EvidenceInvalidError } from '../../../../src/io/read/evidence/index.js';
import type { Enterprise } from '../../../../src/core/model.js';
import type { PointSeries } from '../../../../src/core/evidence/model.js';
import { toWallMinute } from '../../../../src/core/time.js';

const fx = (name: string) => join('test/fixtures/evidence', name);
const A = '91320413MA36HN011B';
const B = '91320413554494321E';
const enterprises = [
  { creditCode: A, name: '常州瑞祥塑胶制品有限公司' },
  { creditCode: B, name: '常州振华纺织印染有限公司' },
] as Enterprise[];
const day = toWallMinute({ date: '2019-12-08', minutes: 0 });
/** A series as [minutes after 2019-12-08 00:00, minutes, kWh] triples. */
const triples = (s: PointSeries) => Array.from(s.start, (t, i) => [t - day, s.minutes[i], Math.round(s.kwh[i]! * 1000) / 1000]);
const codes = (ps: readonly { code: string; severity: string }[]) => ps.map((p) => `${p.severity}:${p.code}`);

async function refusal(p: Promise<unknown>): Promise<EvidenceInvalidError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EvidenceInvalidError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('points', () => {
  test('kinds, both sides of the treatment link, rated interval energy as kW, enterprise by name', async () => {
    const r = await readPointsFile(fx('points.csv'), enterprises);
    expect(r.problems).toEqual([]);
    const by = new Map(r.points.map((p) => [p.id, p]));
    expect(r.points.map((p) => [p.id, p.kind])).toEqual([
      ['P1', 'production'],
      ['P2', 'production'],
      ['T1', 'treatment'],
      ['T2', 'treatment'],
      ['M1', 'main'],
    ]);
    expect(by.get('P1')!.servedBy).toEqual(['T1', 'T2']);
    expect(by.get('P2')!.servedBy).toEqual(['T1']);
    expect(by.get('P1')!.ratedKw).toBe(48);
    expect(by.get('P2')!.ratedKw).toBe(48); // 12 kWh a 15-minute interval
    expect([by.get('P2')!.onKw, by.get('P2')!.holdMinutes]).toEqual([5, 30]);
    expect(by.get('M1')!.creditCode).toBe(B);
    expect(by.get('P1')!.row).toBe(2);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a GBK file without a BOM', async () => {
    const r = await readPointsFile(fx('gbk-points.csv'), enterprises);
    expect(r.points.map((p) => [p.id, p.device, p.kind, p.creditCode])).toEqual([
      ['生产一', '定型机', 'production', B],
      ['治污一', '喷淋塔', 'treatment', B],
    ]);
  });

  test('duplicate id, unknown enterprise, unknown kind, negative number: refused with file:row:column', async () => {
    const e = await refusal(readPointsFile(fx('points-bad.csv'), enterprises));
    expect(e.exitCode).toBe(65);
    expect(e.problems.map((p) => [p.severity, p.code, p.where.row, p.where.column])).toEqual([
      ['error', 'HAZE_EVIDENCE_NUMBER', 2, 'E'],
      ['error', 'HAZE_EVIDENCE_POINT_DUPLICATE', 3, 'A'],
      ['error', 'HAZE_EVIDENCE_ENTERPRISE', 4, 'B'],
      ['error', 'HAZE_EVIDENCE_POINT_KIND', 5, 'C'],
      ['warning', 'HAZE_EVIDENCE_TREATED_BY', 2, 'D'],
    ]);
    expect(e.problems[0]!.where.file).toBe(fx('points-bad.csv'));
  });
});

describe('readings', () => {
  const known = new Set(['P1', 'P2']);

  test('wide 96点示值 over two days: differenced across the day rows, 24:00 meeting the next 00:15', async () => {
    const r = await readReadingsFile(fx('readings-wide-96.csv'), known);
    expect([r.layout, r.value, r.unit, r.unitBy, r.rows]).toEqual(['wide', 'cumulative', 'kWh', 'assumed', 2]);
    const s = r.series.get('P1')!;
    expect(s.nominalMinutes).toBe(15);
    expect(s.start.length).toBe(191);
    expect(triples(s).slice(0, 2)).toEqual([
      [15, 15, 1],
      [30, 15, 1],
    ]);
    expect(triples(s).slice(94, 97)).toEqual([
      [1425, 15, 1],
      [1440, 15, 1],
      [1455, 15, 1],
    ]);
    expect(Array.from(s.kwh).every((x) => x === 1)).toBe(true);
    expect(codes(r.problems)).toEqual(['warning:HAZE_EVIDENCE_UNIT_ASSUMED']);
  });

  test('wide 00:00 … 23:45 headers: readings at the moments written', async () => {
    const r = await readReadingsFile(fx('readings-wide-96-from-midnight.csv'), known);
    const s = r.series.get('P1')!;
    expect(s.start.length).toBe(95);
    expect(triples(s)[0]).toEqual([0, 15, 2]);
    expect(triples(s)[94]).toEqual([1410, 15, 2]);
  });

  test('wide, 24 numbered columns under 电量: interval energy ending at each hour, stamped at its start', async () => {
    const r = await readReadingsFile(fx('readings-wide-24-numbered-interval.csv'), known);
    expect([r.layout, r.value, r.unitBy]).toEqual(['wide', 'interval', 'header']);
    const s = r.series.get('P2')!;
    expect(s.nominalMinutes).toBe(60);
    expect(triples(s).slice(0, 2)).toEqual([
      [0, 60, 1],
      [60, 60, 2],
    ]);
    expect(triples(s)[23]).toEqual([1380, 60, 24]);
  });

  test('a GB18030 readings file streamed', async () => {
    const r = await readReadingsFile(fx('gbk-readings-long.csv'), new Set(['生产一']));
    expect(triples(r.series.get('生产一')!)).toEqual([
      [0, 15, 1.5],
      [15, 15, 2.5],
    ]);
  });

  test('a counter reset is not counted; a gap over 4 intervals stays a gap; 4 intervals are bridged', async () => {
    const r = await readReadingsFile(fx('readings-cumulative-reset.csv'), known);
    expect(triples(r.series.get('P1')!)).toEqual([
      [0, 15, 10],
      [15, 15, 15],
      [45, 15, 5],
      [180, 15, 1],
      [195, 60, 4],
      [255, 15, 1],
    ]);
    expect(r.problems.map((p) => [p.code, p.where.row, p.where.column])).toEqual([
      ['HAZE_EVIDENCE_COUNTER_RESET', 5, 'C'],
      ['HAZE_EVIDENCE_GAP', 7, 'C'],
    ]);
    expect(r.unitBy).toBe('header');
  });

  test('interval energy in Wh, rows out of order sorted, phase current ignored, an unknown point warned once with its count', async () => {
    const r = await readReadingsFile(fx('readings-wh-header.csv'), known);
    expect([r.value, r.unit, r.unitBy]).toEqual(['interval', 'Wh', 'header']);
    expect(triples(r.series.get('P1')!)).toEqual([
      [0, 15, 1],
      [15, 15, 2],
      [30, 15, 3],
    ]);
    expect([...r.series.keys()]).toEqual(['P1']);
    expect(r.problems.map((p) => [p.code, p.where.row, p.value])).toEqual([['HAZE_EVIDENCE_UNKNOWN_POINT', 5, 'P9']]);
    expect(r.problems[0]!.message.en).toContain('2 rows');
  });

  test('average power with no unit: kW assumed, said once; energy is power × the interval', async () => {
    const r = await readReadingsFile(fx('readings-no-unit.csv'), known);
    expect([r.value, r.unit, r.unitBy]).toEqual(['power', 'kW', 'assumed']);
    expect(triples(r.series.get('P1')!)).toEqual([
      [0, 15, 10],
      [15, 15, 5],
    ]);
    expect(codes(r.problems)).toEqual(['warning:HAZE_EVIDENCE_UNIT_ASSUMED']);
  });

  test('a different duplicate, a negative interval and a bad time refuse the file; the same duplicate is silent', async () => {
    const e = await refusal(readReadingsFile(fx('readings-bad-rows.csv'), known));
    expect(e.code).toBe('HAZE_EVIDENCE_INVALID');
    expect(e.problems.map((p) => [p.code, p.where.row, p.where.column])).toEqual([
      ['HAZE_EVIDENCE_NEGATIVE', 4, 'C'],
      ['HAZE_EVIDENCE_TIME', 5, 'B'],
      ['HAZE_EVIDENCE_READING_DUPLICATE', 3, 'C'],
    ]);
  });

  test('no row of a known point: refused, the unknown point said', async () => {
    const e = await refusal(readReadingsFile(fx('readings-unknown-points.csv'), known));
    expect(e.exitCode).toBe(65);
    expect(codes(e.problems)).toEqual(['warning:HAZE_EVIDENCE_UNKNOWN_POINT']);
  });

  test('power headed in kWh is refused at the header', async () => {
    const e = await refusal(readReadingsFile(fx('readings-power-in-kwh.csv'), known));
    expect(e.problems.map((p) => [p.code, p.where.row, p.where.column])).toEqual([['HAZE_EVIDENCE_UNIT', 1, 'C']]);
  });

  test('an .xlsx of long readings in MWh under a title row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haze-evidence-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('读数');
    ws.addRow(['某平台导出']);
    ws.addRow(['点位编号', '时间', '正向有功电能(MWh)']);
    ws.addRow(['P2', '2019-12-08 00:00', 1]);
    ws.addRow(['P2', '2019-12-08 00:15', 1.5]);
    const file = join(dir, 'readings.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await readReadingsFile(file, known);
    expect([r.unit, r.value]).toEqual(['MWh', 'cumulative']);
    expect(triples(r.series.get('P2')!)).toEqual([[0, 15, 500]]);
    expect(await evidenceFileKind(file)).toBe('readings');
  });
});

describe('gate', () => {
  test('stages in HJ 1321 and vendor forms, directions, a free-text stage skipped with a warning', async () => {
    const r = await readGateFile(fx('gate.csv'), enterprises);
    expect(r.movements.map((m) => [m.creditCode, m.at - day - 1440, m.direction, m.plate, m.stage, m.fuel, m.goods, m.tonnes])).toEqual([
      [A, 642, 'in', '苏D·12345', '4', 'diesel', '塑料粒子', 12.5],
      [A, 665, 'out', '苏D·22222', '4', null, '成品', 8],
      [B, 720, null, '苏D·33333', '5', 'gas', '坯布', null],
      [B, 750, 'in', '苏D·44444', 'd', 'electric', '', null],
    ]);
    expect(r.movements[0]!.vin).toBe('LZZ1CLVB0HD123456');
    expect(r.problems.map((p) => [p.severity, p.code, p.where.row, p.where.column, p.value])).toEqual([['warning', 'HAZE_EVIDENCE_STAGE', 6, 'G', '老车']]);
  });

  test('no readable stage at all: refused, naming the accepted forms', async () => {
    const e = await refusal(readGateFile(fx('gate-stage-free-text.csv'), enterprises));
    expect(e.problems.map((p) => [p.severity, p.code, p.where.row])).toEqual([
      ['error', 'HAZE_EVIDENCE_STAGE', 2],
      ['error', 'HAZE_EVIDENCE_STAGE', 3],
    ]);
    expect(e.problems[0]!.message.zh).toContain('国Ⅳ');
  });
});

test('evidenceFileKind from the header alone', async () => {
  expect(await evidenceFileKind(fx('points.csv'))).toBe('points');
  expect(await evidenceFileKind(fx('readings-wh-header.csv'))).toBe('readings');
  expect(await evidenceFileKind(fx('readings-wide-96.csv'))).toBe('readings');
  expect(await evidenceFileKind(fx('gate.csv'))).toBe('gate');
  expect(await evidenceFileKind('data/xuebu/enterprises.csv')).toBeNull();
});
