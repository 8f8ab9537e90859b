/**
 * The problems of a file read row by row, said once per kind: the same problem on many rows — a column of
 * check times in a form haze does not read, all 69 of them — is one line naming the rows and a few of the
 * values found, not 69 identical lines. Problems are the same kind when they say the same thing (severity,
 * code, file, column, message and hint): messages that name an enterprise or a row stay apart.
 */
import type { Problem } from './problem.js';

/** How many row ranges and values a grouped line names before it says "…". */
const SHOWN_RANGES = 6;
const SHOWN_VALUES = 3;

export function problemsByKind(problems: readonly Problem[]): Problem[] {
  const kinds = new Map<string, Problem[]>();
  const order: (Problem | Problem[])[] = [];
  for (const p of problems) {
    if (p.where.row === undefined) {
      order.push(p);
      continue;
    }
    const key = [p.severity, p.code, p.where.file, p.where.column ?? '', p.message.zh, p.hint?.zh ?? ''].join('\u0000');
    const kind = kinds.get(key);
    if (kind) kind.push(p);
    else {
      const fresh = [p];
      kinds.set(key, fresh);
      order.push(fresh);
    }
  }
  return order.map((x) => (Array.isArray(x) ? (x.length === 1 ? x[0]! : grouped(x)) : x));
}

function grouped(same: Problem[]): Problem {
  const first = same[0]!;
  const rows = [...new Set(same.map((p) => p.where.row!))].sort((a, b) => a - b);
  const ranges = rowRanges(rows);
  const values = [...new Set(same.map((p) => p.value ?? '').filter((v) => v !== ''))];
  const shown = values.slice(0, SHOWN_VALUES).map((v) => `"${v}"`);
  const more = values.length > SHOWN_VALUES;
  const zhValues = values.length === 0 ? '' : values.length === 1 ? `，值：${shown[0]}` : `，值如 ${shown.join('、')}${more ? ' 等' : ''}`;
  const enValues = values.length === 0 ? '' : values.length === 1 ? `, found: ${shown[0]}` : `, values such as ${shown.join(', ')}${more ? ', …' : ''}`;
  const { row: _row, ...where } = first.where;
  return {
    severity: first.severity,
    code: first.code,
    where,
    message: {
      zh: `${first.message.zh}（第 ${ranges.join('、')} 行，共 ${rows.length} 行）${zhValues}`,
      en: `${first.message.en} (rows ${ranges.join(', ')}; ${rows.length} in all)${enValues}`,
    },
    ...(first.hint ? { hint: first.hint } : {}),
  };
}

/** Sorted row numbers as ranges: 2–70, 72, 75–80, and "…" past the first few. */
function rowRanges(rows: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(j === i ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return out.length > SHOWN_RANGES ? [...out.slice(0, SHOWN_RANGES), '…'] : out;
}
