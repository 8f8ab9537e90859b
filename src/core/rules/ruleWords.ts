/**
 * A rule as a person reads it: its source's own words, not its id. Rule ids (`grade-unrated`,
 * `heavy-truck-users`) are keys for scripts and rule files; an officer reading a table sees where the rule
 * comes from ("D级停产", "技术指南2020修订版 水泥熟料 B级…"). The web address a source ends with is left
 * to the rule file and the CSV: a table has no room for it.
 */
import type { Lang } from '../problem.js';
import type { RuleTable } from './ruleTable.js';

/** A rule's source without the web addresses it cites. */
export function sourceWords(source: string): string {
  return source
    .replace(/\s*https?:\/\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a rule or cross-cutting measure of an id rests on, in the language asked: Chinese, its source's own
 * words; English, what it applies to (the source texts are Chinese, and an English page must not be).
 */
export function ruleBasis(id: string, table: RuleTable, lang: Lang): string {
  const rule = table.rules.find((r) => r.id === id);
  if (rule) {
    if (lang === 'zh') return sourceWords(rule.source) || '未注明来源';
    const grades = rule.grades.length > 0 ? `grade ${rule.grades.join('/')}` : 'any grade';
    return rule.industries.length > 0 ? `${rule.industries.join('/')}, ${grades}` : grades;
  }
  const cross = table.crossCutting.find((r) => r.id === id);
  if (cross) return lang === 'zh' ? sourceWords(cross.source) || cross.text : 'applies across grades';
  return id;
}

/** A rule named for people: "规则：D级停产", "rule for grade D". */
export function ruleWords(id: string, table: RuleTable, lang: Lang): string {
  const cross = !table.rules.some((r) => r.id === id) && table.crossCutting.some((r) => r.id === id);
  const basis = ruleBasis(id, table, lang);
  if (cross) return lang === 'zh' ? `通用措施：${basis}` : `cross-cutting measure (${basis})`;
  return lang === 'zh' ? `规则：${basis}` : `rule for ${basis}`;
}

/** Where an enterprise's measure came from (RequiredMeasure.source), in words. */
export function measureSourceWords(source: string, table: RuleTable, lang: Lang): string {
  if (source === 'enterprise') return lang === 'zh' ? '清单措施' : "the list's text";
  if (source === 'none') return lang === 'zh' ? '无适用规则' : 'no rule';
  return ruleWords(source, table, lang);
}
