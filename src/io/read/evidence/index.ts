/**
 * The evidence files (issue 16): meter points, their readings (long or the grid's wide 96点 layout) and the
 * gate ledger, CSV or .xlsx, read like lists: encodings, aliases, row numbers, clear errors.
 */
import type { Enterprise } from '../../../core/model.js';
import type { Problem } from '../../../core/problem.js';
import type { GateMovement, MeterPoint, PointSeries } from '../../../core/evidence/model.js';

export type EvidenceFileKind = 'points' | 'readings' | 'gate';

export interface PointsRead {
  file: string;
  sha256: string;
  points: MeterPoint[];
  problems: Problem[];
}

export interface ReadingsRead {
  file: string;
  sha256: string;
  series: Map<string, PointSeries>;
  problems: Problem[];
  layout: 'long' | 'wide';
  value: 'cumulative' | 'interval' | 'power';
  unit: 'kWh' | 'Wh' | 'MWh' | 'kW' | 'W' | 'MW';
  /** Whether the unit was named in the header or assumed (then said as a warning). */
  unitBy: 'header' | 'assumed';
  rows: number;
}

export interface GateRead {
  file: string;
  sha256: string;
  movements: GateMovement[];
  problems: Problem[];
}

/** Which evidence a file holds, from its header; null when it is none of the three. */
export async function evidenceFileKind(_file: string): Promise<EvidenceFileKind | null> {
  throw new Error('not implemented yet (issue 16: evidence readers)');
}

export async function readPointsFile(_file: string, _enterprises: readonly Enterprise[]): Promise<PointsRead> {
  throw new Error('not implemented yet (issue 16: evidence readers)');
}

/** Streams the file: 2.9 million rows are read without holding the text. Points not in `knownPoints` are skipped with a warning. */
export async function readReadingsFile(_file: string, _knownPoints: ReadonlySet<string>): Promise<ReadingsRead> {
  throw new Error('not implemented yet (issue 16: evidence readers)');
}

export async function readGateFile(_file: string, _enterprises: readonly Enterprise[]): Promise<GateRead> {
  throw new Error('not implemented yet (issue 16: evidence readers)');
}
