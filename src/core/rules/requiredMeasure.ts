/**
 * What an enterprise must do at a level. Precedence: the enterprise's own measure text (一厂一策) → the
 * industry rule → the grade default. The text is kept as written; what haze could not read is flagged;
 * a text weaker than the guidance for its grade and industry is kept and reported. The level's
 * cross-cutting measures (truck users, VOC plants …) are added on top.
 */
import { CODE } from '../../errors.js';
import { LEVEL_ZH, type AlertLevel, type Enterprise, type LevelRule, type RequiredMeasure } from '../model.js';
import { parseMeasureText, type ParsedMeasure } from './measureText.js';
import { crossCuttingApplies, crossCuttingFor, ruleFor, type RuleTable } from './ruleTable.js';
import { ruleBasis } from './ruleWords.js';
import { shortfalls, type MeasureWarning } from './strictness.js';
import { becauseOfText, byRule, NOTHING } from './measureBecause.js';
import { WHOLE_TEXT_RULES } from './wholeText.js';
import { quoted } from '../ownWords.js';

/** How a rule's measure is written for people when the rule gives no text of its own. */
export function describeLevelRule(r: LevelRule, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return describeLevelRuleEn(r);
  const parts: string[] = [];
  switch (r.action) {
    case 'stop':
      parts.push('停产');
      break;
    case 'stop_part':
      parts.push(r.limitPct !== null ? `停止${r.limitPct}%生产线` : '停止部分生产线');
      break;
    case 'limit':
      parts.push(r.limitPct !== null ? `限产${r.limitPct}%` : '限产');
      break;
    case 'self':
      parts.push('自主减排');
      break;
    case 'exempt':
      parts.push('保障类，不停产不限产');
      break;
    case 'none':
      break;
  }
  if (r.roadTransportBan) parts.push('停止公路运输');
  else if (r.truckBan) parts.push('停止使用国四及以下重型柴油车运输');
  return parts.length > 0 ? parts.join('；') : '无';
}

function describeLevelRuleEn(r: LevelRule): string {
  const parts: string[] = [];
  switch (r.action) {
    case 'stop':
      parts.push('stop production');
      break;
    case 'stop_part':
      parts.push(r.limitPct !== null ? `stop ${r.limitPct}% of the production lines` : 'stop some production lines');
      break;
    case 'limit':
      parts.push(r.limitPct !== null ? `limit output by ${r.limitPct}%` : 'limit output');
      break;
    case 'self':
      parts.push('self-managed reduction');
      break;
    case 'exempt':
      parts.push('essential: neither stopped nor limited');
      break;
    case 'none':
      break;
  }
  if (r.roadTransportBan) parts.push('no road transport');
  else if (r.truckBan) parts.push('no heavy diesel trucks of China IV or below');
  return parts.length > 0 ? parts.join('; ') : 'none';
}

/** A rule's text for people in English: its own `text_en`, else its words from the action. */
const ruleTextEn = (r: LevelRule): string => r.textEn ?? describeLevelRuleEn(r);

type Core = Omit<RequiredMeasure, 'creditCode' | 'level' | 'extra'>;

/** A rule filled every part it gives. */
const ruleBecause = (id: string, r: { limitPct: number | null; truckBan: boolean; action: string }) => ({
  action: byRule(id),
  share: r.limitPct !== null || r.action === 'stop' ? byRule(id) : NOTHING,
  truckBan: r.truckBan ? byRule(id) : NOTHING,
});

/** The clause kinds that ban an activity rather than set production: each becomes a check item. */
const BAN_KINDS: ReadonlySet<string> = new Set(['activity_ban', 'voc_no_venting', 'no_outdoor_spraying', 'non_road_ban']);
const bansOf = (parsed: ParsedMeasure): string[] => parsed.clauses.filter((c) => BAN_KINDS.has(c.kind)).map((c) => c.text);

/**
 * parseMeasureText once a text: a list repeats a few dozen texts over its grades and industries (the memo
 * below tells those apart), and each reading is costly while the parser is not yet warm. What it gives is
 * never changed by its readers, so one reading serves every enterprise with the text.
 */
const PARSED = new Map<string, ParsedMeasure>();
const PARSED_MAX = 5000;

function parsedText(text: string, level: AlertLevel): ParsedMeasure {
  const key = `${level}\u0000${text}`;
  let parsed = PARSED.get(key);
  if (!parsed) {
    parsed = parseMeasureText(text, level);
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    PARSED.set(key, parsed);
  }
  return parsed;
}

/**
 * A cell that gives several levels is read for this one: say so, with the part taken. A cell that names other
 * levels but not this one ("黄色：限产20%；红色：停产" at orange) is read whole, at its strictest: say that too.
 */
function levelWarnings(parsed: ParsedMeasure, level: AlertLevel): MeasureWarning[] {
  if (parsed.levelPart === null) {
    const others = parsed.levelsNamed;
    if (others.length === 0 || others.includes(level)) return [];
    return [
      {
        code: CODE.HAZE_MEASURE_LEVELS,
        zh: `措施文本只写了${others.map((l) => LEVEL_ZH[l]).join('、')}预警的措施，没有写${LEVEL_ZH[level]}预警的；按全文从严执行，请核对清单`,
        en: `the measure text names only the ${others.join(' and ')} alert level${others.length > 1 ? 's' : ''}, not ${level}; it is read whole, at its strictest: check the list`,
      },
    ];
  }
  return [
    {
      code: CODE.HAZE_MEASURE_LEVELS,
      zh: `措施文本写了几个预警级别，按${LEVEL_ZH[level]}预警的部分执行：${parsed.levelPart}`,
      en: `the measure text gives several alert levels; the ${level} part applies: ${parsed.levelPart}`,
    },
  ];
}

/** A rule named in a message by what it rests on, not by its id (ruleWords.ts). */
const basisOf = (id: string, table: RuleTable) => ({ zh: ruleBasis(id, table, 'zh'), en: ruleBasis(id, table, 'en') });

export function requiredMeasure(e: Enterprise, level: AlertLevel, table: RuleTable): RequiredMeasure {
  const m = measureFromTextOrRule(e, level, table);
  const extras = crossCuttingFor(e, level, table);
  return {
    creditCode: e.creditCode,
    level,
    ...m,
    // A whole-plant stop stops all of production, however the text or rule put it.
    limitPct: m.action === 'stop' ? 100 : m.limitPct,
    truckBan: m.truckBan || extras.some((x) => x.truckBan),
    because:
      m.truckBan || !extras.some((x) => x.truckBan)
        ? m.because
        : { ...m.because, truckBan: { by: 'cross_cutting', words: null, rule: extras.find((x) => x.truckBan)!.id } },
    extra: extras.map((x) => ({ id: x.id, text: x.text, ...(x.textEn ? { textEn: x.textEn } : {}), source: x.source })),
  };
}

function measureFromTextOrRule(e: Enterprise, level: AlertLevel, table: RuleTable): Core {
  const rule = ruleFor(e, level, table);
  const cell = e.measureText[level].trim();
  if (cell !== '') {
    const parsed = parsedText(cell, level);
    // The words that apply: the grade's part of a cell that copies every grade's, or the level's part of a
    // cell that gives several.
    const own = parsed.gradePart ?? parsed.levelPart ?? cell;
    // Any clause haze understood means the list has spoken for this level: a text with only a truck ban
    // or a no-venting rule asks for no production measure, and the grade default must not add one.
    if (parsed.action !== null || parsed.spoken) {
      const action = parsed.action ?? 'none';
      const warnings = [
        ...levelWarnings(parsed, level),
        ...(rule
          ? shortfalls({ action, limitPct: parsed.limitPct, truckBan: parsed.truckBan }, rule, basisOf(rule.ruleId, table), {
              exemptAllowed: e.grade === '保障类' || e.gradeTags.includes('民生豁免'),
              compare: rule.guidance,
            })
          : []),
      ];
      if (parsed.uninterpreted.length > 0) {
        // Read as a whole (wholeText.ts): say how, so the officer can check the reading against the words.
        const whole = parsed.wholeText ? WHOLE_TEXT_RULES[parsed.wholeText] : null;
        warnings.push({
          code: CODE.HAZE_MEASURE_UNREAD,
          zh: `措施文本有无法逐句识别的部分：${parsed.uninterpreted.join('；')}${whole ? `；按全文理解（${parsed.wholeText}）：${whole.zh}` : ''}`,
          en: `part of the measure text could not be read clause by clause: ${parsed.uninterpreted.map(quoted).join('; ')}${whole ? `; read as a whole (${parsed.wholeText}): ${whole.en}` : ''}`,
        });
      }
      return {
        action,
        limitPct: parsed.limitPct,
        processes: parsed.processes,
        truckBan: parsed.truckBan,
        text: own,
        source: 'enterprise',
        uninterpreted: parsed.uninterpreted,
        bans: bansOf(parsed),
        because: becauseOfText(parsed, action, parsed.limitPct, parsed.truckBan),
        warnings,
      };
    }
    // Nothing in the text says what to do: the rule decides, and the unreadable text is kept and flagged.
    if (rule) {
      return {
        action: rule.action,
        limitPct: rule.limitPct,
        processes: [],
        truckBan: rule.truckBan,
        text: own,
        source: rule.ruleId,
        uninterpreted: parsed.uninterpreted,
        bans: bansOf(parsed),
        because: ruleBecause(rule.ruleId, rule),
        warnings: [
          ...levelWarnings(parsed, level),
          parsed.defers && parsed.uninterpreted.length === 0
            ? {
                code: CODE.HAZE_MEASURE_DEFERS,
                zh: `措施文本只写「${own}」，按规则执行：${rule.text ?? describeLevelRule(rule)}（依据：${basisOf(rule.ruleId, table).zh}）`,
                en: `the measure text only says "${own}"; the rule for ${basisOf(rule.ruleId, table).en} applies: ${ruleTextEn(rule)}`,
              }
            : {
                code: CODE.HAZE_MEASURE_UNREAD,
                zh: `措施文本无法识别，按规则执行：${rule.text ?? describeLevelRule(rule)}（依据：${basisOf(rule.ruleId, table).zh}）`,
                en: `the measure text could not be read; the rule for ${basisOf(rule.ruleId, table).en} applies: ${ruleTextEn(rule)}`,
              },
        ],
      };
    }
  }
  if (rule) {
    return {
      action: rule.action,
      limitPct: rule.limitPct,
      processes: [],
      truckBan: rule.truckBan,
      text: rule.text ?? describeLevelRule(rule),
      textEn: ruleTextEn(rule),
      source: rule.ruleId,
      uninterpreted: [],
      bans: [],
      because: ruleBecause(rule.ruleId, rule),
      warnings: [],
    };
  }
  return {
    action: 'none',
    limitPct: null,
    processes: [],
    truckBan: false,
    text: cell || '无',
    ...(cell ? {} : { textEn: 'none' }),
    source: 'none',
    uninterpreted: cell ? [cell] : [],
    bans: [],
    because: { action: NOTHING, share: NOTHING, truckBan: NOTHING },
    warnings: cell
      ? [{ code: CODE.HAZE_MEASURE_UNREAD, zh: '措施文本无法识别，且无适用规则', en: 'the measure text could not be read and no rule applies' }]
      : [],
  };
}

/**
 * requiredMeasure over a whole list. A province list repeats a few dozen measure texts over 100,000 rows,
 * and the result depends only on the level's own text, the grade and its tags, the industry and which
 * cross-cutting rules apply: equal inputs are worked out once. (Should requiredMeasure come to read
 * another field of the enterprise, it belongs in the key.) The key is a path of nested maps over strings
 * the list reader already holds, so no key string is built per call.
 */
export function requiredMeasureMemo(table: RuleTable, opts: { sharedCode?: boolean } = {}): (e: Enterprise, level: AlertLevel) => RequiredMeasure {
  type Node = Map<string | number, unknown>;
  const root: Node = new Map();
  const child = (node: Node, key: string | number): Node => {
    let next = node.get(key) as Node | undefined;
    if (!next) node.set(key, (next = new Map()));
    return next;
  };
  return (e, level) => {
    // Which cross-cutting rules apply, as a bit set (their ids joined, should a table ever have over 30).
    const rules = table.crossCutting;
    let cross: number | string = rules.length <= 30 ? 0 : '';
    for (let i = 0; i < rules.length; i++) {
      if (!crossCuttingApplies(rules[i]!, e, level)) continue;
      cross = typeof cross === 'number' ? cross | (1 << i) : `${cross}${rules[i]!.id},`;
    }
    const node = child(child(child(child(child(root, level), e.measureText[level]), e.grade), e.industry), e.gradeTags.length > 0 ? e.gradeTags.join(',') : '');
    let m = node.get(cross) as RequiredMeasure | undefined;
    if (!m) {
      m = requiredMeasure(e, level, table);
      node.set(cross, m);
    }
    // sharedCode: the caller reads no creditCode off the result (validate), so the copy is saved.
    return opts.sharedCode || m.creditCode === e.creditCode ? m : { ...m, creditCode: e.creditCode };
  };
}
