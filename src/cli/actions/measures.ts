/** haze measures: one row per enterprise with what it must do at the alert level. */
import type { Command } from 'commander';
import { ACTION_ZH, LEVEL_ZH, actionWord, gradeWord, type Because, type Enterprise, type RequiredMeasure } from '../../core/model.js';
import { countOf, verbFor } from '../../core/plural.js';
import { describeBecause } from '../../core/rules/measureBecause.js';
import type { RuleTable } from '../../core/rules/ruleTable.js';
import { measureSourceWords, ruleWords } from '../../core/rules/ruleWords.js';
import type { Lang } from '../../core/problem.js';
import { reductionSummary, type PollutantReduction } from '../../core/rules/reduction.js';
import { EXIT } from '../../errors.js';
import type { Column } from '../../io/write/columns.js';
import { ACTION_WORD, becauseWord, sourceWord } from '../../core/vocabulary.js';
import { renderCsvChunks } from '../../io/write/csv.js';
import { renderJson, toRecords } from '../../io/write/json.js';
import { dayAndLevel } from '../../workflow/alertInForce.js';
import { measuresAt } from '../../workflow/town.js';
import { now } from '../clock.js';
import { parseLevelAndDate } from '../flags.js';
import { readGlobals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { openTown } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';

export interface MeasureRow {
  e: Enterprise;
  m: RequiredMeasure;
}

/**
/**
 * The measure columns. CSV and JSON values never depend on the language, and keep the rule's id in `source`.
 * The table shows the grade, the action, a rule's measure text, the source in words (the rule's source, never
 * its id: ruleWords.ts) and the warnings in the language asked for; the enterprise's own text as written. When
 * the screen is narrow the table keeps the enterprise, its grade and what it must do, and leaves out the
 * source, the industry, the village, … in that order (Column.drop).
 */
export function measureColumns(rules: RuleTable, lang: Lang): Column<MeasureRow>[] {
  const en = lang === 'en';
  return [
    { key: 'credit_code', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.e.creditCode, dataOnly: true },
    { key: 'name', zh: '企业名称', en: 'name', value: (r) => r.e.name, wrap: true },
    { key: 'village', zh: '村社区', en: 'village', value: (r) => r.e.village, drop: 3 },
    { key: 'industry', zh: '行业', en: 'industry', value: (r) => r.e.industry, drop: 2 },
    { key: 'grade', zh: '等级', en: 'grade', value: (r) => r.e.grade, dataOnly: true },
    { key: 'grade_shown', zh: '等级', en: 'grade', value: (r) => gradeWord(r.e.grade, lang), tableOnly: true },
    { key: 'level', zh: '预警级别', en: 'level', value: (r) => r.m.level, excel: (r) => LEVEL_ZH[r.m.level], dataOnly: true },
    { key: 'action', zh: '措施类型', en: 'action', value: (r) => ACTION_WORD[r.m.action], excel: (r) => ACTION_ZH[r.m.action], dataOnly: true },
    { key: 'action_zh', zh: '措施类型', en: 'action', value: (r) => actionWord(r.m.action, lang), tableOnly: true },
    { key: 'limit_pct', zh: '比例%', en: 'limit %', value: (r) => r.m.limitPct, drop: 6 },
    { key: 'truck_ban', zh: '禁国四货车', en: 'truck ban', value: (r) => r.m.truckBan, drop: 5 },
    { key: 'measure', zh: '措施', en: 'measure', value: (r) => r.m.text, dataOnly: true },
    // The column's label says what it is: the enterprise's own text is shown as written, unquoted (it may run over lines).
    { key: 'measure_shown', zh: '措施', en: 'measure', value: (r) => (en ? (r.m.textEn ?? r.m.text) : r.m.text), tableOnly: true, wrap: true },
    {
      key: 'source',
      zh: '来源',
      en: 'source',
      value: (r) => sourceWord(r.m.source),
      excel: (r) => measureSourceWords(r.m.source, rules, 'zh'),
      dataOnly: true,
    },
    { key: 'source_text', zh: '来源', en: 'source', value: (r) => measureSourceWords(r.m.source, rules, lang), tableOnly: true, drop: 1, wrap: true },
    { key: 'extra', zh: '通用措施', en: 'cross-cutting', value: (r) => r.m.extra.map((x) => x.text).join('；') || null, dataOnly: true },
    { key: 'warning', zh: '提醒', en: 'warning', value: (r) => r.m.warnings.map((w) => w.zh).join('；') || null, dataOnly: true },
    {
      key: 'warning_shown',
      zh: '提醒',
      en: 'warning',
      value: (r) => r.m.warnings.map((w) => w[lang]).join(en ? '; ' : '；') || null,
      tableOnly: true,
      drop: 4,
      wrap: true,
    },
  ];
}

/** `--explain`: which words or rule gave the action, the share and the truck ban (JSON: a `because` object). */
function explainColumns(rules: RuleTable, lang: Lang): Column<MeasureRow>[] {
  // The table names a rule by its words; CSV keeps the id, which a script can look up in the rule file.
  const words = (id: string) => ruleWords(id, rules, lang);
  const both = (key: string, zh: string, en: string, part: (m: RequiredMeasure) => Because): Column<MeasureRow>[] => [
    { key, zh, en, value: (r) => describeBecause(part(r.m), lang), dataOnly: true },
    { key: `${key}_text`, zh, en, value: (r) => describeBecause(part(r.m), lang, words), tableOnly: true, wrap: true },
  ];
  return [
    ...both('because_action', '措施类型依据', 'action from', (m) => m.because.action),
    ...both('because_share', '比例依据', 'share from', (m) => m.because.share),
    ...both('because_truck_ban', '禁车依据', 'truck ban from', (m) => m.because.truckBan),
  ];
}

const because = (b: RequiredMeasure['because']['action']) => ({ ...b, by: becauseWord(b.by) });
const becauseRecord = (m: RequiredMeasure) => ({ action: because(m.because.action), share: because(m.because.share), truck_ban: because(m.because.truckBan) });

const POLLUTANT_ZH: Record<string, string> = { so2: 'SO2', nox: 'NOx', pm: '颗粒物', vocs: 'VOCs' };
const POLLUTANT_EN: Record<string, string> = { so2: 'SO2', nox: 'NOx', pm: 'particulates', vocs: 'VOCs' };
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function summaryColumns(lang: Lang): Column<PollutantReduction & { level: string }>[] {
  return [
    { key: 'level', zh: '预警级别', en: 'level', value: (r) => r.level, excel: (r) => LEVEL_ZH[r.level as keyof typeof LEVEL_ZH] ?? r.level, dataOnly: true },
    { key: 'pollutant', zh: '污染物', en: 'pollutant', value: (r) => r.pollutant, excel: (r) => POLLUTANT_ZH[r.pollutant]!, dataOnly: true },
    { key: 'pollutant_zh', zh: '污染物', en: 'pollutant', value: (r) => (lang === 'en' ? POLLUTANT_EN : POLLUTANT_ZH)[r.pollutant]!, tableOnly: true },
    { key: 'baseline_t_per_day', zh: '日排放基数(吨)', en: 'baseline t/day', value: (r) => r3(r.baselineTPerDay), drop: 2 },
    { key: 'reduction_t_per_day', zh: '日减排量(吨)', en: 'reduction t/day', value: (r) => r3(r.reductionTPerDay) },
    { key: 'ratio_pct', zh: '减排比例%', en: 'ratio %', value: (r) => (r.ratioPct === null ? null : Math.round(r.ratioPct * 10) / 10) },
    { key: 'target_pct', zh: '目标%', en: 'target %', value: (r) => r.targetPct },
    { key: 'met', zh: '达标', en: 'met', value: (r) => r.met, dataOnly: true },
    { key: 'met_zh', zh: '达标', en: 'met', value: (r) => (lang === 'en' ? (r.met ? 'yes' : 'no') : r.met ? '是' : '否'), tableOnly: true },
    { key: 'missing', zh: '缺数据企业数', en: 'without figure', value: (r) => r.missing.length, drop: 1 },
  ];
}

export const SUMMARY_COLUMNS = summaryColumns('zh');

export interface MeasuresOpts {
  level?: string;
  date?: string;
  summary?: boolean;
  check?: boolean;
  explain?: boolean;
}

/** The action of `haze measures` (its options and help: ../commands/measures.ts). */
export async function measuresAction(opts: MeasuresOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, ['table', 'csv', 'json'] as const, 'table');
  const format = out.format;
  const asked = parseLevelAndDate(opts);
  const town = await openTown(g, voice, out);
  const { level } = dayAndLevel(town.ws, asked, now().date, voice).choice;
  const measures = measuresAt(town, level);
  // Only when asked: on a province list the accounting costs as much as reading a tenth of it.
  const summary = opts.summary || opts.check ? reductionSummary(town.list.enterprises, measures, level, town.rules.targets[level]) : null;
  if (summary && opts.summary) {
    out.emit(
      renderRows(
        out,
        format,
        summary.pollutants.map((p) => ({ ...p, level })),
        summaryColumns(out.lang),
      ),
    );
    reportGaps(voice, town.list.enterprises, summary);
  } else {
    const rows = town.list.enterprises.map((e) => ({ e, m: measures.get(e.creditCode)! }));
    const measureCols = measureColumns(town.rules, out.lang);
    const columns = opts.explain ? [...measureCols, ...explainColumns(town.rules, out.lang)] : measureCols;
    const render: Record<typeof format, () => string | Iterable<string>> = {
      table: () => renderRows(out, 'table', rows, columns),
      // In pieces: a province's list is written as it is rendered.
      csv: () => renderCsvChunks(rows, columns, { excel: out.excel, lang: out.lang }),
      // The list's own columns haze does not know travel along, as they were written; --explain adds the
      // reasons as an object (by: text | unread | rule | cross_cutting | none, with the words or the rule).
      json: () =>
        town.list.extraColumns.length > 0 || opts.explain
          ? renderJson(
              toRecords(rows, measureCols).map((r, i) => ({
                ...r,
                ...(town.list.extraColumns.length > 0 ? { other_columns: town.list.extra.get(rows[i]!.e.row) ?? {} } : {}),
                ...(opts.explain ? { because: becauseRecord(rows[i]!.m) } : {}),
              })),
            )
          : renderRows(out, 'json', rows, measureCols),
    };
    out.emit(render[format]());
    const warned = rows.filter((r) => r.m.warnings.length > 0).length;
    if (warned > 0)
      voice.warn({
        zh: `${warned} 家企业的措施有提醒（见 warning 列，或运行 haze validate）`,
        en: `${countOf(warned, "enterprise's measure has", "enterprises' measures have")} warnings (see the warning column, or run haze validate)`,
      });
  }
  if (summary && opts.check) {
    const unmet = summary.pollutants.filter((p) => !p.met);
    for (const p of unmet) {
      voice.warn({
        zh: `${POLLUTANT_ZH[p.pollutant]} 减排 ${p.ratioPct!.toFixed(1)}%，未达到${level}目标 ${p.targetPct}%`,
        en: `${p.pollutant} reduction ${p.ratioPct!.toFixed(1)}% misses the ${level} target of ${p.targetPct}%`,
      });
    }
    if (unmet.length > 0) process.exitCode = EXIT.checkFailed;
  }
}

/** Say which enterprises the accounting could not count, by name. */
function reportGaps(voice: CliVoice, enterprises: readonly Enterprise[], s: ReturnType<typeof reductionSummary>): void {
  const name = new Map(enterprises.map((e) => [e.creditCode, e.name]));
  if (s.noFigures.length > 0) {
    voice.warn({
      zh: `${s.noFigures.length} 家企业没有任何排放数据，未计入：${s.noFigures.map((c) => name.get(c)).join('、')}`,
      en: `${countOf(s.noFigures.length, 'enterprise has', 'enterprises have')} no emission figures and ${verbFor(s.noFigures.length, 'is', 'are')} not counted: ${s.noFigures.map((c) => name.get(c)).join(', ')}`,
    });
  }
  for (const p of s.pollutants) {
    const partial = p.missing.filter((c) => !s.noFigures.includes(c));
    if (partial.length > 0)
      voice.warn({
        zh: `${POLLUTANT_ZH[p.pollutant]}：另有 ${partial.length} 家缺该项数据：${partial.map((c) => name.get(c)).join('、')}`,
        en: `${p.pollutant}: ${partial.length} more ${verbFor(partial.length, 'has', 'have')} no figure for it: ${partial.map((c) => name.get(c)).join(', ')}`,
      });
  }
  if (s.shareUnknown.length > 0) {
    voice.warn({
      zh: `${s.shareUnknown.length} 家企业的停限产比例未写明，按 0 计：${s.shareUnknown.map((c) => name.get(c)).join('、')}`,
      en: `${countOf(s.shareUnknown.length, "enterprise's measure states", "enterprises' measures state")} no share and count as 0: ${s.shareUnknown.map((c) => name.get(c)).join(', ')}`,
    });
  }
}
