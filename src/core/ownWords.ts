/**
 * The enterprise's own words on an English page: never translated (they are what the enterprise signed up
 * to, and what an inspector compares with its posted board) but quoted as written, beside English words.
 * Rule texts have English of their own (`text_en`); a town's rule without it is quoted like the list's words.
 */
import type { Lang } from './problem.js';
import type { RequiredMeasure } from './model.js';

/** "停止注塑工序" → `"停止注塑工序"`: marks words taken verbatim from the list or a rule file. */
export function quoted(words: string): string {
  return `"${words}"`;
}

/** The measure's text in a language: the rule's English, or the enterprise's own words quoted. */
export function measureTextIn(m: Pick<RequiredMeasure, 'text' | 'textEn'>, lang: Lang): string {
  if (lang === 'zh') return m.text;
  return m.textEn ?? quoted(m.text);
}

/** A cross-cutting requirement's text in a language. */
export function extraTextIn(x: { text: string; textEn?: string }, lang: Lang): string {
  if (lang === 'zh') return x.text;
  return x.textEn ?? quoted(x.text);
}
