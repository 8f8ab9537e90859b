/** A clue's kind in a person's words: tables, checklists, the report. Scripts get the code itself. */
import type { ClueKind } from './model.js';

export const CLUE_KIND_WORDS: Record<ClueKind, { zh: string; en: string }> = {
  production_during_stop: { zh: '停产期间生产', en: 'production during a stop' },
  limit_not_reached: { zh: '限产未达标', en: 'limit not reached' },
  treatment_off: { zh: '产治污不同步', en: 'treatment off while producing' },
  night_use: { zh: '夜间用电异常', en: 'unusual night use' },
  meter_silent: { zh: '数据缺失', en: 'data missing' },
  banned_truck: { zh: '门禁违规车辆', en: 'banned truck on the gate record' },
};

export function clueKindWord(kind: ClueKind, lang: 'zh' | 'en'): string {
  return CLUE_KIND_WORDS[kind][lang];
}
