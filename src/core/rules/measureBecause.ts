/**
 * Why a measure reads as it does (`haze measures --explain`, and the JSON): for the action, the share and the
 * truck ban, the words of the enterprise's text that gave it (a clause read whole, or the unread words that
 * set its floor), or the rule or cross-cutting measure that filled it.
 */
import type { Because, MeasureBecause } from '../model.js';
import type { ClauseKind, ParsedMeasure } from './measureText.js';
import { WHOLE_TEXT_RULES, type WholeTextRule } from './wholeText.js';

const ACTION_KINDS: Record<string, readonly ClauseKind[]> = {
  stop: ['stop'],
  stop_part: ['stop_part'],
  limit: ['limit'],
  self: ['self'],
  exempt: ['exempt', 'heat_based'],
  none: ['none', 'truck_ban', 'road_transport_ban', 'non_road_ban', 'voc_no_venting', 'no_outdoor_spraying', 'activity_ban'],
};

export const NOTHING: Because = { by: 'none', words: null, rule: null };
const text = (words: string): Because => ({ by: 'text', words, rule: null });
const unread = (words: string): Because => ({ by: 'unread', words, rule: null });
export const byRule = (rule: string): Because => ({ by: 'rule', words: null, rule });

/** What gave each part of a reading of the enterprise's own text. */
export function becauseOfText(parsed: ParsedMeasure, action: string, limitPct: number | null, truckBan: boolean): MeasureBecause {
  const clauseFor = (kinds: readonly ClauseKind[]) => parsed.clauses.find((c) => c.interpreted && kinds.includes(c.kind))?.text;
  const fromClause = clauseFor(ACTION_KINDS[action] ?? []);
  const actionBecause =
    parsed.wholeText !== null && parsed.action === action
      ? { by: 'whole_text' as const, words: parsed.clauses.map((c) => c.text).join('；'), rule: parsed.wholeText }
      : fromClause !== undefined
        ? text(fromClause)
        : parsed.floor.actionFrom !== null
          ? unread(parsed.floor.actionFrom)
          : NOTHING;
  let share: Because = NOTHING;
  if (action === 'stop') share = actionBecause;
  else if (limitPct !== null) {
    // The clause that states this very share; else the whole text worked it out (units counted, a rest limited).
    const withShare = parsed.clauses.find((c) => c.interpreted && (c.kind === 'limit' || c.kind === 'stop_part') && c.limitPct === limitPct);
    share =
      withShare && actionBecause.by !== 'whole_text'
        ? text(withShare.text)
        : actionBecause.by === 'whole_text'
          ? actionBecause
          : { by: 'whole_text', words: parsed.clauses.map((c) => c.text).join('；'), rule: 'share_of_whole' };
  }
  const truckClause = clauseFor(['truck_ban', 'road_transport_ban']);
  const truck = !truckBan
    ? NOTHING
    : truckClause !== undefined
      ? text(truckClause)
      : parsed.floor.truckFrom !== null
        ? unread(parsed.floor.truckFrom)
        : NOTHING;
  return { action: actionBecause, share, truckBan: truck };
}

/**
 * "文本「停产」", "规则 grade-C": one part's reason in words, for a table or CSV. `ruleWords`, when given,
 * names a rule by its words instead of its id (a table for people: ruleWords.ts).
 */
export function describeBecause(b: Because, lang: 'zh' | 'en', ruleWords?: (id: string) => string): string | null {
  switch (b.by) {
    case 'text':
      return lang === 'zh' ? `文本「${b.words}」` : `text "${b.words}"`;
    case 'unread':
      return lang === 'zh' ? `未识别部分「${b.words}」中的用词` : `the words of the unread part "${b.words}"`;
    case 'whole_text': {
      const rule = WHOLE_TEXT_RULES[b.rule as WholeTextRule];
      return lang === 'zh' ? `全文（${b.rule}）：${rule?.zh ?? ''}` : `the whole text (${b.rule}): ${rule?.en ?? ''}`;
    }
    case 'rule':
      if (ruleWords && b.rule) return ruleWords(b.rule);
      return lang === 'zh' ? `规则 ${b.rule}` : `rule ${b.rule}`;
    case 'cross_cutting':
      if (ruleWords && b.rule) return ruleWords(b.rule);
      return lang === 'zh' ? `通用措施 ${b.rule}` : `cross-cutting measure ${b.rule}`;
    default:
      return null;
  }
}
