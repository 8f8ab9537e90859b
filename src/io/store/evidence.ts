/**
 * Evidence in the store (issue 16): meter points, their readings and the gate ledger. All the files of one
 * `haze evidence import` are one transaction: any error, and nothing is written. Like results (records.ts),
 * the same content twice records nothing; a row the store already holds with the same values is skipped; a
 * reading (or point, or movement) that says something else for the same key is a conflict, refused unless
 * --replace, which makes the store say what the file says.
 *
 * Readings go in through one prepared statement fed from the typed arrays the reader made, and come back the
 * same way: `.raw()` rows in key order, straight into typed arrays, with no object per reading.
 */
import { createHash } from 'node:crypto';
import type { GateMovement, MeterPoint, PointSeries } from '../../core/evidence/model.js';
import type { Store } from './db.js';

export type EvidenceKind = 'points' | 'readings' | 'gate';

/** One file of an import, as its reader gave it. */
export type EvidenceFile =
  | { kind: 'points'; fileName: string; sha256: string; points: readonly MeterPoint[] }
  | { kind: 'readings'; fileName: string; sha256: string; series: ReadonlyMap<string, PointSeries> }
  | { kind: 'gate'; fileName: string; sha256: string; movements: readonly GateMovement[] };

/** A row of the file that says something else than the store for the same key. */
export interface EvidenceConflict {
  fileName: string;
  kind: EvidenceKind;
  /** The point id (points, readings) or the plate (gate). */
  key: string;
  /** Readings and gate: the wall minute. */
  at: number | null;
  was: string;
  now: string;
  row: number | null;
}

export interface FileOutcome {
  fileName: string;
  kind: EvidenceKind;
  /** The same content was imported before (then nothing of it is written): when. */
  alreadyAt: string | null;
  /** Rows new to the store, rows it held already with the same values, rows changed under --replace. */
  added: number;
  unchanged: number;
  replaced: number;
  /** null when nothing of the file was new: no import is written then. */
  importId: number | null;
}

export type EvidenceImportOutcome =
  /** The first conflicts (at most MAX_CONFLICTS) and how many there were. */
  { kind: 'conflicts'; conflicts: EvidenceConflict[]; total: number } | { kind: 'done'; files: FileOutcome[] };

export interface EvidenceImportRequest {
  files: readonly EvidenceFile[];
  replace: boolean;
  importedAt: string;
  /** Test hook: called inside the transaction after every file is written (a failure then leaves nothing). */
  afterWrite?: () => void;
}

/** At most this many conflicts are told: a wrong file differs on every row. */
export const MAX_CONFLICTS = 50;

/** Refuses the transaction from inside: thrown to roll back, caught outside. */
class Refused extends Error {
  constructor(
    readonly conflicts: EvidenceConflict[],
    readonly total: number,
  ) {
    super('evidence import refused');
  }
}

const rowsOf = (f: EvidenceFile): number =>
  f.kind === 'points' ? f.points.length : f.kind === 'gate' ? f.movements.length : [...f.series.values()].reduce((n, s) => n + s.start.length, 0);

/** What a file says, independent of its bytes, layout, units and row order. */
export function evidenceFingerprint(f: EvidenceFile): string {
  const h = createHash('sha256').update(f.kind);
  if (f.kind === 'points') {
    const canon = [...f.points]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((p) => [p.id, p.creditCode, p.workshop, p.device, p.kind, [...p.servedBy].sort(), p.ratedKw, p.onKw, p.holdMinutes]);
    h.update(JSON.stringify(canon));
  } else if (f.kind === 'gate') {
    const canon = f.movements.map((m) => JSON.stringify([m.creditCode, m.at, m.direction, m.plate, m.vin, m.stage, m.fuel, m.goods, m.tonnes])).sort();
    h.update(canon.join('\n'));
  } else {
    for (const id of [...f.series.keys()].sort()) {
      const s = f.series.get(id)!;
      h.update(`\u0000${id}\u0000`);
      h.update(new Uint8Array(s.start.buffer, s.start.byteOffset, s.start.byteLength));
      h.update(new Uint8Array(s.minutes.buffer, s.minutes.byteOffset, s.minutes.byteLength));
      h.update(new Uint8Array(s.kwh.buffer, s.kwh.byteOffset, s.kwh.byteLength));
    }
  }
  return h.digest('hex');
}

/** Two energies read from files: equal when they agree to a millionth (a unit converted either way). */
const sameKwh = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
const sameNumber = (a: number | null, b: number | null) => (a === null || b === null ? a === b : sameKwh(a, b));

export function importEvidence(db: Store, req: EvidenceImportRequest): EvidenceImportOutcome {
  try {
    return db
      .transaction((): EvidenceImportOutcome => {
        const conflicts: EvidenceConflict[] = [];
        let total = 0;
        const files: FileOutcome[] = [];
        // Points first: a readings file of the same call may name them.
        const order: EvidenceKind[] = ['points', 'readings', 'gate'];
        const sorted = [...req.files].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
        const findImport = db.prepare('SELECT imported_at FROM evidence_imports WHERE kind = ? AND fingerprint = ? ORDER BY id DESC LIMIT 1');
        const newImport = db.prepare('INSERT INTO evidence_imports (kind, file_name, sha256, imported_at, rows, fingerprint) VALUES (?, ?, ?, ?, ?, ?)');
        const dropImport = db.prepare('DELETE FROM evidence_imports WHERE id = ?');
        for (const f of sorted) {
          const fingerprint = evidenceFingerprint(f);
          const already = req.replace ? undefined : (findImport.get(f.kind, fingerprint) as { imported_at: string } | undefined);
          if (already) {
            files.push({ fileName: f.fileName, kind: f.kind, alreadyAt: already.imported_at, added: 0, unchanged: rowsOf(f), replaced: 0, importId: null });
            continue;
          }
          const importId = Number(newImport.run(f.kind, f.fileName, f.sha256, req.importedAt, rowsOf(f), fingerprint).lastInsertRowid);
          const conflict = (c: Omit<EvidenceConflict, 'fileName' | 'kind'>) => {
            if (total++ < MAX_CONFLICTS) conflicts.push({ fileName: f.fileName, kind: f.kind, ...c });
          };
          const counts =
            f.kind === 'points'
              ? writePoints(db, f.points, importId, req.replace, conflict)
              : f.kind === 'readings'
                ? writeReadings(db, f.series, importId, req.replace, conflict)
                : writeGate(db, f.movements, importId, req.replace, conflict);
          // The store already said all of it: no import is kept, so history shows only imports that changed something.
          const changed = counts.added + counts.replaced > 0;
          if (!changed) dropImport.run(importId);
          files.push({ fileName: f.fileName, kind: f.kind, alreadyAt: null, ...counts, importId: changed ? importId : null });
        }
        if (total > 0 && !req.replace) throw new Refused(conflicts, total);
        req.afterWrite?.();
        return { kind: 'done', files };
      })
      .immediate();
  } catch (err) {
    if (err instanceof Refused) return { kind: 'conflicts', conflicts: err.conflicts, total: err.total };
    throw err;
  }
}

type Counts = { added: number; unchanged: number; replaced: number };
type Conflicted = (c: Omit<EvidenceConflict, 'fileName' | 'kind'>) => void;

function writePoints(db: Store, points: readonly MeterPoint[], importId: number, replace: boolean, conflict: Conflicted): Counts {
  const find = db.prepare('SELECT credit_code, workshop, device, kind, rated_kw, on_kw, hold_minutes FROM meter_points WHERE point_id = ?');
  const insert = db.prepare(
    'INSERT INTO meter_points (point_id, credit_code, workshop, device, kind, rated_kw, on_kw, hold_minutes, source_row, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE meter_points SET credit_code = ?, workshop = ?, device = ?, kind = ?, rated_kw = ?, on_kw = ?, hold_minutes = ?, source_row = ?, import_id = ? WHERE point_id = ?',
  );
  const serve = db.prepare('INSERT OR IGNORE INTO point_treatment (production_point, treatment_point) VALUES (?, ?)');
  const unserve = db.prepare('DELETE FROM point_treatment WHERE production_point = ?');
  const servedBy = db.prepare('SELECT treatment_point FROM point_treatment WHERE production_point = ? ORDER BY treatment_point').pluck();
  const c: Counts = { added: 0, unchanged: 0, replaced: 0 };
  type Row = {
    credit_code: string;
    workshop: string;
    device: string;
    kind: string;
    rated_kw: number | null;
    on_kw: number | null;
    hold_minutes: number | null;
  };
  const describe = (p: Row, served: string[]) =>
    `${p.credit_code} ${p.workshop} ${p.device} ${p.kind} rated=${p.rated_kw ?? ''} on=${p.on_kw ?? ''} hold=${p.hold_minutes ?? ''} served_by=${served.join('|')}`;
  for (const p of points) {
    const row: Row = {
      credit_code: p.creditCode,
      workshop: p.workshop,
      device: p.device,
      kind: p.kind,
      rated_kw: p.ratedKw,
      on_kw: p.onKw,
      hold_minutes: p.holdMinutes,
    };
    const served = [...new Set(p.servedBy)].sort();
    const cur = find.get(p.id) as Row | undefined;
    if (!cur) {
      insert.run(p.id, p.creditCode, p.workshop, p.device, p.kind, p.ratedKw, p.onKw, p.holdMinutes, p.row, importId);
      for (const t of served) serve.run(p.id, t);
      c.added++;
      continue;
    }
    const was = servedBy.all(p.id) as string[];
    const same =
      cur.credit_code === row.credit_code &&
      cur.workshop === row.workshop &&
      cur.device === row.device &&
      cur.kind === row.kind &&
      sameNumber(cur.rated_kw, row.rated_kw) &&
      sameNumber(cur.on_kw, row.on_kw) &&
      cur.hold_minutes === row.hold_minutes &&
      was.join('|') === served.join('|');
    if (same) {
      c.unchanged++;
      continue;
    }
    if (!replace) {
      conflict({ key: p.id, at: null, was: describe(cur, was), now: describe(row, served), row: p.row });
      continue;
    }
    update.run(p.creditCode, p.workshop, p.device, p.kind, p.ratedKw, p.onKw, p.holdMinutes, p.row, importId, p.id);
    unserve.run(p.id);
    for (const t of served) serve.run(p.id, t);
    c.replaced++;
  }
  return c;
}

/** Readings per INSERT: one statement call writes this many rows (a call costs more than a row). */
const READINGS_PER_INSERT = 128;

function writeReadings(db: Store, series: ReadonlyMap<string, PointSeries>, importId: number, replace: boolean, conflict: Conflicted): Counts {
  // INSERT … ON CONFLICT DO NOTHING tells by `changes` whether every key was new; only a batch where some were
  // not is looked at row by row (the rows this import just wrote carry its id).
  const values = (n: number) => Array.from({ length: n }, () => '(?, ?, ?, ?, ?)').join(', ');
  const insertMany = db.prepare(
    `INSERT INTO meter_readings (point_id, start, minutes, kwh, import_id) VALUES ${values(READINGS_PER_INSERT)} ON CONFLICT DO NOTHING`,
  );
  const find = db.prepare('SELECT minutes, kwh, import_id FROM meter_readings WHERE point_id = ? AND start = ?').raw();
  const update = db.prepare('UPDATE meter_readings SET minutes = ?, kwh = ?, import_id = ? WHERE point_id = ? AND start = ?');
  const c: Counts = { added: 0, unchanged: 0, replaced: 0 };
  const args: (string | number)[] = new Array<string | number>(READINGS_PER_INSERT * 5);
  const insertBatch = (id: string, s: PointSeries, from: number, to: number) => {
    const n = to - from;
    const stmt =
      n === READINGS_PER_INSERT
        ? insertMany
        : db.prepare(`INSERT INTO meter_readings (point_id, start, minutes, kwh, import_id) VALUES ${values(n)} ON CONFLICT DO NOTHING`);
    const bind = n === READINGS_PER_INSERT ? args : new Array<string | number>(n * 5);
    for (let i = from, k = 0; i < to; i++) {
      bind[k++] = id;
      bind[k++] = s.start[i]!;
      bind[k++] = s.minutes[i]!;
      bind[k++] = s.kwh[i]!;
      bind[k++] = importId;
    }
    return stmt.run(bind).changes;
  };
  for (const [id, s] of series) {
    const { start, minutes, kwh } = s;
    for (let from = 0; from < start.length; from += READINGS_PER_INSERT) {
      const to = Math.min(start.length, from + READINGS_PER_INSERT);
      if (insertBatch(id, s, from, to) === to - from) {
        c.added += to - from;
        continue;
      }
      for (let i = from; i < to; i++) {
        const [wasMinutes, wasKwh, wasImport] = find.get(id, start[i]!) as [number, number, number];
        if (wasImport === importId) c.added++;
        else if (wasMinutes === minutes[i] && sameKwh(wasKwh, kwh[i]!)) c.unchanged++;
        else if (!replace) conflict({ key: id, at: start[i]!, was: `${wasKwh} kWh / ${wasMinutes} min`, now: `${kwh[i]} kWh / ${minutes[i]} min`, row: null });
        else {
          update.run(minutes[i]!, kwh[i]!, importId, id, start[i]!);
          c.replaced++;
        }
      }
    }
  }
  return c;
}

function writeGate(db: Store, movements: readonly GateMovement[], importId: number, replace: boolean, conflict: Conflicted): Counts {
  const insert = db.prepare(
    `INSERT INTO gate_movements (credit_code, at, direction, plate, vin, stage, fuel, goods, tonnes, source_row, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const find = db.prepare('SELECT id, vin, stage, fuel, goods, tonnes FROM gate_movements WHERE credit_code = ? AND at = ? AND plate = ? AND direction = ?');
  const update = db.prepare('UPDATE gate_movements SET vin = ?, stage = ?, fuel = ?, goods = ?, tonnes = ?, source_row = ?, import_id = ? WHERE id = ?');
  const c: Counts = { added: 0, unchanged: 0, replaced: 0 };
  type Row = { id: number; vin: string; stage: string | null; fuel: string | null; goods: string; tonnes: number | null };
  const describe = (m: Omit<Row, 'id'>) => `${m.vin} ${m.stage ?? ''} ${m.fuel ?? ''} ${m.goods} ${m.tonnes ?? ''}`.trim();
  for (const m of movements) {
    const direction = m.direction ?? '';
    if (insert.run(m.creditCode, m.at, direction, m.plate, m.vin, m.stage, m.fuel, m.goods, m.tonnes, m.row, importId).changes === 1) {
      c.added++;
      continue;
    }
    const cur = find.get(m.creditCode, m.at, m.plate, direction) as Row;
    if (cur.vin === m.vin && cur.stage === m.stage && cur.fuel === m.fuel && cur.goods === m.goods && sameNumber(cur.tonnes, m.tonnes)) {
      c.unchanged++;
      continue;
    }
    if (!replace) {
      conflict({
        key: m.plate,
        at: m.at,
        was: describe(cur),
        now: describe({ vin: m.vin, stage: m.stage, fuel: m.fuel, goods: m.goods, tonnes: m.tonnes }),
        row: m.row,
      });
      continue;
    }
    update.run(m.vin, m.stage, m.fuel, m.goods, m.tonnes, m.row, importId, cur.id);
    c.replaced++;
  }
  return c;
}

export interface StoredEvidence {
  points: MeterPoint[];
  series: Map<string, PointSeries>;
  gate: GateMovement[];
}

export interface EvidenceQuery {
  /** Only these points' readings (and these points); all when absent. */
  pointIds?: ReadonlySet<string>;
  /** Readings starting in [from, to) and movements at in [from, to), wall minutes. */
  from?: number;
  to?: number;
}

/** What the store holds: points, series for a set of points and a time range, movements. */
export function readStoredEvidence(db: Store, q: EvidenceQuery = {}): StoredEvidence {
  const from = q.from ?? -2147483648;
  const to = q.to ?? 2147483647;
  const points = readPoints(db).filter((p) => !q.pointIds || q.pointIds.has(p.id));
  return { points, series: readSeries(db, q.pointIds ? [...q.pointIds] : points.map((p) => p.id), from, to), gate: readGate(db, from, to) };
}

function readPoints(db: Store): MeterPoint[] {
  const served = new Map<string, string[]>();
  for (const [p, t] of db.prepare('SELECT production_point, treatment_point FROM point_treatment ORDER BY 1, 2').raw().iterate() as Iterable<
    [string, string]
  >) {
    const list = served.get(p) ?? [];
    list.push(t);
    served.set(p, list);
  }
  const rows = db
    .prepare(
      `SELECT p.point_id, p.credit_code, p.workshop, p.device, p.kind, p.rated_kw, p.on_kw, p.hold_minutes, p.source_row, i.file_name
       FROM meter_points p JOIN evidence_imports i ON i.id = p.import_id ORDER BY p.point_id`,
    )
    .raw()
    .all() as [string, string, string, string, MeterPoint['kind'], number | null, number | null, number | null, number | null, string][];
  return rows.map(([id, creditCode, workshop, device, kind, ratedKw, onKw, holdMinutes, row, file]) => ({
    id,
    creditCode,
    workshop,
    device,
    kind,
    servedBy: served.get(id) ?? [],
    ratedKw,
    onKw,
    holdMinutes,
    file,
    row: row ?? 0,
  }));
}

/** The series of the points asked for, in typed arrays sized to the rows: no array grows, no object per reading is kept. */
export function readSeries(db: Store, pointIds: readonly string[], from: number, to: number): Map<string, PointSeries> {
  const out = new Map<string, PointSeries>();
  const rows = db.prepare('SELECT start, minutes, kwh FROM meter_readings WHERE point_id = ? AND start >= ? AND start < ? ORDER BY start').raw();
  for (const id of [...pointIds].sort()) {
    // One point's rows at a time (a fortnight is 1,344): .all() is one call into SQLite where iterate() is one a row.
    const got = rows.all(id, from, to) as [number, number, number][];
    const n = got.length;
    if (n === 0) continue;
    const s: PointSeries = { pointId: id, nominalMinutes: 0, start: new Int32Array(n), minutes: new Uint16Array(n), kwh: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const r = got[i]!;
      s.start[i] = r[0];
      s.minutes[i] = r[1];
      s.kwh[i] = r[2];
    }
    s.nominalMinutes = nominalMinutes(s.minutes);
    out.set(id, s);
  }
  return out;
}

/** The interval the meter reports at: the commonest interval length (a gap or a late reading is the exception). */
export function nominalMinutes(minutes: Uint16Array): number {
  const seen = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const m of minutes) {
    const n = (seen.get(m) ?? 0) + 1;
    seen.set(m, n);
    if (n > bestN || (n === bestN && m < best)) [best, bestN] = [m, n];
  }
  return best;
}

function readGate(db: Store, from: number, to: number): GateMovement[] {
  const rows = db
    .prepare(
      `SELECT g.credit_code, g.at, g.direction, g.plate, g.vin, g.stage, g.fuel, g.goods, g.tonnes, g.source_row, i.file_name
       FROM gate_movements g JOIN evidence_imports i ON i.id = g.import_id WHERE g.at >= ? AND g.at < ? ORDER BY g.credit_code, g.at, g.plate, g.direction`,
    )
    .raw()
    .all(from, to) as [string, number, string, string, string, string | null, string | null, string, number | null, number | null, string][];
  return rows.map(([creditCode, at, direction, plate, vin, stage, fuel, goods, tonnes, row, file]) => ({
    creditCode,
    at,
    direction: direction === '' ? null : (direction as 'in' | 'out'),
    plate,
    vin,
    stage: stage as GateMovement['stage'],
    fuel: fuel as GateMovement['fuel'],
    goods,
    tonnes,
    file,
    row: row ?? 0,
  }));
}

/** The ids of the points the store knows (readings of a later call may name them). */
export function storedPointIds(db: Store): Set<string> {
  return new Set(db.prepare('SELECT point_id FROM meter_points').pluck().all() as string[]);
}

/** Whether the store holds any evidence at all. */
export function hasStoredEvidence(db: Store): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM meter_points) OR EXISTS (SELECT 1 FROM gate_movements)').pluck().get() === 1;
}
