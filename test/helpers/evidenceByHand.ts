/**
 * Evidence made by hand for the chart's tests (the checks are another part's): points, 15-minute series
 * from a function of time, an alert span with one measure, and clues, all on Beijing wall minutes.
 */
import type { EvidenceCheck, EvidenceInput } from '../../src/core/evidence/checkEvidence.js';
import { UNSET_EVIDENCE_RULES } from '../../src/core/evidence/evidenceRules.js';
import type { AlertSpan, Baseline, Clue, ClueKind, MeterPoint, PointKind, PointSeries, WallMinute } from '../../src/core/evidence/model.js';
import type { Action, RequiredMeasure } from '../../src/core/model.js';
import { toWallMinute } from '../../src/core/time.js';

export const at = (date: string, clock: string): WallMinute => {
  const [h, m] = clock.split(':').map(Number);
  return toWallMinute({ date, minutes: h! * 60 + m! });
};

export const CODE = '91320000MA1XXXXX0A';

export function point(id: string, kind: PointKind, device: string, workshop = '一车间'): MeterPoint {
  return { id, creditCode: CODE, workshop, device, kind, servedBy: [], ratedKw: null, onKw: null, holdMinutes: null, file: 'points.csv', row: 2 };
}

/** 15-minute readings from..to of kw(t) (null → no reading: a gap). */
export function series(pointId: string, from: WallMinute, to: WallMinute, kw: (t: WallMinute) => number | null, step = 15): PointSeries {
  const start: number[] = [];
  const kwh: number[] = [];
  for (let t = from; t < to; t += step) {
    const k = kw(t);
    if (k === null) continue;
    start.push(t);
    kwh.push((k * step) / 60);
  }
  return { pointId, nominalMinutes: step, start: Int32Array.from(start), minutes: Uint16Array.from(start.map(() => step)), kwh: Float64Array.from(kwh) };
}

export function measure(action: Action, limitPct: number | null = null, processes: string[] = []): RequiredMeasure {
  const none = { by: 'none' as const, words: null, rule: null };
  return {
    creditCode: CODE,
    level: 'orange',
    action,
    limitPct,
    processes,
    truckBan: false,
    text: '',
    source: 'test',
    uninterpreted: [],
    bans: [],
    because: { action: none, share: none, truckBan: none },
    warnings: [],
    extra: [],
  };
}

export function span(from: WallMinute, to: WallMinute, m: RequiredMeasure): AlertSpan {
  return { level: 'orange', from, to, measures: new Map([[CODE, m]]) };
}

export function clue(kind: ClueKind, pointIds: string[], from: WallMinute, to: WallMinute): Clue {
  return {
    id: `${kind}:${CODE}:${pointIds.join('+')}:${from}`,
    kind,
    creditCode: CODE,
    pointIds,
    from,
    to,
    atNight: false,
    says: { zh: '生产线 2# 02:15–05:30 平均 41 kW，基准 48 kW；停产令下应为 0', en: 'line 2# 02:15–05:30 averaged 41 kW' },
    figures: {},
    rule: 'stop',
    source: 'test',
    items: [],
  };
}

export function input(points: MeterPoint[], all: PointSeries[], spans: AlertSpan[], upTo: WallMinute): EvidenceInput {
  return {
    points,
    series: new Map(all.map((s) => [s.pointId, s])),
    gate: [],
    spans,
    truckTrips: new Map(),
    rules: UNSET_EVIDENCE_RULES,
    upTo,
    nightRound: null,
  };
}

export function checked(baselines: Record<string, number>, clues: Clue[] = []): EvidenceCheck {
  const m = new Map<string, Baseline>(Object.entries(baselines).map(([pointId, kw]) => [pointId, { pointId, kw, by: 'rated' }]));
  return { clues, baselines: m, problems: [] };
}
