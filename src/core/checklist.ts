/**
 * The items an inspector checks at one enterprise, from its required measure (domain.md §6): the posted
 * plan first, then that what must stop has stopped, that pollution control still runs, the logs, the gate.
 * Item ids are stable so that filled-in checklists can be imported and matched.
 */
import type { Clue } from './evidence/model.js';
import type { Enterprise, RequiredMeasure } from './model.js';
import { extraTextIn, quoted } from './ownWords.js';

/** One thing to check: its stable id, its words in Chinese (`text`, also in CSV) and in English (--lang en). */
export interface CheckItem {
  id: string;
  text: string;
  en: string;
}

/** An item's words in a person's language. */
export function itemText(item: CheckItem, lang: 'zh' | 'en'): string {
  return lang === 'en' ? item.en : item.text;
}

/**
 * A recorded item (its id and the Chinese words stored with the result) in a person's language: in English
 * the item of today's list with that id and those words, else the recorded words quoted.
 */
export function recordedItemText(recorded: { id: string; text: string }, today: readonly CheckItem[], lang: 'zh' | 'en'): string {
  if (lang === 'zh') return recorded.text;
  return today.find((i) => i.id === recorded.id && i.text === recorded.text)?.en ?? quoted(recorded.text);
}

/** Above this many tonnes a year of SO2 + NOx an enterprise has kilns or boilers worth an online-monitoring check. */
const CEMS_THRESHOLD_T = 10;

/**
 * The items of a day's visit: the measure's, then what the evidence asks to look at (each open clue's items,
 * in its own words). The checklist prints these and record accepts these, so the two never disagree.
 */
export function visitItems(e: Enterprise, m: RequiredMeasure, clues: readonly Pick<Clue, 'items'>[]): CheckItem[] {
  return [...checkItems(e, m), ...clues.flatMap((c) => c.items)];
}

export function checkItems(e: Enterprise, m: RequiredMeasure): CheckItem[] {
  const items: CheckItem[] = [
    {
      id: 'board',
      text: '一厂一策公示牌已上墙，显示当前预警级别和本企业减排措施',
      en: "The enterprise's measure board is posted, showing the current alert level and its reduction measures",
    },
    {
      id: 'staff_aware',
      text: '现场负责人知晓当前预警级别和本企业应执行的措施',
      en: 'The person in charge on site knows the current alert level and the measures the enterprise must take',
    },
  ];
  switch (m.action) {
    case 'stop':
      items.push({
        id: 'stopped',
        text: '生产设施已全部停止：设备停机，窑炉熄火，无余热、蒸汽等生产迹象',
        en: 'All production has stopped: machines off, kilns and furnaces out, no waste heat, steam or other sign of production',
      });
      items.push({
        id: 'power',
        text: '用电负荷与停产相符（分表计电或电力负荷曲线）',
        en: 'Power use matches a stopped plant (sub-meters or the load curve)',
      });
      break;
    case 'stop_part':
      if (m.processes.length > 0) {
        m.processes.forEach((p, i) => items.push({ id: `process_${i + 1}`, text: `${p}已停止运行`, en: `Stopped as the measure says: ${quoted(p)}` }));
      } else {
        items.push({
          id: 'process_1',
          text: `按措施停止相应生产线${m.limitPct !== null ? `（${m.limitPct}%）` : ''}：${m.text}`,
          en: `The lines the measure names have stopped${m.limitPct !== null ? ` (${m.limitPct}%)` : ''}: ${m.textEn ?? quoted(m.text)}`,
        });
      }
      if (m.limitPct !== null && m.processes.length > 0)
        items.push({
          id: 'limit',
          text: `产量或负荷已按要求压减 ${m.limitPct}%（核对生产台账、用电记录）`,
          en: `Output or load is down by ${m.limitPct}% as required (check the production log and power records)`,
        });
      items.push({ id: 'power', text: '用电负荷与措施相符（分表计电或电力负荷曲线）', en: 'Power use matches the measure (sub-meters or the load curve)' });
      break;
    case 'limit':
      items.push({
        id: 'limit',
        text: `产量或负荷已按要求压减${m.limitPct !== null ? ` ${m.limitPct}%` : ''}（核对生产台账、投料记录、用电记录）`,
        en: `Output or load is down${m.limitPct !== null ? ` by ${m.limitPct}%` : ''} as required (check the production log, feed records and power records)`,
      });
      items.push({ id: 'power', text: '用电负荷与限产要求相符（分表计电或电力负荷曲线）', en: 'Power use matches the limit (sub-meters or the load curve)' });
      break;
    default:
      break;
  }
  // What haze could not read is checked as written: the inspector reads the enterprise's own words.
  if (m.uninterpreted.length > 0)
    items.push({ id: 'as_written', text: `按原文核查：${m.uninterpreted.join('；')}`, en: `Check as written: ${m.uninterpreted.map(quoted).join('; ')}` });
  // Bans in the enterprise's own text, each in its words (露天焚烧, 物料装卸, 开停车…), whatever the action.
  m.bans.forEach((b, i) => items.push({ id: `ban_${i + 1}`, text: `${b}（按企业措施）`, en: `Kept, as the enterprise's measure says: ${quoted(b)}` }));
  items.push({
    id: 'control_running',
    text: '废气收集处理设施正常运行（停产期间也不得停运）',
    en: 'Exhaust collection and treatment run normally (also while production is stopped)',
  });
  items.push({
    id: 'ledger',
    text: '生产、治污设施运行、车辆进出等台账记录完整',
    en: 'Logs of production, pollution control and vehicles in and out are complete',
  });
  if ((e.emissions.so2 ?? 0) + (e.emissions.nox ?? 0) >= CEMS_THRESHOLD_T) {
    items.push({ id: 'cems', text: '在线监测（CEMS）数据正常，无旁路排放', en: 'Online monitoring (CEMS) data are normal, no bypass emissions' });
  }
  if ((e.emissions.vocs ?? 0) > 0 && !m.extra.some((x) => x.id === 'voc-no-venting' || x.id === 'no-outdoor-spraying')) {
    items.push({ id: 'voc', text: '无露天喷涂，无开停车、检修放空', en: 'No open-air spray painting, no start-up, shutdown or maintenance venting' });
  }
  if ((e.emissions.pm ?? 0) > 0) {
    items.push({ id: 'stockpile', text: '物料堆场苫盖，无露天切割、打磨', en: 'Stockpiles are covered, no open-air cutting or grinding' });
  }
  if (m.truckBan) {
    items.push({
      id: 'truck',
      text: '门禁处无国四及以下重型柴油车进出，门禁电子台账和视频留存完整',
      en: 'No heavy diesel trucks of China IV or below pass the gate; the gate log and video are complete',
    });
  }
  // The level's cross-cutting requirements, each checked on its own (the truck ban is the gate item above).
  for (const x of m.extra) {
    if (x.id === 'heavy-truck-users' || items.some((i) => i.id === `rule_${x.id}`)) continue;
    const en = extraTextIn(x, 'en');
    items.push({ id: `rule_${x.id}`, text: x.text, en: en.charAt(0).toUpperCase() + en.slice(1) }); // an item is a sentence of its own
  }
  return items;
}
