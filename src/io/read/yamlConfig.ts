/**
 * YAML config files (haze.yaml, groups.yaml, rule files) checked against a zod schema. One check finds every
 * problem of a file at once — the slips of a Chinese keyboard (yamlSlips.ts), what YAML cannot read, every
 * setting the schema refuses (in the officer's words, configWords.ts) and the settings haze does not know —
 * each with its line and column. `validate` lists them all; every other command stops at the first error, exit
 * 78 with the file, the line and what is wrong (GUIDE §3.6).
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from './schema.js';
import { newProblem, type Problem } from '../../core/problem.js';
import { CODE, HazeError, type Text, type Where } from '../../errors.js';
import { expectedFromIssue, fieldWords, foundWords, keyPath, valueCause, valueText, type ConfigKind, type SchemaIssue } from './configWords.js';
import { unknownKeys } from './unknownKeys.js';
import { readInput } from './loadList.js';
import { yamlErrorWords, yamlSlips } from './yamlSlips.js';
import { readingInput } from './missingInput.js';

export type { ConfigKind } from './configWords.js';

type Key = string | number;

export interface ConfigCheck<T> {
  file: string;
  /**
   * The settings as read. When some are wrong: the others, with the wrong ones left at their defaults where the
   * schema has one (so validate can go on checking), or null when the file gives nothing to go on.
   */
  value: T | null;
  /** Every problem, errors and warnings, in the order of the file. */
  problems: Problem[];
  /** What a command stops with: the first error, or a file that cannot be read at all. */
  refusal: HazeError | null;
  /** Where a setting is written (its line and column), for checks made after the schema. */
  at(path: readonly Key[]): Where;
}

/** A config file: every problem in it, or the file that cannot be read (missing, too large) as one problem. */
export function checkYamlConfig<T extends z.ZodMiniType>(file: string, schema: T, kind: ConfigKind): ConfigCheck<z.infer<T>> {
  let text: string;
  try {
    const read = () => readInput(file, 'config');
    text = (kind.role ? readingInput(kind.role, file, read) : read()).toString('utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    if (!(err instanceof HazeError)) throw err;
    return unreadable(file, err, kind);
  }
  return checkYamlText(text, file, schema, kind);
}

export function checkYamlText<T extends z.ZodMiniType>(text: string, file: string, schema: T, kind: ConfigKind): ConfigCheck<z.infer<T>> {
  const lc = new LineCounter();
  // logLevel: the library's own warnings would go to stderr in its English.
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const pos = (offset: number): Where => {
    const p = lc.linePos(offset);
    return { file, line: p.line, column: String(p.col) };
  };
  const at = (path: readonly Key[]): Where => {
    const n = nodeOf(doc, path);
    return n ? pos(n.range[0]) : { file, line: 1 };
  };
  const problems: Problem[] = [];
  const badLines = new Set<number>();

  // The slips first: they say why, where the library only says that it stopped.
  const slips = yamlSlips(text);
  for (const s of slips.filter((x) => !x.causeOnly)) {
    if (s.severity === 'error') badLines.add(s.line);
    problems.push(
      newProblem({
        severity: s.severity,
        code: CODE.HAZE_CONFIG_SYNTAX,
        where: { file, line: s.line, column: String(s.column) },
        message: s.message,
        hint: s.hint,
      }),
    );
  }
  // After one error the library's next ones in the same top-level setting are mostly its consequences.
  const sectionOf = sections(text);
  const brokenSections = new Set([...badLines].map((l) => sectionOf(l)));
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0]);
    if (badLines.has(p.line) || brokenSections.has(sectionOf(p.line))) continue; // said already, with its cause
    // A quote left open is found where the text ends: say where it was opened.
    const cause = slips.filter((s) => s.causeOnly && s.line <= p.line).at(-1);
    const where = cause ? { file, line: cause.line, column: String(cause.column) } : { file, line: p.line, column: String(p.col) };
    if (badLines.has(where.line)) continue;
    badLines.add(where.line);
    brokenSections.add(sectionOf(where.line));
    brokenSections.add(sectionOf(p.line));
    problems.push(
      newProblem({
        severity: 'error',
        code: CODE.HAZE_CONFIG_SYNTAX,
        where,
        message: cause ? cause.message : yamlErrorWords(e.code),
        hint: cause
          ? cause.hint
          : e.code === 'DUPLICATE_KEY'
            ? { zh: '删去其中一处，或把两处合成一处', en: 'remove one of the two, or merge them into one' }
            : CODE_HINT_SYNTAX,
      }),
    );
  }

  let value: unknown;
  try {
    // A "billion laughs" of aliases is refused, not expanded: no config file needs more than a few.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const refusal = new HazeError(CODE.HAZE_CONFIG_ALIASES, {
      where: { file, line: firstAliasLine(text) },
      message: {
        zh: `${kind.what.zh}的 YAML 别名展开过多，未读取（${(err as Error).message}）`,
        en: `${kind.what.en} expands too many YAML aliases; not read (${(err as Error).message})`,
      },
    });
    return unreadable(file, refusal, kind);
  }

  // A problem found through a node that spans a line YAML could not read is that line's consequence, not news.
  const onBadLine = (path: readonly Key[]): boolean => {
    const n = nodeOf(doc, path);
    if (!n || badLines.size === 0) return badLines.size > 0 && path.length === 0;
    const from = lc.linePos(n.range[0]).line;
    const to = lc.linePos(n.range[2] ?? n.range[1]).line;
    for (const l of badLines) if (l >= from && l <= to) return true;
    return false;
  };

  // The top-level settings with a broken line (a key written twice is broken in both places).
  const textLines = text.split(/\r?\n/);
  const brokenKeys = new Set([...brokenSections].map((l) => /^([A-Za-z_]\w*)\s*[:：]/.exec(textLines[l - 1] ?? '')?.[1]).filter((k) => k !== undefined));
  let data: z.infer<T> | null = null;
  const missing = new Set<Problem>();
  if ((value === null || value === undefined) && problems.length === 0) {
    problems.push(
      newProblem({
        severity: 'error',
        code: CODE.HAZE_CONFIG_VALUE,
        where: { file, line: 1 },
        message: { zh: `${kind.what.zh}是空的，没有任何设置`, en: `${kind.what.en} is empty: it has no settings` },
        hint: { zh: '用 haze init 生成模板，再按模板填写', en: 'write a template with haze init and fill it in' },
      }),
    );
  } else {
    const unknown = unknownKeys(schema, value);
    const keyAt = (path: readonly Key[]) => keyWhere(doc, path, lc, file) ?? at(path);
    const suggestion = (path: readonly Key[]) => unknown.find((u) => u.path.join('\u0000') === path.join('\u0000'))?.suggestion ?? null;
    const strictlyRefused = new Set<string>();
    const result = schema.safeParse(value);
    if (result.success) data = result.data;
    else {
      for (const issue of result.error.issues as unknown as SchemaIssue[]) {
        // An empty or missing value in a setting with a broken line (a block indented with tabs) is that line's doing.
        const emptied =
          valueAt(value, issue.path) == null && (brokenSections.has(sectionOf(at(issue.path).line ?? 0)) || brokenKeys.has(String(issue.path[0])));
        if (issue.code === 'unrecognized_keys') for (const k of issue.keys ?? []) strictlyRefused.add([...issue.path, k].join('\u0000'));
        for (const p of schemaProblems(issue, value, kind, at, keyAt, suggestion)) {
          if (onBadLine(issue.path) || emptied) continue;
          problems.push(p);
          if (issue.code !== 'unrecognized_keys' && valueAt(value, issue.path) === undefined) missing.add(p);
        }
      }
      data = salvage(schema, value, result.error.issues as unknown as SchemaIssue[]);
    }
    for (const u of unknown) {
      // A strict file (a rule file) refuses the key: said once, as the error.
      if (strictlyRefused.has(u.path.join('\u0000'))) continue;
      const key = keyWhere(doc, u.path, lc, file);
      // A key made of a broken line (`leader：张三` read as one word) is that line's consequence too.
      if (onBadLine(u.path) || (key?.line !== undefined && badLines.has(key.line))) continue;
      const where = key ?? at(u.path);
      const path = keyPath(u.path, kind, value);
      problems.push(
        newProblem({
          severity: 'warning',
          code: CODE.HAZE_CONFIG_UNKNOWN_KEY,
          where,
          value: u.key,
          message: {
            zh: `${kind.what.zh}中的"${path.zh}"不是已知的设置，未使用${u.suggestion ? `；是不是"${u.suggestion}"？` : ''}`,
            en: `${kind.what.en}: "${path.en}" is not a known setting and is ignored${u.suggestion ? `; did you mean "${u.suggestion}"?` : ''}`,
          },
        }),
      );
    }
  }
  // In the order of the file; a setting that is missing (shown at its parent) after what is written wrong.
  const order = (p: Problem) => (missing.has(p) ? Infinity : (p.where.line ?? 0) * 1e4 + Number(p.where.column ?? 0));
  problems.sort((a, b) => order(a) - order(b));
  const first = problems.find((p) => p.severity === 'error');
  return { file, value: data, problems, refusal: first ? refusalOf(first, kind) : null, at };
}

const CODE_HINT_SYNTAX: Text = {
  zh: '对照上下几行检查：冒号用半角并在后面加空格，用空格缩进（不用 Tab），引号和括号成对',
  en: 'compare with the lines around it: an ASCII colon followed by a space, spaces (not tabs) to indent, quotes and brackets in pairs',
};

/** The file for a command: its settings, or the first error thrown (exit 78); warnings are noted for the user. */
export function loadYamlConfig<T extends z.ZodMiniType>(file: string, schema: T, kind: ConfigKind): z.infer<T> {
  return settle(checkYamlConfig(file, schema, kind));
}

export function parseYamlConfig<T extends z.ZodMiniType>(text: string, file: string, schema: T, kind: ConfigKind): z.infer<T> {
  return settle(checkYamlText(text, file, schema, kind));
}

/** A check as a command takes it: stop at its first error, or go on with the settings, its warnings noted. */
export function settle<T>(check: ConfigCheck<T>): T {
  if (check.refusal) throw check.refusal;
  noteConfigProblems(check.problems);
  return check.value as T;
}

/** The error a command stops with for a problem in a config file: the same words, the same place. */
export function refusalOf(p: Problem, kind: ConfigKind): HazeError {
  return new HazeError(p.code === CODE.HAZE_CONFIG_SYNTAX ? CODE.HAZE_CONFIG_YAML : CODE.HAZE_CONFIG_INVALID, {
    where: p.where,
    message: {
      zh: `${kind.what.zh}${p.code === CODE.HAZE_CONFIG_SYNTAX ? '不是有效的 YAML' : '有误'}：${p.message.zh}`,
      en: `${kind.what.en} ${p.code === CODE.HAZE_CONFIG_SYNTAX ? 'is not valid YAML' : 'is wrong'}: ${p.message.en}`,
    },
    hint: p.hint,
  });
}

/** A file that cannot be read at all (missing, too large, an alias bomb): one problem, the command's own error. */
function unreadable<T>(file: string, err: HazeError, kind: ConfigKind): ConfigCheck<T> {
  const problem = newProblem({
    severity: 'error',
    code: CODE.HAZE_CONFIG_UNREADABLE,
    where: err.where ?? { file },
    // A missing file's message already names the file and where haze looked.
    message:
      err.code === CODE.HAZE_INPUT_MISSING
        ? err.text
        : { zh: `${kind.what.zh}未能读取：${err.text.zh}`, en: `${kind.what.en} could not be read: ${err.text.en}` },
    hint: err.hint,
  });
  return { file, value: null, problems: [problem], refusal: err, at: () => ({ file }) };
}

/** One zod issue as the officer's problems (an unknown key of a strict rule file is one a key). */
function schemaProblems(
  issue: SchemaIssue,
  value: unknown,
  kind: ConfigKind,
  at: (path: readonly Key[]) => Where,
  keyAt: (path: readonly Key[]) => Where,
  suggestion: (path: readonly Key[]) => string | null,
): Problem[] {
  const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  if (issue.code === 'unrecognized_keys') {
    return (issue.keys ?? []).map((k) => {
      const p = keyPath([...path, k], kind, value);
      const meant = suggestion([...path, k]);
      return newProblem({
        severity: 'error',
        code: CODE.HAZE_CONFIG_VALUE,
        where: keyAt([...path, k]),
        value: k,
        message: {
          zh: `${p.zh}：不是这里能用的设置${meant ? `；是不是"${meant}"？` : ''}`,
          en: `${p.en}: not a setting this place takes${meant ? `; did you mean "${meant}"?` : ''}`,
        },
        hint: {
          zh: `删去"${k}"，或检查拼写（这里能用的设置见 README 规则文件一节）`,
          en: `remove "${k}" or check its spelling (README's section on rule files lists the settings)`,
        },
      });
    });
  }
  const found = valueAt(value, path);
  const words = fieldWords(path, kind);
  const expected: Text = words ? { zh: words.zh, en: words.en } : expectedFromIssue(issue);
  const p = keyPath(path, kind, value);
  const f = foundWords(found);
  const cause = valueCause(found);
  const example = words ? { zh: `例如 ${words.example}`, en: `for example ${words.example}` } : null;
  const hint: Text | undefined =
    cause || example
      ? {
          zh: [cause?.zh, example?.zh].filter(Boolean).join('；'),
          en: [cause?.en, example?.en].filter(Boolean).join('; '),
        }
      : { zh: '删去这一项使用默认值，或对照 README 的文件说明填写', en: "remove it to use the default, or fill it in as README's file section says" };
  const v = valueText(found);
  return [
    newProblem({
      severity: 'error',
      code: CODE.HAZE_CONFIG_VALUE,
      where: at(path),
      ...(v !== undefined ? { value: v } : {}),
      message:
        found === undefined
          ? { zh: `缺少 ${p.zh}：${expected.zh}`, en: `${p.en} is missing: ${expected.en}` }
          : { zh: `${p.zh}：应为${expected.zh}，${f.zh}`, en: `${p.en}: expected ${expected.en}, but ${f.en}` },
      hint,
    }),
  ];
}

/**
 * The settings with those in error left out, so their defaults apply — a haze.yaml with one wrong setting still
 * names the list and the groups file. Null when that is not enough (a required setting is wrong).
 */
function salvage<T extends z.ZodMiniType>(schema: T, value: unknown, issues: readonly SchemaIssue[]): z.infer<T> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const wrong = new Set(issues.map((i) => i.path[0]));
  if (wrong.has(undefined as unknown as Key)) return null;
  const kept = Object.fromEntries(Object.entries(value).filter(([k]) => !wrong.has(k)));
  const again = schema.safeParse(kept);
  return again.success ? again.data : null;
}

function valueAt(value: unknown, path: readonly Key[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<Key, unknown>)[k];
  }
  return v;
}

/** The deepest node on the path that exists: a missing key points at its parent. */
function nodeOf(doc: Document, path: readonly Key[]): { range: [number, number, number] } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node as { range: [number, number, number] };
  }
  return undefined;
}

/** Where a key itself is written (an unknown key: the officer looks for the word, not its value). */
function keyWhere(doc: Document, path: readonly Key[], lc: LineCounter, file: string): Where | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((i) => isScalar(i.key) && String(i.key.value) === String(path.at(-1)));
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const p = lc.linePos(pair.key.range[0]);
  return { file, line: p.line, column: String(p.col) };
}

/** Line → the line of the top-level setting it belongs to (the last unindented line at or above it). */
function sections(text: string): (line: number) => number {
  const starts: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^[^\s#]/.test(l)) starts.push(i + 1);
  });
  return (line) => {
    let s = 0;
    for (const x of starts) if (x <= line) s = x;
    return s;
  };
}

/** The line of the first alias (`*name`), where a reader should look. */
function firstAliasLine(text: string): number {
  const i = text.split('\n').findIndex((l) => /(^|[\s,[{:-])\*[^\s,\]}]+/.test(l));
  return i < 0 ? 1 : i + 1;
}

/**
 * Warnings about the config files read so far in this run (unknown keys, template leftovers), taken once by
 * whoever tells the user: the first command that reads a file says them.
 */
const notes: Problem[] = [];

export function takeConfigNotes(): Problem[] {
  return notes.splice(0, notes.length);
}

/** Note a file's warnings for the user (errors stop the command instead; validate lists both itself). */
export function noteConfigProblems(problems: readonly Problem[]): void {
  for (const p of problems) if (p.severity === 'warning') notes.push(p);
}
