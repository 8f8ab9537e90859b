/**
 * The types of evidence before the visit (issue 16, GUIDE §1 core/evidence): meter points on production and
 * treatment equipment (分表计电), their readings as intervals of energy, the gate ledger's truck movements
 * (门禁电子台账, HJ 1321), the rules that read them, and the clues they give.
 *
 * A clue is not a finding: it says what the data suggests, why, and what to look at on site. Only an
 * inspector's record makes a violation.
 *
 * Time inside evidence is a WallMinute: minutes since 1970-01-01 00:00 on Beijing's wall clock. China has kept
 * UTC+8 without daylight saving since 1991, so a wall minute is an instant too, and 2.9 million readings fit in
 * typed arrays instead of objects.
 */
import type { Text } from '../../errors.js';
import type { CheckItem } from '../checklist.js';
import type { AlertLevel, RequiredMeasure } from '../model.js';

/** Minutes since 1970-01-01 00:00, Beijing wall clock. */
export type WallMinute = number;

export const POINT_KINDS = ['production', 'treatment', 'main'] as const;
/** production — a production line or device; treatment — pollution-control equipment; main — the incoming line. */
export type PointKind = (typeof POINT_KINDS)[number];

/** One monitoring point (监测点位): a meter on a device, a line or the incoming supply. */
export interface MeterPoint {
  id: string;
  creditCode: string;
  workshop: string;
  device: string;
  kind: PointKind;
  /** For a production point: the treatment points that serve it (many-to-many, from either file's side). */
  servedBy: string[];
  /** Rated power in kW (rated interval energy is converted by the reader); null → the baseline is learnt. */
  ratedKw: number | null;
  /** The on/off threshold in kW; null → the rule's share of the baseline. */
  onKw: number | null;
  /** Minutes a state must hold to count; null → the rule's. */
  holdMinutes: number | null;
  /** Where the point was read from, for messages. */
  file: string;
  row: number;
}

/**
 * A point's readings as intervals of energy, sorted by start and never overlapping: interval i runs from
 * start[i] for minutes[i] minutes and used kwh[i]. Gaps are time with no reading (a silent meter), never
 * filled in. Typed arrays: a fortnight of 15-minute readings for 500 points is 670,000 intervals.
 */
export interface PointSeries {
  pointId: string;
  /** The interval the meter reports at (15 for 96 a day, 60 for 24, 5 for 288). */
  nominalMinutes: number;
  start: Int32Array;
  minutes: Uint16Array;
  kwh: Float64Array;
}

/** Emission stage as HJ 1321 writes it: 0–6 for 国0–国6, d electric, x non-road machinery without a stage. */
export const EMISSION_STAGES = ['0', '1', '2', '3', '4', '5', '6', 'd', 'x'] as const;
export type EmissionStage = (typeof EMISSION_STAGES)[number];

export type Fuel = 'diesel' | 'gas' | 'petrol' | 'electric' | 'other';

/** One truck movement through an enterprise's gate (门禁电子台账). */
export interface GateMovement {
  creditCode: string;
  at: WallMinute;
  /** 进厂 / 出厂; null when the ledger does not say. */
  direction: 'in' | 'out' | null;
  plate: string;
  vin: string;
  stage: EmissionStage | null;
  fuel: Fuel | null;
  goods: string;
  tonnes: number | null;
  file: string;
  row: number;
}

/** The rules evidence is read by (data/rules `evidence:`), each with its parameters and its source. */
export interface EvidenceRules {
  /** Baseline learnt from readings before the alert (district platform rule). */
  baseline: { windowDays: number; floorKw: number; source: string };
  /** Production during a stop order: above onShare × baseline for longer than holdMinutes. */
  stop: { onShare: number; holdMinutes: number; source: string };
  /** A limit of r %: a day's production energy above (1 − r + tolerance) × the baseline day. */
  limit: { tolerance: number; source: string };
  /** 产治污不同步: production ≥ productionShare × baseline while its treatment < treatmentShare × its baseline. */
  treatmentOff: { productionShare: number; treatmentShare: number; holdMinutes: number; source: string };
  /** Night use above ratio × day use on an alert day (grid-side screening); night from..to in minutes after midnight. */
  night: { ratio: number; from: number; to: number; source: string };
  /** A point with no readings for at least minMinutes of the window: data missing, never a violation. */
  silent: { minMinutes: number; source: string };
  /** Trucks of this stage or below (for the fuels named) at the gate of a plant under the truck ban. */
  truck: { maxStage: number; fuels: Fuel[]; source: string };
}

/** How a point's baseline was found: the rated value given, or learnt from the readings before the alert. */
export interface Baseline {
  pointId: string;
  kw: number;
  by: 'rated' | 'learnt';
  /** Learnt: how many readings it was learnt from (after dropping those below the floor). */
  readings?: number;
}

/** A stretch of the alert at one level, with what each enterprise must do in it. */
export interface AlertSpan {
  level: AlertLevel;
  from: WallMinute;
  to: WallMinute;
  measures: ReadonlyMap<string, RequiredMeasure>;
}

export const CLUE_KINDS = ['production_during_stop', 'limit_not_reached', 'treatment_off', 'night_use', 'meter_silent', 'banned_truck'] as const;
export type ClueKind = (typeof CLUE_KINDS)[number];

/** What the data suggests about one enterprise, why, and what to look at on site. */
export interface Clue {
  /** Stable across runs on the same evidence: kind, enterprise, point or plate, the window's start. */
  id: string;
  kind: ClueKind;
  creditCode: string;
  /** The meter points it rests on (empty for a gate clue). */
  pointIds: string[];
  from: WallMinute;
  to: WallMinute;
  /** Whether the window reaches into the night round's hours: puts the plant on the --night round. */
  atNight: boolean;
  /** The figures, for people: "生产线 2# 02:15–05:30 平均 41 kW，基准 48 kW；停产令下应为 0". */
  says: Text;
  /** The figures for scripts (json): stable snake_case keys per kind. */
  figures: Record<string, number | string | null>;
  /** The evidence rule that raised it (a key of EvidenceRules) and that rule's source. */
  rule: keyof EvidenceRules;
  source: string;
  /** What to check on site, in plain words; ids `clue_<n>` are unique within the enterprise's checklist. */
  items: CheckItem[];
}

/** Why a refuted clue was wrong, as an inspector's note says it. */
export const REFUTE_CAUSES = ['meter_fault', 'maintenance', 'data_error', 'other'] as const;
export type RefuteCause = (typeof REFUTE_CAUSES)[number];

/** A clue as the inspector's record left it. */
export type ClueOutcome = { status: 'open' } | { status: 'confirmed' } | { status: 'refuted'; cause: RefuteCause };

/** The curve of one point for a clue's chart: average kW per interval over the chart's window. */
export interface ChartLine {
  pointId: string;
  label: string;
  kind: PointKind;
  /** null when the point has none (a silent meter's baseline could not be learnt): no baseline is drawn. */
  baselineKw: number | null;
  /** The level the order allows, in kW: 0 under a stop, (1 − r) × baseline under a limit; null when none. */
  orderedKw: number | null;
  /** Which order gave orderedKw, for its label ("停产令下应为 0", "限产 30%：≤ 34 kW"); absent when none. */
  orderedBy?: { action: 'stop' } | { action: 'limit'; pct: number };
  samples: { at: WallMinute; kw: number | null }[];
}

/** Everything a clue's small chart draws. */
export interface ClueChart {
  clueId: string;
  from: WallMinute;
  to: WallMinute;
  /** The alert's hours within the chart, shaded. */
  alert: { from: WallMinute; to: WallMinute }[];
  /** The clue's own window, marked. */
  window: { from: WallMinute; to: WallMinute };
  lines: ChartLine[];
}
