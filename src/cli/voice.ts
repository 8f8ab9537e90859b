/** The workflow's voice on the command line: one language, stderr, colour only where rule 3 allows it. */
import type { Problem } from '../core/problem.js';
import { formatWhere, type Text } from '../errors.js';
import type { Voice } from '../workflow/voice.js';
import type { Globals } from './globals.js';
import { colorAllowed, colorsFor } from './terminal.js';

export interface CliVoice extends Voice {
  /** A text in the command's language. */
  t(text: Text): string;
  /** One problem as a line: place, severity, code, message, value, hint. */
  problemLine(p: Problem): string;
}

export function cliVoice(g: Globals, stream: NodeJS.WriteStream = process.stderr): CliVoice {
  const err = colorsFor(colorAllowed(stream, g.color, process.env));
  const zh = g.lang === 'zh';
  const t = (text: Text) => text[g.lang];
  const problemLine = (p: Problem) => {
    const label = p.severity === 'error' ? err.red(zh ? '错误' : 'error') : err.yellow(zh ? '警告' : 'warning');
    const value = p.value !== undefined && p.value !== '' ? (zh ? `（值：${p.value}）` : ` (found: ${p.value})`) : '';
    const hint = p.hint ? (zh ? `；提示：${p.hint.zh}` : `; hint: ${p.hint.en}`) : '';
    return `${formatWhere(p.where)}: ${label} ${p.code}: ${t(p.message)}${value}${hint}`;
  };
  return {
    t,
    problemLine,
    say: (text) => void stream.write(`${t(text)}\n`),
    warn: (text) => void stream.write(`${err.yellow(zh ? '注意' : 'note')}: ${t(text)}\n`),
    problems: (ps) => {
      for (const p of ps) stream.write(`${problemLine(p)}\n`);
    },
  };
}
