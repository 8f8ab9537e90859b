/**
 * The town's evidence and the clues it gives: the one place every command (evidence check, plan, checklist,
 * record, report, demo) asks "what does the data suggest about this enterprise, as of now?".
 */
import { existsSync, statSync } from 'node:fs';
import { inOrder } from '../core/alert.js';
import { checkEvidence, type EvidenceCheck, type EvidenceInput } from '../core/evidence/checkEvidence.js';
import type { AlertSpan, GateMovement, MeterPoint, PointSeries, WallMinute } from '../core/evidence/model.js';
import type { AlertLevel, Enterprise, RequiredMeasure } from '../core/model.js';
import { countOf } from '../core/plural.js';
import { hasErrors } from '../core/problem.js';
import { problemsByKind } from '../core/problemGroups.js';
import { compareWallTime, toWallMinute, type WallTime } from '../core/time.js';
import { CODE, HazeError } from '../errors.js';
import {
  evidenceFileKind,
  EvidenceInvalidError,
  readGateFile,
  readPointsFile,
  readReadingsFile,
  type EvidenceFileKind,
  type GateRead,
  type PointsRead,
  type ReadingsRead,
} from '../io/read/evidence/index.js';
import { readStoredEvidence, storedPointIds } from '../io/store/evidence.js';
import { sampleEvents, townAlert } from './alertInForce.js';
import { readStore } from './storeDoor.js';
import { measuresAt, type Town } from './town.js';
import type { Voice } from './voice.js';

/** Everything the town has: what the store holds plus the files haze.yaml names under `evidence:`. */
export interface TownEvidence {
  points: MeterPoint[];
  series: Map<string, PointSeries>;
  gate: GateMovement[];
}

/** Evidence files as their readers gave them, points first. */
export interface EvidenceFilesRead {
  points: PointsRead[];
  readings: ReadingsRead[];
  gate: GateRead[];
}

/**
 * Read evidence files, whatever their order on the command line: each file's kind from its header, the points
 * files first, so that a readings file may name the points of a file read with it (`known` adds the store's).
 * Warnings are told; a file with errors stops everything (exit 65), before anything is written.
 */
export async function readEvidenceFiles(
  files: readonly string[],
  enterprises: readonly Enterprise[],
  known: ReadonlySet<string>,
  voice: Voice,
): Promise<EvidenceFilesRead> {
  const kinds: { file: string; kind: EvidenceFileKind }[] = [];
  for (const file of files) {
    const kind = await evidenceFileKind(file);
    if (!kind)
      throw new HazeError(CODE.HAZE_EVIDENCE_FILE_KIND, {
        where: { file },
        message: {
          zh: `${file} 的表头既不是分表计电点位，也不是读数或门禁台账`,
          en: `the header of ${file} is none of meter points, readings or a gate ledger`,
        },
      });
    kinds.push({ file, kind });
  }
  const out: EvidenceFilesRead = { points: [], readings: [], gate: [] };
  const told = (r: { file: string; problems: PointsRead['problems'] }) => {
    // The same problem on many rows (a thousand readings of an unknown point) is said once, with the rows.
    voice.problems(problemsByKind(r.problems));
    if (hasErrors(r.problems)) {
      const n = r.problems.filter((p) => p.severity === 'error').length;
      throw new HazeError(CODE.HAZE_EVIDENCE_INVALID, {
        where: { file: r.file },
        message: { zh: `${n} 处错误，未导入任何文件`, en: `${countOf(n, 'error')}; none of the files was imported` },
      });
    }
  };
  // A reader refuses a file it cannot trust with every problem it found: say them, as for a file it takes.
  const refused = async <T>(read: Promise<T>): Promise<T> => {
    try {
      return await read;
    } catch (err) {
      if (err instanceof EvidenceInvalidError) voice.problems(problemsByKind([...err.problems]));
      throw err;
    }
  };
  for (const { file } of kinds.filter((k) => k.kind === 'points')) {
    const read = await refused(readPointsFile(file, enterprises));
    told(read);
    out.points.push(read);
  }
  const knownPoints = new Set(known);
  for (const r of out.points) for (const p of r.points) knownPoints.add(p.id);
  for (const { file, kind } of kinds) {
    if (kind === 'readings') {
      const read = await refused(readReadingsFile(file, knownPoints));
      told(read);
      out.readings.push(read);
    } else if (kind === 'gate') {
      const read = await refused(readGateFile(file, enterprises));
      told(read);
      out.gate.push(read);
    }
  }
  return out;
}

/**
 * The town's evidence; empty (no points, no readings, no gate) when it has none. A file haze.yaml names that
 * is not there is a config error (exit 78) here, where evidence is needed, and nowhere else.
 */
export async function townEvidence(town: Town, voice?: Voice): Promise<TownEvidence> {
  const stored = readStore(town.ws, (db) => readStoredEvidence(db), { points: [], series: new Map<string, PointSeries>(), gate: [] });
  const listed = town.ws.evidenceFiles ?? [];
  if (listed.length === 0) return stored;
  for (const file of listed) {
    if (!existsSync(file) || !statSync(file).isFile())
      throw new HazeError(CODE.HAZE_EVIDENCE_FILE_MISSING, {
        where: { file: town.ws.configFile },
        message: { zh: `evidence: 列出的文件 ${file} 不存在`, en: `${file}, named under evidence:, does not exist` },
      });
  }
  const quiet: Voice = voice ?? { say: () => {}, warn: () => {}, problems: () => {} };
  const read = await readEvidenceFiles(listed, town.list.enterprises, new Set(stored.points.map((p) => p.id)), quiet);
  return mergeEvidence(stored, {
    points: read.points.flatMap((r) => r.points),
    series: read.readings.map((r) => r.series),
    gate: read.gate.flatMap((r) => r.movements),
  });
}

/** The store's evidence with the files' added: a point or a reading the store has already stays the store's. */
export function mergeEvidence(stored: TownEvidence, files: { points: MeterPoint[]; series: Map<string, PointSeries>[]; gate: GateMovement[] }): TownEvidence {
  const points = new Map(stored.points.map((p) => [p.id, p]));
  for (const p of files.points) if (!points.has(p.id)) points.set(p.id, p);
  const series = new Map(stored.series);
  for (const more of files.series) for (const [id, s] of more) series.set(id, series.has(id) ? mergeSeries(series.get(id)!, s) : s);
  const gateKey = (m: GateMovement) => `${m.creditCode}\u0000${m.at}\u0000${m.plate}\u0000${m.direction ?? ''}`;
  const seen = new Set(stored.gate.map(gateKey));
  const gate = [...stored.gate, ...files.gate.filter((m) => !seen.has(gateKey(m)) && seen.add(gateKey(m)))];
  gate.sort((a, b) => (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : a.at - b.at));
  return { points: [...points.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), series, gate };
}

/** Two series of one point as one, sorted, never overlapping: where both cover a time, the first one's readings stand. */
export function mergeSeries(first: PointSeries, second: PointSeries): PointSeries {
  // The second's intervals that touch none of the first's: both are sorted, so one pass finds them.
  const keep: number[] = [];
  let i = 0;
  for (let j = 0; j < second.start.length; j++) {
    const from = second.start[j]!;
    const to = from + second.minutes[j]!;
    while (i < first.start.length && first.start[i]! + first.minutes[i]! <= from) i++;
    const overlaps = i < first.start.length && first.start[i]! < to;
    const afterLastKept = keep.length === 0 || second.start[keep.at(-1)!]! + second.minutes[keep.at(-1)!]! <= from;
    if (!overlaps && afterLastKept) keep.push(j);
  }
  const n = first.start.length + keep.length;
  const out: PointSeries = {
    pointId: first.pointId,
    nominalMinutes: first.nominalMinutes || second.nominalMinutes,
    start: new Int32Array(n),
    minutes: new Uint16Array(n),
    kwh: new Float64Array(n),
  };
  let a = 0;
  let b = 0;
  for (let k = 0; k < n; k++) {
    const fromFirst = b >= keep.length || (a < first.start.length && first.start[a]! < second.start[keep[b]!]!);
    const [s, x] = fromFirst ? [first, a++] : [second, keep[b++]!];
    out.start[k] = s.start[x]!;
    out.minutes[k] = s.minutes[x]!;
    out.kwh[k] = s.kwh[x]!;
  }
  return out;
}

/**
 * The alert's stretches up to `upTo`, each level with its measures: every episode from its issue to its lift,
 * split where the level changed; one not lifted runs to `upTo`. From the store's history; on the sample town,
 * its own alert stands for the time before the store's first event, as for every command (alertInForce.ts).
 */
export function alertSpans(town: Town, upTo: WallTime): AlertSpan[] {
  const end = toWallMinute(upTo);
  const measures = new Map<AlertLevel, ReadonlyMap<string, RequiredMeasure>>();
  const measuresOf = (level: AlertLevel) => measures.get(level) ?? measures.set(level, measuresAt(town, level)).get(level)!;
  const spans: AlertSpan[] = [];
  let open: { level: AlertLevel; from: WallMinute } | null = null;
  const close = (at: WallMinute) => {
    if (open && at > open.from) spans.push({ level: open.level, from: open.from, to: at, measures: measuresOf(open.level) });
    open = null;
  };
  const alert = townAlert(town.ws);
  const recorded = alert.fromSample ? [] : alert.events;
  const first = inOrder(recorded)[0];
  const sample = (sampleEvents(town.ws) ?? []).filter((e) => !first || compareWallTime(e.at, first.at) < 0);
  for (const e of inOrder([...sample, ...recorded])) {
    const at = Math.min(toWallMinute(e.at), end);
    if (e.kind === 'lift') close(at);
    else if (e.kind === 'issue' || open) {
      // An issue while one is open (not possible by `alert issue`, but the sample's may sit before the store's) starts afresh.
      close(at);
      open = { level: e.level!, from: at };
    }
  }
  close(end);
  return spans;
}

/** The clues known at `upTo`, with what they were checked from (for charts). */
export function townClues(town: Town, evidence: TownEvidence, upTo: WallTime): { input: EvidenceInput; check: EvidenceCheck } {
  const input: EvidenceInput = {
    points: evidence.points,
    series: evidence.series,
    gate: evidence.gate,
    spans: alertSpans(town, upTo),
    truckTrips: new Map(town.list.enterprises.map((e) => [e.creditCode, e.truckTrips])),
    rules: town.rules.evidence,
    upTo: toWallMinute(upTo),
    nightRound: town.setup.night,
  };
  return { input, check: checkEvidence(input) };
}

/** Whether the town has any evidence at all. */
export const noEvidence = (e: TownEvidence): boolean => e.points.length === 0 && e.series.size === 0 && e.gate.length === 0;

/** The ids of the points the store holds (for an import: readings may name them). */
export function storedPoints(town: Town): Set<string> {
  return readStore(town.ws, storedPointIds, new Set<string>());
}
