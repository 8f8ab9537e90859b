/**
 * YAML config files (haze.yaml, groups.yaml, rule files) checked against a zod schema. A bad file is
 * exit 78 with the file, the line and what is wrong (GUIDE §3.6).
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { CODE, HazeError } from '../../errors.js';
import { readInput } from './loadList.js';

export function loadYamlConfig<T extends z.ZodType>(file: string, schema: T, what: { zh: string; en: string }): z.infer<T> {
  const text = readInput(file)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return parseYamlConfig(text, file, schema, what);
}

export function parseYamlConfig<T extends z.ZodType>(text: string, file: string, schema: T, what: { zh: string; en: string }): z.infer<T> {
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
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
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
