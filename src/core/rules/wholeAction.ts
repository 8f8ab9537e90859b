/**
 * The action of a measure text, read as a whole after its clauses: the strongest clause or the floor of the
 * unread words (strengthFloor.ts), then the rules only the whole text can apply (wholeText.ts, timeWindow.ts,
 * unitShare.ts), each named so that `measures --explain` can say which one decided. Order matters: a stop found
 * to keep production becomes the part that stops before a stop for part of the day becomes a limit.
 */
import type { Action } from '../model.js';
import type { ClauseReading } from './measureClause.js';
import { stronger, type StrengthFloor } from './strengthFloor.js';
import { limitByQuantity } from './shareGrammar.js';
import { timeWindowShare } from './timeWindow.js';
import { UNIT_WORDS, unitShare } from './unitShare.js';
import { coreStopped, keptOnlyWarm, keptProduction, plantStopped, runsOn, type KeptProduction, type WholeTextRule } from './wholeText.js';

/** "运行生产线不超过2条（共5条）", "8条流水线削减3条": a cap on the units that run, or units cut. */
const UNITS_CAPPED = new RegExp(
  `(?:生产线|产线|机台)(?:数量)?(?:减少|减)(?:一半|半数)|(?:仅|只)(?:\\d+|[一二两三四五六七八九十]+)${UNIT_WORDS}(?:运行|开|生产)|(?:(?:运行|开|启用|生产)[^,;。\\d]{0,6}?(?:不超过|不多于|最多)|只开|仅开|只用|仅用|(?<!不)开|削减|减少|压减|减为|减至|保留|仅留|只留)(?:\\d+|[一二两三四五六七八九十]+)${UNIT_WORDS}`,
);
const SUBJECTLESS_ALL = /^(?:[^,;。]{0,6}期间)?(?:全部|都|全)(?:停用|停运|停机|停止|停产|停掉)$/;
/** Units counted as they run or stop ("本厂饼干生产线3条，橙色开2条"): a partial stop, when the count works out. */
const UNITS_RUNNING = new RegExp(
  `(?:开|留|停|关|只用|仅用|仅运行|只运行)(?:(?:\\d+|[一二两三四五六七八九十]+)(?:(?:到|至|-|~)(?:\\d+|[一二两三四五六七八九十]+))?${UNIT_WORDS}|一半|半数)`,
);

export interface WholeAction {
  action: Action | null;
  /** The whole-text rule that set the action over what the clauses said, or null. */
  rule: WholeTextRule | null;
  /** The production a stop keeps, when that decided. */
  kept: KeptProduction | null;
  /** The share of time a stop for part of the day takes away (null: none said); undefined when no such stop. */
  window: number | null | undefined;
}

interface Grouped {
  text: string;
  reading: ClauseReading;
}

/**
 * `understood`: the strongest action of the clauses read; `floorAction`: the floor of the unread words;
 * `squeezed`: the normalised text with its spaces taken out (or made separators before "the rest").
 */
export function wholeAction(
  groups: readonly Grouped[],
  squeezed: string,
  understood: Action | null,
  floor: Pick<StrengthFloor, 'action' | 'generic'>,
): WholeAction {
  const plant = plantStopped(groups);
  // "自主减排……确保无组织排放受控": a single-character cut word beside a self-reduction orders no limit.
  const floorAction = understood === 'self' && floor.action === 'limit' && floor.generic ? null : floor.action;
  let action = stronger(plant ? 'stop' : understood, floorAction);
  let rule: WholeTextRule | null = plant && action === 'stop' && understood !== 'stop' ? plant : null;
  const core = action !== 'stop' ? coreStopped(squeezed) : null;
  if (core) [action, rule] = ['stop', core];
  // A stop that keeps some production running is the part that stops, or a limit by the share kept.
  const kept = action === 'stop' || (action === 'stop_part' && understood !== 'stop_part') ? keptProduction(squeezed) : null;
  if (kept) [action, rule] = [kept.action, kept.rule];
  // "溶剂型凹印线2条，预警期间全部停用，其他水性线正常": "all of them" stopping with no subject of its own, while
  // others produce, is the units named before it.
  if (action === 'stop' && groups.some((g) => g.reading.kind === 'stop' && SUBJECTLESS_ALL.test(g.text)) && runsOn(squeezed))
    [action, rule] = ['stop_part', null];
  // "4台窑炉保留1台保温，其余3台停产": what is kept is only kept warm.
  if (action === 'stop_part' && keptOnlyWarm(squeezed)) [action, rule] = ['stop', 'warmth_only'];
  // "运行生产线不超过2条（共5条）": a cap on the units that run is the others stopping.
  // Lines taking turns ("两条生产线轮流生产，同一时间只开一条") is a limit by time, not lines stopped.
  if (action === 'limit' && UNITS_CAPPED.test(squeezed) && !/轮流|轮换|交替/.test(squeezed) && unitShare(squeezed) !== null)
    [action, rule] = ['stop_part', 'units_capped'];
  if ((action === null || action === 'none') && UNITS_RUNNING.test(squeezed) && unitShare(squeezed) !== null) [action, rule] = ['stop_part', 'units_capped'];
  // "咱厂一天正常出三百吨饲料，橙色就做两百吨", "平时三班倒，橙色改一班": a quantity brought down from its normal,
  // said in no limit word, is a limit.
  if ((action === null || action === 'none') && limitByQuantity(squeezed) !== null) [action, rule] = ['limit', 'quantity_cut'];
  // "夜间0时至8时停产", "每周停产2天": a stop for part of the time is a limit by the time it takes away.
  const window = action === 'stop' || action === 'stop_part' ? timeWindowShare(squeezed) : undefined;
  if (window !== undefined) [action, rule] = ['limit', 'time_window'];
  // "限产100%", "停产百分之百": all of production is all of the plant.
  if (
    (action === 'limit' || action === 'stop_part') &&
    groups.some((g) => (g.reading.kind === 'limit' || g.reading.kind === 'stop_part') && g.reading.limitPct !== null && g.reading.limitPct >= 100)
  )
    [action, rule] = ['stop', 'all_of_production'];
  return { action, rule, kept, window };
}
