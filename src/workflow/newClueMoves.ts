/**
 * A plan of record is not changed silently when new clues come in (issue 16): haze names each enterprise a new
 * clue concerns, where the day's plan has it, and what `--replan` would do with it — a clue that suggests a
 * breach makes the visit urgent (first day, ahead of the list's own order); a silent meter only raises it a
 * little.
 */
import { clueKindWord } from '../core/evidence/clueWords.js';
import { suggestsBreach } from '../core/routing/priority.js';
import type { Text } from '../errors.js';
import type { DayOfRecord } from '../io/store/plans.js';
import type { DayClues } from './dayClues.js';
import type { Town } from './town.js';

export const NEW_CLUES_HEAD: Text = { zh: '新线索涉及的企业：', en: 'the enterprises new clues concern:' };

export function newClueMoves(town: Town, day: DayOfRecord, clues: DayClues): Text[] {
  const known = new Set(day.basis.clues ?? []);
  const names = new Map(town.list.enterprises.map((e) => [e.creditCode, e.name]));
  const groups = new Map(town.setup.groups.map((g) => [g.id, g.name]));
  const out: Text[] = [];
  for (const [code, list] of [...clues.byCode].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const fresh = list.filter((c) => !known.has(c.id));
    if (fresh.length === 0) continue;
    const kinds = [...new Set(fresh.map((c) => c.kind))];
    const what = { zh: kinds.map((k) => clueKindWord(k, 'zh')).join('、'), en: kinds.map((k) => clueKindWord(k, 'en')).join(', ') };
    const route = day.routes.find((r) => r.visits.some((v) => v.creditCode === code));
    const visit = route?.visits.find((v) => v.creditCode === code);
    const where: Text = visit
      ? {
          zh: `${groups.get(route!.groupId) ?? route!.groupId}第 ${visit.seq} 站（共 ${route!.visits.length} 站）`,
          en: `${groups.get(route!.groupId) ?? route!.groupId}, stop ${visit.seq} of ${route!.visits.length}`,
        }
      : { zh: '不在当日路线中', en: "not on the day's routes" };
    const move: Text = suggestsBreach(kinds)
      ? visit
        ? { zh: '--replan 会把它列为当日必查并优先安排', en: "--replan would make it a must-visit of the day, ranked ahead of the list's order" }
        : { zh: '--replan 会把它排进当日路线，列为必查', en: "--replan would put it on the day's routes as a must-visit" }
      : { zh: '--replan 只会稍稍提前（仅数据缺失）', en: '--replan would raise it only a little (data missing only)' };
    const name = names.get(code) ?? code;
    out.push({ zh: `${name}：${what.zh}；${where.zh}；${move.zh}`, en: `${name}: ${what.en}; ${where.en}; ${move.en}` });
  }
  return out;
}
