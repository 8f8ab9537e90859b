/**
 * Is an enterprise's own measure as strict as the guidance for its grade and industry? The list's text is
 * kept either way (it is the enterprise's approved 一厂一策); a weaker one is reported so that an officer
 * can take it up (domain.md §3: D grade must stop, C grade stops lines, B grade limits).
 */
import { CODE, type Text } from '../../errors.js';
import { ACTION_ZH, type Action, type LevelRule } from '../model.js';

/** What a measure can be warned about: problem codes, as haze validate reports them. */
export type MeasureWarningCode =
  | typeof CODE.HAZE_MEASURE_WEAKER
  | typeof CODE.HAZE_MEASURE_NO_TRUCK_BAN
  | typeof CODE.HAZE_MEASURE_UNREAD
  | typeof CODE.HAZE_MEASURE_DEFERS
  | typeof CODE.HAZE_MEASURE_LEVELS;

export interface MeasureWarning extends Text {
  code: MeasureWarningCode;
}

export interface MeasureStrength {
  action: Action;
  limitPct: number | null;
  truckBan: boolean;
}

/** The share of production a measure takes away, in percent; null when the text does not say. */
export function reductionShare(m: Pick<MeasureStrength, 'action' | 'limitPct'>): number | null {
  switch (m.action) {
    case 'stop':
      return 100;
    case 'stop_part':
    case 'limit':
      return m.limitPct;
    default:
      return 0;
  }
}

const RANK: Record<Action, number> = { stop: 3, stop_part: 2, limit: 1, self: 0, exempt: 0, none: 0 };

/**
 * The ways `own` falls short of `guidance`, in words for people (empty when it does not). An exemption is
 * accepted where the list grants one (保障类, or a 民生豁免 tag): that is the list's decision to make.
 */
export function shortfalls(
  own: MeasureStrength,
  guidance: LevelRule,
  /** What the rule rests on, in words (ruleWords.ts: ruleBasis). */
  basis: { zh: string; en: string },
  opts: { exemptAllowed: boolean; compare: 'full' | 'action' | 'none' },
): MeasureWarning[] {
  const out: MeasureWarning[] = [];
  if (opts.compare === 'none' || (own.action === 'exempt' && opts.exemptAllowed)) return out;
  if (opts.compare === 'action') {
    if (RANK[own.action] < RANK[guidance.action]) {
      out.push({
        code: CODE.HAZE_MEASURE_WEAKER,
        zh: `弱于指导要求：应${ACTION_ZH[guidance.action]}（依据：${basis.zh}），清单为${ACTION_ZH[own.action]}`,
        en: `weaker than the guidance: ${guidance.action} (rule for ${basis.en}), the list says ${own.action}`,
      });
    }
    return out;
  }
  const ownShare = reductionShare(own);
  const wanted = reductionShare(guidance);
  const share = (m: Pick<MeasureStrength, 'action' | 'limitPct'>) => (m.action !== 'stop' && m.limitPct !== null ? ` ${m.limitPct}%` : '');
  const weaker =
    (guidance.action === 'stop' && own.action !== 'stop') ||
    (wanted !== null && wanted > 0 && ownShare !== null && ownShare < wanted) ||
    (RANK[guidance.action] > 0 && RANK[own.action] === 0);
  if (weaker) {
    out.push({
      code: CODE.HAZE_MEASURE_WEAKER,
      zh: `弱于指导要求：应${ACTION_ZH[guidance.action]}${share(guidance)}（依据：${basis.zh}），清单为${ACTION_ZH[own.action]}${share(own)}`,
      en: `weaker than the guidance: ${guidance.action}${share(guidance)} (rule for ${basis.en}), the list says ${own.action}${share(own)}`,
    });
  }
  if (guidance.truckBan && !own.truckBan) {
    out.push({
      code: CODE.HAZE_MEASURE_NO_TRUCK_BAN,
      zh: `缺少货车管控：应停止使用国四及以下重型柴油车运输（依据：${basis.zh}）`,
      en: `no truck ban: 国四-and-below heavy diesel trucks should stop (rule for ${basis.en})`,
    });
  }
  return out;
}
