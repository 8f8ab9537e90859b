/**
 * The evidence files (issue 16): meter points, their readings (long or the grid's wide 96点 layout) and the
 * gate ledger, CSV or .xlsx, read like lists: encodings, aliases, row numbers, clear errors.
 */
import { CODE, HazeError } from '../../../errors.js';
import { readEvidenceRows, StopReading } from './evidenceTable.js';
import { isPointsHeader } from './pointsFile.js';
import { isReadingsHeader } from './readingsHeader.js';
import { isGateHeader } from './gateFile.js';
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

/** Which evidence a file holds, from its header alone: point + kind → points; point + time/date + values → readings; plate + time → gate. Null when it is none of the three. */
export async function evidenceFileKind(file: string): Promise<EvidenceFileKind | null> {
  let kind: EvidenceFileKind | null = null;
  const test = (cells: readonly string[]): EvidenceFileKind | null =>
    isPointsHeader(cells) ? 'points' : isReadingsHeader(cells) ? 'readings' : isGateHeader(cells) ? 'gate' : null;
  try {
    await readEvidenceRows(file, {
      isHeader: (cells) => test(cells) !== null,
      header: (r) => {
        kind = test(r.cells);
        throw new StopReading();
      },
      row: () => undefined,
      expected: { zh: '', en: '' },
    });
  } catch (err) {
    if (err instanceof HazeError && err.code === CODE.HAZE_EVIDENCE_HEADER) return null;
    throw err;
  }
  return kind;
}

export { readPointsFile } from './pointsFile.js';
/** Streams the file: 2.9 million rows are read without holding the text. Points not in `knownPoints` are skipped with a warning. */
export { readReadingsFile } from './readingsFile.js';
export { readGateFile } from './gateFile.js';
export { EvidenceInvalidError } from './evidenceProblems.js';
