/**
 * An alert level as people write it. Notices and officers name a level by colour (橙色预警), by response
 * grade (Ⅱ级响应, 二级, 2级) or in English (orange); typed on a phone or copied from a notice the numerals
 * come full-width or as the Roman-numeral characters, which NFKC turns into ASCII (Ⅱ → "II"). One table
 * of forms serves both the parser and the list shown when a value is refused, so the two cannot drift.
 * Pure: no I/O, no commander. Labels for output stay in model.ts (LEVEL_ZH, LEVEL_RESPONSE_ZH).
 */
import { ALERT_LEVELS, LEVEL_RESPONSE_ZH, LEVEL_ZH, type AlertLevel } from './model.js';
import type { Text } from '../errors.js';

/** The grade numerals: yellow is the level-three response, red the level-one. */
const NUMERALS: Record<AlertLevel, { zh: string; digit: string; roman: string }> = {
  yellow: { zh: '三', digit: '3', roman: 'Ⅲ' },
  orange: { zh: '二', digit: '2', roman: 'Ⅱ' },
  red: { zh: '一', digit: '1', roman: 'Ⅰ' },
};

/** The forms shown to people, per level (each also accepted). */
function shownForms(level: AlertLevel): string[] {
  const colour = LEVEL_ZH[level]; // 黄色
  const n = NUMERALS[level];
  return [level, colour.slice(0, 1), colour, `${colour}预警`, `${n.zh}级`, `${n.digit}级`, `${n.roman}级`, LEVEL_RESPONSE_ZH[level]];
}

/** Every accepted form: the shown ones, any 级 form with 响应, and the bare Roman numeral. */
function acceptedForms(level: AlertLevel): string[] {
  const n = NUMERALS[level];
  return [...shownForms(level), ...[n.zh, n.digit, n.roman].map((x) => `${x}级响应`), n.roman];
}

/** NFKC (full-width → ASCII, Ⅲ → III, （ → (), lower case, no white space ("III 级", "黄色 预警"). */
function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

const BY_FORM: ReadonlyMap<string, AlertLevel> = new Map(ALERT_LEVELS.flatMap((l) => acceptedForms(l).map((f) => [normalise(f), l] as const)));

/**
 * The level a text names, or null. Also takes the colour-and-grade form haze itself prints,
 * "橙色（Ⅱ级响应）", when both halves name the same level.
 */
export function parseAlertLevel(input: string): AlertLevel | null {
  const s = normalise(input);
  const pair = /^(.+)\((.+)\)$/u.exec(s);
  if (pair) {
    const a = BY_FORM.get(pair[1]!);
    return a !== undefined && a === BY_FORM.get(pair[2]!) ? a : null;
  }
  return BY_FORM.get(s) ?? null;
}

/** The accepted forms, for messages that refuse a value. */
export const LEVEL_FORMS: Text = {
  zh: `${ALERT_LEVELS.map((l) => `${LEVEL_ZH[l]}：${shownForms(l).join('、')}`).join('；')}（Ⅲ 也可写作 III，"级"后可加"响应"）`,
  en: `${ALERT_LEVELS.map((l) => `${l} (${shownForms(l).slice(1).join(', ')})`).join(', ')}; Ⅲ may be written III, and any 级 form may end in 响应`,
};
