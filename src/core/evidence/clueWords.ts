/**
 * Clues and evidence rules in people's words: a clue's kind as the table, the checklist and the report say it,
 * and each rule by what it checks rather than by its key in the rule file.
 */
import type { Text } from '../../errors.js';
import type { ClueKind, EvidenceRules } from './model.js';

export const CLUE_KIND_WORDS: Record<ClueKind, Text> = {
  production_during_stop: { zh: '停产期间生产', en: 'production during stop' },
  limit_not_reached: { zh: '限产未达标', en: 'limit not reached' },
  treatment_off: { zh: '产治污不同步', en: 'treatment off while producing' },
  night_use: { zh: '夜间用电异常', en: 'unusual night use' },
  meter_silent: { zh: '数据缺失', en: 'data missing' },
  banned_truck: { zh: '门禁违规车辆', en: 'banned truck at the gate' },
};

export const EVIDENCE_RULE_WORDS: Record<keyof EvidenceRules, Text> = {
  baseline: { zh: '基准用电：额定值，或预警前读数求得', en: 'baseline: the rated value, or learnt from the readings before the alert' },
  stop: { zh: '停产令下生产线用电超过开机阈值并持续', en: 'under a stop order, a production line above its on threshold for longer than its hold time' },
  limit: { zh: '限产令下日生产用电超过允许比例', en: "under a limit order, a day's production energy above the share allowed" },
  treatmentOff: { zh: '生产时对应的治污设施用电过低（产治污不同步）', en: 'treatment equipment nearly off while its production runs' },
  night: { zh: '预警日夜间用电超过白天的倍数', en: "on an alert day, night use above a multiple of the day's" },
  silent: { zh: '点位在窗口内无读数', en: 'no readings from the point over part of the window' },
  truck: { zh: '禁行排放阶段的货车进出管控企业', en: 'a truck of a banned emission stage at the gate of a plant under the truck ban' },
};

export function clueKindWord(kind: ClueKind, lang: 'zh' | 'en'): string {
  return CLUE_KIND_WORDS[kind][lang];
}
