/**
 * Clues as people and scripts read them (`haze evidence check`): the row columns for table and CSV, JSON with
 * each clue's figures, and which clues concern a day. Pure: the check and the enterprises' names come in.
 */
import type { EvidenceCheck } from '../core/evidence/checkEvidence.js';
import { CLUE_KIND_WORDS, EVIDENCE_RULE_WORDS } from '../core/evidence/clueWords.js';
import type { Clue } from '../core/evidence/model.js';
import type { Lang } from '../core/problem.js';
import { formatClock, formatWallTime, fromWallMinute, toWallMinute, addDays } from '../core/time.js';
import type { Column } from '../io/write/columns.js';
import { renderCsv } from '../io/write/csv.js';
import { renderJson, toRecords } from '../io/write/json.js';
import { renderTable } from '../io/write/table.js';

const at = (m: number) => formatWallTime(fromWallMinute(m));

/** A clue's window as one text: the end's date is left out when it is the start's day. */
export function windowText(from: number, to: number): string {
  const a = fromWallMinute(from);
  const b = fromWallMinute(to);
  return b.date === a.date ? `${formatWallTime(a)}–${formatClock(b.minutes)}` : `${formatWallTime(a)}–${formatWallTime(b)}`;
}

/** The clue columns. CSV keeps the stable words (kind, rule as keys); the table and --excel say them in words. */
export function clueColumns(lang: Lang, enterprise: (code: string) => string): Column<Clue>[] {
  return [
    { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (c) => c.creditCode, dataOnly: true },
    { key: 'enterprise', zh: '企业名称', en: 'enterprise', value: (c) => enterprise(c.creditCode), wrap: true },
    { key: 'kind', zh: '线索', en: 'kind', value: (c) => c.kind, excel: (c) => CLUE_KIND_WORDS[c.kind].zh, dataOnly: true },
    { key: 'kind_text', zh: '线索', en: 'kind', value: (c) => CLUE_KIND_WORDS[c.kind][lang], tableOnly: true },
    { key: 'from', zh: '开始', en: 'from', value: (c) => at(c.from), dataOnly: true },
    { key: 'to', zh: '结束', en: 'to', value: (c) => at(c.to), dataOnly: true },
    { key: 'window', zh: '时段', en: 'window', value: (c) => windowText(c.from, c.to), tableOnly: true },
    { key: 'says', zh: '数据显示', en: 'what it says', value: (c) => c.says[lang], wrap: true },
    { key: 'rule', zh: '规则', en: 'rule', value: (c) => c.rule, excel: (c) => EVIDENCE_RULE_WORDS[c.rule].zh, dataOnly: true },
    { key: 'rule_text', zh: '规则', en: 'rule', value: (c) => EVIDENCE_RULE_WORDS[c.rule][lang], tableOnly: true, drop: 2, wrap: true },
    { key: 'source', zh: '来源', en: 'source', value: (c) => c.source, drop: 1, wrap: true },
    { key: 'at_night', zh: '涉及夜间', en: 'at night', value: (c) => c.atNight, dataOnly: true },
  ];
}

/** The clues whose window touches the day (a clue that runs into it from the night before counts). */
export function cluesOnDay(clues: readonly Clue[], date: string): Clue[] {
  const from = toWallMinute({ date, minutes: 0 });
  const to = toWallMinute({ date: addDays(date, 1), minutes: 0 });
  return clues.filter((c) => c.from < to && (c.to > from || (c.to === c.from && c.from >= from)));
}

export interface ClueRendering {
  lang: Lang;
  color: boolean;
  excel: boolean;
  width: number | undefined;
}

/** The check's clues in one format; JSON adds each clue's figures and id. */
export function renderClues(
  out: ClueRendering,
  format: 'table' | 'csv' | 'json',
  check: Pick<EvidenceCheck, 'clues'>,
  enterprise: (code: string) => string,
): string {
  const columns = clueColumns(out.lang, enterprise);
  const rows = check.clues;
  const render: Record<typeof format, () => string> = {
    table: () => renderTable(rows, columns, { lang: out.lang, color: out.color, width: out.width }),
    csv: () => renderCsv(rows, columns, { excel: out.excel, lang: out.lang }),
    json: () => renderJson(toRecords(rows, columns).map((r, i) => ({ id: rows[i]!.id, ...r, point_ids: rows[i]!.pointIds, figures: rows[i]!.figures }))),
  };
  return render[format]();
}
