/**
 * The notice the town sends each enterprise when an alert starts or changes: the level and since when,
 * what this enterprise must do, that the 一厂一策 board must show it, and whom to call.
 */
import { parseMeasureText } from './rules/measureText.js';
import { LEVEL_EN, LEVEL_RESPONSE_ZH, LEVEL_ZH, levelHeading, type AlertLevel, type Enterprise, type RequiredMeasure } from './model.js';
import { extraTextIn, quoted } from './ownWords.js';
import type { Lang } from './problem.js';
import { formatWallTime, type WallTime } from './time.js';

export interface NoticeContext {
  town: string;
  level: AlertLevel;
  /** When the level took effect; null when unknown (the notice then says 即日起). */
  from: WallTime | null;
  doc: string | null;
  contact: { name: string; phone: string };
}

/** 2019-12-08 14:00 → 2019年12月8日14时 (14时30分 when there are minutes): how notices write times. */
export function chineseTime(t: WallTime): string {
  const [y, m, d] = t.date.split('-').map(Number);
  const h = Math.floor(t.minutes / 60);
  const min = t.minutes % 60;
  return `${y}年${m}月${d}日${h}时${min > 0 ? `${min}分` : ''}`;
}

/** Whether an enterprise gets a notice at all: it has something to do at this level. */
export function needsNotice(m: RequiredMeasure): boolean {
  return m.action !== 'none' || m.truckBan || m.extra.length > 0;
}

/**
 * The text without the clauses that only say the plant is exempt ("保障类不停产", "不停产不限产"), read by the
 * measure parser itself: the notice says that once, in its own words.
 */
function withoutExemption(text: string): string {
  return parseMeasureText(text)
    .clauses.filter((c) => c.kind !== 'exempt' && c.kind !== 'none')
    .map((c) => c.text)
    .join('；');
}

/**
 * What this enterprise must do at the level, in the notice's words ("贵单位须执行：…"); null when it has nothing
 * to do (needsNotice). The notice and the findings circular both say it through here, so they always agree.
 */
export function noticeDuty(m: RequiredMeasure): string | null {
  if (!needsNotice(m)) return null;
  const own = m.action === 'exempt' ? withoutExemption(m.text) : m.text;
  const duties = [own, ...m.extra.map((x) => x.text)].filter((x) => x && x !== '无');
  return m.action !== 'exempt'
    ? `贵单位须执行：${duties.join('；')}`
    : duties.length > 0
      ? `贵单位属保障类，不停产不限产，但须执行：${duties.join('；')}`
      : '贵单位属保障类，不停产不限产';
}

/** What every enterprise keeps doing while an alert is in force, whatever its own measure (the notice and the circular say it). */
export function standingDuties(level: AlertLevel, lang: Lang = 'zh'): string {
  if (lang === 'en') {
    return `Post the current alert level (${LEVEL_EN[level]}) and your reduction measures on the measure board, keep exhaust treatment running, and log production, pollution control and vehicles in and out truthfully.`;
  }
  return `请在一厂一策公示牌上公示当前预警级别（${LEVEL_ZH[level]}）和本企业减排措施，确保废气治理设施正常运行，如实记录生产、治污和车辆进出台账。`;
}

/**
 * The notice in a language. The Chinese one is what enterprises are sent; the English one tells an English
 * reader the same, the enterprise's own measure quoted as written.
 */
export function noticeText(e: Enterprise, m: RequiredMeasure, c: NoticeContext, lang: Lang = 'zh'): string {
  if (lang === 'en') return noticeInEnglish(e, m, c);
  const since = c.from ? `自${chineseTime(c.from)}起` : '即日起';
  const basis = c.doc ? `根据${c.doc}，` : '';
  return [
    `${e.name}：`,
    `${basis}${since}${c.town}启动重污染天气${LEVEL_ZH[c.level]}预警（${LEVEL_RESPONSE_ZH[c.level]}）。`,
    `${noticeDuty(m) ?? '贵单位须执行：'}。`,
    standingDuties(c.level),
    `镇巡查组将到现场检查。联系人：${c.contact.name}，电话 ${c.contact.phone}。`,
  ].join('');
}

function noticeInEnglish(e: Enterprise, m: RequiredMeasure, c: NoticeContext): string {
  const since = c.from ? `from ${formatWallTime(c.from)}` : 'from today';
  const basis = c.doc ? `Under ${c.doc}, ` : '';
  const own = m.action === 'exempt' ? withoutExemption(m.text) : m.text;
  const ownShown = m.action === 'exempt' ? (own ? quoted(own) : '') : own && own !== '无' ? (m.textEn ?? quoted(own)) : '';
  const duties = [ownShown, ...m.extra.map((x) => extraTextIn(x, 'en'))].filter((x) => x !== '');
  const what =
    m.action !== 'exempt'
      ? `Your enterprise must: ${duties.join('; ')}`
      : duties.length > 0
        ? `Your enterprise is essential and is neither stopped nor limited, but must: ${duties.join('; ')}`
        : 'Your enterprise is essential and is neither stopped nor limited';
  return [
    `${e.name}: `,
    `${basis}${since}, ${c.town} is under the heavy-pollution-weather ${levelHeading(c.level, 'en')}. `,
    `${what}. `,
    `${standingDuties(c.level, 'en')} `,
    `The town's patrol groups will check on site. Contact: ${c.contact.name}, phone ${c.contact.phone}.`,
  ].join('');
}
