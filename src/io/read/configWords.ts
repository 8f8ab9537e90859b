/**
 * A config file's problems in the officer's words: the key path as the file shows it (`groups → 第1组 →
 * villages`), what is written there, what is expected and an example — not zod's `groups.0.villages: Invalid
 * input`. Each file kind says what its settings are (ConfigKind.fields); a setting it does not describe falls
 * back on what the schema expects.
 */
import type { Text } from '../../errors.js';
import type { InputRole } from './missingInput.js';

/** What one setting is: what it takes, and an example line as it would be written in the file. */
export interface FieldWords {
  zh: string;
  en: string;
  example: string;
}

export interface ConfigKind {
  /** The file as a sentence names it: 巡查组配置 / the groups file. */
  what: Text;
  /** The input it is, when it is missing: which file, where haze looked, what makes one (missingInput.ts). */
  role?: InputRole;
  /**
   * The settings by path, array indices as `*` and, in rule files, the alert level as `LEVEL`:
   * `groups.*.villages`, `rules.*.LEVEL.action`.
   */
  fields: Record<string, FieldWords>;
  /** How an item of a list is named, by the list's key: `groups` → 第1组 / group 1. */
  items?: Record<string, { zh: string; en: string }>;
}

type Key = string | number;

/** `groups.0.villages` → `groups → 第1组（第一巡查组） → villages`, naming an item by its own name or id. */
export function keyPath(path: readonly Key[], kind: ConfigKind, value: unknown): Text {
  if (path.length === 0) return { zh: '文件顶层', en: 'the top of the file' };
  const zh: string[] = [];
  const en: string[] = [];
  let at: unknown = value;
  path.forEach((k, i) => {
    if (typeof k === 'number') {
      const parent = String(path[i - 1] ?? '');
      const unit = kind.items?.[parent] ?? { zh: '项', en: 'item' };
      const item = Array.isArray(at) ? at[k] : undefined;
      const own = item && typeof item === 'object' ? ((item as Record<string, unknown>).name ?? (item as Record<string, unknown>).id) : undefined;
      const named = typeof own === 'string' || typeof own === 'number' ? String(own) : null;
      zh.push(`第${k + 1}${unit.zh}${named ? `（${named}）` : ''}`);
      en.push(`${unit.en} ${k + 1}${named ? ` (${named})` : ''}`);
    } else {
      zh.push(k);
      en.push(k);
    }
    at = at && typeof at === 'object' ? (at as Record<Key, unknown>)[k] : undefined;
  });
  return { zh: zh.join(' → '), en: en.join(' → ') };
}

const LEVELS = new Set(['yellow', 'orange', 'red']);

/** The words for a setting: its path with indices as `*` (and a level as LEVEL), or nothing. */
export function fieldWords(path: readonly Key[], kind: ConfigKind): FieldWords | undefined {
  const starred = path.map((k) => (typeof k === 'number' ? '*' : k));
  return kind.fields[starred.join('.')] ?? kind.fields[starred.map((k) => (LEVELS.has(k) ? 'LEVEL' : k)).join('.')];
}

/** What is written there, as the officer sees it. */
export function foundWords(value: unknown): Text {
  if (value === undefined) return { zh: '没有写', en: 'it is missing' };
  if (value === null) return { zh: '写的是空值', en: 'it is empty' };
  if (typeof value === 'string') return { zh: `写的是文字"${value}"`, en: `it says "${value}" (text)` };
  if (typeof value === 'number') return { zh: `写的是数字 ${value}`, en: `it is the number ${value}` };
  if (typeof value === 'boolean') return { zh: `写的是 ${value}`, en: `it is ${value}` };
  if (Array.isArray(value)) return { zh: `写的是 ${value.length} 项的列表`, en: `it is a list of ${value.length}` };
  return { zh: '写的是一组"键: 值"', en: 'it is a set of "key: value" settings' };
}

/** The value as the `value` column shows it (scalars only). */
export function valueText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A zod issue, as much of it as haze reads. */
export interface SchemaIssue {
  code: string;
  path: Key[];
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  values?: unknown[];
  keys?: string[];
  message?: string;
}

const TYPE_WORDS: Record<string, Text> = {
  array: { zh: '一个列表，如 [甲, 乙]', en: 'a list, such as [a, b]' },
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  object: { zh: '一组"键: 值"设置', en: 'a set of "key: value" settings' },
};

/** What the schema expects, when the file kind does not describe the setting. */
export function expectedFromIssue(issue: SchemaIssue): Text {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected ?? ''] ?? { zh: String(issue.expected), en: String(issue.expected) };
    case 'too_small':
      if (issue.origin === 'array') return { zh: `至少 ${issue.minimum} 项`, en: `at least ${issue.minimum} items` };
      if (issue.origin === 'string') return { zh: '不能为空', en: 'not empty' };
      return { zh: `不小于 ${issue.minimum}`, en: `at least ${issue.minimum}` };
    case 'too_big':
      return { zh: `不大于 ${issue.maximum}`, en: `at most ${issue.maximum}` };
    case 'invalid_value':
      return {
        zh: `以下之一：${(issue.values ?? []).map(String).join('、')}`,
        en: `one of: ${(issue.values ?? []).map(String).join(', ')}`,
      };
    case 'invalid_union':
      return { zh: '文字或数字', en: 'text or a number' };
    default:
      return { zh: '另一种写法', en: 'something else' };
  }
}

/** Why a value probably is not what was meant: the slips of a Chinese keyboard inside a value. */
export function valueCause(value: unknown): Text | null {
  if (typeof value !== 'string') return null;
  if (/[“”‘’]/.test(value)) return { zh: '值里有中文引号，改成半角引号', en: 'the value has Chinese quotes: use ASCII quotes' };
  if (/^[［【｛]/.test(value)) return { zh: '用了全角括号，改成半角的 [ ] 或 { }', en: 'full-width brackets: use ASCII [ ] or { }' };
  if (/[，、]/.test(value))
    return { zh: '用了全角逗号或顿号：列表写成 [甲, 乙]，用半角逗号', en: 'a full-width comma: write a list as [a, b], with ASCII commas' };
  if (/：/.test(value)) return { zh: '用了全角冒号"："，改成半角冒号加空格', en: 'a full-width colon "：": use an ASCII colon and a space' };
  if (/^\d{1,2}[.．。]\d{2}$/.test(value)) return { zh: '时间用冒号分隔，写成 "08:30"', en: 'write times with a colon: "08:30"' };
  return null;
}
