/**
 * YAML config files (haze.yaml, groups.yaml, rule files) checked against a zod schema. A bad file is
 * exit 78 with the file, the line and what is wrong (GUIDE §3.6).
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type * as z from './schema.js';
import type { Problem } from '../../core/problem.js';
import { newProblem } from '../../core/problem.js';
import { CODE, HazeError } from '../../errors.js';
import { unknownKeys } from './unknownKeys.js';
import { readInput } from './loadList.js';

export function loadYamlConfig<T extends z.ZodMiniType>(file: string, schema: T, what: { zh: string; en: string }): z.infer<T> {
  const text = readInput(file, 'config')
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return parseYamlConfig(text, file, schema, what);
}

export function parseYamlConfig<T extends z.ZodMiniType>(text: string, file: string, schema: T, what: { zh: string; en: string }): z.infer<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new HazeError(CODE.HAZE_CONFIG_YAML, {
      where: { file, line },
      message: {
        zh: `${what.zh}不是有效的 YAML：${yamlError.message.split('\n')[0]}`,
        en: `${what.en} is not valid YAML: ${yamlError.message.split('\n')[0]}`,
      },
    });
  }
  let value: unknown;
  try {
    // A "billion laughs" of aliases is refused, not expanded: no config file needs more than a few.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new HazeError(CODE.HAZE_CONFIG_ALIASES, {
      where: { file, line: firstAliasLine(text) },
      message: {
        zh: `${what.zh}的 YAML 别名展开过多，未读取（${(err as Error).message}）`,
        en: `${what.en} expands too many YAML aliases; not read (${(err as Error).message})`,
      },
    });
  }
  const result = schema.safeParse(value);
  if (result.success) {
    noteUnknownKeys(doc, schema, value, file, what, lineCounter);
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const line = lineOf(doc, path as (string | number)[], lineCounter);
  const at = path.length > 0 ? path.join('.') : '(top)';
  throw new HazeError(CODE.HAZE_CONFIG_INVALID, {
    where: { file, ...(line ? { line } : {}) },
    message: { zh: `${what.zh}有误：${at}：${issue.message}`, en: `${what.en} is wrong at ${at}: ${issue.message}` },
  });
}

/** The line of the deepest node on the path that exists: a missing key points at its parent. */
function lineOf(doc: ReturnType<typeof parseDocument>, path: (string | number)[], lc: LineCounter): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The line of the first alias (`*name`), where a reader should look. */
function firstAliasLine(text: string): number {
  const i = text.split('\n').findIndex((l) => /(^|[\s,[{:-])\*[^\s,\]}]+/.test(l));
  return i < 0 ? 1 : i + 1;
}

/**
 * Warnings about the config files read so far in this run (unknown keys), taken once by whoever tells the user:
 * the first command that reads a file says them, and `validate` lists them.
 */
const notes: Problem[] = [];

export function takeConfigNotes(): Problem[] {
  return notes.splice(0, notes.length);
}

function noteUnknownKeys(
  doc: ReturnType<typeof parseDocument>,
  schema: z.ZodMiniType,
  value: unknown,
  file: string,
  what: { zh: string; en: string },
  lc: LineCounter,
): void {
  for (const u of unknownKeys(schema, value)) {
    const line = lineOf(doc, u.path, lc);
    const at = u.path.join('.');
    notes.push(
      newProblem({
        severity: 'warning',
        code: CODE.HAZE_CONFIG_UNKNOWN_KEY,
        where: { file, ...(line ? { line } : {}) },
        value: u.key,
        message: {
          zh: `${what.zh}中的"${at}"不是已知的设置，未使用${u.suggestion ? `；是不是"${u.suggestion}"？` : ''}`,
          en: `${what.en}: "${at}" is not a known setting and is ignored${u.suggestion ? `; did you mean "${u.suggestion}"?` : ''}`,
        },
      }),
    );
  }
}
