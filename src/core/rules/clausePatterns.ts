/**
 * What the readers of a clause share (measureClause.ts): the reading they return, and the pattern pieces that
 * more than one family of readers is built from, so that a subject, a share or a bound is written one way for all.
 * A piece only one family uses stays with that family.
 */
import { NUMBER_SRC, SHARE_SRC } from './chineseNumber.js';

export type ClauseKind =
  | 'stop'
  | 'stop_part'
  | 'limit'
  | 'self'
  | 'exempt'
  | 'none'
  | 'truck_ban'
  | 'road_transport_ban'
  | 'non_road_ban'
  | 'voc_no_venting'
  | 'no_outdoor_spraying'
  | 'heat_based'
  | 'activity_ban'
  | 'defers'
  | 'other';

export interface ClauseReading {
  kind: ClauseKind;
  /** Share limited or stopped, percent; 100 for a whole-plant stop; null when the clause states none. */
  limitPct: number | null;
  /** Named lines / processes / equipment that must stop (stop_part only). */
  processes: string[];
}

export const reading = (kind: ClauseKind, limitPct: number | null = null, processes: string[] = []): ClauseReading => ({
  kind,
  limitPct,
  processes,
});

export const SUBJ = String.raw`([^,;。、]{0,20}?)`;
export const TRUCK_PFX = String.raw`(?:用车大户|重点用车企业|企业|全厂|厂区内|厂区|厂内|运输车辆|进出车辆|(?:大宗)?物料运输|原辅材料和产品运输|原料和产品运输|原辅料及产品|产品运输)?`;
export const NOTE = String.raw`(?:\([^()]*\))?`;
export const BOUND = String.raw`(?:及以下|以下|以内|之内)?`;
export const SHARE = `(${SHARE_SRC})`;
export const COUNT = `(${NUMBER_SRC})`;
export const CAP_AT = '(?:控制在|降至|降低到|降低至|降到|减至|压减至|压减到|不超过|不高于|限制在|限至|限制至|限制到|调整为|调整至)';

export const re = (src: string): RegExp => new RegExp(`^${src}$`, 'i');

export type Reader = (t: string) => ClauseReading | null;
