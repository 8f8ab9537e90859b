/**
 * Evidence in the store (schema 6): an older store upgrades with its data intact; points, readings and gate
 * movements come back as they went in; the same content twice writes nothing; a differing reading is refused
 * without --replace and corrects the store with it; a failed import leaves nothing.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { GateMovement, MeterPoint, PointSeries } from '../../../src/core/evidence/model.js';
import { HAZE_APPLICATION_ID, openStore, type Store } from '../../../src/io/store/db.js';
import {
  evidenceFingerprint,
  hasStoredEvidence,
  importEvidence,
  nominalMinutes,
  readStoredEvidence,
  storedPointIds,
  type EvidenceFile,
} from '../../../src/io/store/evidence.js';
import { MIGRATIONS } from '../../../src/io/store/migrations.js';
import { tempDir } from '../../helpers/runHaze.js';

const CODE = '91320413MA36HN011B';
/** 2019-12-08 00:00 as a wall minute. */
const DAY = Date.parse('2019-12-08T00:00:00Z') / 60_000;

const point = (id: string, kind: MeterPoint['kind'], more: Partial<MeterPoint> = {}): MeterPoint => ({
  id,
  creditCode: CODE,
  workshop: '一车间',
  device: `${id} 设备`,
  kind,
  servedBy: [],
  ratedKw: null,
  onKw: null,
  holdMinutes: null,
  file: 'points.csv',
  row: 2,
  ...more,
});

/** n readings of 15 minutes from `from`, each kwh(i). */
function series(id: string, from: number, n: number, kwh: (i: number) => number): PointSeries {
  const s: PointSeries = { pointId: id, nominalMinutes: 15, start: new Int32Array(n), minutes: new Uint16Array(n), kwh: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    s.start[i] = from + 15 * i;
    s.minutes[i] = 15;
    s.kwh[i] = kwh(i);
  }
  return s;
}

const movement = (plate: string, at: number, more: Partial<GateMovement> = {}): GateMovement => ({
  creditCode: CODE,
  at,
  direction: 'in',
  plate,
  vin: 'LFWSRXRJ1J1E00001',
  stage: '4',
  fuel: 'diesel',
  goods: '水泥',
  tonnes: 30,
  file: 'gate.csv',
  row: 2,
  ...more,
});

const POINTS: MeterPoint[] = [
  point('P1', 'production', { servedBy: ['T1', 'T2'], ratedKw: 48, holdMinutes: 30 }),
  point('T1', 'treatment'),
  point('T2', 'treatment', { onKw: 1.5 }),
];
const pointsFile = (points = POINTS): EvidenceFile => ({ kind: 'points', fileName: 'points.csv', sha256: 'p', points });
const readingsFile = (s: PointSeries[], fileName = 'readings.csv'): EvidenceFile => ({
  kind: 'readings',
  fileName,
  sha256: fileName,
  series: new Map(s.map((x) => [x.pointId, x])),
});
const gateFile = (m: GateMovement[]): EvidenceFile => ({ kind: 'gate', fileName: 'gate.csv', sha256: 'g', movements: m });

const freshStore = (): Store => openStore(join(tempDir(), 'haze.db'), { create: true })!;
const count = (db: Store, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const put = (db: Store, files: EvidenceFile[], replace = false) => importEvidence(db, { files, replace, importedAt: '2019-12-09T01:00:00.000Z' });

describe('schema 6: a version-5 store upgrades with its data intact', () => {
  test('alerts, imports and findings as they were; the evidence tables empty and usable', () => {
    const file = join(tempDir(), 'haze.db');
    const v5 = new Database(file);
    v5.pragma('journal_mode = WAL');
    v5.pragma('foreign_keys = ON');
    v5.pragma(`application_id = ${HAZE_APPLICATION_ID}`);
    for (const m of MIGRATIONS.slice(0, 5)) v5.exec(m);
    v5.pragma('user_version = 5');
    v5.exec(`
      INSERT INTO alert_events (kind, level, at, recorded_at) VALUES ('issue', 'orange', '2019-12-08 14:00', '2019-12-08T06:00:00.000Z');
      INSERT INTO imports (id, kind, file_name, sha256, imported_at, rows, replace, fingerprint) VALUES (4, 'findings', 'n.csv', 'b', 'x', 1, 0, 'f');
      INSERT INTO findings (date, credit_code, problem, source, import_id, bulletin_name) VALUES ('2019-12-08', '${CODE}', '夜间生产', '通报', 4, '某公司');`);
    const before = ['alert_events', 'imports', 'findings'].map((t) => v5.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
    v5.close();

    const db = openStore(file, { create: false })!;
    // Upgraded to the newest schema (7 and later add tables of their own, empty here).
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(6);
    expect(['alert_events', 'imports', 'findings'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all())).toEqual(before);
    for (const t of ['evidence_imports', 'meter_points', 'point_treatment', 'meter_readings', 'gate_movements']) expect([t, count(db, t)]).toEqual([t, 0]);
    expect(hasStoredEvidence(db)).toBe(false);
    expect(put(db, [pointsFile()])).toMatchObject({ kind: 'done', files: [{ added: 3 }] });
    expect(hasStoredEvidence(db)).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('round trips', () => {
  test('points with the treatment that serves them, readings as typed arrays, gate movements', () => {
    const db = freshStore();
    const p1 = series('P1', DAY, 96, (i) => (i < 40 ? 10 : 12.25));
    const t1 = series('T1', DAY + 60, 4, (i) => i * 0.5);
    const gate = [
      movement('苏D·12345', DAY + 642),
      movement('苏D·12345', DAY + 700, { direction: 'out', goods: '' }),
      movement('苏D·99999', DAY + 10, { direction: null, stage: 'd', fuel: 'electric', tonnes: null }),
    ];
    const out = put(db, [gateFile(gate), readingsFile([p1, t1]), pointsFile()]);
    // Points first whatever the order given; each file its own import.
    expect(out).toEqual({
      kind: 'done',
      files: [
        { fileName: 'points.csv', kind: 'points', alreadyAt: null, added: 3, unchanged: 0, replaced: 0, importId: 1 },
        { fileName: 'readings.csv', kind: 'readings', alreadyAt: null, added: 100, unchanged: 0, replaced: 0, importId: 2 },
        { fileName: 'gate.csv', kind: 'gate', alreadyAt: null, added: 3, unchanged: 0, replaced: 0, importId: 3 },
      ],
    });
    expect(db.prepare('SELECT kind, file_name, sha256, imported_at, rows FROM evidence_imports ORDER BY id').all()).toEqual([
      { kind: 'points', file_name: 'points.csv', sha256: 'p', imported_at: '2019-12-09T01:00:00.000Z', rows: 3 },
      { kind: 'readings', file_name: 'readings.csv', sha256: 'readings.csv', imported_at: '2019-12-09T01:00:00.000Z', rows: 100 },
      { kind: 'gate', file_name: 'gate.csv', sha256: 'g', imported_at: '2019-12-09T01:00:00.000Z', rows: 3 },
    ]);

    const back = readStoredEvidence(db);
    expect(back.points).toEqual(POINTS.map((p) => ({ ...p, servedBy: [...p.servedBy].sort() })));
    expect([...back.series.keys()]).toEqual(['P1', 'T1']);
    expect(back.series.get('P1')).toEqual(p1);
    expect(back.series.get('T1')).toEqual(t1);
    expect(back.series.get('P1')!.kwh).toBeInstanceOf(Float64Array);
    // Ordered by enterprise and time; a direction the ledger did not give comes back as null.
    expect(back.gate).toEqual([gate[2], gate[0], gate[1]]);
    expect(storedPointIds(db)).toEqual(new Set(['P1', 'T1', 'T2']));
  });

  test('series for a set of points and a time range', () => {
    const db = freshStore();
    put(db, [pointsFile(), readingsFile([series('P1', DAY, 96, (i) => i), series('T1', DAY, 96, (i) => 100 + i)])]);
    const part = readStoredEvidence(db, { pointIds: new Set(['T1']), from: DAY + 60, to: DAY + 120 });
    expect([...part.series.keys()]).toEqual(['T1']);
    expect([...part.series.get('T1')!.start]).toEqual([DAY + 60, DAY + 75, DAY + 90, DAY + 105]);
    expect([...part.series.get('T1')!.kwh]).toEqual([104, 105, 106, 107]);
    expect(part.points.map((p) => p.id)).toEqual(['T1']);
  });

  test('the nominal interval is the commonest one', () => {
    expect(nominalMinutes(Uint16Array.from([15, 15, 30, 15, 5]))).toBe(15);
    expect(nominalMinutes(Uint16Array.from([60, 5, 5]))).toBe(5);
  });
});

describe('idempotency', () => {
  test('the same content again writes nothing, in whatever order and layout it came', () => {
    const db = freshStore();
    const s = series('P1', DAY, 8, (i) => i + 1);
    put(db, [pointsFile(), readingsFile([s])]);
    const again = put(db, [readingsFile([series('P1', DAY, 8, (i) => i + 1)], 'other-name.csv'), pointsFile([...POINTS].reverse())]);
    expect(again).toMatchObject({
      kind: 'done',
      files: [
        { kind: 'points', alreadyAt: '2019-12-09T01:00:00.000Z', added: 0, importId: null },
        { kind: 'readings', alreadyAt: '2019-12-09T01:00:00.000Z', added: 0, importId: null },
      ],
    });
    expect(count(db, 'evidence_imports')).toBe(2);
    expect(count(db, 'meter_readings')).toBe(8);
  });

  test('readings that repeat stored values are skipped; only the new ones are written, under a new import', () => {
    const db = freshStore();
    put(db, [pointsFile(), readingsFile([series('P1', DAY, 8, (i) => i + 1)])]);
    const more = put(db, [readingsFile([series('P1', DAY + 60, 8, (i) => i + 5)], 'next.csv')]);
    expect(more).toMatchObject({ kind: 'done', files: [{ added: 4, unchanged: 4, replaced: 0, importId: 3 }] });
    expect(count(db, 'meter_readings')).toBe(12);
    expect(db.prepare('SELECT import_id, count(*) AS n FROM meter_readings GROUP BY import_id ORDER BY 1').all()).toEqual([
      { import_id: 2, n: 8 },
      { import_id: 3, n: 4 },
    ]);
  });

  test('across many statements: a long series overlapping the stored one by part of a batch', () => {
    const db = freshStore();
    put(db, [pointsFile(), readingsFile([series('P1', DAY, 300, (i) => i)])]);
    // Starts 200 readings in: 100 stored, 250 new, in batches that straddle the stored end.
    const out = put(db, [readingsFile([series('P1', DAY + 15 * 200, 350, (i) => i + 200)], 'next.csv')]);
    expect(out).toMatchObject({ kind: 'done', files: [{ added: 250, unchanged: 100, replaced: 0 }] });
    const back = readStoredEvidence(db).series.get('P1')!;
    expect(back.start.length).toBe(550);
    expect([...back.kwh]).toEqual(Array.from({ length: 550 }, (_, i) => i));
  });

  test('a file whose rows the store holds already is not kept as an import', () => {
    const db = freshStore();
    put(db, [pointsFile(), readingsFile([series('P1', DAY, 8, (i) => i + 1)])]);
    const part = put(db, [readingsFile([series('P1', DAY, 4, (i) => i + 1)], 'part.csv')]);
    expect(part).toMatchObject({ kind: 'done', files: [{ added: 0, unchanged: 4, importId: null, alreadyAt: null }] });
    expect(count(db, 'evidence_imports')).toBe(2);
  });

  test('the fingerprint says what a file holds, not its name or bytes', () => {
    const a = readingsFile([series('P1', DAY, 4, (i) => i)], 'a.csv');
    const b = readingsFile([series('P1', DAY, 4, (i) => i)], 'b.csv');
    const c = readingsFile([series('P1', DAY, 4, (i) => (i === 3 ? 3.5 : i))], 'a.csv');
    expect(evidenceFingerprint(a)).toBe(evidenceFingerprint(b));
    expect(evidenceFingerprint(a)).not.toBe(evidenceFingerprint(c));
  });
});

describe('--replace', () => {
  test('a reading that differs is refused, and the whole call writes nothing', () => {
    const db = freshStore();
    put(db, [pointsFile(), readingsFile([series('P1', DAY, 8, (i) => i + 1)])]);
    const before = count(db, 'evidence_imports');
    // A new gate file in the same call: refused with the readings, nothing of it written.
    const out = put(db, [gateFile([movement('苏D·12345', DAY + 600)]), readingsFile([series('P1', DAY, 8, (i) => (i === 5 ? 99 : i + 1))], 'fix.csv')]);
    expect(out).toEqual({
      kind: 'conflicts',
      total: 1,
      conflicts: [{ fileName: 'fix.csv', kind: 'readings', key: 'P1', at: DAY + 75, was: '6 kWh / 15 min', now: '99 kWh / 15 min', row: null }],
    });
    expect(count(db, 'evidence_imports')).toBe(before);
    expect(count(db, 'gate_movements')).toBe(0);
    expect(
      db
        .prepare('SELECT kwh FROM meter_readings WHERE start = ?')
        .pluck()
        .get(DAY + 75),
    ).toBe(6);
  });

  test('with --replace the store says what the file says', () => {
    const db = freshStore();
    put(db, [pointsFile(), readingsFile([series('P1', DAY, 8, (i) => i + 1)])]);
    const out = put(db, [readingsFile([series('P1', DAY, 8, (i) => (i === 5 ? 99 : i + 1))], 'fix.csv')], true);
    expect(out).toMatchObject({ kind: 'done', files: [{ added: 0, unchanged: 7, replaced: 1, importId: 3 }] });
    expect(db.prepare('SELECT kwh, import_id FROM meter_readings WHERE start = ?').get(DAY + 75)).toEqual({ kwh: 99, import_id: 3 });
  });

  test('a point described differently and a movement with other goods are conflicts too', () => {
    const db = freshStore();
    put(db, [pointsFile(), gateFile([movement('苏D·12345', DAY + 600)])]);
    const changed = POINTS.map((p) => (p.id === 'P1' ? { ...p, ratedKw: 60, servedBy: ['T1'] } : p));
    const out = put(db, [pointsFile(changed), { ...gateFile([movement('苏D·12345', DAY + 600, { goods: '煤' })]), sha256: 'g2' }]);
    expect(out.kind).toBe('conflicts');
    expect(out.kind === 'conflicts' && out.conflicts.map((c) => [c.kind, c.key])).toEqual([
      ['points', 'P1'],
      ['gate', '苏D·12345'],
    ]);
    expect(put(db, [pointsFile(changed)], true)).toMatchObject({ kind: 'done', files: [{ replaced: 1, unchanged: 2 }] });
    expect(readStoredEvidence(db).points.find((p) => p.id === 'P1')).toMatchObject({ ratedKw: 60, servedBy: ['T1'] });
  });

  test('many conflicts: the first fifty are kept, all are counted', () => {
    const db = freshStore();
    put(db, [pointsFile(), readingsFile([series('P1', DAY, 96, () => 1)])]);
    const out = put(db, [readingsFile([series('P1', DAY, 96, () => 2)], 'wrong.csv')]);
    expect(out.kind === 'conflicts' && [out.total, out.conflicts.length]).toEqual([96, 50]);
  });
});

describe('a failed import leaves nothing', () => {
  test('an error inside the transaction, after every file was written, rolls all of it back', () => {
    const db = freshStore();
    expect(() =>
      importEvidence(db, {
        files: [pointsFile(), readingsFile([series('P1', DAY, 96, () => 1)]), gateFile([movement('苏D·12345', DAY)])],
        replace: false,
        importedAt: 'x',
        afterWrite: () => {
          throw new Error('the machine fell over');
        },
      }),
    ).toThrow('the machine fell over');
    for (const t of ['evidence_imports', 'meter_points', 'point_treatment', 'meter_readings', 'gate_movements']) expect([t, count(db, t)]).toEqual([t, 0]);
  });
});
