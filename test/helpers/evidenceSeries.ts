/**
 * Evidence by hand for the checks' tests: a point's series from a start and average kW per interval (null is
 * a gap), points, measures, alert spans, and the default rules as data/rules/default.yaml gives them.
 */
import type { EvidenceInput } from '../../src/core/evidence/checkEvidence.js';
import { mergeEvidenceRules, type EvidenceRulesPart } from '../../src/core/evidence/evidenceRules.js';
import type { AlertSpan, EvidenceRules, GateMovement, MeterPoint, PointKind, PointSeries, WallMinute } from '../../src/core/evidence/model.js';
import type { Action, AlertLevel, RequiredMeasure } from '../../src/core/model.js';
import { toWallMinute } from '../../src/core/time.js';
import { loadRuleTable } from '../../src/io/read/ruleFile.js';
import { DEFAULT_RULES } from '../../src/io/read/workspace.js';

export const CODE_A = '91320000MA1AAAAA0A';

/** 2019-12-09 02:15 as a wall minute. */
export const at = (date: string, clock = '00:00'): WallMinute => {
  const [h, m] = clock.split(':').map(Number);
  return toWallMinute({ date, minutes: h! * 60 + m! });
};

/** A series of intervals of `minutes` from `start`, one per kW given; null leaves a gap. */
export function seriesOf(pointId: string, start: WallMinute, kw: readonly (number | null)[], minutes = 15): PointSeries {
  const kept = kw.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null);
  return {
    pointId,
    nominalMinutes: minutes,
    start: Int32Array.from(kept.map((x) => start + x.i * minutes)),
    minutes: Uint16Array.from(kept.map(() => minutes)),
    kwh: Float64Array.from(kept.map((x) => (x.v * minutes) / 60)),
  };
}

/** n intervals of the same kW. */
export const flat = (kw: number, n: number): number[] => Array.from({ length: n }, () => kw);

export function point(id: string, kind: PointKind, extra: Partial<MeterPoint> = {}): MeterPoint {
  return {
    id,
    creditCode: CODE_A,
    workshop: '',
    device: id,
    kind,
    servedBy: [],
    ratedKw: null,
    onKw: null,
    holdMinutes: null,
    file: 'points.csv',
    row: 2,
    ...extra,
  };
}

export function measure(action: Action, extra: Partial<RequiredMeasure> = {}): RequiredMeasure {
  return {
    creditCode: CODE_A,
    level: 'orange',
    action,
    limitPct: null,
    processes: [],
    truckBan: false,
    text: '',
    source: 'test',
    uninterpreted: [],
    bans: [],
    because: {} as RequiredMeasure['because'],
    warnings: [],
    extra: [],
    ...extra,
  };
}

export function span(from: WallMinute, to: WallMinute, m: RequiredMeasure, level: AlertLevel = 'orange'): AlertSpan {
  return { level, from, to, measures: new Map([[m.creditCode, m]]) };
}

let defaults: EvidenceRules | undefined;
/** The rules of data/rules/default.yaml (the one place their numbers live), with a test's own overrides. */
export function evidenceRules(part: EvidenceRulesPart = {}): EvidenceRules {
  defaults ??= loadRuleTable([DEFAULT_RULES]).evidence;
  return mergeEvidenceRules(defaults, part);
}

export function inputOf(x: {
  points: MeterPoint[];
  series: PointSeries[];
  spans: AlertSpan[];
  upTo?: WallMinute;
  gate?: GateMovement[];
  rules?: EvidenceRules;
  truckTrips?: Map<string, number | null>;
  nightRound?: EvidenceInput['nightRound'];
}): EvidenceInput {
  return {
    points: x.points,
    series: new Map(x.series.map((s) => [s.pointId, s])),
    gate: x.gate ?? [],
    spans: x.spans,
    truckTrips: x.truckTrips ?? new Map(),
    rules: x.rules ?? evidenceRules(),
    upTo: x.upTo ?? x.spans[x.spans.length - 1]!.to,
    nightRound: x.nightRound ?? null,
  };
}

export function movement(
  atMinute: WallMinute,
  plate: string,
  stage: GateMovement['stage'],
  fuel: GateMovement['fuel'] = 'diesel',
  extra: Partial<GateMovement> = {},
): GateMovement {
  return { creditCode: CODE_A, at: atMinute, direction: 'in', plate, vin: '', stage, fuel, goods: '水泥', tonnes: null, file: 'gate.csv', row: 2, ...extra };
}
